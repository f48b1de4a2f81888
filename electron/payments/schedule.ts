/**
 * When to ask the gateway again. Numbers from payments.md §4/§6: the aggregator wants polling to
 * start at once, every 3–5 s, for 40–50 s in all, then a cancel right after the last query.
 */
export interface PollSchedule {
  /** Delay before the first query after an uncertain pay answer. */
  firstQueryMs: number;
  intervalMs: number;
  /** Measured from the payment's creation: past it the engine reverses. */
  windowMs: number;
  reverseAttempts: number;
  reverseIntervalMs: number;
}

export const UPAY_SCHEDULE: PollSchedule = {
  firstQueryMs: 3_000,
  intervalMs: 3_000,
  windowMs: 45_000,
  reverseAttempts: 5,
  reverseIntervalMs: 2_000,
};
