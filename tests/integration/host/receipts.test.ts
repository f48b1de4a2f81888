import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import catalogue from '../../../resources/catalogue.json';
import type { PrintJob } from '../../../shared/domain';
import { kioskClient } from '../../helpers/kioskClient';
import { tempDir } from '../../helpers/tmp';

/**
 * The whole till (kiosk host in this process) against a printer that takes 2.5 s a receipt,
 * over real TCP: cash sales queue up, the paper runs out, a supervisor reprints.
 */
const tmp = tempDir('till-receipts-');
let kiosk: Awaited<ReturnType<typeof runKiosk>>;
let printer: VirtualPrinter;
let api: ReturnType<typeof kioskClient>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const saleTimes = new Map<string, number>();

beforeAll(async () => {
  printer = await startVirtualPrinter({ jobMs: 2500 });
  process.env.TILL_PRINT_WATCH_MS = '250';
  const config = loadConfig({
    TILL_DATA_DIR: tmp.dir,
    TILL_PORT: '0',
    TILL_PRINTER: printer.uri,
    // A loopback test printer is on a free port, outside the printer port list (docs/production.md).
    TILL_PRINTER_PORTS: new URL(printer.uri).port,
  });
  kiosk = await runKiosk(config, { appRoot: resolve('.'), version: 'test' });
  api = kioskClient(kiosk.port, kiosk.token);
});
afterAll(async () => {
  delete process.env.TILL_PRINT_WATCH_MS;
  await kiosk.close();
  await printer.close();
  tmp.cleanup();
});

async function cashSale(i: number): Promise<string> {
  await api.call('sale.scan', { barcode: catalogue[i]!.barcode });
  const sale = (await api.call('sale.current', {})).json.value as unknown as { orderId: string };
  saleTimes.set(sale.orderId, Date.now());
  const paid = await api.call('pay.start', { kind: 'cash', receivedFen: 100_000 });
  expect(paid.json.ok).toBe(true);
  return sale.orderId;
}
const receipt = async (orderId: string) =>
  (await api.call('receipt.get', { orderId })).json.value as unknown as {
    printJob: PrintJob;
    jobs: PrintJob[];
  };
const copies = (orderId: string) => printer.received.filter((j) => j.text.includes(orderId)).length;
const allStates = () => kiosk.host.repos.db.prepare('SELECT state FROM print_jobs').pluck().all();

describe('a 2.5 s printer, cash sales queued', () => {
  const orders: string[] = [];

  it('each receipt exactly once, never INTERRUPTED; the drawer opens at each payment', async () => {
    for (const i of [1, 2, 3, 4]) {
      orders.push(await cashSale(i));
      await sleep(300);
    }
    for (const o of orders)
      await expect
        .poll(async () => (await receipt(o)).printJob.state, { timeout: 20_000 })
        .toBe('PRINTED');
    expect(orders.map(copies)).toEqual([1, 1, 1, 1]);
    expect(allStates().filter((s) => s !== 'PRINTED')).toEqual([]);
    expect(printer.drawerKicks).toHaveLength(4);
    // At payment time: while earlier receipts were still printing, not seconds later.
    printer.drawerKicks.forEach((k, i) => {
      expect(k.at - (saleTimes.get(orders[i]!) ?? 0)).toBeLessThan(1500);
    });
    expect(printer.received.every((j) => j.drawerKicks === 0)).toBe(true);
  }, 60_000);

  it('paper out: the drawer still opens, receipts wait (never PRINTED) and print once after the paper is in', async () => {
    printer.setFault('paper-end');
    const dry = [await cashSale(5), await cashSale(6)];
    await expect
      .poll(async () => (await Promise.all(dry.map(receipt))).map((r) => r.printJob.state))
      .toEqual(['WAITING', 'WAITING']);
    expect(printer.drawerKicks.slice(4).map((k) => k.command)).toEqual(['DLE DC4', 'DLE DC4']);
    const summary = (await api.call('print.summary', {})).json.value as unknown as {
      printer: { state: string; reasonCode: string };
      waiting: number;
    };
    expect(summary).toMatchObject({
      printer: { state: 'not-ready', reasonCode: 'PAPER_END' },
      waiting: 2,
    });
    await sleep(1200); // several polls: still nothing sent
    expect(dry.map(copies)).toEqual([0, 0]);

    // A supervisor reprints the first during the outage: told both will print, original first.
    const rep = (await api.call('receipt.reprint', { orderId: dry[0]! })).json.value as unknown as {
      job: PrintJob;
      originalPending: boolean;
    };
    expect(rep.originalPending).toBe(true);
    const both = await receipt(dry[0]!);
    expect(both.jobs.map((j) => j.kind)).toEqual(['receipt', 'reprint']);
    expect(both.printJob.kind).toBe('receipt');

    printer.setFault('none');
    await expect
      .poll(async () => (await receipt(dry[0]!)).jobs.map((j) => j.state), { timeout: 30_000 })
      .toEqual(['PRINTED', 'PRINTED']);
    await expect
      .poll(async () => (await receipt(dry[1]!)).printJob.state, { timeout: 30_000 })
      .toBe('PRINTED');
    const firstOrder = printer.jobs.filter((j) => j.text.includes(dry[0]!));
    expect(firstOrder.map((j) => j.text.includes('重打印'))).toEqual([false, true]);
    expect(dry.map(copies)).toEqual([2, 1]); // the original and its marked copy; the other once
    expect(printer.drawerKicks).toHaveLength(6); // none on the re-sends after the paper came back
    expect(allStates().filter((s) => s === 'INTERRUPTED' || s === 'FAILED')).toEqual([]);
  }, 90_000);
});
