import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { findStoreOrder } from '../../electron/sync/remote';
import { searchStoreOrders } from '../../electron/sync/remoteSearch';
import { percentile } from '../stats';

/** The look-up every till ran itself before store migration 004 (row-level security applies). */
const PLAIN = `SELECT till_id, data->>'order_id' AS order_id FROM till_rows WHERE tbl = 'payments'
  AND (data->>'merchant_order_no' = $1 OR data->>'platform_order_no' = $1 OR data->>'third_party_order_no' = $1)`;

async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  return ms;
}

/**
 * Another till's order found by the number on the customer's voucher, as till 01 (its own
 * login, under row-level security): the owner functions of migration 004 against the plain
 * query a till would write itself, in the same run over the same rows.
 */
export async function benchCrossTill(
  till01: pg.Client,
  numbers: (i: number) => string,
  orders: number,
): Promise<void> {
  const fn = await timed(200, (i) => findStoreOrder(till01, numbers(i), '01'));
  const search = await timed(200, (i) =>
    searchStoreOrders(till01, { number: numbers(i).slice(-6), limit: 21, offset: 0 }, '01'),
  );
  const plain = await timed(5, (i) => till01.query(PLAIN, [numbers(i)]));
  const p50 = (xs: number[]) => percentile(xs, 50);
  console.log(
    `  cross-till look-up by voucher number over ${orders.toLocaleString('en')} pushed orders, as a till: whole order p50 ${p50(fn).toFixed(1)} ms, p95 ${percentile(fn, 95).toFixed(1)} ms; search by last 6 digits p50 ${p50(search).toFixed(1)} ms`,
  );
  console.log(
    `  peer, the till's own query (row-level security keeps it off the number indexes): p50 ${p50(plain).toFixed(0)} ms — ${(p50(plain) / p50(fn)).toFixed(0)}× the function's whole-order look-up`,
  );
}
