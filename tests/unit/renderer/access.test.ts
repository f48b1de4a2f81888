import { describe, expect, it } from 'vitest';
import { createTillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill } from './fake-till';

const flush = () => new Promise((r) => setTimeout(r, 0));
/** Waits until the store asks for an approval (the first call came back FORBIDDEN). */
async function asked(s: () => ReturnType<ReturnType<typeof createTillStore>['getState']>) {
  for (let i = 0; i < 50 && !s().approval; i++) await flush();
  return s().approval;
}

function rig(opts: Parameters<typeof createFakeTill>[2] = {}) {
  const till = createFakeTill(true, undefined, opts);
  const store = createTillStore(till.api);
  const s = () => store.getState();
  till.api.on('payment.updated', (p) => s().applyPayment(p));
  return { till, s };
}
async function paidCashSale(r: ReturnType<typeof rig>) {
  await r.s().loadSale();
  await r.s().scan(CATALOGUE[1]!.barcode);
  await r.s().startCash(10_000);
  const orderId = r.s().payment!.orderId;
  await r.s().newSale();
  return orderId;
}

describe('sign-in and the first screen', () => {
  it('a wrong PIN stays on sign-in with the host’s words; the cashier lands on checkout', async () => {
    const { s } = rig({ signedIn: null });
    await s().loadSession();
    expect(s().session?.user).toBeNull();
    expect(s().session?.demoUsers.map((u) => u.userId)).toEqual(['1001', '8001', '9001']);
    expect(await s().signIn('1001', '0000')).toBe(false);
    expect(s().error?.code).toBe('BAD_PIN');
    expect(await s().signIn('1001', '1234')).toBe(true);
    expect(s().session?.user).toMatchObject({ userId: '1001', role: 'cashier' });
    await flush();
    expect(s().screen).toBe('checkout');
    await s().signOut();
    expect(s().session?.user).toBeNull();
  });

  it('a technician lands on the printer screen; a cashier with no shift on the shift screen', async () => {
    const tech = rig({ signedIn: null });
    await tech.s().signIn('9001', '9999');
    expect(tech.s().screen).toBe('technician');
    const cashier = rig({ signedIn: null, shiftOpen: false });
    await cashier.s().signIn('1001', '1234');
    for (let i = 0; i < 10; i++) await flush();
    expect(cashier.s().screen).toBe('shift');
    expect(await cashier.s().openShift(20_000)).toBe(true);
    expect(cashier.s()).toMatchObject({
      screen: 'checkout',
      shift: { state: 'OPEN', floatFen: 20_000 },
    });
  });
});

describe('主管授权 on the cashier’s screen', () => {
  it('a refund the host refuses asks a supervisor; a wrong PIN keeps asking; the right one refunds', async () => {
    const r = rig();
    const orderId = await paidCashSale(r);
    await r.s().findOrder(orderId);
    r.s().openRefund();
    const done = r.s().submitRefund('顾客退货', 100);
    expect(await asked(r.s)).toMatchObject({ what: 'refund', error: null });
    expect(r.till.refunds.count()).toBe(0); // nothing refunded yet
    r.s().submitApproval('8001', '0000');
    for (let i = 0; i < 20 && !r.s().approval?.error; i++) await flush();
    expect(r.s().approval?.error?.code).toBe('BAD_PIN');
    r.s().submitApproval('8001', '8888');
    await done;
    expect(r.s().approval).toBeNull();
    expect(r.s().refund?.result).toMatchObject({ cashBackFen: 100, summary: { state: 'PARTIAL' } });
    expect(r.s().lookup?.refund).toMatchObject({ state: 'PARTIAL', refundedFen: 100 });
    expect(r.till.access.audit.find((a) => a.action === 'refund.request')).toMatchObject({
      actor: '1001',
      approver: '8001',
    });
  });

  it('cancelling the approval refunds nothing and leaves the dialog usable', async () => {
    const r = rig();
    const orderId = await paidCashSale(r);
    await r.s().findOrder(orderId);
    r.s().openRefund();
    const done = r.s().submitRefund('顾客退货');
    await asked(r.s);
    r.s().cancelApproval();
    await done;
    expect(r.till.refunds.count()).toBe(0);
    expect(r.s().error?.code).toBe('FORBIDDEN');
    expect(r.s().refund).toMatchObject({ busy: false, sent: false, result: null });
  });

  it('a shift closes over an unresolved payment only when a supervisor carries it over', async () => {
    const r = rig();
    await r.s().loadSale();
    await r.s().scan(CATALOGUE[0]!.barcode);
    await r.s().startWallet('134567890123451010'); // the customer is still typing
    await r.s().loadShift();
    await r.s().beginClose();
    expect(await r.s().closeShift(0)).toBe(false);
    expect(r.s().error?.code).toBe('SHIFT_UNRESOLVED');
    const closing = r.s().closeShift(0, true);
    expect(await asked(r.s)).toMatchObject({ what: 'carryOver' });
    r.s().submitApproval('8001', '8888');
    expect(await closing).toBe(true);
    expect(r.s().report).toMatchObject({ kind: 'Z', figures: { unresolved: [expect.anything()] } });
    expect(r.s().shift).toBeNull();
  });
});
