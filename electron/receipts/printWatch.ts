import type { EventBus } from '../api/events';
import { RESUMABLE_PRINT_FAILURES } from '../../shared/printing';
import { queryStatus, type Transport } from '../../printer';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import type { PrintQueue } from './printQueue';

/** See shared/printing.ts: resent once the printer is ready; anything else is the cashier's call. */
export const RESUMABLE = new Set(RESUMABLE_PRINT_FAILURES);

export interface PrintWatchDeps {
  repos: Pick<Repos, 'printJobs'>;
  queue: PrintQueue;
  printerUri: () => string;
  openTransport: (uri: string) => Transport;
  clock: Clock;
  events: EventBus;
  statusTimeoutMs?: number;
}

export function createPrintWatch(deps: PrintWatchDeps) {
  const { repos, queue, clock } = deps;
  let timer: NodeJS.Timeout | null = null;
  let busy = false;

  async function ready(): Promise<boolean> {
    let t: Transport | null = null;
    try {
      // Inside the try: opening can throw at once (no printer configured, bad URI).
      t = deps.openTransport(deps.printerUri());
      await t.open();
      const s = await queryStatus(t, deps.statusTimeoutMs ?? 1500, { recover: false });
      return s.online && !s.paperEnd && !s.coverOpen && !s.unrecoverableError;
    } catch {
      return false;
    } finally {
      await t?.close().catch(() => undefined);
    }
  }

  /** One pass: jobs left by a crash, then failed jobs that can resume once the printer is ready. */
  let startUp = true;
  async function once(): Promise<number> {
    if (busy) return 0;
    busy = true;
    // Only the first pass finds jobs a crash left behind; later, a SENDING or QUEUED job is
    // one the queue is working on right now (a slow printer's confirmation), not a leftover.
    const leftovers = startUp ? repos.printJobs.unfinished() : [];
    startUp = false;
    try {
      let resent = 0;
      for (const job of leftovers) {
        if (job.state === 'SENDING') {
          const interrupted = repos.printJobs.setState(job.jobId, 'FAILED', iso(clock.now()), {
            code: 'INTERRUPTED',
            text: '打印过程中收银机重启，小票可能已打印一部分：请查看打印机后决定是否重打。',
          });
          deps.events.emit('print.updated', interrupted);
        } else {
          await queue.retry(job.jobId);
          resent++;
        }
      }
      const waiting = repos.printJobs.failedResumable([...RESUMABLE]);
      if (waiting.length > 0 && (await ready())) {
        for (const job of waiting) {
          await queue.retry(job.jobId);
          resent++;
        }
      }
      return resent;
    } finally {
      busy = false;
    }
  }

  return {
    once,
    start(intervalMs = 2_000): void {
      void once();
      timer = setInterval(() => void once(), intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
