import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/api/shift';
import { DEMO } from '../../helpers/kioskClient';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  removeTill,
  sellCash,
  startSyncedTill,
  stopTill,
  storeOrders,
  waitFor,
  type RigTill,
} from '../../helpers/syncRig';

let cluster: PgCluster;
let store: StoreDb;
const tills: RigTill[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
  for (const no of ['01', '02']) {
    const t = await startSyncedTill(no, await store.till(no));
    await t.api.signIn();
    tills.push(t);
  }
});
afterAll(async () => {
  for (const t of tills) {
    await stopTill(t);
    removeTill(t);
  }
  await store?.close();
  await cluster?.destroy();
});

/** The day report, printed by a supervisor at `t`. */
async function dayReport(t: RigTill): Promise<Report> {
  await t.api.signIn(DEMO.supervisor, { shift: false });
  const r = await t.api.value<Report>('report.day', {});
  await t.api.signIn(DEMO.cashier);
  return r;
}

describe('the X, Z and day reports cover the whole store', () => {
  it("prints every till's takings from the store database, this till's own figures beside", async () => {
    const [a, b] = tills as [RigTill, RigTill];
    for (let i = 0; i < 2; i++) await sellCash(a, 1);
    await sellCash(b, 3);
    const totals = new Map<string, number>();
    for (const [t, n] of [
      [a, 2],
      [b, 1],
    ] as const) {
      const rows = await waitFor(`till ${t.tillNo} synced`, async () => {
        const r = await storeOrders(store.admin, t.tillNo);
        return r.length >= n ? r : null;
      });
      totals.set(
        t.tillNo,
        rows.reduce((s, o) => s + o.total_fen, 0),
      );
    }

    const report = await dayReport(a);
    expect(report.kind).toBe('DAY');
    const s = report.figures.store;
    expect(s?.state).toBe('ok');
    expect(s?.tills.map((x) => [x.tillId, x.orders, x.salesFen])).toEqual([
      ['01', 2, totals.get('01')],
      ['02', 1, totals.get('02')],
    ]);
    // This till's own part stays its own: two sales.
    expect(report.figures.totals.salesCount).toBe(2);
    expect(report.text).toContain('全店汇总');
    expect(report.text).toContain('款台 01（本机） 2 笔');
    expect(report.text).toContain('款台 02 1 笔');
    const all = (totals.get('01') ?? 0) + (totals.get('02') ?? 0);
    expect(report.text).toMatch(new RegExp(`全店净额\\s+${(all / 100).toFixed(2)}`));
  });

  it('prints the same store section on the X (mid-shift) and the Z (shift close)', async () => {
    const [a] = tills as [RigTill];
    const x = await a.api.value<Report>('report.x', {});
    expect(x.kind).toBe('X');
    expect(x.figures.store?.tills.map((t) => [t.tillId, t.orders])).toEqual([
      ['01', 2],
      ['02', 1],
    ]);
    expect(x.text).toContain('全店汇总');
    await a.api.value('shift.beginClose', {});
    const z = await a.api.value<Report>('shift.close', { countedFen: 0 });
    expect(z.kind).toBe('Z');
    expect(z.figures.store?.state).toBe('ok');
    expect(z.text).toContain('款台 02 1 笔');
    // This shift's own figures are still this till's alone.
    expect(z.figures.totals.salesCount).toBe(2);
    await a.api.value('shift.open', { floatFen: 0 });
  });

  it('says the store part is missing when the store database is away, and still prints', async () => {
    const [a] = tills as [RigTill];
    await cluster.stop();
    try {
      const report = await dayReport(a);
      expect(report.figures.store?.state).toBe('offline');
      expect(report.figures.store?.tills).toEqual([]);
      expect(report.text).toContain('门店数据库未连接：以上仅为本款台数据');
      expect(report.text).not.toContain('全店净额');
      expect(report.figures.totals.salesCount).toBe(2);
    } finally {
      await cluster.start();
    }
  });
});
