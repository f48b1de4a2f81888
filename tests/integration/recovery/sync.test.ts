import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseView, LookupResult, SyncResult } from '../../../shared/api/recovery';
import type { OrderDetail } from '../../../shared/domain';
import { tillRig, type TillRig } from '../../helpers/tillRig';

/**
 * The seed's dropped order (掉单): the customer was charged, the till never heard. Found by the
 * number on the customer's voucher and settled by order.sync through the payment engine's own
 * paths — once, however many syncs are sent.
 */
let rig: TillRig;
afterEach(async () => rig?.close());

const SCALE = 20; // acquirer time 20× faster: the 45 s upay window lasts 2.25 s

function store(dataDir: string) {
  const db = new Database(join(dataDir, 'till.db'), { readonly: true });
  return {
    n: (sql: string, ...args: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...args) as number,
    all: (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args),
    close: () => db.close(),
  };
}

/** Charged, the reply lost, then the link down: the till ends NEEDS_MANUAL and parks the sale. */
async function droppedInOutage(r: TillRig) {
  r.sandbox.setFaults({ dropThenDown: 1 });
  const { payment, code } = await r.pay('0001');
  const manual = await r.until(payment.paymentId, ['NEEDS_MANUAL'], 60_000);
  expect(r.sandbox.ledger()).toMatchObject([
    { clientSn: payment.merchantOrderNo, state: 'charged' },
  ]);
  expect(manual.platformOrderNo).toBeNull(); // the till never got the platform's answer
  r.sandbox.setFaults({ http5xx: 0 }); // the link is back
  const voucher = r.sandbox.voucher(code);
  if (!voucher) throw new Error('the customer was charged but has no voucher');
  return { manual, voucher };
}

