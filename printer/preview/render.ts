import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { decodeEscPos, type DecodedJob } from '../escpos/decode';
import type { PaperItem } from '../escpos/paper';
import type { PrinterProfile } from '../profiles';
import { charWidth } from '../text/width';
import { Page } from './canvas';
import { code128Modules } from './code128';

const CELL_W = 12;
const CELL_H = 24;
const LINE_GAP = 6;

function xFor(align: 0 | 1 | 2, w: number, page: number): number {
  if (align === 1) return Math.max(0, Math.floor((page - w) / 2));
  return align === 2 ? Math.max(0, page - w) : 0;
}

function drawText(p: Page, it: Extract<PaperItem, { kind: 'text' }>): void {
  const s = it.double ? 2 : 1;
  const cols = [...it.text].reduce((n, ch) => n + charWidth(ch), 0);
  let x = xFor(it.align, cols * CELL_W * s, p.width);
  const y = p.grow((CELL_H + LINE_GAP) * s);
  for (const ch of it.text) {
    const w = charWidth(ch) * CELL_W * s;
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x20 && code < 0x7f) p.glyph(code, x, y, s, it.bold);
    else if (code !== 0x20) p.box(x, y, w, CELL_H * s);
    x += w;
  }
}

function drawQr(p: Page, data: string, moduleSize: number, align: 0 | 1 | 2): void {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const m = Math.max(1, moduleSize);
  const size = modules.size * m;
  const x0 = xFor(align, size, p.width);
  const y0 = p.grow(size + 8);
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) p.fill(x0 + c * m, y0 + r * m, m, m);
  }
}

function drawBarcode(p: Page, it: Extract<PaperItem, { kind: 'barcode' }>): void {
  const widths = code128Modules(it.data);
  const w = Math.max(1, it.moduleWidth);
  const total = widths.reduce((a, b) => a + b, 0) * w;
  let x = xFor(it.align, total, p.width);
  const y = p.grow(it.height + 4);
  widths.forEach((n, i) => {
    if (i % 2 === 0) p.fill(x, y, n * w, it.height);
    x += n * w;
  });
  drawText(p, { kind: 'text', text: it.data, bold: false, double: false, align: it.align });
}

function drawImage(p: Page, it: Extract<PaperItem, { kind: 'image' }>): void {
  const xBytes = it.width / 8;
  const x0 = xFor(it.align, it.width, p.width);
  const y0 = p.grow(it.height);
  for (let y = 0; y < it.height; y++) {
    for (let x = 0; x < it.width; x++) {
      const byte = it.bits[y * xBytes + (x >> 3)] ?? 0;
      if (byte & (0x80 >> (x & 7))) p.set(x0 + x, y0 + y);
    }
  }
}

/**
 * The paper a job would produce, as a PNG one dot per pixel at the profile's width: ASCII
 * in a built-in 5×7 font on Font A's 12×24 cells, CJK and other non-ASCII as framed boxes
 * of their real width, QR codes and CODE128 drawn to scan, rasters as sent, an NV logo as
 * a hatched box, cuts as a dashed line.
 */
export function renderPaperPng(job: DecodedJob | Uint8Array, profile: PrinterProfile): Buffer {
  const decoded = job instanceof Uint8Array ? decodeEscPos(job) : job;
  const p = new Page(profile.dotsPerLine);
  p.grow(12);
  for (const it of decoded.paper) {
    if (it.kind === 'text') drawText(p, it);
    else if (it.kind === 'qr') drawQr(p, it.data, it.moduleSize, it.align);
    else if (it.kind === 'barcode') drawBarcode(p, it);
    else if (it.kind === 'image') drawImage(p, it);
    else if (it.kind === 'nv-image') {
      const y = p.grow(96);
      p.box(xFor(it.align, 192, p.width), y, 192, 96);
    } else p.dashedLine(p.grow(16) + 8);
  }
  p.grow(12);
  const png = new PNG({ width: p.width, height: p.height });
  p.rows.forEach((row, y) => {
    row.forEach((v, x) => {
      const i = (y * p.width + x) * 4;
      const c = v ? 0 : 255;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = c;
      png.data[i + 3] = 255;
    });
  });
  return PNG.sync.write(png);
}
