import { PrinterError } from '../errors';
import { realtimeStatus } from '../escpos/commands';
import type { Transport } from '../transport/types';
import { isRealtimeReply, parseStatus, type PrinterStatus } from './parse';

/** Reads until a byte matches `accept`; other bytes are stray replies and skipped (§2.2 caveat). */
export async function readReply(
  t: Transport,
  accept: (b: number) => boolean,
  deadline: number,
): Promise<number> {
  for (;;) {
    const bytes = await t.read(1, Math.max(0, deadline - Date.now()));
    const b = bytes[0];
    if (b !== undefined && accept(b)) return b;
  }
}

/** Drops bytes already received, so only replies to what we send next are read. */
export async function drain(t: Transport): Promise<void> {
  try {
    for (;;) await t.read(4096, 0);
  } catch (e) {
    if (!(e instanceof PrinterError && e.code === 'TIMEOUT')) throw e;
  }
}

/**
 * Live status via DLE EOT 1..4, one request at a time so each reply is matched to its
 * question. Throws TIMEOUT when the printer does not answer (off, hung, wrong port).
 */
export async function queryStatus(t: Transport, timeoutMs = 2000): Promise<PrinterStatus> {
  await drain(t);
  const deadline = Date.now() + timeoutMs;
  const raw: number[] = [];
  for (const n of [1, 2, 3, 4] as const) {
    await t.write(Uint8Array.from(realtimeStatus(n)));
    raw.push(await readReply(t, isRealtimeReply, deadline));
  }
  return parseStatus(raw as [number, number, number, number]);
}
