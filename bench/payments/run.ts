import { pathToFileURL } from 'node:url';
import { createEventBus } from '../../electron/api/events';
import { WECHAT_SCHEDULE } from '../../electron/gateway/schedules';
import type { GatewaySchedule } from '../../electron/gateway/types';
import { createPaymentEngine } from '../../electron/payments/engine';
import { iso } from '../../electron/services/clock';
import { createRepos } from '../../electron/store';
import { openStore } from '../../electron/store/db';
import type { Payment } from '../../shared/domain';
import catalogue from '../../resources/catalogue.json';
import { percentile } from '../stats';
import {
  MIX,
  TIMEOUTS,
  authCodeFor,
  createAcquirer,
  createBenchGateway,
  createNetwork,
  makeCustomers,
  type Acquirer,
  type Behaviour,
  type Customer,
  type Network,
  type Truth,
} from './acquirer';
import {
  alipayF2FDemo,
  phpSample,
  wechatDocLoop,
  type Ending,
  type LoopCtx,
  type LoopResult,
} from './references';
import { createSimClock, rng, streamSeed } from './sim';

/**
 * Issue 3's payments benchmark: 10,000 barcode payments on a simulated clock, through our engine
 * (createPaymentEngine, unmodified, on an in-memory store) and through the acquirers' reference
 * loops, against the same seeded customers, the same per-call network faults and the same
 * acquirer model (acquirer.ts). Nothing here waits for real time.
 */

const SEED = Number(process.env.BENCH_PAY_SEED ?? 20261125);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 10_000);
const FAULT_RATE = 0.1;
/** The acquirer's own limit; the what-if runs change only what the till is told. */
const ACQUIRER_MIN_QUERY_GAP_MS = WECHAT_SCHEDULE.minQueryGapMs;
/** Customers reach the till on average every 3 s, so ~15–20 payments overlap. */
const MEAN_ARRIVAL_GAP_MS = 3_000;

interface PaymentRecord {
  ending: Ending;
  startAt: number;
  /** When the till reached its final belief (undefined for NEEDS_MANUAL). */
  knowsAt?: number;
  note: string;
}

interface StrategyRun {
  name: string;
  records: PaymentRecord[];
  acquirer: Acquirer;
  net: Network;
  wallMs: number;
  wakeUps: number;
  errors: unknown[];
}

function arrivals(seed: number, count: number, start: number): number[] {
  const r = rng(streamSeed(seed, 0, 3));
  const out: number[] = [];
  let t = start + 1_000;
  for (let i = 0; i < count; i++) {
    out.push(t);
    t += Math.max(1, Math.round(-Math.log(1 - r()) * MEAN_ARRIVAL_GAP_MS));
  }
  return out;
}

function world(seed: number, customers: Customer[]) {
  const clock = createSimClock();
  const acquirer = createAcquirer({
    clock,
    customers,
    minQueryGapMs: ACQUIRER_MIN_QUERY_GAP_MS,
  });
  const net = createNetwork({ seed, clock, faultRate: FAULT_RATE });
  return { clock, acquirer, net, at: arrivals(seed, customers.length, clock.now()) };
}

const FINAL = new Set(['PAID', 'FAILED', 'REVERSED', 'NEEDS_MANUAL']);

