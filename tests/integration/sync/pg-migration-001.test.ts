import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTill } from '../../../electron/sync/pg/admin';
import { migratePg, pgSchemaVersion } from '../../../electron/sync/pg/migrate';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb } from '../../helpers/storeDb';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => cluster?.destroy());

describe('store database migration 001: store', () => {
  it('creates tills, rows, claims with row-level security, from an empty database', async () => {
    const store = await createStoreDb(cluster, { migrate: false });
    expect(await pgSchemaVersion(store.admin)).toBe(0);
    const r = await migratePg(store.admin, 1);
    expect(r).toMatchObject({ from: 0, to: 1, applied: ['1 store'] });
    const rls = await store.admin.query<{ relname: string; relrowsecurity: boolean }>(
      `SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('till_rows','till_sync','refund_claims','tills') ORDER BY relname`,
    );
    expect(rls.rows.every((x) => x.relrowsecurity)).toBe(true);
    expect(rls.rows).toHaveLength(4);

    const { role, password } = await addTill(store.admin, '02');
    expect(role).toBe(`${store.name}_till_02`);
    const till = new pg.Client({
      connectionString: `postgres://${role}:${password}@127.0.0.1:${cluster.port}/${store.name}`,
    });
    till.on('error', () => undefined);
    await till.connect();
    expect((await till.query('SELECT current_till() AS t')).rows[0]).toEqual({ t: '02' });
    await till.query(
      `INSERT INTO till_rows (till_id, tbl, row_key, version, data, changed_at) VALUES ('02','orders','o1',1,'{}',now())`,
    );
    // No DDL, no deletes, no other till's rows.
    await expect(till.query('DELETE FROM till_rows')).rejects.toThrow(/permission denied/);
    await expect(till.query('CREATE TABLE x (a int)')).rejects.toThrow(/permission denied/);
    await expect(
      till.query(
        `INSERT INTO till_rows (till_id, tbl, row_key, version, data, changed_at) VALUES ('01','orders','o2',1,'{}',now())`,
      ),
    ).rejects.toThrow(/row-level security/);
    await till.end();
    // A wrong password is refused by the server itself.
    const bad = new pg.Client({
      connectionString: `postgres://${role}:wrong@127.0.0.1:${cluster.port}/${store.name}`,
    });
    bad.on('error', () => undefined);
    await expect(bad.connect()).rejects.toThrow(/password authentication failed/);
    await store.close();
  });

  it('is applied once: a second migrate, or two at once, change nothing', async () => {
    const store = await createStoreDb(cluster, { migrate: false });
    const other = new pg.Client({ connectionString: store.adminUrl });
    other.on('error', () => undefined);
    await other.connect();
    const [a, b] = await Promise.all([migratePg(store.admin, 1), migratePg(other, 1)]);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, 1]);
    expect((await migratePg(store.admin, 1)).applied).toEqual([]);
    await other.end();
    await store.close();
  });
});
