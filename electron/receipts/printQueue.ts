import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Transport } from '../../printer';
import type { PrintJob, PrintState } from '../../shared/domain';
import { TillError } from '../../shared/errors';
import type { EventBus } from '../api/events';
import type { Repos } from '../store';
import type { Move, Reason } from '../store/printJobs';
import { iso, type Clock } from '../services/clock';
import { newId } from '../services/ids';
import { attemptPrint, type AttemptOutcome } from './printAttempt';
import { createPrinterLane, type PrinterLane } from './printerLane';
import { createHealth } from './printerHealth';
import { createPrintNotify } from './printNotify';

export interface PrintQueueDeps {
  repos: Pick<Repos, 'printJobs'>;
  /** The configured printer, read at each send: a technician can change it while the till runs. */
  printerUri: () => string;
  openTransport: (uri: string) => Transport;
  clock: Clock;
  events: EventBus;
  /** Shared with the cash drawer: one turn at the printer at a time. */
  lane?: PrinterLane;
  /** This queue's lease owner id; default host:pid:random. */
  owner?: string;
  leaseMs?: number;
  /** How often a printer that was not ready is asked again while jobs wait for it. */
  readyPollMs?: number;
  /** How often an idle printer is asked for its status (header); 0: never. */
  healthMs?: number;
  confirmTimeoutMs?: number;
  statusTimeoutMs?: number;
  onError?: (err: unknown) => void;
}

