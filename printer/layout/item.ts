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
 * Where each value starts on the line, right-aligned to its column's end. A value wider than
 * its column (a weighed line's 0.523kg and 25.80/千克) reaches left, and the values before it
 * move left to keep one blank between them, so the total column and the numbers after the
 * wide one stay in place. Null when the values do not fit the width that way.
 */
function packValues(values: readonly string[], widths: readonly number[], columns: number) {
  const starts: number[] = new Array<number>(values.length).fill(0);
  let end = columns;
  let limit = columns + 1; // the start of the nearest value to the right, plus room for a blank
  for (let i = values.length - 1; i >= 0; i--) {
    const vw = textWidth(values[i] ?? '');
    const stop = Math.min(end, limit - 1);
    starts[i] = stop - vw;
    if (vw > 0) {
      if (starts[i]! < 0) return null;
      limit = starts[i]!;
    }
    end -= widths[i] ?? 0;
  }
  return starts;
}

/**
 * Goods line: qty / unit price / total sit in right-aligned columns. A name that fits left of
 * them shares their line (one line per item); a longer one wraps over full-width lines above.
 * A value too wide for its column pushes the ones before it left (packValues); values too wide
 * for the line even then are each lifted onto their own right-aligned line (in column order,
 * before the column line) and their column stays blank.
 */
export function itemRows(
  name: string,
  qty: string,
  unitPrice: string,
  total: string,
  columns: number,
): Row[] {
  const widths = itemColumns(columns);
  const values = [qty, unitPrice, total];
  const hasCells = values.some((v) => v.trim() !== '');
  const room = columns - widths.reduce((a, b) => a + b, 0);
  const starts = packValues(values, widths, columns);
  const nameRows = (): Row[] =>
    name === '' ? [] : wrapText(name, columns).map((l) => ({ left: l, align: 'left' as const }));

  if (starts) {
    // The value part begins at the columns' start, or further left where a wide value reached.
    const from = Math.max(
      0,
      Math.min(room, ...starts.filter((_, i) => values[i] !== '').map((s) => s - 1)),
    );
    let line = '';
    values.forEach((v, i) => {
      line += ' '.repeat(Math.max(0, (starts[i] ?? 0) - from - textWidth(line))) + v;
    });
    // Not trimmed: trailing blanks keep the columns in place when the total is empty.
    line += ' '.repeat(columns - from - textWidth(line));
    if (name !== '' && hasCells && textWidth(name) <= from) {
      return [{ left: name + ' '.repeat(from - textWidth(name)) + line, align: 'left' }];
    }
    const rows = nameRows();
    if (hasCells) rows.push({ left: line, align: 'right' });
    return rows;
  }

  const lifted: Row[] = [];
  let line = '';
  for (let i = 0; i < 3; i++) {
    const value = values[i] ?? '';
    const w = widths[i] ?? 0;
    const vw = textWidth(value);
    if (vw <= w - 1) {
      line += ' '.repeat(w - vw) + value;
      continue;
    }
    for (const part of wrapText(value, columns)) lifted.push({ left: part, align: 'right' });
    line += ' '.repeat(w);
  }
  const rows = nameRows();
  rows.push(...lifted);
  if (line.trim() !== '') rows.push({ left: line, align: 'right' });
  return rows;
}
