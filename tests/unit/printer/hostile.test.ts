import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROFILES,
  decodeEscPos,
  encodeEscPos,
  layoutReceipt,
  textWidth,
  type DocBlock,
} from '../../../printer/index';

const COMMANDS = [
  '\x1bp\x00\x19\xfa', // drawer kick
  '\x1dVB\x03', // cut
  '\x1d\x56\x00',
  '\x10\x04\x01', // status request
  '\x1c.', // leave Chinese mode
  '\x1b@',
  '\x1d!\x11',
  '\x00\r\n',
];

const HOSTILE_NAMES = [
  `可乐${COMMANDS.join('')}雪碧`,
  '😀'.repeat(30) + '👨‍👩‍👧',
  '𠀀𠀁𠀂𪚥'.repeat(20),
  'x\ud800y\udfff',
  '长'.repeat(500),
  COMMANDS.join('').repeat(20),
];

describe('hostile item names', () => {
  it.each(Object.keys(PROFILES))('cannot add device actions on %s', (id) => {
    const blocks: DocBlock[] = HOSTILE_NAMES.flatMap((name): DocBlock[] => [
      { kind: 'item', name, qty: name, unitPrice: '1.00', total: name },
      { kind: 'pair', left: name, right: name, size: 'double' },
      { kind: 'text', text: name, bold: true },
    ]);
    blocks.push({ kind: 'cut' });
    const laid = layoutReceipt({ blocks }, PROFILES[id]);
    const job = decodeEscPos(encodeEscPos(laid));
    expect(job.drawerKicks).toBe(0);
    expect(job.cuts).toBe(1);
    expect(job.statusRequests).toBe(0);
    expect(job.chineseMode).toBe(true);
    expect(job.unknownCommands).toEqual([]);
    for (const line of job.lines)
      expect(textWidth(line)).toBeLessThanOrEqual(PROFILES[id]!.columns);
    expect(job.text).toContain('可乐p');
    // Outside every receipt font: a marker on paper, never bytes the printer shows as garbage.
    expect(job.text).not.toContain('𠀀');
    expect(job.text).not.toContain('😀');
    expect(job.text).toContain('□□□□');
    expect(job.text).toContain('x?y?');
  });

  it('property: arbitrary names never yield commands beyond the doc', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const job = decodeEscPos(
          encodeEscPos(
            layoutReceipt({
              blocks: [
                { kind: 'item', name, qty: name, unitPrice: name, total: name },
                { kind: 'drawer' },
              ],
            }),
          ),
        );
        expect(job.drawerKicks).toBe(1);
        expect(job.cuts).toBe(0);
        expect(job.qrCodes).toEqual([]);
        expect(job.barcodes).toEqual([]);
        expect(job.unknownCommands).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
