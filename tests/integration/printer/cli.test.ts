import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../../printer';
import { tempDir } from '../../helpers/tmp';

/** The technician's CLI, run as a child process (as `npm run printer -- …` does) against a TCP printer. */
const run = promisify(execFile);
const TSX = resolve('node_modules/.bin/tsx');
const cli = (args: string[], env: Record<string, string> = {}) =>
  run(TSX, ['printer/cli/main.ts', ...args], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      out: e.stdout,
      err: e.stderr,
    }),
  );

let printer: VirtualPrinter;
const tmp = tempDir('till-cli-');
beforeAll(async () => {
  printer = await startVirtualPrinter();
});
afterAll(async () => {
  await printer.close();
  tmp.cleanup();
});

describe('printer CLI', () => {
  it('status reads the live printer in words, from --printer or TILL_PRINTER', async () => {
    const ok = await cli(['status', '--printer', printer.uri]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/在线 online/);
    printer.setFault('paper-end');
    const end = await cli(['status'], { TILL_PRINTER: printer.uri });
    expect(end.out).toMatch(/缺纸 paper end/);
    expect(end.code).not.toBe(0);
    // A cover open stops receipts as paper end does: a failure exit too.
    printer.setFault('cover-open');
    const cover = await cli(['status', '--printer', printer.uri]);
    expect(cover.out).toMatch(/纸仓盖打开 cover open/);
    expect(cover.code).toBe(1);
    printer.setFault('none');
  });

  it('test prints the test page, confirmed, then opens the drawer on its own (not in the page)', async () => {
    const r = await cli(['test', '--drawer', '--printer', printer.uri, '--profile', '58mm']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/钱箱 drawer: ESC p 已确认 confirmed/);
    const job = printer.jobs.at(-1)!;
    expect(job.text).toContain('打印测试');
    expect(job.drawerKicks).toBe(0);
    expect(printer.drawerKicks).toHaveLength(1);
    expect(job.qrCodes).toHaveLength(1);
    expect(job.barcodes).toEqual(['TILL-TEST-123']);
    // The 58 mm page keeps its own ruler whole: no line wider than 32 columns, no 42/48 ruler.
    expect(job.lines).toContain('12345678901234567890123456789012');
    expect(job.lines.some((l) => l.startsWith('1234567890123456789012345678901234567890'))).toBe(
      false,
    );
    writeFileSync(join(tmp.dir, 'job.bin'), printer.rawJobs.at(-1)!);
  });

  it('decode shows each command as hex beside its meaning, then the text; png draws the paper', async () => {
    const d = await cli(['decode', join(tmp.dir, 'job.bin')]);
    expect(d.code).toBe(0);
    expect(d.out).toMatch(/1b 40\s+.*initiali[sz]e/i);
    expect(d.out).toMatch(/1c 26\s+.*Chinese mode/i);
    expect(d.out).toContain('打印测试');
    const p = await cli([
      'png',
      join(tmp.dir, 'job.bin'),
      join(tmp.dir, 'paper.png'),
      '--profile',
      '58mm',
    ]);
    expect(p.code).toBe(0);
    const png = PNG.sync.read(readFileSync(join(tmp.dir, 'paper.png')));
    expect(png.width).toBe(384);
    expect(png.height).toBeGreaterThan(200);
  });

  it('a printer that is not there fails with the reason and a non-zero exit; bad usage says how', async () => {
    const r = await cli(['status', '--printer', 'tcp://127.0.0.1:1', '--timeout', '500']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/CONNECTION_REFUSED|拒绝/);
    const u = await cli(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.out).toMatch(/usage: printer/);
  });
});
