import { describe, expect, it } from 'vitest';
import { AUTO_REVOKE_MS, createAcquirer } from '../../../bench/payments/acquirer';
import { authCodeFor, type Customer } from '../../../bench/payments/customers';
import { createNetwork } from '../../../bench/payments/faults';
import { createSimClock } from '../../../bench/payments/sim';

function setup(customers: Customer[]) {
  let t = 1_000_000;
  const clock = { now: () => t };
  const acquirer = createAcquirer({ clock, customers, minQueryGapMs: 3_000 });
  const at = (ms: number) => {
    t = 1_000_000 + ms;
  };
  const pay = (index: number) =>
    acquirer.micropay({ outTradeNo: `T${index}`, authCode: authCodeFor(index), amountFen: 100 });
  return { acquirer, at, pay };
}

describe('bench acquirer model', () => {
  it('refuses a query for the same order less than 3 s after the last one it served', () => {
    const { acquirer, at, pay } = setup([{ index: 0, behaviour: 'abandon', amountFen: 100 }]);
    expect(pay(0).err_code).toBe('USERPAYING');
    at(5_000);
    expect(acquirer.orderquery('T0').trade_state).toBe('USERPAYING');
    at(7_999);
    expect(acquirer.orderquery('T0').err_code).toBe('FREQUENCY_LIMITED');
    // The refused query does not restart the window: 3 s after the served one is fine.
    at(8_000);
    expect(acquirer.orderquery('T0').trade_state).toBe('USERPAYING');
    expect(acquirer.stats.violations).toBe(1);
  });

  it('rate-limits queries for an order it has never seen, too', () => {
    const { acquirer, at } = setup([]);
    expect(acquirer.orderquery('NOPE').err_code).toBe('ORDERNOTEXIST');
    at(1_000);
    expect(acquirer.orderquery('NOPE').err_code).toBe('FREQUENCY_LIMITED');
  });

  it('race: a reverse in the last second before the payment completes is refused, then refunds', () => {
    const { acquirer, at, pay } = setup([
      { index: 0, behaviour: 'race', amountFen: 100, raceLagMs: 400 },
    ]);
    pay(0);
    at(30_000);
    const first = acquirer.reverse('T0');
    expect(first).toMatchObject({ result_code: 'FAIL', err_code: 'USERPAYING', recall: 'Y' });
    at(30_400);
    const q = acquirer.orderquery('T0');
    expect(q.trade_state).toBe('SUCCESS');
    expect(acquirer.truth(0)).toMatchObject({ charged: true, how: 'paid', finalAt: 1_030_400 });
    at(31_000);
    expect(acquirer.reverse('T0')).toMatchObject({ result_code: 'SUCCESS', recall: 'N' });
    expect(acquirer.truth(0)).toMatchObject({
      charged: false,
      how: 'refunded',
      finalAt: 1_031_000,
    });
  });

  it('a reverse while the customer is still far from paying closes the order for good', () => {
    const { acquirer, at, pay } = setup([
      { index: 0, behaviour: 'password', amountFen: 100, payAfterMs: 20_000 },
    ]);
    pay(0);
    at(10_000);
    expect(acquirer.reverse('T0')).toMatchObject({ result_code: 'SUCCESS', recall: 'N' });
    at(25_000);
    expect(acquirer.orderquery('T0').trade_state).toBe('REVOKED');
    expect(acquirer.truth(0)).toMatchObject({ charged: false, how: 'revoked', finalAt: 1_010_000 });
  });

  it('auto-revokes an unpaid order 45 s after creation; a payment after that never happens', () => {
    const { acquirer, at, pay } = setup([
      { index: 0, behaviour: 'late', amountFen: 100, payAfterMs: 47_000 },
      { index: 1, behaviour: 'late', amountFen: 100, payAfterMs: 41_000 },
    ]);
    pay(0);
    pay(1);
    at(50_000);
    expect(acquirer.orderquery('T0').trade_state).toBe('REVOKED');
    expect(acquirer.orderquery('T1').trade_state).toBe('SUCCESS');
    expect(acquirer.truth(0)).toMatchObject({
      charged: false,
      how: 'auto-revoked',
      finalAt: 1_000_000 + AUTO_REVOKE_MS,
    });
    expect(acquirer.truth(1)).toMatchObject({ charged: true, finalAt: 1_041_000 });
  });

  it('refunds once per out_refund_no: a retry with the same no. answers again, moves nothing', () => {
    const { acquirer, at, pay } = setup([{ index: 0, behaviour: 'instant', amountFen: 100 }]);
    expect(pay(0).result_code).toBe('SUCCESS');
    at(60_000);
    const req = { outTradeNo: 'T0', outRefundNo: 'T0R1', totalFee: 100, refundFee: 100 };
    const first = acquirer.refund(req);
    expect(first).toMatchObject({ result_code: 'SUCCESS', refund_fee: '100' });
    at(61_000);
    expect(acquirer.refund(req)).toMatchObject({
      result_code: 'SUCCESS',
      refund_id: first.refund_id,
    });
    expect(acquirer.stats.refunds).toBe(1);
    expect(acquirer.refund({ ...req, refundFee: 50 }).err_code).toBe('PARAM_ERROR');
    expect(acquirer.refund({ ...req, outRefundNo: 'T0R2' }).err_code).toBe('TRADE_STATE_ERROR');
    expect(acquirer.refund({ ...req, outTradeNo: 'NOPE' }).err_code).toBe('ORDERNOTEXIST');
    at(65_000);
    expect(acquirer.orderquery('T0').trade_state).toBe('REFUND');
    expect(acquirer.truth(0)).toMatchObject({
      charged: false,
      how: 'refunded',
      finalAt: 1_060_000,
    });
  });

  it('refuses to refund an order that was never paid, or more than was paid', () => {
    const { acquirer, pay } = setup([
      { index: 0, behaviour: 'abandon', amountFen: 100 },
      { index: 1, behaviour: 'instant', amountFen: 100 },
    ]);
    pay(0);
    pay(1);
    const req = { outTradeNo: 'T0', outRefundNo: 'T0R1', totalFee: 100, refundFee: 100 };
    expect(acquirer.refund(req).err_code).toBe('TRADE_STATE_ERROR');
    expect(acquirer.refund({ ...req, outTradeNo: 'T1', refundFee: 101 }).err_code).toBe(
      'PARAM_ERROR',
    );
    expect(acquirer.refund({ ...req, outTradeNo: 'T1', refundFee: 60 }).result_code).toBe(
      'SUCCESS',
    );
    expect(
      acquirer.refund({ ...req, outTradeNo: 'T1', outRefundNo: 'T1R2', refundFee: 41 }).err_code,
    ).toBe('PARAM_ERROR');
    expect(acquirer.truth(1)).toMatchObject({ charged: true, how: 'paid' });
  });

  it('gives the same transaction_id on every answer about one paid order', () => {
    const { acquirer, at, pay } = setup([{ index: 0, behaviour: 'instant', amountFen: 100 }]);
    const id = pay(0).transaction_id;
    at(10_000);
    expect(acquirer.orderquery('T0').transaction_id).toBe(id);
  });

  it('a pay request that never arrived leaves nothing charged', () => {
    const { acquirer } = setup([{ index: 0, behaviour: 'instant', amountFen: 100 }]);
    expect(acquirer.truth(0)).toEqual({ created: false, charged: false, how: 'never-arrived' });
  });
});

