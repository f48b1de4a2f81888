import { beforeEach, describe, expect, it } from 'vitest';
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
  await s().scan(CATALOGUE[0]!.barcode);
  await s().startWallet('134567890123451010');
});

describe('cancel a payment the customer has not finished', () => {
  it('asks the host to reverse, then follows it to REVERSED; only then can the cashier leave', async () => {
    const { paymentId } = s().payment!;
    await s().cancelPayment();
    expect(till.calls.filter((c) => c === 'pay.cancel')).toHaveLength(1);
    expect(till.cancelRequested(paymentId)).toBe(true);
    expect(s().canceling).toBe(paymentId);
    s().goTo('checkout'); // cancel asked is not cancel done
    expect(s().screen).toBe('status');
    till.reverse(paymentId);
    expect(s().payment).toMatchObject({ state: 'REVERSED', reasonCode: 'CANCELED_BY_CASHIER' });
    expect(till.current().status).toBe('OPEN');
    s().goTo('checkout');
    expect(s().screen).toBe('checkout');
  });

  it('sends one cancel however often the cashier presses', async () => {
    await Promise.all([s().cancelPayment(), s().cancelPayment(), s().cancelPayment()]);
    expect(till.calls.filter((c) => c === 'pay.cancel')).toHaveLength(1);
  });

  it('goes to Done when the customer paid just as the till reversed', async () => {
    const { paymentId } = s().payment!;
    await s().cancelPayment();
    till.reverse(paymentId, 'PAID');
    await flush();
    expect(s().screen).toBe('done');
    expect(s().payment?.state).toBe('PAID');
  });

  it('stays on the supervisor case when the reversal cannot be confirmed; the till moves on', async () => {
    const { paymentId, orderId } = s().payment!;
    await s().cancelPayment();
    till.reverse(paymentId, 'NEEDS_MANUAL');
    expect(s().payment?.state).toBe('NEEDS_MANUAL');
    s().goTo('checkout');
    expect(s().screen).toBe('status');
    // The sale is parked for the supervisor, never locking the till: the next sale is new.
    expect(till.order(orderId)?.status).toBe('PARKED');
    expect(till.current().orderId).not.toBe(orderId);
    await s().newSale();
    expect(s().screen).toBe('checkout');
    expect(s().sale?.orderId).toBe(till.current().orderId);
  });

  it('does not cancel what has ended', async () => {
    till.advance(s().payment!.paymentId, 'FAILED', '余额不足', 'INSUFFICIENT_FUND');
    await s().cancelPayment();
    expect(till.calls).not.toContain('pay.cancel');
  });

  it('shows a refused cancel and lets the cashier try again', async () => {
    const { paymentId } = s().payment!;
    till.payments.delete(paymentId); // the host no longer knows it: NOT_FOUND
    await s().cancelPayment();
    expect(s().error?.code).toBe('NOT_FOUND');
    expect(s().canceling).toBeNull();
  });
});
