import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { kioskClient } from './kioskClient';
import { seedCatalogue } from './seedCatalogue';
import { kill9, spawnTill, type TillProcess } from './spawnTill';

export interface RigTill {
  tillNo: string;
  dataDir: string;
  proc: TillProcess;
  api: ReturnType<typeof kioskClient>;
}

/** Fast worker timings for tests: small batches, a short poll, a 1 s back-off cap. */
export const FAST_SYNC = {
  TILL_SYNC_BATCH: '25',
  TILL_SYNC_IDLE_MS: '100',
  TILL_SYNC_PULL_MS: '300',
  TILL_SYNC_BACKOFF_MAX_MS: '1000',
};

/** A till as a child process (dist/host/start.cjs), synced to `syncUrl`. */
export async function startSyncedTill(
  tillNo: string,
  syncUrl: string,
  opts: { dataDir?: string; env?: Record<string, string>; settings?: object } = {},
): Promise<RigTill> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `till-sync-${tillNo}-`));
  // A new data folder gets the shop's catalogue before the till's first start, whatever mode
  // the till decides on: a live one (an acquirer in its settings) has none of its own.
  if (!existsSync(join(dataDir, 'till.db'))) seedCatalogue(dataDir);
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({ tillNo, cashier: `收银员${tillNo}`, ...opts.settings }),
  );
  const proc = await spawnTill(
    {
      TILL_DATA_DIR: dataDir,
      TILL_GATEWAY: 'sandbox',
      TILL_PRINTER: undefined,
      TILL_SYNC_URL: syncUrl,
      ...FAST_SYNC,
      ...opts.env,
    },
    30_000,
  );
  return { tillNo, dataDir, proc, api: kioskClient(proc.port, proc.token) };
}

export const stopTill = (t: RigTill) => kill9(t.proc);
export const removeTill = (t: RigTill) => rmSync(t.dataDir, { recursive: true, force: true });

/** One cash sale of `qty` bottles of water; returns its order id. */
export async function sellCash(t: RigTill, qty = 1): Promise<string> {
  const scan = await t.api.call('sale.scan', { barcode: '6921000100009', qty });
  if (!scan.json.ok) throw new Error(`scan failed: ${JSON.stringify(scan.json)}`);
  const sale = scan.json.value as unknown as { orderId: string; totalFen: number };
  const pay = await t.api.call('pay.start', { kind: 'cash', receivedFen: sale.totalFen });
  if (!pay.json.ok) throw new Error(`pay failed: ${JSON.stringify(pay.json)}`);
  return sale.orderId;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | false | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every synced row of a till as its SQLite has it: table → key → JSON of the row. */
export function tillOrders(dataDir: string): { id: string; status: string; total_fen: number }[] {
  const db = new Database(join(dataDir, 'till.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT id, status, total_fen FROM orders WHERE status = 'PAID' ORDER BY id")
      .all() as { id: string; status: string; total_fen: number }[];
  } finally {
    db.close();
  }
}

export async function storeOrders(
  admin: pg.Client,
  tillId: string,
): Promise<{ id: string; status: string; total_fen: number }[]> {
  const r = await admin.query<{ id: string; status: string; total_fen: number }>(
    `SELECT row_key AS id, data->>'status' AS status, (data->>'total_fen')::int AS total_fen
       FROM till_rows WHERE till_id = $1 AND tbl = 'orders' AND data->>'status' = 'PAID' ORDER BY row_key`,
    [tillId],
  );
  return r.rows;
}

/**
 * Compares every synced row of a till, as its SQLite has it, with what the store database
 * holds for that till: nothing missing, nothing extra, every row's content equal.
 */
export async function compareAll(
  dataDir: string,
  admin: pg.Client,
  tillId: string,
): Promise<{ rows: number; missing: string[]; extra: string[]; differ: string[] }> {
  const { SYNCED_TABLES } = await import('../../electron/sync/tables');
  const db = new Database(join(dataDir, 'till.db'), { readonly: true, fileMustExist: true });
  const local = new Map<string, string>();
  try {
    for (const t of SYNCED_TABLES) {
      const where = t.only ? ` WHERE ${t.only}` : '';
      for (const row of db.prepare(`SELECT * FROM ${t.table}${where}`).all() as Record<
        string,
        unknown
      >[]) {
        for (const c of t.omit ?? []) delete row[c];
        const key =
          t.key.length === 1
            ? String(row[t.key[0] as string])
            : JSON.stringify(t.key.map((k) => row[k]));
        local.set(`${t.table} ${key}`, JSON.stringify(sorted(row)));
      }
    }
  } finally {
    db.close();
  }
  const remote = await admin.query<{
    tbl: string;
    row_key: string;
    data: Record<string, unknown> | null;
  }>('SELECT tbl, row_key, data FROM till_rows WHERE till_id = $1', [tillId]);
  const seen = new Map<string, string>();
  for (const r of remote.rows)
    if (r.data) seen.set(`${r.tbl} ${r.row_key}`, JSON.stringify(sorted(r.data)));
  const missing = [...local.keys()].filter((k) => !seen.has(k));
  const extra = [...seen.keys()].filter((k) => !local.has(k));
  const differ = [...local.keys()].filter((k) => seen.has(k) && seen.get(k) !== local.get(k));
  return { rows: local.size, missing, extra, differ };
}

const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

export async function syncStatus(
  t: RigTill,
): Promise<{ state: string; pending: number; lagMs: number | null }> {
  const r = await t.api.call('sync.status', {});
  return r.json.value as unknown as { state: string; pending: number; lagMs: number | null };
}
