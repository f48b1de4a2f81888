import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { asStoreError } from '../store/failures';
import { PRIVATE_DIR, PRIVATE_FILE, tighten } from './keys/privateFile';

/** Files the till keeps at the top of its data folder (the folder's 0700 guards the rest). */
const TOP_FILES =
  /^(till\.db(-wal|-shm)?|till\.lock(\.json)?|settings\.json|keys\.json|kiosk-token|print\.txt)$/;
const TOP_DIRS = ['logs', 'receipts', 'backups', 'virtual-printer'];

/**
 * The data folder holds sales, receipts and keys: readable by the till's own user only. The
 * umask makes everything written from now on 0600/0700 (SQLite's WAL, logs, receipts); what an
 * older version left 0644 is tightened here. On Windows the user-data folder is per-user by ACL.
 */
export function secureDataDir(dataDir: string): void {
  try {
    tightenAll(dataDir);
  } catch (err) {
    // Not ours to change (another user's folder, a read-only disk): say so before anything else.
    throw asStoreError(err, dataDir);
  }
}

function tightenAll(dataDir: string): void {
  if (process.platform !== 'win32') process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
  tighten(dataDir, PRIVATE_DIR);
  for (const name of readdirSync(dataDir)) {
    if (TOP_FILES.test(name)) tighten(join(dataDir, name), PRIVATE_FILE);
  }
  for (const dir of TOP_DIRS) {
    const path = join(dataDir, dir);
    if (!existsSync(path)) continue;
    tighten(path, PRIVATE_DIR);
    if (dir === 'logs') for (const f of readdirSync(path)) tighten(join(path, f), PRIVATE_FILE);
  }
}
