import { createHash } from 'node:crypto';
import type { AuditVerdict } from '../../shared/api/audit';
import type { Db } from './db';

/** One audit row as stored: JSON fields are kept as the exact text that was hashed. */
export interface StoredAuditRow {
  id: number;
  at: string;
  actor: string;
  role: string | null;
  approver: string | null;
  action: string;
  subject: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** The first chained row links to this instead of a previous row's hash. */
export const GENESIS = createHash('sha256').update('till audit chain v1').digest('hex');

/** Every field that says who did what, to what and when, in a fixed order. */
export function canonical(r: Omit<StoredAuditRow, 'prev_hash' | 'hash'>): string {
  return JSON.stringify([
    r.id,
    r.at,
    r.actor,
    r.role,
    r.approver,
    r.action,
    r.subject,
    r.before,
    r.after,
    r.detail,
  ]);
}

export const rowHash = (prev: string, r: Omit<StoredAuditRow, 'prev_hash' | 'hash'>): string =>
  createHash('sha256')
    .update(`${prev}\n${canonical(r)}`)
    .digest('hex');

const selfConsistent = (r: StoredAuditRow): boolean =>
  r.prev_hash !== null && r.hash !== null && rowHash(r.prev_hash, r) === r.hash;

/**
 * Walks the chain from its start. The first row that does not fit is named with what was done
 * to it: a row whose hash no longer matches its content was changed; a gap in the ids (or a
 * last id below what SQLite handed out) is a deletion; a row the till never sealed, or one the
 * chain skips over, was inserted. Someone who knows this algorithm and rewrites every later
 * row cannot be caught from the file alone: the Z report prints the head to anchor it on paper.
 */
export function verifyChain(db: Db): AuditVerdict {
  const legacy =
    (db.prepare('SELECT legacy_max_id FROM audit_chain WHERE id = 1').pluck().get() as
      number | undefined) ?? 0;
  const legacyRows = db
    .prepare('SELECT COUNT(*) FROM audit_log WHERE id <= ?')
    .pluck()
    .get(legacy) as number;
  const issued =
    (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as
      number | undefined) ?? 0;
  const rows = db
    .prepare<[number], StoredAuditRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id')
    .all(legacy);
  const bad = (id: number, problem: 'changed' | 'deleted' | 'inserted', message: string) => ({
    ok: false,
    rows: rows.length,
    legacyRows,
    head: null,
    firstBad: { id, problem, message },
  });

  let prev = GENESIS;
  let expected = legacy + 1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as StoredAuditRow;
    if (r.id > expected) {
      const gap = r.id - 1 === expected ? `#${expected}` : `#${expected}–#${r.id - 1}`;
      return bad(expected, 'deleted', `row ${gap} was deleted (the chain jumps to #${r.id})`);
    }
    if (r.prev_hash === null || r.hash === null)
      return bad(r.id, 'inserted', `row #${r.id} was inserted: the till never sealed it`);
    if (r.prev_hash !== prev) {
      const next = rows[i + 1];
      if (selfConsistent(r) && next && next.prev_hash === prev)
        return bad(r.id, 'inserted', `row #${r.id} was inserted: the chain skips over it`);
      if (selfConsistent(r) && i > 0)
        return bad(
          r.id - 1,
          'changed',
          `row #${r.id - 1} was changed: row #${r.id} recorded another hash for it`,
        );
      return bad(r.id, 'inserted', `row #${r.id} does not link to the row before it`);
    }
    if (rowHash(prev, r) !== r.hash)
      return bad(
        r.id,
        'changed',
        `row #${r.id} was changed: its content no longer matches its hash`,
      );
    prev = r.hash;
    expected = r.id + 1;
  }
  if (issued >= expected) {
    const gap = issued === expected ? `#${expected}` : `#${expected}–#${issued}`;
    return bad(expected, 'deleted', `row ${gap} was deleted from the end of the trail`);
  }
  const last = rows.at(-1);
  return {
    ok: true,
    rows: rows.length,
    legacyRows,
    head: last && last.hash ? { id: last.id, hash: last.hash } : null,
    firstBad: null,
  };
}
