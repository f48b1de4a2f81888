import { GS } from '../escpos/commands';
import type { Transport } from '../transport/types';

/** Automatic Status Back (GS a), 4 bytes, bit maps of escpos.md §2.3. */
export interface AsbStatus {
  online: boolean;
  coverOpen: boolean;
  feedButton: boolean;
  drawerPin3High: boolean;
  recoverableError: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
  paperNearEnd: boolean;
  paperEnd: boolean;
  raw: [number, number, number, number];
}

const XON = 0x11;
const XOFF = 0x13;

/** ASB byte 1 has the fixed bits 0xx1xx00; DLE EOT replies are 0xx1xx10, others 0xx0xxxx. */
export const isAsbFirst = (b: number): boolean => (b & 0x93) === 0x10;

export function parseAsb(raw: [number, number, number, number]): AsbStatus {
  const [b1, b2, b3] = raw;
  return {
    online: (b1 & 0x08) === 0,
    coverOpen: (b1 & 0x20) !== 0,
    feedButton: (b1 & 0x40) !== 0,
    drawerPin3High: (b1 & 0x04) !== 0,
    recoverableError: (b2 & 0x04) !== 0,
    cutterError: (b2 & 0x08) !== 0,
    unrecoverableError: (b2 & 0x20) !== 0,
    autoRecoverableError: (b2 & 0x40) !== 0,
    paperNearEnd: (b3 & 0x03) !== 0,
    paperEnd: (b3 & 0x0c) !== 0,
    raw: [...raw],
  };
}

/**
 * Incremental ASB framing: finds byte 1 by its fixed bits, then takes the next three
 * bytes, skipping XON/XOFF that a serial printer may interleave (§2.3). Other bytes
 * before byte 1 (stray DLE EOT or GS r replies) are ignored.
 */
export class AsbFramer {
  private frame: number[] = [];

  push(bytes: Iterable<number>): AsbStatus[] {
    const out: AsbStatus[] = [];
    for (const b of bytes) {
      if (this.frame.length === 0) {
        if (isAsbFirst(b)) this.frame.push(b);
        continue;
      }
      if (b === XON || b === XOFF) continue;
      this.frame.push(b);
      if (this.frame.length === 4) {
        out.push(parseAsb(this.frame as [number, number, number, number]));
        this.frame = [];
      }
    }
    return out;
  }
}

/** GS a n: 0xFF enables every item (the printer answers at once), 0 turns ASB off. */
export const asbCommand = (mask: number): Uint8Array => Uint8Array.of(GS, 0x61, mask & 0xff);

/** Enables ASB and returns the first status block, which the printer sends at once. */
export async function enableAsb(t: Transport, timeoutMs = 2000, mask = 0xff): Promise<AsbStatus> {
  const framer = new AsbFramer();
  const deadline = Date.now() + timeoutMs;
  await t.write(asbCommand(mask));
  for (;;) {
    const got = framer.push(await t.read(64, Math.max(0, deadline - Date.now())));
    if (got[0]) return got[0];
  }
}
