import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { latestVersion, migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { openStore } from '../../../electron/store/db';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function fresh(name: string) {
  return new Database(join(tmp.dir, `${name}.db`));
}
const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
const indexes = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type='index' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all();

describe('numbered migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates the core tables and enforces order and print states', () => {
    const db = fresh('m1');
    expect(migrate(db, 1)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'orders',
        'order_lines',
        'payments',
        'payment_transitions',
        'receipts',
        'print_jobs',
        'audit_log',
      ]),
    );
    const at = '2026-01-01T00:00:00Z';
    db.prepare(
      "INSERT INTO orders (id, status, cashier, created_at, updated_at) VALUES ('o1','OPEN','c',?,?)",
    ).run(at, at);
    expect(() =>
      db
        .prepare(
          "INSERT INTO orders (id, status, cashier, created_at, updated_at) VALUES ('o2','LOST','c',?,?)",
        )
        .run(at, at),
    ).toThrow(/CHECK/);
    const pay = db.prepare(
      `INSERT INTO payments (id, order_id, method, merchant_order_no, amount_fen, state, created_at, updated_at)
       VALUES (?, 'o1', 'WECHAT', ?, 100, 'NEW', ?, ?)`,
    );
    pay.run('p1', 'M1', at, at);
    // The merchant order no. is unique: a second payment can never reuse it.
    expect(() => pay.run('p2', 'M1', at, at)).toThrow(/UNIQUE/);
  });

  it('002 adds products to a v1 store and keeps its orders', () => {
    const db = fresh('m2');
    migrate(db, 1);
    const at = '2026-01-01T00:00:00Z';
    db.prepare(
      "INSERT INTO orders (id, status, cashier, created_at, updated_at) VALUES ('o1','PAID','c',?,?)",
    ).run(at, at);
    expect(migrate(db, 2)).toBe(2);
    expect(tables(db)).toContain('products');
    expect(db.prepare('SELECT COUNT(*) FROM orders').pluck().get()).toBe(1);
    expect(() =>
      db.prepare("INSERT INTO products (barcode, name, price_fen) VALUES ('1','x',-1)").run(),
    ).toThrow(/CHECK/);
  });

  it('003 adds the start-up indexes and the open-sale lookup uses one', () => {
    const db = fresh('m3');
    migrate(db, 2);
    expect(indexes(db)).toEqual([]);
    expect(migrate(db, 3)).toBe(3);
    expect(indexes(db)).toEqual(expect.arrayContaining(['orders_by_status', 'payments_by_state']));
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM orders WHERE status IN ('OPEN','PAYING') ORDER BY created_at DESC LIMIT 1",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/orders_by_status/);
  });

  it('openStore migrates to the latest version, in WAL mode, and is idempotent', () => {
    const file = join(tmp.dir, 'open.db');
    openStore(file).close();
    const db = openStore(file);
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a store written by a newer till rather than damaging it', () => {
    const db = fresh('future');
    db.pragma(`user_version = ${latestVersion() + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });

  it('a failing migration leaves the version and tables untouched', () => {
    const db = fresh('broken');
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      { version: 2, name: 'bad', up: 'CREATE TABLE t (a); SELECT nope FROM missing;' },
    ];
    migrate(db, 1, broken);
    expect(() => migrate(db, 2, broken)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('t');
  });
});

describe('004 reconcile and refunds', () => {
  it('adds check bookkeeping to existing payments and a refunds table keyed by refund no.', () => {
    const db = new Database(join(tmp.dir, 'm4.db'));
    migrate(db, 3);
    const at = '2026-01-01T00:00:00Z';
    db.prepare(
      "INSERT INTO orders (id, status, cashier, created_at, updated_at) VALUES ('o1','PAID','c',?,?)",
    ).run(at, at);
    db.prepare(
      `INSERT INTO payments (id, order_id, method, merchant_order_no, amount_fen, state, created_at, updated_at)
       VALUES ('p1', 'o1', 'WECHAT', 'M1', 100, 'PAID', ?, ?)`,
    ).run(at, at);
    expect(migrate(db, 4)).toBe(4);
    expect(db.prepare("SELECT checks, checked_at FROM payments WHERE id = 'p1'").get()).toEqual({
      checks: 0,
      checked_at: null,
    });
    const refund = db.prepare(
      `INSERT INTO refunds (id, payment_id, refund_no, request_id, amount_fen, state, created_at, updated_at)
       VALUES (?, 'p1', ?, ?, ?, 'PENDING', '', '')`,
    );
    refund.run('r1', 'M1R1', 'req-1', 50);
    expect(() => refund.run('r2', 'M1R1', 'req-2', 50)).toThrow(/UNIQUE/);
    expect(() => refund.run('r3', 'M1R3', 'req-1', 50)).toThrow(/UNIQUE/);
    expect(() => refund.run('r4', 'M1R4', 'req-4', 0)).toThrow(/CHECK/);
  });
});
