import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

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
 * Starts the built host (dist/host/start.cjs) in kiosk mode as a child process, as `npm start`
 * would; resolves on its TILL_READY line. An `undefined` in `env` removes that variable.
 */
export function spawnTill(
  env: Record<string, string | undefined>,
  timeoutMs = 20_000,
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
