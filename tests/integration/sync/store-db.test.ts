import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProducts } from '../../../electron/sync/pg/admin';
import { pullShared, sharedVersion } from '../../../electron/sync/pull';
import { sharedCatalogue } from '../../../electron/sync/sharedCatalogue';
import { systemClock } from '../../../electron/services/clock';
import { pushBatch } from '../../../electron/sync/push';
import { claimRefund } from '../../../electron/sync/remote';
import { createOutbox } from '../../../electron/sync/outbox';
import { openRepos } from '../../../electron/store';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import { tempDir } from '../../helpers/tmp';

let cluster: PgCluster;
let store: StoreDb;
const tmp = tempDir();
const clients: pg.Client[] = [];

async function asTill(no: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: await store.till(no) });
  c.on('error', () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
});
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  await store?.close();
  await cluster?.destroy();
  tmp.cleanup();
});

const batch = (rowKey: string, version = 1) => ({
  rows: [
    { tbl: 'orders', rowKey, version, atMs: Date.now(), data: { id: rowKey, status: 'PAID' } },
  ],
  entryTimes: [Date.now()],
  maxSeq: version,
});

describe('store database: least privilege, refund claims, shared data', () => {
  it("row-level security refuses a till that writes another till's rows", async () => {
    const t1 = await asTill('01');
    await asTill('02');
    await pushBatch(t1, '01', batch('O1'));
    // Till 01's login pushing as till 02: the whole batch is refused, nothing is written.
    await expect(pushBatch(t1, '02', batch('O2'))).rejects.toThrow(/row-level security/);
    // Nor can it overwrite a row that till 02 owns.
    const t2 = await asTill('02');
    await pushBatch(t2, '02', batch('O2'));
    const upd = await t1.query(
      `UPDATE till_rows SET data = '{"status":"VOID"}' WHERE till_id = '02' AND row_key = 'O2'`,
    );
    expect(upd.rowCount).toBe(0);
    await expect(t1.query('DELETE FROM till_rows')).rejects.toThrow(/permission denied/);
    await expect(
      t1.query('UPDATE refund_claims SET state = $1', ['FAILED']),
    ).resolves.toMatchObject({
      rowCount: 0,
    });
    const rows = await store.admin.query('SELECT till_id, row_key, data FROM till_rows ORDER BY 1');
    expect(rows.rows).toEqual([
      { till_id: '01', row_key: 'O1', data: { id: 'O1', status: 'PAID' } },
      { till_id: '02', row_key: 'O2', data: { id: 'O2', status: 'PAID' } },
    ]);
    // A redelivered or older version never overwrites a newer one.
    await pushBatch(t1, '01', batch('O1', 5));
    await pushBatch(t1, '01', batch('O1', 3));
    const v = await store.admin.query(
      "SELECT version::int AS v FROM till_rows WHERE row_key = 'O1'",
    );
    expect(v.rows[0]).toEqual({ v: 5 });
  });

  it('ten tills claiming the refund of one order at once: exactly one wins', async () => {
    const tills: pg.Client[] = [];
    // One at a time: they share the owner's connection to create the roles.
    for (let n = 21; n <= 30; n++) tills.push(await asTill(String(n)));
    const outcomes = await Promise.all(
      tills.map((c, i) =>
        claimRefund(c, { orderTill: '01', orderId: 'O1', requestId: `r${i}`, amountFen: 300 }),
      ),
    );
    const winners = outcomes.filter((o) => o.outcome === 'claimed');
    expect(winners).toHaveLength(1);
    const by = winners[0]?.claim.claimedBy;
    expect(
      outcomes
        .filter((o) => o.outcome === 'taken')
        .every((o) => o.outcome === 'taken' && o.by === by),
    ).toBe(true);
    // The winner retrying the same request gets its claim back; a new request is refused.
    const winner = tills[outcomes.indexOf(winners[0] as (typeof outcomes)[number])] as pg.Client;
    const again = await claimRefund(winner, {
      orderTill: '01',
      orderId: 'O1',
      requestId: winners[0]?.claim.requestId ?? '',
      amountFen: 300,
    });
    expect(again.outcome).toBe('mine');
    const other = await claimRefund(winner, {
      orderTill: '01',
      orderId: 'O1',
      requestId: 'new',
      amountFen: 300,
    });
    expect(other.outcome).toBe('taken');
    // Even the owner cannot insert a second claim past the primary key.
    await expect(
      store.admin.query(
        `INSERT INTO refund_claims (order_till, order_id, claimed_by, request_id, amount_fen) VALUES ('01','O1','21','x',1)`,
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  it('an order its own till already refunded cannot be claimed by another', async () => {
    const t2 = await asTill('02');
    await pushBatch(t2, '02', {
      rows: [
        {
          tbl: 'payments',
          rowKey: 'p9',
          version: 10,
          atMs: Date.now(),
          data: { id: 'p9', order_id: 'O9' },
        },
        {
          tbl: 'refunds',
          rowKey: 'r9',
          version: 11,
          atMs: Date.now(),
          data: { id: 'r9', payment_id: 'p9', state: 'REFUNDED', amount_fen: 100 },
        },
      ],
      entryTimes: [],
      maxSeq: 11,
    });
    const t1 = await asTill('01');
    const c = await claimRefund(t1, {
      orderTill: '02',
      orderId: 'O9',
      requestId: 'x',
      amountFen: 100,
    });
    expect(c).toMatchObject({ outcome: 'taken', by: '02' });
  });

  it("pulls the shared catalogue through the till's catalogue in one transaction and keeps the last version when offline", async () => {
    const repos = openRepos(join(tmp.dir, 'pull.db'));
    repos.products.importAll([
      { barcode: '6921000100009', name: '旧名', priceFen: 100, unit: '瓶' },
    ]);
    const shared = [sharedCatalogue(repos, systemClock)];
    const t = await asTill('03');
    expect(sharedVersion(repos.db)).toBeNull();
    const v1 = await publishProducts(store.admin, [
      { barcode: '6921000100009', name: '农夫山泉 550ml', priceFen: 200, unit: '瓶' },
      { barcode: '6921000100078', name: '怡宝 555ml', priceFen: 180, unit: '瓶', category: '饮料' },
      { barcode: '10001', name: '五花肉', priceFen: 2580, unit: '千克', plu: '1' },
    ]);
    expect(await pullShared(t, repos.db, shared)).toMatchObject({
      from: 0,
      to: v1,
      changed: 3,
      refused: [],
    });
    expect(repos.products.find('6921000100009')).toMatchObject({
      name: '农夫山泉 550ml',
      priceFen: 200,
    });
    expect(repos.products.byPlu('1')).toMatchObject({ barcode: '10001', weighed: true });
    // One catalogue version, pinyin keys for the search, and its audit row.
    const info = repos.catalogue.info();
    expect(info).toMatchObject({ source: `pull:v${v1}`, products: 3, active: 3 });
    const version = repos.products.find('6921000100078')?.version;
    expect(version).toBe(info.version);
    expect(
      repos.db
        .prepare("SELECT search_initials FROM products WHERE barcode = '6921000100078'")
        .get(),
    ).toEqual({ search_initials: 'yb555ml' });
    expect(
      repos.db
        .prepare("SELECT actor, subject FROM audit_log WHERE action = 'catalogue.pull'")
        .all(),
    ).toEqual([{ actor: 'store-db', subject: `pull:v${v1}` }]);

    const v2 = await publishProducts(store.admin, [], ['6921000100078']);
    await store.admin.query(
      `UPDATE shared_products SET price_fen = 250 WHERE barcode = '6921000100009'`,
    );
    expect((await pullShared(t, repos.db, shared)).changed).toBe(2);
    expect(sharedVersion(repos.db)).toBeGreaterThan(v2);
    // Retired centrally: kept (its orders name it), off sale.
    expect(repos.products.find('6921000100078')).toMatchObject({ active: false });
    expect(repos.products.find('6921000100009')?.priceFen).toBe(250);
    // A central row the till's rules refuse (a control byte would reach the printer) is named;
    // the rest of its version is taken.
    await store.admin.query(
      `UPDATE shared_products SET name = E'农夫山泉\\x1bp', price_fen = 260 WHERE barcode = '6921000100009'`,
    );
    await store.admin.query(`UPDATE shared_products SET price_fen = 2680 WHERE barcode = '10001'`);
    const refused = await pullShared(t, repos.db, shared);
    expect(refused.refused).toEqual([
      { key: '6921000100009', reason: expect.stringContaining('control character') },
    ]);
    expect(repos.products.find('6921000100009')).toMatchObject({ priceFen: 250 });
    expect(repos.products.find('10001')?.priceFen).toBe(2680);
    // Pulled again with nothing new: nothing changes. Server gone: the till keeps its version.
    expect((await pullShared(t, repos.db, shared)).changed).toBe(0);
    const kept = sharedVersion(repos.db);
    const catalogue = repos.catalogue.current();
    await t.end();
    await expect(pullShared(t, repos.db, shared)).rejects.toThrow();
    expect(sharedVersion(repos.db)).toBe(kept);
    expect(repos.catalogue.current()).toBe(catalogue);
    expect(repos.products.find('6921000100009')?.priceFen).toBe(250);
    // The catalogue is not echoed back: only the pulls' audit rows go out with the outbox (and
    // where the audit chain starts, migration 012).
    const ob = createOutbox(repos.db);
    ob.enable();
    expect(
      repos.db
        .prepare('SELECT DISTINCT tbl FROM sync_outbox ORDER BY tbl')
        .all()
        .map((r) => (r as { tbl: string }).tbl),
    ).toEqual(['audit_chain', 'audit_log']);
    repos.db.close();
  });
});
