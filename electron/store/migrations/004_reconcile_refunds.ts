import type { Migration } from './types';

/**
 * The reconciler remembers when it last asked about a payment (so it keeps to the acquirer's
 * rate limits across restarts), and refunds get their own table keyed by the refund number the
 * acquirer deduplicates on — a retried refund can never move money twice.
 */
export const m004: Migration = {
  version: 4,
  name: 'reconcile-refunds',
  up: `
    ALTER TABLE payments ADD COLUMN checked_at TEXT;
    ALTER TABLE payments ADD COLUMN checks INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE refunds (
      id TEXT PRIMARY KEY,
      payment_id TEXT NOT NULL REFERENCES payments(id),
      refund_no TEXT NOT NULL UNIQUE,
      request_id TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      state TEXT NOT NULL CHECK (state IN ('PENDING','REFUNDED','FAILED')),
      reason TEXT,
      error_code TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (payment_id, request_id)
    );
    CREATE INDEX refunds_by_state ON refunds(state);
  `,
};
