import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { m009 } from '../../../electron/store/migrations/009_selling';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';
/** The version this migration has (the lead may renumber it at merge). */
const N = m009.version;

function seeded() {
  const db = new Database(join(tmp.dir, `m10-${Math.random()}.db`));
  db.pragma('foreign_keys = ON');
  migrate(db, N - 1);
  db.prepare(
    "INSERT INTO products (barcode, name, price_fen, unit) VALUES ('6921000100009', '农夫山泉', 200, '瓶')",
  ).run();
  db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at) VALUES ('o1','PAID','c',600,?,?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen)
     VALUES ('o1', 1, '6921000100009', '农夫山泉', 3, 200)`,
  ).run();
  db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at) VALUES ('o2','OPEN','c',0,?,?)`,
  ).run(at, at);
  migrate(db, N);
  return db;
}

describe(`migration ${N}: selling`, () => {
  it('keeps products as catalogue version 1 and orders with their totals', () => {
    const db = seeded();
    expect(
      db.prepare('SELECT barcode, category, plu, active, version FROM products').all(),
    ).toEqual([{ barcode: '6921000100009', category: '', plu: null, active: 1, version: 1 }]);
    expect(db.prepare('SELECT version, source, added FROM catalogue_versions').all()).toEqual([
      { version: 1, source: 'migrated', added: 1 },
    ]);
    expect(
      db.prepare("SELECT subtotal_fen, discount_fen, total_fen FROM orders WHERE id = 'o1'").get(),
    ).toEqual({ subtotal_fen: 600, discount_fen: 0, total_fen: 600 });
    expect(db.prepare('SELECT kind, weight_g, discount_fen FROM order_lines').get()).toEqual({
      kind: 'item',
      weight_g: null,
      discount_fen: 0,
    });
  });

  it('writes no version into a store that had no products', () => {
    const db = new Database(join(tmp.dir, 'empty.db'));
    migrate(db, N);
    expect(db.prepare('SELECT COUNT(*) FROM catalogue_versions').pluck().get()).toBe(0);
  });

  it('keeps PLUs unique and lines in their kinds', () => {
    const db = seeded();
    const add = db.prepare(
      "INSERT INTO products (barcode, name, price_fen, unit, plu) VALUES (?, 'x', 100, 'kg', ?)",
    );
    add.run('1001', '12');
    expect(() => add.run('1002', '12')).toThrow(/UNIQUE/);
    add.run('1003', null);
    add.run('1004', null); // many products have no PLU
    expect(() =>
      db
        .prepare(
          `INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen, kind)
           VALUES ('o2', 1, '', 'x', 1, 1, 'gift')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('holds only an open sale without payments, and recalls it only to the till', () => {
    const db = seeded();
    const status = db.prepare('UPDATE orders SET status = ? WHERE id = ?');
    status.run('HELD', 'o2');
    expect(() => status.run('PAYING', 'o2')).toThrow(/recalled first/);
    status.run('OPEN', 'o2');
    db.prepare(
      `INSERT INTO payments (id, order_id, method, merchant_order_no, amount_fen, state, created_at, updated_at)
       VALUES ('p1','o2','WECHAT','M1',100,'PENDING',?,?)`,
    ).run(at, at);
    expect(() => status.run('HELD', 'o2')).toThrow(/without payments/);
    db.prepare("UPDATE payments SET state = 'FAILED' WHERE id = 'p1'").run();
    status.run('HELD', 'o2'); // a failed attempt took nothing: the sale may be set aside
    expect(() => status.run('HELD', 'o1')).toThrow(/without payments/); // a paid sale: never
  });
});
