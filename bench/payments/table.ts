import type { Customer } from './customers';
import type { Summary } from './metrics';
import type { PaymentRecord, StrategyRun } from './strategies';

/** Printing: the comparison table and one payment's story. */

export const pct = (x: number, n: number): string => `${((100 * x) / n).toFixed(2)}%`;
export const secs = (ms: number): string =>
  Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`;
const byText = (m: Partial<Record<string, number>>): string =>
  Object.entries(m)
    .map(([b, k]) => `${b} ${k}`)
    .join(', ') || '—';

export function table(rows: [string, ...string[]][]): string {
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

export function printSummaries(sums: Summary[]): void {
  const col = (f: (s: Summary) => string): string[] => sums.map(f);
  const rows: [string, ...string[]][] = [
    ['', ...col((s) => s.name)],
    ['PAID', ...col((s) => `${s.endings.PAID} (${pct(s.endings.PAID, s.n)})`)],
    ['FAILED', ...col((s) => String(s.endings.FAILED))],
    ['REVERSED', ...col((s) => String(s.endings.REVERSED))],
    ['NEEDS_MANUAL at the end', ...col((s) => String(s.endings.NEEDS_MANUAL))],
    ['concluded without a supervisor', ...col((s) => pct(s.concluded, s.n))],
    ['  …and right (= acquirer truth)', ...col((s) => pct(s.concludedRight, s.n))],
    ['one-sided ledgers', ...col((s) => String(s.oneSided.length))],
    ['passed through NEEDS_MANUAL', ...col((s) => String(s.manualEver))],
    ['  …resolved by the reconciler', ...col((s) => String(s.manualResolved))],
    ['  time to resolution p50', ...col((s) => secs(s.resolveP50))],
    ['  time to resolution p95', ...col((s) => secs(s.resolveP95))],
    ['  time to resolution max', ...col((s) => secs(s.resolveMax))],
    ['ending changed later (late charge)', ...col((s) => String(s.changedAfterEnding))],
    ['payments that met an outage', ...col((s) => String(s.outageHit))],
    ['  …left NEEDS_MANUAL', ...col((s) => String(s.manualOfOutageHit))],
    ['calls faulted', ...col((s) => pct(s.faultShare, 1))],
    ['queries / payment, mean', ...col((s) => s.queriesMean.toFixed(3))],
    ['  …after the first ending (reconciler)', ...col((s) => s.queriesAfterMean.toFixed(3))],
    ['queries / payment, p95', ...col((s) => String(s.queriesP95))],
    ['all calls / payment, mean', ...col((s) => s.callsMean.toFixed(3))],
    ['rate-limit violations', ...col((s) => String(s.violations))],
    ['detection lag p50 (orders that exist)', ...col((s) => secs(s.lagP50))],
    ['detection lag p95', ...col((s) => secs(s.lagP95))],
    ['  concluded before the truth was final', ...col((s) => String(s.early))],
    ['reconciler passes', ...col((s) => (s.reconcilerPasses ? String(s.reconcilerPasses) : '—'))],
    ['wall time', ...col((s) => `${(s.wallMs / 1000).toFixed(1)} s`)],
  ];
  console.log(table(rows));
  console.log('\n  NEEDS_MANUAL at the end by customer behaviour:');
  for (const s of sums) console.log(`    ${s.name}: ${byText(s.manualBy)}`);
  console.log('  one-sided ledgers by customer behaviour:');
  for (const s of sums) console.log(`    ${s.name}: ${byText(s.oneSidedBy)}`);
}

/** Payment `i` as the till, the acquirer and the network saw it. */
export function explain(run: StrategyRun, i: number, customers: Customer[]): string {
  const c = customers[i] as Customer;
  const r = run.records[i] as PaymentRecord;
  const truth = run.acquirer.truth(i);
  const o = run.net.outageOf(i);
  const rel = (t: number | undefined) =>
    t === undefined
      ? '—'
      : `${t < r.startAt ? '−' : '+'}${(Math.abs(t - r.startAt) / 1000).toFixed(2)}s`;
  const trace = (run.net.traces.get(i) ?? [])
    .map(
      (e) =>
        `      ${rel(e.sentAt)} ${e.kind}${e.fault ? ` [${e.fault}${e.outage ? ', outage' : ''}]` : ''}` +
        `${e.arrivedAt !== undefined ? ` arrives ${rel(e.arrivedAt)} → ${e.reply}` : ''}`,
    )
    .join('\n');
  return (
    `    payment #${i}: customer ${c.behaviour}${c.payAfterMs ? ` (${c.payAfterMs} ms)` : ''}` +
    `${c.raceLagMs ? ` (race lag ${c.raceLagMs} ms)` : ''}` +
    `${o ? `; outage ${o.kind} ${rel(o.from)}…${rel(o.to)}` : ''}; till ${r.ending} (${r.note}) at ${rel(r.knowsAt)}` +
    ` (first ending ${r.firstEnding} at ${rel(r.firstEndAt)});` +
    ` acquirer ${truth.how}${truth.charged ? ' (charged)' : ''} at ${rel(truth.finalAt)}\n${trace}`
  );
}
