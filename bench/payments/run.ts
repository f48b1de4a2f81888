import { pathToFileURL } from 'node:url';
import { WECHAT_SCHEDULE } from '../../electron/gateway/schedules';
import type { GatewaySchedule } from '../../electron/gateway/types';
import { MIX, makeCustomers } from './customers';
import { DEFAULT_FAULT_RATE, DEFAULT_OUTAGE_RATE } from './faults';
import { TIMEOUTS } from './gateway';
import { firstViolation, summarize, type Summary } from './metrics';
import { alipayF2FDemo, phpSample, wechatDocLoop } from './references';
import { runLoop, runOurs, type StrategyRun, type WorldOptions } from './strategies';
import { explain, pct, printSummaries, secs } from './table';

/**
 * Issue 3's payments benchmark: 10,000 barcode payments on a simulated clock, through our engine
 * (createPaymentEngine and createReconciler, unmodified, on an in-memory store) and through the
 * acquirers' reference loops, against the same seeded customers (customers.ts), the same network
 * faults and outages (faults.ts) and the same acquirer model (acquirer.ts). Nothing here waits
 * for real time.
 */

const SEED = Number(process.env.BENCH_PAY_SEED ?? 20261125);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 10_000);
const WORLD: WorldOptions = {
  seed: SEED,
  // The acquirer's own limit; the what-if runs change only what the till is told.
  acquirerMinQueryGapMs: WECHAT_SCHEDULE.minQueryGapMs,
  meanArrivalGapMs: 3_000,
};

function printTargets(ours: Summary, refs: Summary[], doc: Summary): void {
  console.log('\n  Ours against each reference loop:');
  const ratio = (a: number, b: number) => (b === 0 ? '∞' : `×${(a / b).toFixed(3)}`);
  for (const ref of refs)
    console.log(
      `    vs ${ref.name}: concluded without a supervisor ${pct(ours.concluded, ours.n)} vs ${pct(ref.concluded, ref.n)} (${ratio(ours.concluded, ref.concluded)}); ` +
        `concluded right ${pct(ours.concludedRight, ours.n)} vs ${pct(ref.concludedRight, ref.n)} (${ratio(ours.concludedRight, ref.concludedRight)}); ` +
        `paid ${ratio(ours.endings.PAID, ref.endings.PAID)}; queries/payment ${ours.queriesMean.toFixed(3)} vs ${ref.queriesMean.toFixed(3)} (${ratio(ours.queriesMean, ref.queriesMean)})`,
    );
  const losers = refs.filter((s) => ours.concludedRight <= s.concludedRight);
  const flowQueries = ours.queriesMean - ours.queriesAfterMean;
  console.log('\n  Targets (issue 3):');
  console.log(
    `    ours concludes more payments (right) without a supervisor than every reference: ${
      losers.length === 0
        ? 'MET'
        : `NOT MET (ours ${pct(ours.concludedRight, ours.n)}; ${losers.map((s) => `${s.name} ${pct(s.concludedRight, s.n)}`).join(', ')})`
    }`,
  );
  console.log(
    `    ours makes no more queries per payment than the WeChat doc loop: ${
      ours.queriesMean <= doc.queriesMean
        ? 'MET'
        : `NOT MET (${ours.queriesMean.toFixed(3)} vs ${doc.queriesMean.toFixed(3)}, +${((ours.queriesMean / doc.queriesMean - 1) * 100).toFixed(1)}%)`
    } (payment flow alone ${flowQueries.toFixed(3)}, reconciler ${ours.queriesAfterMean.toFixed(3)})`,
  );
  console.log(
    `    ours has 0 one-sided ledgers: ${ours.oneSided.length === 0 ? 'MET' : `NOT MET (${ours.oneSided.length})`}`,
  );
  console.log(
    `    ours has 0 rate-limit violations: ${ours.violations === 0 ? 'MET' : `NOT MET (${ours.violations})`}`,
  );
}

