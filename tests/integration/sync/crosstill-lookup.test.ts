import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxGateway, type SandboxGateway } from '../../../electron/gateway';
import { APPROVAL } from '../../helpers/kioskClient';
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

/**
 * Two tills of one merchant account (one acquirer, as a real store has), syncing to one store
 * database: the acquirer knows till 32's payment when till 31 asks it, so only the store
 * database can say whose sale it is.
 */
let sandbox: SandboxGateway;
let cluster: PgCluster;
let store: StoreDb;
let here: RigTill;
let there: RigTill;

beforeAll(async () => {
  sandbox = await startSandboxGateway();
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
  const gateway = {
    url: sandbox.url,
    terminalSn: sandbox.terminalSn,
    terminalKey: sandbox.terminalKey,
  };
  const opts = { settings: { gateway }, env: { TILL_GATEWAY: sandbox.url } };
  here = await startSyncedTill('31', await store.till('31'), opts);
  there = await startSyncedTill('32', await store.till('32'), opts);
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
  await sandbox?.close();
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

  it("till 32's payment cannot be attached or recorded as unmatched at till 31", async () => {
    const recorded = await here.api.call('case.recordUnmatched', {
      number: theirs.tno,
      approval: APPROVAL,
    });
    expect(recorded.json.error?.code).toBe('OTHER_TILL_PAYMENT');
    expect(recorded.json.error?.message).toContain('till 32');
    await here.api.value('sale.scan', { barcode: '6921000100009', qty: 2 });
    const sale = await here.api.value<{ orderId: string }>('sale.current');
    const attached = await here.api.call('order.attachPayment', {
      number: theirs.mno,
      orderId: sale.orderId,
      approval: APPROVAL,
    });
    expect(attached.json.error?.code).toBe('OTHER_TILL_PAYMENT');
    // Till 32's payment is untouched at the acquirer: paid once, nothing refunded.
    expect(sandbox.ledger().filter((e) => e.clientSn === theirs.mno)).toMatchObject([
      { state: 'charged', refundedFen: 0 },
    ]);
  });

  it('store database down: STORE_OFFLINE instead of not found; local results still answer', async () => {
    await cluster.stop();
    try {
      // The acquirer says paid, and this till does not know it: whose is it? Not said "unknown".
      const lookup = await here.api.call('order.lookup', { number: theirs.tno });
      expect(lookup.json.error?.code).toBe('STORE_OFFLINE');
      const byMno = await here.api.call('order.lookup', { number: theirs.mno });
      expect(byMno.json.error?.code).toBe('STORE_OFFLINE');
      // Nor recorded as a payment to give back: it may be till 32's sale.
      const unmatched = await here.api.call('case.recordUnmatched', {
        number: theirs.mno,
        approval: APPROVAL,
      });
      expect(unmatched.json.error?.code).toBe('STORE_OFFLINE');
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

  it("till 32's order is reprinted and refunded once at till 31, found through the store database", async () => {
    const copy = await here.api.value<{ job: { orderId: string; kind: string } }>(
      'receipt.reprint',
      { orderId: theirs.orderId, approval: APPROVAL },
    );
    expect(copy.job).toMatchObject({ orderId: theirs.orderId, kind: 'reprint' });
    const refund = await here.api.call('order.refund', {
      orderId: theirs.orderId,
      requestId: 'xt-31',
      reason: '顾客退货',
      approval: APPROVAL,
    });
    expect(refund.json.value).toMatchObject({
      refunds: [{ state: 'REFUNDED', amountFen: theirs.totalFen }],
    });
    // The till that sold it cannot refund it again; the acquirer gave the money back once.
    const own = await there.api.call('order.refund', {
      orderId: theirs.orderId,
      requestId: 'xt-32',
      reason: '顾客退货',
      approval: APPROVAL,
    });
    expect(own.json.error?.code).toBe('ALREADY_REFUNDED');
    expect(sandbox.ledger().filter((e) => e.clientSn === theirs.mno)).toMatchObject([
      { state: 'refunded', refundedFen: theirs.totalFen },
    ]);
    // And the search shows it refunded (the claim counts), still marked with its till.
    const listed = await here.api.value<{
      orders: { orderId: string; state: string; origin?: { tillNo: string } }[];
    }>('order.search', { number: theirs.mno });
    expect(listed.orders.find((o) => o.orderId === theirs.orderId)).toMatchObject({
      state: 'refunded',
      origin: { tillNo: '32' },
    });
  });
});
