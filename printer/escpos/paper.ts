/** What comes out on paper, in order, for the PNG preview (preview/render.ts). */
export type PaperItem =
  | { kind: 'text'; text: string; bold: boolean; double: boolean; align: 0 | 1 | 2 }
  | { kind: 'qr'; data: string; moduleSize: number; align: 0 | 1 | 2 }
  | { kind: 'barcode'; data: string; moduleWidth: number; height: number; align: 0 | 1 | 2 }
  | { kind: 'image'; width: number; height: number; bits: Uint8Array; align: 0 | 1 | 2 }
  | { kind: 'nv-image'; key: string; align: 0 | 1 | 2 }
  | { kind: 'cut' };

/** Print-mode state a real printer keeps between commands (ESC @ resets it). */
export class PaperLog {
  readonly items: PaperItem[] = [];
  bold = false;
  double = false;
  align: 0 | 1 | 2 = 0;
  qrModule = 3;
  barWidth = 3;
  barHeight = 162;

  reset(): void {
    this.bold = false;
    this.double = false;
    this.align = 0;
    this.barWidth = 3;
    this.barHeight = 162;
  }

  /** Applies a style/setup command; returns false if it is not one. */
  style(name: string, b: Uint8Array): boolean {
    const p = b[2] ?? 0;
    switch (name) {
      case 'ESC E':
        this.bold = (p & 1) === 1;
        return true;
      case 'GS !':
        this.double = p !== 0;
        return true;
      case 'ESC a':
        this.align = (p % 48 <= 2 ? p % 48 : 0) as 0 | 1 | 2;
        return true;
      case 'GS w':
        this.barWidth = p;
        return true;
      case 'GS h':
        this.barHeight = p;
        return true;
      default:
        return false;
    }
  }

  text(text: string): void {
    const { bold, double, align } = this;
    this.items.push({ kind: 'text', text, bold, double, align });
  }

  qr(data: string): void {
    this.items.push({ kind: 'qr', data, moduleSize: this.qrModule, align: this.align });
  }

  barcode(data: string): void {
    const { barWidth: moduleWidth, barHeight: height, align } = this;
    this.items.push({ kind: 'barcode', data, moduleWidth, height, align });
  }

  image(width: number, height: number, bits: Uint8Array): void {
    this.items.push({ kind: 'image', width, height, bits, align: this.align });
  }

  nvImage(key: string): void {
    this.items.push({ kind: 'nv-image', key, align: this.align });
  }

  cut(): void {
    this.items.push({ kind: 'cut' });
  }
}