/** Issue 7: a faster answer at the counter, within the doc loop's cost, concluding no less. */
function printIssue7(ours: Summary, doc: Summary, before: Summary): void {
  const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  console.log('\n  Targets (issue 7, same world):');
  console.log(
    `    detection lag p95 no higher than the WeChat doc loop: ${met(ours.lagP95 <= doc.lagP95)} ` +
      `(${secs(ours.lagP95)} vs ${secs(doc.lagP95)}; the former schedule ${secs(before.lagP95)})`,
  );
  console.log(
    `    queries per payment no more than the doc loop: ${met(ours.queriesMean <= doc.queriesMean)} ` +
      `(${ours.queriesMean.toFixed(3)} vs ${doc.queriesMean.toFixed(3)}; the former schedule ${before.queriesMean.toFixed(3)})`,
  );
  console.log(
    `    0 one-sided ledgers and 0 rate-limit violations: ${met(ours.oneSided.length === 0 && ours.violations === 0)} ` +
      `(${ours.oneSided.length}, ${ours.violations})`,
  );
  console.log(
    `    concluded without a supervisor no lower than the former schedule: ${met(ours.concluded >= before.concluded)} ` +
      `(${pct(ours.concluded, ours.n)} vs ${pct(before.concluded, before.n)}); PAID ${pct(ours.endings.PAID, ours.n)} vs ${pct(before.endings.PAID, before.n)}`,
  );
}

/** What the till ran before issue 7: first query 5 s, then every 10 s, 45 s window, no pay retry. */
const FORMER_WECHAT: GatewaySchedule = {
  firstQueryMs: 5_000,
  intervalMs: 10_000,
  windowMs: 45_000,
  reverseAttempts: 10,
  reverseIntervalMs: 2_000,
  minQueryGapMs: 3_500,
  reverseNotBeforeMs: 15_000,
};

