import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE,
  PROFILES,
  layoutReceipt,
  renderText,
  textWidth,
  type DocBlock,
  type LaidOutReceipt,
} from '../../../printer/index';

const LONG_NAME = '特级东北五常稻花香大米真空包装礼盒装（限量版）'.repeat(4);
const HUGE = '¥' + '9'.repeat(60) + '.00';

function textLines(laid: LaidOutReceipt): string[] {
  return renderText(laid).split('\n').slice(0, -1);
}

function assertFits(laid: LaidOutReceipt): void {
  const cols = laid.profile.columns;
  for (const line of textLines(laid)) expect(textWidth(line)).toBeLessThanOrEqual(cols);
  for (const l of laid.lines) {
    if (l.kind !== 'text') continue;
    const limit = l.size === 'double' ? Math.floor(cols / 2) : cols;
    expect(textWidth(l.text)).toBeLessThanOrEqual(limit);
  }
}

describe('profiles', () => {
  it('has the three standard widths and 80 mm / 48 columns as the default', () => {
    expect(PROFILES['58mm']).toMatchObject({ columns: 32, dotsPerLine: 384 });
    expect(PROFILES['80mm-180dpi']).toMatchObject({ columns: 42, dotsPerLine: 512 });
    expect(PROFILES['80mm']).toMatchObject({ columns: 48, dotsPerLine: 576 });
    expect(DEFAULT_PROFILE.columns).toBe(48);
  });
});

describe.each(['58mm', '80mm-180dpi', '80mm'])('layout on %s', (id) => {
  const profile = PROFILES[id]!;
  const cols = profile.columns;
  const doc: { blocks: DocBlock[] } = {
    blocks: [
      { kind: 'text', text: LONG_NAME, align: 'center', bold: true, size: 'double' },
      { kind: 'item', name: LONG_NAME, qty: '1', unitPrice: HUGE, total: HUGE },
      {
        kind: 'item',
        name: '可乐',
        qty: '12345678901234',
        unitPrice: '3.50',
        total: '43209876543.00',
      },
      { kind: 'pair', left: LONG_NAME, right: HUGE, size: 'double' },
      { kind: 'pair', left: LONG_NAME, right: '¥12.00' },
      { kind: 'rule', char: '═' },
      { kind: 'qr', data: 'https://example.cn/' + 'q'.repeat(200), caption: LONG_NAME },
      { kind: 'barcode', data: '1234567890'.repeat(6) },
    ],
  };

  it('keeps every line within the column count', () => {
    assertFits(layoutReceipt(doc, profile));
  });

  it('right-aligns item columns to the edge and keeps the full name', () => {
    const lines = textLines(
      layoutReceipt(
        { blocks: [{ kind: 'item', name: LONG_NAME, qty: '2', unitPrice: '3.50', total: '7.00' }] },
        profile,
      ),
    );
    const last = lines.at(-1)!;
    expect(textWidth(last)).toBe(cols);
    expect(last.endsWith(' 7.00')).toBe(true);
    expect(last.trim().split(/\s+/)).toEqual(['2', '3.50', '7.00']);
    expect(lines.slice(0, -1).join('')).toBe(LONG_NAME);
  });

  it('puts values too wide for the line, even side by side, each on its own right-aligned line', () => {
    // 25 columns each: two of them and the qty do not fit 48 columns on one line.
    const big = '¥12345678901234567890.00';
    const lines = textLines(
      layoutReceipt(
        { blocks: [{ kind: 'item', name: '金条', qty: '1', unitPrice: big, total: big }] },
        profile,
      ),
    );
    expect(lines[0]).toBe('金条');
    // ¥ prints as the full-width ￥ every Chinese font has (2 columns, 2 bytes).
    const lifted = lines.filter((l) => l.trim() === '￥12345678901234567890.00');
    expect(lifted).toHaveLength(2);
    for (const l of lifted) expect(textWidth(l)).toBe(cols);
    expect(lines.at(-1)!.trim()).toBe('1');
  });

  it('a weighed line keeps weight, unit price and total on one line: wide values reach left', () => {
    const [head] = textLines(
      layoutReceipt(
        { blocks: [{ kind: 'item', name: '品名', qty: '数量', unitPrice: '单价', total: '金额' }] },
        profile,
      ),
    );
    const lines = textLines(
      layoutReceipt(
        {
          blocks: [
            {
              kind: 'item',
              name: '五花肉',
              qty: '0.523kg',
              unitPrice: '25.80/千克',
              total: '13.49',
            },
          ],
        },
        profile,
      ),
    );
    const values = lines.at(-1)!;
    expect(textWidth(values)).toBe(cols);
    expect(values.trim().split(/\s+/).slice(-3)).toEqual(['0.523kg', '25.80/千克', '13.49']);
    // The total and the unit price end where the header's 金额 and 单价 end.
    expect(values.endsWith(' 13.49')).toBe(true);
    const endOf = (line: string, word: string) =>
      textWidth(line.slice(0, line.indexOf(word) + word.length));
    expect(endOf(values, '25.80/千克')).toBe(endOf(head!, '单价'));
    expect(lines.length).toBeLessThanOrEqual(2);
  });

  it('keeps the pair value flush right and whole', () => {
    const lines = textLines(
      layoutReceipt({ blocks: [{ kind: 'pair', left: LONG_NAME, right: '¥12.00' }] }, profile),
    );
    expect(lines[0]!.endsWith(' ￥12.00')).toBe(true);
    expect(textWidth(lines[0]!)).toBe(cols);
    expect(lines.join('').replace(' ￥12.00', '').replace(/ /g, '')).toBe(LONG_NAME);
  });

  it('lays a rule of wide characters to the width it can fill', () => {
    const [line] = textLines(layoutReceipt({ blocks: [{ kind: 'rule', char: '═' }] }, profile));
    expect(line).toBe('═'.repeat(cols / 2));
  });
});

