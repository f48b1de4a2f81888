import { join } from 'node:path';
import { createEventBus } from '../../../electron/api/events';
import { createDrawer } from '../../../electron/receipts/drawer';
import { createPrinterLane } from '../../../electron/receipts/printerLane';
import { createPrintQueue, type PrintQueueDeps } from '../../../electron/receipts/printQueue';
import { createPrintWatch } from '../../../electron/receipts/printWatch';
import { systemClock } from '../../../electron/services/clock';
import { openRepos, type Repos } from '../../../electron/store';
import {
  encodeEscPos,
  layoutReceipt,
  openTransport,
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../printer';
import type { PrintSummary } from '../../../shared/api/print';
import type { PrintJob } from '../../../shared/domain';
import { tempDir } from '../../helpers/tmp';

export const job = (text: string) =>
  encodeEscPos(layoutReceipt({ blocks: [{ kind: 'text', text }, { kind: 'cut' }] }));

/** A long receipt (about 30 lines), so a "2.5 s printer" spreads it over many lines. */
export const receipt = (text: string) =>
  encodeEscPos(
    layoutReceipt({
      blocks: [
        { kind: 'text', text, align: 'center', size: 'double' },
        ...Array.from({ length: 25 }, (_, i) => ({
          kind: 'item' as const,
          name: `商品 ${i + 1}`,
          qty: '1',
          unitPrice: '2.00',
          total: '2.00',
        })),
        { kind: 'pair', left: '合计', right: '¥50.00' },
        { kind: 'cut' },
      ],
    }),
  );

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real SQLite file, a virtual printer on loopback TCP, the queue, its watch and the drawer. */
export async function printRig(
  opts: { jobMs?: number; queue?: Partial<PrintQueueDeps>; dir?: string } = {},
) {
  const tmp = opts.dir ? null : tempDir('till-printq-');
  const dir = opts.dir ?? tmp!.dir;
  const repos: Repos = openRepos(join(dir, 'till.db'));
  let printer: VirtualPrinter = await startVirtualPrinter({ jobMs: opts.jobMs ?? 0 });
  let uri = printer.uri;
  const events = createEventBus();
  const seen: PrintJob[] = [];
  const summaries: PrintSummary[] = [];
  events.subscribe((e, p) => {
    if (e === 'print.updated') seen.push(p as PrintJob);
    if (e === 'print.summary') summaries.push(p as PrintSummary);
  });
  const open = (u: string) => openTransport(u, { timeoutMs: 500 });
  const lane = createPrinterLane();
  const queue = createPrintQueue({
    repos,
    lane,
    printerUri: () => uri,
    openTransport: open,
    clock: systemClock,
    events,
    readyPollMs: 200,
    healthMs: 0,
    statusTimeoutMs: 400,
    confirmTimeoutMs: 10_000,
    ...opts.queue,
  });
  const watch = createPrintWatch({ repos, queue, clock: systemClock, events });
  const drawer = createDrawer({
    lane,
    printerUri: () => uri,
    openTransport: open,
    audit: repos.audit,
    clock: systemClock,
    events,
    actor: () => '王芳',
  });
  queue.start();
  return {
    repos,
    queue,
    watch,
    drawer,
    events,
    seen,
    summaries,
    get printer() {
      return printer;
    },
    setUri(u: string) {
      uri = u;
    },
    /** The printer goes away and comes back on the same port (power cycle). */
    async restartPrinter(down: () => Promise<void> = async () => undefined) {
      const port = printer.port;
      await printer.close();
      await down();
      printer = await startVirtualPrinter({ port, jobMs: opts.jobMs ?? 0 });
      uri = printer.uri;
    },
    /** States this job went through, from the events. */
    states: (jobId: string) => seen.filter((j) => j.jobId === jobId).map((j) => j.state),
    order(id: string) {
      const at = new Date().toISOString();
      repos.db
        .prepare(
          `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at, paid_at)
           VALUES (?, 'PAID', 'c', 100, ?, ?, ?)`,
        )
        .run(id, at, at, at);
    },
    async close() {
      watch.stop();
      queue.stop();
      await queue.idle();
      await printer.close();
      repos.db.close();
      tmp?.cleanup();
    },
  };
}
export type PrintRig = Awaited<ReturnType<typeof printRig>>;
