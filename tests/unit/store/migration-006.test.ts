import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate } from '../../../electron/store/migrate';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';

function seeded(name: string) {
  const db = new Database(join(tmp.dir, `${name}.db`));
  db.pragma('foreign_keys = ON');
  migrate(db, 5);
  db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at)
     VALUES ('o1','PAYING','c',300,?,?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO payments (id, order_id, method, merchant_order_no, platform_order_no,
       third_party_order_no, amount_fen, state, created_at, updated_at)
     VALUES ('p1','o1','WECHAT','M1','7800000000000001','4200000000202601010000000001',300,
       'NEEDS_MANUAL',?,?)`,
  ).run(at, at);
  return db;
}

describe('migration 006: recovery (numbers indexed, payment moves, cases, timeline)', () => {
  it('keeps every payment and finds it by each of its three numbers through an index', () => {
    const db = seeded('m6a');
    expect(migrate(db, 6)).toBe(6);
    expect(db.prepare('SELECT id, state FROM payments').all()).toEqual([
      { id: 'p1', state: 'NEEDS_MANUAL' },
    ]);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' ');
    expect(plan("SELECT id FROM payments WHERE merchant_order_no = 'M1'")).toMatch(/INDEX/);
    expect(plan("SELECT id FROM payments WHERE platform_order_no = 'x'")).toMatch(
      /payments_by_platform_no/,
    );
    expect(plan("SELECT id FROM payments WHERE third_party_order_no = 'x'")).toMatch(
      /payments_by_third_party_no/,
    );
  });

  it('refuses a payment move the state machine does not have, and allows the ones it has', () => {
    const db = seeded('m6b');
    migrate(db, 6);
    const move = db.prepare('UPDATE payments SET state = ? WHERE id = ?');
    expect(() => move.run('SUBMITTING', 'p1')).toThrow(/not allowed/);
    move.run('PAID', 'p1'); // a sync found it paid
    expect(() => move.run('FAILED', 'p1')).toThrow(/not allowed/); // never un-paid
    move.run('PAID', 'p1'); // staying is fine
    expect(db.prepare('SELECT state FROM payments').pluck().get()).toBe('PAID');
  });

  it('a parked order that leaves PARKED resolves its one open case in the same statement', () => {
    const db = seeded('m6c');
    migrate(db, 6);
    db.prepare("UPDATE orders SET status = 'PARKED' WHERE id = 'o1'").run();
    const open = db.prepare(
      `INSERT INTO cases (id, kind, state, order_id, payment_id, created_by, created_at, updated_at)
       VALUES (?, 'UNCONFIRMED_PAYMENT', 'OPEN', 'o1', 'p1', 'c', ?, ?)`,
    );
    open.run('c1', at, at);
    expect(() => open.run('c2', at, at)).toThrow(/UNIQUE/); // one open case per order
    expect(() =>
      db
        .prepare(
          `INSERT INTO cases (id, kind, state, created_by, created_at, updated_at)
           VALUES ('c3', 'LOST', 'OPEN', 'c', ?, ?)`,
        )
        .run(at, at),
    ).toThrow(/CHECK/);
    db.prepare("UPDATE orders SET status = 'PAID', updated_at = '2026-01-02T00:00:00Z'").run();
    expect(db.prepare('SELECT state, resolution, resolved_at FROM cases').get()).toEqual({
      state: 'RESOLVED',
      resolution: 'PAID',
      resolved_at: '2026-01-02T00:00:00Z',
    });
    db.prepare(
      `INSERT INTO order_timeline (order_id, case_id, at, actor, step, outcome)
       VALUES ('o1', 'c1', ?, 'c', 'voucher', 'YES')`,
    ).run(at);
    expect(() =>
      db
        .prepare(
          `INSERT INTO order_timeline (order_id, at, actor, step, outcome)
           VALUES ('missing', ?, 'c', 'voucher', 'YES')`,
        )
        .run(at),
    ).toThrow(/FOREIGN KEY/);
  });
});
