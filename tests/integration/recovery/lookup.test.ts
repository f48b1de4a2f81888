import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookupResult } from '../../../shared/api/recovery';
import { tillRig, type TillRig } from '../../helpers/tillRig';

/**
 * order.lookup against the real host and an independent sandbox over HTTP, for each protocol:
 * the number the customer's voucher or the receipt shows, found here and at the gateway.
 */
let rig: TillRig;
afterEach(async () => rig?.close());

/** Rows the store holds, to prove a refused look-up changed nothing. */
function counts(dataDir: string) {
  const db = new Database(join(dataDir, 'till.db'), { readonly: true });
  try {
    const n = (t: string) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get();
    return {
      orders: n('orders'),
      payments: n('payments'),
      transitions: n('payment_transitions'),
      audit: n('audit_log'),
      cases: n('cases'),
      timeline: n('order_timeline'),
    };
  } finally {
    db.close();
  }
}

describe.each(['upay', 'wechat', 'alipay'] as const)('order.lookup over %s', (protocol) => {
  it('finds a paid order by each of its three numbers and by the voucher, and asks the gateway live', async () => {
    // Acquirer time 10× faster: the look-ups keep the rate limit's gap between them, scaled.
    rig = await tillRig({ protocol, scale: 10 });
    const { payment, code } = await rig.pay('0001');
    const paid = await rig.until(payment.paymentId, ['PAID']);
    const voucher = rig.sandbox.voucher(code);
    expect(voucher).not.toBeNull();
    const before = rig.sandbox.stats().calls.query;
    const numbers: [string, LookupResult['matchedAs']][] = [
      [paid.merchantOrderNo, 'merchant'],
      [paid.platformOrderNo ?? '', 'platform'],
      [paid.thirdPartyOrderNo ?? '', protocol === 'upay' ? 'thirdParty' : 'platform'],
      [voucher?.merchantNo ?? '', protocol === 'upay' ? 'platform' : 'merchant'],
      [` ${paid.merchantOrderNo.slice(0, 8)} ${paid.merchantOrderNo.slice(8)} `, 'merchant'],
    ];
    for (const [number, kind] of numbers) {
      const r = await rig.call<LookupResult>('order.lookup', { number });
      expect(r).toMatchObject({
        matchedAs: kind,
        paymentId: paid.paymentId,
        verdict: 'PAID_HERE',
        gateway: {
          state: 'PAID',
          amountFen: paid.amountFen,
          merchantOrderNo: paid.merchantOrderNo,
          thirdPartyOrderNo: paid.thirdPartyOrderNo,
          queriedBy: 'merchant',
        },
      });
      expect(r.order?.sale.status).toBe('PAID');
      expect(r.gateway?.paidAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    // Every look-up asked the gateway now, not only the store.
    expect(rig.sandbox.stats().calls.query - before).toBe(numbers.length);
  });
});

describe('order.lookup: bad input gets a clear answer and changes nothing', () => {
  it('a malformed number, a number found nowhere, a third-party no. the platform cannot search', async () => {
    rig = await tillRig({ protocol: 'upay' });
    const { payment } = await rig.pay('0001');
    await rig.until(payment.paymentId, ['PAID']);
    const before = counts(rig.dataDir);
    const cases: [string, string][] = [
      ['12345<script>', 'BAD_NUMBER'],
      ['', 'BAD_NUMBER'],
      ['x'.repeat(65), 'BAD_NUMBER'],
      ['78000000000000000001', 'LOOKUP_NOT_FOUND'],
      ['4200000000202611250000000009', 'LOOKUP_THIRD_PARTY'],
    ];
    for (const [number, code] of cases) {
      const r = await rig.api.call('order.lookup', { number });
      expect(r.json).toMatchObject({ ok: false, error: { code, field: 'number' } });
      expect(r.json.error?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(counts(rig.dataDir)).toEqual(before);
  });

  it('a gateway that times out during a look-up: its own order still shows, an unknown number is refused', async () => {
    rig = await tillRig({ protocol: 'wechat' });
    const { payment } = await rig.pay('0001');
    const paid = await rig.until(payment.paymentId, ['PAID']);
    const before = counts(rig.dataDir);
    rig.sandbox.setFaults({ http5xx: 10 }); // the acquirer is down
    const own = await rig.call<LookupResult>('order.lookup', { number: paid.merchantOrderNo });
    expect(own).toMatchObject({
      matchedAs: 'merchant',
      verdict: 'PAID_HERE', // the till's own PAID stands; the gateway could not be asked
      gateway: { state: 'UNREACHABLE', errorCode: 'HTTP_500' },
    });
    const unknown = await rig.api.call('order.lookup', { number: '20261125000000000000000000' });
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'LOOKUP_GATEWAY_DOWN' } });
    rig.sandbox.setFaults({ http5xx: 0, hangMs: 20_000, hangCount: 5 }); // now it hangs
    const hung = await rig.api.call('order.lookup', { number: '20261125000000000000000001' });
    expect(hung.json).toMatchObject({ ok: false, error: { code: 'LOOKUP_GATEWAY_DOWN' } });
    const after = counts(rig.dataDir);
    expect(after).toEqual(before);
  }, 60_000);
});
