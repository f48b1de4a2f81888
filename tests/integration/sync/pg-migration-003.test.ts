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

describe('store database migration 003: the shared catalogue', () => {
  it('adds category, PLU and on-sale to products, takes shop codes, one PLU per product', async () => {
    const store = await createStoreDb(cluster, { migrate: 2 });
    const db = store.admin;
    await db.query(
      `INSERT INTO shared_products (barcode, name, price_fen, unit) VALUES ('6921000100009','水',200,'瓶')`,
    );
    const before = await db.query('SELECT version FROM shared_products');
    expect((await migratePg(db, 3)).applied).toEqual(['3 shared-catalogue']);
    // Adding the columns wrote no row: the product keeps its version, tills pull nothing again.
    expect(
      (
        await db.query(
          'SELECT barcode, version, category, plu, active, deleted FROM shared_products',
        )
      ).rows,
    ).toEqual([
      {
        barcode: '6921000100009',
        version: before.rows[0].version,
        category: '',
        plu: null,
        active: true,
        deleted: false,
      },
    ]);

    const insert = (barcode: string, plu: string | null, extra = '') =>
      db.query(
        `INSERT INTO shared_products (barcode, name, price_fen, unit, plu${extra ? ', category' : ''})
         VALUES ($1, '肉', 2580, '千克', $2${extra ? ', $3' : ''})`,
        extra ? [barcode, plu, extra] : [barcode, plu],
      );
    // A shop code of a weighed product (1–7 digits), with its scale PLU.
    await insert('10001', '1');
    await expect(insert('123456789', null)).rejects.toThrow(/barcode_check/);
    await expect(insert('10002', '007')).rejects.toThrow(/check constraint/);
    await expect(insert('10003', '1')).rejects.toThrow(/shared_products_by_plu/);
    await expect(
      insert('10004', null, '一二三四五六七八九十一二三四五六七八九十一'),
    ).rejects.toThrow(/check constraint/);
    // A retired product no longer holds its PLU: another may take it.
    await db.query(`UPDATE shared_products SET deleted = true WHERE barcode = '10001'`);
    await insert('10005', '1');

    const till = new pg.Client({ connectionString: await store.till('01') });
    till.on('error', () => undefined);
    await till.connect();
    const seen = await till.query(
      `SELECT barcode, category, plu, active FROM shared_products WHERE NOT deleted ORDER BY 1`,
    );
    expect(seen.rows).toEqual([
      { barcode: '10005', category: '', plu: '1', active: true },
      { barcode: '6921000100009', category: '', plu: null, active: true },
    ]);
    await till.end();
    await store.close();
  });
});
