import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_TABLES_012 } from '../../../electron/store/migrations/012_outbox_recovery_access';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { kill9 } from '../../helpers/spawnTill';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  compareAll,
  removeTill,
  sellCash,
  startSyncedTill,
  stopTill,
  syncStatus,
  waitFor,
  type RigTill,
} from '../../helpers/syncRig';

let cluster: PgCluster;
let store: StoreDb;
const started: RigTill[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
});
afterAll(async () => {
  for (const t of started) {
    await stopTill(t);
    removeTill(t);
  }
  await store?.close();
  await cluster?.destroy();
});

/** What the till's own SQLite holds of a table, by key (ids as text, as the outbox names them). */
function local(dataDir: string, sql: string): Record<string, unknown>[] {
  const db = new Database(join(dataDir, 'till.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** Recovery, shift and report work over the kiosk API, the way the screens do it. */
async function work(t: RigTill): Promise<void> {
  await t.api.signIn();
  // A backlog of ordinary sales too, so the push after the outage takes several batches.
  for (let i = 0; i < 25; i++) await sellCash(t, 1 + (i % 3));
  // A dropped order the customer insists on: recorded as a case (the sale is parked)…
  const scan = await t.api.value<{ orderId: string }>('sale.scan', { barcode: '6921000100009' });
  await t.api.value('case.record', { orderId: scan.orderId, number: '4200001234567890123' });
  // …and the wizard's steps on its timeline.
  for (const step of ['start', 'voucher', 'lookup'])
    await t.api.value('recovery.note', { orderId: scan.orderId, step, outcome: 'SEEN' });
  await sellCash(t, 1);
  await t.api.value('report.x');
  // Counting the drawer, then back to selling: the shift row moves twice.
  await t.api.value('shift.beginClose');
  await t.api.value('shift.cancelClose');
}

describe('migration 012 rows reach the store database once, in order, through kills', () => {
  it('cases, timeline, shifts, reports, users and the chain start arrive as the till has them, without PIN hashes', async () => {
    const url = await store.till('21');
    // Small batches, so kills land between a batch's commit and the outbox's clean-up.
    const env = { TILL_SYNC_BATCH: '3', TILL_SYNC_IDLE_MS: '50' };
    // First the store database is unreachable: the work piles up in the outbox.
    let t = await startSyncedTill('21', url.replace(/@127\.0\.0\.1:\d+/, '@127.0.0.1:1'), {
      env,
    });
    const dataDir = t.dataDir;
    await work(t);
    const before = await syncStatus(t);
    expect(before.pending).toBeGreaterThan(100);
    await kill9(t.proc);

    // Killed as soon as some batches are in and some are not: a push interrupted mid-way.
    let killedMidPush = 0;
    let pending = before.pending;
    for (let k = 0; k < 4 && pending > 0; k++) {
      t = await startSyncedTill('21', url, { dataDir, env });
      const was = pending;
      pending = await waitFor(
        'a batch pushed',
        async () => {
          const p = (await syncStatus(t)).pending;
          return p < was ? { p } : null;
        },
        30_000,
      ).then((r) => r.p);
      await kill9(t.proc);
      if (pending > 0) killedMidPush++;
    }
    expect(killedMidPush).toBeGreaterThan(0);
    t = await startSyncedTill('21', url, { dataDir, env });
    started.push(t);
    const c = await waitFor(
      'till 21 caught up',
      async () => {
        const r = await compareAll(t.dataDir, store.admin, '21');
        return r.missing.length === 0 && r.differ.length === 0 ? r : null;
      },
      60_000,
    );
    // Nothing extra (no row twice under another key, no row the till does not have).
    expect(c.extra).toEqual([]);

    const pushed = await store.admin.query<{
      tbl: string;
      row_key: string;
      version: string;
      data: Record<string, unknown>;
    }>(
      `SELECT tbl, row_key, version::text, data FROM till_rows WHERE till_id = '21' AND tbl = ANY($1)`,
      [OUTBOX_TABLES_012],
    );
    const of = (tbl: string) => pushed.rows.filter((r) => r.tbl === tbl);
    // Every table 012 sends has arrived, as many rows as the till holds.
    for (const tbl of OUTBOX_TABLES_012) {
      const n = local(dataDir, `SELECT COUNT(*) AS n FROM ${tbl}`)[0]?.n;
      expect(of(tbl).length, tbl).toBe(n);
      expect(of(tbl).length, tbl).toBeGreaterThan(0);
    }
    expect(of('cases')[0]?.data).toMatchObject({ kind: 'DROPPED_ORDER', state: 'OPEN' });
    expect(of('shifts')[0]?.data).toMatchObject({ state: 'OPEN', opened_by: '1001' });
    expect(of('reports')[0]?.data).toMatchObject({ kind: 'X' });

    // No secret left the till: no user row carries a PIN hash, nor does any row contain one.
    const hashes = local(dataDir, 'SELECT pin_hash FROM users').map((r) => String(r.pin_hash));
    expect(hashes.length).toBeGreaterThan(0);
    for (const u of of('users')) expect(u.data).not.toHaveProperty('pin_hash');
    const all = await store.admin.query<{ d: string }>(
      `SELECT string_agg(data::text, '') AS d FROM till_rows WHERE till_id = '21'`,
    );
    for (const h of hashes) expect(all.rows[0]?.d).not.toContain(h);

    // In order: append-only rows carry versions that grow with their ids (the till's order).
    for (const tbl of ['order_timeline', 'audit_log']) {
      const rows = (
        await store.admin.query<{ id: string; v: string }>(
          `SELECT row_key AS id, version::text AS v FROM till_rows WHERE till_id = '21' AND tbl = $1`,
          [tbl],
        )
      ).rows.sort((a, b) => Number(a.id) - Number(b.id));
      expect(rows.length, tbl).toBeGreaterThan(2);
      const versions = rows.map((r) => Number(r.v));
      expect(versions, tbl).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size, tbl).toBe(versions.length);
    }
    // Another till's login sees none of them (row-level security: its own rows only).
    const other = await import('pg').then(async ({ default: pg }) => {
      const cl = new pg.Client({ connectionString: await store.till('22') });
      await cl.connect();
      try {
        return (
          await cl.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM till_rows WHERE till_id = '21' AND tbl = ANY($1)`,
            [OUTBOX_TABLES_012],
          )
        ).rows[0]?.n;
      } finally {
        await cl.end();
      }
    });
    expect(other).toBe('0');
  }, 150_000);
});
