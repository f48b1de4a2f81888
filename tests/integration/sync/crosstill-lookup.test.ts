import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { sell } from '../../helpers/sales';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  removeTill,
  startSyncedTill,
  stopTill,
  storeOrders,
  waitFor,
  type RigTill,
} from '../../helpers/syncRig';

let cluster: PgCluster;
let store: StoreDb;
let here: RigTill;
let there: RigTill;

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
  here = await startSyncedTill('31', await store.till('31'));
  there = await startSyncedTill('32', await store.till('32'));
  for (const t of [here, there]) await t.api.signIn();
});
afterAll(async () => {
  for (const t of [here, there]) {
    if (!t) continue;
    await stopTill(t);
    removeTill(t);
  }
  await store?.close();
  await cluster?.destroy();
});

interface Found {
  verdict: string;
  matchedAs: string | null;
  paymentId: string | null;
  gateway: unknown;
  order: { sale: { orderId: string; totalFen: number; status: string }; origin?: unknown } | null;
}
interface Listed {
  orders: { orderId: string; totalFen: number; origin?: { tillNo: string } }[];
  storeOffline?: boolean;
}

describe("order.lookup and order.search find another till's order in the store database", () => {
  let theirs: { orderId: string; totalFen: number; mno: string; tno: string };
  let ours: { orderId: string; mno: string };

  it('a voucher number from till 32 is found at till 31, marked with its till', async () => {
    const s = await sell(there.api, ['6921000100009', '6921000100009'], [{ wallet: 'WECHAT' }]);
    const p = s.payments[0] as unknown as { merchantOrderNo: string; thirdPartyOrderNo: string };
    theirs = {
      orderId: s.sale.orderId,
      totalFen: s.sale.totalFen,
      mno: p.merchantOrderNo,
      tno: p.thirdPartyOrderNo,
    };
    expect(theirs.tno).toBeTruthy();
    const o = await sell(here.api, ['6921000100009'], [{ wallet: 'ALIPAY' }]);
    ours = { orderId: o.sale.orderId, mno: o.payments[0]?.merchantOrderNo ?? '' };
    await waitFor('till 32 synced', async () =>
      (await storeOrders(store.admin, '32')).some((r) => r.id === theirs.orderId),
    );

    // The third-party number the customer's WeChat shows, and the merchant no. on the receipt.
    for (const [number, kind] of [
      [theirs.tno, 'thirdParty'],
      [theirs.mno, 'merchant'],
      [theirs.orderId, 'orderId'],
    ] as const) {
      const found = await here.api.value<Found>('order.lookup', { number });
      expect(found, kind).toMatchObject({
        verdict: 'OTHER_TILL',
        matchedAs: kind,
        gateway: null,
        order: {
          sale: { orderId: theirs.orderId, totalFen: theirs.totalFen, status: 'PAID' },
          origin: { tillNo: '32', remote: true },
        },
      });
    }
    // This till's own order is still its own (no origin), asked at its gateway as before.
    const own = await here.api.value<Found>('order.lookup', { number: ours.mno });
    expect(own.verdict).toBe('PAID_HERE');
    expect(own.order?.origin).toBeUndefined();
    // A number no till of the store knows is still "not found", not another till's.
    const none = await here.api.call('order.lookup', { number: '4200009999999999999' });
    expect(none.json.error?.code).toBe('LOOKUP_NOT_FOUND');
  });

  it("order.search by the whole number or its last digits lists till 32's order with its till", async () => {
    for (const number of [theirs.tno, theirs.mno.slice(-6)]) {
      const r = await here.api.value<Listed>('order.search', { number });
      expect(r.orders.map((o) => [o.orderId, o.origin?.tillNo ?? null])).toContainEqual([
        theirs.orderId,
        '32',
      ]);
      expect(r.storeOffline).toBeUndefined();
    }
    // Till 32 finds its own order as its own, once (its store database rows are left out).
    const atThere = await there.api.value<Listed>('order.search', { number: theirs.mno });
    expect(atThere.orders.map((o) => [o.orderId, o.origin ?? null])).toEqual([
      [theirs.orderId, null],
    ]);
  });

  it('store database down: STORE_OFFLINE instead of not found; local results still answer', async () => {
    await cluster.stop();
    try {
      const lookup = await here.api.call('order.lookup', { number: theirs.tno });
      expect(lookup.json.error?.code).toBe('STORE_OFFLINE');
      const search = await here.api.call('order.search', { number: theirs.mno });
      expect(search.json.error?.code).toBe('STORE_OFFLINE');

      const own = await here.api.value<Found>('order.lookup', { number: ours.mno });
      expect(own.verdict).toBe('PAID_HERE');
      const listed = await here.api.value<Listed>('order.search', { number: ours.mno });
      expect(listed.orders.map((o) => o.orderId)).toEqual([ours.orderId]);
      expect(listed.storeOffline).toBe(true);
    } finally {
      await cluster.start();
      await store.reconnect();
    }
    // Back up: found again.
    const again = await waitFor('store database back', async () => {
      const r = await here.api.call('order.lookup', { number: theirs.tno });
      return r.json.ok ? (r.json.value as unknown as Found) : null;
    });
    expect(again.verdict).toBe('OTHER_TILL');
  });
});
