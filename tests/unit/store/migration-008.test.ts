import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate } from '../../../electron/store/migrate';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';

describe('migration 008: users, audit chain, shifts, reports, search', () => {
  it('keeps orders and audit rows, backfills refunded totals, and adds the new rules', () => {
    const db = new Database(join(tmp.dir, 'm8.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 7);
    db.prepare(
      `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at, paid_at)
       VALUES ('o1','PAID','王芳',500,?,?,?)`,
    ).run(at, at, at);
    db.prepare(
      `INSERT INTO payments (id, order_id, method, merchant_order_no, amount_fen, state, created_at, updated_at)
       VALUES ('p1','o1','WECHAT','20260101000000011234567',500,'PAID',?,?)`,
    ).run(at, at);
    const refund = db.prepare(
      `INSERT INTO refunds (id, payment_id, refund_no, request_id, amount_fen, state, created_at, updated_at)
       VALUES (?, 'p1', ?, ?, ?, ?, ?, ?)`,
    );
    refund.run('r1', 'N1', 'q1', 200, 'REFUNDED', at, at);
    refund.run('r2', 'N2', 'q2', 100, 'FAILED', at, at);
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, subject) VALUES (?, '王芳', 'sale.clear', 'o1')",
    ).run(at);

    expect(migrate(db, 8)).toBe(8);
    // Only the confirmed refund counts; the legacy audit row is kept and marked as before the chain.
    expect(db.prepare('SELECT refunded_fen FROM orders WHERE id = ?').pluck().get('o1')).toBe(200);
    expect(db.prepare('SELECT legacy_max_id FROM audit_chain').pluck().get()).toBe(1);
    expect(db.prepare('SELECT actor, hash FROM audit_log').all()).toEqual([
      { actor: '王芳', hash: null },
    ]);
    // The trail is append-only for the app.
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // Users: roles are a closed set.
    const user = db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at, updated_at) VALUES (?, 'n', ?, 'h', ?, ?)",
    );
    user.run('1001', 'cashier', at, at);
    expect(() => user.run('1002', 'owner', at, at)).toThrow(/CHECK/);
    // One open shift per till; a shift starts OPEN.
    const shift = db.prepare(
      `INSERT INTO shifts (id, till_no, state, opened_by, opened_at, float_fen, updated_at)
       VALUES (?, '01', ?, '1001', ?, 0, ?)`,
    );
    shift.run('s1', 'OPEN', at, at);
    expect(() => shift.run('s2', 'OPEN', at, at)).toThrow(/UNIQUE/);
    expect(() => shift.run('s3', 'CLOSED', at, at)).toThrow(/starts OPEN/);
    // Suffix search seeks the last-four index.
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT order_id FROM payments WHERE substr(merchant_order_no, -4) = '4567'",
      )
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/payments_mno_tail/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
