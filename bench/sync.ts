import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { addTill } from '../electron/sync/pg/admin';
import { migratePg } from '../electron/sync/pg/migrate';
import { pushBatch } from '../electron/sync/push';
import { createOutbox } from '../electron/sync/outbox';
import { createSyncWorker, type SyncWorker } from '../electron/sync/worker';
import { startPgCluster, type PgCluster } from '../tests/helpers/pgCluster';
import { tempDir } from '../tests/helpers/tmp';
import { percentile } from './stats';
import { benchCrossTill } from './sync/crossTill';
import { openTill, socketBytes, writeOrders, type BenchTill } from './sync/tills';

const TILLS = Number(process.env.BENCH_SYNC_TILLS ?? 10);
const ORDERS = Number(process.env.BENCH_SYNC_ORDERS ?? 10_000);
const LIVE_S = Number(process.env.BENCH_SYNC_LIVE_S ?? 20);
const BATCH = Number(process.env.BENCH_SYNC_BATCH ?? 500);

async function storeDb(
  cluster: PgCluster,
): Promise<{ admin: pg.Client; url: (role: string, pw: string) => string }> {
  const root = new pg.Client({ connectionString: cluster.url });
  await root.connect();
  await root.query('CREATE DATABASE bench');
  await root.end();
  const admin = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, '/bench') });
  await admin.connect();
  await migratePg(admin);
  return { admin, url: (role, pw) => `postgres://${role}:${pw}@127.0.0.1:${cluster.port}/bench` };
}

function workerFor(t: BenchTill, url: string, lags: number[]): SyncWorker {
  return createSyncWorker({
    db: t.repos.db,
    tillId: t.tillId,
    server: 'bench',
    pullEveryMs: 3_600_000,
    batchSize: BATCH,
    connect: async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('error', () => undefined);
      await c.connect();
      t.clients.push(c);
      return c;
    },
    onPushed: (p) => {
      for (const at of p.entryTimes) lags.push(p.ackAtMs - at);
    },
  });
}

const drained = (tills: BenchTill[]) =>
  tills.every((t) => createOutbox(t.repos.db).stats().pending === 0);
const waitDrained = async (tills: BenchTill[]) => {
  while (!drained(tills)) await new Promise((r) => setTimeout(r, 20));
};

/** `npm run bench` section: 10 tills × 10,000 orders pushed to a local PostgreSQL 15. */
export async function main(): Promise<void> {
  const tmp = tempDir('till-bench-sync-');
  const cluster = await startPgCluster();
  try {
    const { admin, url } = await storeDb(cluster);
    const tills: BenchTill[] = [];
    const urls: string[] = [];
    for (let i = 1; i <= TILLS; i++) {
      const id = String(i).padStart(2, '0');
      const { role, password } = await addTill(admin, id);
      urls.push(url(role, password));
      tills.push(openTill(tmp.dir, id));
    }
    const w0 = performance.now();
    for (const t of tills) writeOrders(t, ORDERS);
    const entries = createOutbox(tills[0]!.repos.db).stats().pending;
    console.log(
      `  ${TILLS} tills × ${ORDERS.toLocaleString('en')} orders written to their SQLite stores in ${((performance.now() - w0) / 1000).toFixed(1)} s (${entries / ORDERS} outbox entries per order)`,
    );

    // A: every till comes online with its whole backlog at once (a store after an outage).
    const backlogLags: number[] = [];
    const workers = tills.map((t, i) => workerFor(t, urls[i]!, backlogLags));
    const s0 = performance.now();
    workers.forEach((w) => w.start());
    await waitDrained(tills);
    const secs = (performance.now() - s0) / 1000;
    const total = TILLS * ORDERS;
    const bytesA = tills.reduce((s, t) => s + socketBytes(t), 0);
    console.log(
      `  backlog: ${total.toLocaleString('en')} orders (${((total * entries) / ORDERS).toLocaleString('en')} rows) pushed in ${secs.toFixed(1)} s: ${Math.round(total / secs).toLocaleString('en')} orders/s, ${(bytesA / total).toFixed(0)} bytes per order on the wire (both ways)`,
    );

    // B: live selling, 10 orders/s at every till (a queue at every till of a busy store).
    const liveLags: number[] = [];
    const live = tills.map((t, i) => workerFor(t, urls[i]!, liveLags));
    await Promise.all(workers.map((w) => w.stop()));
    const before = tills.map(socketBytes);
    live.forEach((w) => w.start());
    const end = performance.now() + LIVE_S * 1000;
    let sold = 0;
    while (performance.now() < end) {
      for (const t of tills) writeOrders(t, 1, 1);
      sold += tills.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitDrained(tills);
    const bytesB = tills.reduce((s, t, i) => s + socketBytes(t) - (before[i] ?? 0), 0);
    console.log(
      `  live: ${sold.toLocaleString('en')} orders sold over ${LIVE_S} s (${Math.round(sold / LIVE_S)} orders/s store-wide); change lag sale → store database p50 ${percentile(liveLags, 50).toFixed(0)} ms, p95 ${percentile(liveLags, 95).toFixed(0)} ms, max ${Math.max(...liveLags).toFixed(0)} ms (worker polls every 500 ms); ${(bytesB / sold).toFixed(0)} bytes per order`,
    );
    console.log(
      `  backlog lag (waited in the outbox while the tills caught up): p50 ${(percentile(backlogLags, 50) / 1000).toFixed(1)} s, p95 ${(percentile(backlogLags, 95) / 1000).toFixed(1)} s`,
    );
    await Promise.all(live.map((w) => w.stop()));
    const size = await admin.query<{ b: string }>(
      "SELECT pg_total_relation_size('till_rows')::text AS b",
    );
    console.log(
      `  store database: ${(Number(size.rows[0]?.b) / (total + sold)).toFixed(0)} bytes on disk per order (till_rows with its indexes)`,
    );

    const till01 = new pg.Client({ connectionString: urls[0] });
    await till01.connect();
    const last = tills[tills.length - 1]!.tillId;
    await benchCrossTill(
      till01,
      (i) => `2026${last}${String(1 + ((i * 7919) % ORDERS)).padStart(14, '0')}`,
      total + sold,
    );
    await till01.end();

    // Peer: the same rows, one INSERT … ON CONFLICT per row and round trip (a naive sync loop).
    const peer = openTill(tmp.dir, '99');
    const { role, password } = await addTill(admin, '99');
    const n = Math.min(ORDERS, 1_000);
    writeOrders(peer, n);
    const c = new pg.Client({ connectionString: url(role, password) });
    await c.connect();
    const ob = createOutbox(peer.repos.db);
    const p0 = performance.now();
    for (let b = ob.next(500); b; b = ob.next(500)) {
      for (const r of b.rows)
        await pushBatch(c, '99', { rows: [r], entryTimes: [], maxSeq: r.version });
      ob.ack(b.maxSeq);
    }
    const peerRate = n / ((performance.now() - p0) / 1000);
    console.log(
      `  peer, row at a time (one transaction per row, 1 till): ${Math.round(peerRate).toLocaleString('en')} orders/s — batched is ${(total / secs / peerRate).toFixed(1)}× that with ${TILLS} tills at once`,
    );
    console.log(
      '  (all tills run in this one Node process on a 2-core machine together with the server: a lower bound for real tills, each on its own machine)',
    );
    await c.end();
    await admin.end();
    for (const t of [...tills, peer]) t.repos.db.close();
  } finally {
    await cluster.destroy();
    tmp.cleanup();
  }
}
