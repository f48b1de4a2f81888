import { readCommand, type Command } from './tokenizer';

/** Incremental tokenizer: bytes may arrive in any chunking (TCP), commands come out whole. */
export class EscPosStream {
  private pending: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): Command[] {
    const buf = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const out: Command[] = [];
    let pos = 0;
    for (;;) {
      const cmd = readCommand(buf, pos);
      if (!cmd) break;
      // Copy: callers keep commands after the buffer is reused.
      out.push({ ...cmd, bytes: cmd.bytes.slice() });
      pos += cmd.bytes.length;
    }
    this.pending = buf.slice(pos);
    return out;
  }

  /** Whatever is left is a command cut off by the end of the stream. */
  end(): Command[] {
    const rest = this.pending;
    this.pending = new Uint8Array(0);
    return rest.length === 0 ? [] : [{ kind: 'unknown', name: 'TRUNCATED', bytes: rest }];
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
