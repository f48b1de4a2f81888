import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../printer/index';
import { EscPosStream } from '../../../printer/escpos/stream';
import { EscPosInterpreter } from '../../../printer/escpos/interpreter';

const b = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? Array.from(iconv.encode(p, 'gb18030')) : p)),
  );

describe('decodeEscPos (hand-written jobs)', () => {
  it('reads GB18030 only in Chinese mode and CP437 otherwise', () => {
    const job = decodeEscPos(
      b([0x1b, 0x40], '中文', [0x0a, 0x1c, 0x26], '中文', [0x0a, 0x1c, 0x2e]),
    );
    expect(job.lines[0]).not.toBe('中文'); // no FS & yet: bytes print as single-byte glyphs
    expect(job.lines[0]).toHaveLength(4);
    expect(job.lines[1]).toBe('中文');
    expect(job.chineseMode).toBe(false); // FS . at the end
  });

  it('resets Chinese mode on ESC @', () => {
    expect(decodeEscPos(b([0x1c, 0x26, 0x1b, 0x40])).chineseMode).toBe(false);
    expect(decodeEscPos(b([0x1b, 0x40, 0x1c, 0x26])).chineseMode).toBe(true);
  });

  it('feeds lines with ESC d and ends a pending line at a cut', () => {
    const job = decodeEscPos(b([0x1c, 0x26], 'a', [0x1b, 0x64, 3], 'b', [0x1d, 0x56, 0x42, 0]));
    expect(job.lines).toEqual(['a', '', '', 'b']);
    expect(job.cuts).toBe(1);
  });

  it('counts drawer kicks, cuts of every form and status requests', () => {
    const job = decodeEscPos(
      b(
        [0x1b, 0x70, 0, 0x19, 0xfa, 0x1b, 0x70, 1, 0x19, 0xfa],
        [0x1d, 0x56, 0x01, 0x1d, 0x56, 0x41, 0x10],
        [0x10, 0x04, 0x01, 0x1d, 0x72, 0x01],
      ),
    );
    expect(job).toMatchObject({ drawerKicks: 2, cuts: 2, statusRequests: 2, unknownCommands: [] });
  });

  it('skips the parameters of known commands it does not render (no stray text)', () => {
    // ESC ! 0x41 and GS h 0x41 have an 'A' parameter byte that must not print.
    const job = decodeEscPos(
      b([0x1b, 0x21, 0x41, 0x1d, 0x68, 0x41, 0x1b, 0x61, 0x31], 'ok', [0x0a]),
    );
    expect(job.lines).toEqual(['ok']);
    expect(job.unknownCommands).toEqual([]);
  });

  it('skips raster image data even when it contains command bytes', () => {
    const raster = [0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 0x1b, 0x70, 0x00, 0x19];
    const job = decodeEscPos(b(raster, 'x', [0x0a]));
    expect(job.drawerKicks).toBe(0);
    expect(job.lines).toEqual(['x']);
  });

  it('prints the QR data stored before the print function', () => {
    const data = Array.from(new TextEncoder().encode('发票'));
    const store = [0x1d, 0x28, 0x6b, data.length + 3, 0, 0x31, 0x50, 0x30, ...data];
    const print = [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30];
    expect(decodeEscPos(b(store)).qrCodes).toEqual([]);
    expect(decodeEscPos(b(store, print, print)).qrCodes).toEqual(['发票', '发票']);
  });

  it('decodes CODE128 code sets and NUL-terminated barcodes', () => {
    const c128 = [0x1d, 0x6b, 73, 8, 0x7b, 0x42, 0x41, 0x7b, 0x7b, 0x7b, 0x43, 12];
    const upc = [0x1d, 0x6b, 2, ...Array.from('4006381333931', (c) => c.charCodeAt(0)), 0];
    expect(decodeEscPos(b(c128, upc)).barcodes).toEqual(['A{12', '4006381333931']);
  });

  it('reports unknown commands and a truncated tail without throwing', () => {
    const job = decodeEscPos(b([0x1b, 0x99, 0x07], 'ok', [0x0a, 0x1d, 0x28, 0x6b, 10, 0]));
    expect(job.unknownCommands).toEqual(['ESC 0x99', 'CTRL 0x07', 'TRUNCATED']);
    expect(job.lines).toEqual(['ok']);
  });
});

describe('EscPosStream', () => {
  it('decodes the same whatever the chunking (split GB18030 and commands)', () => {
    const job = b(
      [0x1b, 0x40, 0x1c, 0x26],
      '中😀文',
      [0x1b, 0x70, 0, 0x19, 0xfa, 0x0a],
      '𠀀',
      [0x1d, 0x56, 0x42, 3],
    );
    for (let cut = 1; cut < job.length; cut++) {
      const stream = new EscPosStream();
      const interp = new EscPosInterpreter();
      for (const part of [job.subarray(0, cut), job.subarray(cut)]) {
        for (const cmd of stream.push(part)) interp.apply(cmd);
      }
      for (const cmd of stream.end()) interp.apply(cmd);
      const out = interp.finish();
      expect(out.lines, `split at ${cut}`).toEqual(['中😀文', '𠀀']);
      expect(out.drawerKicks).toBe(1);
      expect(out.cuts).toBe(1);
    }
  });
});
