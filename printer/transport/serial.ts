import { PrinterError } from '../errors';
import { ByteQueue } from './byte-queue';
import { serialOpenError } from './serial-errors';
import { systemSerialBinding, type SerialBinding, type SerialPortHandle } from './serial-binding';
import type { Transport } from './types';

export type SerialFlow = 'none' | 'rtscts' | 'xonxoff';

export interface SerialTransportOptions {
  path: string;
  baud: number;
  flow: SerialFlow;
  timeoutMs: number;
  binding?: SerialBinding;
}

const XON = 0x11;
const XOFF = 0x13;
/** Small writes so a user-space XOFF takes effect before the printer's buffer overflows. */
const CHUNK = 256;

/** Serial (RS-232 / USB-serial) printer link: `serial:/dev/ttyUSB0?baud=9600&flow=rtscts`. */
export class SerialTransport implements Transport {
  readonly canRead = true;
  private port: SerialPortHandle | undefined;
  private queue = new ByteQueue();
  private lost: PrinterError | undefined;
  private closing = false;
  private paused = false;
  private resume: (() => void) | undefined;

  constructor(
    readonly uri: string,
    private readonly opts: SerialTransportOptions,
  ) {}

  async open(): Promise<void> {
    if (this.port && !this.lost) return;
    if (this.port) await this.close(); // dropped link: release the old handle, then reconnect
    const binding = this.opts.binding ?? (await systemSerialBinding());
    const { path, baud, flow } = this.opts;
    let port: SerialPortHandle;
    try {
      port = await binding.open({
        path,
        baudRate: baud,
        rtscts: flow === 'rtscts',
        xon: flow === 'xonxoff',
        xoff: flow === 'xonxoff',
        lock: true,
      });
    } catch (e) {
      throw serialOpenError(e, path);
    }
    // A fresh queue per connection: a reopened link must not replay the old end-of-stream.
    this.queue = new ByteQueue();
    this.lost = undefined;
    this.closing = false;
    this.paused = false;
    this.port = port;
    void this.readLoop(port);
  }

  private async readLoop(port: SerialPortHandle): Promise<void> {
    const buf = Buffer.alloc(1024);
    for (;;) {
      try {
        const { bytesRead } = await port.read(buf, 0, buf.length);
        this.receive(new Uint8Array(buf.subarray(0, bytesRead)));
      } catch (e) {
        if (port !== this.port) return;
        this.lost ??= this.closing
          ? new PrinterError('DISCONNECTED', `${this.uri} is closed`)
          : new PrinterError('DISCONNECTED', `serial port ${this.opts.path} was lost`, {
              cause: e,
              hint: 'The printer or USB-serial adapter was unplugged or switched off.',
            });
        this.queue.end(this.lost);
        this.wakeWriter();
        return;
      }
    }
  }

  /**
   * On XON/XOFF links the flow bytes share the line with status replies (escpos.md §2.3,
   * §6). No status reply can be 0x11 or 0x13 (their fixed bits differ), so they are taken
   * out here and honoured in user space too, for drivers that pass them through.
   */
  private receive(data: Uint8Array): void {
    if (this.opts.flow !== 'xonxoff') {
      this.queue.push(data);
      return;
    }
    const kept: number[] = [];
    for (const b of data) {
      if (b === XOFF) this.paused = true;
      else if (b === XON) {
        this.paused = false;
        this.wakeWriter();
      } else kept.push(b);
    }
    this.queue.push(Uint8Array.from(kept));
  }

  private wakeWriter(): void {
    const r = this.resume;
    this.resume = undefined;
    r?.();
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port) throw new PrinterError('IO', `${this.uri} is not open`);
    // Time the line needs at 10 bits a byte, twice over, plus the connect timeout as slack.
    const limit = this.opts.timeoutMs + Math.ceil((data.length * 20_000) / this.opts.baud);
    const deadline = Date.now() + limit;
    for (let off = 0; off < data.length || off === 0; off += CHUNK) {
      await this.waitWhilePaused(deadline);
      if (this.lost) throw this.lost;
      const chunk = Buffer.from(data.subarray(off, off + CHUNK));
      await this.withDeadline(
        (async () => {
          await port.write(chunk);
          await port.drain();
        })(),
        deadline,
        limit,
      );
      if (data.length === 0) break;
    }
  }

  private async waitWhilePaused(deadline: number): Promise<void> {
    while (this.paused && !this.lost) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new PrinterError('TIMEOUT', `printer held XOFF on ${this.opts.path}`, {
          hint: 'The printer is busy or offline (paper, cover).',
        });
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.resume = () => {
          clearTimeout(t);
          r();
        };
      });
    }
  }

  private async withDeadline(p: Promise<void>, deadline: number, limit: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PrinterError('TIMEOUT', `write to ${this.opts.path} took over ${limit} ms`, {
              hint: 'Flow control held the line: the printer is busy, offline, or the cable lacks CTS/DSR.',
            }),
          ),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      await Promise.race([p, timeout]);
    } catch (e) {
      if (e instanceof PrinterError) throw e;
      throw (
        this.lost ??
        new PrinterError('DISCONNECTED', `write to ${this.opts.path} failed`, { cause: e })
      );
    } finally {
      clearTimeout(timer);
    }
  }

  read(maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
    if (!this.port) return Promise.reject(new PrinterError('IO', `${this.uri} is not open`));
    return this.queue.read(maxBytes, timeoutMs);
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.closing = true;
    this.lost ??= new PrinterError('DISCONNECTED', `${this.uri} is closed`);
    this.queue.end(this.lost);
    this.wakeWriter();
    this.port = undefined;
    if (port.isOpen) await port.close().catch(() => undefined);
  }
}
