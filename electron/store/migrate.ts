import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current version up to `target`, each in its own transaction. */
export function migrate(
  db: Database,
  target = latestVersion(),
  list: readonly Migration[] = MIGRATIONS,
): number {
  const current = schemaVersion(db);
  if (current > latestVersion(list)) {
    throw new Error(
      `store schema v${current} is newer than this till (v${latestVersion(list)}); refusing to open it`,
    );
  }
  for (const m of list) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}

export function latestVersion(list: readonly Migration[] = MIGRATIONS): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}