/** Our engine, unmodified, with `schedule` as the gateway's schedule. */
async function runOurs(
  name: string,
  customers: Customer[],
  schedule: GatewaySchedule,
): Promise<StrategyRun> {
  const t0 = performance.now();
  const { clock, acquirer, net, at } = world(SEED, customers);
  const gateway = createBenchGateway(acquirer, net, schedule);
  const repos = createRepos(openStore(':memory:'));
  repos.products.importAll(catalogue);
  const events = createEventBus();
  const indexOfPayment = new Map<string, number>();
  const knowsAt = new Map<number, number>();
  const errors: unknown[] = [];
  events.subscribe((event, payload) => {
    if (event !== 'payment.updated') return;
    const p = payload as Payment;
    const i = indexOfPayment.get(p.paymentId);
    if (i !== undefined && FINAL.has(p.state) && p.state !== 'NEEDS_MANUAL')
      knowsAt.set(i, clock.now());
  });
  const engine = createPaymentEngine({
    repos,
    gateway,
    clock,
    events,
    cashier: '基准',
    tillNo: '01',
    storeName: '基准店',
    onOrderPaid: () => undefined,
    onOverpaid: (p) => errors.push(new Error(`overpaid ${p.paymentId}`)),
    onError: (err) => errors.push(err),
  });
  const paymentIds: string[] = [];
  for (let i = 0; i < customers.length; i++) {
    void clock.sleepUntil(at[i] as number).then(() => {
      const now = iso(clock.now());
      const orderId = `B${String(i).padStart(6, '0')}`;
      const product = catalogue[i % catalogue.length] as (typeof catalogue)[number];
      repos.sales.create(orderId, '基准', now);
      repos.sales.addProduct(orderId, product, 1, now);
      const sale = repos.sales.get(orderId);
      if (!sale) throw new Error(`sale ${orderId} missing`);
      // startWallet stores NEW/SUBMITTING and sends the pay request in the same turn.
      const p = engine.startWallet(sale, authCodeFor(i));
      indexOfPayment.set(p.paymentId, i);
      paymentIds[i] = p.paymentId;
    });
  }
  const wakeUps = await clock.run();
  await engine.settled();
  const records = customers.map((_, i): PaymentRecord => {
    const p = repos.payments.get(paymentIds[i] as string) as Payment;
    if (!FINAL.has(p.state)) errors.push(new Error(`payment ${i} left in ${p.state}`));
    const k = knowsAt.get(i);
    return {
      ending: p.state as Ending,
      startAt: at[i] as number,
      ...(k !== undefined && { knowsAt: k }),
      note: p.reasonCode ?? p.state,
    };
  });
  repos.db.close();
  return { name, records, acquirer, net, wallMs: performance.now() - t0, wakeUps, errors };
}

/** A reference loop, one instance per payment, on the same world. */
async function runLoop(
  name: string,
  customers: Customer[],
  loop: (c: LoopCtx) => Promise<LoopResult>,
): Promise<StrategyRun> {
  const t0 = performance.now();
  const { clock, acquirer, net, at } = world(SEED, customers);
  const records: PaymentRecord[] = [];
  const errors: unknown[] = [];
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as Customer;
    const outTradeNo = `R${String(i).padStart(20, '0')}`;
    const ctx: LoopCtx = {
      clock,
      micropay: (timeoutMs = TIMEOUTS.pay) =>
        net.call(i, 'pay', timeoutMs, () =>
          acquirer.micropay({ outTradeNo, authCode: authCodeFor(i), amountFen: c.amountFen }),
        ),
      query: () => net.call(i, 'query', TIMEOUTS.query, () => acquirer.orderquery(outTradeNo)),
      reverse: () => net.call(i, 'reverse', TIMEOUTS.reverse, () => acquirer.reverse(outTradeNo)),
    };
    void clock
      .sleepUntil(at[i] as number)
      .then(() => loop(ctx))
      .then(
        (res) => {
          records[i] = {
            ending: res.ending,
            startAt: at[i] as number,
            ...(res.ending !== 'NEEDS_MANUAL' && { knowsAt: clock.now() }),
            note: res.note,
          };
        },
        (err: unknown) => errors.push(err),
      );
  }
  const wakeUps = await clock.run();
  return { name, records, acquirer, net, wallMs: performance.now() - t0, wakeUps, errors };
}

/* ------------------------------------------------------------------------------------------ */

interface Summary {
  name: string;
  n: number;
  endings: Record<Ending, number>;
  concluded: number;
  concludedRight: number;
  oneSided: number[];
  queriesMean: number;
  queriesP95: number;
  callsMean: number;
  violations: number;
  lagP50: number;
  lagP95: number;
  early: number;
  manualBy: Partial<Record<Behaviour, number>>;
  oneSidedBy: Partial<Record<Behaviour, number>>;
  wallMs: number;
}

