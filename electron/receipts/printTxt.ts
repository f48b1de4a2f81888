import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Temp file + fsync + rename: a reader (or a crash) sees the old receipt or the new, never half.
 * Owner-only (0600, folders 0700): receipts and settings are the shop's business alone.
 */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * The seed's print.txt: the latest receipt in the data folder (what vendors' tools pick up),
 * plus one archived copy per order under receipts/<day>/.
 */
export function writePrintTxt(dataDir: string, orderId: string, day: string, text: string): string {
  const archived = join(dataDir, 'receipts', day, `${orderId}.txt`);
  writeFileAtomic(archived, text);
  writeFileAtomic(join(dataDir, 'print.txt'), text);
  return archived;
}
