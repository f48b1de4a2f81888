/** A growing byte buffer: the encoder's output without number[] spreads or Buffer.concat. */
export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity = 2048) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }

  bytes(b: ArrayLike<number>): void {
    this.room(b.length);
    if (b instanceof Uint8Array) this.buf.set(b, this.len);
    else for (let i = 0; i < b.length; i++) this.buf[this.len + i] = b[i] ?? 0;
    this.len += b.length;
  }

  get length(): number {
    return this.len;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  /** The bytes written so far, without a copy (valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
