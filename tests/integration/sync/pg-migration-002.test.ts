import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../../electron/sync/pg/migrate';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb } from '../../helpers/storeDb';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => cluster?.destroy());

describe('store database migration 002: shared products', () => {
  it('versions every write in commit order, refuses deletes, and lets tills only read', async () => {
    const store = await createStoreDb(cluster, { migrate: 1 });
    expect((await migratePg(store.admin, 2)).applied).toEqual(['2 shared-products']);
    const db = store.admin;
    await db.query(
      `INSERT INTO shared_products (barcode, name, price_fen) VALUES ('6921000100009','水',200)`,
    );
    await db.query(`UPDATE shared_products SET price_fen = 250`);
    const v = await db.query<{ version: string }>('SELECT version FROM shared_products');
    expect(Number(v.rows[0]?.version)).toBe(2);
    await expect(db.query('DELETE FROM shared_products')).rejects.toThrow(/never deleted/);
    await expect(
      db.query(`INSERT INTO shared_products (barcode, name, price_fen) VALUES ('12','x',-1)`),
    ).rejects.toThrow(/check constraint/);

    // Two editors at once: the second waits for the first's commit, so versions follow commits.
    const other = new pg.Client({ connectionString: store.adminUrl });
    other.on('error', () => undefined);
    await other.connect();
    await db.query('BEGIN');
    const first = await db.query<{ version: string }>(
      `UPDATE shared_products SET name = '水A' RETURNING version`,
    );
    const second = other.query(`UPDATE shared_products SET name = '水B' RETURNING version`);
    await new Promise((r) => setTimeout(r, 200));
    await db.query('COMMIT');
    const r = await second;
    // Gaps are fine (a refused insert used a number); the order is what a pull relies on.
    expect(Number((r.rows[0] as { version: string }).version)).toBeGreaterThan(
      Number(first.rows[0]?.version),
    );

    const url = await store.till('01');
    const till = new pg.Client({ connectionString: url });
    till.on('error', () => undefined);
    await till.connect();
    expect((await till.query('SELECT name FROM shared_products')).rows).toEqual([{ name: '水B' }]);
    await expect(till.query(`UPDATE shared_products SET price_fen = 1`)).rejects.toThrow(
      /permission denied/,
    );
    await till.end();
    await other.end();
    await store.close();
  });
});
