import type { PgMigration } from './types';

/**
 * The store database: tills and their roles, every till's rows as pushed from its outbox
 * (one generic table keyed by till, table and row, so a new synced table needs no PostgreSQL
 * change), and refund claims that let only one till ever refund an order.
 *
 * Roles are cluster-wide in PostgreSQL, so their names carry the database's name:
 * `<db>_tills` (the group every till role belongs to) and `<db>_till_NN` (one per till).
 */
export const pg001: PgMigration = {
  version: 1,
  name: 'store',
  up: `
    CREATE TABLE tills (
      till_id text PRIMARY KEY CHECK (till_id ~ '^[0-9]{2}$'),
      role_name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- The till behind this connection: its login role, looked up once per statement.
    CREATE FUNCTION current_till() RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT till_id FROM tills WHERE role_name = session_user $$;

    CREATE TABLE till_rows (
      till_id text NOT NULL REFERENCES tills(till_id),
      tbl text NOT NULL,
      row_key text NOT NULL,
      -- The till's outbox sequence number of the change: a redelivered or older change never
      -- overwrites a newer one, which makes every push idempotent.
      version bigint NOT NULL,
      -- The row as the till's SQLite has it; NULL once the till deleted it.
      data jsonb,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (till_id, tbl, row_key)
    );
    CREATE INDEX till_rows_by_key ON till_rows (tbl, row_key);
    CREATE INDEX till_rows_by_order ON till_rows ((data->>'order_id'))
      WHERE tbl IN ('order_lines', 'payments', 'receipts', 'print_jobs');
    CREATE INDEX till_rows_by_payment ON till_rows ((data->>'payment_id'))
      WHERE tbl IN ('refunds', 'payment_transitions');
    CREATE INDEX till_rows_by_merchant_no ON till_rows ((data->>'merchant_order_no'))
      WHERE tbl = 'payments';
    CREATE INDEX till_rows_by_platform_no ON till_rows ((data->>'platform_order_no'))
      WHERE tbl = 'payments';
    CREATE INDEX till_rows_by_third_party_no ON till_rows ((data->>'third_party_order_no'))
      WHERE tbl = 'payments';
    CREATE INDEX till_rows_orders_by_day ON till_rows ((data->>'paid_at'))
      WHERE tbl = 'orders';

    CREATE TABLE till_sync (
      till_id text PRIMARY KEY REFERENCES tills(till_id),
      last_seq bigint NOT NULL DEFAULT 0,
      pushed_rows bigint NOT NULL DEFAULT 0,
      last_push_at timestamptz
    );

    CREATE TABLE refund_claims (
      order_till text NOT NULL,
      order_id text NOT NULL,
      claimed_by text NOT NULL DEFAULT current_till() REFERENCES tills(till_id),
      request_id text NOT NULL,
      amount_fen integer NOT NULL CHECK (amount_fen > 0),
      state text NOT NULL DEFAULT 'CLAIMED' CHECK (state IN ('CLAIMED', 'REFUNDED', 'FAILED')),
      detail jsonb,
      claimed_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- The constraint that makes a second refund of one order impossible, whichever till asks.
      PRIMARY KEY (order_till, order_id)
    );

    ALTER TABLE till_rows ENABLE ROW LEVEL SECURITY;
    ALTER TABLE till_sync ENABLE ROW LEVEL SECURITY;
    ALTER TABLE refund_claims ENABLE ROW LEVEL SECURITY;
    ALTER TABLE tills ENABLE ROW LEVEL SECURITY;

    DO $do$
    DECLARE g text := current_database() || '_tills';
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      END IF;
      EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', g);
      EXECUTE format('GRANT SELECT ON tills, store_db_migrations TO %I', g);
      EXECUTE format('GRANT SELECT, INSERT, UPDATE ON till_rows, till_sync, refund_claims TO %I', g);
      EXECUTE format('GRANT EXECUTE ON FUNCTION current_till() TO %I', g);
      EXECUTE format($p$CREATE POLICY tills_read ON tills FOR SELECT TO %I USING (true)$p$, g);
      -- A till reads its own rows, and of other tills only what look-up, reprint and refund need.
      EXECUTE format($p$CREATE POLICY rows_read ON till_rows FOR SELECT TO %I
        USING (till_id = current_till()
               OR tbl IN ('orders', 'order_lines', 'payments', 'receipts', 'refunds'))$p$, g);
      EXECUTE format($p$CREATE POLICY rows_insert ON till_rows FOR INSERT TO %I
        WITH CHECK (till_id = current_till())$p$, g);
      EXECUTE format($p$CREATE POLICY rows_update ON till_rows FOR UPDATE TO %I
        USING (till_id = current_till()) WITH CHECK (till_id = current_till())$p$, g);
      EXECUTE format($p$CREATE POLICY sync_read ON till_sync FOR SELECT TO %I USING (true)$p$, g);
      EXECUTE format($p$CREATE POLICY sync_insert ON till_sync FOR INSERT TO %I
        WITH CHECK (till_id = current_till())$p$, g);
      EXECUTE format($p$CREATE POLICY sync_update ON till_sync FOR UPDATE TO %I
        USING (till_id = current_till()) WITH CHECK (till_id = current_till())$p$, g);
      EXECUTE format($p$CREATE POLICY claims_read ON refund_claims FOR SELECT TO %I USING (true)$p$, g);
      EXECUTE format($p$CREATE POLICY claims_insert ON refund_claims FOR INSERT TO %I
        WITH CHECK (claimed_by = current_till())$p$, g);
      EXECUTE format($p$CREATE POLICY claims_update ON refund_claims FOR UPDATE TO %I
        USING (claimed_by = current_till()) WITH CHECK (claimed_by = current_till())$p$, g);
    END
    $do$;

    -- For the store's IT and reports: the pushed rows as plain columns.
    CREATE VIEW store_orders AS
      SELECT till_id, row_key AS order_id, data->>'status' AS status, data->>'cashier' AS cashier,
             (data->>'total_fen')::integer AS total_fen, data->>'created_at' AS created_at,
             data->>'paid_at' AS paid_at
        FROM till_rows WHERE tbl = 'orders' AND data IS NOT NULL;
    CREATE VIEW store_payments AS
      SELECT till_id, row_key AS payment_id, data->>'order_id' AS order_id,
             data->>'method' AS method, data->>'state' AS state,
             (data->>'amount_fen')::integer AS amount_fen,
             data->>'merchant_order_no' AS merchant_order_no, data->>'updated_at' AS updated_at
        FROM till_rows WHERE tbl = 'payments' AND data IS NOT NULL;
  `,
};
