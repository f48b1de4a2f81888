import type { ClientBase } from 'pg';
import type { Db } from '../store';

/**
 * Shared data edited centrally: a versioned PostgreSQL table (rows retired with
 * `deleted = true`, never deleted) and how this till takes its changed rows. The catalogue
 * goes through the till's own catalogue (sharedCatalogue.ts), the staff through the till's users
 * (sharedUsers.ts).
 */
export interface PulledTable {
  pg: string;
  /** The columns this till reads, besides `deleted` and `version`. */
  columns: readonly string[];
  /**
   * The store schema that created the table: a till syncing with an older store database
   * (REQUIRED_PG_SCHEMA allows it) pulls the rest and leaves this one as it is.
   */
  sinceSchema?: number;
  /**
   * This table's own version in the till's sync_state (the highest row it took): it reads the
   * rows above that, not above the store-wide version, so a table the till started pulling
   * later (a newer program, a newer store schema) still gets its older rows.
   */
  versionKey?: string;
  /** Takes the changed rows inside the pull's SQLite transaction (only called with rows). */
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

function stateValue(db: Db, key: string): number | null {
  const r = db
    .prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?')
    .get(key);
  return r ? Number(r.value) : null;
}

export const sharedVersion = (db: Db): number | null => stateValue(db, VERSION_KEY);

/** The version of one pulled table (its `versionKey`) in use on this till; null: never pulled. */
export const tableVersion = (db: Db, key: string): number | null => stateValue(db, key);

/**
 * Reads every change above the version in use from one PostgreSQL snapshot, then applies them
 * and the new version in one SQLite transaction: a till is always at one whole version, and
 * one that cannot reach the server keeps the last version it had.
 */
export async function pullShared(
  pg: ClientBase,
  db: Db,
  all: readonly PulledTable[],
  /** The store database's schema version; tables it does not have yet are not pulled. */
  schema = Infinity,
): Promise<PullResult> {
  const tables = all.filter((t) => (t.sinceSchema ?? 0) <= schema);
  const from = sharedVersion(db) ?? 0;
  const changes: { t: PulledTable; rows: PulledRow[]; since: number; top: number }[] = [];
  let to = from;
  await pg.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const t of tables) {
      const rows: PulledRow[] = [];
      const since = t.versionKey ? (tableVersion(db, t.versionKey) ?? 0) : from;
      let top = since;
      for (let after = since; ;) {
        const page = await pg.query<PulledRow>(
          `SELECT ${t.columns.join(', ')}, deleted, version::text AS version FROM ${t.pg}
            WHERE version > $1 ORDER BY version LIMIT ${PAGE}`,
          [after],
        );
        rows.push(...page.rows);
        const last = page.rows[page.rows.length - 1];
        if (last) top = Math.max(top, Number(last.version));
        if (page.rows.length < PAGE || !last) break;
        after = Number(last.version);
      }
      to = Math.max(to, top);
      changes.push({ t, rows, since, top });
    }
    await pg.query('COMMIT');
  } catch (err) {
    await pg.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  const changed = changes.reduce((n, c) => n + c.rows.length, 0);
  if (to === from && changed === 0) return { from, to, changed: 0, refused: [] };
  const refused: Applied['refused'] = [];
  const put = db.prepare(
    `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  db.transaction(() => {
    for (const { t, rows, since, top } of changes) {
      if (rows.length === 0) continue;
      // A table with its own version is told its own step; the others the store-wide one.
      const v = t.versionKey ? { from: since, to: top } : { from, to };
      refused.push(...t.apply(rows, v).refused);
      if (t.versionKey) put.run(t.versionKey, String(top));
    }
    put.run(VERSION_KEY, String(to));
  })();
  return { from, to, changed, refused };
}
