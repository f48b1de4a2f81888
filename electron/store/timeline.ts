import type { Db } from './db';

export interface TimelineRow {
  at: string;
  actor: string;
  step: string;
  outcome: string;
  detail: unknown;
  caseId: string | null;
}

/** What happened to an order in the recovery flow, step by step, for the supervisor (006). */
export function createTimelineRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO order_timeline (order_id, case_id, at, actor, step, outcome, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byOrder = db.prepare<
    [string],
    {
      at: string;
      actor: string;
      step: string;
      outcome: string;
      detail: string | null;
      case_id: string | null;
    }
  >(
    `SELECT at, actor, step, outcome, detail, case_id FROM order_timeline WHERE order_id = ?
     ORDER BY id`,
  );
  // Read-only views of other tables for the timeline (columns every version of them has).
  const auditQ = db.prepare<
    [string],
    { at: string; actor: string; action: string; subject: string | null; detail: string | null }
  >(
    `SELECT at, actor, action, subject, detail FROM audit_log
     WHERE subject IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  const jobsQ = db.prepare<
    [string],
    {
      kind: string;
      state: string;
      reason_code: string | null;
      created_at: string;
      updated_at: string;
    }
  >(
    `SELECT kind, state, reason_code, created_at, updated_at FROM print_jobs WHERE order_id = ?
     ORDER BY created_at, rowid`,
  );
  return {
    /** Audit rows about any of these subjects (an order, its payments, its cases). */
    auditFor: (subjects: string[]) => auditQ.all(JSON.stringify(subjects)),
    printJobsFor: (orderId: string) => jobsQ.all(orderId),
    record(e: {
      orderId: string | null;
      caseId?: string | null;
      at: string;
      actor: string;
      step: string;
      outcome: string;
      detail?: unknown;
    }): void {
      insert.run(
        e.orderId,
        e.caseId ?? null,
        e.at,
        e.actor,
        e.step,
        e.outcome,
        e.detail === undefined ? null : JSON.stringify(e.detail),
      );
    },
    forOrder: (orderId: string): TimelineRow[] =>
      byOrder.all(orderId).map((r) => ({
        at: r.at,
        actor: r.actor,
        step: r.step,
        outcome: r.outcome,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
        caseId: r.case_id,
      })),
  };
}
export type TimelineRepo = ReturnType<typeof createTimelineRepo>;