function summarize(run: StrategyRun, customers: Customer[]): Summary {
  const endings: Record<Ending, number> = { PAID: 0, FAILED: 0, REVERSED: 0, NEEDS_MANUAL: 0 };
  const oneSided: number[] = [];
  const lags: number[] = [];
  const queries: number[] = [];
  const calls: number[] = [];
  const manualBy: Partial<Record<Behaviour, number>> = {};
  const oneSidedBy: Partial<Record<Behaviour, number>> = {};
  let early = 0;
  run.records.forEach((r, i) => {
    const b = (customers[i] as Customer).behaviour;
    const truth: Truth = run.acquirer.truth(i);
    endings[r.ending]++;
    const c = run.net.countsOf(i);
    queries.push(c.query);
    calls.push(c.pay + c.query + c.reverse);
    if (r.ending === 'NEEDS_MANUAL') {
      manualBy[b] = (manualBy[b] ?? 0) + 1;
      return;
    }
    const tillPaid = r.ending === 'PAID';
    if (tillPaid !== truth.charged) {
      oneSided.push(i);
      oneSidedBy[b] = (oneSidedBy[b] ?? 0) + 1;
      return;
    }
    // A pay request that never arrived has no acquirer state to detect: no lag for it.
    if (truth.finalAt === undefined) return;
    const lag = (r.knowsAt as number) - truth.finalAt;
    if (lag < 0) early++;
    lags.push(Math.max(0, lag));
  });
  const n = run.records.length;
  const concluded = n - endings.NEEDS_MANUAL;
  return {
    name: run.name,
    n,
    endings,
    concluded,
    concludedRight: concluded - oneSided.length,
    oneSided,
    queriesMean: queries.reduce((a, b) => a + b, 0) / n,
    queriesP95: percentile(queries, 95),
    callsMean: calls.reduce((a, b) => a + b, 0) / n,
    violations: run.acquirer.stats.violations,
    lagP50: percentile(lags, 50),
    lagP95: percentile(lags, 95),
    early,
    manualBy,
    oneSidedBy,
    wallMs: run.wallMs,
  };
}

const pct = (x: number, n: number): string => `${((100 * x) / n).toFixed(2)}%`;
const secs = (ms: number): string => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
const byText = (m: Partial<Record<Behaviour, number>>): string =>
  Object.entries(m)
    .map(([b, k]) => `${b} ${k}`)
    .join(', ') || '—';

function table(rows: [string, ...string[]][]): string {
  const widths = (rows[0] ?? ['']).map((_, col) =>
    Math.max(...rows.map((r) => (r[col] ?? '').length)),
  );
  return rows
    .map((r, ri) => {
      const line = r.map((cell, col) =>
        col === 0 ? cell.padEnd(widths[col] as number) : cell.padStart(widths[col] as number),
      );
      const text = `  ${line.join('  ')}`;
      return ri === 0 ? `${text}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}` : text;
    })
    .join('\n');
}

