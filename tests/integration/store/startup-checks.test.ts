import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import catalogue from '../../../resources/catalogue.json';
import { kioskClient } from '../../helpers/kioskClient';
import { sq } from '../../helpers/namespace';
import { skipped, UNSHARE } from '../../setup/prerequisites';
import { runTillToExit, spawnTill, stopTill } from '../../helpers/spawnTill';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-store-');
afterAll(() => tmp.cleanup());
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const cli = (dir: string, ...args: string[]) =>
  runTillToExit(
    {},
    {
      file: process.execPath,
      args: [resolve('dist/host/start.cjs'), 'store', ...args, '--data-dir', dir],
    },
  );
let n = 0;
const folder = () => {
  const dir = join(tmp.dir, `s${n++}`);
  mkdirSync(dir);
  return dir;
};

/** A real till store with `sales` cash sales, closed cleanly (its WAL folded into till.db). */
async function storeWithSales(dir: string, sales: number): Promise<void> {
  const till = await spawnTill({ TILL_DATA_DIR: dir, TILL_PRINTER: 'none' });
  const api = kioskClient(till.port, till.token);
  for (let i = 0; i < sales; i++) {
    await api.call('sale.scan', { barcode: catalogue[i % catalogue.length]!.barcode });
    expect((await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 })).json.ok).toBe(
      true,
    );
  }
  expect(await stopTill(till)).toBe(0);
}

const paidOrders = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT count(*) AS n FROM orders WHERE status = 'PAID'")
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
};

describe('the store is checked at start-up', () => {
  it('a damaged page is refused with what to do; the backup it offers brings the sales back', async () => {
    const dir = folder();
    const file = join(dir, 'till.db');
    await storeWithSales(dir, 12);
    expect((await cli(dir, 'backup')).code).toBe(0);
    // Corrupt one b-tree page of the orders table in the real file, as a bad sector would.
    const db = new Database(file, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'order_lines'")
      .pluck()
      .get() as number;
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
    closeSync(fd);
    const before = sha(file);

    const start = await runTillToExit({ TILL_DATA_DIR: dir, TILL_PRINTER: 'none' });
    expect(start.out).toContain('收银数据库已损坏');
    expect(start.code).toBe(3);
    expect(start.out).toContain('The till store is damaged');
    expect(start.out).toContain(file);
    expect(start.out).toMatch(/latest backup: .*backups\/till-\d{8}T\d{6}Z\.db/);
    expect(start.out).toContain('npm run store -- restore');
    expect(start.out).not.toContain('TILL_READY');
    expect(sha(file)).toBe(before); // refused untouched
    expect((await cli(dir, 'check')).code).toBe(3);

    const restored = await cli(dir, 'restore');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/previous store is kept in .*damaged-/);
    expect(paidOrders(file)).toBe(12);
    const till = await spawnTill({ TILL_DATA_DIR: dir, TILL_PRINTER: 'none' });
    await stopTill(till);
  });

  it.each([
    [
      'another program’s SQLite database',
      (f: string) => {
        const db = new Database(f);
        db.exec(
          'CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 3',
        );
        db.prepare('INSERT INTO contacts (name) VALUES (?)').run('张三');
        db.close();
      },
    ],
    [
      'a file that is not SQLite at all',
      (f: string) => writeFileSync(f, '{"printer":"none"}\n'.repeat(200)),
    ],
    [
      'a SQLite file of the wrong application',
      (f: string) => {
        const db = new Database(f);
        db.pragma('application_id = 1234');
        db.exec(
          'CREATE TABLE payments (id TEXT); CREATE TABLE orders (id TEXT); PRAGMA user_version = 5',
        );
        db.close();
      },
    ],
  ])('%s is refused, never turned into a till store', async (_what, make) => {
    const dir = folder();
    const file = join(dir, 'till.db');
    make(file);
    const before = sha(file);
    const start = await runTillToExit({ TILL_DATA_DIR: dir, TILL_PRINTER: 'none' });
    expect(start.code).toBe(3);
    expect(start.out).toContain('不是收银台的数据库');
    expect(start.out).toContain('TILL_DATA_DIR');
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a store from before the application id was stamped is still ours, and gets stamped', async () => {
    const dir = folder();
    const file = join(dir, 'till.db');
    await storeWithSales(dir, 2);
    const db = new Database(file);
    db.pragma('application_id = 0'); // as every till store was before this check existed
    db.close();
    await stopTill(await spawnTill({ TILL_DATA_DIR: dir, TILL_PRINTER: 'none' }));
    const again = new Database(file, { readonly: true });
    expect(again.pragma('application_id', { simple: true })).toBe(0x54494c4c);
    again.close();
    expect(paidOrders(file)).toBe(2);
  });
});

