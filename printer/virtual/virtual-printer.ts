import net from 'node:net';
import type { DecodedJob } from '../escpos/decode';
import { PrinterEngine, type DrawerKick, type EngineOptions } from './engine';
import type { Fault, GsrReport } from './faults';
import { PrinterSession } from './session';

export type { DrawerKick } from './engine';

export interface VirtualPrinter {
  readonly port: number;
  readonly uri: string;
  /** Jobs that came out on paper, whole; faulted jobs are not printed, as on paper. */
  jobs: DecodedJob[];
  rawJobs: Uint8Array[];
  /** Jobs cut short: part printed, then the buffer was cleared (DLE ENQ 2). */
  partials: DecodedJob[];
  /** Every job as it arrived, printed or not (how many times the host sent it). */
  received: DecodedJob[];
  drawerKicks: DrawerKick[];
  /** What arrived, in order: 'DLE EOT 1'…'4', 'job', 'GS r 1', 'ESC p', 'DLE DC4', 'DLE ENQ 2'. */
  log: string[];
  /** The physical condition: DLE EOT reports it and a stopped printer holds its buffer. */
  setFault(f: Fault): void;
  /** Make GS r 1 answer something else than the paper does (null: follow the paper). */
  setGsrReport(r: GsrReport | null): void;
  /** Make DLE EOT report a condition the mechanism does not have (null: report the truth). */
  setStatusReport(f: Fault | null): void;
  /** The drawer's open sensor (kick-out connector pin 3), as DLE EOT 1 and GS r 2 report it. */
  setDrawerOpen(open: boolean): void;
  /** Resolves once everything received so far has been worked through. */
  idle(): Promise<void>;
  onJob(cb: (job: DecodedJob, raw: Uint8Array) => void): () => void;
  close(): Promise<void>;
}

/**
 * An ESC/POS printer on TCP for tests, demos and the technician's preview. Optionally slow
 * (`jobMs`: a receipt takes that long to come out; `lineMs` per line), as real printers are.
 */
export async function startVirtualPrinter(
  opts?: { host?: string; port?: number } & EngineOptions,
): Promise<VirtualPrinter> {
  const host = opts?.host ?? '127.0.0.1';
  const engine = new PrinterEngine(opts);
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const session = new PrinterSession(socket, engine);
    socket.on('data', (data: Buffer) => session.receive(new Uint8Array(data)));
    socket.on('end', () => session.finish());
    socket.on('close', () => session.finish());
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts?.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const uriHost = host.includes(':') ? `[${host}]` : host;

  return {
    port,
    uri: `tcp://${uriHost}:${port}`,
    jobs: engine.jobs,
    rawJobs: engine.rawJobs,
    partials: engine.partials,
    received: engine.received,
    drawerKicks: engine.drawerKicks,
    log: engine.log,
    setFault: (f) => engine.setFault(f),
    setGsrReport: (r) => {
      engine.gsr = r;
    },
    setStatusReport: (f) => {
      engine.statusReport = f;
    },
    setDrawerOpen: (open) => {
      engine.drawerHigh = open;
    },
    idle: () => engine.idle(),
    onJob: (cb) => engine.onJob(cb),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
