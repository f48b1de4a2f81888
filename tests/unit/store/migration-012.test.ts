import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import {
  m012,
  OUTBOX_TABLES_012,
} from '../../../electron/store/migrations/012_outbox_recovery_access';
import { createOutbox } from '../../../electron/sync/outbox';
import { SYNCED_TABLES } from '../../../electron/sync/tables';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';
/** The version this migration has (the lead may renumber it at merge). */
const N = m012.version;

/** A till one version before 012 with a row in each table 012 sends, as 006 and 008 hold them. */
function seeded(file: string, syncing: boolean) {
  const db = new Database(join(tmp.dir, file));
  db.pragma('foreign_keys = ON');
  migrate(db, N - 1);
  if (syncing)
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('outbox.enabled', ?)").run(at);
  db.prepare(
    `INSERT INTO users (id, name, role, pin_hash, created_at, updated_at)
     VALUES ('1001', '收银员', 'cashier', 'scrypt$salt$secret-hash', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, subtotal_fen, created_at, updated_at)
     VALUES ('o1', 'PARKED', '1001', 300, 300, ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO cases (id, kind, state, order_id, note, created_by, created_at, updated_at)
     VALUES ('c1', 'ABANDONED_SPLIT', 'OPEN', 'o1', '顾客说已付', '1001', ?, ?)`,
  ).run(at, at);
  const step = db.prepare(
    `INSERT INTO order_timeline (order_id, case_id, at, actor, step, outcome) VALUES ('o1', 'c1', ?, '1001', ?, 'ok')`,
  );
  step.run(at, 'lookup');
  step.run(at, 'park');
  db.prepare(
    `INSERT INTO shifts (id, till_no, state, opened_by, opened_at, float_fen, updated_at)
     VALUES ('s1', '01', 'OPEN', '1001', ?, 20000, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO reports (id, kind, shift_id, day, text, figures, txt_path, created_by, created_at)
     VALUES ('r1', 'X', 's1', '2026-01-01', 'X 报表', '{}', '/tmp/x.txt', '1001', ?)`,
  ).run(at);
  // What the till sent before 012 (orders, the audit log) had already drained.
  db.prepare('DELETE FROM sync_outbox').run();
  return db;
}

const queued = (db: Database.Database) =>
  (
    db.prepare('SELECT tbl, row_key FROM sync_outbox ORDER BY seq').all() as {
      tbl: string;
      row_key: string;
    }[]
  ).map((r) => `${r.tbl} ${r.row_key}`);

const HISTORY = [
  'cases c1',
  'order_timeline 1',
  'order_timeline 2',
  'shifts s1',
  'reports r1',
  'users 1001',
  'audit_chain 1',
];

describe(`migration ${N}: cases, timeline, shifts, reports, users and the chain start are pushed`, () => {
  it('a till already syncing enqueues the history of those tables at the migration, in order', () => {
    const db = seeded('m12a.db', true);
    expect(queued(db)).toEqual([]);
    expect(migrate(db, N)).toBe(N);
    expect(queued(db)).toEqual(HISTORY);
  });

  it('then every insert, update and delete of them, in the same transaction as the change', () => {
    const db = seeded('m12b.db', true);
    migrate(db, N);
    db.prepare('DELETE FROM sync_outbox').run();
    // The parked order is settled: 006's trigger resolves its case in the same statement.
    db.prepare("UPDATE orders SET status = 'VOID', updated_at = ? WHERE id = 'o1'").run(at);
    db.prepare(
      "INSERT INTO order_timeline (order_id, at, actor, step, outcome) VALUES ('o1', ?, '8001', 'resolve', 'ok')",
    ).run(at);
    db.prepare("UPDATE shifts SET state = 'CLOSING', updated_at = ? WHERE id = 's1'").run(at);
    db.prepare("UPDATE users SET failed_pins = 1 WHERE id = '1001'").run();
    db.prepare("DELETE FROM reports WHERE id = 'r1'").run();
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE shifts SET float_fen = 1 WHERE id = 's1'").run();
        throw new Error('crash');
      })(),
    ).toThrow('crash');
    expect(queued(db)).toEqual([
      'orders o1',
      'cases c1',
      'order_timeline 3',
      'shifts s1',
      'users 1001',
      'reports r1',
    ]);
  });

  it('a till that never synced grows no outbox; enabling sends all of it, never a PIN hash', () => {
    const db = seeded('m12c.db', false);
    migrate(db, N);
    db.prepare("UPDATE shifts SET state = 'CLOSING', updated_at = ? WHERE id = 's1'").run(at);
    expect(queued(db)).toEqual([]);
    const ob = createOutbox(db);
    expect(ob.enable()).toBe(true);
    expect(queued(db).filter((k) => HISTORY.includes(k))).toEqual(HISTORY);
    const batch = ob.next(100);
    const user = batch?.rows.find((r) => r.tbl === 'users');
    expect(user?.data).toMatchObject({ id: '1001', name: '收银员', role: 'cashier' });
    expect(user?.data).not.toHaveProperty('pin_hash');
    expect(JSON.stringify(batch)).not.toContain('secret-hash');
    expect(batch?.rows.find((r) => r.tbl === 'cases')?.data).toMatchObject({
      note: '顾客说已付',
    });
    expect(batch?.rows.find((r) => r.tbl === 'audit_chain')?.data).toEqual({
      id: 1,
      legacy_max_id: 0,
    });
  });

  it('every table 012 sends is one the sync worker maps', () => {
    const mapped = SYNCED_TABLES.map((t) => t.table);
    for (const t of OUTBOX_TABLES_012) expect(mapped).toContain(t);
  });
});
