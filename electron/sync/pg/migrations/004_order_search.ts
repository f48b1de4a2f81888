import type { PgMigration } from './types';

/**
 * order.search across tills (electron/sync/remoteSearch.ts) finds an order by the last 4+
 * characters of any of its three numbers, as a till's own search does (till migration 008).
 * A suffix cannot use an ordinary index, so the last four characters of each number are
 * indexed: a search seeks those and checks the rest on that handful. Orders are listed newest
 * first. Indexes only: no row changes, and a till does not need them to sync (schema v3 is
 * still enough; a store database without them answers a search more slowly).
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
    CREATE INDEX till_rows_orders_by_created ON till_rows ((data->>'created_at'))
      WHERE tbl = 'orders';
  `,
};
