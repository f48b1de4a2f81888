// CI: starts a built host (`node <entry> --kiosk`) in a fresh data folder and waits for its
// TILL_READY line; exits 0 when it came, 1 with the host's output when not.
//   node scripts/check-start.mjs <path/to/dist/host/start.cjs> [--expect-mode=setup]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entry = process.argv[2];
const want = process.argv.find((a) => a.startsWith('--expect-mode='))?.split('=')[1];
const dataDir = mkdtempSync(join(tmpdir(), 'till-check-'));
const t0 = Date.now();
const env = { ...process.env, TILL_DATA_DIR: dataDir, TILL_PORT: '0', TILL_PRINTER: 'none' };
delete env.TILL_GATEWAY;
const child = spawn(process.execPath, [entry, '--kiosk'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
const done = (code, text) => {
  clearTimeout(timer);
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  console.log(text);
  process.exit(code);
};
const timer = setTimeout(() => done(1, `no TILL_READY within 30 s:\n${out}`), 30_000);
const onData = (chunk) => {
  out += chunk.toString();
  const m = /TILL_READY (\{.*\})/.exec(out);
  if (!m) return;
  const ready = JSON.parse(m[1]);
  if (want && ready.mode !== want) return done(1, `mode ${ready.mode}, expected ${want}:\n${out}`);
  done(0, `TILL_READY after ${Date.now() - t0} ms (mode ${ready.mode}) from ${entry}`);
};
child.stdout.on('data', onData);
child.stderr.on('data', (c) => (out += c.toString()));
child.on('exit', (code) => done(1, `the host exited with ${code}:\n${out}`));
