/** Time as a dependency: the engine and its tests run on a real or a simulated clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const iso = (ms: number): string => new Date(ms).toISOString();
