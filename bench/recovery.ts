import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openRepos } from '../electron/store';
import { tempDir } from '../tests/helpers/tmp';
import { seedStore } from './fixtures';
import { median, percentile } from './stats';

/**
 * order.lookup's local half in a store of 100,000 paid orders: each of the three numbers found
 * through its index (migration 006), against the same query with the index left out (what a
 * platform or third-party no. cost before 006: a scan of every payment).
 */
export async function main(orders = Number(process.env.BENCH_ORDERS ?? 100_000)): Promise<void> {
  const tmp = tempDir('till-bench-recovery-');
  try {
    seedStore(tmp.dir, orders);
    const repos = openRepos(join(tmp.dir, 'till.db'));
    const picks = Array.from({ length: 200 }, (_, k) =>
      Math.floor((((k * 7919) % 1000) / 1000) * orders),
    );
    const scan = {
      platform: repos.db.prepare('SELECT id FROM payments NOT INDEXED WHERE platform_order_no = ?'),
      thirdParty: repos.db.prepare(
        'SELECT id FROM payments NOT INDEXED WHERE third_party_order_no = ?',
      ),
    };
    const time = (f: (i: number) => unknown): number[] =>
      picks.map((i) => {
        const t = performance.now();
        if (!f(i)) throw new Error(`not found: ${i}`);
        return performance.now() - t;
      });
    const rows: [string, number[], number[] | null][] = [
      [
        'merchant no. (UNIQUE, 001)',
        time((i) => repos.payments.byMerchantOrderNo(`M${String(i).padStart(20, '0')}`)),
        null,
      ],
      [
        'platform no.',
        time((i) => repos.payments.byPlatformOrderNo(`S${i}`)[0]),
        time((i) => scan.platform.get(`S${i}`)),
      ],
      [
        'third-party no.',
        time((i) => repos.payments.byThirdPartyOrderNo(`4200${i}`)[0]),
        time((i) => scan.thirdParty.get(`4200${i}`)),
      ],
    ];
    const ms = (xs: number[]) =>
      `${median(xs).toFixed(3)} ms (p95 ${percentile(xs, 95).toFixed(3)})`;
    for (const [name, indexed, unindexed] of rows)
      console.log(
        `  ${name.padEnd(28)} indexed ${ms(indexed)}` +
          (unindexed
            ? `   without the index ${ms(unindexed)}   ×${(median(unindexed) / median(indexed)).toFixed(0)}`
            : ''),
      );
    repos.db.close();
  } finally {
    tmp.cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
