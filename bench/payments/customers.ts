import { between, rng, streamSeed } from './sim';

/**
 * The bench's customers: one per payment, seeded, the same for every strategy. The mix is what
 * a WeChat-like till sees at a counter (payments.md §1.6, §1.9): most pay without a password,
 * some type one, a few walk off, run out of money, pay in the last second before a reverse
 * (the race) or pay after most loops have given up (late).
 */

export type Behaviour = 'instant' | 'password' | 'abandon' | 'insufficient' | 'race' | 'late';

export const MIX: readonly [Behaviour, number][] = [
  ['instant', 0.7],
  ['password', 0.15],
  ['abandon', 0.04],
  ['insufficient', 0.05],
  ['race', 0.03],
  ['late', 0.03],
];

export interface Customer {
  index: number;
  behaviour: Behaviour;
  amountFen: number;
  /** password: 5–40 s to type; late: pays 40–50 s after the order was created. */
  payAfterMs?: number;
  /** race: completes this long (0–1 s) after the first reverse reaches the acquirer. */
  raceLagMs?: number;
}

export function makeCustomers(seed: number, count: number): Customer[] {
  const out: Customer[] = [];
  for (let index = 0; index < count; index++) {
    const r = rng(streamSeed(seed, index, 1));
    const u = r();
    let acc = 0;
    let behaviour: Behaviour = 'instant';
    for (const [b, p] of MIX) {
      acc += p;
      if (u < acc) {
        behaviour = b;
        break;
      }
    }
    const amountFen = between(r, 150, 30_000);
    const typeMs = between(r, 5_000, 40_000);
    const lateMs = between(r, 40_000, 50_000);
    const raceLagMs = between(r, 1, 999);
    out.push({
      index,
      behaviour,
      amountFen,
      ...(behaviour === 'password' && { payAfterMs: typeMs }),
      ...(behaviour === 'late' && { payAfterMs: lateMs }),
      ...(behaviour === 'race' && { raceLagMs }),
    });
  }
  return out;
}

/** WeChat codes are 18 digits starting 10–15; we carry the customer's index in it. */
export const authCodeFor = (index: number): string => `13${String(index).padStart(16, '0')}`;
export const indexOfAuthCode = (code: string): number => Number(code.slice(2));
