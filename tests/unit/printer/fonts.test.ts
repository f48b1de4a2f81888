import { describe, expect, it } from 'vitest';
import {
  PROFILES,
  decodeEscPos,
  encodeEscPos,
  layoutReceipt,
  renderText,
  testPage,
  textWidth,
  type PrinterProfile,
} from '../../../printer/index';
import { fitFont, MISSING_GLYPH } from '../../../printer/text/font';
import { UNNAMED_ITEM } from '../../../printer/layout/layout';

const p80 = PROFILES['80mm']!;
const withFont = (f: PrinterProfile['chineseFont']): PrinterProfile => ({ ...p80, chineseFont: f });

describe('the profile names its Chinese font; what it lacks prints as □, never garbage', () => {
  it.each([
    // char, GB2312, GBK, GB18030
    ['中', true, true, true],
    ['，', true, true, true],
    ['鍀', false, true, true], // GBK only
    ['堃', false, true, true],
    ['㐀', false, false, true], // CJK Ext-A: GB18030's 4-byte part
    ['𠀀', false, false, false], // Ext-B
    ['😀', false, false, false],
    ['☃', false, false, false], // a BMP symbol only the 4-byte range reaches
  ] as const)('%s: GB2312 %s, GBK %s, GB18030 %s', (ch, gb2312, gbk, gb18030) => {
    expect(fitFont(ch, 'GB2312')).toBe(gb2312 ? ch : MISSING_GLYPH);
    expect(fitFont(ch, 'GBK')).toBe(gbk ? ch : MISSING_GLYPH);
    expect(fitFont(ch, 'GB18030')).toBe(gb18030 ? ch : MISSING_GLYPH);
  });

  it('ASCII and code-page symbols pass; ¥ becomes ￥ for every font', () => {
    for (const f of ['GB2312', 'GBK', 'GB18030'] as const) {
      expect(fitFont('Coca-Cola 2.50', f)).toBe('Coca-Cola 2.50');
      expect(fitFont('½ß', f)).toBe('½ß');
      expect(fitFont('¥9', f)).toBe('￥9');
    }
  });

  it('paper, widths and print.txt agree after the marker', () => {
    const laid = layoutReceipt({ blocks: [{ kind: 'text', text: '鍀😀好' }] }, withFont('GB2312'));
    const job = decodeEscPos(encodeEscPos(laid));
    expect(job.lines).toEqual(['□□好']);
    expect(renderText(laid)).toBe('□□好\n');
    expect(textWidth(job.lines[0]!)).toBe(6);
  });

  it('an item whose name sanitises to nothing prints a placeholder, not an empty line', () => {
    const laid = layoutReceipt(
      {
        blocks: [
          { kind: 'item', name: '\x1b\x1d\u202e\t ', qty: '1', unitPrice: '2.00', total: '2.00' },
        ],
      },
      p80,
    );
    const lines = renderText(laid)
      .split('\n')
      .filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${UNNAMED_ITEM} +1 +2\\.00 +2\\.00$`));
  });
});

describe('the test page', () => {
  it.each(['58mm', '80mm-180dpi', '80mm'])('on %s keeps every ruler it prints whole', (id) => {
    const profile = PROFILES[id]!;
    const page = testPage({
      printer: 'tcp://x',
      columns: profile.columns,
      font: profile.chineseFont,
    });
    const job = decodeEscPos(encodeEscPos(layoutReceipt(page, profile)), {
      dotsPerLine: profile.dotsPerLine,
      dpi: profile.dpi,
    });
    expect(job.overflows).toBe(0);
    const rulers = job.lines.filter((l) => /^\d{10,}$/.test(l));
    expect(rulers.map((r) => r.length)).toEqual([32, 42, 48].filter((n) => n <= profile.columns));
    expect(job.text).toContain(`字库 font: ${profile.chineseFont}`);
    expect(job.text).toContain('□'); // the page shows what happens to characters outside the font
  });
});
