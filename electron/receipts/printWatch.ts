import { hostname } from 'node:os';
import type { EventBus } from '../api/events';
import { DECIDE_PRINT_TEXT } from '../../shared/printing';
import type { Repos } from '../store';
import type { LeasedRow } from '../store/printJobs';
import { iso, type Clock } from '../services/clock';
import type { PrintQueue } from './printQueue';

export interface PrintWatchDeps {
  repos: Pick<Repos, 'printJobs'>;
  queue: PrintQueue;
  clock: Clock;
  events: EventBus;
  /** Whether the process behind a lease owner is alive; default: ask the OS (same host). */
  ownerAlive?: (owner: string) => boolean;
}

/**
 * A lease owner is `till:<host>:<pid>:<nonce>` (printQueue.ts). On this host a pid that no
 * longer exists is a dead owner at once; anything else (another host, a pid that is alive,
 * perhaps reused) counts as alive until its lease expires.
 */
export function processAlive(owner: string): boolean {
  const m = /^till:(.+):(\d+):[^:]+$/.exec(owner);
  if (!m) return false;
  if (m[1] !== hostname()) return true;
  const pid = Number(m[2]);
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Picks up what a dead till left in the queue, and only that: it never touches a job whose
 * owner is alive (this process's queue above all). A job its dead owner was SENDING may have
 * printed in part: INTERRUPTED, for a person to decide. QUEUED and WAITING jobs had not gone
 * out: this till's queue adopts them and sends them in their turn.
 */
export function createPrintWatch(deps: PrintWatchDeps) {
  const { repos, queue, clock } = deps;
  const alive = deps.ownerAlive ?? processAlive;
  let timer: NodeJS.Timeout | null = null;

  const dead = (j: LeasedRow): boolean =>
    j.leaseOwner !== null &&
    j.leaseOwner !== queue.owner &&
    ((j.leaseUntil ?? '') < iso(clock.now()) || !alive(j.leaseOwner));

  /** One pass; returns how many jobs it interrupted and adopted. */
  function once(): { interrupted: number; adopted: number } {
    let interrupted = 0;
    let adopted = 0;
    for (const j of repos.printJobs.foreign(queue.owner)) {
      if (!dead(j)) continue;
      if (j.state === 'SENDING') {
        const moved = repos.printJobs.move(j.jobId, 'SENDING', 'INTERRUPTED', j.leaseOwner, {
          at: iso(clock.now()),
          owner: queue.owner,
          reason: { code: 'INTERRUPTED', text: DECIDE_PRINT_TEXT.INTERRUPTED as string },
        });
        if (moved) {
          interrupted++;
          deps.events.emit('print.updated', moved);
        }
      } else if (j.leaseOwner && queue.adopt(j.jobId, j.leaseOwner)) adopted++;
    }
    if (interrupted + adopted > 0) deps.events.emit('print.summary', queue.summary());
    return { interrupted, adopted };
  }

  return {
    once,
    start(intervalMs = 5_000): void {
      once();
      timer = setInterval(() => once(), intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
