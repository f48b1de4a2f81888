import pg from 'pg';
import { addTill } from '../../electron/sync/pg/admin';
import { migratePg } from '../../electron/sync/pg/migrate';
import type { PgCluster } from './pgCluster';

let counter = 0;

export interface StoreDb {
  name: string;
  /** The owner's connection (what `npm run store-db` uses). */
  admin: pg.Client;
  adminUrl: string;
  /** Creates till NN's role; returns its URL with its own password. */
  till(tillId: string): Promise<string>;
  /** A new owner connection (after the server was restarted). */
  reconnect(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh database in the cluster, migrated by the same code as `npm run store-db -- migrate`. */
export async function createStoreDb(
  cluster: PgCluster,
  opts: { migrate?: boolean | number } = {},
): Promise<StoreDb> {
  const name = `store_${process.pid}_${++counter}`;
  const root = new pg.Client({ connectionString: cluster.url });
  await root.connect();
  await root.query(`CREATE DATABASE ${name}`);
  await root.end();
  const adminUrl = cluster.url.replace(/\/postgres$/, `/${name}`);
  const connect = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const admin = await connect();
  if (opts.migrate !== false)
    await migratePg(admin, typeof opts.migrate === 'number' ? opts.migrate : undefined);
  const store: StoreDb = {
    name,
    admin,
    adminUrl,
    async till(tillId) {
      const { role, password } = await addTill(store.admin, tillId);
      return `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/${name}`;
    },
    async reconnect() {
      await store.admin.end().catch(() => undefined);
      store.admin = await connect();
    },
    close: () => store.admin.end().catch(() => undefined),
  };
  return store;
}
