import type { Migration } from './types';

/**
 * Who may do what, and a trail nobody can quietly rewrite (issue 9):
 * - users with scrypt PIN hashes and a lockout counter;
 * - the audit log becomes a hash chain (role, approver, before/after, prev_hash, hash). Rows
 *   written before this migration cannot be hashed in SQL; `audit_chain.legacy_max_id` says
 *   where the chain starts. Triggers make the table append-only for the app; `audit verify`
 *   catches whoever drops them;
 * - shifts with their transition table (a trigger refuses any other move) and one open shift
 *   per till; payments and refunds name the shift their money belongs to;
 * - reports (X, Z, day) kept with their text and figures;
 * - search: refunded_fen on the order (kept with each refund), and indexes for dates, cashier,
 *   amount and the last four characters of each order number (suffix search over 1M orders).
 */
export const m008: Migration = {
  version: 8,
  name: 'access',
  up: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('cashier','supervisor','technician')),
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0,1)),
      failed_pins INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    ALTER TABLE audit_log ADD COLUMN role TEXT;
    ALTER TABLE audit_log ADD COLUMN approver TEXT;
    ALTER TABLE audit_log ADD COLUMN before TEXT;
    ALTER TABLE audit_log ADD COLUMN after TEXT;
    ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    CREATE TABLE audit_chain (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      legacy_max_id INTEGER NOT NULL
    );
    INSERT INTO audit_chain (id, legacy_max_id) SELECT 1, COALESCE(MAX(id), 0) FROM audit_log;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE INDEX audit_by_actor ON audit_log(actor, id);
    CREATE INDEX audit_by_action ON audit_log(action, id);
    CREATE INDEX audit_by_at ON audit_log(at);

    CREATE TABLE shifts (
      id TEXT PRIMARY KEY,
      till_no TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('OPEN','CLOSING','CLOSED')),
      opened_by TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      float_fen INTEGER NOT NULL CHECK (float_fen >= 0),
      closed_by TEXT,
      closed_at TEXT,
      counted_fen INTEGER,
      expected_fen INTEGER,
      carried_over INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE shift_transitions (
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL,
      PRIMARY KEY (from_state, to_state)
    );
    INSERT INTO shift_transitions (from_state, to_state)
      VALUES ('OPEN','CLOSING'), ('CLOSING','OPEN'), ('CLOSING','CLOSED');
    CREATE TRIGGER shifts_start_open BEFORE INSERT ON shifts WHEN NEW.state != 'OPEN'
      BEGIN SELECT RAISE(ABORT, 'a shift starts OPEN'); END;
    CREATE TRIGGER shifts_transition BEFORE UPDATE OF state ON shifts
      WHEN NEW.state != OLD.state AND NOT EXISTS (
        SELECT 1 FROM shift_transitions WHERE from_state = OLD.state AND to_state = NEW.state)
      BEGIN SELECT RAISE(ABORT, 'shift transition not allowed'); END;
    CREATE UNIQUE INDEX shifts_one_open ON shifts(till_no) WHERE state != 'CLOSED';
    CREATE INDEX shifts_by_opened ON shifts(opened_at);

    ALTER TABLE payments ADD COLUMN shift_id TEXT REFERENCES shifts(id);
    ALTER TABLE refunds ADD COLUMN shift_id TEXT REFERENCES shifts(id);
    CREATE INDEX payments_by_shift ON payments(shift_id);
    CREATE INDEX refunds_by_shift ON refunds(shift_id);
    CREATE INDEX refunds_by_created ON refunds(created_at);
    CREATE INDEX payments_by_created ON payments(created_at);

    CREATE TABLE reports (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('X','Z','DAY')),
      shift_id TEXT REFERENCES shifts(id),
      day TEXT NOT NULL,
      copy_of TEXT REFERENCES reports(id),
      text TEXT NOT NULL,
      figures TEXT NOT NULL,
      txt_path TEXT NOT NULL,
      job_id TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX reports_by_created ON reports(created_at);

    ALTER TABLE orders ADD COLUMN refunded_fen INTEGER NOT NULL DEFAULT 0;
    UPDATE orders SET refunded_fen = (
      SELECT COALESCE(SUM(r.amount_fen), 0) FROM refunds r JOIN payments p ON p.id = r.payment_id
      WHERE p.order_id = orders.id AND r.state = 'REFUNDED')
    WHERE id IN (SELECT p.order_id FROM refunds r JOIN payments p ON p.id = r.payment_id);
    CREATE INDEX orders_by_created ON orders(created_at);
    CREATE INDEX orders_by_cashier ON orders(cashier, created_at);
    CREATE INDEX orders_by_total ON orders(total_fen, created_at);
    CREATE INDEX orders_refunded ON orders(created_at) WHERE refunded_fen > 0;
    CREATE INDEX payments_mno_tail ON payments(substr(merchant_order_no, -4));
    CREATE INDEX payments_pno_tail ON payments(substr(platform_order_no, -4));
    CREATE INDEX payments_tno_tail ON payments(substr(third_party_order_no, -4));
  `,
};
