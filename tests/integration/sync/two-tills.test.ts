import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL } from '../../helpers/kioskClient';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  compareAll,
  removeTill,
  sellCash,
  startSyncedTill,
  stopTill,
  storeOrders,
  syncStatus,
  tillOrders,
  waitFor,
  type RigTill,
} from '../../helpers/syncRig';

let cluster: PgCluster;
let store: StoreDb;
const tills: RigTill[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
  for (const no of ['01', '02', '03']) tills.push(await startSyncedTill(no, await store.till(no)));
});
afterAll(async () => {
  for (const t of tills) {
    await stopTill(t);
    removeTill(t);
  }
  await store?.close();
  await cluster?.destroy();
});

const synced = async (t: RigTill, n: number) => {
  const rows = await storeOrders(store.admin, t.tillNo);
  return rows.length >= n ? rows : null;
};

describe('two tills selling and syncing to one store database', () => {
  it('every paid order of each till arrives once, as the till has it', async () => {
    const [a, b] = tills as [RigTill, RigTill];
    await Promise.all([
      (async () => {
        for (let i = 0; i < 15; i++) await sellCash(a, 1 + (i % 3));
      })(),
      (async () => {
        for (let i = 0; i < 15; i++) await sellCash(b, 2);
      })(),
    ]);
    for (const t of [a, b]) {
      const rows = await waitFor(`till ${t.tillNo} synced`, () => synced(t, 15));
      expect(rows).toEqual(tillOrders(t.dataDir));
    }
    // The receipts print (and their jobs reach PRINTED) after the sale returns: the till is
    // synced once those final states are in the store database too.
    for (const t of [a, b]) {
      const status = await waitFor(`till ${t.tillNo} has nothing pending`, async () => {
        const s = await syncStatus(t);
        return s.pending === 0 ? s : null;
      });
      expect(status).toMatchObject({ state: 'synced', tillNo: t.tillNo, pending: 0 });
      expect(await compareAll(t.dataDir, store.admin, t.tillNo)).toMatchObject({
        missing: [],
        extra: [],
        differ: [],
      });
    }
    // Each till pushed its own rows only, under its own role.
    const tillsSeen = await store.admin.query<{ till_id: string; n: string }>(
      "SELECT till_id, count(*)::text AS n FROM till_rows WHERE tbl = 'payments' GROUP BY 1 ORDER BY 1",
    );
    expect(tillsSeen.rows).toEqual([
      { till_id: '01', n: '15' },
      { till_id: '02', n: '15' },
    ]);
  });

  it("finds another till's receipt and reprints it here, marked with the till that sold it", async () => {
    const [a, b] = tills as [RigTill, RigTill];
    const orderId = await sellCash(b, 3);
    await waitFor('order at the store', async () =>
      (await storeOrders(store.admin, '02')).some((o) => o.id === orderId),
    );
    const found = await a.api.call('order.find', { query: orderId });
    expect(found.json.ok).toBe(true);
    const detail = found.json.value as unknown as {
      sale: { orderId: string; totalFen: number };
      origin?: { tillNo: string };
      receipt: { text: string } | null;
    };
    expect(detail.origin).toEqual({ tillNo: '02', remote: true });
    expect(detail.sale.totalFen).toBe(
      tillOrders(b.dataDir).find((o) => o.id === orderId)?.total_fen,
    );
    expect(detail.receipt?.text).toContain('款台：02');

    // A copy is a supervisor's call: the cashier asks with an approval on it.
    const reprint = await a.api.call('receipt.reprint', { orderId, approval: APPROVAL });
    // Its original printed at till 02: nothing of it is owed here.
    expect(reprint.json.value).toMatchObject({
      job: { orderId, kind: 'reprint', state: 'PRINTED' },
      original: null,
      originalPending: false,
    });
    const folder = join(a.dataDir, 'virtual-printer');
    const printed = readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8'));
    const paper = printed.find((p) => p.includes(orderId));
    expect(paper).toContain('重打印');
    expect(paper).toContain('原款台 02 售出 · 款台 01 重打印');
    expect(paper).toContain('款台：02');
  });

  it('two tills refunding the same order of a third at once: exactly one refund', async () => {
    const [a, b, c] = tills as [RigTill, RigTill, RigTill];
    const orderId = await sellCash(b, 2);
    await waitFor('order at the store', async () =>
      (await storeOrders(store.admin, '02')).some((o) => o.id === orderId),
    );
    const [ra, rc] = await Promise.all([
      a.api.call('order.refund', {
        orderId,
        requestId: 'race-a',
        reason: '顾客退货',
        approval: APPROVAL,
      }),
      c.api.call('order.refund', {
        orderId,
        requestId: 'race-c',
        reason: '顾客退货',
        approval: APPROVAL,
      }),
    ]);
    const oks = [ra, rc].filter((r) => r.json.ok);
    const refused = [ra, rc].filter((r) => !r.json.ok);
    expect(oks).toHaveLength(1);
    expect(refused[0]?.json.error?.code).toBe('ALREADY_REFUNDED');
    // And the till that sold it cannot refund it again either.
    const own = await b.api.call('order.refund', {
      orderId,
      requestId: 'own',
      reason: '顾客退货',
      approval: APPROVAL,
    });
    expect(own.json.error?.code).toBe('ALREADY_REFUNDED');
    const claims = await store.admin.query(
      'SELECT claimed_by, state FROM refund_claims WHERE order_id = $1',
      [orderId],
    );
    expect(claims.rows).toHaveLength(1);
    expect(claims.rows[0]).toMatchObject({ state: 'REFUNDED' });
  });
});
