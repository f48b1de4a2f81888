import {
  chmodSync,
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Owner read/write only; the till's data is nobody else's business on a shared shop PC. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/**
 * Temp file + fsync + rename, created 0600 whatever the umask and whatever the old file's mode:
 * rename replaces the old inode, so a file that had drifted to 0644 comes back 0600.
 */
export function writePrivateFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', PRIVATE_FILE);
  try {
    if (process.platform !== 'win32') fchmodSync(fd, PRIVATE_FILE);
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * Takes group and other bits away (never adds any: a folder made read-only on purpose stays so).
 * Only where the platform has POSIX modes; Windows user-data folders are per-user by ACL.
 */
export function tighten(path: string, max: number): void {
  if (process.platform === 'win32') return;
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if ((mode & max) !== mode) chmodSync(path, mode & max);
}
