import { describe, expect, it } from 'vitest';
import {
  PROFILES,
  decodeEscPos,
  encodeEscPos,
  layoutReceipt,
  renderText,
  type ReceiptDoc,
} from '../../../printer/index';
import { countBytes, hex, indexOfBytes } from './helpers';

const encode = (doc: ReceiptDoc, id = '80mm'): Uint8Array =>
  encodeEscPos(layoutReceipt(doc, PROFILES[id]));

const SALE: ReceiptDoc = {
  blocks: [
    { kind: 'text', text: '欢迎光临', align: 'center', bold: true, size: 'double' },
    { kind: 'item', name: '农夫山泉矿泉水', qty: '2', unitPrice: '2.00', total: '4.00' },
    { kind: 'pair', left: '合计', right: '¥4.00', bold: true },
    { kind: 'qr', data: '订单号 T20240101', caption: '扫码开票' },
    { kind: 'barcode', data: 'T20240101' },
    { kind: 'drawer' },
    { kind: 'cut' },
  ],
};

describe('encodeEscPos byte facts (hand-checked)', () => {
  it('starts every job with ESC @ FS &', () => {
    expect(hex(encode(SALE).slice(0, 4))).toBe('1b 40 1c 26');
    expect(hex(encode({ blocks: [] }).slice(0, 4))).toBe('1b 40 1c 26');
  });

  it("encodes '中' as GB18030 D6 D0", () => {
    const bytes = encode({ blocks: [{ kind: 'text', text: '中' }] });
    expect(hex(bytes.slice(4))).toBe('d6 d0 0a');
  });

  it('kicks the drawer with ESC p 0 t1 t2 (5 bytes)', () => {
    const bytes = encode({ blocks: [{ kind: 'drawer' }] });
    expect(hex(bytes.slice(4))).toBe('1b 70 00 19 fa');
  });

  it('stores QR data with pL/pH counting UTF-8 bytes, not characters', () => {
    const data = '订单号 T1'; // 3 × 3 bytes + 3 ASCII = 12 bytes, 6 characters
    const bytes = encode({ blocks: [{ kind: 'qr', data }] });
    const at = indexOfBytes(bytes, [0x1d, 0x28, 0x6b]);
    const store = indexOfBytes(bytes, [0x31, 0x50, 0x30], at) - 5;
    // pL pH = cn fn m (3) + 12 data bytes = 15
    expect(hex(bytes.slice(store, store + 8))).toBe('1d 28 6b 0f 00 31 50 30');
    expect(new TextDecoder().decode(bytes.slice(store + 8, store + 20))).toBe(data);
  });

  it('selects model 2, error level M and prints the stored symbol', () => {
    const bytes = encode({ blocks: [{ kind: 'qr', data: 'x' }] });
    expect(indexOfBytes(bytes, [0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31])).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30])).toBeGreaterThan(0);
  });

  it('sends CODE128 as GS k 73 with {B and the byte length, escaping {', () => {
    const bytes = encode({ blocks: [{ kind: 'barcode', data: 'A{1' }] });
    const at = indexOfBytes(bytes, [0x1d, 0x6b, 73]);
    expect(hex(bytes.slice(at, at + 10))).toBe('1d 6b 49 06 7b 42 41 7b 7b 31');
    expect(indexOfBytes(bytes, [0x1d, 0x48, 0x02])).toBeGreaterThan(0); // HRI below
  });

  it('uses GS ! 0x11 for double size, ESC E for bold, and resets both', () => {
    const bytes = encode({ blocks: [{ kind: 'text', text: 'A', bold: true, size: 'double' }] });
    expect(hex(bytes.slice(4))).toBe('1b 45 01 1d 21 11 41 0a 1b 45 00 1d 21 00');
  });

  it('cuts with GS V 66 n and does not append a status request', () => {
    const bytes = encode({ blocks: [{ kind: 'cut' }] });
    expect(hex(bytes.slice(4))).toBe('1d 56 42 03');
    expect(countBytes(encode(SALE), [0x1d, 0x72])).toBe(0);
  });

  it('selects font B only for a font B profile', () => {
    const laid = layoutReceipt({ blocks: [] }, { ...PROFILES['58mm']!, font: 'B' });
    expect(hex(encodeEscPos(laid))).toBe('1b 40 1c 26 1b 4d 01');
  });
});

describe('encodeEscPos, checked by decoding', () => {
  it('prints the same lines as print.txt and the QR/barcode/drawer/cut of the doc', () => {
    const laid = layoutReceipt(SALE, PROFILES['58mm']);
    const job = decodeEscPos(encodeEscPos(laid));
    expect(job.chineseMode).toBe(true);
    expect(job.unknownCommands).toEqual([]);
    expect(job.qrCodes).toEqual(['订单号 T20240101']);
    expect(job.barcodes).toEqual(['T20240101']);
    expect(job.drawerKicks).toBe(1);
    expect(job.cuts).toBe(1);
    expect(job.text).toContain('农夫山泉矿泉水');
    expect(job.text).toContain('扫码开票');
    // Paper and print.txt agree line by line for normal-size text.
    const txt = renderText(laid).split('\n');
    expect(job.lines).toContain(txt.find((l) => l.includes('合计')));
    expect(job.lines).toContain(txt.find((l) => l.includes('4.00') && !l.includes('合计')));
  });

  it('prints emoji and Ext-B (no receipt font has them) as the marker □, A1 F5', () => {
    const bytes = encode({ blocks: [{ kind: 'text', text: '😀𠀀好' }] });
    expect(hex(bytes.slice(4))).toBe('a1 f5 a1 f5 ba c3 0a');
    expect(decodeEscPos(bytes).lines).toEqual(['□□好']);
  });
});
