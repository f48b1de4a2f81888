import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { fenToYuanString } from '../../shared/money';
import type { ProductView } from '../../shared/selling/schemas';

/** The export speaks the import's language: Chinese headers, prices in yuan, status 启用/停用. */
export const EXPORT_HEADER = ['条码', '品名', '售价', '单位', '类别', 'PLU', '状态'];

const row = (p: ProductView): (string | number)[] => [
  p.barcode,
  p.name,
  fenToYuanString(p.priceFen),
  p.unit,
  p.category,
  p.plu ?? '',
  p.active ? '启用' : '停用',
];

/** Writes every product to FILE (.csv in UTF-8 with a BOM so Excel reads the Chinese, or .xlsx). */
export async function exportCatalogue(
  products: Iterable<ProductView>,
  file: string,
): Promise<number> {
  const rows = [...products].map(row);
  if (extname(file).toLowerCase() === '.xlsx') {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('商品');
    // Barcodes as text: a number column would lose UPC-A's leading zero and print 6.92E+12.
    sheet.columns = EXPORT_HEADER.map((header, i) => ({
      header,
      width: [16, 36, 10, 8, 12, 8, 8][i] ?? 10,
      style: i === 0 || i === 5 ? { numFmt: '@' } : {},
    }));
    sheet.addRows(rows);
    await book.xlsx.writeFile(file);
  } else {
    await writeFile(file, `\ufeff${stringify([EXPORT_HEADER, ...rows])}`, 'utf8');
  }
  return rows.length;
}
