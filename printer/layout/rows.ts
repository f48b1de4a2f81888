import { align, spread, wrapText, type Align } from '../text/wrap';
import { textWidth } from '../text/width';
import type { LaidLine } from '../types';

export type Size = 'normal' | 'double';

/** Content of one line before padding: either aligned text or a left/right pair. */
export type Row = { left: string; align: Align } | { left: string; right: string };

export function paperWidth(columns: number, size: Size): number {
  return size === 'double' ? Math.floor(columns / 2) : columns;
}

function place(row: Row, width: number): string {
  return 'right' in row ? spread(row.left, row.right, width) : align(row.left, width, row.align);
}

export function toLine(row: Row, columns: number, bold: boolean, size: Size): LaidLine {
  const plain = place(row, columns);
  // Normal size: paper and print.txt share one grid, so one padding serves both.
  const text = size === 'normal' ? plain : place(row, paperWidth(columns, size));
  return { kind: 'text', text, plain, bold, size };
}

/** Wraps and aligns free text to rows that fit `width`. */
export function textRows(text: string, width: number, how: Align): Row[] {
  return wrapText(text, width).map((left) => ({ left, align: how }));
}

/**
 * A label and a value: the value never overflows. It shares the first line with the label
 * when it takes at most half the width, otherwise it gets its own right-aligned line(s).
 */
export function pairRows(left: string, right: string, width: number): Row[] {
  const rw = textWidth(right);
  if (right === '') return textRows(left, width, 'left');
  if (left === '' && rw <= width) return [{ left: right, align: 'right' }];
  if (textWidth(left) + 1 + rw <= width) return [{ left, right }];
  // The label needs at least 2 columns beside the value to hold one CJK character.
  if (rw <= Math.floor(width / 2) && width - rw - 1 >= 2) {
    const [first = '', ...rest] = wrapText(left, width - rw - 1);
    return [{ left: first, right }, ...rest.map((l): Row => ({ left: l, align: 'left' }))];
  }
  return [
    ...(left === '' ? [] : textRows(left, width, 'left')),
    ...textRows(right, width, 'right'),
  ];
}
