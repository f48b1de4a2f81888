import { wrapText } from '../text/wrap';
import { textWidth } from '../text/width';
import type { Row } from './rows';

/**
 * Column widths for qty / unit price / total, each including one space of gutter. From 32
 * columns up: room for a 3-digit qty, 9999.99 and 99999.99, a little more on wide paper, so
 * the name gets the rest (one line per item when it fits). Narrower: a share of the width.
 */
export function itemColumns(columns: number): [number, number, number] {
  if (columns < 32) {
    return [Math.floor(columns / 6), Math.floor(columns / 4), Math.floor(columns / 4)];
  }
  return [
    Math.max(4, Math.floor(columns / 8)),
    Math.max(8, Math.floor(columns / 5)),
    Math.max(9, Math.floor(columns / 5)),
  ];
}

/**
 * Goods line: qty / unit price / total sit in right-aligned columns. A name that fits left of
 * them shares their line (one line per item); a longer one wraps over full-width lines above.
 * A value too wide for its column is lifted onto its own right-aligned line (in column order,
 * before the column line) and its column stays blank.
 */
export function itemRows(
  name: string,
  qty: string,
  unitPrice: string,
  total: string,
  columns: number,
): Row[] {
  const widths = itemColumns(columns);
  const lifted: Row[] = [];
  const values = [qty, unitPrice, total];
  let line = '';
  let hasCells = false;
  for (let i = 0; i < 3; i++) {
    const value = values[i] ?? '';
    const w = widths[i] ?? 0;
    const vw = textWidth(value);
    if (vw <= w - 1) {
      line += ' '.repeat(w - vw) + value;
      if (value.trim() !== '') hasCells = true;
      continue;
    }
    for (const part of wrapText(value, columns)) lifted.push({ left: part, align: 'right' });
    line += ' '.repeat(w);
  }
  // `line` is not trimmed: trailing blanks keep the columns in place when the total was lifted.
  const room = columns - widths.reduce((a, b) => a + b, 0);
  if (name !== '' && hasCells && lifted.length === 0 && textWidth(name) <= room) {
    return [{ left: name + ' '.repeat(room - textWidth(name)) + line, align: 'left' }];
  }
  const rows: Row[] =
    name === '' ? [] : wrapText(name, columns).map((l) => ({ left: l, align: 'left' as const }));
  rows.push(...lifted);
  if (hasCells) rows.push({ left: line, align: 'right' });
  return rows;
}
