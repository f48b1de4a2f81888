import { percentile } from '../stats';
import type { Truth } from './acquirer';
import type { Behaviour, Customer } from './customers';
import type { Ending } from './references';
import type { StrategyRun } from './strategies';

/** What one strategy's day comes to, judged against the acquirer's truth at the end. */
export interface Summary {
  name: string;
  n: number;
  endings: Record<Ending, number>;
  concluded: number;
  concludedRight: number;
  oneSided: number[];
  queriesMean: number;
  queriesP95: number;
  /** Queries sent after the till's first ending of the payment (reconciler work). */
  queriesAfterMean: number;
  callsMean: number;
  /** Share of all calls that failed, and payments that met an outage window. */
  faultShare: number;
  outageHit: number;
  manualOfOutageHit: number;
  violations: number;
  lagP50: number;
  lagP95: number;
  early: number;
  /** Passed through NEEDS_MANUAL, and of those, ended otherwise by the end of the run. */
  manualEver: number;
  manualResolved: number;
  resolveP50: number;
  resolveP95: number;
  resolveMax: number;
  /** First ending neither NEEDS_MANUAL nor the final one (e.g. a late charge found). */
  changedAfterEnding: number;
  manualBy: Partial<Record<Behaviour, number>>;
  oneSidedBy: Partial<Record<Behaviour, number>>;
  wallMs: number;
  reconcilerPasses?: number;
  overpaid?: number;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function summarize(run: StrategyRun, customers: Customer[]): Summary {
  const endings: Record<Ending, number> = { PAID: 0, FAILED: 0, REVERSED: 0, NEEDS_MANUAL: 0 };
  const oneSided: number[] = [];
  const lags: number[] = [];
  const queries: number[] = [];
  const queriesAfter: number[] = [];
  const calls: number[] = [];
  const resolve: number[] = [];
  const manualBy: Partial<Record<Behaviour, number>> = {};
  const oneSidedBy: Partial<Record<Behaviour, number>> = {};
  let early = 0;
  let faults = 0;
  let outageHit = 0;
  let manualOfOutageHit = 0;
  let manualEver = 0;
  let changedAfterEnding = 0;
  run.records.forEach((r, i) => {
    const b = (customers[i] as Customer).behaviour;
    const truth: Truth = run.acquirer.truth(i);
    endings[r.ending]++;
    const c = run.net.countsOf(i);
    queries.push(c.query);
    const trace = run.net.traces.get(i) ?? [];
    queriesAfter.push(trace.filter((e) => e.kind === 'query' && e.sentAt > r.firstEndAt).length);
    calls.push(c.pay + c.query + c.reverse + c.refund);
    faults += c.faults;
    if (c.outageFaults > 0) {
      outageHit++;
      if (r.ending === 'NEEDS_MANUAL') manualOfOutageHit++;
    }
    if (r.manualAt !== undefined) {
      manualEver++;
      if (r.ending !== 'NEEDS_MANUAL') resolve.push((r.knowsAt as number) - r.manualAt);
    } else if (r.firstEnding !== r.ending) changedAfterEnding++;
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
  const totalCalls = calls.reduce((a, b) => a + b, 0);
  return {
    name: run.name,
    n,
    endings,
    concluded,
    concludedRight: concluded - oneSided.length,
    oneSided,
    queriesMean: mean(queries),
    queriesP95: percentile(queries, 95),
    queriesAfterMean: mean(queriesAfter),
    callsMean: totalCalls / n,
    faultShare: faults / totalCalls,
    outageHit,
    manualOfOutageHit,
    violations: run.acquirer.stats.violations,
    lagP50: percentile(lags, 50),
    lagP95: percentile(lags, 95),
    early,
    manualEver,
    manualResolved: resolve.length,
    resolveP50: percentile(resolve, 50),
    resolveP95: percentile(resolve, 95),
    resolveMax: resolve.length ? Math.max(...resolve) : Number.NaN,
    changedAfterEnding,
    manualBy,
    oneSidedBy,
    wallMs: run.wallMs,
    ...(run.reconcilerPasses !== undefined && { reconcilerPasses: run.reconcilerPasses }),
    ...(run.overpaid !== undefined && { overpaid: run.overpaid }),
  };
}

/** First payment whose trace shows a refused (rate-limited) query. */
export function firstViolation(run: StrategyRun): number | undefined {
  for (let i = 0; i < run.records.length; i++)
    if ((run.net.traces.get(i) ?? []).some((e) => e.reply?.includes('FREQUENCY_LIMITED'))) return i;
  return undefined;
}
