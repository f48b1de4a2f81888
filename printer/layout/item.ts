import { align, wrapText } from '../text/wrap';
import { textWidth } from '../text/width';
import type { Row } from './rows';

/** Column widths for qty / unit price / total, each including one space of gutter. */
export function itemColumns(columns: number): [number, number, number] {
  return [Math.floor(columns / 6), Math.floor(columns / 4), Math.floor(columns / 4)];
}

/**
 * Goods line: the name wraps over full-width lines, then qty / unit price / total sit in
 * right-aligned columns. A value too wide for its column is lifted onto its own
 * right-aligned line (in column order, before the column line) and its column stays blank.
 */
export function itemRows(
  name: string,
  qty: string,
  unitPrice: string,
  total: string,
  columns: number,
): Row[] {
  const rows: Row[] =
    name === '' ? [] : wrapText(name, columns).map((l) => ({ left: l, align: 'left' as const }));
  const widths = itemColumns(columns);
  const cells: string[] = [];
  [qty, unitPrice, total].forEach((value, i) => {
    const w = widths[i] ?? 0;
    if (textWidth(value) <= w - 1) {
      cells.push(align(value, w, 'right'));
      return;
    }
    for (const part of wrapText(value, columns)) rows.push({ left: part, align: 'right' });
    cells.push(' '.repeat(w));
  });
  // Not trimmed: trailing blanks keep the columns in place when the total was lifted.
  const line = cells.join('');
  if (line.trim() !== '') rows.push({ left: line, align: 'right' });
  return rows;
}
