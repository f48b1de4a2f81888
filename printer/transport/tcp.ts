import net from 'node:net';
import { PrinterError, type PrinterErrorCode } from '../errors';
import { ByteQueue } from './byte-queue';
import type { Transport } from './types';

const CONNECT_CODES: Record<string, PrinterErrorCode> = {
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ENOTFOUND: 'NOT_FOUND',
  EAI_AGAIN: 'NOT_FOUND',
  EHOSTUNREACH: 'NOT_FOUND',
  ENETUNREACH: 'NOT_FOUND',
  ETIMEDOUT: 'TIMEOUT',
  ECONNRESET: 'DISCONNECTED',
  EPIPE: 'DISCONNECTED',
};

function toPrinterError(err: NodeJS.ErrnoException, what: string): PrinterError {
  const code = CONNECT_CODES[err.code ?? ''] ?? 'IO';
  return new PrinterError(code, `${what}: ${err.message}`, { cause: err });
}

/** Raw TCP (port 9100 "JetDirect") printer link. */
export class TcpTransport implements Transport {
  private socket: net.Socket | undefined;
  private readonly queue = new ByteQueue();
  private lost: PrinterError | undefined;

  constructor(
    readonly uri: string,
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  open(): Promise<void> {
    if (this.socket) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new PrinterError(
            'TIMEOUT',
            `connect to ${this.uri} timed out after ${this.timeoutMs} ms`,
          ),
        );
      }, this.timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        this.socket = socket;
        this.watch(socket);
        resolve();
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        if (!this.socket) reject(toPrinterError(err, `connect to ${this.uri}`));
      });
    });
  }

  private watch(socket: net.Socket): void {
    socket.on('data', (chunk: Buffer) => this.queue.push(new Uint8Array(chunk)));
    socket.on('error', (err) => {
      this.lost ??= toPrinterError(err, `connection to ${this.uri}`);
    });
    socket.on('close', () => {
      this.lost ??= new PrinterError('DISCONNECTED', `printer ${this.uri} closed the connection`);
      this.queue.end(this.lost);
    });
  }

  write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new PrinterError('IO', `${this.uri} is not open`));
    if (this.lost || socket.destroyed) {
      return Promise.reject(this.lost ?? new PrinterError('DISCONNECTED', `${this.uri} is closed`));
    }
    return new Promise((resolve, reject) => {
      socket.write(data, (err) => {
        if (err) reject(this.lost ?? toPrinterError(err, `write to ${this.uri}`));
        else resolve();
      });
    });
  }

  read(maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
    if (!this.socket) return Promise.reject(new PrinterError('IO', `${this.uri} is not open`));
    return this.queue.read(maxBytes, timeoutMs);
  }

  close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      // A printer that never acknowledges the FIN must not hold the caller.
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }
}
