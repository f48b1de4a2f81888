import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../electron/auth/pin';
import { publishProducts } from '../../../electron/sync/pg/admin';
import { migratePg } from '../../../electron/sync/pg/migrate';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb } from '../../helpers/storeDb';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => cluster?.destroy());

describe('store database migration 005: shared users', () => {
  it('adds a versioned shared_users table that tills read and never write', async () => {
    const store = await createStoreDb(cluster, { migrate: 4 });
    const db = store.admin;
    const v1 = await publishProducts(db, [
      { barcode: '6921000100009', name: '农夫山泉 550ml', priceFen: 200, unit: '瓶' },
    ]);
    const before = await db.query('SELECT barcode, name, price_fen, version FROM shared_products');
    expect((await migratePg(db, 5)).applied).toEqual(['5 shared-users']);
    // Products and their versions are as they were.
    expect(
      (await db.query('SELECT barcode, name, price_fen, version FROM shared_products')).rows,
    ).toEqual(before.rows);

    const hash = await hashPin('2468');
    const add = await db.query<{ version: string }>(
      `INSERT INTO shared_users (user_id, name, role, pin_hash)
       VALUES ('2001', '张三', 'cashier', $1) RETURNING version::text`,
      [hash],
    );
    // One store-wide sequence: the user's version follows the catalogue's.
    const vu = Number(add.rows[0]?.version);
    expect(vu).toBeGreaterThan(v1);
    const upd = await db.query<{ version: string }>(
      `UPDATE shared_users SET active = false WHERE user_id = '2001' RETURNING version::text`,
    );
    expect(Number(upd.rows[0]?.version)).toBeGreaterThan(vu);
    await expect(db.query(`DELETE FROM shared_users WHERE user_id = '2001'`)).rejects.toThrow(
      /never deleted/,
    );
    // The till's rules at the store: role, staff number, the hash format (never a PIN).
    const bad = (id: string, name: string, role: string, h: string) =>
      db.query('INSERT INTO shared_users (user_id, name, role, pin_hash) VALUES ($1,$2,$3,$4)', [
        id,
        name,
        role,
        h,
      ]);
    await expect(bad('2002', '李四', 'owner', hash)).rejects.toThrow(/check constraint/);
    await expect(bad('20', '李四', 'cashier', hash)).rejects.toThrow(/check constraint/);
    await expect(bad('2002', '李四', 'cashier', '1234')).rejects.toThrow(/check constraint/);
    await expect(bad('2002', 'a\x1b@', 'cashier', hash)).rejects.toThrow(/check constraint/);

    const till = new pg.Client({ connectionString: await store.till('01') });
    till.on('error', () => undefined);
    await till.connect();
    const seen = await till.query('SELECT user_id, role, active, pin_hash FROM shared_users');
    expect(seen.rows).toEqual([
      { user_id: '2001', role: 'cashier', active: false, pin_hash: hash },
    ]);
    // Row-level security and grants: a till may not add, change or delete a user.
    await expect(
      till.query(
        `INSERT INTO shared_users (user_id, name, role, pin_hash) VALUES ('8999', 'x', 'supervisor', $1)`,
        [hash],
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      till.query(`UPDATE shared_users SET active = true, role = 'supervisor'`),
    ).rejects.toThrow(/permission denied/);
    await expect(till.query(`DELETE FROM shared_users`)).rejects.toThrow(/permission denied/);
    expect(
      (await db.query(`SELECT active, role FROM shared_users WHERE user_id = '2001'`)).rows,
    ).toEqual([{ active: false, role: 'cashier' }]);
    await till.end();
    await store.close();
  });
});
