import pg from 'pg';
import { fenToYuanString } from '../../shared/money';
import { describeTarget } from './connect';
import { scrub } from './errors';
import { addTill } from './pg/admin';
import { latestPgVersion, migratePg, pgSchemaVersion } from './pg/migrate';
import { storeDay } from './pg/reports';
import { publishFile } from './publish';
import { USER_USAGE, userCli } from './userCli';

const USAGE = `npm run store-db -- <command>   (STORE_DB_URL=postgres://owner@host:5432/store, PGPASSWORD=…)
  migrate [--to N]           apply the store database's migrations (never done by a till)
  status                     schema version, tills, their last push
  add-till NN                create till NN's own login; prints its password once
  publish FILE [--skip-bad]  the catalogue every till pulls: CSV or XLSX, read and checked as
                             "npm run catalogue -- import" does, or the sample's JSON
  day YYYY-MM-DD             the whole store's takings that day, per till
${USER_USAGE}`;

async function run(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  const url = process.env.STORE_DB_URL;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  if (!url) {
    console.error(
      'STORE_DB_URL is not set (the store database owner, e.g. postgres://till_owner@10.0.0.5/store)',
    );
    return 2;
  }
  const db = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  db.on('error', () => undefined);
  await db.connect();
  try {
    switch (cmd) {
      case 'migrate': {
        const i = args.indexOf('--to');
        const target = i >= 0 ? Number(args[i + 1]) : latestPgVersion();
        const r = await migratePg(db, target);
        for (const a of r.applied) console.log(`applied ${a}`);
        console.log(`store database ${describeTarget(url)}: v${r.from} → v${r.to}`);
        return 0;
      }
      case 'status': {
        console.log(
          `store database ${describeTarget(url)}: schema v${await pgSchemaVersion(db)} (this program: v${latestPgVersion()})`,
        );
        const tills = await db.query<{
          till_id: string;
          role_name: string;
          last_seq: string | null;
          pushed_rows: string | null;
          last_push_at: Date | null;
        }>(
          `SELECT t.till_id, t.role_name, s.last_seq::text, s.pushed_rows::text, s.last_push_at
             FROM tills t LEFT JOIN till_sync s USING (till_id) ORDER BY 1`,
        );
        for (const t of tills.rows)
          console.log(
            `  till ${t.till_id}  role ${t.role_name}  rows ${t.pushed_rows ?? 0}  last push ${t.last_push_at?.toISOString() ?? 'never'}`,
          );
        return 0;
      }
      case 'add-till': {
        const { role, password } = await addTill(db, args[0] ?? '');
        const u = new URL(url);
        console.log(`till ${args[0]}: role ${role}`);
        console.log(
          `password (shown once; store it in the till's key store as sync.password): ${password}`,
        );
        console.log(
          `on the till: settings.json "sync": {"url": "postgres://${role}@${u.host}${u.pathname}"}`,
        );
        return 0;
      }
      case 'publish': {
        const file = args.find((a) => !a.startsWith('--'));
        if (!file) {
          console.error(USAGE);
          return 2;
        }
        return await publishFile(db, file, args.includes('--skip-bad'), (l) => console.log(l));
      }
      case 'user':
        return await userCli(db, args, (l) => console.log(l));
      case 'day': {
        const r = await storeDay(db, args[0] ?? '');
        console.log(`store day ${r.day}`);
        for (const t of r.tills) {
          const m = Object.entries(t.byMethod)
            .map(([k, v]) => `${k} ${fenToYuanString(v)}`)
            .join('  ');
          console.log(
            `  till ${t.tillId}  orders ${t.orders}  sales ¥${fenToYuanString(t.salesFen)}  ${m}  refunded ¥${fenToYuanString(t.refundedFen)}`,
          );
        }
        if (r.lagging.length)
          console.log(
            `  not pushed in the last 5 minutes (figures may be incomplete): ${r.lagging.join(', ')}`,
          );
        return 0;
      }
      default:
        console.error(`unknown command ${cmd}\n${USAGE}`);
        return 2;
    }
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** `npm run store-db -- …` (node dist/host/start.cjs store-db): the store database's admin CLI. */
export async function storeDbCli(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    // The owner's password is in STORE_DB_URL or PGPASSWORD: never echoed back.
    console.error(`store-db: ${scrub((err as Error).message ?? String(err))}`);
    return 1;
  }
}
