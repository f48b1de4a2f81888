import { beforeEach, describe, expect, it } from 'vitest';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';

const [water, noodles, detergent] = CATALOGUE.map((p) => p.barcode) as [string, string, string];
const flush = () => new Promise((r) => setTimeout(r, 0));

let till: FakeTill;
let store: TillStore;
const s = () => store.getState();

beforeEach(() => {
  till = createFakeTill();
  store = createTillStore(till.api);
});

describe('app slice', () => {
  it('loads store, cashier and sandbox codes', async () => {
    await s().loadInfo();
    expect(s().info).toMatchObject({ storeName: '便利店 · 人民路店', sandbox: true });
    expect(s().info?.sandboxCodes[0]?.suffix).toBe('1010');
    expect(s().lang).toBe('zh');
    s().setLang('en');
    expect(s().lang).toBe('en');
  });
});

describe('sale slice', () => {
  it('restores the cart the host kept across a restart', async () => {
    await till.api['sale.scan']({ barcode: water });
    await s().loadSale();
    expect(s().sale?.lines.map((l) => l.name)).toEqual(['农夫山泉 550ml']);
    expect(s().screen).toBe('checkout');
  });

  it('adds scanned items, totals them and highlights the newest line', async () => {
    await s().loadSale();
    expect(await s().scan(water)).toBe(true);
    expect(await s().scan(` ${detergent} `)).toBe(true);
    expect(s().sale).toMatchObject({ itemCount: 2, totalFen: 3190 });
    expect(s().selected).toBe(2);
    expect(s().error).toBeNull();
  });

  it('shows an unknown barcode in Chinese and English and changes nothing', async () => {
    await s().loadSale();
    await s().scan(water);
    const before = s().sale;
    expect(await s().scan('6900000000000')).toBe(false);
    expect(s().error).toMatchObject({
      code: 'UNKNOWN_BARCODE',
      messageZh: '条码不存在：请核对商品条码或重新输入。',
    });
    expect(s().error?.message).toMatch(/Unknown barcode/);
    expect(s().sale).toBe(before);
    expect(till.current().lines).toHaveLength(1);
    await s().scan(noodles);
    expect(s().error).toBeNull(); // the next good scan clears the banner
  });

  it('ignores an empty Enter without calling the host', async () => {
    expect(await s().scan('  ')).toBe(false);
    expect(till.calls).not.toContain('sale.scan');
  });

  it('moves the highlight with ↑/↓ and changes its quantity with +/-', async () => {
    await s().scan(water);
    await s().scan(noodles);
    await s().scan(detergent);
    s().moveSelection(-1);
    s().moveSelection(-1);
    s().moveSelection(-1); // stops at the top
    expect(s().selected).toBe(1);
    await s().changeQty(1);
    await s().changeQty(1);
    expect(s().sale?.lines[0]).toMatchObject({ qty: 3, totalFen: 600 });
    await s().changeQty(-1);
    expect(s().sale?.lines[0]?.qty).toBe(2);
    s().moveSelection(1);
    expect(s().selected).toBe(2);
  });

  it('never removes a line with "-": quantity 1 stays 1', async () => {
    await s().scan(water);
    await s().changeQty(-1);
    expect(s().sale?.lines[0]?.qty).toBe(1);
    expect(till.calls).not.toContain('sale.setQty');
  });

  it('removes the highlighted line with Delete and keeps a valid highlight', async () => {
    await s().scan(water);
    await s().scan(noodles);
    s().select(1);
    await s().removeSelected();
    expect(s().sale?.lines.map((l) => l.barcode)).toEqual([noodles]);
    expect(s().selected).toBe(2);
    await s().clearSale();
    expect(s().sale?.lines).toEqual([]);
    expect(s().selected).toBeNull();
  });
});