describe('layout details', () => {
  it('lays a small receipt exactly (32 columns, hand-checked)', () => {
    const laid = layoutReceipt(
      {
        blocks: [
          { kind: 'text', text: '欢迎光临', align: 'center' },
          { kind: 'item', name: '可乐', qty: '2', unitPrice: '3.50', total: '7.00' },
          { kind: 'pair', left: '合计', right: '¥7.00' },
          { kind: 'qr', data: 'https://x.cn/1' },
          { kind: 'barcode', data: 'NO123' },
          { kind: 'feed', lines: 2 },
          { kind: 'drawer' },
          { kind: 'cut' },
        ],
      },
      PROFILES['58mm'],
    );
    expect(renderText(laid)).toBe(
      [
        ' '.repeat(12) + '欢迎光临', // (32 - 8) / 2
        // One line per item: the name, then qty 4, unit 8, total 9 = 21 flush right in 32
        '可乐' + ' '.repeat(7) + '   2' + '    3.50' + '     7.00',
        // ¥ prints as ￥ (2 columns, in every Chinese font): 4 + 22 + 6 = 32
        '合计' + ' '.repeat(22) + '￥7.00',
        ' '.repeat(9) + 'https://x.cn/1', // (32 - 14) / 2
        ' '.repeat(13) + 'NO123', // floor((32 - 5) / 2)
        '', // feed 2
        '',
        '', // cut
        '',
      ].join('\n'),
    );
  });

  it('centres a double-size line in half the columns on paper and in all of them in print.txt', () => {
    const laid = layoutReceipt(
      { blocks: [{ kind: 'text', text: '合计', align: 'center', size: 'double' }] },
      PROFILES['58mm'],
    );
    expect(laid.lines[0]).toMatchObject({
      kind: 'text',
      text: '      合计',
      plain: '              合计',
    });
  });

  it('splits text blocks at newlines instead of gluing the lines', () => {
    expect(renderText(layoutReceipt({ blocks: [{ kind: 'text', text: '第一行\n第二行' }] }))).toBe(
      '第一行\n第二行\n',
    );
  });

  it('refuses barcode data CODE128-B cannot carry and oversize QR data', () => {
    expect(() => layoutReceipt({ blocks: [{ kind: 'barcode', data: '条码' }] })).toThrow(
      RangeError,
    );
    expect(() => layoutReceipt({ blocks: [{ kind: 'qr', data: '中'.repeat(1000) }] })).toThrow(
      RangeError,
    );
  });

  it('property: any text fits any profile width', () => {
    const anyText = fc.string({ unit: 'grapheme', maxLength: 120 });
    const anyChars = fc.string({ unit: 'binary', maxLength: 120 });
    const str = fc.oneof(anyText, anyChars, fc.constantFrom(LONG_NAME, HUGE, '', '😀'.repeat(40)));
    const block: fc.Arbitrary<DocBlock> = fc.oneof(
      fc.record({
        kind: fc.constant('text' as const),
        text: str,
        align: fc.constantFrom('left' as const, 'center' as const, 'right' as const),
        size: fc.constantFrom('normal' as const, 'double' as const),
      }),
      fc.record({
        kind: fc.constant('pair' as const),
        left: str,
        right: str,
        size: fc.constantFrom('normal' as const, 'double' as const),
      }),
      fc.record({
        kind: fc.constant('item' as const),
        name: str,
        qty: str,
        unitPrice: str,
        total: str,
      }),
      fc.record({ kind: fc.constant('rule' as const), char: str }),
    );
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 6 }),
        fc.integer({ min: 8, max: 80 }),
        (blocks, columns) => {
          assertFits(layoutReceipt({ blocks }, { ...DEFAULT_PROFILE, id: 'x', columns }));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('narrow lines', () => {
  it('puts a pair value on its own line when the label would get under 2 columns', () => {
    const profile = { ...DEFAULT_PROFILE, id: 'narrow', columns: 8 };
    const laid = layoutReceipt(
      { blocks: [{ kind: 'pair', left: '合计金额', right: '¥¥', size: 'double' }] },
      profile,
    );
    expect(laid.lines.map((l) => (l.kind === 'text' ? l.text : ''))).toEqual([
      '合计',
      '金额',
      '￥￥',
    ]);
  });
});
