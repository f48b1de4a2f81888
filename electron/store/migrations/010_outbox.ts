import type { Migration } from './types';

/**
 * The sync outbox. Triggers on every table that matters write one outbox row in the same
 * transaction as the change, so no repository needs to know about sync and a table added later
 * only needs its triggers. An outbox row names the row that changed, not its content: the sync
 * worker reads the row's latest state when it pushes, so a cart scanned ten times is sent once.
 *
 * The triggers fire only once sync is enabled (sync_state 'outbox.enabled'); enabling it
 * enqueues every existing row in the same transaction (electron/sync/outbox.ts), so a till that
 * sold alone for a year sends its history first, and a till that never syncs grows no outbox.
 */
interface Synced {
  table: string;
  /** SQL over NEW/OLD giving the row key; composite keys are a JSON array. */
  key: (t: 'NEW' | 'OLD') => string;
  /** Only some changes matter (print jobs: their final states). */
  when?: (t: 'NEW' | 'OLD') => string;
}

const one = (col: string) => (t: 'NEW' | 'OLD') => `CAST(${t}.${col} AS TEXT)`;
const SYNCED: Synced[] = [
  { table: 'orders', key: one('id') },
  { table: 'order_lines', key: (t) => `json_array(${t}.order_id, ${t}.line_no)` },
  { table: 'payments', key: one('id') },
  { table: 'payment_transitions', key: one('id') },
  { table: 'refunds', key: one('id') },
  { table: 'receipts', key: one('order_id') },
  {
    table: 'print_jobs',
    key: one('id'),
    when: (t) => `${t}.state IN ('PRINTED','FAILED','CANCELLED')`,
  },
  { table: 'audit_log', key: one('id') },
];

const ENABLED = `EXISTS (SELECT 1 FROM sync_state WHERE key = 'outbox.enabled')`;
const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

function triggers(s: Synced): string {
  const ops = [
    ['insert', 'INSERT', 'NEW'],
    ['update', 'UPDATE', 'NEW'],
    ['delete', 'DELETE', 'OLD'],
  ] as const;
  return ops
    .map(([name, op, t]) => {
      const cond = s.when && op !== 'DELETE' ? `${ENABLED} AND ${s.when(t)}` : ENABLED;
      return `CREATE TRIGGER outbox_${s.table}_${name} AFTER ${op} ON ${s.table}
        WHEN ${cond}
        BEGIN
          INSERT INTO sync_outbox (tbl, row_key, at_ms) VALUES ('${s.table}', ${s.key(t)}, ${NOW_MS});
        END;`;
    })
    .join('\n');
}

/** The tables 010 gives outbox triggers; a test checks the latest schema still has them all. */
export const OUTBOX_TABLES_010 = SYNCED.map((s) => s.table);

export const m010: Migration = {
  version: 10,
  name: 'outbox',
  up: `
    CREATE TABLE sync_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      tbl TEXT NOT NULL,
      row_key TEXT NOT NULL,
      at_ms INTEGER NOT NULL
    );
    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    ${SYNCED.map(triggers).join('\n')}
  `,
};
