import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { gs1CheckDigit } from '../../shared/selling/gtin';

/** A valid EAN-13 from 12 digits. */
export const ean = (first12: string): string => `${first12}${gs1CheckDigit(first12)}`;

/** An EAN-13 for the i-th generated product (GS1 China prefix 69x). */
export const nthEan = (i: number): string => ean(`69${String(i).padStart(10, '0')}`);

const NAMES = ['农夫山泉饮用天然水', '康师傅红烧牛肉面', '可口可乐', '旺旺雪饼', '蓝月亮洗衣液'];

/** n products as rows of [条码, 品名, 售价, 单位, 类别]. */
export function manyRows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    nthEan(i),
    `${NAMES[i % NAMES.length]} ${i}号`,
    `${Math.floor(i / 7) % 100}.${String(i % 100).padStart(2, '0')}`,
    '瓶',
    '饮料',
  ]);
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function writeCsv(
  file: string,
  rows: (string | number)[][],
  encoding: 'utf8' | 'gb18030' = 'utf8',
): void {
  const text = rows.map((r) => r.map((c) => csvCell(String(c))).join(',')).join('\r\n');
  writeFileSync(file, encoding === 'utf8' ? text : iconv.encode(text, 'gb18030'));
}

export async function writeXlsx(file: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('商品');
  for (const r of rows) sheet.addRow(r);
  await book.xlsx.writeFile(file);
}
