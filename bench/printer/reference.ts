import iconv from 'iconv-lite';
import { BARCODE, COLUMNS, GRAND, ITEMS, QR_DATA, total } from './receipt-doc';

/**
 * The minimal reference: the standard receipt written straight to correct ESC/POS for a
 * Chinese 80 mm printer, with no layout engine: ESC @ FS &, GB18030 text, ESC $ for every
 * column (GS P 203 makes the unit a dot; 12 dots a column), ￥ from the Chinese font, an item
 * on one line when its name fits. It knows this one document; the yardstick for our time.
 */
const ESC = 0x1b;
const GS = 0x1d;
const DOT = 12;
const QTY_END = 30; // columns: name | qty ..30 | price ..39 | total ..48
const PRICE_END = 39;

const cols = (s: string): number => {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return n;
};

export function referenceEncode(): Uint8Array {
  const parts: (Buffer | number[])[] = [];
  const raw = (...b: number[]) => parts.push(b);
  const text = (s: string) => parts.push(iconv.encode(s, 'gb18030'));
  const at = (col: number) => raw(ESC, 0x24, (col * DOT) & 0xff, (col * DOT) >> 8);
  const right = (s: string, end: number) => {
    at(end - cols(s));
    text(s);
  };
  const centre = (s: string, scale = 1) => {
    const pad = Math.floor((COLUMNS / scale - cols(s)) / 2);
    if (pad > 0) at(pad * scale);
    text(s);
    raw(0x0a);
  };
  const rule = () => {
    text('-'.repeat(COLUMNS));
    raw(0x0a);
  };

  raw(ESC, 0x40, 0x1c, 0x26, GS, 0x50, 203, 0);
  raw(ESC, 0x45, 1, GS, 0x21, 0x11);
  centre('好又多便利店（人民路店）', 2);
  raw(ESC, 0x45, 0, GS, 0x21, 0);
  centre('上海市黄浦区人民路123号 电话 021-12345678');
  rule();
  for (const [name, qty, price] of ITEMS) {
    text(name);
    if (cols(name) >= QTY_END - 4) raw(0x0a);
    right(qty, QTY_END);
    right(price, PRICE_END);
    right(total(qty, price), COLUMNS);
    raw(0x0a);
  }
  rule();
  raw(ESC, 0x45, 1);
  text('合计');
  right(`￥${GRAND}`, COLUMNS);
  raw(0x0a, ESC, 0x45, 0);
  text('微信支付');
  right(`￥${GRAND}`, COLUMNS);
  raw(0x0a);
  centre('谢谢惠顾，欢迎再次光临！');
  const qr = Buffer.from(QR_DATA, 'utf8');
  const store = qr.length + 3;
  raw(ESC, 0x61, 1);
  raw(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0); // model 2
  raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6); // 6-dot modules
  raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31); // level M
  raw(GS, 0x28, 0x6b, store & 0xff, store >> 8, 0x31, 0x50, 0x30);
  parts.push(qr);
  raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30, 0x0a);
  raw(ESC, 0x61, 0);
  centre('扫码开具电子发票');
  raw(ESC, 0x61, 1, GS, 0x68, 80, GS, 0x77, 2, GS, 0x48, 2, GS, 0x66, 0);
  raw(GS, 0x6b, 73, BARCODE.length + 2, 0x7b, 0x42, ...Buffer.from(BARCODE, 'ascii'));
  raw(ESC, 0x61, 0);
  raw(ESC, 0x70, 0, 0x19, 0xfa); // drawer: the peers' receipts carry one, so this one does too
  raw(GS, 0x56, 0x42, 3);
  return Uint8Array.from(
    Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p)))),
  );
}
