import { PrinterError } from '../errors';
import { PAPER_STATUS_REQUEST } from '../escpos/commands';
import type { Transport } from '../transport/types';
import { awaitConfirmation } from './confirm';
import { drain } from './query';

export interface ConfirmedJob {
  confirmed: true;
  paperNearEnd: boolean;
}

/** The bytes were handed to a write-only link; nobody knows whether paper came out. */
export interface UnconfirmedJob {
  confirmed: false;
  written: true;
  reason: 'write-only';
}

export interface SendJobOptions {
  confirmTimeoutMs?: number;
  /**
   * On a write-only link (file:, unidirectional USB) a job can never be confirmed. By
   * default that is NOT_CONFIRMED after the bytes are written, so a caller that treats
   * "resolved" as PRINTED stays honest; with `true` it resolves an UnconfirmedJob instead.
   */
  allowUnconfirmed?: boolean;
  /**
   * While waiting for GS r, ask DLE EOT 1–4 this often, so a printer that stops mid-job is
   * known at once (the error then has the stop's code). Off by default.
   */
  watchStatusMs?: number;
}

export function sendJob(
  t: Transport,
  job: Uint8Array,
  opts?: SendJobOptions & { allowUnconfirmed?: false },
): Promise<ConfirmedJob>;
export function sendJob(
  t: Transport,
  job: Uint8Array,
  opts: SendJobOptions,
): Promise<ConfirmedJob | UnconfirmedJob>;

/**
 * Writes the job, then GS r 1. GS r runs in buffer order, so its reply means everything
 * before it was processed (escpos.md §2.4). Stale bytes are drained first so a late reply
 * from an earlier job cannot confirm this one.
 */
export async function sendJob(
  t: Transport,
  job: Uint8Array,
  opts?: SendJobOptions,
): Promise<ConfirmedJob | UnconfirmedJob> {
  if (t.canRead === false) {
    await t.write(job);
    if (opts?.allowUnconfirmed) return { confirmed: false, written: true, reason: 'write-only' };
    throw new PrinterError(
      'NOT_CONFIRMED',
      `job written to write-only ${t.uri}; the printer cannot confirm it`,
    );
  }
  const timeoutMs = opts?.confirmTimeoutMs ?? 10_000;
  await drain(t);
  await t.write(job);
  await t.write(Uint8Array.from(PAPER_STATUS_REQUEST));
  const reply = await awaitConfirmation(t, timeoutMs, opts?.watchStatusMs);
  if ((reply & 0x0c) !== 0) {
    throw new PrinterError(
      'PAPER_END',
      `printer reports paper end (GS r 1 = 0x${reply.toString(16)})`,
    );
  }
  return { confirmed: true, paperNearEnd: (reply & 0x03) !== 0 };
}