describe('order.sync settles a dropped order once', () => {
  it('the voucher’s 商户单号 (the platform’s sn) finds it; sync makes it PAID with its receipt', async () => {
    rig = await tillRig({ protocol: 'upay', scale: SCALE });
    const { manual, voucher } = await droppedInOutage(rig);
    const db = store(rig.dataDir);
    try {
      expect(db.n('SELECT status FROM orders WHERE id = ?', manual.orderId)).toBe('PARKED');
      // The till serves the next customer meanwhile: the current sale is a new one.
      const next = await rig.call<{ orderId: string; status: string }>('sale.current', {});
      expect(next.orderId).not.toBe(manual.orderId);

      const found = await rig.call<LookupResult>('order.lookup', { number: voucher.merchantNo });
      expect(found).toMatchObject({
        matchedAs: 'platform',
        paymentId: manual.paymentId,
        verdict: 'PAID_NOT_SYNCED',
        gateway: { state: 'PAID', merchantOrderNo: manual.merchantOrderNo, queriedBy: 'platform' },
      });

      // Two syncs at once, as two tired hands on two keys would send them.
      const [a, b] = await Promise.all([
        rig.call<SyncResult>('order.sync', { paymentId: manual.paymentId }),
        rig.call<SyncResult>('order.sync', { paymentId: manual.paymentId }),
      ]);
      expect([a.result, b.result].sort()).toEqual(['ALREADY_PAID', 'PAID_NOW']);
      const now = a.result === 'PAID_NOW' ? a : b;
      expect(now).toMatchObject({
        before: 'NEEDS_MANUAL',
        orderStatus: 'PAID',
        payment: {
          state: 'PAID',
          platformOrderNo: voucher.merchantNo,
          thirdPartyOrderNo: voucher.tradeNo,
        },
        gateway: { state: 'PAID', amountFen: voucher.amountFen },
      });
      // A third, later: still nothing to do.
      const again = await rig.call<SyncResult>('order.sync', { paymentId: manual.paymentId });
      expect(again).toMatchObject({ result: 'ALREADY_PAID', gateway: null });

      const detail = await rig.call<OrderDetail>('order.get', { orderId: manual.orderId });
      expect(detail.sale.status).toBe('PAID');
      expect(detail.receipt?.text).toContain(manual.merchantOrderNo);
      expect(existsSync(join(rig.dataDir, 'print.txt'))).toBe(true);
      expect(readFileSync(join(rig.dataDir, 'print.txt'), 'utf8')).toContain(voucher.tradeNo);
      // Settled once: one receipt, one print job, one PAID transition, one audited sync.
      expect(db.n('SELECT COUNT(*) FROM receipts WHERE order_id = ?', manual.orderId)).toBe(1);
      expect(db.n('SELECT COUNT(*) FROM print_jobs WHERE order_id = ?', manual.orderId)).toBe(1);
      expect(
        db.n(
          "SELECT COUNT(*) FROM payment_transitions WHERE payment_id = ? AND to_state = 'PAID'",
          manual.paymentId,
        ),
      ).toBe(1);
      const audits = db.all(
        "SELECT actor, action, detail FROM audit_log WHERE action = 'order.sync' AND subject = ?",
        manual.paymentId,
      ) as { actor: string; detail: string }[];
      expect(audits).toHaveLength(1);
      expect(audits[0]?.actor).toBe('1001'); // the signed-in cashier, not a setting
      expect(JSON.parse(audits[0]?.detail ?? '{}')).toMatchObject({
        before: 'NEEDS_MANUAL',
        after: 'PAID',
        gateway: { outcome: 'PAID', platformOrderNo: voucher.merchantNo },
      });
      // The parked sale's case is resolved with the order, and nothing is left open.
      const cases = await rig.call<{ openCount: number; cases: CaseView[] }>('case.list', {});
      expect(cases.openCount).toBe(0);
      expect(cases.cases[0]).toMatchObject({ state: 'RESOLVED', resolution: 'PAID' });
      expect(rig.sandbox.ledger()[0]?.state).toBe('charged'); // kept, not given back
    } finally {
      db.close();
    }
  });

  it('a third-party no. the platform cannot search yet is explained; the 商户单号 then finds it', async () => {
    rig = await tillRig({ protocol: 'upay', scale: SCALE });
    const { manual, voucher } = await droppedInOutage(rig);
    const third = await rig.api.call('order.lookup', { number: voucher.tradeNo });
    expect(third.json).toMatchObject({ ok: false, error: { code: 'LOOKUP_THIRD_PARTY' } });
    expect(third.json.error?.messageZh).toContain('商户单号');
    const found = await rig.call<LookupResult>('order.lookup', { number: voucher.merchantNo });
    expect(found.paymentId).toBe(manual.paymentId);
    // Once synced, the till knows the third-party no. too.
    await rig.call<SyncResult>('order.sync', { paymentId: manual.paymentId });
    const byThird = await rig.call<LookupResult>('order.lookup', { number: voucher.tradeNo });
    expect(byThird).toMatchObject({ matchedAs: 'thirdParty', verdict: 'PAID_HERE' });
  });

  it('the platform has not got the channel’s success yet: STILL_PAYING, nothing changes; later PAID', async () => {
    rig = await tillRig({ protocol: 'upay', scale: SCALE });
    // 5555: the channel charged the customer; the platform hears of it 300 s (15 s here) later.
    rig.sandbox.setFaults({ dropThenDown: 1 });
    const { payment, code } = await rig.pay('5555');
    const manual = await rig.until(payment.paymentId, ['NEEDS_MANUAL'], 60_000);
    rig.sandbox.setFaults({ http5xx: 0 });
    const voucher = rig.sandbox.voucher(code);
    expect(voucher).toMatchObject({ refunded: false });
    const early = await rig.call<LookupResult>('order.lookup', {
      number: voucher?.merchantNo ?? '',
    });
    expect(early).toMatchObject({ verdict: 'PAYING', gateway: { state: 'PAYING' } });
    const sync1 = await rig.call<SyncResult>('order.sync', { paymentId: manual.paymentId });
    expect(sync1).toMatchObject({ result: 'STILL_PAYING', payment: { state: 'NEEDS_MANUAL' } });
    let last = sync1;
    for (let i = 0; i < 40 && last.result !== 'PAID_NOW'; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      last = await rig.call<SyncResult>('order.sync', { paymentId: manual.paymentId });
    }
    expect(last).toMatchObject({ result: 'PAID_NOW', orderStatus: 'PAID' });
    expect(last.payment.thirdPartyOrderNo).toBe(voucher?.tradeNo);
  }, 90_000);

  it('a cash payment has nothing to sync; an unknown payment is NOT_FOUND', async () => {
    rig = await tillRig({ protocol: 'upay' });
    const { barcode } = { barcode: '6921000100009' };
    await rig.call('sale.scan', { barcode });
    const cash = await rig.call<{ paymentId: string }>('pay.start', {
      kind: 'cash',
      receivedFen: 100_000,
    });
    const r = await rig.api.call('order.sync', { paymentId: cash.paymentId });
    expect(r.json).toMatchObject({ ok: false, error: { code: 'NOT_A_WALLET_PAYMENT' } });
    const none = await rig.api.call('order.sync', { paymentId: 'pay_nope' });
    expect(none.json).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'paymentId' },
    });
  });
});
