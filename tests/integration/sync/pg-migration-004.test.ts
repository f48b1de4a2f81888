import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../../electron/sync/pg/migrate';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb } from '../../helpers/storeDb';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => cluster?.destroy());

describe('store database migration 004: order search across tills', () => {
  it('indexes the last four characters of each number; rows stay as they were', async () => {
    const store = await createStoreDb(cluster, { migrate: 3 });
    const db = store.admin;
    await db.query(`INSERT INTO tills (till_id, role_name) VALUES ('02', 'r02')`);
    // 20,000 payments of till 02, so the planner has a reason to use an index.
    await db.query(
      `INSERT INTO till_rows (till_id, tbl, row_key, version, data, changed_at)
       SELECT '02', 'payments', 'p' || i, i,
              jsonb_build_object('order_id', 'o' || i, 'merchant_order_no', 'M' || lpad(i::text, 12, '0'),
                                 'platform_order_no', NULL, 'third_party_order_no', NULL),
              now()
         FROM generate_series(1, 20000) AS i`,
    );
    const before = await db.query('SELECT tbl, row_key, version, data FROM till_rows ORDER BY 2');
    expect((await migratePg(db, 4)).applied).toEqual(['4 order-search']);
    expect(
      (await db.query('SELECT tbl, row_key, version, data FROM till_rows ORDER BY 2')).rows,
    ).toEqual(before.rows);
    await db.query('ANALYZE till_rows');
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT data->>'order_id' FROM till_rows WHERE tbl = 'payments'
         AND right(data->>'merchant_order_no', 4) = '1234'
         AND right(data->>'merchant_order_no', 6) = '001234'`,
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('till_rows_mno_tail');
    const hit = await db.query(
      `SELECT row_key FROM till_rows WHERE tbl = 'payments'
         AND right(data->>'merchant_order_no', 4) = '1234'
         AND right(data->>'merchant_order_no', 6) = '001234'`,
    );
    expect(hit.rows).toEqual([{ row_key: 'p1234' }]);
    await store.close();
  });
});