/** Refused queries of ours, by who sent them. */
function refusedBreakdown(run: StrategyRun): string | undefined {
  let refused = 0;
  let afterReverse = 0;
  let reconciler = 0;
  run.net.traces.forEach((trace, i) =>
    trace.forEach((e, k) => {
      if (!e.reply?.includes('FREQUENCY_LIMITED')) return;
      refused++;
      if (e.sentAt > (run.records[i]?.firstEndAt ?? Infinity)) reconciler++;
      else if (trace[k - 1]?.kind === 'reverse') afterReverse++;
    }),
  );
  if (refused === 0) return undefined;
  return (
    `${run.name}: ${refused} refused queries; ${reconciler} sent by the reconciler after the ` +
    `payment had ended, ${afterReverse} the payment's check right after a reverse, ` +
    `${refused - reconciler - afterReverse} other`
  );
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
    `  network: ${(DEFAULT_FAULT_RATE * 100).toFixed(1)}% of calls hit by an independent fault (lost request / lost reply / 5xx, ` +
      `1/3 each); ${(DEFAULT_OUTAGE_RATE * 100).toFixed(1)}% of payments have an outage window opening −30…+30 s from their start, ` +
      `lasting 20–120 s, in which every call fails (link down: all hang to timeout; acquirer incident: ` +
      `5xx or hang); 80–300 ms a call, timeouts pay ${TIMEOUTS.pay / 1000} s (PHP sample 5 s), ` +
      `others ${TIMEOUTS.query / 1000} s; acquirer refuses queries < ${WORLD.acquirerMinQueryGapMs / 1000} s apart`,
  );
  console.log(
    `  ours: WECHAT_SCHEDULE (queries at ${(WECHAT_SCHEDULE.queryAtMs ?? []).map((t) => t / 1000).join(', ')} s, ` +
      `window ${WECHAT_SCHEDULE.windowMs / 1000} s, min gap ${WECHAT_SCHEDULE.minQueryGapMs / 1000} s, ` +
      `a query while a pay call is out after ${(WECHAT_SCHEDULE.queryWhilePayMs ?? 0) / 1000} s, ` +
      `${WECHAT_SCHEDULE.payRetries ?? 0} pay retries on 5xx) and the reconciler every 60 s, plus a ` +
      `restart pass when the last payment has ended; the reference loops have no reconciler`,
  );

  const runs: StrategyRun[] = [];
  runs.push(
    await runOurs(WORLD, customers, { name: 'ours', schedule: WECHAT_SCHEDULE, reconcile: true }),
  );
  runs.push(await runLoop(WORLD, customers, 'WeChat doc', wechatDocLoop));
  runs.push(await runLoop(WORLD, customers, 'Alipay F2F demo', alipayF2FDemo));
  runs.push(await runLoop(WORLD, customers, 'PHP as written', phpSample({ fixed: false })));
  runs.push(await runLoop(WORLD, customers, 'PHP bugs fixed', phpSample({ fixed: true })));
  const sums = runs.map((r) => summarize(r, customers));
  console.log('');
  printSummaries(sums);

  const ours = sums[0] as Summary;
  const doc = sums[1] as Summary;
  printTargets(ours, sums.slice(1), doc);
  console.log(
    `\n  Reconciler (ours): ${ours.reconcilerPasses} passes; ${ours.manualEver} payments passed ` +
      `through NEEDS_MANUAL, ${ours.manualResolved} resolved by it (time to resolution p50 ` +
      `${secs(ours.resolveP50)}, p95 ${secs(ours.resolveP95)}, max ${secs(ours.resolveMax)}), ` +
      `${ours.endings.NEEDS_MANUAL} left for a supervisor; ${ours.changedAfterEnding} endings ` +
      `changed by a late-charge check; ${ours.overpaid ?? 0} second successes refunded`,
  );

  const oursRun = runs[0] as StrategyRun;
  for (const r of runs)
    if (r.errors.length)
      console.log(`  !! ${r.name}: ${r.errors.length} errors, first: ${String(r.errors[0])}`);
  for (const i of ours.oneSided.slice(0, 3))
    console.log(`\n  ours one-sided:\n${explain(oursRun, i, customers)}`);
  for (const i of oursRun.records
    .map((r, i) => (r.ending === 'NEEDS_MANUAL' ? i : -1))
    .filter((i) => i >= 0)
    .slice(0, 2))
    console.log(`\n  ours left NEEDS_MANUAL:\n${explain(oursRun, i, customers)}`);
  const resolved = oursRun.records.findIndex(
    (r) => r.manualAt !== undefined && r.ending !== 'NEEDS_MANUAL',
  );
  if (resolved >= 0)
    console.log(
      `\n  ours, first payment resolved by the reconciler:\n${explain(oursRun, resolved, customers)}`,
    );
  const refused = refusedBreakdown(oursRun);
  if (refused) console.log(`\n  ${refused}`);
  const v = firstViolation(oursRun);
  if (v !== undefined)
    console.log(`\n  ours, first payment with a refused query:\n${explain(oursRun, v, customers)}`);

  // What-ifs: the same world, our engine and reconciler unmodified.
  const former = await runOurs(WORLD, customers, {
    name: 'ours, former schedule',
    schedule: FORMER_WECHAT,
    reconcile: true,
  });
  const bare = await runOurs(WORLD, customers, {
    name: 'ours, no reconciler',
    schedule: WECHAT_SCHEDULE,
    reconcile: false,
  });
  const whatIf = [former, bare].map((r) => summarize(r, customers));
  printIssue7(ours, doc, whatIf[0] as Summary);
  console.log(
    '\n  What-if (same world; only the schedule object or the reconciler changes; the engine is unchanged):',
  );
  printSummaries([ours, ...whatIf, doc]);
  for (const r of [former, bare]) {
    const line = refusedBreakdown(r);
    if (line) console.log(`  ${line}`);
  }

  console.log(`\n  payments bench: ${((performance.now() - t0) / 1000).toFixed(1)} s wall time`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
