import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushBatch } from '../../../electron/sync/push';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import { tempDir } from '../../helpers/tmp';

const run = promisify(execFile);
let cluster: PgCluster;
let store: StoreDb;
const tmp = tempDir();

async function storeDb(args: string[], url: string | null = store.adminUrl) {
  const env = { ...process.env, STORE_DB_URL: url ?? undefined };
  if (url === null) delete env.STORE_DB_URL;
  try {
    const r = await run(process.execPath, [resolve('dist/host/start.cjs'), 'store-db', ...args], {
      env,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster, { migrate: false });
});
afterAll(async () => {
  await store?.close();
  await cluster?.destroy();
  tmp.cleanup();
});

describe('npm run store-db', () => {
  it(
    'migrates, adds a till, publishes the catalogue, reports the store day',
    { timeout: 120_000 },
    async () => {
      const m = await storeDb(['migrate']);
      expect(m).toMatchObject({ code: 0 });
      expect(m.out).toContain('applied 1 store');
      expect(m.out).toContain('applied 3 shared-catalogue');
      expect(m.out).toContain('applied 4 order-search');
      expect(m.out).toContain('applied 5 shared-users');
      expect(m.out).toContain('v0 → v5');
      expect(m.out).not.toContain(cluster.superPassword);
      expect((await storeDb(['migrate'])).out).toContain('v5 → v5');

      const add = await storeDb(['add-till', '05']);
      expect(add.code).toBe(0);
      const password = /password .*: (\S+)$/m.exec(add.out)?.[1] ?? '';
      expect(password.length).toBeGreaterThan(16);
      const till = new pg.Client({
        connectionString: `postgres://${store.name}_till_05:${password}@127.0.0.1:${cluster.port}/${store.name}`,
      });
      till.on('error', () => undefined);
      await till.connect();
      const paidAt = '2026-03-02T03:00:00.000Z'; // 11:00 in China on 2 March
      await pushBatch(till, '05', {
        rows: [
          {
            tbl: 'orders',
            rowKey: 'O1',
            version: 1,
            atMs: 0,
            data: { id: 'O1', status: 'PAID', total_fen: 600, paid_at: paidAt },
          },
          {
            tbl: 'payments',
            rowKey: 'p1',
            version: 2,
            atMs: 0,
            data: { id: 'p1', order_id: 'O1', method: 'WECHAT', state: 'PAID', amount_fen: 600 },
          },
        ],
        entryTimes: [],
        maxSeq: 2,
      });
      await till.end();

      // The sample catalogue as it ships: shop codes (10001) and PLUs of weighed goods included.
      const pub = await storeDb(['publish', 'resources/catalogue.json']);
      expect(pub).toMatchObject({ code: 0 });
      expect(pub.out).toMatch(/published 66 products: shared data version \d+/);
      const plu = await store.admin.query(
        "SELECT barcode, unit, category FROM shared_products WHERE plu = '1'",
      );
      expect(plu.rows).toEqual([{ barcode: '10001', unit: '千克', category: '生鲜称重' }]);
      // A shop's CSV, read and checked as the till's own import does: a bad row publishes nothing.
      const csv = join(tmp.dir, '门店商品.csv');
      writeFileSync(
        csv,
        [
          '条码,品名,售价,单位,类别',
          '6921000100009,农夫山泉 550ml,1.90,瓶,饮料',
          '6921000100008,坏码,1.00,瓶,',
        ].join('\n'),
      );
      const refused = await storeDb(['publish', csv]);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('第 3 行 row 3: 条码校验位错误 bad EAN/UPC check digit');
      expect(refused.out).toContain('nothing published');
      const skipped = await storeDb(['publish', csv, '--skip-bad']);
      expect(skipped).toMatchObject({ code: 0 });
      expect(skipped.out).toMatch(/published 1 products: .* \(1 bad rows skipped\)/);
      const water = await store.admin.query(
        "SELECT price_fen FROM shared_products WHERE barcode = '6921000100009'",
      );
      expect(water.rows).toEqual([{ price_fen: 190 }]);

      const day = await storeDb(['day', '2026-03-02']);
      expect(day.out).toContain('till 05  orders 1  sales ¥6.00  WECHAT 6.00');
      expect((await storeDb(['day', '2026-03-03'])).out).not.toContain('till 05  orders');
      const status = await storeDb(['status']);
      expect(status.out).toContain('schema v5');
      expect(status.out).toMatch(/till 05 .* rows 2/);
    },
  );

  it('says what is missing, and never prints a password from a refused URL', async () => {
    expect((await storeDb(['migrate'], null)).code).toBe(2);
    const bad = `postgres://postgres:NotThePassword@127.0.0.1:${cluster.port}/${store.name}`;
    const r = await storeDb(['status'], bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/password authentication failed/);
    expect(r.out).not.toContain('NotThePassword');
  });
});
