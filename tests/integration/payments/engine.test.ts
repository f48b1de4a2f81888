import { afterEach, describe, expect, it } from 'vitest';
import { engineRig, products } from '../../helpers/engineRig';

type Rig = Awaited<ReturnType<typeof engineRig>>;
let rig: Rig;
afterEach(async () => rig?.close());

const code = (suffix: string, n: number) => `13${String(n).padStart(12, '0')}${suffix}`;

async function cart(r: Rig) {
  r.sales.scan(products[0]!.barcode);
  r.sales.scan(products[5]!.barcode);
  return r.sales.current();
}

describe('payment engine against the sandbox over HTTP', () => {
  it('writes the merchant order no. before the gateway call and ends PAID with all three numbers', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    const started = rig.engine.startWallet(sale, code('0001', 1));
    // Stored before any answer: the record exists with the number the customer's voucher will show.
    expect(rig.repos.payments.get(started.paymentId)?.merchantOrderNo).toBe(
      started.merchantOrderNo,
    );
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('PAYING');
    const p = await rig.until(started.paymentId, ['PAID']);
    expect(p.platformOrderNo).toMatch(/^\d{16}$/);
    expect(p.thirdPartyOrderNo).toMatch(/^4200\d+/);
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('PAID');
    expect(rig.paidOrders).toEqual([sale.orderId]);
    const ledger = rig.sandbox.ledger().find((e) => e.clientSn === p.merchantOrderNo);
    expect(ledger?.amountFen).toBe(sale.totalFen);
  });

  it('waits for the customer password (~10 s) by polling, persisting every transition', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    const started = rig.engine.startWallet(sale, code('1010', 2));
    const p = await rig.until(started.paymentId, ['PAID']);
    const states = rig.repos.payments.transitions(p.paymentId).map((t) => t.to_state);
    expect(states.slice(0, 3)).toEqual(['NEW', 'SUBMITTING', 'PENDING']);
    expect(states).toContain('QUERYING');
    expect(states.at(-1)).toBe('PAID');
    // Paid only once the simulated 10 s have passed, not before.
    expect(Date.parse(p.updatedAt) - Date.parse(p.createdAt)).toBeGreaterThanOrEqual(10_000);
  });

  it.each([
    ['4444', 'INSUFFICIENT_FUND', /余额不足/],
    ['8888', 'EXPIRED_BARCODE', /过期/],
  ])(
    'a definite refusal (%s) fails with the reason in Chinese and reopens the cart',
    async (suffix, reason, zh) => {
      rig = await engineRig();
      const sale = await cart(rig);
      const started = rig.engine.startWallet(sale, code(suffix, 3));
      const p = await rig.until(started.paymentId, ['FAILED']);
      expect(p.reasonCode).toBe(reason);
      expect(p.reasonText).toMatch(zh);
      expect(rig.repos.sales.get(sale.orderId)?.status).toBe('OPEN');
      // A new attempt gets a new merchant order no.
      const again = rig.engine.startWallet(rig.sales.current(), code('0001', 4));
      expect(again.merchantOrderNo).not.toBe(p.merchantOrderNo);
      await rig.until(again.paymentId, ['PAID']);
    },
  );

  it('a customer who abandons is reversed after the window, never left pending', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    const started = rig.engine.startWallet(sale, code('9999', 5));
    const p = await rig.until(started.paymentId, ['REVERSED', 'FAILED']);
    const states = rig.repos.payments.transitions(p.paymentId).map((t) => t.to_state);
    expect(states.filter((s) => s === 'QUERYING').length).toBeGreaterThan(3);
    expect(rig.sandbox.ledger().find((e) => e.clientSn === p.merchantOrderNo)?.state).not.toBe(
      'charged',
    );
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('OPEN');
  });

  it('treats an unreachable gateway as PENDING (never FAILED) and reverses to NEEDS_MANUAL', async () => {
    rig = await engineRig((g) => ({
      ...g,
      name: g.name,
      sandbox: g.sandbox,
      pay: async () => ({ outcome: 'UNKNOWN', errorCode: 'NETWORK_TIMEOUT' }),
      query: async () => ({ outcome: 'UNKNOWN', errorCode: 'NETWORK_TIMEOUT' }),
      cancel: async () => ({ outcome: 'UNKNOWN', errorCode: 'NETWORK_TIMEOUT' }),
    }));
    const sale = await cart(rig);
    const started = rig.engine.startWallet(sale, code('0001', 6));
    const p = await rig.until(started.paymentId, ['NEEDS_MANUAL', 'FAILED']);
    expect(p.state).toBe('NEEDS_MANUAL');
    const states = rig.repos.payments.transitions(p.paymentId).map((t) => t.to_state);
    expect(states).not.toContain('FAILED');
    expect(states).toContain('REVERSING');
    // The goods are not handed over, and the till is not locked: the sale is parked (挂起) as
    // a supervisor case and the next sale is a new, open one.
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('PARKED');
    expect(rig.repos.cases.openForOrder(sale.orderId)).toMatchObject({
      kind: 'UNCONFIRMED_PAYMENT',
      paymentId: p.paymentId,
      merchantOrderNo: p.merchantOrderNo,
    });
    const next = rig.sales.current();
    expect(next.orderId).not.toBe(sale.orderId);
    expect(next.status).toBe('OPEN');
  });

  it('resumes an unfinished payment after a restart and finds it PAID', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    const started = rig.engine.startWallet(sale, code('1010', 7));
    await rig.until(started.paymentId, ['PENDING', 'QUERYING', 'PAID']);
    // Simulate the crash: the row says PENDING as it was; a fresh engine run picks it up.
    rig.repos.payments.transition(
      started.paymentId,
      'PENDING',
      new Date(rig.clock.now()).toISOString(),
    );
    expect(rig.engine.resumeAll()).toBeGreaterThanOrEqual(1);
    const p = await rig.until(started.paymentId, ['PAID']);
    expect(p.thirdPartyOrderNo).toBeTruthy();
  });

  it('refuses a malformed payment code before any gateway call and changes nothing', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    for (const bad of ['', '12345', '134567890123', '99' + '1'.repeat(16), '13456789012345678x']) {
      expect(() => rig.engine.startWallet(sale, bad)).toThrow(/payment code/);
    }
    expect(rig.repos.payments.byOrder(sale.orderId)).toEqual([]);
    expect(rig.sandbox.ledger()).toEqual([]);
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('OPEN');
  });

  it('cash: refuses too little, pays with change, and locks nothing', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    expect(() => rig.engine.startCash(sale, sale.totalFen - 1)).toThrow(/less than/);
    const p = rig.engine.startCash(sale, 10_000);
    expect(p.state).toBe('PAID');
    expect(p.changeFen).toBe(10_000 - sale.totalFen);
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('PAID');
  });
});
