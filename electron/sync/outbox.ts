import type { Db } from '../store';
import { SYNCED_TABLES, type SyncedTable } from './tables';

export interface OutboxRow {
  tbl: string;
  rowKey: string;
  /** The outbox seq of the row's latest change in this batch: its version in PostgreSQL. */
  version: number;
  /** When the first change in this batch was made (ms): for the lag. */
  atMs: number;
  /** The row's current content; null when the till deleted it. */
  data: Record<string, unknown> | null;
}
export interface OutboxBatch {
  rows: OutboxRow[];
  /** Every entry's time (ms), for lag statistics. */
  entryTimes: number[];
  maxSeq: number;
}

const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

/** Reads and acknowledges the outbox; everything here runs in short SQLite statements. */
export function createOutbox(db: Db, tables: readonly SyncedTable[] = SYNCED_TABLES) {
  const byName = new Map(tables.map((t) => [t.table, t]));
  const readers = new Map(
    tables.map((t) => [
      t.table,
      db.prepare(`SELECT * FROM ${t.table} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`),
    ]),
  );
  const q = {
    enabled: db.prepare<[], { v: string }>(
      "SELECT value AS v FROM sync_state WHERE key = 'outbox.enabled'",
    ),
    enable: db.prepare(
      "INSERT OR IGNORE INTO sync_state (key, value) VALUES ('outbox.enabled', ?)",
    ),
    head: db.prepare<[number], { seq: number; tbl: string; row_key: string; at_ms: number }>(
      'SELECT seq, tbl, row_key, at_ms FROM sync_outbox ORDER BY seq LIMIT ?',
    ),
    ack: db.prepare('DELETE FROM sync_outbox WHERE seq <= ?'),
    stats: db.prepare<[], { n: number; oldest: number | null }>(
      'SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM sync_outbox',
    ),
  };

  const keyArgs = (t: SyncedTable, rowKey: string): unknown[] =>
    t.key.length === 1 ? [rowKey] : (JSON.parse(rowKey) as unknown[]);

  function content(t: SyncedTable, rowKey: string): Record<string, unknown> | null {
    const row = readers.get(t.table)?.get(...keyArgs(t, rowKey)) as
      Record<string, unknown> | undefined;
    if (!row) return null;
    for (const c of t.omit ?? []) delete row[c];
    for (const [k, v] of Object.entries(row))
      if (Buffer.isBuffer(v)) row[k] = { base64: v.toString('base64') };
    return row;
  }

  return {
    isEnabled: (): boolean => q.enabled.get() !== undefined,
    /**
     * Switches the triggers on and enqueues every row that exists, in one transaction: the
     * history and whatever is sold from now on, without a gap or a double.
     */
    enable: db.transaction((): boolean => {
      if (q.enabled.get()) return false;
      q.enable.run(new Date().toISOString());
      for (const t of tables) {
        const key =
          t.key.length === 1 ? `CAST(${t.key[0]} AS TEXT)` : `json_array(${t.key.join(', ')})`;
        const where = t.only ? ` WHERE ${t.only}` : '';
        db.prepare(
          `INSERT INTO sync_outbox (tbl, row_key, at_ms) SELECT '${t.table}', ${key}, ${NOW_MS} FROM ${t.table}${where}`,
        ).run();
      }
      return true;
    }),
    /**
     * The next batch: up to `limit` outbox entries, one row per changed row at its latest
     * content, all read in one transaction so an order and its lines are consistent.
     */
    next: db.transaction((limit: number): OutboxBatch | null => {
      const entries = q.head.all(limit);
      const last = entries[entries.length - 1];
      if (!last) return null;
      const rows = new Map<string, OutboxRow>();
      for (const e of entries) {
        const id = `${e.tbl}\u0000${e.row_key}`;
        const seen = rows.get(id);
        if (seen) {
          seen.version = e.seq;
          continue;
        }
        rows.set(id, { tbl: e.tbl, rowKey: e.row_key, version: e.seq, atMs: e.at_ms, data: null });
      }
      for (const r of rows.values()) {
        const t = byName.get(r.tbl);
        r.data = t ? content(t, r.rowKey) : null;
      }
      return {
        rows: [...rows.values()],
        entryTimes: entries.map((e) => e.at_ms),
        maxSeq: last.seq,
      };
    }),
    ack: (maxSeq: number): void => void q.ack.run(maxSeq),
    stats(): { pending: number; oldestMs: number | null } {
      const s = q.stats.get();
      return { pending: s?.n ?? 0, oldestMs: s?.oldest ?? null };
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
