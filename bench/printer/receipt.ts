// Standard Chinese receipt: our encoder vs three npm peers and a minimal reference written
// straight (bench/printer/reference.ts), then the receipt over a 9600-baud serial line (socat
// pty pair) to the virtual serial printer.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTransport, sendJob, startVirtualSerialPrinter } from '../../printer/index';
import { PEERS, ours, type Encoder } from './peers';
import { problems } from './problems';
import { referenceEncode } from './reference';

const ROUNDS = 60;
const BATCH = 5;
const WARMUP = 100;

/**
 * Median time of one call, every encoder measured in the same rounds (one batch each per
 * round, in turn), so a busy machine slows them all alike and the ratios stay fair.
 */
function timeAll(encoders: [string, Encoder][]): Map<string, number> {
  for (const [, f] of encoders) for (let i = 0; i < WARMUP; i++) f();
  const samples = new Map<string, number[]>(encoders.map(([n]) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, f] of encoders) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < BATCH; i++) f();
      samples.get(name)?.push(Number(process.hrtime.bigint() - t0) / 1e6 / BATCH);
    }
  }
  const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1] ?? 0;
  return new Map([...samples].map(([n, a]) => [n, median(a)]));
}

/** A peer "prints correct Chinese" when the decoded paper shows no Chinese problem. */
const chineseOk = (found: string[]): boolean =>
  !found.some((p) => /Chinese|'\?'|FS &|> \d+ cols/.test(p));

function encoders(): void {
  const all: [string, Encoder][] = [...PEERS, ['minimal reference (bench/)', referenceEncode]];
  console.log(
    `\nEncode: one Chinese receipt, 48 columns (median of ${ROUNDS} rounds × ${BATCH}, all encoders in each round)\n`,
  );
  const head = [
    'encoder',
    'bytes',
    'ms',
    'ours/peer bytes',
    'ours/peer time',
    'problems (decoded)',
  ];
  const ms = timeAll(all);
  const measured = all.map(([name, enc]) => ({ name, bytes: enc(), ms: ms.get(name) ?? 0 }));
  const base = { bytes: ours().length, ms: ms.get(PEERS[0]![0]) ?? 0 };
  const rows = measured.map(({ name, bytes, ms: t }) => {
    const found = problems(bytes);
    return {
      name,
      bytes: bytes.length,
      ok: chineseOk(found),
      cells: [
        name,
        String(bytes.length),
        t.toFixed(3),
        (base.bytes / bytes.length).toFixed(2),
        (base.ms / t).toFixed(2),
        found.length ? found.join('; ') : 'none',
      ],
    };
  });
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)),
  );
  const fmt = (r: string[]): string =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(' | ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(fmt(r.cells));
  const peers = rows.slice(1, PEERS.length).filter((r) => r.ok);
  const ref = rows.at(-1);
  const refMs = ms.get(all.at(-1)![0]) ?? 0;
  console.log(
    `\nfewer bytes than every peer printing correct Chinese (${peers.map((p) => p.name).join(', ') || 'none'}): ` +
      `${peers.every((p) => base.bytes < p.bytes) ? 'yes' : 'NO'}; ` +
      `bytes vs the reference ${(base.bytes / (ref?.bytes ?? 1)).toFixed(2)}×; ` +
      `time vs the reference ${(base.ms / refMs).toFixed(2)}× (target ≤ 1.25)`,
  );
  console.log(
    `at 9600 baud the receipt takes ${((base.bytes + 3) / 960).toFixed(2)} s on the line (+3 for GS r 1)`,
  );
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
