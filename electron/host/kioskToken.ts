import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFileAtomic } from './keys/privateFile';

/**
 * The kiosk token belongs to the data folder, not to one start: an open tab keeps working when
 * the host restarts (crash, update, power cut). Kept 0600 in <dataDir>/kiosk-token; delete the
 * file to revoke every tab (a new token is made at the next start).
 */
export function kioskToken(dataDir: string, name = 'kiosk-token'): string {
  const file = join(dataDir, name);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(kept)) return kept;
  }
  const token = randomBytes(24).toString('base64url');
  writePrivateFileAtomic(file, `${token}\n`);
  return token;
}
