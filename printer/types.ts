import type { Align } from './text/wrap';
import type { PrinterProfile } from './profiles';
import type { MonoBitmap } from './escpos/raster';

export type { Align, MonoBitmap };

/**
 * A logo: a bitmap sent as banded raster (GS v 0), or an image already stored in the
 * printer's NV memory, by key (GS ( L fn 69, two ASCII characters) or number (FS p n).
 * NV saves ~8 KB per receipt on slow serial links (escpos.md §7).
 */
export type LogoSource = { bitmap: MonoBitmap } | { nvKey: string } | { nvImage: number };

export type DocBlock =
  | { kind: 'text'; text: string; align?: Align; bold?: boolean; size?: 'normal' | 'double' }
  | { kind: 'pair'; left: string; right: string; bold?: boolean; size?: 'normal' | 'double' }
  | { kind: 'item'; name: string; qty: string; unitPrice: string; total: string }
  | { kind: 'rule'; char?: string }
  | { kind: 'qr'; data: string; caption?: string }
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number }
  | ({ kind: 'logo' } & LogoSource)
  | { kind: 'drawer' }
  | { kind: 'cut' };

export interface ReceiptDoc {
  blocks: DocBlock[];
}

/**
 * One physical line or device action. Text lines carry two paddings of the same content:
 * `text` for paper (in a grid of columns/2 when double size) and `plain` for print.txt
 * (always the full column grid), so both agree on line breaks and alignment.
 */
export type LaidLine =
  | { kind: 'text'; text: string; plain: string; bold: boolean; size: 'normal' | 'double' }
  | { kind: 'qr'; data: string; caption: string[]; textLines: string[] }
  | { kind: 'barcode'; data: string; textLines: string[] }
  | { kind: 'feed'; lines: number }
  | { kind: 'logo'; source: LogoSource }
  | { kind: 'drawer' }
  | { kind: 'cut' };

export interface LaidOutReceipt {
  profile: PrinterProfile;
  lines: LaidLine[];
}
