import { DEFAULT_PROFILE, MIN_COLUMNS, type PrinterProfile } from '../profiles';
import { fitFont } from '../text/font';
import { sanitizeText } from '../text/sanitize';
import { charWidth } from '../text/width';
import { wrapText, align } from '../text/wrap';
import type { DocBlock, LaidLine, LaidOutReceipt, ReceiptDoc } from '../types';
import { itemRows } from './item';
import { layoutLogo } from './logo';
import { pairRows, paperWidth, textRows, toLine, type Row, type Size } from './rows';

/** QR model 2, level M, byte mode holds at most 2331 bytes; refuse rather than print garbage. */
export const QR_MAX_BYTES = 2331;
/** GS k 73 takes a one-byte length; '{B' plus escaped '{' must fit. */
export const BARCODE_MAX_CHARS = 120;
/** An item whose name sanitises to nothing still gets a line that says so, never an empty one. */
export const UNNAMED_ITEM = '（无品名）';

type Clean = (s: string) => string;

/**
 * The single layout both renderers use: sanitises every string, wraps by display width and
 * pads for alignment, so paper and print.txt show the same lines.
 */
export function layoutReceipt(
  doc: ReceiptDoc,
  profile: PrinterProfile = DEFAULT_PROFILE,
): LaidOutReceipt {
  if (!Number.isInteger(profile.columns) || profile.columns < MIN_COLUMNS) {
    throw new RangeError(
      `printer profile ${profile.id}: columns must be an integer ≥ ${MIN_COLUMNS}`,
    );
  }
  const lines: LaidLine[] = [];
  const font = profile.chineseFont ?? 'GB18030';
  const clean: Clean = (s) => fitFont(sanitizeText(s), font);
  for (const block of doc.blocks) {
    if (block.kind === 'logo') lines.push(layoutLogo(block, profile.dotsPerLine));
    else lines.push(...layoutBlock(block, profile.columns, clean));
  }
  return { profile, lines };
}

function rowsToLines(rows: Row[], columns: number, bold: boolean, size: Size): LaidLine[] {
  return rows.map((r) => toLine(r, columns, bold, size));
}

function layoutBlock(
  block: Exclude<DocBlock, { kind: 'logo' }>,
  columns: number,
  clean: Clean,
): LaidLine[] {
  switch (block.kind) {
    case 'text': {
      const size = block.size ?? 'normal';
      const width = paperWidth(columns, size);
      // A newline in a text block is an intended line break; sanitising alone would glue lines.
      const parts = block.text.includes('\n') ? block.text.split(/\r?\n/) : [block.text];
      const rows = parts.flatMap((part) => textRows(clean(part), width, block.align ?? 'left'));
      return rowsToLines(rows, columns, block.bold ?? false, size);
    }
    case 'pair': {
      const size = block.size ?? 'normal';
      const rows = pairRows(clean(block.left), clean(block.right), paperWidth(columns, size));
      return rowsToLines(rows, columns, block.bold ?? false, size);
    }
    case 'item': {
      const name = clean(block.name);
      const rows = itemRows(
        block.name !== '' && name.trim() === '' ? UNNAMED_ITEM : name,
        clean(block.qty),
        clean(block.unitPrice),
        clean(block.total),
        columns,
      );
      return rowsToLines(rows, columns, false, 'normal');
    }
    case 'rule': {
      const ch = [...clean(block.char ?? '-')][0] ?? '-';
      return rowsToLines(
        [{ left: ch.repeat(Math.floor(columns / charWidth(ch))), align: 'left' }],
        columns,
        false,
        'normal',
      );
    }
    case 'qr':
      return [layoutQr(block.data, block.caption, columns, clean)];
    case 'barcode':
      return [layoutBarcode(block.data, columns)];
    case 'feed': {
      const n = Math.trunc(block.lines);
      return Number.isFinite(n) && n > 0 ? [{ kind: 'feed', lines: Math.min(n, 255) }] : [];
    }
    case 'drawer':
      return [{ kind: 'drawer' }];
    case 'cut':
      return [{ kind: 'cut' }];
  }
}

function centred(text: string, columns: number): string[] {
  return wrapText(text, columns).map((l) => align(l, columns, 'center'));
}

function layoutQr(
  data: string,
  caption: string | undefined,
  columns: number,
  clean: Clean,
): LaidLine {
  // Only lone surrogates are repaired: the payload travels length-prefixed, so it cannot inject.
  const payload = data.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '?',
  );
  const bytes = new TextEncoder().encode(payload).length;
  if (bytes === 0 || bytes > QR_MAX_BYTES) {
    throw new RangeError(`QR data must be 1..${QR_MAX_BYTES} UTF-8 bytes, got ${bytes}`);
  }
  const cap = caption === undefined ? '' : clean(caption);
  const captionLines = cap === '' ? [] : centred(cap, columns);
  return {
    kind: 'qr',
    data: payload,
    caption: captionLines,
    textLines: captionLines.length > 0 ? captionLines : centred(clean(payload), columns),
  };
}

function layoutBarcode(data: string, columns: number): LaidLine {
  const clean = sanitizeText(data);
  if (!/^[\x20-\x7e]+$/.test(clean) || clean.length > BARCODE_MAX_CHARS) {
    throw new RangeError(`CODE128 data must be 1..${BARCODE_MAX_CHARS} printable ASCII characters`);
  }
  return { kind: 'barcode', data: clean, textLines: centred(clean, columns) };
}
