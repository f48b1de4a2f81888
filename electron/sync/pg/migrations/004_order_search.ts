import type { PgMigration } from './types';

/**
 * Finding an order of another till by a number, fast. Row-level security checks a till's
 * policy before any expression that is not leakproof (such as `data->>'merchant_order_no'`), so
 * a till's own query cannot use the expression indexes on the numbers and reads every payment
 * of the store. Two functions run as the owner instead and return only what the policy lets
 * every till read anyway (orders, their lines, payments, receipts and refunds):
 * - `store_order_keys(number, suffix)`: which orders carry that number — whole (order id or any
 *   of the three order nos.), or by its last 4+ characters (order.search, as a till's own search
 *   does with till migration 008's indexes);
 * - `store_order_rows(tills, orders, tables)`: those orders' rows.
 * The last four characters of each number are indexed for the suffix search.
 */
export const pg004: PgMigration = {
  version: 4,
  name: 'order-search',
  up: `
    CREATE INDEX till_rows_mno_tail ON till_rows (right(data->>'merchant_order_no', 4))
      WHERE tbl = 'payments';
    CREATE INDEX till_rows_pno_tail ON till_rows (right(data->>'platform_order_no', 4))
      WHERE tbl = 'payments';
    CREATE INDEX till_rows_tno_tail ON till_rows (right(data->>'third_party_order_no', 4))
      WHERE tbl = 'payments';

    CREATE FUNCTION store_order_keys(n text, by_suffix boolean)
      RETURNS TABLE (till_id text, order_id text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $f$
    BEGIN
      IF NOT by_suffix THEN
        RETURN QUERY
          SELECT r.till_id, r.row_key FROM till_rows r
           WHERE r.tbl = 'orders' AND r.row_key = n AND r.data IS NOT NULL
          UNION
          SELECT r.till_id, r.data->>'order_id' FROM till_rows r WHERE r.tbl = 'payments'
             AND (r.data->>'merchant_order_no' = n OR r.data->>'platform_order_no' = n
                  OR r.data->>'third_party_order_no' = n);
      ELSIF length(n) >= 4 THEN
        RETURN QUERY
          SELECT r.till_id, r.row_key FROM till_rows r
           WHERE r.tbl = 'orders' AND r.row_key = n AND r.data IS NOT NULL
          UNION
          SELECT r.till_id, r.data->>'order_id' FROM till_rows r WHERE r.tbl = 'payments' AND (
               (right(r.data->>'merchant_order_no', 4) = right(n, 4)
                AND right(r.data->>'merchant_order_no', length(n)) = n)
            OR (right(r.data->>'platform_order_no', 4) = right(n, 4)
                AND right(r.data->>'platform_order_no', length(n)) = n)
            OR (right(r.data->>'third_party_order_no', 4) = right(n, 4)
                AND right(r.data->>'third_party_order_no', length(n)) = n));
      END IF;
    END
    $f$;

    -- Each order is looked up on its own (LATERAL … OFFSET 0 keeps it a nested loop over the
    -- order-id index whatever the planner guesses of the arrays' length).
    CREATE FUNCTION store_order_rows(tills text[], orders text[], tables text[])
      RETURNS TABLE (till_id text, tbl text, row_key text, data jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $f$
      SELECT r.till_id, r.tbl, r.row_key, r.data
        FROM unnest(tills, orders) AS k(till_id, order_id),
        LATERAL (
          SELECT o.till_id, o.tbl, o.row_key, o.data FROM till_rows o
           WHERE o.till_id = k.till_id AND o.tbl = 'orders' AND o.row_key = k.order_id
          UNION ALL
          SELECT l.till_id, l.tbl, l.row_key, l.data FROM till_rows l
           WHERE l.data->>'order_id' = k.order_id AND l.till_id = k.till_id
             AND l.tbl IN ('order_lines', 'payments', 'receipts')
          UNION ALL
          SELECT f.till_id, f.tbl, f.row_key, f.data FROM till_rows p JOIN till_rows f
              ON f.tbl = 'refunds' AND f.till_id = p.till_id AND f.data->>'payment_id' = p.row_key
           WHERE p.data->>'order_id' = k.order_id AND p.till_id = k.till_id AND p.tbl = 'payments'
          OFFSET 0
        ) r
       WHERE r.tbl = ANY (tables) AND r.data IS NOT NULL
    $f$;

    REVOKE EXECUTE ON FUNCTION store_order_keys(text, boolean) FROM PUBLIC;
    REVOKE EXECUTE ON FUNCTION store_order_rows(text[], text[], text[]) FROM PUBLIC;
    DO $do$
    DECLARE g text := current_database() || '_tills';
    BEGIN
      EXECUTE format('GRANT EXECUTE ON FUNCTION store_order_keys(text, boolean) TO %I', g);
      EXECUTE format('GRANT EXECUTE ON FUNCTION store_order_rows(text[], text[], text[]) TO %I', g);
    END
    $do$;
  `,
};
