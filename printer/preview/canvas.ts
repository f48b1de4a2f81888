import { FONT_5X7 } from './font5x7';

/** A growing 1-bit page, one byte per dot, as wide as the printer's dot line. */
export class Page {
  rows: Uint8Array[] = [];
  constructor(readonly width: number) {}

  get height(): number {
    return this.rows.length;
  }

  grow(h: number): number {
    const top = this.rows.length;
    for (let i = 0; i < h; i++) this.rows.push(new Uint8Array(this.width));
    return top;
  }

  set(x: number, y: number): void {
    const row = this.rows[y];
    if (row && x >= 0 && x < this.width) row[x] = 1;
  }

  fill(x: number, y: number, w: number, h: number): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.set(x + i, y + j);
  }

  /** One ASCII glyph in a 12×24 cell (Font A), scaled ×sx ×sy for bold/double. */
  glyph(code: number, x: number, y: number, scale: number, bold: boolean): void {
    const base = (code - 0x20) * 5;
    for (let col = 0; col < 5; col++) {
      const bits = FONT_5X7[base + col] ?? 0;
      for (let r = 0; r < 8; r++) {
        if (!(bits & (1 << r))) continue;
        const px = x + (1 + col * 2) * scale;
        const py = y + (2 + r * 3) * scale;
        this.fill(px, py, (bold ? 3 : 2) * scale, 3 * scale);
      }
    }
  }

  /** Placeholder for a glyph the preview cannot draw (CJK): a framed box with a cross bar. */
  box(x: number, y: number, w: number, h: number): void {
    this.fill(x + 2, y + 2, w - 4, 2);
    this.fill(x + 2, y + h - 4, w - 4, 2);
    this.fill(x + 2, y + 2, 2, h - 4);
    this.fill(x + w - 4, y + 2, 2, h - 4);
    this.fill(x + 6, y + Math.floor(h / 2) - 1, w - 12, 2);
  }

  dashedLine(y: number): void {
    for (let x = 0; x < this.width; x += 12) this.fill(x, y, 6, 2);
  }
}
