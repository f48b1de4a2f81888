import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { DEMO, kioskClient, type SignIn } from './kioskClient';

export interface TillProcess {
  child: ChildProcess;
  url: string;
  /** The customer display's page (view-only token), when the host prints one. */
  displayUrl?: string;
  port: number;
  token: string;
  dataDir: string;
  output: () => string;
}

/**
 * The test printers listen on free loopback ports, outside 9100–9109: the rig allows that one
 * port through TILL_PRINTER_PORTS, as an installer allows a print server's odd port.
 */
export function allowPrinterPort(uri: string | undefined): string | undefined {
  return /^tcp:\/\/127\.0\.0\.1:(\d+)$/.exec(uri ?? '')?.[1];
}

export interface SpawnOptions {
  /**
   * Who is signed in once the till is ready (a shift is opened for them when none is): the
   * demo cashier by default, `false` for nobody (sign-in tests, start-up alone). With a live
   * gateway (or none yet) the first supervisor is created first (tests/helpers/kioskClient.ts).
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
  command?: { file: string; args: string[] },
  opts: SpawnOptions = {},
): Promise<TillProcess> {
  const till = await spawnReady(env, timeoutMs, command);
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
  command?: { file: string; args: string[] },
): Promise<TillProcess> {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    TILL_PORT: '0',
    TILL_PRINTER_PORTS: allowPrinterPort(env.TILL_PRINTER),
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(
    command?.file ?? process.execPath,
    command?.args ?? [resolve('dist/host/start.cjs'), '--kiosk'],
    { env: merged, stdio: ['ignore', 'pipe', 'pipe'] },
  );
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

/** SIGTERM, as a service manager stops it: the host closes its server and store cleanly. */
export function stopTill(p: TillProcess): Promise<number | null> {
  return new Promise((done) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return done(p.child.exitCode);
    p.child.once('exit', (code) => done(code));
    p.child.kill('SIGTERM');
  });
}

/**
 * A start that is expected to stop by itself (a second till, a damaged store): its exit code
 * and everything it printed. `command` runs something else than node (e.g. unshare … sh -c).
 */
export function runTillToExit(
  env: Record<string, string>,
  command?: { file: string; args: string[] },
  timeoutMs = 20_000,
): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(
      command?.file ?? process.execPath,
      command?.args ?? [resolve('dist/host/start.cjs'), '--kiosk'],
      { env: { ...process.env, TILL_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}