describe('bench network', () => {
  it('gives the k-th call of a payment the same fault whoever makes it', async () => {
    const outcomes = async () => {
      const clock = createSimClock();
      const net = createNetwork({ seed: 7, clock, faultRate: 0.5, outageRate: 0 });
      const seen: string[] = [];
      void (async () => {
        for (let k = 0; k < 40; k++) {
          const d = await net.call(3, k % 2 ? 'query' : 'reverse', 6_000, () => 'ok');
          seen.push(d.ok ? 'ok' : d.fault);
        }
      })();
      await clock.run();
      return seen;
    };
    const a = await outcomes();
    expect(a).toHaveLength(40);
    expect(await outcomes()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('a lost reply still reaches the acquirer; a lost request or a 5xx does not', async () => {
    const clock = createSimClock();
    const net = createNetwork({ seed: 11, clock, faultRate: 1, outageRate: 0 });
    const rows: [string, boolean][] = [];
    void (async () => {
      for (let k = 0; k < 30; k++) {
        let ran = false;
        const d = await net.call(0, 'query', 6_000, () => (ran = true));
        rows.push([d.ok ? 'ok' : d.fault, ran]);
      }
    })();
    await clock.run();
    for (const [fault, ran] of rows) expect(ran).toBe(fault === 'lost-reply');
    expect(new Set(rows.map(([f]) => f))).toEqual(
      new Set(['lost-request', 'lost-reply', 'http-5xx']),
    );
  });
});

describe('bench network: outages', () => {
  /** Payment `index` starts at 100 s; it calls every `stepMs` for `spanMs`. */
  async function calls(opts: { seed: number; index: number; stepMs: number; spanMs: number }) {
    const clock = createSimClock(0);
    const net = createNetwork({
      seed: opts.seed,
      clock,
      faultRate: 0,
      outageRate: 1,
      startOf: () => 100_000,
    });
    const seen: { at: number; fault?: string; ran: boolean }[] = [];
    void (async () => {
      await clock.sleepUntil(100_000);
      while (clock.now() < 100_000 + opts.spanMs) {
        const at = clock.now();
        let ran = false;
        const d = await net.call(opts.index, 'query', 6_000, () => (ran = true));
        seen.push({ at, ran, ...(!d.ok && { fault: d.fault }) });
        await clock.sleepUntil(at + opts.stepMs);
      }
    })();
    await clock.run();
    return { seen, outage: net.outageOf(opts.index) };
  }

  it('fails every call sent inside the window, and none outside it (no other faults)', async () => {
    for (let index = 0; index < 20; index++) {
      const { seen, outage } = await calls({ seed: 5, index, stepMs: 7_000, spanMs: 200_000 });
      if (!outage) throw new Error('outageRate 1 gives every payment a window');
      expect(outage.to - outage.from).toBeGreaterThanOrEqual(20_000);
      expect(outage.to - outage.from).toBeLessThanOrEqual(120_000);
      expect(outage.from - 100_000).toBeGreaterThanOrEqual(-30_000);
      expect(outage.from - 100_000).toBeLessThanOrEqual(30_000);
      for (const c of seen) {
        const inside = c.at >= outage.from && c.at < outage.to;
        expect(c.fault !== undefined).toBe(inside);
        // In an outage the order logic never runs: requests are lost or answered 5xx.
        if (inside) expect(['lost-request', 'http-5xx']).toContain(c.fault);
        if (inside && outage.kind === 'link-down') expect(c.fault).toBe('lost-request');
        expect(c.ran).toBe(!inside);
      }
      expect(seen.some((c) => c.fault)).toBe(true);
    }
  });

  it('is a window of time: callers with other rhythms fail exactly inside the same window', async () => {
    const a = await calls({ seed: 9, index: 4, stepMs: 3_000, spanMs: 200_000 });
    const b = await calls({ seed: 9, index: 4, stepMs: 11_000, spanMs: 200_000 });
    expect(b.outage).toEqual(a.outage);
    const o = a.outage as NonNullable<typeof a.outage>;
    for (const c of [...a.seen, ...b.seen])
      expect(c.fault !== undefined).toBe(c.at >= o.from && c.at < o.to);
  });

  it('gives about outageRate of the payments a window, the same for every seed reuse', () => {
    const clock = createSimClock(0);
    const make = () =>
      createNetwork({ seed: 20261125, clock, outageRate: 0.02, startOf: (i) => i * 3_000 });
    const [n1, n2] = [make(), make()];
    let hits = 0;
    for (let i = 0; i < 10_000; i++) {
      const o = n1.outageOf(i);
      expect(n2.outageOf(i)).toEqual(o);
      if (o) hits++;
    }
    expect(hits).toBeGreaterThan(150);
    expect(hits).toBeLessThan(250);
  });

  it('keeps independent faults at their rate outside outages, and the k-th call aligned', async () => {
    const run = async (outageRate: number) => {
      const clock = createSimClock(0);
      const net = createNetwork({ seed: 3, clock, faultRate: 0.085, outageRate });
      const fates: string[] = [];
      void (async () => {
        for (let i = 0; i < 400; i++)
          for (let k = 0; k < 5; k++) {
            const d = await net.call(i, 'query', 6_000, () => 'ok');
            fates.push(d.ok ? 'ok' : d.fault);
          }
      })();
      await clock.run();
      return fates;
    };
    const plain = await run(0);
    const share = plain.filter((f) => f !== 'ok').length / plain.length;
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.11);
    // With outages switched on, a call outside every window meets the same fate as before:
    // the outage dice come from their own stream and do not shift the per-call one.
    const withOutages = await run(0.5);
    const same = withOutages.filter((f, k) => f === plain[k]).length;
    expect(same).toBeGreaterThan(plain.length * 0.5);
    for (let k = 0; k < plain.length; k++)
      if (plain[k] !== 'ok') expect(withOutages[k]).not.toBe('ok');
  });
});
