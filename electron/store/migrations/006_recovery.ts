import type { Migration } from './types';

/**
 * The recovery flow (issue 7):
 * - the platform and third-party order numbers are indexed (the merchant no. is UNIQUE since
 *   001), so a customer's voucher number is one indexed look-up;
 * - the payment state machine is held by the store too: `payment_moves` is the table of
 *   electron/payments/transitions.ts and a trigger refuses every other move (a settled payment
 *   can never be put back to FAILED by a late answer);
 * - cases (挂起 / supervisor cases): a parked sale, a dropped order the customer insists on, a
 *   gateway-paid order no till knew; a parked order that leaves PARKED resolves its case in the
 *   same statement;
 * - the order timeline: each step of the recovery wizard, for the supervisor.
 */
export const m006: Migration = {
  version: 6,
  name: 'recovery',
  up: `
    CREATE INDEX payments_by_platform_no ON payments(platform_order_no)
      WHERE platform_order_no IS NOT NULL;
    CREATE INDEX payments_by_third_party_no ON payments(third_party_order_no)
      WHERE third_party_order_no IS NOT NULL;

    CREATE TABLE payment_moves (
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL,
      PRIMARY KEY (from_state, to_state)
    ) WITHOUT ROWID;
    INSERT INTO payment_moves (from_state, to_state) VALUES
      ('NEW','SUBMITTING'), ('NEW','PAID'), ('NEW','FAILED'),
      ('SUBMITTING','PAID'), ('SUBMITTING','FAILED'), ('SUBMITTING','PENDING'),
      ('SUBMITTING','QUERYING'), ('SUBMITTING','REVERSING'),
      ('PENDING','QUERYING'), ('PENDING','REVERSING'), ('PENDING','PAID'), ('PENDING','FAILED'),
      ('PENDING','REVERSED'),
      ('QUERYING','PENDING'), ('QUERYING','REVERSING'), ('QUERYING','PAID'), ('QUERYING','FAILED'),
      ('QUERYING','REVERSED'),
      ('REVERSING','REVERSED'), ('REVERSING','PAID'), ('REVERSING','NEEDS_MANUAL'),
      ('NEEDS_MANUAL','REVERSING'), ('NEEDS_MANUAL','PAID'), ('NEEDS_MANUAL','REVERSED'),
      ('NEEDS_MANUAL','FAILED'),
      ('FAILED','PAID'),
      ('REVERSED','PAID');
    CREATE TRIGGER payments_moves_only BEFORE UPDATE OF state ON payments
      WHEN OLD.state != NEW.state AND NOT EXISTS (
        SELECT 1 FROM payment_moves WHERE from_state = OLD.state AND to_state = NEW.state)
    BEGIN
      SELECT RAISE(ABORT, 'payment state move not allowed');
    END;

    CREATE TABLE cases (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN
        ('UNCONFIRMED_PAYMENT','ABANDONED_SPLIT','DROPPED_ORDER','UNMATCHED_PAYMENT')),
      state TEXT NOT NULL CHECK (state IN ('OPEN','RESOLVED')),
      order_id TEXT REFERENCES orders(id),
      payment_id TEXT REFERENCES payments(id),
      amount_fen INTEGER,
      merchant_order_no TEXT,
      platform_order_no TEXT,
      third_party_order_no TEXT,
      channel TEXT,
      paid_at TEXT,
      note TEXT,
      resolution TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      resolved_by TEXT,
      resolved_at TEXT
    );
    CREATE INDEX cases_by_state ON cases(state, created_at);
    CREATE UNIQUE INDEX cases_one_open_per_order ON cases(order_id)
      WHERE state = 'OPEN' AND order_id IS NOT NULL;
    CREATE INDEX cases_by_merchant_no ON cases(merchant_order_no)
      WHERE merchant_order_no IS NOT NULL;
    CREATE INDEX cases_by_platform_no ON cases(platform_order_no)
      WHERE platform_order_no IS NOT NULL;
    CREATE INDEX cases_by_third_party_no ON cases(third_party_order_no)
      WHERE third_party_order_no IS NOT NULL;
    CREATE TRIGGER cases_follow_order AFTER UPDATE OF status ON orders
      WHEN OLD.status = 'PARKED' AND NEW.status != 'PARKED'
    BEGIN
      UPDATE cases SET state = 'RESOLVED', resolution = COALESCE(resolution, NEW.status),
        resolved_at = NEW.updated_at, updated_at = NEW.updated_at
        WHERE order_id = NEW.id AND state = 'OPEN';
    END;

    CREATE TABLE order_timeline (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      order_id TEXT REFERENCES orders(id),
      case_id TEXT REFERENCES cases(id),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      step TEXT NOT NULL,
      outcome TEXT NOT NULL,
      detail TEXT
    );
    CREATE INDEX timeline_by_order ON order_timeline(order_id, id);
    CREATE INDEX timeline_by_case ON order_timeline(case_id, id);
  `,
};
