import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  AsbFramer,
  decodeEscPos,
  describeBytes,
  encodeEscPos,
  layoutReceipt,
  renderPaperPng,
  PROFILES,
} from '../../../printer/index';
import { hex } from './helpers';

const enc = (blocks: Parameters<typeof layoutReceipt>[0]['blocks']) =>
  encodeEscPos(layoutReceipt({ blocks }));

describe('code-page symbols and logos', () => {
  it('prints ¥ as full-width ￥ (GB2312 A3 A4), with no code-page switch around the amount', () => {
    const bytes = enc([{ kind: 'text', text: '合计¥5' }]);
    expect(hex(bytes.slice(4))).toBe('ba cf bc c6 a3 a4 35 0a');
    const job = decodeEscPos(bytes);
    expect(job.lines).toEqual(['合计￥5']);
    expect(job.codePages).toEqual([]);
  });

  it('sends a symbol GBK fonts lack (½, ß) as FS . ESC t 0 byte, then FS & again', () => {
    const bytes = enc([{ kind: 'text', text: '合计½' }]);
    expect(hex(bytes.slice(4))).toBe('ba cf bc c6 1c 2e 1b 74 00 ab 1c 26 0a');
    const job = decodeEscPos(bytes);
    expect(job.lines).toEqual(['合计½']);
    expect(job.chineseMode).toBe(true);
  });

  it('bands a 300-row logo into GS v 0 blocks of ≤ 255 rows', () => {
    const bitmap = { width: 20, height: 300, pixels: new Uint8Array(6000).fill(1) };
    const job = decodeEscPos(
      enc([
        { kind: 'logo', bitmap },
        { kind: 'logo', nvKey: 'LG' },
        { kind: 'logo', nvImage: 1 },
      ]),
    );
    expect(job.images).toEqual([
      { kind: 'raster', width: 24, height: 255 },
      { kind: 'raster', width: 24, height: 45 },
      { kind: 'nv', key: 'LG' },
      { kind: 'nv', key: '#1' },
    ]);
    expect(job.unknownCommands).toEqual([]);
  });
});

describe('ASB framing (escpos.md §2.3)', () => {
  it('finds byte 1 by its fixed bits and skips interleaved XOFF', () => {
    const [s] = new AsbFramer().push([0x12, 0x30, 0x13, 0x08, 0x0c, 0x00]);
    expect(s).toMatchObject({
      coverOpen: true,
      cutterError: true,
      paperEnd: true,
      raw: [0x30, 0x08, 0x0c, 0x00],
    });
  });
});

describe('describeBytes, PNG and the CLI', () => {
  const bytes = enc([
    { kind: 'text', text: '你好' },
    { kind: 'qr', data: 'x' },
    { kind: 'barcode', data: 'AB1' },
    { kind: 'drawer' },
    { kind: 'cut' },
  ]);

  it('names each command beside its hex', () => {
    const d = describeBytes(bytes);
    expect(d[0]).toEqual({ offset: 0, hex: '1b 40', meaning: 'initialise printer' });
    expect(d.map((x) => x.meaning)).toContain('text (GB18030): "你好"');
    expect(d.find((x) => x.hex.startsWith('1b 70'))?.meaning).toBe(
      'cash drawer kick: pin 2, on 50 ms, off 500 ms',
    );
  });

  it('renders paper as a PNG of the profile width with black dots', () => {
    const png = PNG.sync.read(renderPaperPng(bytes, PROFILES['58mm']!));
    expect(png.width).toBe(384);
    let black = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 0) black++;
    expect(black).toBeGreaterThan(1000);
  });

  it('decodes a file and fails with a hint on a missing printer (child process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'till-cli-'));
    writeFileSync(join(dir, 'job.bin'), bytes);
    const run = (...args: string[]) =>
      execFileSync('npx', ['tsx', 'printer/cli/main.ts', ...args], { encoding: 'utf8' });
    expect(run('decode', join(dir, 'job.bin'))).toContain('你好');
    let err: { status?: number; stderr?: string } = {};
    try {
      run('status', '--printer', 'serial:/dev/does-not-exist');
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.status).toBe(3);
    expect(err.stderr).toContain('NOT_FOUND');
  });
});
