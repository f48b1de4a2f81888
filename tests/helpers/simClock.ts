import type { Clock } from '../../electron/services/clock';

/** A simulated clock: sleep() advances time at once, so a 45-second payment runs in milliseconds. */
export function simClock(
  start = Date.parse('2026-11-25T10:00:00Z'),
): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      await new Promise((r) => setImmediate(r));
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
