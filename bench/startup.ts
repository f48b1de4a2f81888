import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { loadConfig } from '../electron/host/config';
import { startHost } from '../electron/host/host';
import { kill9, spawnTill } from '../tests/helpers/spawnTill';
import { tempDir } from '../tests/helpers/tmp';
import { seedStore } from './fixtures';
import { median } from './stats';

/** Host start-up with 100,000 orders in the store: in-process and as `npm start` does it. */
export async function benchStartup(orders = 100_000): Promise<void> {
  const tmp = tempDir('till-bench-startup-');
  const t0 = performance.now();
  seedStore(tmp.dir, orders);
  console.log(
    `  seeded ${orders.toLocaleString('en')} paid orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const inProcess: number[] = [];
  for (let i = 0; i < 5; i++) {
    const config = loadConfig({ TILL_DATA_DIR: tmp.dir, TILL_PRINTER: 'none' });
    const s = performance.now();
    const host = await startHost(config, { appRoot: resolve('.'), version: 'bench' });
    host.handlers['sale.current']({});
    inProcess.push(performance.now() - s);
    await host.close();
  }
  const child: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    const till = await spawnTill(
      { TILL_DATA_DIR: tmp.dir, TILL_PRINTER: 'none' },
      20_000,
      undefined,
      {
        signIn: false, // start-up alone
      },
    );
    child.push(performance.now() - s);
    await kill9(till);
  }
  console.log(
    `  host start-up, in process (store open + migrations check + catalogue + recovery + services): median ${median(inProcess).toFixed(1)} ms  (runs: ${inProcess.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  process start to TILL_READY (node dist/host/start.cjs --kiosk): median ${median(child).toFixed(0)} ms  (runs: ${child.map((x) => x.toFixed(0)).join(', ')})`,
  );
  tmp.cleanup();
}
