import { describe, expect, it } from 'vitest';
import { buildReceiptDoc } from '../../../electron/receipts/model';
import {
  PROFILES,
  decodeEscPos,
  encodeEscPos,
  layoutReceipt,
  renderText,
  textWidth,
  type ReceiptDoc,
} from '../../../printer/index';
import { hex, indexOfBytes } from './helpers';
import { saleLine, saleOf } from '../../helpers/saleFixtures';

const DOC: ReceiptDoc = {
  blocks: [
    { kind: 'text', text: '好又多便利店', align: 'center', size: 'double', bold: true },
    { kind: 'item', name: '品名', qty: '数量', unitPrice: '单价', total: '金额' },
    { kind: 'item', name: '农夫山泉550ml', qty: '2', unitPrice: '2.00', total: '4.00' },
    {
      kind: 'item',
      name: '特级东北五常稻花香大米真空包装5kg',
      qty: '1',
      unitPrice: '89.90',
      total: '89.90',
    },
    { kind: 'pair', left: '合计', right: '¥93.90', size: 'double', bold: true },
    { kind: 'pair', left: '微信支付', right: '93.90' },
    { kind: 'cut' },
  ],
};

describe('ESC $ absolute positions instead of padding', () => {
  it('a right-aligned amount is ESC $ to its dot column (12 dots a column), after GS P dpi', () => {
    const bytes = encodeEscPos(
      layoutReceipt({ blocks: [{ kind: 'pair', left: 'A', right: 'B' }] }, PROFILES['80mm']),
    );
    // GS P 203 0 once (motion unit = 1 dot), then "A", ESC $ 47×12 = 564 dots, "B".
    expect(hex(bytes.slice(0, 8))).toBe('1b 40 1c 26 1d 50 cb 00');
    expect(hex(bytes.slice(8))).toBe('41 1b 24 34 02 42 0a');
  });

  it('a short gap stays spaces (4 spaces cost what ESC $ costs); no ESC $, no GS P', () => {
    const bytes = encodeEscPos(
      layoutReceipt({ blocks: [{ kind: 'text', text: 'A    B' }] }, PROFILES['58mm']),
    );
    expect(hex(bytes)).toBe('1b 40 1c 26 41 20 20 20 20 42 0a');
  });

  it('double-size lines position in double-width columns (24 dots)', () => {
    const bytes = encodeEscPos(
      layoutReceipt(
        { blocks: [{ kind: 'pair', left: 'A', right: 'B', size: 'double' }] },
        PROFILES['58mm'],
      ),
    );
    const at = indexOfBytes(bytes, [0x1b, 0x24]);
    // 32 columns → 16 double columns; B at column 15 = 360 dots.
    expect(hex(bytes.slice(at, at + 4))).toBe('1b 24 68 01');
  });

  it.each(['58mm', '80mm-180dpi', '80mm'])(
    'on %s the printer puts every line where print.txt has it, none past the paper edge',
    (id) => {
      const profile = PROFILES[id]!;
      const laid = layoutReceipt(DOC, profile);
      const job = decodeEscPos(encodeEscPos(laid), {
        dotsPerLine: profile.dotsPerLine,
        dpi: profile.dpi,
      });
      expect(job.overflows).toBe(0);
      expect(job.backwardPositions).toBe(0);
      expect(job.unknownCommands).toEqual([]);
      // Normal-size lines: the decoded paper equals print.txt, column for column.
      const txt = renderText(laid).split('\n');
      for (const line of laid.lines) {
        if (line.kind !== 'text' || line.size === 'double') continue;
        const want = line.plain.trimEnd();
        expect(job.lines).toContain(want);
        expect(txt).toContain(want);
        expect(textWidth(want)).toBeLessThanOrEqual(profile.columns);
      }
      // 58 mm leaves 11 columns for a name beside the numbers: this one gets a line of its own.
      const item =
        profile.columns >= 42 ? /^农夫山泉550ml +2 +2\.00 +4\.00$/ : /^ +2 +2\.00 +4\.00$/;
      expect(job.lines.some((l) => item.test(l))).toBe(true);
    },
  );

  it('180 dpi printers get GS P 180: positions are in their dots', () => {
    const bytes = encodeEscPos(layoutReceipt(DOC, PROFILES['80mm-180dpi']));
    expect(indexOfBytes(bytes, [0x1d, 0x50, 180, 0])).toBe(4);
  });

  it('the decoder counts text that runs past the paper edge (a printer would wrap it)', () => {
    const wide = encodeEscPos(
      layoutReceipt({ blocks: [{ kind: 'text', text: 'x'.repeat(48) }] }, PROFILES['80mm']),
    );
    expect(decodeEscPos(wide, { dotsPerLine: 384 }).overflows).toBe(1);
    expect(decodeEscPos(wide, { dotsPerLine: 576 }).overflows).toBe(0);
  });

  it('the real receipt model: one line per item when the name fits, and its header row', () => {
    const doc = buildReceiptDoc({
      storeName: '好邻居便利店',
      cashier: '王芳',
      tillNo: '01',
      printedAt: '2026-11-25 12:00:00',
      sale: saleOf({
        orderId: 'O1',
        status: 'PAID',
        lines: [
          saleLine({ lineNo: 1, barcode: '1', name: '怡宝纯净水', qty: 1, unitPriceFen: 300 }),
        ],
      }),
      payments: [],
    });
    const text = renderText(layoutReceipt(doc, PROFILES['80mm']));
    expect(text).toMatch(/^品名 +数量 +单价 +金额$/m);
    expect(text).toMatch(/^怡宝纯净水 +1 +3\.00 +3\.00$/m);
  });
});
