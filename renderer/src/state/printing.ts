import type { PrintJob } from '../../../shared/domain';
import { RESUMABLE_PRINT_FAILURES } from '../../../shared/printing';

/** The host resends these by itself once the printer is ready (shared/printing.ts). */
export const RESUMABLE_CODES: readonly string[] = RESUMABLE_PRINT_FAILURES;

export const isFailed = (job: PrintJob | null): job is PrintJob => job?.state === 'FAILED';

/** FAILED, and the host will print it on its own as soon as the printer is ready. */
export const willResume = (job: PrintJob | null): boolean =>
  isFailed(job) && job.reasonCode !== null && RESUMABLE_CODES.includes(job.reasonCode);

/** QUEUED or SENDING: the answer is still coming. */
export const isPrinting = (job: PrintJob | null): boolean =>
  job?.state === 'QUEUED' || job?.state === 'SENDING';

const RANK: Record<PrintJob['state'], number> = { QUEUED: 0, SENDING: 1, PRINTED: 2, FAILED: 2 };

/** Events and polled answers race; keep whichever says more about the same job. */
export const newer = (current: PrintJob | null, incoming: PrintJob | null): PrintJob | null => {
  if (!incoming) return current;
  if (!current || current.jobId !== incoming.jobId) return incoming;
  if (incoming.updatedAt !== current.updatedAt) {
    return incoming.updatedAt > current.updatedAt ? incoming : current;
  }
  return RANK[incoming.state] >= RANK[current.state] ? incoming : current;
};
