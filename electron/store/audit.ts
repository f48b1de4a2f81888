import type { AuditRow } from '../../shared/api/audit';
import { GENESIS, rowHash, verifyChain, type StoredAuditRow } from './auditChain';
import type { Db } from './db';

/** What the call in progress adds to every row it writes: the approving supervisor. */
export interface AuditContext {
  approver: string | null;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  /** The values a change replaced and the ones it set (qty, printer, settings…). */
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  /** ISO instants, inclusive from, exclusive to. */
  fromAt?: string;
  toAt?: string;
  beforeId?: number;
  limit: number;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const parse = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

/**
 * Append-only record of who did what; never holds payment codes, PINs or keys. Each row is
 * sealed into a hash chain (auditChain.ts) inside the caller's transaction, so a change and
 * the row that records it commit together. The row's role is the actor's role at that moment.
 */
export function createAuditRepo(db: Db, context: () => AuditContext | null = () => null) {
  const q = {
    last: db.prepare<[], { id: number; hash: string | null }>(
      'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
    ),
    issued: db
      .prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
      .pluck(),
    role: db.prepare<[string], string>('SELECT role FROM users WHERE id = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO audit_log (id, at, actor, role, approver, action, subject, before, after, detail, prev_hash, hash)
       VALUES (@id, @at, @actor, @role, @approver, @action, @subject, @before, @after, @detail, @prev_hash, @hash)`,
    ),
    recent: db.prepare<
      [number],
      { at: string; actor: string; action: string; subject: string | null; detail: string | null }
    >('SELECT at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?'),
  };

  const legacyMax =
    (db.prepare('SELECT legacy_max_id FROM audit_chain WHERE id = 1').pluck().get() as
      number | undefined) ?? 0;

  const write = db.transaction((e: AuditEntry): StoredAuditRow => {
    const last = q.last.get();
    const id = Math.max(last?.id ?? 0, q.issued.get() ?? 0) + 1;
    const row = {
      id,
      at: e.at,
      actor: e.actor,
      role: e.actor === 'system' ? 'system' : (q.role.get(e.actor) ?? null),
      approver: context()?.approver ?? null,
      action: e.action,
      subject: e.subject,
      before: json(e.before),
      after: json(e.after),
      detail: json(e.detail),
    };
    // A row someone slipped in unsealed still gets linked past, so verify names it.
    const prev = !last || last.id <= legacyMax ? GENESIS : (last.hash ?? `unsealed#${last.id}`);
    const sealed = { ...row, prev_hash: prev, hash: rowHash(prev, row) };
    q.insert.run(sealed);
    return sealed;
  });

  function list(f: AuditQuery): { rows: AuditRow[]; hasMore: boolean } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, value: string | number | undefined) => {
      if (value === undefined || value === '') return;
      where.push(sql);
      args.push(value);
    };
    add('a.actor = ?', f.actor);
    // An action family ("refund") finds refund.request, refund.done…
    add("(a.action = ? OR a.action LIKE ? || '.%')", f.action);
    if (f.action) args.push(f.action);
    add('a.at >= ?', f.fromAt);
    add('a.at < ?', f.toAt);
    add('a.id < ?', f.beforeId);
    const rows = db
      .prepare<unknown[], StoredAuditRow & { actor_name: string | null }>(
        `SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`,
      )
      .all(...args, f.limit + 1);
    return {
      hasMore: rows.length > f.limit,
      rows: rows.slice(0, f.limit).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        actorName: r.actor_name,
        role: r.role,
        approver: r.approver,
        action: r.action,
        subject: r.subject,
        before: parse(r.before),
        after: parse(r.after),
        detail: parse(r.detail),
      })),
    };
  }

  return {
    /** The call every service uses; role and approver are filled in from the store and the call. */
    record(
      at: string,
      actor: string,
      action: string,
      subject: string | null,
      detail?: unknown,
    ): void {
      write({ at, actor, action, subject, detail });
    },
    write,
    list,
    recent: (limit = 50) => q.recent.all(limit),
    verify: () => verifyChain(db),
    head: (): { id: number; hash: string } | null => {
      const last = q.last.get();
      return last?.hash ? { id: last.id, hash: last.hash } : null;
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
