/**
 * What the sync worker pushes, table by table: how an outbox row key finds the row again, and
 * which columns stay on the till (print bytes: large, and nobody else prints them).
 * A table added by a later migration gets outbox triggers there and one line here.
 */
export interface SyncedTable {
  table: string;
  /** The primary key columns, in the order the trigger wrote them (several → a JSON array). */
  key: readonly string[];
  omit?: readonly string[];
}

export const SYNCED_TABLES: readonly SyncedTable[] = [
  { table: 'orders', key: ['id'] },
  { table: 'order_lines', key: ['order_id', 'line_no'] },
  { table: 'payments', key: ['id'] },
  { table: 'payment_transitions', key: ['id'] },
  { table: 'refunds', key: ['id'] },
  { table: 'receipts', key: ['order_id'] },
  { table: 'print_jobs', key: ['id'], omit: ['bytes'] },
  { table: 'audit_log', key: ['id'] },
];
