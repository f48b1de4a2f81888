import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SOCAT } from '../../setup/prerequisites';

export interface PtyPair {
  printer: string;
  host: string;
  /** Pull the cable: socat dies and both pty ends hang up. */
  kill(): void;
  stop(): Promise<void>;
}

/** A real pty pair (`socat pty pty`): the virtual printer on one end, the till on the other. */
export async function startPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'till-pty-'));
  const printer = join(dir, 'printer');
  const host = join(dir, 'host');
  const child: ChildProcess = spawn(
    SOCAT,
    ['-d', '-d', `pty,raw,echo=0,link=${printer}`, `pty,raw,echo=0,link=${host}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 5000;
  while (!log.includes('starting data transfer loop')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`socat did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    printer,
    host,
    kill: () => child.kill('SIGKILL'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill();
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