export const newOwnerId = (): string =>
  `till:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * The one owner of this till's print jobs. Each job is leased to this queue from the instant it
 * is written (owner + expiry, renewed while the till runs), sent in queue order one at a time,
 * with status asked before and after (printAttempt.ts). A printer that is not ready gets
 * nothing: its jobs WAIT, and are sent once it reports ready. Nothing else touches a job this
 * queue holds; the print watch only picks up jobs whose owner died.
 */
export function createPrintQueue(deps: PrintQueueDeps) {
  const { repos, clock, events } = deps;
  const owner = deps.owner ?? newOwnerId();
  const lane = deps.lane ?? createPrinterLane();
  const leaseMs = deps.leaseMs ?? 30_000;
  const readyPollMs = deps.readyPollMs ?? 2_000;
  const onError = deps.onError ?? (() => undefined);
  const health = createHealth({
    printerUri: deps.printerUri,
    openTransport: deps.openTransport,
    clock,
    statusTimeoutMs: deps.statusTimeoutMs ?? 1_500,
    onChange: () => notify.emitSummary(),
  });
  const notify = createPrintNotify({ repos, events, printer: () => health.current() });
  const { announce, settled, summary } = notify;
  let pumping = false;
  let again = false;
  let lastCheck = { at: -Infinity, ready: false };
  let pollTimer: NodeJS.Timeout | null = null;
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const now = () => iso(clock.now());
  const until = () => iso(clock.now() + leaseMs);

  /** A move by this queue; null when the job had already moved on (never overwritten). */
  function move(job: PrintJob, to: PrintState, m: Partial<Move> = {}): PrintJob | null {
    const heldBy = job.state === 'FAILED' || job.state === 'INTERRUPTED' ? null : owner;
    const moved = repos.printJobs.move(job.jobId, job.state, to, heldBy, {
      at: now(),
      owner,
      leaseUntil: until(),
      ...m,
    });
    return moved ? announce(moved) : null;
  }
  function waitingDue(): boolean {
    return lastCheck.ready || clock.now() - lastCheck.at >= readyPollMs;
  }
  function schedulePoll(): void {
    if (pollTimer || stopped) return;
    const wait = Math.max(10, readyPollMs - (clock.now() - lastCheck.at));
    pollTimer = setTimeout(() => {
      pollTimer = null;
      kick();
    }, wait);
    pollTimer.unref();
  }

  /** Turns an attempt's outcome into the job's next state; true if the printer was not ready. */
  function settle(job: PrintJob, sending: PrintJob | null, r: AttemptOutcome): boolean {
    lastCheck = { at: clock.now(), ready: r.kind === 'printed' };
    health.fromAttempt(r);
    switch (r.kind) {
      case 'gone':
        return false;
      case 'not-ready':
        if (job.state === 'QUEUED') move(job, 'WAITING', { reason: r.reason });
        else {
          const j = repos.printJobs.setWaitingReason(job.jobId, owner, r.reason, now());
          if (j && j.reasonCode !== job.reasonCode) announce(j);
        }
        return true;
      case 'printed':
        if (sending) move(sending, 'PRINTED', { reason: null });
        return false;
      case 'failed':
        if (sending) move(sending, 'FAILED', { reason: r.reason });
        return false;
    }
  }

  async function attempt(job: PrintJob): Promise<boolean> {
    const bytes = repos.printJobs.bytes(job.jobId);
    const uri = deps.printerUri();
    let sending: PrintJob | null = null;
    const r = await attemptPrint({
      open: () => deps.openTransport(uri),
      bytes: bytes ?? new Uint8Array(),
      statusTimeoutMs: deps.statusTimeoutMs ?? 1_500,
      confirmTimeoutMs: deps.confirmTimeoutMs ?? 15_000,
      watchStatusMs: 500,
      onLink: (t) => {
        lane.active = t;
      },
      beforeSend: () => {
        sending = move(job, 'SENDING', { attempt: true, printer: uri, reason: null });
        return sending !== null;
      },
    });
    return settle(job, sending, r);
  }

  /** The rest of the queue waits behind a printer that is not ready: say so, send nothing. */
  function holdRest(reason: Reason | null): void {
    for (const j of repos.printJobs.owned(owner)) {
      if (j.state === 'QUEUED') move(j, 'WAITING', { reason });
    }
  }

  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped) {
          const job = repos.printJobs.next(owner);
          if (!job) break;
          if (job.state === 'WAITING' && !waitingDue()) {
            holdRest({ code: job.reasonCode ?? 'OFFLINE', text: job.reasonText ?? '' });
            schedulePoll();
            break;
          }
          let notReady: boolean;
          try {
            const turn = lane.run(() => attempt(job));
            inFlight = turn.catch(() => undefined);
            notReady = await turn;
          } catch (err) {
            onError(err);
            // A bug or a store error must not spin: the job waits and is tried again later.
            if (job.state === 'QUEUED')
              move(job, 'WAITING', { reason: { code: 'IO', text: String(err) } });
            notReady = true;
          }
          if (notReady) {
            const j = repos.printJobs.get(job.jobId);
            holdRest(j ? { code: j.reasonCode ?? 'OFFLINE', text: j.reasonText ?? '' } : null);
            schedulePoll();
            break;
          }
        }
      } while (again && !stopped);
    } finally {
      pumping = false;
    }
  }

  /** After the current tick: a drawer kick asked for in the same tick gets the printer first. */
  function kick(): void {
    if (!stopped) setImmediate(() => void pump().catch(onError));
  }

  /** Writes a job (QUEUED, leased to this queue) without sending it: for a caller's transaction. */
  function create(orderId: string | null, kind: string, bytes: Uint8Array): PrintJob {
    const at = now();
    return repos.printJobs.insert({
      id: newId('job'),
      orderId,
      kind,
      printer: deps.printerUri(),
      bytes,
      at,
      owner,
      leaseUntil: until(),
    });
  }

  return {
    owner,
    lane,
    printer: deps.printerUri,
    create,
    /** Announces jobs written by create() and starts sending. */
    kick(jobs: PrintJob[] = []): void {
      for (const j of jobs) announce(j);
      kick();
    },
    enqueue(
      orderId: string | null,
      kind: string,
      bytes: Uint8Array,
    ): { job: PrintJob; done: Promise<PrintJob> } {
      const job = announce(create(orderId, kind, bytes));
      const done = settled(job.jobId);
      kick();
      return { job, done };
    },
    /** Resolves once the job is out of QUEUED/SENDING (printed, waiting, failed, cancelled). */
    settled,
    /**
     * A person looked at the printer: a FAILED or INTERRUPTED job goes to the back of the queue;
     * a WAITING one is checked now. Anything else is already on its way or done.
     */
    retry(jobId: string): Promise<PrintJob> {
      const job = repos.printJobs.get(jobId);
      if (!job) throw new TillError('NOT_FOUND', 'jobId');
      if (job.state === 'WAITING') {
        lastCheck = { at: -Infinity, ready: false };
        kick();
        return Promise.resolve(job);
      }
      if (job.state !== 'FAILED' && job.state !== 'INTERRUPTED') return Promise.resolve(job);
      const queued = move(job, 'QUEUED', { reason: null });
      if (!queued) return Promise.resolve(repos.printJobs.get(jobId) as PrintJob);
      const done = settled(jobId);
      kick();
      return done;
    },
    /** Withdraws a job that is not at the printer right now; the reason is kept on the job. */
    cancel(jobId: string, reason: string): PrintJob {
      const job = repos.printJobs.get(jobId);
      if (!job) throw new TillError('NOT_FOUND', 'jobId');
      if (job.state === 'PRINTED' || job.state === 'CANCELLED' || job.state === 'SENDING')
        throw new TillError('BAD_REQUEST', 'jobId', `job is ${job.state}`);
      const cancelled = move(job, 'CANCELLED', { reason: { code: 'CANCELLED', text: reason } });
      if (!cancelled) throw new TillError('BAD_REQUEST', 'jobId', 'job moved on');
      return cancelled;
    },
    /** Takes over a job whose owner died (print watch), and sends it in its turn. */
    adopt(jobId: string, from: string): boolean {
      const ok = repos.printJobs.adopt(jobId, from, owner, until());
      if (ok) kick();
      return ok;
    },
    summary,
    /** The printer changed (a technician's new URI): waiting jobs are tried there at once. */
    recheck(): void {
      lastCheck = { at: -Infinity, ready: false };
      kick();
      void lane.run(() => health.check()).catch(onError);
    },
    health: () => health.current(),
    /** Asks the printer now (start-up, the technician's refresh); the header follows. */
    checkPrinter: () => lane.run(() => health.check()),
    start(): void {
      stopped = false;
      const renew = setInterval(
        () => {
          try {
            repos.printJobs.renew(owner, until());
          } catch (err) {
            onError(err);
          }
        },
        Math.max(50, Math.floor(leaseMs / 3)),
      );
      renew.unref();
      timers.push(renew);
      const healthMs = deps.healthMs ?? 15_000;
      if (healthMs > 0) {
        const t = setInterval(() => {
          if (!lane.busy && !pumping) void lane.run(() => health.check()).catch(onError);
        }, healthMs);
        t.unref();
        timers.push(t);
      }
      kick();
    },
    stop(): void {
      stopped = true;
      for (const t of timers.splice(0)) clearInterval(t);
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
    },
    /** Resolves once the job at the printer (if any) has finished: for shutdown and tests. */
    idle: (): Promise<unknown> => inFlight,
  };
}
export type PrintQueue = ReturnType<typeof createPrintQueue>;
