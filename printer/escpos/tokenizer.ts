/**
 * Splits an ESC/POS byte stream into commands. Works incrementally: `readCommand` returns
 * undefined when the buffer ends inside a command, so the caller waits for more bytes.
 * 'known' commands are recognised (and their parameters skipped) even when the
 * interpreter gives them no meaning; 'unknown' ones are reported, never fatal.
 */
export interface Command {
  kind: 'text' | 'known' | 'unknown';
  /** e.g. 'ESC @', 'GS ( k', 'LF', 'TEXT', 'ESC 0x99'. */
  name: string;
  bytes: Uint8Array;
}

/** Total length of a command from its start, or undefined if more bytes are needed. */
type Len = number | ((b: Uint8Array, p: number) => number | undefined);

const at = (b: Uint8Array, i: number): number | undefined => b[i];

// Length depends on byte at offset `off`, or is a param-count prefixed block.
const pLpH =
  (head: number) =>
  (b: Uint8Array, p: number): number | undefined => {
    const lo = at(b, p + head);
    const hi = at(b, p + head + 1);
    return lo === undefined || hi === undefined ? undefined : head + 2 + lo + hi * 256;
  };

const nulTerminated =
  (from: number) =>
  (b: Uint8Array, p: number): number | undefined => {
    const i = b.indexOf(0, p + from);
    return i < 0 ? undefined : i - p + 1;
  };

const ESC_LEN: Record<number, Len> = {
  0x40: 2,
  0x45: 3,
  0x61: 3,
  0x64: 3,
  0x70: 5,
  0x21: 3,
  0x2d: 3,
  0x32: 2,
  0x33: 3,
  0x4a: 3,
  0x4d: 3,
  0x74: 3,
  0x52: 3,
  0x47: 3,
  0x7b: 3,
  0x56: 3,
  0x42: 4,
  0x24: 4,
  0x5c: 4,
  0x63: 4,
  0x69: 2,
  0x6d: 2,
  0x72: 3,
  0x55: 3,
  0x20: 3,
  0x25: 3,
  0x3d: 3,
  0x4c: 2,
  0x53: 2,
  0x54: 3,
  0x57: 10,
  0x65: 3,
  0x75: 3,
  0x76: 2,
  0x44: nulTerminated(2),
  // ESC * m nL nH: 8-dot modes take n bytes, 24-dot modes 3n.
  0x2a: (b, p) => {
    const m = at(b, p + 2),
      nl = at(b, p + 3),
      nh = at(b, p + 4);
    if (m === undefined || nl === undefined || nh === undefined) return undefined;
    return 5 + (nl + nh * 256) * (m <= 1 ? 1 : 3);
  },
};

const GS_LEN: Record<number, Len> = {
  0x21: 3,
  0x42: 3,
  0x48: 3,
  0x68: 3,
  0x77: 3,
  0x66: 3,
  0x4c: 4,
  0x57: 4,
  0x61: 3,
  0x49: 3,
  0x72: 3,
  0x50: 4,
  0x24: 4,
  0x5c: 4,
  0x62: 3,
  0x2f: 3,
  0x54: 3,
  0x28: pLpH(3),
  // GS 8 L p1 p2 p3 p4 ...: graphics with a 32-bit length (receiptline uses it for images).
  0x38: (b, p) => {
    const n = [3, 4, 5, 6].map((i) => at(b, p + i));
    if (n.some((v) => v === undefined)) return undefined;
    const [a = 0, c = 0, d = 0, e = 0] = n;
    return 7 + a + c * 0x100 + d * 0x10000 + e * 0x1000000;
  },
  0x56: (b, p) => {
    const m = at(b, p + 2);
    if (m === undefined) return undefined;
    return m === 0 || m === 1 || m === 0x30 || m === 0x31 ? 3 : 4;
  },
  0x6b: (b, p) => {
    const m = at(b, p + 2);
    if (m === undefined) return undefined;
    if (m <= 6) return nulTerminated(3)(b, p);
    const n = at(b, p + 3);
    return n === undefined ? undefined : 4 + n;
  },
  // GS v 0 m xL xH yL yH: raster of x bytes × y rows.
  0x76: (b, p) => {
    const h = [4, 5, 6, 7].map((i) => at(b, p + i));
    if (h.some((v) => v === undefined)) return undefined;
    const [xl = 0, xh = 0, yl = 0, yh = 0] = h;
    return 8 + (xl + xh * 256) * (yl + yh * 256);
  },
  0x2a: (b, p) => {
    const x = at(b, p + 2),
      y = at(b, p + 3);
    return x === undefined || y === undefined ? undefined : 4 + x * y * 8;
  },
};

const FS_LEN: Record<number, Len> = {
  0x26: 2,
  0x2e: 2,
  0x21: 3,
  0x2d: 3,
  0x53: 4,
  0x57: 3,
  0x70: 4,
  0x43: 3,
  0x32: 76,
  0x28: pLpH(3),
};

const DLE_LEN: Record<number, Len> = { 0x04: 3, 0x05: 3, 0x14: 5 };

const PREFIX: Record<number, { name: string; table: Record<number, Len> }> = {
  0x1b: { name: 'ESC', table: ESC_LEN },
  0x1d: { name: 'GS', table: GS_LEN },
  0x1c: { name: 'FS', table: FS_LEN },
  0x10: { name: 'DLE', table: DLE_LEN },
};

/** Single control bytes a printer accepts silently (NUL is receiptio's flush padding). */
const QUIET_CONTROLS = new Set([0x00, 0x09, 0x0c, 0x0d, 0x18]);

function cmdName(prefix: string, b: number): string {
  return b >= 0x21 && b <= 0x7e ? `${prefix} ${String.fromCharCode(b)}` : `${prefix} 0x${hex(b)}`;
}

export function hex(b: number): string {
  return b.toString(16).padStart(2, '0').toUpperCase();
}

export function readCommand(buf: Uint8Array, pos: number): Command | undefined {
  const first = buf[pos];
  if (first === undefined) return undefined;
  if (first >= 0x20) {
    let end = pos;
    while (end < buf.length && (buf[end] ?? 0) >= 0x20) end++;
    return { kind: 'text', name: 'TEXT', bytes: buf.subarray(pos, end) };
  }
  if (first === 0x0a) return { kind: 'known', name: 'LF', bytes: buf.subarray(pos, pos + 1) };
  const prefix = PREFIX[first];
  if (!prefix) {
    const kind = QUIET_CONTROLS.has(first) ? 'known' : 'unknown';
    return { kind, name: `CTRL 0x${hex(first)}`, bytes: buf.subarray(pos, pos + 1) };
  }
  const second = buf[pos + 1];
  if (second === undefined) return undefined;
  const len = prefix.table[second];
  if (len === undefined) {
    // DLE is not a command prefix on its own: report just that byte and resync.
    const size = first === 0x10 ? 1 : 2;
    return {
      kind: 'unknown',
      name: cmdName(prefix.name, second),
      bytes: buf.subarray(pos, pos + size),
    };
  }
  const total = typeof len === 'number' ? len : len(buf, pos);
  if (total === undefined || pos + total > buf.length) return undefined;
  let name = cmdName(prefix.name, second);
  const third = buf[pos + 2];
  if (second === 0x28 && third !== undefined) name += ` ${String.fromCharCode(third)}`;
  return { kind: 'known', name, bytes: buf.subarray(pos, pos + total) };
}
