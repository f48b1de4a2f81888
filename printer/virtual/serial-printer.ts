import type { DecodedJob } from '../escpos/decode';
import {
  systemSerialBinding,
  type SerialBinding,
  type SerialPortHandle,
} from '../transport/serial-binding';
import { PrinterEngine, type DrawerKick, type EngineOptions } from './engine';
import type { Fault } from './faults';
import { PrinterSession } from './session';

export interface VirtualSerialPrinter {
  readonly path: string;
  jobs: DecodedJob[];
  rawJobs: Uint8Array[];
  drawerKicks: DrawerKick[];
  /** Bytes received so far (for throughput measurements). */
  readonly bytesReceived: number;
  setFault(f: Fault): void;
  onJob(cb: (job: DecodedJob, raw: Uint8Array) => void): () => void;
  close(): Promise<void>;
}

/**
 * The virtual printer on a serial port, e.g. one end of a `socat` pty pair: the same
 * session, parser and faults as the TCP one. 'drop' closes the port (cable pulled); the
 * host's end then sees the line hang up. One session per open: a job is whatever
 * arrives until GS r.
 */
export async function startVirtualSerialPrinter(
  opts: {
    path: string;
    baud: number;
    binding?: SerialBinding;
    /**
     * Take bytes no faster than a real line at `baud` (10 bits a byte). A pty ignores the
     * baud rate, so without this a "9600 baud" test runs at memory speed. Default true.
     */
    paceLine?: boolean;
    /** Called on the 'drop' fault, e.g. to kill socat so the host's end hangs up. */
    onDrop?: () => void;
  } & EngineOptions,
): Promise<VirtualSerialPrinter> {
  const binding = opts.binding ?? (await systemSerialBinding());
  const port: SerialPortHandle = await binding.open({ path: opts.path, baudRate: opts.baud });
  const engine = new PrinterEngine(opts);
  let closed = false;
  let received = 0;

  const link = {
    get destroyed() {
      return closed;
    },
    write(bytes: Uint8Array) {
      if (!closed) port.write(Buffer.from(bytes)).catch(() => undefined);
    },
    destroy() {
      closed = true;
      void port.close().catch(() => undefined);
      opts.onDrop?.();
    },
    end() {},
  };
  const session = new PrinterSession(link, engine);
  const pace = opts.paceLine !== false;
  const bytesPerMs = opts.baud / 10 / 1000;
  let lineFreeAt = 0;
  const readLoop = async (): Promise<void> => {
    // Small reads when pacing so the host's writes block on a full pty, as on a real line.
    const buf = Buffer.alloc(pace ? 16 : 4096);
    while (!closed) {
      try {
        const { bytesRead } = await port.read(buf, 0, buf.length);
        received += bytesRead;
        if (pace) {
          lineFreeAt = Math.max(lineFreeAt, Date.now()) + bytesRead / bytesPerMs;
          const wait = lineFreeAt - Date.now();
          if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        }
        session.receive(new Uint8Array(buf.subarray(0, bytesRead)));
      } catch {
        return;
      }
    }
  };
  void readLoop();

  return {
    path: opts.path,
    jobs: engine.jobs,
    rawJobs: engine.rawJobs,
    drawerKicks: engine.drawerKicks,
    get bytesReceived() {
      return received;
    },
    setFault: (f: Fault) => engine.setFault(f),
    onJob: (cb) => engine.onJob(cb),
    close: async () => {
      if (closed) return;
      closed = true;
      await port.close().catch(() => undefined);
    },
  };
}
