import { describe, expect, it } from 'vitest';
import {
  AUTO_REVOKE_MS,
  authCodeFor,
  createAcquirer,
  createNetwork,
  type Customer,
} from '../../../bench/payments/acquirer';
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

  it('a pay request that never arrived leaves nothing charged', () => {
    const { acquirer } = setup([{ index: 0, behaviour: 'instant', amountFen: 100 }]);
    expect(acquirer.truth(0)).toEqual({ created: false, charged: false, how: 'never-arrived' });
  });
});

describe('bench network', () => {
  it('gives the k-th call of a payment the same fault whoever makes it', async () => {
    const outcomes = async () => {
      const clock = createSimClock();
      const net = createNetwork({ seed: 7, clock, faultRate: 0.5 });
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
    const net = createNetwork({ seed: 11, clock, faultRate: 1 });
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
