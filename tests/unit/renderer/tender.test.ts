import { beforeEach, describe, expect, it } from 'vitest';
import { selectDue, selectPaid } from '../../../renderer/src/state/tender';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';

const flush = () => new Promise((r) => setTimeout(r, 0));
let till: FakeTill;
let store: TillStore;
const s = () => store.getState();

beforeEach(async () => {
  till = createFakeTill();
  store = createTillStore(till.api);
  till.api.on('payment.updated', (p) => s().applyPayment(p));
  await s().loadSale();
  await s().scan(CATALOGUE[2]!.barcode); // ¥29.90
});

describe('split tender', () => {
  it('takes part in cash, shows what is still due, and pays the rest by wallet', async () => {
    const orderId = s().sale!.orderId;
    expect(await s().startCash(500, true)).toBe(true);
    expect(s().screen).toBe('checkout');
    expect(s().payment).toBeNull();
    expect(selectPaid(s())).toBe(500);
    expect(selectDue(s())).toBe(2490);
    expect(s().sale).toMatchObject({ orderId, status: 'PAYING' });
    expect(await s().scan(CATALOGUE[0]!.barcode)).toBe(false); // the cart is locked
    expect(s().error?.code).toBe('SALE_LOCKED');

    expect(await s().startWallet('134567890123451010')).toBe(true);
    expect(s().payment).toMatchObject({ amountFen: 2490, state: 'PENDING' });
    till.advance(s().payment!.paymentId, 'PAID');
    await flush();
    await flush();
    expect(s().screen).toBe('done');
    const paid = s().orderPayments.filter((p) => p.state === 'PAID');
    expect(paid.map((p) => [p.method, p.amountFen])).toEqual([
      ['CASH', 500],
      ['WECHAT', 2490],
    ]);
    expect(till.order(orderId)?.status).toBe('PAID');
    await s().loadReceipt();
    expect(s().receipt?.text).toMatch(/CASH 500[\s\S]*WECHAT 2490/);
  });

  it('pays the rest in cash too, with change on the second cash payment', async () => {
    await s().startCash(1000, true);
    await s().goTo('cash');
    expect(await s().startCash(2000)).toBe(true);
    await flush();
    expect(s().screen).toBe('done');
    expect(s().payment).toMatchObject({ amountFen: 1990, changeFen: 10 });
  });

  it('refuses too little cash without partial, and partial cash of nothing', async () => {
    expect(await s().startCash(500)).toBe(false);
    expect(s().error?.code).toBe('CASH_TOO_LITTLE');
    expect(await s().startCash(0, true)).toBe(false);
    expect(selectPaid(s())).toBe(0);
  });

  it('a failed wallet attempt for the rest leaves the paid part counted', async () => {
    await s().startCash(500, true);
    await s().startWallet('134567890123454444');
    till.advance(s().payment!.paymentId, 'FAILED', '余额不足', 'INSUFFICIENT_FUND');
    s().goTo('checkout');
    await s().refreshOrder(s().sale!.orderId);
    expect(selectDue(s())).toBe(2490);
    expect(till.current().status).toBe('PAYING');
  });

  it('after a restart between the two parts, opens on checkout with the rest due', async () => {
    await s().startCash(500, true);
    const fresh = createTillStore(till.api);
    await fresh.getState().loadSale();
    expect(fresh.getState().screen).toBe('checkout');
    expect(fresh.getState().payment).toBeNull();
    expect(selectDue(fresh.getState())).toBe(2490);
  });

  it('a late event about the part already counted does not pull the screen back', async () => {
    await s().startCash(500, true);
    const cash = s().orderPayments[0]!;
    s().applyPayment({ ...cash, updatedAt: new Date().toISOString() });
    expect(s().payment).toBeNull();
    expect(s().screen).toBe('checkout');
  });

  it('starts the next customer with nothing carried over', async () => {
    await s().startCash(3000);
    await flush();
    await s().newSale();
    expect(s().orderPayments).toEqual([]);
    expect(selectDue(s())).toBe(0);
  });
});
