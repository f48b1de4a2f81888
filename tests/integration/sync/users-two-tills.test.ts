import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../helpers/pgCluster';
import { createStoreDb, type StoreDb } from '../../helpers/storeDb';
import {
  removeTill,
  startSyncedTill,
  stopTill,
  waitFor,
  type RigTill,
} from '../../helpers/syncRig';

let cluster: PgCluster;
let store: StoreDb;
const tills: RigTill[] = [];
const cliOutput: string[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
  store = await createStoreDb(cluster);
}, 60_000);
afterAll(async () => {
  for (const t of tills) {
    await stopTill(t);
    removeTill(t);
  }
  await store?.close();
  await cluster?.destroy();
});

/** `npm run store-db -- user …` as a shop's IT runs it: the PIN on stdin or in TILL_USER_PIN. */
function storeDbUser(args: string[], pin: { stdin?: string; env?: string } = {}): string {
  const env: NodeJS.ProcessEnv = { ...process.env, STORE_DB_URL: store.adminUrl };
  delete env.TILL_USER_PIN;
  if (pin.env !== undefined) env.TILL_USER_PIN = pin.env;
  const r = spawnSync(
    process.execPath,
    [resolve('dist/host/start.cjs'), 'store-db', 'user', ...args],
    { env, input: pin.stdin ?? '', encoding: 'utf8', timeout: 60_000 },
  );
  const out = `${r.stdout}${r.stderr}`;
  cliOutput.push(out);
  if (r.status !== 0) throw new Error(`store-db user ${args.join(' ')} → ${r.status}: ${out}`);
  return out;
}

const signIn = async (t: RigTill, userId: string, pin: string) =>
  (await t.api.call('auth.signIn', { userId, pin })).json;

describe('staff edited centrally, at two tills', () => {
  it(
    'a user added centrally signs in at both tills after their pull; disabled is refused; a PIN reset takes effect',
    { timeout: 180_000 },
    async () => {
      const added = storeDbUser(['add', '2001', '张三', 'cashier'], { stdin: '7395\n' });
      expect(added).toMatch(/added user 2001 张三 \(cashier\): shared data version \d+/);
      storeDbUser(['add', '8300', '王主管', 'supervisor'], { env: '6182' });
      for (const no of ['01', '02']) tills.push(await startSyncedTill(no, await store.till(no)));

      for (const t of tills) {
        await waitFor(`2001 at till ${t.tillNo}`, async () => (await signIn(t, '2001', '7395')).ok);
        expect(await t.api.value('auth.current')).toMatchObject({
          user: { userId: '2001', name: '张三', role: 'cashier' },
        });
        expect((await signIn(t, '8300', '6182')).ok).toBe(true);
      }

      storeDbUser(['set-active', '2001', 'false']);
      for (const t of tills)
        await waitFor(
          `2001 refused at till ${t.tillNo}`,
          async () => (await signIn(t, '2001', '7395')).error?.code === 'USER_DISABLED',
        );

      storeDbUser(['set-active', '2001', 'true']);
      storeDbUser(['reset-pin', '2001'], { stdin: '4826\n' });
      for (const t of tills) {
        await waitFor(
          `new PIN at till ${t.tillNo}`,
          async () => (await signIn(t, '2001', '4826')).ok,
        );
        expect((await signIn(t, '2001', '7395')).error?.code).toBe('BAD_PIN');
      }

      const list = storeDbUser(['list']);
      expect(list).toMatch(/2001 {2}张三 {2}cashier {2}active {2}v\d+/);
      expect(list).toMatch(/8300 {2}王主管 {2}supervisor {2}active/);

      // The technician's setup report names the staff version in use.
      const top = await store.admin.query<{ v: string }>(
        'SELECT max(version)::text AS v FROM shared_users',
      );
      for (const t of tills) {
        expect((await signIn(t, '9001', '9999')).ok).toBe(true);
        const report = await t.api.value<{ text: string }>('printer.report');
        expect(report.text).toContain(`员工 staff: v${top.rows[0]?.v} from the store database`);
      }

      // No PIN hash (nor its salt) in any CLI output, till log or the server's log; no PIN in
      // the CLI's output.
      const hashes = (
        await store.admin.query<{ pin_hash: string }>('SELECT pin_hash FROM shared_users')
      ).rows.map((r) => r.pin_hash);
      const secrets = hashes.flatMap((h) => [h, h.split('$')[4] ?? h, h.split('$')[5] ?? h]);
      const serverLog = readFileSync(join(cluster.dir, 'server.log'), 'utf8');
      for (const text of [...cliOutput, ...tills.map((t) => t.proc.output()), serverLog]) {
        expect(text).not.toContain('scrypt$');
        for (const s of secrets) expect(text).not.toContain(s);
      }
      for (const out of cliOutput)
        for (const pin of ['7395', '6182', '4826']) expect(out).not.toContain(pin);
    },
  );

  it('refuses a bad PIN or role from the CLI and adds nothing', () => {
    expect(() => storeDbUser(['add', '2005', '周五', 'cashier'], { stdin: '12\n' })).toThrow(
      /PIN must be 4–8 digits/,
    );
    expect(() => storeDbUser(['add', '2005', '周五', 'owner'], { stdin: '1234\n' })).toThrow(
      /ROLE must be/,
    );
    expect(storeDbUser(['list'])).not.toContain('2005');
  });
});
