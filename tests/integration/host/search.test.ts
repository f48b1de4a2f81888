import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { loadConfig } from '../../../electron/host/config';
import { startHost, type Host } from '../../../electron/host/host';
import { chinaDay } from '../../../electron/services/days';
import type { OrderSearch, OrderSummary } from '../../../shared/api/search';
import { DEMO } from '../../helpers/kioskClient';
import { seedOrders, type SeededOrder } from '../../helpers/seedOrders';
import { tempDir } from '../../helpers/tmp';

/**
 * order.search on a real host over 3,000 seeded orders of the last ten days. Each criterion's
 * answer is compared with the same filter applied here to the seeded orders themselves.
 */
const tmp = tempDir('till-search-');
let host: Host;
let seeded: SeededOrder[];
const now = Date.now();

beforeAll(async () => {
  host = await startHost(loadConfig({ TILL_DATA_DIR: tmp.dir, TILL_PRINTER: 'none' }), {
    appRoot: resolve('.'),
    version: 'test',
  });
  seeded = seedOrders(host.repos.db, 3000, { endMs: now, days: 10, seed: 7 });
  await host.session.signIn(DEMO.cashier.userId, DEMO.cashier.pin);
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

type Answer = { orders: OrderSummary[]; hasMore: boolean; page: number };
async function search(f: OrderSearch): Promise<Answer> {
  const r = await dispatch(host.boundary, 'order.search', f);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as Answer;
}
/** Every page of an answer, newest first. */
async function all(f: OrderSearch): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const a = await search({ ...f, page, pageSize: 100 });
    ids.push(...a.orders.map((o) => o.orderId));
    if (!a.hasMore) return ids;
  }
}
const UNFINISHED = ['NEW', 'SUBMITTING', 'PENDING', 'QUERYING', 'REVERSING', 'NEEDS_MANUAL'];
const stateOf = (o: SeededOrder) =>
  o.status === 'PARKED'
    ? 'parked'
    : o.payments.some((p) => UNFINISHED.includes(p.state))
      ? 'unresolved'
      : o.status !== 'PAID'
        ? 'open'
        : o.refundedFen === 0
          ? 'paid'
          : o.refundedFen >= o.totalFen
            ? 'refunded'
            : 'partly_refunded';
const newestFirst = (list: SeededOrder[]) =>
  [...list]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .map((o) => o.id);
const day = (o: SeededOrder) => chinaDay(Date.parse(o.createdAt));
const today = chinaDay(now);

describe('order.search', () => {
  it("lists today's orders by default, newest first, paged", async () => {
    const expected = newestFirst(seeded.filter((o) => day(o) === today));
    expect(expected.length).toBeGreaterThan(20);
    const first = await search({});
    expect(first.orders.map((o) => o.orderId)).toEqual(expected.slice(0, 20));
    expect(first.hasMore).toBe(true);
    expect(await all({})).toEqual(expected);
  });

  it('finds an order by any of its three numbers, whole or by the last 4+ digits', async () => {
    const o = seeded.find((x) => x.status === 'PAID' && x.payments[0]!.method === 'WECHAT')!;
    const p = o.payments[0]!;
    for (const no of [p.merchantOrderNo, p.platformOrderNo!, p.thirdPartyOrderNo!]) {
      expect((await search({ number: no })).orders.map((x) => x.orderId)).toEqual([o.id]);
      for (const n of [4, 6, 9]) {
        const tail = no.slice(-n);
        const expected = newestFirst(
          seeded.filter((x) =>
            x.payments.some((q) =>
              [q.merchantOrderNo, q.platformOrderNo, q.thirdPartyOrderNo].some((v) =>
                v?.endsWith(tail),
              ),
            ),
          ),
        );
        expect(await all({ number: tail }), `…${tail}`).toEqual(expected);
        expect(expected).toContain(o.id);
      }
    }
    expect((await search({ number: o.id })).orders.map((x) => x.orderId)).toEqual([o.id]);
    const hit = (await search({ number: p.merchantOrderNo })).orders[0]!;
    expect(hit).toMatchObject({ totalFen: o.totalFen, cashier: o.cashier, state: stateOf(o) });
  });

  it('narrows by date range, amount, cashier, method and status', async () => {
    const from = chinaDay(now - 6 * 86_400_000);
    const to = chinaDay(now - 4 * 86_400_000);
    const inRange = (o: SeededOrder) => day(o) >= from && day(o) <= to;
    const cases: [OrderSearch, (o: SeededOrder) => boolean][] = [
      [{ from, to }, inRange],
      [
        { from, to, minFen: 10_000, maxFen: 20_000 },
        (o) => inRange(o) && o.totalFen >= 10_000 && o.totalFen <= 20_000,
      ],
      [{ from, to, cashier: '1003' }, (o) => inRange(o) && o.cashier === '1003'],
      [
        { from, to, method: 'CASH' },
        (o) => inRange(o) && o.payments.some((p) => p.method === 'CASH'),
      ],
      [
        { from: chinaDay(now - 9 * 86_400_000), to: today, method: 'ALIPAY', minFen: 40_000 },
        (o) =>
          day(o) >= chinaDay(now - 9 * 86_400_000) &&
          o.payments.some((p) => p.method === 'ALIPAY') &&
          o.totalFen >= 40_000,
      ],
    ];
    for (const status of ['paid', 'refunded', 'partly_refunded', 'parked', 'unresolved'] as const) {
      cases.push([
        { from: chinaDay(now - 10 * 86_400_000), to: today, status },
        (o) =>
          status === 'unresolved'
            ? o.payments.some((p) => UNFINISHED.includes(p.state))
            : stateOf(o) === status,
      ]);
    }
    for (const [f, keep] of cases) {
      const expected = newestFirst(seeded.filter(keep));
      expect(expected.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(await all(f), JSON.stringify(f)).toEqual(expected);
    }
  });

  it('plans every kind of query on an index, never a scan of the orders or payments', () => {
    const year = {
      fromAt: '2026-01-01T00:00:00Z',
      toAt: '2027-01-01T00:00:00Z',
      limit: 21,
      offset: 0,
    };
    const kinds: [Parameters<typeof host.repos.search.plan>[0], RegExp][] = [
      [year, /orders_by_created/],
      [{ ...year, number: '1234' }, /payments_mno_tail.*payments_pno_tail.*payments_tno_tail/],
      [{ ...year, cashier: '1001' }, /orders_by_cashier/],
      [{ ...year, minFen: 1000, maxFen: 1000 }, /orders_by_total/],
      [{ ...year, method: 'CASH' }, /payments_by_order/],
      [{ ...year, status: 'refunded' }, /orders_refunded/],
      [{ ...year, status: 'partly_refunded' }, /orders_refunded/],
      [{ ...year, status: 'parked' }, /orders_by_status/],
      [{ ...year, status: 'unresolved' }, /payments_by_state/],
    ];
    for (const [f, uses] of kinds) {
      const plan = host.repos.search.plan(f).join(' | ');
      expect(plan, JSON.stringify(f)).toMatch(uses);
      expect(plan, JSON.stringify(f)).not.toMatch(/SCAN (o|p|orders|payments)\b/);
    }
  });

  it('refuses a number shorter than four characters and a hostile one, changing nothing', async () => {
    for (const number of ['123', "1'; DROP TABLE orders; --", '%%%%']) {
      const r = await dispatch(host.boundary, 'order.search', { number });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'number' } });
    }
  });
});