/** The built host inside a private mount namespace, after `setup` (sh) ran there. */
const inNamespace = (setup: string) => ({
  file: UNSHARE,
  args: [
    '-rm',
    'sh',
    '-c',
    `${setup} && exec ${sq(process.execPath)} ${sq(resolve('dist/host/start.cjs'))} --kiosk`,
  ],
});

// Without working namespaces the run has already failed (tests/setup/global.ts), unless opted out.
describe.skipIf(skipped('unshare'))(
  'a read-only folder and a full disk say what happened (private mount namespace)',
  () => {
    it('read-only data folder (a write-protected disk): a clear message, nothing half-done', async () => {
      const dir = folder();
      await storeWithSales(dir, 1);
      const before = sha(join(dir, 'till.db'));
      const r = await runTillToExit(
        { TILL_DATA_DIR: dir, TILL_PRINTER: 'none' },
        inNamespace(`mount --bind ${sq(dir)} ${sq(dir)} && mount -o remount,bind,ro ${sq(dir)}`),
      );
      expect(r.code).toBe(3);
      expect(r.out).toContain('数据文件夹是只读的');
      expect(r.out).toContain('read-only');
      expect(r.out).not.toMatch(/^\s+at /m); // a message, not a stack trace
      expect(sha(join(dir, 'till.db'))).toBe(before);
    });

    it('full disk: the cash payment is refused whole, with a message; with space again it is taken at once', async () => {
      const dir = folder();
      const fill = join(tmp.dir, `fill-${n}`);
      const free = join(tmp.dir, `free-${n}`);
      // A 3 MB disk. A helper in the namespace fills it on request and frees it on request.
      const helper =
        `(while [ ! -e ${sq(fill)} ]; do sleep 0.05; done; ` +
        `dd if=/dev/zero of=${sq(`${dir}/filler`)} bs=4k 2>/dev/null; touch ${sq(`${fill}.done`)}; ` +
        `while [ ! -e ${sq(free)} ]; do sleep 0.05; done; rm -f ${sq(`${dir}/filler`)}; touch ${sq(`${free}.done`)}) &`;
      const till = await spawnTill(
        { TILL_DATA_DIR: dir, TILL_PRINTER: 'none' },
        20_000,
        inNamespace(`mount -t tmpfs -o size=3m tmpfs ${sq(dir)} && ${helper} true`),
      );
      const api = kioskClient(till.port, till.token);
      const waitFor = async (f: string) => {
        for (let i = 0; i < 200 && !existsSync(f); i++) await new Promise((r) => setTimeout(r, 50));
        expect(existsSync(f)).toBe(true);
      };
      try {
        await api.call('sale.scan', { barcode: catalogue[1]!.barcode });
        await api.call('sale.scan', { barcode: catalogue[2]!.barcode, qty: 2 });
        writeFileSync(fill, '');
        await waitFor(`${fill}.done`);
        const refused = await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 });
        expect(refused.json.ok).toBe(false);
        expect(refused.json.error?.code).toBe('DISK_FULL');
        expect(refused.json.error?.messageZh).toContain('磁盘已满');
        const sale = (await api.call('sale.current', {})).json.value as unknown as {
          status: string;
          orderId: string;
        };
        expect(sale.status).toBe('OPEN'); // no half-written payment holds the sale
        writeFileSync(free, '');
        await waitFor(`${free}.done`);
        const paid = await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 });
        expect(paid.json.ok).toBe(true);
        expect((paid.json.value as unknown as { state: string }).state).toBe('PAID');
        const order = (await api.call('order.get', { orderId: sale.orderId })).json
          .value as unknown as {
          payments: { state: string }[];
        };
        expect(order.payments.map((p) => p.state)).toEqual(['PAID']);
      } finally {
        writeFileSync(free, '');
        await stopTill(till);
      }
    });
  },
);