function printSummaries(sums: Summary[]): void {
  const col = (f: (s: Summary) => string): string[] => sums.map(f);
  const rows: [string, ...string[]][] = [
    ['', ...col((s) => s.name)],
    ['PAID', ...col((s) => `${s.endings.PAID} (${pct(s.endings.PAID, s.n)})`)],
    ['FAILED', ...col((s) => String(s.endings.FAILED))],
    ['REVERSED', ...col((s) => String(s.endings.REVERSED))],
    ['NEEDS_MANUAL', ...col((s) => String(s.endings.NEEDS_MANUAL))],
    ['concluded without a supervisor', ...col((s) => pct(s.concluded, s.n))],
    ['  …and right (= acquirer truth)', ...col((s) => pct(s.concludedRight, s.n))],
    ['one-sided ledgers', ...col((s) => String(s.oneSided.length))],
    ['queries / payment, mean', ...col((s) => s.queriesMean.toFixed(3))],
    ['queries / payment, p95', ...col((s) => String(s.queriesP95))],
    ['all calls / payment, mean', ...col((s) => s.callsMean.toFixed(3))],
    ['rate-limit violations', ...col((s) => String(s.violations))],
    ['detection lag p50 (orders that exist)', ...col((s) => secs(s.lagP50))],
    ['detection lag p95', ...col((s) => secs(s.lagP95))],
    ['  concluded before the truth was final', ...col((s) => String(s.early))],
    ['wall time', ...col((s) => `${(s.wallMs / 1000).toFixed(1)} s`)],
  ];
  console.log(table(rows));
  console.log('\n  NEEDS_MANUAL by customer behaviour:');
  for (const s of sums) console.log(`    ${s.name}: ${byText(s.manualBy)}`);
  console.log('  one-sided ledgers by customer behaviour:');
  for (const s of sums) console.log(`    ${s.name}: ${byText(s.oneSidedBy)}`);
}

function explain(run: StrategyRun, i: number, customers: Customer[]): string {
  const c = customers[i] as Customer;
  const r = run.records[i] as PaymentRecord;
  const truth = run.acquirer.truth(i);
  const rel = (t: number | undefined) =>
    t === undefined ? '—' : `+${((t - r.startAt) / 1000).toFixed(2)}s`;
  const trace = (run.net.traces.get(i) ?? [])
    .map(
      (e) =>
        `      ${rel(e.sentAt)} ${e.kind}${e.fault ? ` [${e.fault}]` : ''}` +
        `${e.arrivedAt !== undefined ? ` arrives ${rel(e.arrivedAt)} → ${e.reply}` : ''}`,
    )
    .join('\n');
  return (
    `    payment #${i}: customer ${c.behaviour}${c.payAfterMs ? ` (${c.payAfterMs} ms)` : ''}` +
    `${c.raceLagMs ? ` (race lag ${c.raceLagMs} ms)` : ''}; till ${r.ending} (${r.note}) at ${rel(r.knowsAt)};` +
    ` acquirer ${truth.how}${truth.charged ? ' (charged)' : ''} at ${rel(truth.finalAt)}\n${trace}`
  );
}

/** First payment whose trace shows a refused (rate-limited) query. */
function firstViolation(run: StrategyRun): number | undefined {
  for (let i = 0; i < run.records.length; i++)
    if ((run.net.traces.get(i) ?? []).some((e) => e.reply?.includes('FREQUENCY_LIMITED'))) return i;
  return undefined;
}

