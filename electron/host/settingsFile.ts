import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SettingsSchema, type Settings } from './config';
import { SECRET_NAMES } from './keys/keyStore';
import { writePrivateFileAtomic } from './keys/privateFile';

/**
 * Merges a change into <dataDir>/settings.json, validated, written atomically at 0600. A gateway
 * secret never goes into this file (it lives in the key store), whatever the change carried.
 */
export function updateSettings(dataDir: string, change: Partial<Settings>): Settings {
  const file = join(dataDir, 'settings.json');
  const current: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const next = SettingsSchema.parse({ ...(current as object), ...change });
  if (next.gateway && next.gateway !== 'sandbox')
    for (const name of SECRET_NAMES) delete (next.gateway as Record<string, unknown>)[name];
  writePrivateFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
