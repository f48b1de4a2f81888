import type { Clock } from '../../electron/services/clock';

/**
 * A discrete-event clock: `sleep(ms)` parks the caller until simulated time reaches now + ms.
 * `run()` lets every runnable continuation finish (a macrotask turn drains all microtasks),
 * then jumps to the earliest parked timer. Nothing waits for real time, and with the same
 * inputs the order of wake-ups is the same on every run (ties wake in the order they slept).
 */
export interface SimClock extends Clock {
  /** Wakes at an absolute simulated time (at once if it has passed). */
  sleepUntil(at: number): Promise<void>;
  /** Runs until no timer is left; resolves with the number of wake-ups. */
  run(): Promise<number>;
}

interface Timer {
  at: number;
  seq: number;
  wake: () => void;
}

const before = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export function createSimClock(start = Date.parse('2026-11-25T02:00:00Z')): SimClock {
  let t = start;
  let seq = 0;
  const heap: Timer[] = [];

  function push(timer: Timer): void {
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
  }
  function pop(): Timer {
    const top = heap[0] as Timer;
    const last = heap.pop() as Timer;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Timer, heap[m] as Timer)) m = l;
        if (r < heap.length && before(heap[r] as Timer, heap[m] as Timer)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Timer, heap[i] as Timer];
        i = m;
      }
    }
    return top;
  }
  const sleepUntil = (at: number): Promise<void> =>
    new Promise<void>((wake) => push({ at: Math.max(at, t), seq: seq++, wake }));
  const drain = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

  return {
    now: () => t,
    sleep: (ms) => sleepUntil(t + Math.max(0, ms)),
    sleepUntil,
    async run() {
      let wakeUps = 0;
      for (;;) {
        await drain();
        if (heap.length === 0) return wakeUps;
        const at = (heap[0] as Timer).at;
        t = at;
        // Everything due at this instant wakes before the next drain, in the order it slept.
        while (heap.length > 0 && (heap[0] as Timer).at === at) {
          pop().wake();
          wakeUps++;
        }
      }
    },
  };
}

/** mulberry32: small, fast, good enough for a benchmark's dice. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per (seed, payment, purpose), so strategies see the same dice. */
export function streamSeed(seed: number, index: number, purpose: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) ^ Math.imul(purpose + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export const between = (r: () => number, lo: number, hi: number): number =>
  Math.round(lo + r() * (hi - lo));
