import type { Migration } from './types';

/**
 * Two more order states, known now so later migrations never rebuild the table again:
 * PARKED (挂起: a sale whose payment needs a supervisor, or a split sale abandoned after its
 * first part; the till moves on to the next customer) and HELD (挂单: a sale the cashier set
 * aside with no payment in flight, to recall later). SQLite cannot alter a CHECK, so the table
 * is rebuilt (SQLite's recipe: foreign keys off around it, checked before commit; migrate.ts).
 */
export const m005: Migration = {
  version: 5,
  name: 'order-states',
  rebuildsTables: true,
  up: `
    CREATE TABLE orders_v5 (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('OPEN','PAYING','PAID','VOID','PARKED','HELD')),
      cashier TEXT NOT NULL,
      total_fen INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      paid_at TEXT
    );
    INSERT INTO orders_v5 (id, status, cashier, total_fen, created_at, updated_at, paid_at)
      SELECT id, status, cashier, total_fen, created_at, updated_at, paid_at FROM orders;
    DROP TABLE orders;
    ALTER TABLE orders_v5 RENAME TO orders;
    CREATE INDEX orders_by_status ON orders(status, created_at);
  `,
};
