import { createRequire } from 'node:module';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PROFILES, encodeEscPos, layoutReceipt } from '../../printer/index';
import { BARCODE, COLUMNS, GRAND, ITEMS, QR_DATA, ourDoc, total } from './receipt-doc';

const require = createRequire(import.meta.url);
// receiptline ships no typings; this is the one function used.
const receiptline = require('receiptline') as {
  transform(doc: string, opts: Record<string, unknown>): string;
};

export type Encoder = () => Uint8Array;

export const ours: Encoder = () => encodeEscPos(layoutReceipt(ourDoc(), PROFILES['80mm']));

/** ntp used plainly: its own table/QR/drawer calls, bytes via getBuffer (escpos.md §1.1). */
export const ntp: Encoder = () => {
  // An object interface is accepted at runtime (escpos.md §1.1); the .d.ts says string.
  const iface = { execute: async () => undefined, isPrinterConnected: async () => true };
  const p = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: iface as unknown as string,
    width: COLUMNS,
    characterSet: CharacterSet.CHINA,
  });
  p.alignCenter();
  p.setTextDoubleHeight();
  p.setTextDoubleWidth();
  p.bold(true);
  p.println('好又多便利店（人民路店）');
  p.setTextNormal();
  p.bold(false);
  p.println('上海市黄浦区人民路123号 电话 021-12345678');
  p.alignLeft();
  p.drawLine();
  for (const [name, qty, price] of ITEMS) {
    p.println(name);
    p.tableCustom([
      { text: qty, align: 'RIGHT', width: 0.2 },
      { text: price, align: 'RIGHT', width: 0.3 },
      { text: total(qty, price), align: 'RIGHT', width: 0.3 },
    ]);
  }
  p.drawLine();
  p.leftRight('合计', `¥${GRAND}`);
  p.leftRight('微信支付', `¥${GRAND}`);
  p.alignCenter();
  p.println('谢谢惠顾，欢迎再次光临！');
  p.printQR(QR_DATA, { cellSize: 6, correction: 'M' });
  p.println('扫码开具电子发票');
  p.code128(BARCODE);
  p.openCashDrawer();
  p.cut();
  return new Uint8Array(p.getBuffer());
};

export const receiptLine: Encoder = () => {
  const md = [
    '^^^"好又多便利店（人民路店）"',
    '上海市黄浦区人民路123号 电话 021-12345678',
    '-',
    ...ITEMS.flatMap(([n, q, p]) => [`${n}|`, `|${q}|${p}|${total(q, p)}`]),
    '-',
    `"合计|¥${GRAND}"`,
    `微信支付|¥${GRAND}`,
    '谢谢惠顾，欢迎再次光临！',
    `{code:${QR_DATA}; option:qrcode,6,m}`,
    '扫码开具电子发票',
    `{code:${BARCODE}; option:code128,2,72,hri}`,
    '=',
  ].join('\n');
  const s = receiptline.transform(md, { command: 'escpos', cpl: COLUMNS, encoding: 'gb18030' });
  return Uint8Array.from(Buffer.from(s, 'latin1'));
};

export const posEncoder: Encoder = () => {
  const e = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: COLUMNS });
  e.initialize().align('center').bold(true).size(2, 2).line('好又多便利店（人民路店）');
  e.size(1, 1).bold(false).line('上海市黄浦区人民路123号 电话 021-12345678').align('left').rule();
  for (const [n, q, p] of ITEMS) {
    e.line(n).table(
      [
        { width: 16, align: 'right' },
        { width: 16, align: 'right' },
        { width: 16, align: 'right' },
      ],
      [[q, p, total(q, p)]],
    );
  }
  e.rule().table(
    [
      { width: 24, align: 'left' },
      { width: 24, align: 'right' },
    ],
    [
      ['合计', `¥${GRAND}`],
      ['微信支付', `¥${GRAND}`],
    ],
  );
  e.align('center').line('谢谢惠顾，欢迎再次光临！').qrcode(QR_DATA, 2, 6, 'm');
  e.line('扫码开具电子发票').barcode(BARCODE, 'code128', 60).pulse().cut();
  return e.encode();
};

export const PEERS: [string, Encoder][] = [
  ['ours (printer/)', ours],
  ['node-thermal-printer', ntp],
  ['receiptline', receiptLine],
  ['receipt-printer-encoder', posEncoder],
];
