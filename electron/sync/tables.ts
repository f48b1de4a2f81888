/**
 * What the sync worker pushes, table by table: how an outbox row key finds the row again, and
 * which columns stay on the till (print bytes: large, and nobody else prints them; PIN hashes:
 * secrets).
 * A table added by a later migration gets outbox triggers there and one line here.
 */
export interface SyncedTable {
  table: string;
  /** The primary key columns, in the order the trigger wrote them (several → a JSON array). */
  key: readonly string[];
  omit?: readonly string[];
  /** Only rows in this condition go out (the triggers check the same). */
  only?: string;
}

/** A print job goes out once its turn ended (migration 011): the queue's states stay here. */
export const SYNCED_PRINT_STATES = ['PRINTED', 'FAILED', 'INTERRUPTED', 'CANCELLED'] as const;

export const SYNCED_TABLES: readonly SyncedTable[] = [
  { table: 'orders', key: ['id'] },
  { table: 'order_lines', key: ['order_id', 'line_no'] },
  { table: 'payments', key: ['id'] },
  { table: 'payment_transitions', key: ['id'] },
  { table: 'refunds', key: ['id'] },
  { table: 'receipts', key: ['order_id'] },
  {
    table: 'print_jobs',
    key: ['id'],
    omit: ['bytes'],
    only: `state IN (${SYNCED_PRINT_STATES.map((s) => `'${s}'`).join(', ')})`,
  },
  { table: 'audit_log', key: ['id'] },
  // Migration 012: the recovery flow's cases and timeline, shifts, reports, users, the chain start.
  { table: 'cases', key: ['id'] },
  { table: 'order_timeline', key: ['id'] },
  { table: 'shifts', key: ['id'] },
  { table: 'reports', key: ['id'] },
  // A PIN hash is a secret: it never leaves the till (a user's PIN is checked where it is typed).
  { table: 'users', key: ['id'], omit: ['pin_hash'] },
  { table: 'audit_chain', key: ['id'] },
];
