import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';

describe('migration 007: print job states, leases, one original per order', () => {
  it('keeps every job and moves old FAILED rows to what they meant', () => {
    const db = new Database(join(tmp.dir, 'm7.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 7 - 1);
    db.prepare(
      `INSERT INTO orders (id, status, cashier, total_fen, created_at, updated_at, paid_at)
       VALUES ('o1','PAID','c',300,?,?,?), ('o2','PAID','c',300,?,?,?)`,
    ).run(at, at, at, at, at, at);
    const job = db.prepare(
      `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, reason_code, attempts, created_at, updated_at)
       VALUES (?, ?, ?, 'tcp://p', ?, x'1b40', ?, 1, ?, ?)`,
    );
    job.run('printed', 'o1', 'receipt', 'PRINTED', null, at, at);
    job.run('twice', 'o1', 'receipt', 'PRINTED', null, at, at); // an old duplicate original
    job.run('interrupted', 'o2', 'receipt', 'FAILED', 'INTERRUPTED', at, at);
    job.run('paper', 'o2', 'reprint', 'FAILED', 'PAPER_END', at, at);
    job.run('unconfirmed', null, 'test', 'FAILED', 'NOT_CONFIRMED', at, at);
    job.run('sending', null, 'test', 'SENDING', null, at, at);

    expect(migrate(db, 7)).toBe(7);
    const rows = db
      .prepare(
        'SELECT id, kind, state, reason_code, lease_owner, attempts, queued_at FROM print_jobs ORDER BY rowid',
      )
      .all();
    expect(rows).toEqual([
      {
        id: 'printed',
        kind: 'receipt',
        state: 'PRINTED',
        reason_code: null,
        lease_owner: null,
        attempts: 1,
        queued_at: at,
      },
      {
        id: 'twice',
        kind: 'receipt-extra',
        state: 'PRINTED',
        reason_code: null,
        lease_owner: null,
        attempts: 1,
        queued_at: at,
      },
      {
        id: 'interrupted',
        kind: 'receipt',
        state: 'INTERRUPTED',
        reason_code: 'INTERRUPTED',
        lease_owner: null,
        attempts: 1,
        queued_at: at,
      },
      // Nothing had printed: it waits again, owned by nobody alive, so the next start adopts it.
      {
        id: 'paper',
        kind: 'reprint',
        state: 'WAITING',
        reason_code: 'PAPER_END',
        lease_owner: 'migration-007',
        attempts: 1,
        queued_at: at,
      },
      {
        id: 'unconfirmed',
        kind: 'test',
        state: 'FAILED',
        reason_code: 'NOT_CONFIRMED',
        lease_owner: null,
        attempts: 1,
        queued_at: at,
      },
      {
        id: 'sending',
        kind: 'test',
        state: 'SENDING',
        reason_code: null,
        lease_owner: 'migration-007',
        attempts: 1,
        queued_at: at,
      },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The new states are admitted, transitions are checked, the original is unique.
    expect(() =>
      db
        .prepare(
          "UPDATE print_jobs SET state = 'QUEUED', lease_owner = 'x', lease_until = ? WHERE id = 'printed'",
        )
        .run(at),
    ).toThrow(/not allowed/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, lease_owner, lease_until, queued_at, created_at, updated_at)
           VALUES ('again', 'o1', 'receipt', 'x', 'QUEUED', x'00', 'me', ?, ?, ?, ?)`,
        )
        .run(at, at, at, at),
    ).toThrow(/UNIQUE/);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM print_jobs WHERE state = 'WAITING' ORDER BY queued_at",
      )
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/print_jobs_by_state/);
  });
});
