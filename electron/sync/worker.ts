import type pg from 'pg';
import type { SyncStatus } from '../../shared/api/sync';
import type { Db } from '../store';
import { classify, SyncRefused, type SyncFault } from './errors';
import { createOutbox } from './outbox';
import { pgSchemaVersion } from './pg/migrate';
import { pullShared, sharedVersion, type PulledTable, type PullResult } from './pull';
import { pushBatch } from './push';

/**
 * The oldest store database schema this till can sync with (v4: look-ups by number across
 * tills). Staff edited centrally (v5) is pulled where the store has it; a store still at v4
 * syncs as before and each till keeps the users it has.
 */
export const REQUIRED_PG_SCHEMA = 4;

export interface PushedInfo {
  rows: number;
  entryTimes: number[];
  bytes: number;
  ackAtMs: number;
}

export interface SyncWorkerDeps {
  db: Db;
  tillId: string;
  connect: () => Promise<pg.Client>;
  /** Shared data this till pulls (the catalogue: sharedCatalogue.ts); none for a bench. */
  pulled?: readonly PulledTable[];
  /** host:port/database for the status; never credentials. */
  server: string | null;
  batchSize?: number;
  idleMs?: number;
  pullEveryMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  onStatus?: (s: SyncStatus) => void;
  onPushed?: (info: PushedInfo) => void;
  onPulled?: (r: PullResult) => void;
  onFault?: (f: SyncFault) => void;
}

/**
 * Pushes the outbox to the store database and pulls shared data, forever, off the till's
 * critical path: a sale writes SQLite and returns; this loop catches up when it can. Any
 * failure drops the connection and retries with exponential back-off (jittered, capped), so a
 * server restart or a cable pulled for an hour just delays the store's view.
 */
export function createSyncWorker(deps: SyncWorkerDeps) {
  const outbox = createOutbox(deps.db);
  const batchSize = deps.batchSize ?? 500;
  const idleMs = deps.idleMs ?? 500;
  const pullEveryMs = deps.pullEveryMs ?? 30_000;
  const backoff = deps.backoff ?? { baseMs: 500, maxMs: 30_000 };
  let client: pg.Client | null = null;
  let schema = REQUIRED_PG_SCHEMA;
  let state: SyncStatus['state'] = 'connecting';
  let fault: SyncFault | null = null;
  let failures = 0;
  let retryAt: number | null = null;
  let lastPushAt: number | null = null;
  let lastPullAt: number | null = null;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const status = (): SyncStatus => {
    const s = outbox.stats();
    return {
      state,
      tillNo: deps.tillId,
      server: deps.server,
      pending: s.pending,
      lagMs: s.oldestMs === null ? null : Math.max(0, Date.now() - s.oldestMs),
      lastPushAt: lastPushAt === null ? null : new Date(lastPushAt).toISOString(),
      lastPullAt: lastPullAt === null ? null : new Date(lastPullAt).toISOString(),
      sharedVersion: sharedVersion(deps.db),
      error: fault ? { code: fault.code, message: fault.message } : null,
      retryAt: retryAt === null ? null : new Date(retryAt).toISOString(),
    };
  };
  const setState = (next: SyncStatus['state']) => {
    const changed = next !== state;
    state = next;
    if (changed) deps.onStatus?.(status());
  };

  async function open(): Promise<pg.Client> {
    if (client) return client;
    setState('connecting');
    const c = await deps.connect();
    try {
      const v = await pgSchemaVersion(c);
      schema = v;
      if (v < REQUIRED_PG_SCHEMA)
        throw new SyncRefused(
          'SYNC_SCHEMA',
          `store database schema v${v} is older than v${REQUIRED_PG_SCHEMA}: run npm run store-db -- migrate`,
        );
      const me = await c.query<{ t: string | null }>('SELECT current_till() AS t');
      const till = me.rows[0]?.t ?? null;
      if (till !== deps.tillId)
        throw new SyncRefused(
          'SYNC_ROLE',
          till
            ? `this login belongs to till ${till}, not till ${deps.tillId}`
            : `this login is not a till of the store (npm run store-db -- add-till ${deps.tillId})`,
        );
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    client = c;
    return c;
  }

  async function cycle(): Promise<void> {
    const c = await open();
    for (let batch = outbox.next(batchSize); batch; batch = outbox.next(batchSize)) {
      setState('sending');
      const { bytes } = await pushBatch(c, deps.tillId, batch);
      // Only after the commit: a kill between the two sends the batch again, to no effect.
      outbox.ack(batch.maxSeq);
      lastPushAt = Date.now();
      deps.onPushed?.({
        rows: batch.rows.length,
        entryTimes: batch.entryTimes,
        bytes,
        ackAtMs: lastPushAt,
      });
      if (!running) return;
    }
    if (lastPullAt === null || Date.now() - lastPullAt >= pullEveryMs) {
      const r = await pullShared(c, deps.db, deps.pulled ?? [], schema);
      lastPullAt = Date.now();
      if (r.changed > 0) deps.onPulled?.(r);
    }
    fault = null;
    failures = 0;
    retryAt = null;
    setState('synced');
  }

  const sleep = (ms: number) =>
    new Promise<void>((done) => {
      const t = setTimeout(() => {
        wake = null;
        done();
      }, ms);
      wake = () => {
        clearTimeout(t);
        wake = null;
        done();
      };
    });

  async function run(): Promise<void> {
    while (running) {
      try {
        await cycle();
        if (running) await sleep(idleMs);
      } catch (err) {
        fault = classify(err);
        deps.onFault?.(fault);
        const old = client;
        client = null;
        await old?.end().catch(() => undefined);
        failures++;
        const cap = fault.kind === 'error' ? backoff.maxMs : backoff.baseMs * 2 ** (failures - 1);
        const delay = Math.min(backoff.maxMs, cap) * (0.5 + Math.random() / 2);
        retryAt = Date.now() + delay;
        // Every failed attempt tells the screens (how much waits now), not only the first.
        if (state === fault.kind) deps.onStatus?.(status());
        setState(fault.kind);
        if (running) await sleep(delay);
      }
    }
  }

  return {
    start(): void {
      if (running) return;
      outbox.enable();
      running = true;
      loop = run();
    },
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
      await client?.end().catch(() => undefined);
      client = null;
    },
    /** Try now (after a sale, or the technician's "sync now"), cutting a back-off short. */
    kick(): void {
      wake?.();
    },
    status,
  };
}
export type SyncWorker = ReturnType<typeof createSyncWorker>;
