import type { PrintJob, PrintState } from '../../shared/domain';
import type { Db } from './db';

interface Row {
  id: string;
  order_id: string | null;
  printer: string;
  state: PrintState;
  reason_code: string | null;
  reason_text: string | null;
  attempts: number;
  updated_at: string;
}

const toJob = (r: Row): PrintJob => ({
  jobId: r.id,
  orderId: r.order_id,
  printer: r.printer,
  state: r.state,
  reasonCode: r.reason_code,
  reasonText: r.reason_text,
  attempts: r.attempts,
  updatedAt: r.updated_at,
});

/** Print jobs keep their bytes, so a retry or a reprint sends exactly what was laid out. */
export function createPrintJobsRepo(db: Db) {
  const cols = 'id, order_id, printer, state, reason_code, reason_text, attempts, updated_at';
  const q = {
    insert: db.prepare(
      `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?)`,
    ),
    get: db.prepare<[string], Row>(`SELECT ${cols} FROM print_jobs WHERE id = ?`),
    bytes: db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM print_jobs WHERE id = ?'),
    latestForOrder: db.prepare<[string], Row>(
      `SELECT ${cols} FROM print_jobs WHERE order_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    failed: db.prepare<[string], Row>(
      `SELECT ${cols} FROM print_jobs WHERE state = 'FAILED' AND attempts < 50
       AND reason_code IN (SELECT value FROM json_each(?)) ORDER BY created_at`,
    ),
    latest: db.prepare<[], Row & { kind: string }>(
      `SELECT ${cols}, kind FROM print_jobs ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    unfinished: db.prepare<[], Row>(
      `SELECT ${cols} FROM print_jobs WHERE state IN ('QUEUED','SENDING')`,
    ),
    update: db.prepare(
      `UPDATE print_jobs SET state = ?, reason_code = ?, reason_text = ?, updated_at = ?,
       attempts = attempts + ? WHERE id = ?`,
    ),
  };
  return {
    insert(job: {
      id: string;
      orderId: string | null;
      kind: string;
      printer: string;
      bytes: Uint8Array;
      at: string;
    }) {
      q.insert.run(
        job.id,
        job.orderId,
        job.kind,
        job.printer,
        Buffer.from(job.bytes),
        job.at,
        job.at,
      );
    },
    get(id: string): PrintJob | null {
      const r = q.get.get(id);
      return r ? toJob(r) : null;
    },
    bytes(id: string): Uint8Array | null {
      return q.bytes.get(id)?.bytes ?? null;
    },
    latestForOrder(orderId: string): PrintJob | null {
      const r = q.latestForOrder.get(orderId);
      return r ? toJob(r) : null;
    },
    latest(): { job: PrintJob; kind: string } | null {
      const r = q.latest.get();
      return r ? { job: toJob(r), kind: r.kind } : null;
    },
    unfinished: (): PrintJob[] => q.unfinished.all().map(toJob),
    /** Failed jobs whose reason is one of `codes` (nothing printed), oldest first. */
    failedResumable: (codes: string[]): PrintJob[] =>
      q.failed.all(JSON.stringify(codes)).map(toJob),
    setState(
      id: string,
      state: PrintState,
      at: string,
      reason: { code: string; text: string } | null = null,
      countAttempt = false,
    ): PrintJob {
      q.update.run(state, reason?.code ?? null, reason?.text ?? null, at, countAttempt ? 1 : 0, id);
      return toJob(q.get.get(id) as Row);
    },
  };
}
export type PrintJobsRepo = ReturnType<typeof createPrintJobsRepo>;
