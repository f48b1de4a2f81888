import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRepos } from '../../../electron/store';
import { PrintStateSchema, type PrintState } from '../../../shared/domain';
import { canMove, isPendingPrint, PRINT_TRANSITIONS } from '../../../shared/printing';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const STATES = PrintStateSchema.options;
const at = '2026-01-01T00:00:00.000Z';
const until = '2999-01-01T00:00:00.000Z';

/** How to bring a fresh (QUEUED) job to `state` through allowed moves only. */
const PATH: Record<PrintState, PrintState[]> = {
  QUEUED: [],
  SENDING: ['SENDING'],
  WAITING: ['WAITING'],
  PRINTED: ['SENDING', 'PRINTED'],
  FAILED: ['SENDING', 'FAILED'],
  INTERRUPTED: ['SENDING', 'INTERRUPTED'],
  CANCELLED: ['CANCELLED'],
};

describe('print job transitions: one table, enforced in code and by the store', () => {
  const repos = openRepos(join(tmp.dir, 't.db'));
  const db = repos.db;
  let n = 0;
  /** A row in `state` with the lease its state requires, written straight to the store. */
  function rowIn(state: PrintState): string {
    const id = `j${++n}`;
    repos.printJobs.insert({
      id,
      orderId: null,
      kind: 'test',
      printer: 'x',
      bytes: new Uint8Array([1]),
      at,
      owner: 'o',
      leaseUntil: until,
    });
    let from: PrintState = 'QUEUED';
    for (const to of PATH[state]) {
      db.prepare(
        'UPDATE print_jobs SET state = ?, lease_owner = ?, lease_until = ? WHERE id = ?',
      ).run(to, isPendingPrint(to) ? 'o' : null, isPendingPrint(to) ? until : null, id);
      from = to;
    }
    expect(from).toBe(state);
    return id;
  }

  it('the store holds exactly the table in code', () => {
    const rows = db.prepare('SELECT from_state, to_state FROM print_transitions').all() as {
      from_state: PrintState;
      to_state: PrintState;
    }[];
    const inDb = rows.map((r) => `${r.from_state}>${r.to_state}`).sort();
    const inCode = STATES.flatMap((f) => PRINT_TRANSITIONS[f].map((t) => `${f}>${t}`)).sort();
    expect(inDb).toEqual(inCode);
  });

  for (const from of STATES) {
    for (const to of STATES) {
      if (from === to) continue;
      const allowed = PRINT_TRANSITIONS[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'} by code and store`, () => {
        expect(canMove(from, to)).toBe(allowed);
        const id = rowIn(from);
        const write = () =>
          db
            .prepare(
              'UPDATE print_jobs SET state = ?, lease_owner = ?, lease_until = ? WHERE id = ?',
            )
            .run(to, isPendingPrint(to) ? 'o' : null, isPendingPrint(to) ? until : null, id);
        if (allowed) expect(write).not.toThrow();
        else expect(write).toThrow(/transition not allowed/);
        // The repository checks the table before it writes.
        const owner = isPendingPrint(from) ? 'o' : null;
        const viaRepo = () =>
          repos.printJobs.move(rowIn(from), from, to, owner, { at, owner: 'o', leaseUntil: until });
        if (allowed) expect(viaRepo()?.state).toBe(to);
        else expect(viaRepo).toThrow(/not allowed/);
      });
    }
  }

  it('a new job starts QUEUED; a job in the queue has an owner, a finished one none', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO print_jobs (id, kind, printer, state, bytes, lease_owner, lease_until, queued_at, created_at, updated_at)
           VALUES ('x1','test','x','PRINTED',x'01',NULL,NULL,?,?,?)`,
        )
        .run(at, at, at),
    ).toThrow(/starts QUEUED/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO print_jobs (id, kind, printer, state, bytes, queued_at, created_at, updated_at)
           VALUES ('x2','test','x','QUEUED',x'01',?,?,?)`,
        )
        .run(at, at, at),
    ).toThrow(/CHECK/);
    const id = rowIn('SENDING');
    expect(() =>
      db.prepare("UPDATE print_jobs SET state = 'PRINTED' WHERE id = ?").run(id),
    ).toThrow(/CHECK/); // finished, yet still leased
  });

  it('one original receipt per order', () => {
    db.prepare(
      "INSERT INTO orders (id, status, cashier, created_at, updated_at) VALUES ('o1','PAID','c',?,?)",
    ).run(at, at);
    const add = (id: string, kind: string) =>
      repos.printJobs.insert({
        id,
        orderId: 'o1',
        kind,
        printer: 'x',
        bytes: new Uint8Array([1]),
        at,
        owner: 'o',
        leaseUntil: until,
      });
    add('r1', 'receipt');
    add('r2', 'reprint');
    add('r3', 'reprint');
    expect(() => add('r4', 'receipt')).toThrow(/UNIQUE/);
    expect(repos.printJobs.forOrder('o1').map((j) => j.jobId)).toEqual(['r1', 'r2', 'r3']);
    expect(repos.printJobs.original('o1')?.jobId).toBe('r1');
  });
});
