import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../receipts/printTxt';
import { SettingsSchema, type Settings } from './config';

/** Merges a change into <dataDir>/settings.json, validated, written atomically. */
export function updateSettings(dataDir: string, change: Partial<Settings>): Settings {
  const file = join(dataDir, 'settings.json');
  const current: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const next = SettingsSchema.parse({ ...(current as object), ...change });
  writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
