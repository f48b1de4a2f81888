export interface PrinterProfile {
  id: string;
  name: string;
  /** Font A columns: ASCII = 1 column, every other character = 2. */
  columns: number;
  dotsPerLine: number;
  font: 'A' | 'B';
}

// Widths from escpos.md §3: "80 mm = 48 columns" is not universal (Epson TM-T88 is 180 dpi → 42).
export const PROFILES: Record<string, PrinterProfile> = {
  '58mm': { id: '58mm', name: '58 mm (203 dpi)', columns: 32, dotsPerLine: 384, font: 'A' },
  '80mm-180dpi': {
    id: '80mm-180dpi',
    name: '80 mm (180 dpi, Epson TM-T88)',
    columns: 42,
    dotsPerLine: 512,
    font: 'A',
  },
  '80mm': { id: '80mm', name: '80 mm (203 dpi)', columns: 48, dotsPerLine: 576, font: 'A' },
};

export const DEFAULT_PROFILE: PrinterProfile = PROFILES['80mm'] as PrinterProfile;

/** Smallest width at which a double-size CJK glyph (4 columns) still fits on a line. */
export const MIN_COLUMNS = 8;
