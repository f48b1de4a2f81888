import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../../electron/sync/pg/migrate';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb } from '../../helpers/storeDb';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => cluster?.destroy());

async function login(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

describe('store database migration 004: look-ups by number across tills', () => {
  it("finds another till's order by a number or its last digits, through the indexes, as a till", async () => {
    const store = await createStoreDb(cluster, { migrate: 3 });
    const db = store.admin;
    const asTill01 = await store.till('01');
    await store.till('02');
    // 20,000 orders of till 02 with one payment each, and a user row (not readable by others).
    await db.query(
      `INSERT INTO till_rows (till_id, tbl, row_key, version, data, changed_at)
       SELECT '02', t.tbl, t.k || i, i, CASE t.tbl
           WHEN 'payments' THEN jsonb_build_object('order_id', 'o' || i,
             'merchant_order_no', 'M' || lpad(i::text, 12, '0'), 'platform_order_no', NULL,
             'third_party_order_no', '42' || lpad(i::text, 16, '0'))
           ELSE jsonb_build_object('id', 'o' || i, 'status', 'PAID') END, now()
         FROM generate_series(1, 20000) AS i,
              (VALUES ('orders', 'o'), ('payments', 'p')) AS t(tbl, k)`,
    );
    await db.query(
      `INSERT INTO till_rows (till_id, tbl, row_key, version, data, changed_at)
       VALUES ('02', 'users', '1001', 1, '{"id":"1001","order_id":"o1234"}', now())`,
    );
    const before = await db.query(
      'SELECT tbl, row_key, version, data FROM till_rows ORDER BY 1, 2',
    );
    expect((await migratePg(db, 4)).applied).toEqual(['4 order-search']);
    const after = await db.query('SELECT tbl, row_key, version, data FROM till_rows ORDER BY 1, 2');
    expect(after.rows).toEqual(before.rows);
    await db.query('ANALYZE till_rows');
    const scans = async () =>
      Object.fromEntries(
        (
          await db.query<{ name: string; n: string }>(
            `SELECT indexrelname AS name, idx_scan::text AS n FROM pg_stat_user_indexes
              WHERE indexrelname IN ('till_rows_mno_tail', 'till_rows_by_merchant_no', 'till_rows_by_order')`,
          )
        ).rows.map((r) => [r.name, Number(r.n)]),
      );
    const was = await scans();
    const seqBefore = Number(
      (
        await db.query<{ n: string }>(
          `SELECT seq_scan::text AS n FROM pg_stat_user_tables WHERE relname = 'till_rows'`,
        )
      ).rows[0]?.n,
    );

    const till = await login(asTill01);
    const keys = async (n: string, suffix: boolean) =>
      (await till.query('SELECT till_id, order_id FROM store_order_keys($1, $2)', [n, suffix]))
        .rows;
    expect(await keys('M000000001234', false)).toEqual([{ till_id: '02', order_id: 'o1234' }]);
    expect(await keys('420000000000001234', false)).toEqual([{ till_id: '02', order_id: 'o1234' }]);
    expect(await keys('o1234', false)).toEqual([{ till_id: '02', order_id: 'o1234' }]);
    expect(await keys('001234', true)).toEqual([{ till_id: '02', order_id: 'o1234' }]);
    expect(await keys('123', true)).toEqual([]);
    // What every till may read of another till anyway: never its users (or any other table).
    const rows = await till.query(
      `SELECT tbl, row_key FROM store_order_rows('{02}', '{o1234}', '{orders,payments,users}') ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { tbl: 'orders', row_key: 'o1234' },
      { tbl: 'payments', row_key: 'p1234' },
    ]);
    await till.end(); // a session's index statistics are flushed when it ends
    const now = await waitForScans(scans, was);
    expect(now.till_rows_mno_tail).toBeGreaterThan(was.till_rows_mno_tail ?? 0);
    expect(now.till_rows_by_merchant_no).toBeGreaterThan(was.till_rows_by_merchant_no ?? 0);
    expect(now.till_rows_by_order).toBeGreaterThan(was.till_rows_by_order ?? 0);
    // …and no till_rows scan of the whole table (the test's own reads above are by the owner).
    const seq = await db.query<{ n: string }>(
      `SELECT seq_scan::text AS n FROM pg_stat_user_tables WHERE relname = 'till_rows'`,
    );
    expect(Number(seq.rows[0]?.n)).toBe(seqBefore);

    // Only tills may call them.
    await db.query(`CREATE ROLE outsider_004 LOGIN PASSWORD 'pw-outsider'`);
    const outsider = await login(
      store.adminUrl.replace(/\/\/[^@]+@/, '//outsider_004:pw-outsider@'),
    );
    await expect(outsider.query(`SELECT * FROM store_order_keys('o1', false)`)).rejects.toThrow(
      /permission denied/,
    );
    await outsider.end();
    await db.query('DROP ROLE outsider_004');
    await store.close();
  });
});

async function waitForScans(
  scans: () => Promise<Record<string, number>>,
  was: Record<string, number>,
): Promise<Record<string, number>> {
  for (let i = 0; i < 50; i++) {
    const now = await scans();
    if ((now.till_rows_mno_tail ?? 0) > (was.till_rows_mno_tail ?? 0)) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  return scans();
}
