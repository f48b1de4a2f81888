import { REAL_PACE, type Knobs } from './types';

const positive = (v: string | undefined, fallback: number): number => {
  const n = Number(v);
  return v !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Dev builds only: the test rigs speed the till up (TILL_TIME_SCALE, TILL_RECONCILE_MS, …). */
export function readKnobs(env: NodeJS.ProcessEnv): Knobs {
  return {
    timeScale: positive(env.TILL_TIME_SCALE, REAL_PACE.timeScale),
    reconcileMs: positive(env.TILL_RECONCILE_MS, REAL_PACE.reconcileMs),
    printWatchMs: positive(env.TILL_PRINT_WATCH_MS, REAL_PACE.printWatchMs),
    printerCheckMs: positive(env.TILL_PRINTER_CHECK_MS, REAL_PACE.printerCheckMs),
    printOrphansMs: positive(env.TILL_PRINT_ORPHANS_MS, REAL_PACE.printOrphansMs),
    crashAt: env.TILL_CRASH_AT || null,
    sync: {
      batchSize: positive(env.TILL_SYNC_BATCH, 0) || undefined,
      idleMs: positive(env.TILL_SYNC_IDLE_MS, 0) || undefined,
      pullEveryMs: positive(env.TILL_SYNC_PULL_MS, 0) || undefined,
      backoffMaxMs: positive(env.TILL_SYNC_BACKOFF_MAX_MS, 0) || undefined,
    },
  };
}
