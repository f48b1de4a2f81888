import type { LaidOutReceipt } from '../types';

/**
 * print.txt content. Every line ends in '\n' and is at most `columns` wide. A QR code shows
 * as its caption (or its data when it has none), a barcode as its data, a feed as blank
 * lines, a cut as one blank line; a drawer kick and a logo print nothing.
 */
export function renderText(laid: LaidOutReceipt): string {
  const out: string[] = [];
  for (const line of laid.lines) {
    switch (line.kind) {
      case 'text':
        out.push(line.plain.trimEnd());
        break;
      case 'qr':
      case 'barcode':
        out.push(...line.textLines);
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i++) out.push('');
        break;
      case 'cut':
        out.push('');
        break;
      case 'drawer':
      case 'logo': // an image has no text; print.txt leaves it out
        break;
    }
  }
  return out.map((l) => l + '\n').join('');
}
