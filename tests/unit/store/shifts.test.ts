import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openRepos } from '../../../electron/store';
import { SHIFT_TRANSITIONS } from '../../../electron/store/shifts';
import { SHIFT_STATES } from '../../../shared/api/shift';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00Z';

describe('shift transitions: one table, in code and in the store', () => {
  const repos = openRepos(join(tmp.dir, 'shifts.db'));
  const { db } = repos;

  it('the store holds exactly the pairs the code allows', () => {
    const stored = db
      .prepare("SELECT from_state || '>' || to_state FROM shift_transitions ORDER BY 1")
      .pluck()
      .all();
    const code = Object.entries(SHIFT_TRANSITIONS)
      .flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`))
      .sort();
    expect(stored).toEqual(code);
  });

  it('each allowed move passes and every other is refused by the trigger itself', () => {
    for (const from of SHIFT_STATES) {
      for (const to of SHIFT_STATES) {
        if (from === to) continue;
        const id = `s-${from}-${to}`;
        // Reach `from` through allowed moves only, then try the move directly in SQL.
        db.prepare(
          `INSERT INTO shifts (id, till_no, state, opened_by, opened_at, float_fen, updated_at)
           VALUES (?, ?, 'OPEN', '1001', ?, 0, ?)`,
        ).run(id, id, at, at);
        const path = { OPEN: [], CLOSING: ['CLOSING'], CLOSED: ['CLOSING', 'CLOSED'] }[from];
        for (const step of path)
          db.prepare('UPDATE shifts SET state = ? WHERE id = ?').run(step, id);
        const move = () => db.prepare('UPDATE shifts SET state = ? WHERE id = ?').run(to, id);
        if (SHIFT_TRANSITIONS[from].includes(to)) expect(move).not.toThrow();
        else expect(move).toThrow(/shift transition not allowed/);
      }
    }
  });

  it('the repo refuses the same moves in words before SQL is reached', () => {
    const s = repos.shifts.open({ id: 'r1', tillNo: 'R', by: '1001', at, floatFen: 1000 });
    expect(() =>
      repos.shifts.close(s, {
        by: '1001',
        at,
        countedFen: 0,
        expectedFen: 0,
        carriedOver: false,
      }),
    ).toThrow(/OPEN → CLOSED is not allowed/);
    const closing = repos.shifts.transition(s, 'CLOSING', at);
    const closed = repos.shifts.close(closing, {
      by: '1001',
      at,
      countedFen: 900,
      expectedFen: 1000,
      carriedOver: false,
    });
    expect(closed).toMatchObject({ state: 'CLOSED', differenceFen: -100 });
    expect(() => repos.shifts.transition(closed, 'OPEN', at)).toThrow(/CLOSED → OPEN/);
  });
});
