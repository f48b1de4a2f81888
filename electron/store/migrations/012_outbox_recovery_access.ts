import type { Migration } from './types';

const ENABLED = `EXISTS (SELECT 1 FROM sync_state WHERE key = 'outbox.enabled')`;
const NOW_MS = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`;

/**
 * The tables of the recovery flow (006) and of access, shifts and reports (008) go to the store
 * database too; 010 was written before they were merged. Each gets the three outbox triggers of
 * 010, and a till that already syncs enqueues their existing rows here, in the same transaction,
 * so its history of them goes out without a gap.
 *
 * - cases (with their notes) and the order timeline: what a supervisor decided, store-wide;
 * - shifts and their X/Z/day reports; each shift move is also an audit row (already synced);
 * - users, without their PIN hash: electron/sync/tables.ts leaves `pin_hash` on the till, so no
 *   secret ever leaves it (the trigger only names the row; the worker reads what goes out);
 * - audit_chain: where the hash chain of the (already synced) audit log starts, so the store
 *   database can verify each till's chain.
 *
 * Not synced, on purpose: shift_transitions and payment_moves are fixed tables of allowed moves.
 */
const TABLES: readonly { table: string; key: string }[] = [
  { table: 'cases', key: 'id' },
  { table: 'order_timeline', key: 'id' },
  { table: 'shifts', key: 'id' },
  { table: 'reports', key: 'id' },
  { table: 'users', key: 'id' },
  { table: 'audit_chain', key: 'id' },
];

/** The tables 012 gives outbox triggers (the 010 test checks the latest schema has them all). */
export const OUTBOX_TABLES_012 = TABLES.map((t) => t.table);

function triggers({ table, key }: { table: string; key: string }): string {
  const ops = [
    ['insert', 'INSERT', 'NEW'],
    ['update', 'UPDATE', 'NEW'],
    ['delete', 'DELETE', 'OLD'],
  ] as const;
  return ops
    .map(
      ([name, op, t]) => `CREATE TRIGGER outbox_${table}_${name} AFTER ${op} ON ${table}
        WHEN ${ENABLED}
        BEGIN
          INSERT INTO sync_outbox (tbl, row_key, at_ms) VALUES ('${table}', CAST(${t}.${key} AS TEXT), ${NOW_MS});
        END;`,
    )
    .join('\n');
}

// The history of a till that already syncs, oldest first within each table.
const backlog = ({ table, key }: { table: string; key: string }): string =>
  `INSERT INTO sync_outbox (tbl, row_key, at_ms)
     SELECT '${table}', CAST(${key} AS TEXT), ${NOW_MS} FROM ${table} WHERE ${ENABLED} ORDER BY rowid;`;

export const m012: Migration = {
  version: 12,
  name: 'outbox-recovery-access',
  up: [...TABLES.map(triggers), ...TABLES.map(backlog)].join('\n'),
};
