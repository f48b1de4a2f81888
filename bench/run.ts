import { existsSync } from 'node:fs';
import { benchPrintLatency } from './printLatency';
import { benchSearch } from './search';
import { benchStartup } from './startup';
import { benchStoreChecks } from './storeChecks';

/** `npm run bench`: every benchmark prints its own figures; none asserts a time. */
console.log(`Till benchmarks — node ${process.version}, ${new Date().toISOString()}`);
console.log(
  `\n[1] Host start-up with ${Number(process.env.BENCH_ORDERS ?? 100_000).toLocaleString('en')} orders in the store`,
);
await benchStartup(Number(process.env.BENCH_ORDERS ?? 100_000));
console.log('\n[2] Receipt latency after payment');
await benchPrintLatency();
console.log('\n[3] Store checks at start-up, integrity check and backup');
await benchStoreChecks(Number(process.env.BENCH_ORDERS ?? 100_000));
for (const [title, file] of [
  [
    '[4] Printer: one standard Chinese receipt, ours against peer encoders and a minimal reference',
    './printer/receipt',
  ],
  ["[5] Payments: our engine against the acquirers' reference polling loops", './payments/run'],
  ['[6] Recovery: a voucher number looked up in a store of 100,000 orders', './recovery'],
  ['[7] Catalogue: import of 50,000 rows and search per keystroke', './catalogue'],
  ['[8] Store sync: 10 tills × 10,000 orders to PostgreSQL 15', './sync'],
] as const) {
  if (!existsSync(new URL(`${file}.ts`, import.meta.url))) continue;
  console.log(`\n${title}`);
  const mod = (await import(file)) as { main?: () => Promise<void> };
  await mod.main?.();
}
console.log('\n[9] Supervisor search (order.search) over 1,000,000 orders');
await benchSearch(Number(process.env.BENCH_SEARCH_ORDERS ?? 1_000_000));
