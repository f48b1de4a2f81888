import type { PrintJob, PrintState } from '../../shared/domain';
import { canMove, isPendingPrint } from '../../shared/printing';
import type { Db } from './db';

interface Row {
  id: string;
  order_id: string | null;
  kind: string;
  printer: string;
  state: PrintState;
  reason_code: string | null;
  reason_text: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}
export interface LeasedRow extends PrintJob {
  leaseOwner: string | null;
  leaseUntil: string | null;
}

const toJob = (r: Row): PrintJob => ({
  jobId: r.id,
  orderId: r.order_id,
  kind: r.kind,
  printer: r.printer,
  state: r.state,
  reasonCode: r.reason_code,
  reasonText: r.reason_text,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface Reason {
  code: string;
  text: string;
}

export interface Move {
  at: string;
  /** The queue making the move: it must hold the lease of a job it moves out of the queue. */
  owner: string;
  /** Lease expiry for a job that stays in (or enters) the queue. */
  leaseUntil?: string;
  reason?: Reason | null;
  /** Counts a send (→ SENDING). */
  attempt?: boolean;
  /** The printer the bytes go to (→ SENDING). */
  printer?: string;
}

const COLS =
  'id, order_id, kind, printer, state, reason_code, reason_text, attempts, created_at, updated_at';

/**
 * Print jobs keep their bytes, so a retry or a reprint sends exactly what was laid out. Every
 * state change is a checked move (shared/printing.ts; the store's trigger checks it again),
 * made only if the job is still in the state and with the owner the caller saw: a stale
 * caller can never overwrite what another step already decided.
 */
export function createPrintJobsRepo(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, lease_owner, lease_until,
         queued_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[string], Row>(`SELECT ${COLS} FROM print_jobs WHERE id = ?`),
    leased: db.prepare<[string], Row & { lease_owner: string | null; lease_until: string | null }>(
      `SELECT ${COLS}, lease_owner, lease_until FROM print_jobs WHERE id = ?`,
    ),
    bytes: db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM print_jobs WHERE id = ?'),
    forOrder: db.prepare<[string], Row>(
      `SELECT ${COLS} FROM print_jobs WHERE order_id = ? ORDER BY created_at, rowid`,
    ),
    original: db.prepare<[string], Row>(
      `SELECT ${COLS} FROM print_jobs WHERE order_id = ? AND kind = 'receipt'`,
    ),
    latest: db.prepare<[], Row>(
      `SELECT ${COLS} FROM print_jobs ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    next: db.prepare<[string], Row>(
      `SELECT ${COLS} FROM print_jobs WHERE state IN ('QUEUED','WAITING') AND lease_owner = ?
       ORDER BY queued_at, rowid LIMIT 1`,
    ),
    owned: db.prepare<[string], Row>(
      `SELECT ${COLS} FROM print_jobs WHERE state IN ('QUEUED','WAITING') AND lease_owner = ?
       ORDER BY queued_at, rowid`,
    ),
    foreign: db.prepare<[string], Row & { lease_owner: string; lease_until: string }>(
      `SELECT ${COLS}, lease_owner, lease_until FROM print_jobs
       WHERE state IN ('QUEUED','SENDING','WAITING') AND lease_owner <> ? ORDER BY queued_at, rowid`,
    ),
    move: db.prepare(
      `UPDATE print_jobs SET state = @to, reason_code = @code, reason_text = @text,
         updated_at = @at, attempts = attempts + @attempt, lease_owner = @newOwner,
         lease_until = @until, queued_at = CASE WHEN @to = 'QUEUED' THEN @at ELSE queued_at END,
         printer = COALESCE(@printer, printer)
       WHERE id = @id AND state = @from AND lease_owner IS @oldOwner`,
    ),
    reason: db.prepare(
      `UPDATE print_jobs SET reason_code = ?, reason_text = ?, updated_at = ?
       WHERE id = ? AND state = 'WAITING' AND lease_owner = ?`,
    ),
    renew: db.prepare(
      `UPDATE print_jobs SET lease_until = ? WHERE lease_owner = ?
       AND state IN ('QUEUED','SENDING','WAITING')`,
    ),
    adopt: db.prepare(
      `UPDATE print_jobs SET lease_owner = ?, lease_until = ?
       WHERE id = ? AND lease_owner = ? AND state IN ('QUEUED','WAITING')`,
    ),
    withoutOriginal: db.prepare<[], { id: string }>(
      `SELECT o.id FROM orders o WHERE o.status = 'PAID' AND NOT EXISTS
         (SELECT 1 FROM print_jobs j WHERE j.order_id = o.id AND j.kind = 'receipt')
       ORDER BY o.paid_at, o.id`,
    ),
    counts: db.prepare<[], { state: PrintState; n: number }>(
      `SELECT state, COUNT(*) AS n FROM print_jobs
       WHERE state IN ('QUEUED','SENDING','WAITING','FAILED','INTERRUPTED') GROUP BY state`,
    ),
    open: db.prepare<[], Row>(
      `SELECT ${COLS} FROM print_jobs
       WHERE state IN ('QUEUED','SENDING','WAITING','FAILED','INTERRUPTED') ORDER BY queued_at, rowid`,
    ),
    recent: db.prepare<[number], Row>(
      `SELECT ${COLS} FROM print_jobs WHERE state IN ('PRINTED','CANCELLED')
       ORDER BY updated_at DESC, rowid DESC LIMIT ?`,
    ),
  };
  const get = (id: string): PrintJob | null => {
    const r = q.get.get(id);
    return r ? toJob(r) : null;
  };

  return {
    /** A new job, QUEUED and owned by `owner` from its first instant. */
    insert(job: {
      id: string;
      orderId: string | null;
      kind: string;
      printer: string;
      bytes: Uint8Array;
      at: string;
      owner: string;
      leaseUntil: string;
    }): PrintJob {
      q.insert.run(
        job.id,
        job.orderId,
        job.kind,
        job.printer,
        Buffer.from(job.bytes),
        job.owner,
        job.leaseUntil,
        job.at,
        job.at,
        job.at,
      );
      return get(job.id) as PrintJob;
    },
    get,
    leased(id: string): LeasedRow | null {
      const r = q.leased.get(id);
      return r ? { ...toJob(r), leaseOwner: r.lease_owner, leaseUntil: r.lease_until } : null;
    },
    bytes(id: string): Uint8Array | null {
      return q.bytes.get(id)?.bytes ?? null;
    },
    /** The order's jobs, oldest first: the original receipt, then its reprints. */
    forOrder: (orderId: string): PrintJob[] => q.forOrder.all(orderId).map(toJob),
    original(orderId: string): PrintJob | null {
      const r = q.original.get(orderId);
      return r ? toJob(r) : null;
    },
    latestForOrder(orderId: string): PrintJob | null {
      const r = q.forOrder.all(orderId).at(-1);
      return r ? toJob(r) : null;
    },
    latest(): PrintJob | null {
      const r = q.latest.get();
      return r ? toJob(r) : null;
    },
    /** The owner's next job in queue order (QUEUED or WAITING). */
    next(owner: string): PrintJob | null {
      const r = q.next.get(owner);
      return r ? toJob(r) : null;
    },
    owned: (owner: string): PrintJob[] => q.owned.all(owner).map(toJob),
    /** Jobs in the queue that someone else holds (a process that may have died). */
    foreign: (owner: string): LeasedRow[] =>
      q.foreign
        .all(owner)
        .map((r) => ({ ...toJob(r), leaseOwner: r.lease_owner, leaseUntil: r.lease_until })),
    /**
     * from → to, only if the job is still `from` and held by `heldBy` (null: nobody holds it,
     * as for FAILED/INTERRUPTED). Returns the job after the move, or null when it had moved on.
     */
    move(
      id: string,
      from: PrintState,
      to: PrintState,
      heldBy: string | null,
      m: Move,
    ): PrintJob | null {
      if (!canMove(from, to)) throw new Error(`print job ${id}: ${from} → ${to} is not allowed`);
      const stays = isPendingPrint(to);
      if (stays && !m.leaseUntil) throw new Error(`print job ${id}: ${to} needs a lease`);
      const changed = q.move.run({
        id,
        from,
        to,
        oldOwner: heldBy,
        newOwner: stays ? m.owner : null,
        until: stays ? (m.leaseUntil ?? null) : null,
        code: m.reason?.code ?? null,
        text: m.reason?.text ?? null,
        at: m.at,
        attempt: m.attempt ? 1 : 0,
        printer: m.printer ?? null,
      }).changes;
      return changed === 1 ? get(id) : null;
    },
    /** A WAITING job's reason changed (cover closed, now out of paper): no state change. */
    setWaitingReason(id: string, owner: string, reason: Reason, at: string): PrintJob | null {
      return q.reason.run(reason.code, reason.text, at, id, owner).changes === 1 ? get(id) : null;
    },
    renew: (owner: string, until: string): number => q.renew.run(until, owner).changes,
    adopt: (id: string, from: string, owner: string, until: string): boolean =>
      q.adopt.run(owner, until, id, from).changes === 1,
    /** Paid orders a crash left without their original receipt job. */
    paidOrdersWithoutOriginal: (): string[] => q.withoutOriginal.all().map((r) => r.id),
    counts(): Partial<Record<PrintState, number>> {
      return Object.fromEntries(q.counts.all().map((r) => [r.state, r.n]));
    },
    /** The queue for the technician: every unfinished job, then the latest finished ones. */
    listForQueue(recentFinished = 20): PrintJob[] {
      return [...q.open.all().map(toJob), ...q.recent.all(recentFinished).map(toJob)];
    },
  };
}
export type PrintJobsRepo = ReturnType<typeof createPrintJobsRepo>;
