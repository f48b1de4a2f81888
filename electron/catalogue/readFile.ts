import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell } from './validate';

export interface Sheet {
  format: 'CSV' | 'XLSX';
  /** How the text was read: UTF-8, GB18030 (Excel on Chinese Windows), UTF-16LE. */
  encoding: string;
  header: string[];
  /** Data rows with the line (CSV) or row number (XLSX) the shop sees in its spreadsheet. */
  rows: { line: number; cells: Cell[] }[];
}

/** The largest file the till reads at once; a real shop's export is far below it. */
export const MAX_ROWS = 200_000;

/**
 * Excel on a Chinese Windows saves "CSV" in GB18030 (GBK); "Unicode text" is UTF-16 with tabs;
 * everything else is UTF-8, with or without a BOM. Valid UTF-8 is taken as UTF-8.
 */
export function decodeText(buf: Buffer): { text: string; encoding: string } {
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf, 'utf16le'), encoding: 'UTF-16LE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'GB18030' };
  }
}

export function readCsv(buf: Buffer): Sheet {
  const { text, encoding } = decodeText(buf);
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    to: MAX_ROWS + 1,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...data] = records;
  return {
    format: 'CSV',
    encoding,
    header: head?.record ?? [],
    rows: data.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

/** An exceljs cell value as plain data: rich text, formulas and links give their text/result. */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return null;
}

export async function readXlsx(path: string): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) return { format: 'XLSX', encoding: 'XLSX', header: [], rows: [] };
  const rows: { line: number; cells: Cell[] }[] = [];
  let header: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    // row.values is 1-based: index 0 is always empty.
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    if (header.length === 0) header = cells.map((c) => (c === null ? '' : String(c)));
    else if (rows.length <= MAX_ROWS) rows.push({ line: n, cells });
  });
  return { format: 'XLSX', encoding: 'XLSX', header, rows };
}

export async function readSheet(path: string): Promise<Sheet> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readXlsx(path);
  if (ext === '.xls')
    throw new Error('.xls (Excel 97–2003) is not read: save the file as .xlsx or .csv');
  return readCsv(await readFile(path));
}
