import type { Db } from './db';

/** Append-only record of who did what; never holds payment codes or keys. */
export function createAuditRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const recent = db.prepare<
    [number],
    { at: string; actor: string; action: string; subject: string | null; detail: string | null }
  >('SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?');
  return {
    record(
      at: string,
      actor: string,
      action: string,
      subject: string | null,
      detail?: unknown,
    ): void {
      insert.run(at, actor, action, subject, detail === undefined ? null : JSON.stringify(detail));
    },
    recent: (limit = 50) => recent.all(limit),
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
