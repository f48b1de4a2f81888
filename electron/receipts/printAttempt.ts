import {
  isPrinterError,
  notReady,
  queryStatus,
  sendJob,
  type PrinterStatus,
  type Transport,
} from '../../printer';
import { DECIDE_PRINT_TEXT, WAITING_PRINT_TEXT } from '../../shared/printing';
import type { Reason } from '../store/printJobs';

/** How one turn at the printer ended. */
export type AttemptOutcome =
  /** Nothing was sent: the printer was not ready or not reachable (→ WAITING). */
  | { kind: 'not-ready'; reason: Reason; status: PrinterStatus | null }
  /** The job left the queue before its bytes went out (cancelled meanwhile). */
  | { kind: 'gone' }
  /** Ready before, the job's GS r answered, ready after (→ PRINTED). */
  | { kind: 'printed'; paperNearEnd: boolean; status: PrinterStatus }
  /** The bytes went out but were not confirmed: it may have printed (→ FAILED). */
  | { kind: 'failed'; reason: Reason; status: PrinterStatus | null };

export interface AttemptOptions {
  open: () => Transport;
  bytes: Uint8Array;
  statusTimeoutMs: number;
  confirmTimeoutMs: number;
  /** Status asked meanwhile, to know a printer that stops mid-job at once. */
  watchStatusMs?: number;
  /** Persists SENDING before the first byte goes out; false: the job is no longer ours to send. */
  beforeSend: () => boolean;
  /** The open link while the attempt holds it (null again when it is closed). */
  onLink?: (t: Transport | null) => void;
}

const waiting = (code: string, detail?: string): Reason => ({
  code,
  text: WAITING_PRINT_TEXT[code] ?? `打印机未就绪：${detail ?? code}；恢复后将自动打印。`,
});
const decide = (code: string): Reason => ({
  code,
  text: DECIDE_PRINT_TEXT[code] ?? (DECIDE_PRINT_TEXT.IO as string),
});
const codeOf = (e: unknown): string => (isPrinterError(e) ? e.code : 'IO');

async function statusOrNull(t: Transport, ms: number): Promise<PrinterStatus | null> {
  try {
    return await queryStatus(t, ms, { recover: false });
  } catch {
    return null;
  }
}

/**
 * One job, one turn: DLE EOT 1–4 before (a printer that is not ready gets nothing), the bytes
 * and GS r 1, then DLE EOT 1–4 after. PRINTED needs all three (escpos.md §2: DLE EOT is
 * answered in real time, GS r only once everything before it was processed). A printer that
 * stopped mid-job has its buffers cleared (DLE ENQ 2), so what is on paper now is all there
 * will be, and the person deciding sees the truth.
 */
export async function attemptPrint(o: AttemptOptions): Promise<AttemptOutcome> {
  let t: Transport | null = null;
  try {
    try {
      t = o.open();
      await t.open();
      o.onLink?.(t);
    } catch (e) {
      return {
        kind: 'not-ready',
        reason: waiting(codeOf(e), String(e)),
        status: null,
      };
    }
    if (t.canRead === false) {
      if (!o.beforeSend()) return { kind: 'gone' };
      try {
        await t.write(o.bytes);
      } catch (e) {
        return { kind: 'failed', reason: decide(codeOf(e)), status: null };
      }
      return { kind: 'failed', reason: decide('WRITE_ONLY'), status: null };
    }
    let before: PrinterStatus;
    try {
      before = await queryStatus(t, o.statusTimeoutMs, { recover: false });
    } catch (e) {
      return { kind: 'not-ready', reason: waiting(codeOf(e)), status: null };
    }
    const why = notReady(before);
    if (why) return { kind: 'not-ready', reason: waiting(why), status: before };
    if (!o.beforeSend()) return { kind: 'gone' };
    return await sendAndCheck(t, o);
  } finally {
    o.onLink?.(null);
    await t?.close().catch(() => undefined);
  }
}

async function sendAndCheck(t: Transport, o: AttemptOptions): Promise<AttemptOutcome> {
  let confirmed: { paperNearEnd: boolean };
  try {
    confirmed = await sendJob(t, o.bytes, {
      confirmTimeoutMs: o.confirmTimeoutMs,
      watchStatusMs: o.watchStatusMs,
    });
  } catch (e) {
    // Not confirmed: the job may have printed, wholly or in part. If the printer has stopped,
    // its buffers are cleared so the rest cannot come out later by itself.
    const code = codeOf(e);
    const status = code === 'DISCONNECTED' ? null : await statusOrNull(t, o.statusTimeoutMs);
    const stopped = status ? notReady(status) : null;
    if (stopped) await t.write(Uint8Array.of(0x10, 0x05, 0x02)).catch(() => undefined);
    return { kind: 'failed', reason: decide(stopped ?? code), status };
  }
  const after = await statusOrNull(t, o.statusTimeoutMs);
  if (!after || notReady(after)) {
    return { kind: 'failed', reason: decide('NOT_READY_AFTER'), status: after };
  }
  return {
    kind: 'printed',
    paperNearEnd: confirmed.paperNearEnd || after.paperNearEnd,
    status: after,
  };
}
