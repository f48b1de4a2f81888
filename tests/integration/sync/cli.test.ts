import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushBatch } from '../../../electron/sync/push';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';

const run = promisify(execFile);
let cluster: PgCluster;
let store: StoreDb;

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
});

describe('npm run store-db', () => {
  it(
    'migrates, adds a till, publishes the catalogue, reports the store day',
    { timeout: 120_000 },
    async () => {
      const m = await storeDb(['migrate']);
      expect(m).toMatchObject({ code: 0 });
      expect(m.out).toContain('applied 1 store');
      expect(m.out).toContain('v0 → v2');
      expect(m.out).not.toContain(cluster.superPassword);
      expect((await storeDb(['migrate'])).out).toContain('v2 → v2');

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

      const pub = await storeDb(['publish', 'resources/catalogue.json']);
      expect(pub.code).toBe(0);
      expect(pub.out).toMatch(/published \d+ products: shared data version \d+/);

      const day = await storeDb(['day', '2026-03-02']);
      expect(day.out).toContain('till 05  orders 1  sales ¥6.00  WECHAT 6.00');
      expect((await storeDb(['day', '2026-03-03'])).out).not.toContain('till 05  orders');
      const status = await storeDb(['status']);
      expect(status.out).toContain('schema v2');
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
