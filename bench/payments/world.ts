import { createAcquirer, type Acquirer } from './acquirer';
import type { Customer } from './customers';
import { createNetwork, type Network } from './faults';
import type { Ending } from './references';
import { createSimClock, rng, streamSeed } from './sim';

/**
 * One simulated trading day: the clock, the acquirer, the network and the customers' arrival
 * times, built the same way (from the same seed) for every strategy; and what a strategy's
 * run records per payment.
 */

export interface WorldOptions {
  seed: number;
  /** The acquirer's own query limit (what the till is told is the schedule's business). */
  acquirerMinQueryGapMs: number;
  /** Customers reach the till on average this far apart (3 s: ~15–20 payments overlap). */
  meanArrivalGapMs: number;
}

export interface PaymentRecord {
  ending: Ending;
  startAt: number;
  /** When the till reached its final belief (undefined while NEEDS_MANUAL at the end). */
  knowsAt?: number;
  /** The till's first ending (NEEDS_MANUAL included) and when: later work is a reconciler's. */
  firstEnding: Ending;
  firstEndAt: number;
  /** When the payment first became NEEDS_MANUAL, if it ever did. */
  manualAt?: number;
  note: string;
}

export interface StrategyRun {
  name: string;
  records: PaymentRecord[];
  acquirer: Acquirer;
  net: Network;
  wallMs: number;
  wakeUps: number;
  errors: unknown[];
  /** Ours only: reconciler passes run, second successes refunded. */
  reconcilerPasses?: number;
  overpaid?: number;
}

function arrivals(seed: number, count: number, start: number, meanGapMs: number): number[] {
  const r = rng(streamSeed(seed, 0, 3));
  const out: number[] = [];
  let t = start + 1_000;
  for (let i = 0; i < count; i++) {
    out.push(t);
    t += Math.max(1, Math.round(-Math.log(1 - r()) * meanGapMs));
  }
  return out;
}

export function world(w: WorldOptions, customers: Customer[]) {
  const clock = createSimClock();
  const acquirer = createAcquirer({ clock, customers, minQueryGapMs: w.acquirerMinQueryGapMs });
  const at = arrivals(w.seed, customers.length, clock.now(), w.meanArrivalGapMs);
  const net = createNetwork({ seed: w.seed, clock, startOf: (i) => at[i] as number });
  return { clock, acquirer, net, at };
}
