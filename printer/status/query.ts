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
 * receiptio's recovery (escpos.md §2.6): a printer that stopped mid-command (a cut-off
 * raster or QR block) swallows our request as parameter bytes. 8192 NULs complete any
 * such block, and NUL is ignored as a command, so the next request is parsed again.
 */
export const RECOVERY_NULS = 8192;

async function askAll(t: Transport, timeoutMs: number): Promise<PrinterStatus> {
  await drain(t);
  const deadline = Date.now() + timeoutMs;
  const raw: number[] = [];
  for (const n of [1, 2, 3, 4] as const) {
    await t.write(Uint8Array.from(realtimeStatus(n)));
    raw.push(await readReply(t, isRealtimeReply, deadline));
  }
  return parseStatus(raw as [number, number, number, number]);
}

/**
 * Live status via DLE EOT 1..4, one request at a time so each reply is matched to its
 * question. If the printer is silent, the recovery flush is sent and the question asked
 * once more (unless `recover: false`); still silent → TIMEOUT (off, hung, wrong port).
 * A write-only link (file:) throws NO_STATUS at once; see probeStatus for "unknown".
 */
export async function queryStatus(
  t: Transport,
  timeoutMs = 2000,
  opts?: { recover?: boolean },
): Promise<PrinterStatus> {
  if (t.canRead === false) {
    throw new PrinterError('NO_STATUS', `${t.uri} cannot read printer status`);
  }
  try {
    return await askAll(t, timeoutMs);
  } catch (e) {
    const silent = e instanceof PrinterError && e.code === 'TIMEOUT';
    if (!silent || opts?.recover === false) throw e;
    await t.write(new Uint8Array(RECOVERY_NULS));
    return askAll(t, timeoutMs);
  }
}

export type StatusReport =
  | { known: true; status: PrinterStatus }
  | { known: false; reason: 'write-only' | 'no-reply'; error: PrinterError };

/** Status for display: "unknown" (with why) instead of an exception when it cannot be read. */
export async function probeStatus(t: Transport, timeoutMs = 2000): Promise<StatusReport> {
  try {
    return { known: true, status: await queryStatus(t, timeoutMs) };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    if (e.code === 'NO_STATUS') return { known: false, reason: 'write-only', error: e };
    if (e.code === 'TIMEOUT') return { known: false, reason: 'no-reply', error: e };
    throw e;
  }
}
