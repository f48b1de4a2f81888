import net from 'node:net';
import { decodeEscPos, type DecodedJob } from '../escpos/decode';
import type { Fault } from './faults';
import { PrinterSession } from './session';

export interface VirtualPrinter {
  readonly port: number;
  readonly uri: string;
  /** Jobs the printer printed (fault 'none'); faulted jobs are not printed, as on paper. */
  jobs: DecodedJob[];
  rawJobs: Uint8Array[];
  setFault(f: Fault): void;
  onJob(cb: (job: DecodedJob, raw: Uint8Array) => void): () => void;
  close(): Promise<void>;
}

/** An ESC/POS printer on TCP for tests, demos and the technician's preview. */
export async function startVirtualPrinter(opts?: {
  host?: string;
  port?: number;
}): Promise<VirtualPrinter> {
  const host = opts?.host ?? '127.0.0.1';
  let fault: Fault = 'none';
  const listeners = new Set<(job: DecodedJob, raw: Uint8Array) => void>();
  const sockets = new Set<net.Socket>();
  const jobs: DecodedJob[] = [];
  const rawJobs: Uint8Array[] = [];

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const session = new PrinterSession(
      socket,
      () => fault,
      (raw) => {
        const job = decodeEscPos(raw);
        jobs.push(job);
        rawJobs.push(raw);
        for (const cb of listeners) cb(job, raw);
      },
    );
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
    jobs,
    rawJobs,
    setFault: (f) => {
      fault = f;
    },
    onJob: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
