import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { loadConfig } from '../electron/host/config';
import { startHost } from '../electron/host/host';
import { startVirtualPrinter } from '../printer';
import catalogue from '../resources/catalogue.json';
import { tempDir } from '../tests/helpers/tmp';
import { percentile } from './stats';

/**
 * From the instant a payment is PAID (the event the engine emits after persisting it) to the last
 * byte of the receipt reaching a printer on loopback TCP (the GS r 1 that ends the job).
 */
export async function benchPrintLatency(sales = 60): Promise<void> {
  const tmp = tempDir('till-bench-print-');
  const printer = await startVirtualPrinter();
  const host = await startHost(
    loadConfig({
      TILL_DATA_DIR: tmp.dir,
      TILL_PRINTER: printer.uri,
      TILL_PRINTER_PORTS: String(printer.port),
    }),
    {
      appRoot: resolve('.'),
      version: 'bench',
    },
  );
  let paidAt = 0;
  const gaps: number[] = [];
  let resolveJob: () => void = () => undefined;
  host.events.subscribe((event, payload) => {
    if (event === 'payment.updated' && (payload as { state: string }).state === 'PAID')
      paidAt = performance.now();
  });
  printer.onJob(() => {
    gaps.push(performance.now() - paidAt);
    resolveJob();
  });
  for (let i = 0; i < sales; i++) {
    for (let l = 0; l < 8; l++)
      host.handlers['sale.scan']({ barcode: catalogue[(i + l * 7) % catalogue.length]!.barcode });
    const job = new Promise<void>((r) => (resolveJob = r));
    host.handlers['pay.start']({ kind: 'cash', receivedFen: 1_000_000 });
    await job;
  }
  const warm = gaps.slice(5);
  console.log(
    `  PAID → last byte at the loopback TCP printer (${warm.length} receipts of 8 lines, after 5 warm-up): p50 ${percentile(warm, 50).toFixed(2)} ms, p95 ${percentile(warm, 95).toFixed(2)} ms, max ${Math.max(...warm).toFixed(2)} ms`,
  );
  console.log(
    `  (includes layout, print.txt atomic write + archive with fsync, job persisted, TCP connect, send, GS r 1 confirmation)`,
  );
  await host.close();
  await printer.close();
  tmp.cleanup();
}
