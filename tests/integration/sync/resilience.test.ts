import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kill9 } from '../../helpers/spawnTill';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  compareAll,
  removeTill,
  sellCash,
  startSyncedTill,
  stopTill,
  syncStatus,
  waitFor,
  type RigTill,
} from '../../helpers/syncRig';

let cluster: PgCluster;
let store: StoreDb;
const started: RigTill[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
});
afterAll(async () => {
  for (const t of started) {
    await stopTill(t);
    removeTill(t);
  }
  await store?.close();
  await cluster?.destroy();
});

const allSynced = async (t: RigTill) => {
  const c = await compareAll(t.dataDir, store.admin, t.tillNo);
  return c.missing.length === 0 && c.differ.length === 0 ? c : null;
};

describe('sync survives the store database going away and the till being killed', () => {
  it('server stopped 30 s while two tills sell: nothing lost, nothing doubled', async () => {
    const a = await startSyncedTill('11', await store.till('11'));
    const b = await startSyncedTill('12', await store.till('12'));
    started.push(a, b);
    await sellCash(a);
    await sellCash(b);
    await waitFor('first sales synced', async () => (await allSynced(a)) && (await allSynced(b)));

    await cluster.stop();
    const sold = { a: 1, b: 1 };
    const until = Date.now() + 30_000;
    const seller = async (t: RigTill, k: 'a' | 'b') => {
      while (Date.now() < until) {
        await sellCash(t, 1 + (sold[k] % 2)); // selling never waits for the store database
        sold[k]++;
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    await Promise.all([seller(a, 'a'), seller(b, 'b')]);
    const during = await syncStatus(a);
    expect(during.state).toBe('offline');
    expect(during.pending).toBeGreaterThan(0);
    expect(during.lagMs).toBeGreaterThan(20_000);
    expect(sold.a).toBeGreaterThan(20);

    await cluster.start();
    await store.reconnect();
    for (const t of [a, b]) {
      const c = await waitFor(`till ${t.tillNo} caught up`, () => allSynced(t), 30_000);
      expect(c.extra).toEqual([]);
    }
    const n = await store.admin.query<{ till_id: string; orders: string; payments: string }>(
      `SELECT till_id, count(*) FILTER (WHERE tbl = 'orders' AND data->>'status' = 'PAID')::text AS orders,
              count(*) FILTER (WHERE tbl = 'payments')::text AS payments
         FROM till_rows WHERE till_id IN ('11','12') GROUP BY 1 ORDER BY 1`,
    );
    expect(n.rows).toEqual([
      { till_id: '11', orders: String(sold.a), payments: String(sold.a) },
      { till_id: '12', orders: String(sold.b), payments: String(sold.b) },
    ]);
    expect(await syncStatus(a)).toMatchObject({ state: 'synced', pending: 0, lagMs: null });
  }, 120_000);

  it('kill -9 of a till in the middle of pushing its backlog: the store ends equal to the till', async () => {
    const url = await store.till('13');
    // Small batches, so a kill lands between a batch's commit and the outbox's clean-up.
    const env = { TILL_SYNC_BATCH: '4', TILL_SYNC_IDLE_MS: '50' };
    let t = await startSyncedTill('13', url.replace(/@127\.0\.0\.1:\d+/, '@127.0.0.1:1'), { env });
    const dataDir = t.dataDir;
    for (let i = 0; i < 60; i++) await sellCash(t, 1 + (i % 4));
    const before = await syncStatus(t);
    expect(['offline', 'connecting']).toContain(before.state);
    expect(before.pending).toBeGreaterThan(60 * 4);
    await kill9(t.proc);

    let killedMidPush = 0;
    for (let k = 0; k < 6; k++) {
      t = await startSyncedTill('13', url, { dataDir, env });
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 350)));
      const s = await syncStatus(t);
      if (s.pending > 0) killedMidPush++;
      await kill9(t.proc);
    }
    expect(killedMidPush).toBeGreaterThan(0);
    t = await startSyncedTill('13', url, { dataDir, env });
    started.push(t);
    const c = await waitFor('till 13 caught up', () => allSynced(t), 60_000);
    expect(c.extra).toEqual([]);
    expect(c.rows).toBeGreaterThan(60 * 5);
    const pushed = await store.admin.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM till_rows WHERE till_id = '13' AND tbl = 'orders' AND data->>'status' = 'PAID'",
    );
    expect(pushed.rows[0]?.n).toBe('60');
  }, 120_000);
});
