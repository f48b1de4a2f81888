import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate } from '../../../electron/store/migrate';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';

describe('migration 005: order states', () => {
  it('keeps every order and its children, and admits PARKED and HELD only', () => {
    const db = new Database(join(tmp.dir, 'm5.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    db.prepare(
      `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at, paid_at)
       VALUES ('o1','PAID','c',300,?,?,?)`,
    ).run(at, at, at);
    db.prepare(
      `INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen)
       VALUES ('o1', 1, '6921000100009', '水', 1, 300)`,
    ).run();
    db.prepare(
      `INSERT INTO payments (id, order_id, method, merchant_order_no, amount_fen, state, created_at, updated_at)
       VALUES ('p1','o1','CASH','M1',300,'PAID',?,?)`,
    ).run(at, at);

    expect(migrate(db, 5)).toBe(5);
    expect(db.prepare('SELECT id, status, total_fen, paid_at FROM orders').all()).toEqual([
      { id: 'o1', status: 'PAID', total_fen: 300, paid_at: at },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const insert = db.prepare(
      "INSERT INTO orders (id, status, cashier, created_at, updated_at) VALUES (?, ?, 'c', ?, ?)",
    );
    insert.run('o2', 'PARKED', at, at);
    insert.run('o3', 'HELD', at, at);
    expect(() => insert.run('o4', 'LOST', at, at)).toThrow(/CHECK/);
    // The children still point at the rebuilt table.
    expect(() =>
      db
        .prepare(
          `INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen)
           VALUES ('missing', 1, 'x', 'y', 1, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM orders WHERE status = 'OPEN'")
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/orders_by_status/);
  });
});
