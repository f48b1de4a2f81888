import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxGatewayClient } from '../../../electron/gateway';
import type { CaseView, LookupResult, SyncResult } from '../../../shared/api/recovery';
import type { OrderDetail, Payment, Sale } from '../../../shared/domain';
import catalogue from '../../../resources/catalogue.json';
import { DEMO } from '../../helpers/kioskClient';
import { tillRig, type TillRig } from '../../helpers/tillRig';

/** The till never locks: what cannot be settled now is parked, listed and resolved later. */
let rig: TillRig;
afterEach(async () => rig?.close());

const list = (r: TillRig) => r.call<{ openCount: number; cases: CaseView[] }>('case.list', {});

describe('parked sales and supervisor cases', () => {
  it('gateway outage: NEEDS_MANUAL parks the sale, the next customer pays cash at once, the supervisor closes the case later', async () => {
    rig = await tillRig({ protocol: 'upay', scale: 20 });
    rig.sandbox.setFaults({ http5xx: 100_000 }); // the acquirer is down
    const { payment } = await rig.pay('0001');
    const manual = await rig.until(payment.paymentId, ['NEEDS_MANUAL'], 60_000);
    expect(manual.reasonText).toContain('请勿交付商品');

    // The till is not locked: scanning, clearing and cash all work for the next customer.
    const next = await rig.call<Sale>('sale.scan', { barcode: catalogue[1]!.barcode });
    expect(next.orderId).not.toBe(manual.orderId);
    expect(next.status).toBe('OPEN');
    const cash = await rig.call<Payment>('pay.start', { kind: 'cash', receivedFen: 100_000 });
    expect(cash.state).toBe('PAID');

    let cases = await list(rig);
    expect(cases.openCount).toBe(1);
    expect(cases.cases[0]).toMatchObject({
      kind: 'UNCONFIRMED_PAYMENT',
      status: 'NEEDS_QUERY',
      orderId: manual.orderId,
      paymentId: manual.paymentId,
      merchantOrderNo: manual.merchantOrderNo,
      amountFen: manual.amountFen,
      orderStatus: 'PARKED',
    });
    const caseId = cases.cases[0]!.caseId;
    await rig.signIn(DEMO.supervisor); // settling cases is the supervisor's
    // Not closable while nobody knows whether the customer was charged.
    const early = await rig.api.call('case.resolve', { caseId, action: 'CLOSE', requestId: 'c1' });
    expect(early.json).toMatchObject({ ok: false, error: { code: 'CASE_NOT_CLOSABLE' } });

    rig.sandbox.setFaults({ http5xx: 0 }); // the acquirer is back
    const sync = await rig.call<SyncResult>('order.sync', { paymentId: manual.paymentId });
    expect(sync).toMatchObject({ result: 'NOT_FOUND', payment: { state: 'NEEDS_MANUAL' } });
    await rig.host.reconciler.runOnce(); // the reconciler keeps working on parked sales
    await rig.until(manual.paymentId, ['REVERSED']);
    cases = await list(rig);
    expect(cases.cases[0]).toMatchObject({ status: 'NOT_CHARGED', paymentState: 'REVERSED' });

    const closed = await rig.call<CaseView>('case.resolve', {
      caseId,
      action: 'CLOSE',
      requestId: 'c2',
    });
    expect(closed).toMatchObject({ state: 'RESOLVED', resolution: 'CLOSED_UNPAID' });
    expect(
      (await rig.call<OrderDetail>('order.get', { orderId: manual.orderId })).sale.status,
    ).toBe('VOID');
    expect((await list(rig)).openCount).toBe(0);
    expect(rig.sandbox.ledger()).toEqual([]); // nobody was charged
    const again = await rig.api.call('case.resolve', { caseId, action: 'CLOSE', requestId: 'c3' });
    expect(again.json).toMatchObject({ ok: false, error: { code: 'CASE_RESOLVED' } });
  }, 90_000);

  it('a split sale abandoned after its first part is parked; the supervisor refunds what was taken', async () => {
    rig = await tillRig({ protocol: 'wechat', scale: 20 });
    await rig.call('sale.scan', { barcode: catalogue[6]!.barcode });
    const nothing = await rig.api.call('sale.park', {});
    expect(nothing.json).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PARK' } });
    const sale = await rig.call<Sale>('sale.scan', { barcode: catalogue[7]!.barcode });
    const part = await rig.call<Payment>('pay.start', {
      kind: 'wallet',
      authCode: rig.code('0001'),
      amountFen: 100,
    });
    await rig.until(part.paymentId, ['PAID']);
    await rig.call('pay.start', { kind: 'cash', receivedFen: 50, partial: true });
    // Still part-paid: the cart is locked, the customer walks away.
    const locked = await rig.api.call('sale.scan', { barcode: catalogue[1]!.barcode });
    expect(locked.json).toMatchObject({ ok: false, error: { code: 'SALE_LOCKED' } });
    const parked = await rig.call<{ parked: Sale; case: CaseView }>('sale.park', {});
    expect(parked.parked).toMatchObject({ orderId: sale.orderId, status: 'PARKED' });
    expect(parked.case).toMatchObject({ kind: 'ABANDONED_SPLIT', status: 'CHARGED', paidFen: 150 });
    const next = await rig.call<Sale>('sale.scan', { barcode: catalogue[1]!.barcode });
    expect(next.orderId).not.toBe(sale.orderId);

    await rig.signIn(DEMO.supervisor); // settling cases is the supervisor's
    const close = await rig.api.call('case.resolve', {
      caseId: parked.case.caseId,
      action: 'CLOSE',
      requestId: 'x1',
    });
    expect(close.json).toMatchObject({ ok: false, error: { code: 'CASE_NOT_CLOSABLE' } });
    const refunded = await rig.call<CaseView>('case.resolve', {
      caseId: parked.case.caseId,
      action: 'REFUND',
      requestId: 'r1',
    });
    expect(refunded).toMatchObject({ state: 'RESOLVED', resolution: 'REFUNDED', refundedFen: 150 });
    expect(rig.sandbox.ledger()).toMatchObject([{ state: 'refunded', refundedFen: 100 }]);
    expect((await list(rig)).openCount).toBe(0);
  });

  it('a gateway-paid order the till never knew: shown with amount and time, attached once when amounts match, or recorded to refund', async () => {
    rig = await tillRig({ protocol: 'upay', scale: 20 });
    // Another till of the store (the same terminal account) took two payments.
    const other = createSandboxGatewayClient(rig.sandbox, 'upay');
    const price = catalogue[2]!.priceFen;
    const pay = async (clientSn: string, amountFen: number) => {
      const a = await other.pay({
        clientSn,
        amountFen,
        authCode: rig.code('0001'),
        subject: '其他款台',
        operator: '李雷',
      });
      expect(a.outcome).toBe('PAID');
      return a;
    };
    const a = await pay('OTHER-TILL-0001', price);
    const b = await pay('OTHER-TILL-0002', 777);

    const found = await rig.call<LookupResult>('order.lookup', { number: a.sn ?? '' });
    expect(found).toMatchObject({
      matchedAs: null,
      order: null,
      verdict: 'PAID_UNKNOWN_HERE',
      gateway: {
        state: 'PAID',
        amountFen: price,
        merchantOrderNo: 'OTHER-TILL-0001',
        queriedBy: 'platform',
      },
    });
    expect(found.gateway?.paidAt).toBeTruthy();

    await rig.signIn(DEMO.supervisor); // attaching a stranger's payment is the supervisor's
    const sale = await rig.call<Sale>('sale.scan', { barcode: catalogue[2]!.barcode });
    const wrong = await rig.api.call('order.attachPayment', {
      number: b.sn ?? '',
      orderId: sale.orderId,
    });
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    const attached = await rig.call<OrderDetail>('order.attachPayment', {
      number: a.sn ?? '',
      orderId: sale.orderId,
    });
    expect(attached.sale.status).toBe('PAID');
    expect(attached.payments).toMatchObject([
      { state: 'PAID', merchantOrderNo: 'OTHER-TILL-0001', platformOrderNo: a.sn },
    ]);
    expect(attached.receipt?.text).toContain('OTHER-TILL-0001');
    const twice = await rig.api.call('order.attachPayment', {
      number: a.tradeNo ?? '',
      orderId: (await rig.call<Sale>('sale.current', {})).orderId,
    });
    expect(twice.json).toMatchObject({ ok: false, error: { code: 'ALREADY_RECORDED' } });

    const recorded = await rig.call<CaseView>('case.recordUnmatched', { number: b.sn ?? '' });
    expect(recorded).toMatchObject({
      kind: 'UNMATCHED_PAYMENT',
      status: 'CHARGED',
      amountFen: 777,
      merchantOrderNo: 'OTHER-TILL-0002',
      platformOrderNo: b.sn,
    });
    expect((await list(rig)).openCount).toBe(1);
    const dup = await rig.api.call('case.recordUnmatched', { number: b.sn ?? '' });
    expect(dup.json).toMatchObject({ ok: false, error: { code: 'ALREADY_RECORDED' } });
    const done = await rig.call<CaseView>('case.resolve', {
      caseId: recorded.caseId,
      action: 'REFUND',
      requestId: 'u1',
    });
    expect(done).toMatchObject({ state: 'RESOLVED', resolution: 'REFUNDED', refundedFen: 777 });
    const ledger = Object.fromEntries(rig.sandbox.ledger().map((e) => [e.clientSn, e.state]));
    expect(ledger).toEqual({ 'OTHER-TILL-0001': 'charged', 'OTHER-TILL-0002': 'refunded' });
  });

  it('still unpaid although the customer shows success: a case with the voucher’s numbers, the sale parked, every step on the timeline', async () => {
    rig = await tillRig({ protocol: 'upay', scale: 20 });
    const { payment } = await rig.pay('9999'); // abandons: the till reverses, nobody charged
    const ended = await rig.until(payment.paymentId, ['REVERSED', 'FAILED'], 60_000);
    await rig.call('recovery.note', { orderId: ended.orderId, step: 'voucher', outcome: 'YES' });
    const sn = rig.sandbox.ledger()[0]?.sn ?? '';
    await rig.call('recovery.note', {
      orderId: ended.orderId,
      step: 'lookup',
      outcome: 'NOT_PAID',
      number: sn,
    });
    const c = await rig.call<CaseView>('case.record', {
      orderId: ended.orderId,
      paymentId: ended.paymentId,
      number: sn,
      amountFen: ended.amountFen,
      voucherTime: '2026-11-25T10:05:00+08:00',
    });
    expect(c).toMatchObject({
      kind: 'DROPPED_ORDER',
      state: 'OPEN',
      orderStatus: 'PARKED',
      platformOrderNo: sn,
      amountFen: ended.amountFen,
      paidAt: '2026-11-25T10:05:00+08:00',
      status: 'NOT_CHARGED',
    });
    const timeline = await rig.call<{ entries: { kind: string; step: string; outcome: string }[] }>(
      'order.timeline',
      { orderId: ended.orderId },
    );
    const steps = timeline.entries.map((e) => `${e.kind}:${e.step}:${e.outcome}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^payment:WECHAT \d+:SUBMITTING → PENDING$/),
        'recovery:voucher:YES',
        'recovery:lookup:NOT_PAID',
        'recovery:withheld:CASE_RECORDED',
        `audit:case.record:${ended.orderId}`,
      ]),
    );
    const bad = await rig.api.call('recovery.note', {
      orderId: ended.orderId,
      step: 'voucher',
      outcome: 'yes; DROP TABLE',
    });
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  }, 60_000);
});
