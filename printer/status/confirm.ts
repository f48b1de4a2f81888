import { PrinterError } from '../errors';
import { realtimeStatus } from '../escpos/commands';
import type { Transport } from '../transport/types';
import { isGsrReply, isRealtimeReply, parseStatus } from './parse';
import { notReady } from './readiness';

/**
 * Waits for the job's GS r reply. With `watchMs`, asks DLE EOT 1–4 every `watchMs` meanwhile:
 * DLE EOT is answered in real time, GS r only once the paper has come out, and the two replies
 * have different fixed bits (escpos.md §2.2/2.4), so both can share the line. A printer that
 * stops mid-job (cover opened, paper out) is then known within two checks, not at the timeout:
 * the error carries the stop's code (COVER_OPEN, PAPER_END, OFFLINE, PRINTER_ERROR). Two in a
 * row, so a printer that reports offline for an instant (a cut, a feed) is not taken for one
 * that stopped.
 */
export async function awaitConfirmation(
  t: Transport,
  timeoutMs: number,
  watchMs?: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let nextCheck = watchMs ? Date.now() + watchMs : Infinity;
  let asked: number[] | null = null;
  let askedAt = 0;
  let strikes = 0;
  for (;;) {
    const now = Date.now();
    if (now >= deadline) {
      throw new PrinterError(
        'NOT_CONFIRMED',
        `printer did not confirm the job within ${timeoutMs} ms`,
      );
    }
    if (watchMs && asked === null && now >= nextCheck) {
      await t.write(
        Uint8Array.from([1, 2, 3, 4].flatMap((n) => realtimeStatus(n as 1 | 2 | 3 | 4))),
      );
      asked = [];
      askedAt = now;
    }
    const wait = Math.max(1, Math.min(deadline, asked ? askedAt + 1000 : nextCheck) - now);
    let bytes: Uint8Array;
    try {
      bytes = await t.read(16, wait);
    } catch (e) {
      if (!(e instanceof PrinterError && e.code === 'TIMEOUT')) throw e;
      if (asked && Date.now() - askedAt >= 1000) {
        // This printer does not answer all four while busy: keep waiting for GS r.
        asked = null;
        nextCheck = Date.now() + (watchMs ?? 0);
      }
      continue;
    }
    for (const b of bytes) {
      if (isGsrReply(b)) return b;
      if (!asked || !isRealtimeReply(b)) continue;
      asked.push(b);
      if (asked.length < 4) continue;
      const s = parseStatus(asked as [number, number, number, number]);
      const stop = notReady(s);
      strikes = stop ? strikes + 1 : 0;
      if (stop && strikes >= 2) throw new PrinterError(stop, `printer stopped mid-job: ${stop}`);
      asked = null;
      nextCheck = Date.now() + (watchMs ?? 0);
    }
  }
}
