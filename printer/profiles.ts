/** Which Chinese characters the printer's font holds (GS I 69 answers e.g. "CHINA GB18030"). */
export type ChineseFont = 'GB2312' | 'GBK' | 'GB18030';
export const CHINESE_FONTS: readonly ChineseFont[] = ['GB2312', 'GBK', 'GB18030'];

export interface PrinterProfile {
  id: string;
  name: string;
  /** Font A columns: ASCII = 1 column, every other character = 2. */
  columns: number;
  dotsPerLine: number;
  /** Dots per inch across the paper: ESC $ positions are sent in dots (GS P dpi). */
  dpi: number;
  font: 'A' | 'B';
  /** Characters outside it print as a marker (□), never as bytes the printer shows as garbage. */
  chineseFont: ChineseFont;
}

// Widths from escpos.md §3: "80 mm = 48 columns" is not universal (Epson TM-T88 is 180 dpi → 42).
export const PROFILES: Record<string, PrinterProfile> = {
  '58mm': {
    id: '58mm',
    name: '58 mm (203 dpi)',
    columns: 32,
    dotsPerLine: 384,
    dpi: 203,
    font: 'A',
    chineseFont: 'GB18030',
  },
  '80mm-180dpi': {
    id: '80mm-180dpi',
    name: '80 mm (180 dpi, Epson TM-T88)',
    columns: 42,
    dotsPerLine: 512,
    dpi: 180,
    font: 'A',
    chineseFont: 'GB18030',
  },
  '80mm': {
    id: '80mm',
    name: '80 mm (203 dpi)',
    columns: 48,
    dotsPerLine: 576,
    dpi: 203,
    font: 'A',
    chineseFont: 'GB18030',
  },
};

export const DEFAULT_PROFILE: PrinterProfile = PROFILES['80mm'] as PrinterProfile;

/** Smallest width at which a double-size CJK glyph (4 columns) still fits on a line. */
export const MIN_COLUMNS = 8;

/** Dots one column takes: Font A glyphs are 12 dots wide, Font B 9 (ASCII; CJK is two columns). */
export const columnDots = (p: Pick<PrinterProfile, 'font'>): number => (p.font === 'B' ? 9 : 12);
