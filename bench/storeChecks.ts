import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../electron/store/db';
import { backupStore } from '../electron/store/backup';
import { checkPages } from '../electron/store/integrity';
import { tempDir } from '../tests/helpers/tmp';
import { seedStore } from './fixtures';
import { median } from './stats';

const time = (f: () => void): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const runs = (n: number, f: () => void): number[] => Array.from({ length: n }, () => time(f));
const fmt = (xs: number[]) => `${median(xs).toFixed(1)} ms`;

/**
 * What the start-up checks cost on a big store, beside what opening it costs anyway: a plain
 * open, the till's open (identity + quick_check + pragmas + migrations check), the technician's
 * full integrity_check, and the online backup that runs beside the sale.
 */
export async function benchStoreChecks(orders = 100_000): Promise<void> {
  const tmp = tempDir('till-bench-store-');
  try {
    seedStore(tmp.dir, orders);
    const file = join(tmp.dir, 'till.db');
    const mb = (statSync(file).size / 1e6).toFixed(1);
    const plain = runs(5, () => {
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.prepare('SELECT count(*) FROM orders').get();
      db.close();
    });
    const till = runs(5, () => openStore(file).close());
    const db = openStore(file);
    const quick = runs(3, () => checkPages(db));
    const full = runs(3, () => checkPages(db, true));
    const backups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await backupStore(db, join(tmp.dir, 'backups'), Date.now() + i * 1000);
      backups.push(performance.now() - t0);
    }
    db.close();
    console.log(`  store: ${orders.toLocaleString('en')} orders, ${mb} MB`);
    console.log(`  plain open + one query:                         ${fmt(plain)}`);
    console.log(
      `  till open (id check, quick_check, migrations): ${fmt(till)}  (${(median(till) / median(plain)).toFixed(1)}× the plain open)`,
    );
    console.log(`  quick_check alone (every start):               ${fmt(quick)}`);
    console.log(
      `  integrity_check (technician, on demand):       ${fmt(full)}  (${(median(full) / median(quick)).toFixed(1)}× quick_check)`,
    );
    console.log(`  online backup (beside the sale, async):        ${fmt(backups)}`);
  } finally {
    tmp.cleanup();
  }
}
