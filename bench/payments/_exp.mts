import { WECHAT_SCHEDULE } from '../../electron/gateway/schedules';
import { makeCustomers } from './customers';
import { summarize } from './metrics';
import { runOurs } from './strategies';

const SEED = 20261125;
const customers = makeCustomers(SEED, 10_000);
const WORLD = { seed: SEED, acquirerMinQueryGapMs: WECHAT_SCHEDULE.minQueryGapMs, meanArrivalGapMs: 3000 };
const variants: Record<string, object> = JSON.parse(process.argv[2] ?? '{}');
for (const [name, v] of Object.entries(variants)) {
  const run = await runOurs(WORLD, customers, { name, schedule: { ...WECHAT_SCHEDULE, ...v }, reconcile: true });
  const s = summarize(run, customers);
  console.log(name, JSON.stringify(v), `PAID ${s.endings.PAID} manual ${s.endings.NEEDS_MANUAL} concluded ${(s.concluded/s.n*100).toFixed(2)}% oneSided ${s.oneSided.length} q ${s.queriesMean.toFixed(3)} (after ${s.queriesAfterMean.toFixed(3)}) viol ${s.violations} lag50 ${(s.lagP50/1000).toFixed(2)} lag95 ${(s.lagP95/1000).toFixed(2)}`);
}

// Diagnose the last variant: who has lag > 4.4 s.
if (process.env.DIAG) {
  const [name, v] = Object.entries(variants).at(-1)!;
  const run = await runOurs(WORLD, customers, { name, schedule: { ...WECHAT_SCHEDULE, ...v }, reconcile: true });
  const by: Record<string, number> = {};
  let total = 0;
  run.records.forEach((r, i) => {
    const truth = run.acquirer.truth(i);
    if (truth.finalAt === undefined || r.knowsAt === undefined) return;
    total++;
    const lag = r.knowsAt - truth.finalAt;
    if (lag <= 4400) return;
    const c = run.net.countsOf(i);
    const trace = run.net.traces.get(i) ?? [];
    const payFault = trace[0]?.fault ?? 'ok';
    const key = `${customers[i]!.behaviour}/${r.ending}/pay:${payFault}/outage:${c.outageFaults > 0}/faults:${c.faults > 0}`;
    by[key] = (by[key] ?? 0) + 1;
  });
  console.log('lag>4.4 of', total, Object.entries(by).sort((a, b) => b[1] - a[1]));
}
if (process.env.QDIAG) {
  const [name, v] = Object.entries(variants).at(-1)!;
  const run = await runOurs(WORLD, customers, { name, schedule: { ...WECHAT_SCHEDULE, ...v }, reconcile: true });
  const q: Record<string, [number, number]> = {};
  run.records.forEach((r, i) => {
    const b = `${customers[i]!.behaviour}/${r.ending}`;
    const c = run.net.countsOf(i);
    const e = (q[b] ??= [0, 0]);
    e[0]++;
    e[1] += c.query;
  });
  console.log(Object.entries(q).map(([k, [n, s]]) => `${k}: n=${n} q=${s} (${(s / n).toFixed(2)}/each, ${(s / 10000).toFixed(3)}/payment)`).join('\n'));
}
if (process.env.TRACE) {
  const { explain } = await import('./table');
  const [name, v] = Object.entries(variants).at(-1)!;
  const run = await runOurs(WORLD, customers, { name, schedule: { ...WECHAT_SCHEDULE, ...v }, reconcile: true });
  const want = process.env.TRACE;
  let shown = 0;
  run.records.forEach((r, i) => {
    if (shown >= 2 || `${customers[i]!.behaviour}/${r.ending}` !== want) return;
    shown++;
    console.log(explain(run, i, customers));
  });
}
