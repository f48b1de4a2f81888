import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PrinterError, type PrinterErrorCode } from '../errors';
import type { Transport } from './types';

const CODES: Record<string, PrinterErrorCode> = {
  ENOENT: 'NOT_FOUND',
  EACCES: 'PERMISSION_DENIED',
  EPERM: 'PERMISSION_DENIED',
  EBUSY: 'BUSY',
  ENODEV: 'DISCONNECTED',
  ENXIO: 'DISCONNECTED',
  EIO: 'DISCONNECTED',
  EPIPE: 'DISCONNECTED',
};

const HINTS: Partial<Record<PrinterErrorCode, string>> = {
  NOT_FOUND: 'No such device file: is the printer on and the usblp driver loaded (ls /dev/usb/)?',
  PERMISSION_DENIED:
    'Add the user to the group owning the device (ls -l /dev/usb/lp0; usually lp: ' +
    'sudo usermod -aG lp $USER) or add a udev rule with MODE="0666".',
  BUSY: 'Another program (CUPS) holds the device; stop it or print through it.',
};

function fileError(err: unknown, what: string): PrinterError {
  const e = err as NodeJS.ErrnoException;
  const code = CODES[e.code ?? ''] ?? 'IO';
  const hint = HINTS[code];
  return new PrinterError(code, `${what}: ${e.message}`, hint ? { cause: e, hint } : { cause: e });
}

/**
 * A printer device file, `file:/dev/usb/lp0` (Linux usblp) or a FIFO. Write-only by
 * design: usblp reads only work on bidirectional printers and fail otherwise, so this
 * link never claims to read. Status is then "unknown" and sendJob cannot confirm a job
 * (see sendJob's `allowUnconfirmed`).
 */
export class FileTransport implements Transport {
  readonly canRead = false;
  private fh: FileHandle | undefined;

  constructor(
    readonly uri: string,
    private readonly path: string,
  ) {}

  async open(): Promise<void> {
    if (this.fh) return;
    try {
      // No O_CREAT: a missing device must fail, not quietly become a regular file in /dev.
      this.fh = await open(this.path, constants.O_WRONLY | constants.O_APPEND);
    } catch (e) {
      throw fileError(e, `open ${this.path}`);
    }
  }

  async write(data: Uint8Array): Promise<void> {
    const fh = this.fh;
    if (!fh) throw new PrinterError('IO', `${this.uri} is not open`);
    try {
      let off = 0;
      while (off < data.length) {
        const { bytesWritten } = await fh.write(data, off, data.length - off);
        off += bytesWritten;
      }
    } catch (e) {
      throw fileError(e, `write to ${this.path}`);
    }
  }

  read(): Promise<Uint8Array> {
    return Promise.reject(
      new PrinterError('NO_STATUS', `${this.uri} is write-only; the printer cannot answer`),
    );
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = undefined;
    await fh?.close().catch(() => undefined);
  }
}
