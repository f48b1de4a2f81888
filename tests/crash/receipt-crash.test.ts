import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../printer';
import catalogue from '../../resources/catalogue.json';
import { kioskClient } from '../helpers/kioskClient';
import { kill9, spawnTill, type TillProcess } from '../helpers/spawnTill';
import { tempDir } from '../helpers/tmp';

/**
 * The till as a child process, killed with SIGKILL, against a virtual printer outside it (its
 * paper survives every kill): a receipt is printed once, whatever instant the till died at.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs: ReturnType<typeof tempDir>[] = [];
let printer: VirtualPrinter | undefined;
const tills: TillProcess[] = [];
afterEach(async () => {
  for (const t of tills.splice(0)) await kill9(t);
  await printer?.close();
});
afterAll(() => dirs.forEach((d) => d.cleanup()));

function jobsIn(dir: string) {
  const db = new Database(join(dir, 'till.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT id, order_id, kind, state, attempts FROM print_jobs ORDER BY rowid')
      .all() as { id: string; order_id: string; kind: string; state: string; attempts: number }[];
  } finally {
    db.close();
  }
}
const copiesOf = (p: VirtualPrinter, orderId: string) =>
  p.jobs.filter((j) => j.text.includes(orderId)).length;

async function start(env: Record<string, string>): Promise<TillProcess> {
  const t = await spawnTill(env);
  tills.push(t);
  return t;
}

async function cashSale(t: TillProcess, barcode: string) {
  const api = kioskClient(t.port, t.token);
  await api.call('sale.scan', { barcode });
  const sale = (await api.call('sale.current', {})).json.value as unknown as { orderId: string };
  const paid = await api
    .call('pay.start', { kind: 'cash', receivedFen: 100_000 })
    .catch(() => null);
  return { orderId: sale.orderId, paid };
}

describe('crash: a receipt prints exactly once', () => {
  it('killed between the PAID commit and the print job: one receipt after restart, and only one', async () => {
    const tmp = tempDir('till-rcrash-');
    dirs.push(tmp);
    printer = await startVirtualPrinter({ jobMs: 300 });
    const env = {
      TILL_DATA_DIR: tmp.dir,
      TILL_PRINTER: printer.uri,
      TILL_GATEWAY: 'sandbox',
      TILL_PRINT_WATCH_MS: '200',
    };
    const first = await start({ ...env, TILL_CRASH_AT: 'order-paid' });
    const { orderId, paid } = await cashSale(first, catalogue[2]!.barcode);
    expect(paid).toBeNull(); // the till died (SIGKILL) inside the request
    await new Promise<void>((r) =>
      (first.child.exitCode ?? first.child.signalCode) ? r() : first.child.once('exit', () => r()),
    );
    expect(first.child.signalCode).toBe('SIGKILL');
    const db = new Database(join(tmp.dir, 'till.db'), { readonly: true });
    expect(db.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(orderId)).toBe('PAID');
    db.close();
    expect(jobsIn(tmp.dir)).toEqual([]); // PAID, and no job yet: the window the crash hit
    expect(printer.received).toHaveLength(0);

    const second = await start(env);
    await expect.poll(() => copiesOf(printer!, orderId), { timeout: 15_000 }).toBe(1);
    const api = kioskClient(second.port, second.token);
    const get = async () =>
      (await api.call('receipt.get', { orderId })).json.value as unknown as {
        printJob: { state: string; kind: string };
        jobs: unknown[];
      };
    // PRINTED once the printer also answered DLE EOT after the job.
    await expect.poll(async () => (await get()).printJob.state).toBe('PRINTED');
    const receipt = await get();
    expect(receipt.printJob.kind).toBe('receipt');
    expect(receipt.jobs).toHaveLength(1);
    await kill9(second);

    // Another restart (and another): nothing is issued or sent again.
    const third = await start(env);
    await sleep(1500);
    await kill9(third);
    expect(copiesOf(printer, orderId)).toBe(1);
    expect(printer.received.filter((j) => j.text.includes(orderId))).toHaveLength(1);
    expect(jobsIn(tmp.dir).map((j) => [j.kind, j.state, j.attempts])).toEqual([
      ['receipt', 'PRINTED', 1],
    ]);
  }, 90_000);

  it('killed while a 2.5 s printer prints: that job is INTERRUPTED for the cashier, the queued ones print once', async () => {
    const tmp = tempDir('till-rcrash-');
    dirs.push(tmp);
    printer = await startVirtualPrinter({ jobMs: 2500 });
    const env = {
      TILL_DATA_DIR: tmp.dir,
      TILL_PRINTER: printer.uri,
      TILL_GATEWAY: 'sandbox',
      TILL_PRINT_WATCH_MS: '200',
    };
    const first = await start(env);
    const orders: string[] = [];
    for (const i of [3, 4, 5]) {
      orders.push((await cashSale(first, catalogue[i]!.barcode)).orderId);
      await sleep(300);
    }
    // The first receipt is at the printer (SENDING); the other two wait their turn.
    await expect
      .poll(() => jobsIn(tmp.dir).map((j) => j.state), { timeout: 5000 })
      .toEqual(['SENDING', 'QUEUED', 'QUEUED']);
    await kill9(first);
    const second = await start(env);
    await expect
      .poll(() => jobsIn(tmp.dir).map((j) => j.state), { timeout: 20_000 })
      .toEqual(['INTERRUPTED', 'PRINTED', 'PRINTED']);
    await printer.idle();
    await sleep(500);
    // The interrupted one came out (the printer had it) but is not sent again by itself; the
    // queued ones were sent once each.
    expect(orders.map((o) => printer!.received.filter((j) => j.text.includes(o)).length)).toEqual([
      1, 1, 1,
    ]);
    const api = kioskClient(second.port, second.token);
    const summary = (await api.call('print.summary', {})).json.value as unknown as {
      toDecide: number;
      waiting: number;
    };
    expect(summary).toMatchObject({ toDecide: 1, waiting: 0 });
    // Three cash sales, three drawer openings, none on a restart or inside a receipt.
    expect(printer.drawerKicks).toHaveLength(3);
    expect(printer.received.every((j) => j.drawerKicks === 0)).toBe(true);
  }, 90_000);
});
