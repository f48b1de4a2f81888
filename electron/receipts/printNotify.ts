import type { PrintSummary } from '../../shared/api/print';
import type { PrintJob, PrintState } from '../../shared/domain';
import type { EventBus } from '../api/events';
import type { Repos } from '../store';

/** Out of QUEUED/SENDING: what a caller waiting for "the job's answer" is told about. */
const SETTLED: readonly PrintState[] = ['PRINTED', 'FAILED', 'INTERRUPTED', 'CANCELLED', 'WAITING'];

/**
 * What the print queue tells the rest of the till: each job's new state (print.updated), the
 * header's summary (print.summary), and callers waiting for a job to settle.
 */
export function createPrintNotify(d: {
  repos: Pick<Repos, 'printJobs'>;
  events: EventBus;
  printer: () => PrintSummary['printer'];
}) {
  const waiters = new Map<string, ((job: PrintJob) => void)[]>();

  function summary(): PrintSummary {
    const c = d.repos.printJobs.counts();
    return {
      printer: d.printer(),
      waiting: (c.QUEUED ?? 0) + (c.SENDING ?? 0) + (c.WAITING ?? 0),
      toDecide: (c.FAILED ?? 0) + (c.INTERRUPTED ?? 0),
    };
  }
  const emitSummary = (): void => d.events.emit('print.summary', summary());

  return {
    summary,
    emitSummary,
    announce(job: PrintJob): PrintJob {
      d.events.emit('print.updated', job);
      emitSummary();
      if (SETTLED.includes(job.state)) {
        for (const w of waiters.get(job.jobId) ?? []) w(job);
        waiters.delete(job.jobId);
      }
      return job;
    },
    /** Resolves once the job is out of QUEUED/SENDING (printed, waiting, failed, cancelled). */
    settled(jobId: string): Promise<PrintJob> {
      const job = d.repos.printJobs.get(jobId);
      if (job && job.state !== 'QUEUED' && job.state !== 'SENDING') return Promise.resolve(job);
      return new Promise((resolve) => waiters.set(jobId, [...(waiters.get(jobId) ?? []), resolve]));
    },
  };
}
