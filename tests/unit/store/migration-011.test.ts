import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { m011 } from '../../../electron/store/migrations/011_outbox_print_outcomes';
import { createOutbox } from '../../../electron/sync/outbox';
import { SYNCED_PRINT_STATES } from '../../../electron/sync/tables';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';
/** The version this migration has (the lead may renumber it at merge). */
const N = m011.version;
const LEASE = { owner: 'queue-1', until: '2026-01-01T00:01:00Z' };

function store(file: string) {
  const db = new Database(join(tmp.dir, file));
  db.pragma('foreign_keys = ON');
  migrate(db, N - 1);
  db.prepare(
    `INSERT INTO orders (id, status, cashier, total_fen, subtotal_fen, created_at, updated_at, paid_at)
     VALUES ('o1','PAID','c',300,300,?,?,?)`,
  ).run(at, at, at);
  return db;
}

/** A job as the print queue writes and moves it (electron/store/printJobs.ts). */
function job(db: Database.Database, id: string, path: string[]) {
  db.prepare(
    `INSERT INTO print_jobs (id, order_id, kind, printer, state, bytes, lease_owner, lease_until,
       queued_at, created_at, updated_at)
     VALUES (?, NULL, 'test', 'x', 'QUEUED', x'1b40', ?, ?, ?, ?, ?)`,
  ).run(id, LEASE.owner, LEASE.until, at, at, at);
  for (const to of path) {
    const stays = ['QUEUED', 'SENDING', 'WAITING'].includes(to);
    db.prepare(
      'UPDATE print_jobs SET state = ?, lease_owner = ?, lease_until = ? WHERE id = ?',
    ).run(to, stays ? LEASE.owner : null, stays ? LEASE.until : null, id);
  }
}

const queued = (db: Database.Database) =>
  (
    db.prepare("SELECT row_key FROM sync_outbox WHERE tbl = 'print_jobs' ORDER BY seq").all() as {
      row_key: string;
    }[]
  ).map((r) => r.row_key);

describe(`migration ${N}: every outcome of a print job is pushed`, () => {
  it('a till already syncing sends its INTERRUPTED jobs at the migration, then every outcome', () => {
    const db = store('m11a.db');
    // An older till that synced: its outbox was on and had drained.
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('outbox.enabled', ?)").run(at);
    job(db, 'crashed', ['SENDING', 'INTERRUPTED']);
    job(db, 'printed', ['SENDING', 'PRINTED']);
    db.prepare('DELETE FROM sync_outbox').run();
    expect(migrate(db, N)).toBe(N);
    expect(queued(db)).toEqual(['crashed']);

    db.prepare('DELETE FROM sync_outbox').run();
    job(db, 'waiting', ['WAITING', 'SENDING']);
    expect(queued(db)).toEqual([]);
    for (const [id, path] of [
      ['a', ['SENDING', 'INTERRUPTED']],
      ['b', ['SENDING', 'FAILED']],
      ['c', ['CANCELLED']],
      ['d', ['SENDING', 'PRINTED']],
    ] as const)
      job(db, id, [...path]);
    expect(queued(db)).toEqual(['a', 'b', 'c', 'd']);
    // A person sends an interrupted job again: its new turn is not an outcome yet.
    db.prepare('DELETE FROM sync_outbox').run();
    db.prepare(
      "UPDATE print_jobs SET state = 'QUEUED', lease_owner = ?, lease_until = ? WHERE id = 'a'",
    ).run(LEASE.owner, LEASE.until);
    expect(queued(db)).toEqual([]);
  });

  it('a till that never synced grows no outbox; enabling sends the outcomes the triggers send', () => {
    const db = store('m11b.db');
    migrate(db, N);
    job(db, 'crashed', ['SENDING', 'INTERRUPTED']);
    job(db, 'sending', ['SENDING']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    expect(createOutbox(db).enable()).toBe(true);
    expect(queued(db)).toEqual(['crashed']);
    expect(SYNCED_PRINT_STATES).toEqual(['PRINTED', 'FAILED', 'INTERRUPTED', 'CANCELLED']);
  });
});
