import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createRepos } from '../../../electron/store';
import { GENESIS } from '../../../electron/store/auditChain';
import { migrate } from '../../../electron/store/migrate';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';

describe('audit repo: a hash chain written in the caller’s transaction', () => {
  it('starts after the rows the migration found, stamps role and approver, and verifies', () => {
    const db = new Database(join(tmp.dir, 'a.db'));
    migrate(db, 7);
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES (?, '王芳', 'sale.clear')").run(
      at,
    );
    migrate(db);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at, updated_at) VALUES ('1001','王芳','cashier','h',?,?)",
    ).run(at, at);
    let approver: string | null = null;
    const repos = createRepos(db, { auditContext: () => ({ approver }) });
    repos.audit.record(at, '1001', 'sale.setQty', 'O1', { qty: 2 });
    approver = '8001';
    repos.audit.write({
      at,
      actor: '1001',
      action: 'order.refund',
      subject: 'O1',
      after: { fen: 1 },
    });
    repos.audit.record(at, 'system', 'refund.done', 'O1');
    const rows = db
      .prepare('SELECT id, role, approver, prev_hash FROM audit_log ORDER BY id')
      .all();
    expect(rows).toEqual([
      { id: 1, role: null, approver: null, prev_hash: null },
      { id: 2, role: 'cashier', approver: null, prev_hash: GENESIS },
      { id: 3, role: 'cashier', approver: '8001', prev_hash: expect.any(String) },
      { id: 4, role: 'system', approver: '8001', prev_hash: expect.any(String) },
    ]);
    expect(repos.audit.verify()).toMatchObject({
      ok: true,
      rows: 3,
      legacyRows: 1,
      head: { id: 4 },
    });
  });

  it('an audit row and the change it records roll back together', () => {
    const db = new Database(join(tmp.dir, 'b.db'));
    migrate(db);
    const repos = createRepos(db);
    expect(() =>
      db.transaction(() => {
        repos.audit.record(at, '1001', 'sale.clear', 'O1');
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(0);
    repos.audit.record(at, '1001', 'sale.clear', 'O1');
    expect(repos.audit.verify()).toMatchObject({ ok: true, rows: 1 });
  });

  it('rows the till writes after a row slipped in unsealed still point at it: verify names it', () => {
    const db = new Database(join(tmp.dir, 'c.db'));
    migrate(db);
    const repos = createRepos(db);
    repos.audit.record(at, '1001', 'a', null);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES (?, '1001', 'forged')").run(at);
    repos.audit.record(at, '1001', 'b', null);
    expect(repos.audit.verify().firstBad).toMatchObject({ id: 2, problem: 'inserted' });
  });

  it('lists newest first, filtered by actor, action family and time, paged by id', () => {
    const db = new Database(join(tmp.dir, 'd.db'));
    migrate(db);
    const repos = createRepos(db);
    repos.audit.record('2026-01-01T01:00:00Z', '1001', 'refund.request', 'O1');
    repos.audit.record('2026-01-02T01:00:00Z', '1001', 'refund.done', 'O1');
    repos.audit.record('2026-01-02T02:00:00Z', '8001', 'refund.done', 'O2');
    repos.audit.record('2026-01-02T03:00:00Z', '1001', 'refunds.other', 'O3');
    const ids = (f: Parameters<typeof repos.audit.list>[0]) =>
      repos.audit.list(f).rows.map((r) => r.id);
    expect(ids({ limit: 10 })).toEqual([4, 3, 2, 1]);
    expect(ids({ actor: '1001', action: 'refund', limit: 10 })).toEqual([2, 1]);
    expect(
      ids({ fromAt: '2026-01-02T00:00:00Z', toAt: '2026-01-02T02:30:00Z', limit: 10 }),
    ).toEqual([3, 2]);
    expect(repos.audit.list({ limit: 2 })).toMatchObject({ hasMore: true });
    expect(ids({ beforeId: 3, limit: 10 })).toEqual([2, 1]);
  });
});
