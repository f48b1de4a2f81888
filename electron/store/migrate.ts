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
    const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.rebuildsTables && fkWasOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.up);
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`migration ${m.version} left ${broken.length} broken references`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.rebuildsTables && fkWasOn) db.pragma('foreign_keys = ON');
    }
  }
  return schemaVersion(db);
}

export function latestVersion(list: readonly Migration[] = MIGRATIONS): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}
