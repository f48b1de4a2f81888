import type { ClientBase } from 'pg';
import type { Db } from '../store';

/**
 * Shared data edited centrally: a PostgreSQL table, its SQLite table, the columns they share
 * (PostgreSQL name → SQLite name) and the key. Users (issue 9) and a richer catalogue (issue
 * 11) are one more entry each.
 */
export interface PulledTable {
  pg: string;
  sqlite: string;
  key: string;
  columns: Readonly<Record<string, string>>;
}

export const PULLED_TABLES: readonly PulledTable[] = [
  {
    pg: 'shared_products',
    sqlite: 'products',
    key: 'barcode',
    columns: { barcode: 'barcode', name: 'name', price_fen: 'price_fen', unit: 'unit' },
  },
];

const VERSION_KEY = 'shared.version';
const PAGE = 5_000;

export interface PullResult {
  from: number;
  to: number;
  changed: number;
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
  tables: readonly PulledTable[] = PULLED_TABLES,
): Promise<PullResult> {
  const from = sharedVersion(db) ?? 0;
  const changes: { t: PulledTable; rows: Record<string, unknown>[] }[] = [];
  let to = from;
  await pg.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const t of tables) {
      const cols = Object.keys(t.columns).join(', ');
      const rows: Record<string, unknown>[] = [];
      for (let after = from; ;) {
        const page = await pg.query<Record<string, unknown> & { version: string }>(
          `SELECT ${cols}, deleted, version::text AS version FROM ${t.pg}
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
  if (to === from) return { from, to, changed: 0 };
  let changed = 0;
  db.transaction(() => {
    for (const { t, rows } of changes) {
      const sqliteCols = Object.values(t.columns);
      const upsert = db.prepare(
        `INSERT INTO ${t.sqlite} (${sqliteCols.join(', ')}) VALUES (${sqliteCols.map(() => '?').join(', ')})
         ON CONFLICT(${t.columns[t.key] ?? t.key}) DO UPDATE SET ${sqliteCols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      const remove = db.prepare(`DELETE FROM ${t.sqlite} WHERE ${t.columns[t.key] ?? t.key} = ?`);
      for (const r of rows) {
        if (r.deleted === true) remove.run(r[t.key]);
        else upsert.run(...Object.keys(t.columns).map((c) => r[c]));
        changed++;
      }
    }
    db.prepare(
      `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(VERSION_KEY, String(to));
  })();
  return { from, to, changed };
}
