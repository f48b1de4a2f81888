import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayAnswer, PaymentGateway } from '../../../electron/gateway';
import { createReconciler } from '../../../electron/payments/reconciler';
import { createRefundService } from '../../../electron/payments/refunds';
import { engineRig, products } from '../../helpers/engineRig';

type Rig = Awaited<ReturnType<typeof engineRig>>;
let rig: Rig;
afterEach(async () => rig?.close());

const code = (suffix: string, n: number) => `13${String(n).padStart(12, '0')}${suffix}`;
const states = (r: Rig, id: string) => r.repos.payments.transitions(id).map((t) => t.to_state);

async function cart(r: Rig, n = 2) {
  for (let i = 0; i < n; i++) r.sales.scan(products[i * 3]!.barcode);
  return r.sales.current();
}

describe('engine: cancel, split tender, mismatches, late charges, refunds', () => {
  it("the cashier's cancel reverses (never forgets) and the customer is not charged", async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    const p = rig.engine.startWallet(sale, code('9999', 1));
    await rig.until(p.paymentId, ['PENDING', 'QUERYING']);
    rig.engine.cancel(p.paymentId);
    const done = await rig.until(p.paymentId, ['REVERSED', 'PAID', 'FAILED']);
    expect(done.state).toBe('REVERSED');
    expect(done.reasonCode).toBe('CANCELED_BY_CASHIER');
    expect(states(rig, p.paymentId)).toContain('REVERSING');
    expect(rig.sandbox.ledger().find((e) => e.clientSn === p.merchantOrderNo)?.state).not.toBe(
      'charged',
    );
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('OPEN');
  });

  it('a cancel that comes too late keeps the payment PAID (the customer already paid)', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    const p = rig.engine.startWallet(sale, code('0001', 2));
    await rig.until(p.paymentId, ['PAID']);
    expect(rig.engine.cancel(p.paymentId).state).toBe('PAID');
  });

  it('split tender: part cash, the rest by wallet; the order is PAID once, with one receipt', async () => {
    rig = await engineRig();
    const sale = await cart(rig, 3);
    expect(() => rig.engine.startCash(sale, 100)).toThrow(/less than/);
    const cash = rig.engine.startCash(sale, 100, true);
    expect(cash).toMatchObject({ state: 'PAID', amountFen: 100, changeFen: 0 });
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('PAYING');
    expect(() => rig.sales.scan(products[9]!.barcode)).toThrow(/payment/);
    const locked = rig.repos.sales.get(sale.orderId)!;
    const wallet = rig.engine.startWallet(locked, code('0001', 3));
    expect(wallet.amountFen).toBe(sale.totalFen - 100);
    await rig.until(wallet.paymentId, ['PAID']);
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('PAID');
    expect(rig.paidOrders).toEqual([sale.orderId]);
  });

  it('a PAID answer for another amount is never taken as success', async () => {
    rig = await engineRig((g) => ({
      ...g,
      pay: async (req) => ({ outcome: 'PAID', sn: '1', amountFen: req.amountFen + 1 }),
      query: async () => ({ outcome: 'PAID', amountFen: 1 }),
      cancel: async () => ({ outcome: 'CANCELED' }),
    }));
    const sale = await cart(rig);
    const p = rig.engine.startWallet(sale, code('0001', 4));
    const done = await rig.until(p.paymentId, ['PAID', 'REVERSED', 'FAILED', 'NEEDS_MANUAL']);
    expect(done.state).not.toBe('PAID');
    expect(states(rig, p.paymentId)).not.toContain('PAID');
  });

  it('the reconciler finds a late charge after a reversal and keeps it PAID', async () => {
    let charged = false;
    rig = await engineRig((g) => ({
      ...g,
      pay: async () => ({ outcome: 'UNKNOWN', errorCode: 'NETWORK_TIMEOUT' }),
      query: async (): Promise<GatewayAnswer> =>
        charged ? { outcome: 'PAID', tradeNo: '42001' } : { outcome: 'IN_PROGRESS' },
      cancel: async () => ({ outcome: 'CANCELED' }),
    }));
    const sale = await cart(rig);
    const p = rig.engine.startWallet(sale, code('0001', 5));
    await rig.until(p.paymentId, ['REVERSED']);
    charged = true; // the acquirer settles the customer's payment after all
    rig.clock.advance(6 * 60_000); // the reconciler looks again once the reversal is a few minutes old
    const reconciler = createReconciler({
      repos: rig.repos,
      engine: rig.engine,
      refunds: createRefundService({
        repos: rig.repos,
        gateway: {} as PaymentGateway,
        clock: rig.clock,
        actor: () => 'system',
      }),
      clock: rig.clock,
    });
    await reconciler.runOnce();
    const done = await rig.until(p.paymentId, ['PAID']);
    expect(done.thirdPartyOrderNo).toBe('42001');
    expect(rig.repos.sales.get(sale.orderId)?.status).toBe('PAID');
  });

  it('a second success on a paid order is refunded under a fixed refund no.; a refund request is idempotent', async () => {
    rig = await engineRig();
    const sale = await cart(rig);
    const first = rig.engine.startWallet(sale, code('0001', 6));
    await rig.until(first.paymentId, ['PAID']);
    const refunds = createRefundService({
      repos: rig.repos,
      gateway: rig.gateway,
      clock: rig.clock,
      actor: () => '8001',
    });
    // Partial refund, then the same request again: money moves once.
    const a = (await refunds.refundOrder(sale.orderId, 'req-1', 100, '顾客退货')).rows;
    const b = (await refunds.refundOrder(sale.orderId, 'req-1', 100, '顾客退货')).rows;
    expect(a.map((r) => r.refundNo)).toEqual(b.map((r) => r.refundNo));
    expect(a[0]).toMatchObject({
      amountFen: 100,
      state: 'REFUNDED',
      refundNo: `${first.merchantOrderNo}R1`,
    });
    expect(rig.repos.refunds.byPayment(first.paymentId)).toHaveLength(1);
    // The same request with another amount is refused, not answered with the first refund.
    await expect(refunds.refundOrder(sale.orderId, 'req-1', 200, '顾客退货')).rejects.toThrow(
      /already made for another amount/,
    );
    await expect(
      refunds.refundOrder(sale.orderId, 'req-2', sale.totalFen, '顾客退货'),
    ).rejects.toThrow(/more than what is left/);
    const rest = (await refunds.refundOrder(sale.orderId, 'req-3', undefined, '顾客退货')).rows;
    expect(rest[0]).toMatchObject({ amountFen: sale.totalFen - 100, state: 'REFUNDED' });
  });
});
