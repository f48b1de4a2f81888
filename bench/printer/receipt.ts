// Standard Chinese receipt: our encoder vs three npm peers, then the receipt over a
// 9600-baud serial line (socat pty pair) to the virtual serial printer.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTransport, sendJob, startVirtualSerialPrinter } from '../../printer/index';
import { PEERS, ours } from './peers';
import { problems } from './problems';

const RUNS = 300;
const WARMUP = 30;

function medianMs(f: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function encoders(): void {
  console.log(
    `\nEncode: one Chinese receipt, 48 columns (median of ${RUNS} runs after ${WARMUP} warm-up)\n`,
  );
  const head = [
    'encoder',
    'bytes',
    'ms',
    'ours/peer bytes',
    'ours/peer time',
    'problems (decoded)',
  ];
  const measured = PEERS.map(([name, enc]) => ({ name, bytes: enc(), ms: medianMs(enc) }));
  const base = { bytes: ours().length, ms: measured[0]?.ms ?? 0 };
  const rows = measured.map(({ name, bytes, ms }) => {
    const found = problems(bytes);
    return [
      name,
      String(bytes.length),
      ms.toFixed(3),
      (base.bytes / bytes.length).toFixed(2),
      (base.ms / ms).toFixed(2),
      found.length ? found.join('; ') : 'none',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]): string =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(' | ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(fmt(r));
}

async function serial(): Promise<void> {
  if (!existsSync('/usr/bin/socat')) {
    console.log('\nSerial: skipped, /usr/bin/socat not installed');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'till-bench-'));
  const [a, b] = [join(dir, 'printer'), join(dir, 'host')];
  const socat = spawn('/usr/bin/socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`]);
  try {
    while (!existsSync(a) || !existsSync(b)) await new Promise((r) => setTimeout(r, 20));
    const printer = await startVirtualSerialPrinter({ path: a, baud: 9600 });
    const t = openTransport(`serial:${b}?baud=9600`, { timeoutMs: 2000 });
    await t.open();
    const job = ours();
    const t0 = performance.now();
    await sendJob(t, job, { confirmTimeoutMs: 30_000 });
    const wall = (performance.now() - t0) / 1000;
    const sent = job.length + 3; // + GS r 1
    const physical = (sent * 10) / 9600;
    console.log('\nSerial: socat pty pair, 9600 8N1, virtual printer paced to the line rate\n');
    console.log(`bytes sent            ${sent}`);
    console.log(`line limit            ${physical.toFixed(3)} s  (bytes × 10 / 9600)`);
    console.log(`wall time to GS r 1   ${wall.toFixed(3)} s`);
    console.log(`line busy             ${((physical / wall) * 100).toFixed(1)} %  (target ≥ 95 %)`);
    console.log(
      `printed               ${printer.jobs.length === 1 ? 'yes, confirmed by GS r 1' : 'NO'}`,
    );
    await t.close();
    await printer.close();
  } finally {
    socat.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

encoders();
await serial();
