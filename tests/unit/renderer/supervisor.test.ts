import { beforeEach, describe, expect, it } from 'vitest';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { newRequestId } from '../../../renderer/src/state/slices/supervisor';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';

const flush = () => new Promise((r) => setTimeout(r, 0));
let till: FakeTill;
let store: TillStore;
let ids: string[];
const s = () => store.getState();

/** A paid split sale: ¥5 cash + ¥24.90 WeChat. */
async function paidSale() {
  await s().loadSale();
  await s().scan(CATALOGUE[2]!.barcode);
  await s().startCash(500, true);
  await s().startWallet('134567890123450001');
  till.advance(s().payment!.paymentId, 'PAID');
  await flush();
  const orderId = s().payment!.orderId;
  const wallet = s().payment!.merchantOrderNo;
  await s().newSale();
  return { orderId, wallet };
}

beforeEach(() => {
  till = createFakeTill(true, undefined, { signedIn: '8001' }); // a supervisor refunds alone
  ids = [];
  store = createTillStore(till.api, {
    newRequestId: () => {
      ids.push(`req${ids.length + 1}`);
      return ids.at(-1)!;
    },
  });
  till.api.on('payment.updated', (p) => s().applyPayment(p));
});

describe('supervisor lookup and refunds', () => {
  it('finds an order by a merchant order no. or its id, with all payments and the receipt', async () => {
    const { orderId, wallet } = await paidSale();
    s().goTo('supervisor');
    expect(await s().findOrder(` ${wallet} `)).toBe(true);
    expect(s().lookup?.sale).toMatchObject({ orderId, status: 'PAID' });
    expect(s().lookup?.payments.map((p) => p.method)).toEqual(['CASH', 'WECHAT']);
    expect(s().lookup?.payments[1]).toMatchObject({
      platformOrderNo: `P${wallet}`,
      thirdPartyOrderNo: `T${wallet}`,
    });
    expect(s().lookup?.receipt?.printJob?.state).toBe('QUEUED');
    expect(await s().findOrder(orderId)).toBe(true);
    expect(await s().findOrder('nothing-like-this')).toBe(false);
    expect(s().error?.code).toBe('NOT_FOUND');
    expect(s().lookup).toBeNull();
    expect(await s().findOrder('   ')).toBe(false);
  });

  it('refunds ¥1 once however often the button is pressed, newest payment first', async () => {
    const { wallet } = await paidSale();
    await s().findOrder(wallet);
    s().openRefund();
    expect(s().refund?.requestId).toBe('req1');
    await Promise.all([s().submitRefund('顾客退货', 100), s().submitRefund('顾客退货', 100)]);
    await s().submitRefund('顾客退货', 100); // a retry: same request
    expect(till.calls.filter((c) => c === 'order.refund')).toHaveLength(2);
    expect(till.refunds.count()).toBe(1);
    expect(s().refund?.result?.refunds).toEqual([
      expect.objectContaining({ amountFen: 100, state: 'REFUNDED', refundNo: `${wallet}R1` }),
    ]);
    expect(s().refundsSeen).toHaveLength(1);
  });

  it('keeps the first amount on a retry, and a new dialog is a new refund', async () => {
    const { wallet } = await paidSale();
    await s().findOrder(wallet);
    till.refunds.setWalletOutcome('PENDING');
    s().openRefund();
    await s().submitRefund('顾客退货', 200);
    expect(s().refund?.result?.refunds[0]?.state).toBe('PENDING');
    till.refunds.settle('REFUNDED');
    await s().submitRefund('顾客退货', 999); // the retry asks about the same ¥2, not a new ¥9.99
    expect(s().refund?.result?.refunds).toEqual([
      expect.objectContaining({ amountFen: 200, state: 'REFUNDED' }),
    ]);
    s().closeRefund();
    s().openRefund();
    expect(s().refund?.requestId).toBe('req2');
    await s().submitRefund('顾客退货'); // all that is left: ¥22.90 WeChat, then ¥5 cash
    expect(s().refund?.result?.refunds.map((r) => r.amountFen)).toEqual([2290, 500]);
    expect(s().refundsSeen.map((r) => r.amountFen)).toEqual([200, 2290, 500]);
  });

  it('shows the host refusing a refund of more than is left, and the dialog stays usable', async () => {
    const { wallet } = await paidSale();
    await s().findOrder(wallet);
    s().openRefund();
    await s().submitRefund('顾客退货', 99_999);
    expect(s().error?.code).toBe('REFUND_TOO_MUCH');
    expect(s().refund).toMatchObject({ busy: false, result: null, sent: false });
  });

  it('cannot refund an order that is not paid, and closes nothing while a refund is in flight', async () => {
    await s().loadSale();
    await s().scan(CATALOGUE[0]!.barcode);
    await s().findOrder(s().sale!.orderId);
    s().openRefund();
    const pending = s().submitRefund('顾客退货');
    s().closeRefund();
    expect(s().refund?.busy).toBe(true);
    await pending;
    expect(s().error?.code).toBe('NOT_FOUND');
  });

  it("a number search lists another till's order with its till; the store away is said, not hidden", async () => {
    const { wallet } = await paidSale();
    till.storeDb.orders.push({
      orderId: 'O02-1',
      status: 'PAID',
      state: 'paid',
      totalFen: 1200,
      refundedFen: 0,
      cashier: '1002',
      cashierName: '1002',
      createdAt: new Date().toISOString(),
      paidAt: null,
      payments: [
        {
          method: 'WECHAT',
          amountFen: 1200,
          state: 'PAID',
          merchantOrderNo: 'M0200000000778899',
          platformOrderNo: null,
          thirdPartyOrderNo: null,
        },
      ],
      origin: { tillNo: '02', remote: true },
    });
    s().goTo('supervisor');
    await s().search({ number: '778899' });
    expect(s().results.map((o) => [o.orderId, o.origin?.tillNo])).toEqual([['O02-1', '02']]);
    expect(s().error).toBeNull();

    till.storeDb.down = true;
    await s().search({ number: '778899' });
    expect(s().error?.code).toBe('STORE_OFFLINE');
    // This till's own order still answers, with the reason other tills' are missing.
    await s().search({ number: wallet.slice(-6) });
    expect(s().results.map((o) => o.payments.at(-1)?.merchantOrderNo)).toEqual([wallet]);
    expect(s().error?.code).toBe('STORE_OFFLINE');
    expect(s().error?.messageZh).toContain('门店数据库');
    till.storeDb.down = false;
    await s().search({ number: wallet.slice(-6) });
    expect(s().error).toBeNull();
  });

  it('makes request ids the contract accepts', () => {
    const id = newRequestId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(newRequestId()).not.toBe(id);
  });
});
