import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../electron/auth/pin';
import { createStaff } from '../../../electron/auth/staff';
import { systemClock } from '../../../electron/services/clock';
import { openRepos, type Repos } from '../../../electron/store';
import { publishProducts } from '../../../electron/sync/pg/admin';
import { migratePg } from '../../../electron/sync/pg/migrate';
import { createOutbox } from '../../../electron/sync/outbox';
import { pullShared, sharedVersion, tableVersion } from '../../../electron/sync/pull';
import { sharedCatalogue } from '../../../electron/sync/sharedCatalogue';
import { sharedUsers, USERS_VERSION_KEY } from '../../../electron/sync/sharedUsers';
import { userCli } from '../../../electron/sync/userCli';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import { tempDir } from '../../helpers/tmp';

let cluster: PgCluster;
const tmp = tempDir();
const clients: pg.Client[] = [];
const stores: StoreDb[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  for (const s of stores) await s.close();
  await cluster?.destroy();
  tmp.cleanup();
});

async function newStore(migrate?: number): Promise<StoreDb> {
  const s = await createStoreDb(cluster, migrate === undefined ? {} : { migrate });
  stores.push(s);
  return s;
}
async function asTill(store: StoreDb, no: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: await store.till(no) });
  c.on('error', () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

/** The CLI's own code, in-process: the PIN handed over as stdin would. */
async function cli(store: StoreDb, args: string[], pin = ''): Promise<string> {
  const lines: string[] = [];
  const code = await userCli(
    store.admin,
    args,
    (l) => lines.push(l),
    async () => pin,
  );
  if (code !== 0) throw new Error(`store-db user ${args.join(' ')}: ${lines.join('\n')}`);
  return lines.join('\n');
}

/** A till's store with its own (non-demo) supervisor and the sandbox demo accounts. */
async function till(name: string): Promise<Repos> {
  const repos = openRepos(join(tmp.dir, `${name}.db`));
  const at = new Date().toISOString();
  repos.users.insert({
    id: '8100',
    name: '本店主管',
    role: 'supervisor',
    pinHash: await hashPin('5555'),
    demo: false,
    at,
  });
  for (const [id, role, pin] of [
    ['1001', 'cashier', '1234'],
    ['8001', 'supervisor', '8888'],
  ] as const)
    repos.users.insert({
      id,
      name: `演示${id}`,
      role,
      pinHash: await hashPin(pin),
      demo: true,
      at,
    });
  return repos;
}

// Live rules (sandbox off): the demo supervisor does not count as a supervisor of the till.
const live = () => false;
const staffOf = (repos: Repos) =>
  createStaff({ repos, clock: systemClock, sandbox: live, actor: () => 'test' });
const pulls = (repos: Repos) =>
  repos.db
    .prepare("SELECT subject, detail FROM audit_log WHERE action = 'users.pull' ORDER BY id")
    .all()
    .map((r) => {
      const x = r as { subject: string; detail: string };
      return { subject: x.subject, detail: JSON.parse(x.detail) as Record<string, unknown> };
    });

describe('staff edited in the store database, pulled by each till', () => {
  it('adds, disables and re-keys users in one transaction with a users.pull row; keeps lockouts and demo users', async () => {
    const store = await newStore();
    const repos = await till('a');
    createOutbox(repos.db).enable();
    const shared = [sharedCatalogue(repos, systemClock), sharedUsers(repos, systemClock, live)];
    const t = await asTill(store, '01');
    expect(tableVersion(repos.db, USERS_VERSION_KEY)).toBeNull();

    await cli(store, ['add', '2001', '张三', 'cashier'], '2468');
    await cli(store, ['add', '1001', '冒名', 'supervisor'], '1111'); // a demo account's number
    const out = await cli(store, ['add', '3001', '赵工', 'technician'], '3690');
    const v3 = Number(/version (\d+)/.exec(out)?.[1]);
    expect(await cli(store, ['list'])).not.toMatch(/scrypt|2468|3690/);

    const r = await pullShared(t, repos.db, shared);
    expect(r).toMatchObject({ to: v3, changed: 3 });
    expect(r.refused).toEqual([{ key: '1001', reason: 'sandbox demo user of this till' }]);
    expect(tableVersion(repos.db, USERS_VERSION_KEY)).toBe(v3);
    const staff = staffOf(repos);
    expect(await staff.check('2001', '2468', 'signIn')).toMatchObject({ role: 'cashier' });
    expect(await staff.check('3001', '3690', 'signIn')).toMatchObject({ role: 'technician' });
    // The demo account is as it was (its own name, role and PIN).
    expect(repos.users.get('1001')).toMatchObject({
      name: '演示1001',
      role: 'cashier',
      demo: true,
    });
    await expect(staff.check('1001', '1111', 'signIn')).rejects.toMatchObject({ code: 'BAD_PIN' });
    expect(pulls(repos).at(-1)).toEqual({
      subject: `v${v3}`,
      detail: {
        from: 0,
        version: v3,
        rows: 3,
        added: 2,
        updated: 0,
        unchanged: 0,
        skipped: [{ userId: '1001', reason: 'sandbox demo user of this till' }],
      },
    });

    // Three wrong PINs on this till; then a PIN reset and a name change centrally.
    for (let i = 0; i < 3; i++)
      await expect(staff.check('2001', '0000', 'signIn')).rejects.toMatchObject({
        code: 'BAD_PIN',
      });
    await cli(store, ['reset-pin', '2001'], '9753');
    await store.admin.query(`UPDATE shared_users SET name = '张三丰' WHERE user_id = '2001'`);
    expect((await pullShared(t, repos.db, shared)).changed).toBe(1);
    expect(repos.users.get('2001')).toMatchObject({ name: '张三丰', failedPins: 3 });
    await expect(staff.check('2001', '2468', 'signIn')).rejects.toMatchObject({ code: 'BAD_PIN' });
    expect(await staff.check('2001', '9753', 'signIn')).toMatchObject({ name: '张三丰' });

    // Disabled centrally: refused at this till after its pull.
    await cli(store, ['set-active', '2001', 'false']);
    await pullShared(t, repos.db, shared);
    await expect(staff.check('2001', '9753', 'signIn')).rejects.toMatchObject({
      code: 'USER_DISABLED',
    });

    // A pull that changed nothing writes nothing; pulls of users alone made no catalogue version.
    const before = pulls(repos).length;
    expect((await pullShared(t, repos.db, shared)).changed).toBe(0);
    expect(pulls(repos)).toHaveLength(before);
    expect(repos.catalogue.info().source).toBeNull();
    expect(
      repos.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalogue.pull'").get(),
    ).toEqual({ n: 0 });

    // Pulled users go out to the store database without their PIN hash (migration 012).
    const batch = createOutbox(repos.db).next(10_000);
    const users = batch?.rows.filter((x) => x.tbl === 'users') ?? [];
    expect(users.map((u) => u.rowKey)).toEqual(expect.arrayContaining(['2001', '3001']));
    for (const u of users) expect(u.data).not.toHaveProperty('pin_hash');
    // …and no audit row carries one.
    const audit = repos.db.prepare('SELECT detail FROM audit_log').all();
    expect(JSON.stringify(audit)).not.toContain('scrypt$');
    repos.db.close();
  });

  it('never disables or demotes the last active supervisor of a till; a new one first makes it possible', async () => {
    const store = await newStore();
    const repos = await till('b');
    const shared = [sharedUsers(repos, systemClock, live)];
    const t = await asTill(store, '02');
    await cli(store, ['add', '8100', '店长', 'supervisor'], '4321');
    await pullShared(t, repos.db, shared);
    expect(repos.users.get('8100')).toMatchObject({ name: '店长', active: true });

    await cli(store, ['set-active', '8100', 'false']);
    const off = await pullShared(t, repos.db, shared);
    expect(off.refused).toEqual([{ key: '8100', reason: 'last active supervisor of this till' }]);
    expect(repos.users.get('8100')).toMatchObject({ role: 'supervisor', active: true });
    expect(pulls(repos).at(-1)?.detail).toMatchObject({
      version: off.to,
      updated: 0,
      skipped: [{ userId: '8100', reason: 'last active supervisor of this till' }],
    });
    // The till is at that version all the same (a till is always at one whole version).
    expect(tableVersion(repos.db, USERS_VERSION_KEY)).toBe(off.to);
    expect(sharedVersion(repos.db)).toBe(off.to);

    await store.admin.query(
      `UPDATE shared_users SET role = 'cashier', active = true WHERE user_id = '8100'`,
    );
    expect((await pullShared(t, repos.db, shared)).refused).toHaveLength(1);
    expect(repos.users.get('8100')).toMatchObject({ role: 'supervisor', active: true });
    expect(staffOf(repos).setupRequired()).toBe(false);

    // One version that appoints 8200 and retires 8100: both taken, 8200 first.
    await cli(store, ['add', '8200', '新店长', 'supervisor'], '2222');
    await store.admin.query(`UPDATE shared_users SET active = false WHERE user_id = '8100'`);
    expect((await pullShared(t, repos.db, shared)).refused).toEqual([]);
    expect(repos.users.get('8100')).toMatchObject({ active: false });
    expect(repos.users.get('8200')).toMatchObject({ role: 'supervisor', active: true });
    repos.db.close();
  });

  it('a till on a v4 store syncs as before; after migrate 005 it gets every user, older rows included; offline it keeps its version', async () => {
    const store = await newStore(4);
    const repos = await till('c');
    const shared = [sharedCatalogue(repos, systemClock), sharedUsers(repos, systemClock, live)];
    const t = await asTill(store, '03');
    await publishProducts(store.admin, [
      { barcode: '6921000100009', name: '农夫山泉 550ml', priceFen: 200, unit: '瓶' },
    ]);
    const v1 = (await pullShared(t, repos.db, shared, 4)).to;
    expect(repos.products.find('6921000100009')?.priceFen).toBe(200);
    expect(tableVersion(repos.db, USERS_VERSION_KEY)).toBeNull();

    await migratePg(store.admin);
    await cli(store, ['add', '2002', '李四', 'cashier'], '1357');
    // An older program pulls the catalogue past the user's version without knowing users…
    await publishProducts(store.admin, [
      { barcode: '6921000100009', name: '农夫山泉 550ml', priceFen: 210, unit: '瓶' },
    ]);
    const v3 = (await pullShared(t, repos.db, [shared[0]!], 5)).to;
    expect(v3).toBeGreaterThan(v1);
    expect(repos.users.get('2002')).toBeNull();
    // …and the users' own version still brings that user in.
    const r = await pullShared(t, repos.db, shared, 5);
    expect(r).toMatchObject({ from: v3, to: v3, changed: 1 });
    expect(repos.users.get('2002')).toMatchObject({ name: '李四', active: true });
    const vu = tableVersion(repos.db, USERS_VERSION_KEY);
    expect(vu).toBeLessThan(v3);

    // Server unreachable: the pull fails, users and their version stay as they were.
    await cli(store, ['set-active', '2002', 'false']);
    const gone = new pg.Client({ connectionString: await store.till('04') });
    gone.on('error', () => undefined);
    await gone.connect();
    await gone.end();
    await expect(pullShared(gone, repos.db, shared, 5)).rejects.toThrow();
    expect(repos.users.get('2002')).toMatchObject({ active: true });
    expect(tableVersion(repos.db, USERS_VERSION_KEY)).toBe(vu);
    repos.db.close();
  });
});
