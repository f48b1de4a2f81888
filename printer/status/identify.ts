import { PrinterError } from '../errors';
import { GS } from '../escpos/commands';
import type { Transport } from '../transport/types';

/** What GS I (escpos.md §2.4) tells about the printer; fields it did not answer stay undefined. */
export interface PrinterIdentity {
  maker?: string;
  model?: string;
  firmware?: string;
  serial?: string;
  /** e.g. "CHINA GB18030" or "CHINA GB2312": which Chinese characters the font holds. */
  languageFont?: string;
  /** GS I 2 bit 0: a multi-byte (Chinese) font is fitted. */
  multiByteFont?: boolean;
  autocutter?: boolean;
}

const STRINGS = [
  ['firmware', 65],
  ['maker', 66],
  ['model', 67],
  ['serial', 68],
  ['languageFont', 69],
] as const;

/** A GS I 65-69 reply is '_' + ASCII + NUL. Bytes before '_' are stray replies. */
async function readString(t: Transport, deadline: number): Promise<string> {
  let started = false;
  let s = '';
  for (;;) {
    const [b = 0] = await t.read(1, Math.max(0, deadline - Date.now()));
    if (!started) started = b === 0x5f;
    else if (b === 0) return s;
    else s += String.fromCharCode(b);
  }
}

async function ask<T>(f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    // A printer without a given GS I function stays silent; that is "unknown", not a failure.
    if (e instanceof PrinterError && e.code === 'TIMEOUT') return undefined;
    throw e;
  }
}

/** Asks GS I 2 and 65-69, one at a time; each gets `perQueryMs` to answer. */
export async function identifyPrinter(t: Transport, perQueryMs = 500): Promise<PrinterIdentity> {
  const id: PrinterIdentity = {};
  const type = await ask(async () => {
    await t.write(Uint8Array.of(GS, 0x49, 2));
    const [b = 0] = await t.read(1, perQueryMs);
    return b;
  });
  if (type !== undefined) {
    id.multiByteFont = (type & 0x01) !== 0;
    id.autocutter = (type & 0x02) !== 0;
  }
  for (const [key, n] of STRINGS) {
    const value = await ask(async () => {
      await t.write(Uint8Array.of(GS, 0x49, n));
      return readString(t, Date.now() + perQueryMs);
    });
    if (value !== undefined) id[key] = value;
  }
  return id;
}
