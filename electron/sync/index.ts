import pg from 'pg';
import type { SyncStatus } from '../../shared/api/sync';
import type { EventBus } from '../api/events';
import type { SyncKnobs } from '../host/edition/types';
import type { Clock } from '../services/clock';
import type { Repos } from '../store';
import { connectPg, describeTarget, type SyncTarget } from './connect';
import { classify } from './errors';
import { sharedVersion } from './pull';
import { sharedCatalogue } from './sharedCatalogue';
import { sharedUsers } from './sharedUsers';
import { createSyncWorker, type SyncWorker, type SyncWorkerDeps } from './worker';

export interface SyncDeps {
  syncUrl: string | null;
  tillNo: string;
  password: () => string | null;
  repos: Pick<Repos, 'db' | 'products' | 'catalogue' | 'audit' | 'users'>;
  /** Sandbox: the demo accounts count as supervisors (sharedUsers.ts' last-supervisor rule). */
  sandbox: () => boolean;
  clock: Clock;
  events: EventBus;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  worker?: Partial<SyncWorkerDeps>;
}

export type StoreDbLink = ReturnType<typeof setUpSync>;

/**
 * The till's side of the store database: the background worker (push and pull) and a small
 * pool for the supervisor's cross-till look-ups and refund claims. With no sync URL the till
 * works alone and every call here says so.
 */
export function setUpSync(d: SyncDeps) {
  const tillId = d.tillNo.padStart(2, '0');
  if (!d.syncUrl) {
    const off = (): SyncStatus => ({
      state: 'off',
      tillNo: tillId,
      server: null,
      pending: 0,
      lagMs: null,
      lastPushAt: null,
      lastPullAt: null,
      sharedVersion: sharedVersion(d.repos.db),
      error: null,
      retryAt: null,
    });
    return {
      tillId,
      enabled: false as const,
      status: off,
      withStore: null,
      start() {},
      async close() {},
    };
  }
  const target: SyncTarget = { url: d.syncUrl, password: d.password() };
  const server = describeTarget(d.syncUrl);
  const appName = `till-${tillId}`;
  let lastFaultCode: string | null = null;
  const worker: SyncWorker = createSyncWorker({
    db: d.repos.db,
    pulled: [sharedCatalogue(d.repos, d.clock), sharedUsers(d.repos, d.clock, d.sandbox)],
    tillId,
    server,
    connect: () => connectPg(target, appName),
    onStatus: (s) => d.events.emit('sync.updated', s),
    onPulled: (r) => {
      d.log.info({ from: r.from, to: r.to, changed: r.changed }, 'shared data pulled');
      // Rows this till's rules refuse are named for the technician; the rest of the version holds.
      if (r.refused.length > 0) d.log.warn({ to: r.to, refused: r.refused }, 'shared rows refused');
    },
    onFault: (f) => {
      // One line per new kind of failure, not one per retry; the message is scrubbed.
      if (f.code !== lastFaultCode)
        d.log.warn({ server, code: f.code, reason: f.message }, 'sync failed');
      lastFaultCode = f.code;
    },
    ...d.worker,
  });

  const url = new URL(d.syncUrl);
  if (target.password && !url.password) url.password = target.password;
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 2,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 3_000,
    query_timeout: 8_000,
    application_name: `${appName}-lookup`,
  });
  pool.on('error', () => undefined);

  /** Runs `fn` on a store database connection; a failure comes back as an offline/refused fault. */
  async function withStore<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  }

  return {
    tillId,
    enabled: true as const,
    status: () => worker.status(),
    withStore,
    start: () => {
      worker.start();
      d.log.info({ server }, 'sync started');
    },
    kick: () => worker.kick(),
    classify,
    async close() {
      await worker.stop();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The dev build's sync knobs (edition/knobs.ts) as worker settings; packaged builds pass {}. */
export function syncTuning(t: SyncKnobs): Partial<SyncWorkerDeps> {
  const out: Partial<SyncWorkerDeps> = {};
  if (t.batchSize) out.batchSize = t.batchSize;
  if (t.idleMs) out.idleMs = t.idleMs;
  if (t.pullEveryMs) out.pullEveryMs = t.pullEveryMs;
  if (t.backoffMaxMs)
    out.backoff = { baseMs: Math.min(500, t.backoffMaxMs), maxMs: t.backoffMaxMs };
  return out;
}
