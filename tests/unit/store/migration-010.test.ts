import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { m010, OUTBOX_TABLES_010 } from '../../../electron/store/migrations/010_outbox';
import { OUTBOX_TABLES_012 } from '../../../electron/store/migrations/012_outbox_recovery_access';
import { createOutbox } from '../../../electron/sync/outbox';
import { SYNCED_TABLES } from '../../../electron/sync/tables';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';

/** The version this migration has (the lead may renumber it at merge). */
const N = m010.version;
const LEASE = { owner: 'queue-1', until: '2026-01-01T00:01:00Z' };

/** A store one version before the outbox, with a paid order and its receipt job in the queue. */
function seeded(file: string) {
  const db = new Database(join(tmp.dir, file));
  db.pragma('foreign_keys = ON');
  migrate(db, N - 1);
  db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, subtotal_fen, created_at, updated_at, paid_at)
     VALUES ('o1','PAID','c',300,300,?,?,?)`,
  ).run(at, at, at);
  db.prepare(
    `INSERT INTO order_lines (order_id, line_no, barcode, name, qty, unit_price_fen) VALUES ('o1', 1, '6921000100009', '水', 1, 300)`,
  ).run();
  // As the print queue writes a job (electron/store/printJobs.ts): QUEUED, leased to its owner.
  db.prepare(
    `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, lease_owner, lease_until,
       queued_at, created_at, updated_at)
     VALUES ('j1','o1','receipt','x','QUEUED',x'1b40',?,?,?,?,?)`,
  ).run(LEASE.owner, LEASE.until, at, at, at);
  return db;
}

/** A queue move: a job in the queue keeps its lease; one that leaves it (PRINTED) lets go. */
function move(db: Database.Database, id: string, to: string) {
  const stays = ['QUEUED', 'SENDING', 'WAITING'].includes(to);
  db.prepare(
    'UPDATE print_jobs SET state = ?, lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ?',
  ).run(to, stays ? LEASE.owner : null, stays ? LEASE.until : null, at, id);
}

describe(`migration ${N}: outbox`, () => {
  it('adds the outbox switched off: a till that never syncs grows none', () => {
    const db = seeded('m11a.db');
    expect(migrate(db, N)).toBe(N);
    db.prepare("UPDATE orders SET total_fen = 400 WHERE id = 'o1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
  });

  it('enabling enqueues the history and then every change, in the same transaction', () => {
    const db = seeded('m11b.db');
    migrate(db, N);
    // The tables this migration sends (012 adds more; they have tests of their own).
    const ob = createOutbox(
      db,
      SYNCED_TABLES.filter((t) => OUTBOX_TABLES_010.includes(t.table)),
    );
    expect(ob.enable()).toBe(true);
    expect(ob.enable()).toBe(false);
    const keys = () =>
      (
        db.prepare('SELECT tbl, row_key FROM sync_outbox ORDER BY seq').all() as {
          tbl: string;
          row_key: string;
        }[]
      ).map((r) => `${r.tbl} ${r.row_key}`);
    // A queued print job is not a final state: not sent.
    expect(keys()).toEqual(['orders o1', 'order_lines ["o1",1]']);
    move(db, 'j1', 'SENDING');
    move(db, 'j1', 'PRINTED');
    db.prepare("DELETE FROM order_lines WHERE order_id = 'o1'").run();
    // A change that is rolled back leaves no outbox row either.
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE orders SET total_fen = 1 WHERE id = 'o1'").run();
        throw new Error('crash');
      })(),
    ).toThrow('crash');
    expect(keys().slice(2)).toEqual(['print_jobs j1', 'order_lines ["o1",1]']);

    const b = ob.next(100);
    expect(b?.maxSeq).toBe(4);
    // One row per changed row at its latest content; the deleted line is a tombstone.
    expect(b?.rows.map((r) => [r.tbl, r.rowKey, r.version, r.data === null])).toEqual([
      ['orders', 'o1', 1, false],
      ['order_lines', '["o1",1]', 4, true],
      ['print_jobs', 'j1', 3, false],
    ]);
    expect(b?.rows[2]?.data).not.toHaveProperty('bytes');
    expect(b?.rows[0]?.data).toMatchObject({ id: 'o1', total_fen: 300, status: 'PAID' });
    ob.ack(b?.maxSeq ?? 0);
    expect(ob.stats()).toEqual({ pending: 0, oldestMs: null });
  });

  it('the latest schema has all three triggers on every synced table (a later table rebuild must keep them)', () => {
    const db = new Database(join(tmp.dir, 'm11c.db'));
    migrate(db);
    expect(SYNCED_TABLES.map((t) => t.table).sort()).toEqual(
      [...OUTBOX_TABLES_010, ...OUTBOX_TABLES_012].sort(),
    );
    for (const t of SYNCED_TABLES) {
      const names = (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
          .all(t.table) as { name: string }[]
      ).map((r) => r.name);
      for (const op of ['insert', 'update', 'delete'])
        expect(names, t.table).toContain(`outbox_${t.table}_${op}`);
    }
  });
});