export async function main(): Promise<void> {
  const t0 = performance.now();
  const customers = makeCustomers(SEED, PAYMENTS);
  const mix = MIX.map(([b]) => `${b} ${customers.filter((c) => c.behaviour === b).length}`).join(
    ', ',
  );
  console.log(
    `  seed ${SEED}; ${PAYMENTS.toLocaleString('en')} WeChat-like micropay payments; customers: ${mix}`,
  );
  console.log(
    `  network: ${FAULT_RATE * 100}% of calls faulted (lost request / lost reply / 5xx, 1/3 each), ` +
      `80–300 ms a call, timeouts pay ${TIMEOUTS.pay / 1000} s (PHP sample 5 s), others ${TIMEOUTS.query / 1000} s; ` +
      `acquirer refuses queries < ${ACQUIRER_MIN_QUERY_GAP_MS / 1000} s apart`,
  );

  const runs: StrategyRun[] = [];
  runs.push(await runOurs('ours', customers, WECHAT_SCHEDULE));
  runs.push(await runLoop('WeChat doc', customers, wechatDocLoop));
  runs.push(await runLoop('Alipay F2F demo', customers, alipayF2FDemo));
  runs.push(await runLoop('PHP as written', customers, phpSample({ fixed: false })));
  runs.push(await runLoop('PHP bugs fixed', customers, phpSample({ fixed: true })));
  for (const r of runs)
    if (r.errors.length)
      console.log(`  !! ${r.name}: ${r.errors.length} errors, first: ${String(r.errors[0])}`);
  const sums = runs.map((r) => summarize(r, customers));
  console.log('');
  printSummaries(sums);

  const ours = sums[0] as Summary;
  console.log('\n  Ours against each reference loop:');
  for (const ref of sums.slice(1)) {
    const ratio = (a: number, b: number) => (b === 0 ? '∞' : `×${(a / b).toFixed(3)}`);
    console.log(
      `    vs ${ref.name}: concluded without a supervisor ${pct(ours.concluded, ours.n)} vs ${pct(ref.concluded, ref.n)} (${ratio(ours.concluded, ref.concluded)}); ` +
        `concluded right ${pct(ours.concludedRight, ours.n)} vs ${pct(ref.concludedRight, ref.n)} (${ratio(ours.concludedRight, ref.concludedRight)}); ` +
        `paid ${ratio(ours.endings.PAID, ref.endings.PAID)}; queries/payment ${ours.queriesMean.toFixed(3)} vs ${ref.queriesMean.toFixed(3)} (${ratio(ours.queriesMean, ref.queriesMean)})`,
    );
  }
  const doc = sums[1] as Summary;
  const beatsAll = sums.slice(1).every((s) => ours.concludedRight > s.concludedRight);
  console.log('\n  Targets (issue 3):');
  console.log(
    `    ours concludes more payments (right) without a supervisor than every reference: ${beatsAll ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `    ours makes no more queries per payment than the WeChat doc loop: ${ours.queriesMean <= doc.queriesMean ? 'MET' : `NOT MET (+${(ours.queriesMean - doc.queriesMean).toFixed(3)}, ${((ours.queriesMean / doc.queriesMean - 1) * 100).toFixed(1)}% more)`}`,
  );
  console.log(
    `    ours has 0 one-sided ledgers: ${ours.oneSided.length === 0 ? 'MET' : `NOT MET (${ours.oneSided.length})`}`,
  );
  console.log(
    `    ours has 0 rate-limit violations: ${ours.violations === 0 ? 'MET' : `NOT MET (${ours.violations})`}`,
  );

  const oursRun = runs[0] as StrategyRun;
  for (const i of ours.oneSided.slice(0, 3))
    console.log(`\n  ours one-sided:\n${explain(oursRun, i, customers)}`);
  let refused = 0;
  let afterReverse = 0;
  for (const trace of oursRun.net.traces.values())
    trace.forEach((e, k) => {
      if (!e.reply?.includes('FREQUENCY_LIMITED')) return;
      refused++;
      if (trace[k - 1]?.kind === 'reverse') afterReverse++;
    });
  if (refused > 0)
    console.log(
      `\n  ours: ${afterReverse} of ${refused} refused queries are the check right after a reverse ` +
        `(sent exactly minQueryGapMs after the previous query was *sent*; the acquirer measures arrivals)`,
    );
  const v = firstViolation(oursRun);
  if (v !== undefined)
    console.log(`\n  ours, first payment with a refused query:\n${explain(oursRun, v, customers)}`);

  // What-ifs: the same world, our engine unmodified, only the schedule object it is given.
  const whatIfs: [string, GatewaySchedule][] = [
    ['gap 3.5 s', { ...WECHAT_SCHEDULE, minQueryGapMs: 3_500 }],
    ['gap 3.5 s, every 10 s', { ...WECHAT_SCHEDULE, minQueryGapMs: 3_500, intervalMs: 10_000 }],
  ];
  const whatIfSums: Summary[] = [];
  for (const [name, schedule] of whatIfs)
    whatIfSums.push(summarize(await runOurs(`ours, ${name}`, customers, schedule), customers));
  console.log('\n  What-if (schedule object only; the engine is unchanged):');
  printSummaries([ours, ...whatIfSums, doc]);

  console.log(`\n  payments bench: ${((performance.now() - t0) / 1000).toFixed(1)} s wall time`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
