import type { Database } from 'better-sqlite3';
import { problemOf, StoreError } from './failures';

/** 'TILL' in the SQLite header's application_id field: a till store says what it is. */
export const APPLICATION_ID = 0x54494c4c;

export type StoreKind = 'new' | 'till' | 'legacy-till' | 'foreign';

/**
 * New (empty file), ours (application_id), an older till store from before the id was stamped
 * (schema version ≥ 1 and our payments table), or someone else's SQLite file.
 */
export function identify(db: Database): StoreKind {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
  ).filter((n) => !n.startsWith('sqlite_'));
  if (appId === APPLICATION_ID) return 'till';
  if (appId !== 0) return 'foreign';
  if (version === 0 && tables.length === 0) return 'new';
  if (version >= 1 && tables.includes('payments') && tables.includes('orders'))
    return 'legacy-till';
  return 'foreign';
}

/** `PRAGMA quick_check` (start-up) or the full `integrity_check` (on demand): the problems found. */
export function checkPages(db: Database, full = false, max = 20): string[] {
  let rows: Record<string, string>[];
  try {
    rows = db.pragma(`${full ? 'integrity_check' : 'quick_check'}(${max})`, {
      simple: false,
    }) as Record<string, string>[];
  } catch (err) {
    // Damage bad enough that the check itself cannot walk the file is damage too.
    if (problemOf(err) === 'DAMAGED') return [(err as Error).message];
    throw err;
  }
  const lines = rows.map((r) => Object.values(r)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/** Refuses what is not a sound till store, before anything is written to it. */
export function assertTillStore(db: Database, file: string): StoreKind {
  const kind = identify(db);
  if (kind === 'foreign')
    throw new StoreError(
      'FOREIGN',
      file,
      `application_id ${db.pragma('application_id', { simple: true })}, schema ${db.pragma('user_version', { simple: true })}`,
    );
  if (kind === 'new') return kind;
  const problems = checkPages(db);
  if (problems.length > 0) throw new StoreError('DAMAGED', file, problems.slice(0, 5).join('; '));
  return kind;
}
