import type { PrintJob } from '../../../shared/domain';
import { needsDecision } from '../../../shared/printing';

/** FAILED or INTERRUPTED: it may have printed; a person looks at the printer and decides. */
export const isFailed = (job: PrintJob | null): job is PrintJob =>
  job !== null && needsDecision(job.state);

/** WAITING: nothing was sent; the host prints it by itself as soon as the printer is ready. */
export const willResume = (job: PrintJob | null): boolean => job?.state === 'WAITING';

/** QUEUED or SENDING: the answer is still coming. */
export const isPrinting = (job: PrintJob | null): boolean =>
  job?.state === 'QUEUED' || job?.state === 'SENDING';

const RANK: Record<PrintJob['state'], number> = {
  QUEUED: 0,
  WAITING: 1,
  SENDING: 2,
  PRINTED: 3,
  FAILED: 3,
  INTERRUPTED: 3,
  CANCELLED: 4,
};

/** Events and polled answers race; keep whichever says more about the same job. */
export const newer = (current: PrintJob | null, incoming: PrintJob | null): PrintJob | null => {
  if (!incoming) return current;
  if (!current || current.jobId !== incoming.jobId) return incoming;
  if (incoming.updatedAt !== current.updatedAt) {
    return incoming.updatedAt > current.updatedAt ? incoming : current;
  }
  return RANK[incoming.state] >= RANK[current.state] ? incoming : current;
};
