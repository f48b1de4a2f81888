import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PAYMENT_STATES, type PaymentState } from '../../../shared/domain';
import { canMove, PAYMENT_MOVES } from '../../../electron/payments/transitions';
import { openRepos } from '../../../electron/store';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = '2026-01-01T00:00:00.000Z';

/** The payment state machine is one table: the code's and the store's are the same rows. */
describe('payment state machine', () => {
  const repos = openRepos(join(tmp.dir, 'moves.db'));
  repos.sales.create('o1', 'c', at);
  let n = 0;
  /** A payment put into `from` directly (the caller has the trigger off for it). */
  const paymentIn = (from: PaymentState): string => {
    const id = `p${++n}`;
    repos.payments.insert({
      id,
      orderId: 'o1',
      method: 'WECHAT',
      merchantOrderNo: `M${n}`,
      amountFen: 100,
      state: 'NEW',
      at,
    });
    repos.db.prepare('UPDATE payments SET state = ? WHERE id = ?').run(from, id);
    return id;
  };

  it('the store holds exactly the table the code enforces', () => {
    const rows = repos.db
      .prepare('SELECT from_state, to_state FROM payment_moves ORDER BY from_state, to_state')
      .all() as { from_state: PaymentState; to_state: PaymentState }[];
    const code = Object.entries(PAYMENT_MOVES)
      .flatMap(([from, tos]) => tos.map((to) => ({ from_state: from, to_state: to })))
      .sort((a, b) =>
        a.from_state === b.from_state
          ? a.to_state.localeCompare(b.to_state)
          : a.from_state.localeCompare(b.from_state),
      );
    expect(rows).toEqual(code);
  });

  // Every pair of states: allowed exactly when the table says so, in the code and in the store.
  for (const from of PAYMENT_STATES)
    for (const to of PAYMENT_STATES) {
      const allowed = canMove(from, to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const trigger = repos.db.prepare(
          "SELECT sql FROM sqlite_master WHERE name = 'payments_moves_only'",
        );
        expect(trigger.get()).toBeTruthy();
        // Fixtures reach `from` with the trigger dropped for that one statement.
        const sql = (trigger.get() as { sql: string }).sql;
        repos.db.exec('DROP TRIGGER payments_moves_only');
        const id = paymentIn(from);
        repos.db.exec(sql);
        const move = () => repos.payments.transition(id, to, at);
        if (allowed) expect(move().state).toBe(to);
        else {
          expect(move).toThrow(/is not a move of the state machine/);
          // And the store alone refuses it too.
          expect(() =>
            repos.db.prepare('UPDATE payments SET state = ? WHERE id = ?').run(to, id),
          ).toThrow(/not allowed/);
        }
      });
    }
});