describe('payment slice', () => {
  beforeEach(async () => {
    await s().loadSale();
    await s().scan(water);
    await s().scan(noodles);
  });

  it('refuses a malformed payment code with the host error and stays put', async () => {
    s().goTo('wallet');
    expect(await s().startWallet('12345')).toBe(false);
    expect(s().error?.code).toBe('BAD_PAYMENT_CODE');
    expect(s().screen).toBe('wallet');
    expect(s().payment).toBeNull();
    expect(till.current().status).toBe('OPEN');
  });

  it('waits on a wallet payment, then Done with receipt and print state from events', async () => {
    till.api.on('payment.updated', (p) => s().applyPayment(p));
    till.api.on('print.updated', (j) => s().applyPrintJob(j));
    s().goTo('wallet');
    expect(await s().startWallet('134567890123451010')).toBe(true);
    expect(s().screen).toBe('status');
    expect(s().payment).toMatchObject({ state: 'PENDING', method: 'WECHAT', amountFen: 650 });
    const { paymentId, orderId, merchantOrderNo } = s().payment!;
    till.advance(paymentId, 'PAID');
    await flush(); // routing asks the host what is still due on the order
    expect(s().screen).toBe('done');
    expect(s().receipt?.text).toContain(merchantOrderNo);
    expect(s().printJob?.state).toBe('QUEUED');
    till.printed(orderId, 'PRINTED');
    expect(s().printJob?.state).toBe('PRINTED');
    till.printed('other-order', 'FAILED', '缺纸');
    expect(s().printJob?.state).toBe('PRINTED');
    await s().newSale();
    expect(s()).toMatchObject({ screen: 'checkout', payment: null, receipt: null, printJob: null });
    expect(s().sale?.orderId).not.toBe(orderId);
    expect(s().sale?.lines).toEqual([]);
  });

  it('keeps the print outcome when a polled receipt from the same instant still says QUEUED', async () => {
    await s().startCash(1000);
    await flush();
    const queued = s().printJob!;
    expect(queued.state).toBe('QUEUED');
    s().applyPrintJob({ ...queued, state: 'PRINTED' });
    s().applyPrintJob(queued);
    expect(s().printJob?.state).toBe('PRINTED');
    const later = new Date(Date.parse(queued.updatedAt) + 1000).toISOString();
    s().applyPrintJob({ ...queued, state: 'SENDING', updatedAt: later });
    expect(s().printJob?.state).toBe('SENDING'); // a later retry is news
  });

  it('does not let an older answer move a payment backwards', async () => {
    await s().startWallet('134567890123451010');
    const pending = s().payment!;
    s().applyPayment({
      ...pending,
      state: 'PAID',
      updatedAt: new Date(Date.parse(pending.updatedAt) + 5).toISOString(),
    });
    s().applyPayment(pending);
    expect(s().payment?.state).toBe('PAID');
    s().applyPayment({ ...pending, paymentId: 'someone-else', state: 'FAILED' });
    expect(s().payment?.paymentId).toBe(pending.paymentId);
  });

  it('after a failure shows the reason, and a new attempt gets a new merchant order no.', async () => {
    await s().startWallet('134567890123454444');
    const first = s().payment!;
    till.advance(first.paymentId, 'FAILED', '余额不足');
    await s().pollPayment();
    expect(s().payment).toMatchObject({ state: 'FAILED', reasonText: '余额不足' });
    expect(s().screen).toBe('status');
    s().goTo('wallet');
    await s().startWallet('134567890123451010');
    expect(s().payment?.merchantOrderNo).not.toBe(first.merchantOrderNo);
    expect(s().screen).toBe('status');
  });

  it('will not leave a payment whose outcome is open, not even NEEDS_MANUAL', async () => {
    await s().startWallet('134567890123459999');
    s().goTo('checkout');
    expect(s().screen).toBe('status');
    till.advance(s().payment!.paymentId, 'NEEDS_MANUAL', '撤销结果未知');
    await s().pollPayment();
    expect(s().payment?.state).toBe('NEEDS_MANUAL');
    s().goTo('wallet');
    expect(s().screen).toBe('status');
    till.advance(s().payment!.paymentId, 'REVERSED');
    await s().pollPayment();
    s().goTo('checkout');
    expect(s().screen).toBe('checkout');
  });

  it('takes cash: too little is refused, enough goes to Done with the change', async () => {
    expect(await s().startCash(500)).toBe(false);
    expect(s().error?.code).toBe('CASH_TOO_LITTLE');
    expect(await s().startCash(1000)).toBe(true);
    expect(s().screen).toBe('done');
    expect(s().payment).toMatchObject({ method: 'CASH', state: 'PAID', changeFen: 350 });
  });

  it('refuses to pay an empty cart', async () => {
    await s().clearSale();
    expect(await s().startWallet('134567890123451010')).toBe(false);
    expect(s().error?.code).toBe('EMPTY_CART');
  });

  it('after a restart mid-payment, goes straight back to the payment it left', async () => {
    await till.api['pay.start']({ kind: 'wallet', authCode: '287654321098761010' });
    const fresh = createTillStore(till.api);
    await fresh.getState().loadSale();
    expect(fresh.getState().screen).toBe('status');
    expect(fresh.getState().payment).toMatchObject({ method: 'ALIPAY', state: 'PENDING' });
  });

  it('ignores news about another order while no payment is on screen', async () => {
    await s().startCash(1000);
    const paid = s().payment!;
    await s().newSale();
    s().applyPayment({ ...paid, updatedAt: new Date().toISOString() });
    expect(s().screen).toBe('checkout');
    expect(s().payment).toBeNull();
  });
});
