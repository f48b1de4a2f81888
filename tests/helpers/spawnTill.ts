import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { DEMO, kioskClient, type SignIn } from './kioskClient';

export interface TillProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  dataDir: string;
  output: () => string;
}

export interface SpawnOptions {
  /**
   * Who is signed in once the till is ready (a shift is opened for them when none is): the
   * demo cashier by default, `false` for nobody (sign-in tests). With a live gateway the first
   * supervisor is created first (tests/helpers/kioskClient.ts).
   */
  signIn?: SignIn | false;
}

/**
 * Starts the built host (dist/host/start.cjs) in kiosk mode as a child process, as `npm start`
 * would; resolves on its TILL_READY line, with the demo cashier signed in unless told not to.
 * An `undefined` in `env` removes that variable.
 */
export async function spawnTill(
  env: Record<string, string | undefined>,
  timeoutMs = 20_000,
  opts: SpawnOptions = {},
): Promise<TillProcess> {
  const till = await spawnReady(env, timeoutMs);
  const who = opts.signIn ?? DEMO.cashier;
  if (who) {
    try {
      await kioskClient(till.port, till.token).signIn(who);
    } catch (err) {
      till.child.kill('SIGKILL');
      throw new Error(`till started but sign-in failed: ${String(err)}\n${till.output()}`, {
        cause: err,
      });
    }
  }
  return till;
}

function spawnReady(
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<TillProcess> {
  const merged: NodeJS.ProcessEnv = { ...process.env, TILL_PORT: '0', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, [resolve('dist/host/start.cjs'), '--kiosk'], {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`till did not start:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = /TILL_READY (\{.*\})/.exec(out);
      if (line?.[1]) {
        clearTimeout(timer);
        const ready = JSON.parse(line[1]) as Omit<TillProcess, 'child' | 'output'>;
        done({ ...ready, child, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`till exited with ${code}:\n${out}`));
    });
  });
}

export function kill9(p: TillProcess): Promise<void> {
  return new Promise((done) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return done();
    p.child.once('exit', () => done());
    p.child.kill('SIGKILL');
  });
}
