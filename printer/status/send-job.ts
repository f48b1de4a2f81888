import { PrinterError } from '../errors';
import { PAPER_STATUS_REQUEST } from '../escpos/commands';
import type { Transport } from '../transport/types';
import { isGsrReply } from './parse';
import { drain, readReply } from './query';

/**
 * Writes the job, then GS r 1. GS r runs in buffer order, so its reply means everything
 * before it was processed (escpos.md §2.4). Stale bytes are drained first so a late reply
 * from an earlier job cannot confirm this one.
 */
export async function sendJob(
  t: Transport,
  job: Uint8Array,
  opts?: { confirmTimeoutMs?: number },
): Promise<{ confirmed: true; paperNearEnd: boolean }> {
  const timeoutMs = opts?.confirmTimeoutMs ?? 10_000;
  await drain(t);
  await t.write(job);
  await t.write(Uint8Array.from(PAPER_STATUS_REQUEST));
  let reply: number;
  try {
    reply = await readReply(t, isGsrReply, Date.now() + timeoutMs);
  } catch (e) {
    if (e instanceof PrinterError && e.code === 'TIMEOUT') {
      throw new PrinterError(
        'NOT_CONFIRMED',
        `printer did not confirm the job within ${timeoutMs} ms`,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
  if ((reply & 0x0c) !== 0) {
    throw new PrinterError(
      'PAPER_END',
      `printer reports paper end (GS r 1 = 0x${reply.toString(16)})`,
    );
  }
  return { confirmed: true, paperNearEnd: (reply & 0x03) !== 0 };
}
