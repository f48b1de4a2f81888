import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** True where PostgreSQL 15's server binaries are installed (Debian's `postgresql` package). */
export const PG_AVAILABLE = existsSync(join(BIN, 'initdb'));

export interface PgCluster {
  port: number;
  /** The superuser's URL (password auth over TCP on 127.0.0.1). */
  url: string;
  superPassword: string;
  dir: string;
  /** Stops the server (fast shutdown, like a restart by the store's IT); the data stays. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => done(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root. Tests (and CI) may run as root: then the server runs as
 * an unprivileged system user — Debian's `postgres` if the package made it, else `tillpg`.
 */
function serverUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'tillpg']) {
    if (spawnSync('id', ['-u', name]).status === 0) return name;
  }
  const made = spawnSync('useradd', ['--system', '--no-create-home', 'tillpg']);
  if (made.status !== 0) throw new Error(`cannot create user tillpg: ${String(made.stderr)}`);
  return 'tillpg';
}

function asUser(user: string | null, cmd: string, args: string[]): [string, string[]] {
  return user ? ['runuser', ['-u', user, '--', cmd, ...args]] : [cmd, args];
}

/**
 * A throw-away cluster: initdb in a temporary folder, a free port on 127.0.0.1 only, password
 * (scram) authentication over TCP so each till's role and password are really checked.
 * fsync is off: the cluster lives for one test run, and nothing here tests the disk.
 */
export async function startPgCluster(): Promise<PgCluster> {
  if (!PG_AVAILABLE)
    throw new Error(`PostgreSQL 15 not found in ${BIN} (apt-get install postgresql)`);
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'till-pg-'));
  const data = join(dir, 'data');
  const superPassword = `pw${Math.random().toString(36).slice(2)}`;
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, superPassword);
  if (user) {
    spawnSync('chown', ['-R', user, dir]);
    chmodSync(dir, 0o700);
  }
  const [initCmd, initArgs] = asUser(user, join(BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  await run(initCmd, initArgs);
  rmSync(pwfile);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`;
  const ctl = async (...args: string[]) => {
    const [cmd, a] = asUser(user, join(BIN, 'pg_ctl'), ['-D', data, ...args]);
    await run(cmd, a, { timeout: 60_000 });
  };
  const start = () => ctl('-l', join(dir, 'server.log'), '-o', opts, '-w', 'start');
  const stop = () => ctl('-m', 'fast', '-w', 'stop');
  await start();
  let running = true;
  return {
    port,
    url: `postgres://postgres:${superPassword}@127.0.0.1:${port}/postgres`,
    superPassword,
    dir,
    async stop() {
      if (!running) return;
      await stop();
      running = false;
    },
    async start() {
      if (running) return;
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
