import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The one function the host reads a secret through (today: `sync.password`). Until the key
 * store (issue 10) replaces its body, a secret is a file `<dataDir>/keys/<name>`, readable by
 * the till's user only. Never logged, never sent to the UI.
 */
export function readSecret(dataDir: string, name: string): string | null {
  const file = join(dataDir, 'keys', name);
  if (!existsSync(file)) return null;
  const value = readFileSync(file, 'utf8').trim();
  return value.length > 0 ? value : null;
}
