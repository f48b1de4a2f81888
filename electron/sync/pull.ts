import type { ClientBase } from 'pg';
import type { Db } from '../store';

/**
 * Shared data edited centrally: a versioned PostgreSQL table (rows retired with
 * `deleted = true`, never deleted) and how this till takes its changed rows. The catalogue
 * goes through the till's own catalogue (sharedCatalogue.ts); users (issue 9) are one more entry.
 */
export interface PulledTable {
  pg: string;
  /** The columns this till reads, besides `deleted` and `version`. */
  columns: readonly string[];
  /** Takes the changed rows inside the pull's SQLite transaction. */
  apply(rows: readonly PulledRow[], v: { from: number; to: number }): Applied;
}
export type PulledRow = Record<string, unknown> & { deleted: boolean; version: string };
export interface Applied {
  /** Rows the till refused by its own rules (key and reason): the rest of the version is taken. */
  refused: { key: string; reason: string }[];
}

const VERSION_KEY = 'shared.version';
const PAGE = 5_000;

export interface PullResult {
  from: number;
  to: number;
  /** Rows that changed centrally since `from`. */
  changed: number;
  refused: Applied['refused'];
}

export function sharedVersion(db: Db): number | null {
  const r = db
    .prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?')
    .get(VERSION_KEY);
  return r ? Number(r.value) : null;
}

/**
 * Reads every change above the version in use from one PostgreSQL snapshot, then applies them
 * and the new version in one SQLite transaction: a till is always at one whole version, and
 * one that cannot reach the server keeps the last version it had.
 */
export async function pullShared(
  pg: ClientBase,
  db: Db,
  tables: readonly PulledTable[],
): Promise<PullResult> {
  const from = sharedVersion(db) ?? 0;
  const changes: { t: PulledTable; rows: PulledRow[] }[] = [];
  let to = from;
  await pg.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const t of tables) {
      const rows: PulledRow[] = [];
      for (let after = from; ;) {
        const page = await pg.query<PulledRow>(
          `SELECT ${t.columns.join(', ')}, deleted, version::text AS version FROM ${t.pg}
            WHERE version > $1 ORDER BY version LIMIT ${PAGE}`,
          [after],
        );
        rows.push(...page.rows);
        const last = page.rows[page.rows.length - 1];
        if (last) to = Math.max(to, Number(last.version));
        if (page.rows.length < PAGE || !last) break;
        after = Number(last.version);
      }
      changes.push({ t, rows });
    }
    await pg.query('COMMIT');
  } catch (err) {
    await pg.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  if (to === from) return { from, to, changed: 0, refused: [] };
  const refused: Applied['refused'] = [];
  db.transaction(() => {
    for (const { t, rows } of changes) refused.push(...t.apply(rows, { from, to }).refused);
    db.prepare(
      `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(VERSION_KEY, String(to));
  })();
  return { from, to, changed: changes.reduce((n, c) => n + c.rows.length, 0), refused };
}
