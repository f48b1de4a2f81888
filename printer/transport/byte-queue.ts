import { PrinterError } from '../errors';
import { concat } from '../escpos/stream';

interface Waiter {
  resolve: () => void;
}

/** Bytes received from a printer, waiting to be read; shared by every transport. */
export class ByteQueue {
  private buf: Uint8Array = new Uint8Array(0);
  private ended: PrinterError | undefined;
  private waiters = new Set<Waiter>();

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.buf = concat(this.buf, bytes);
    this.wake();
  }

  /** After end, reads drain what is left and then reject with `err`. */
  end(err: PrinterError): void {
    this.ended ??= err;
    this.wake();
  }

  /** Forget stale replies (e.g. a late confirmation from an earlier job). */
  clear(): void {
    this.buf = new Uint8Array(0);
  }

  async read(maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
    const deadline = Date.now() + Math.max(0, timeoutMs);
    for (;;) {
      if (this.buf.length > 0) {
        const n = Math.max(1, Math.min(maxBytes, this.buf.length));
        const out = this.buf.slice(0, n);
        this.buf = this.buf.slice(n);
        return out;
      }
      if (this.ended) throw this.ended;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new PrinterError('TIMEOUT', `no reply from printer within ${timeoutMs} ms`);
      await this.wait(left);
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const w: Waiter = {
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(w);
          resolve();
        },
      };
      const timer = setTimeout(w.resolve, ms);
      this.waiters.add(w);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w.resolve();
  }
}
