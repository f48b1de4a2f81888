import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { searchHandlers } from '../electron/api/handlers/search';
import { chinaDay } from '../electron/services/days';
import { openRepos } from '../electron/store';
import { PAGE_CACHE } from '../electron/store/db';
import type { OrderSearch } from '../shared/api/search';
import { seedOrders } from '../tests/helpers/seedOrders';
import { tempDir } from '../tests/helpers/tmp';
import { percentile } from './stats';

/**
 * order.search over a store of `count` orders (a year of a busy till): the handler as the API
 * runs it, timed per kind of query a supervisor asks. The suffix search is also run without
 * its index (a LIKE scan, what a plain schema would do) as the peer in the same run.
 */
export async function benchSearch(count = 1_000_000): Promise<void> {
  const tmp = tempDir('till-bench-search-');
  const repos = openRepos(join(tmp.dir, 'till.db'));
  const endMs = Date.now();
  const t0 = performance.now();
  // A big page cache only while seeding: random inserts into a dozen indexes.
  repos.db.pragma('cache_size = -262144');
  // About one order in 5,000 left parked and as many still unresolved: a year's supervisor cases.
  seedOrders(repos.db, count, { endMs, days: 365, seed: 11, keep: false, rare: 0.0002 });
  // Back to what the till itself runs with (electron/store/db.ts); no ANALYZE, as on a till.
  repos.db.pragma(`cache_size = ${PAGE_CACHE}`);
  console.log(
    `  seeded ${count.toLocaleString('en')} orders (${(repos.db.prepare('SELECT COUNT(*) FROM payments').pluck().get() as number).toLocaleString('en')} payments) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const h = searchHandlers({ repos, clock: { now: () => endMs, sleep: async () => undefined } });
  const maxRow = repos.db.prepare('SELECT MAX(rowid) FROM payments').pluck().get() as number;
  const byRow = repos.db.prepare(
    'SELECT merchant_order_no AS m, platform_order_no AS p, third_party_order_no AS t FROM payments WHERE rowid = ?',
  );
  const numbers = Array.from(
    { length: 400 },
    () =>
      byRow.get(1 + Math.floor(Math.random() * maxRow)) as {
        m: string;
        p: string | null;
        t: string | null;
      },
  );
  let k = 0;
  const pick = () => numbers[k++ % numbers.length]!;
  const day = (back: number) => chinaDay(endMs - back * 86_400_000);
  const rand = (n: number) => Math.floor(Math.random() * n);
  const kinds: [string, () => OrderSearch][] = [
    ["today's orders (default)", () => ({})],
    ["today's orders, page 5", () => ({ page: 5 })],
    ['last 4 digits', () => ({ number: pick().m.slice(-4) })],
    ['last 6 digits, third-party no.', () => ({ number: (pick().t ?? pick().m).slice(-6) })],
    ['whole merchant order no.', () => ({ number: pick().m })],
    ['whole platform no.', () => ({ number: pick().p ?? pick().m })],
    [
      'a week, one cashier',
      () => ({ from: day(7 + rand(300)), to: day(rand(7)), cashier: `100${1 + rand(4)}` }),
    ],
    [
      'a month, amount 100–120 yuan',
      () => ({ from: day(30 + rand(300)), to: day(rand(30)), minFen: 10_000, maxFen: 12_000 }),
    ],
    [
      'a year, exact amount',
      () => ({
        from: day(364),
        to: day(0),
        minFen: 12_345 + rand(100),
        maxFen: 12_345 + rand(100),
      }),
    ],
    ['a year, refunded', () => ({ from: day(364), to: day(0), status: 'refunded' })],
    ['a year, partly refunded', () => ({ from: day(364), to: day(0), status: 'partly_refunded' })],
    ['a year, parked', () => ({ from: day(364), to: day(0), status: 'parked' })],
    ['a year, unresolved', () => ({ from: day(364), to: day(0), status: 'unresolved' })],
    ['a week, cash', () => ({ from: day(7 + rand(300)), to: day(rand(7)), method: 'CASH' })],
  ];
  const RUNS = 60;
  const all: number[] = [];
  console.log('  query                                   p50 ms   p95 ms   max ms   rows/page');
  for (const [name, make] of kinds) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const f = make();
      const s = performance.now();
      const r = await h['order.search'](f);
      times.push(performance.now() - s);
      rows += r.orders.length;
    }
    all.push(...times);
    console.log(
      `  ${name.padEnd(38)} ${percentile(times, 50).toFixed(2).padStart(7)}  ${percentile(times, 95).toFixed(2).padStart(7)}  ${Math.max(
        ...times,
      )
        .toFixed(2)
        .padStart(7)}   ${(rows / RUNS).toFixed(1)}`,
    );
  }
  console.log(
    `  order.search over ${count.toLocaleString('en')} orders: p95 ${percentile(all, 95).toFixed(2)} ms, max ${Math.max(...all).toFixed(2)} ms (${all.length} queries, target ≤ 20 ms)`,
  );
  // Peer: the same suffix search without the last-four index.
  const scan = repos.db.prepare(
    `SELECT DISTINCT order_id FROM payments WHERE merchant_order_no LIKE '%' || @t
       OR platform_order_no LIKE '%' || @t OR third_party_order_no LIKE '%' || @t LIMIT 21`,
  );
  const scans: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < 10; i++) {
    const tail = pick().m.slice(-4);
    let s = performance.now();
    scan.all({ t: tail });
    scans.push(performance.now() - s);
    s = performance.now();
    await h['order.search']({ number: tail });
    ours.push(performance.now() - s);
  }
  console.log(
    `  last 4 digits without the index (LIKE scan): median ${percentile(scans, 50).toFixed(1)} ms vs ${percentile(ours, 50).toFixed(2)} ms with it (×${(percentile(scans, 50) / percentile(ours, 50)).toFixed(0)})`,
  );
  repos.db.close();
  tmp.cleanup();
}

if (process.argv[1]?.endsWith('search.ts'))
  await benchSearch(Number(process.env.BENCH_SEARCH_ORDERS ?? 1_000_000));
