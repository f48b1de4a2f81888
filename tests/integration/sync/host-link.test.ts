import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProducts } from '../../../electron/sync/pg/admin';
import { DEMO } from '../../helpers/kioskClient';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  removeTill,
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

const WATER = '6921000100009';

describe('a till linked to the store database', () => {
  it('pulls central prices, sells at them, reports the version, and keeps them across a restart', async () => {
    const v = await publishProducts(store.admin, [
      { barcode: WATER, name: '农夫山泉 550ml（门店价）', priceFen: 180, unit: '瓶' },
    ]);
    // The password comes from the key store, not the URL: settings name the role only.
    const url = new URL(await store.till('41'));
    const dataDir = mkdtempSync(join(tmpdir(), 'till-link-'));
    const password = decodeURIComponent(url.password);
    // As the technician does: `npm run keys -- set sync.password`, the password piped on stdin.
    execFileSync(
      process.execPath,
      [resolve('dist/host/start.cjs'), 'keys', 'set', 'sync.password', '--data-dir', dataDir],
      { input: `${password}\n`, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    url.password = '';
    let t = await startSyncedTill('41', url.toString(), { dataDir });
    await waitFor(
      'pulled',
      async () =>
        (await syncStatus(t)).state === 'synced' &&
        (await t.api.call('sync.status', {})).json.value,
    );
    const s = (await t.api.call('sync.status', {})).json.value as unknown as {
      sharedVersion: number;
    };
    expect(s.sharedVersion).toBe(v);
    const scan = await t.api.call('sale.scan', { barcode: WATER });
    expect(scan.json.value).toMatchObject({ totalFen: 180 });
    // Taken into the till's catalogue: its own version, and the pinyin search finds the new name.
    const info = await t.api.call('catalogue.info', {});
    expect(info.json.value).toMatchObject({ source: `pull:v${v}` });
    const found = await t.api.call('product.search', { query: 'mdj' });
    expect(JSON.stringify(found.json.value)).toContain('农夫山泉 550ml（门店价）');
    // The printer report is the technician's screen (printer.report).
    await t.api.signIn(DEMO.technician);
    const report = await t.api.call('printer.report', {});
    const text = (report.json.value as unknown as { text: string }).text;
    expect(text).toContain(`店铺数据版本 shared data version: v${v}`);
    expect(text).toMatch(new RegExp(`商品库 catalogue: v\\d+ \\(pull:v${v}, `));
    expect(text).toContain(`款台 till 41, 状态 state synced`);

    await stopTill(t);
    t = await startSyncedTill('41', url.toString(), { dataDir });
    started.push(t);
    // Restarted with the server away: the pulled catalogue stays, not the built-in sample.
    await cluster.stop();
    const again = await t.api.call('sale.clear', {});
    expect(again.json.ok).toBe(true);
    const scan2 = await t.api.call('sale.scan', { barcode: WATER });
    expect(scan2.json.value).toMatchObject({ totalFen: 180 });
    await cluster.start();
    await store.reconnect();

    const logs = readFileSync(join(dataDir, 'logs', 'till.log'), 'utf8');
    expect(logs).toContain('sync started');
    expect(logs).not.toContain(password);
    expect(t.proc.output()).not.toContain(password);
  });

  it('a wrong password is an error the technician sees, and it is in no log', async () => {
    const url = new URL(await store.till('42'));
    const real = decodeURIComponent(url.password);
    url.password = 'Wr0ngSecret42';
    const t = await startSyncedTill('42', url.toString());
    started.push(t);
    const s = await waitFor('refused', async () => {
      const x = (await t.api.call('sync.status', {})).json.value as unknown as {
        state: string;
        error: { code: string; message: string } | null;
      };
      return x.state === 'error' ? x : null;
    });
    expect(s.error?.code).toBe('28P01');
    expect(s.error?.message).toMatch(/password authentication failed/);
    const logs = readFileSync(join(t.dataDir, 'logs', 'till.log'), 'utf8');
    expect(logs).toContain('sync failed');
    for (const secret of ['Wr0ngSecret42', real]) {
      expect(logs).not.toContain(secret);
      expect(t.proc.output()).not.toContain(secret);
      expect(JSON.stringify(s)).not.toContain(secret);
    }
  });

  it("a login of another till is refused: till 43's role cannot push as till 44", async () => {
    const url = await store.till('43');
    const t = await startSyncedTill('44', url);
    started.push(t);
    const s = await waitFor('refused', async () => {
      const x = (await t.api.call('sync.status', {})).json.value as unknown as {
        state: string;
        error: { code: string; message: string } | null;
      };
      return x.state === 'error' ? x : null;
    });
    expect(s.error).toMatchObject({ code: 'SYNC_ROLE' });
    expect(s.error?.message).toContain('till 43');
  });
});
