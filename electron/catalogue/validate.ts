import { checkProductCode } from '../../shared/selling/gtin';
import { canonicalPlu } from '../../shared/selling/scale';
import { hasControlChars } from '../../shared/selling/text';
import { isKnownUnit } from '../../shared/selling/units';
import type { Field, HeaderMap } from './headers';

/** A spreadsheet cell as the readers give it. */
export type Cell = string | number | boolean | null;

export interface GoodRow {
  line: number;
  barcode: string;
  name: string;
  priceFen: number;
  unit: string;
  category: string;
  plu: string | null;
  active: boolean;
}

export type BadReason =
  | 'bad-barcode'
  | 'check-digit'
  | 'scientific-barcode'
  | 'duplicate-barcode'
  | 'duplicate-plu'
  | 'empty-name'
  | 'control-character'
  | 'too-long'
  | 'bad-price'
  | 'negative-price'
  | 'unknown-unit'
  | 'bad-plu'
  | 'bad-active';

export interface BadRow {
  line: number;
  reason: BadReason;
  /** What was found, for the report (the cell's text). */
  value: string;
}

/** What the report says about each reason, in Chinese first. */
export const REASON_TEXT: Record<BadReason, string> = {
  'bad-barcode': '条码格式不对（应为 8/12/13/14 位 GS1 码或 1–7 位店内码） bad barcode',
  'check-digit': '条码校验位错误 bad EAN/UPC check digit',
  'scientific-barcode':
    '条码被 Excel 写成了科学计数法，请把该列设为文本 barcode in scientific notation',
  'duplicate-barcode': '条码在文件中重复 duplicate barcode',
  'duplicate-plu': 'PLU 在文件中重复 duplicate PLU',
  'empty-name': '品名为空 empty name',
  'control-character': '含有控制字符 control character in text',
  'too-long': '文字过长 text too long',
  'bad-price': '售价不是金额 price is not a number',
  'negative-price': '售价为负数 negative price',
  'unknown-unit': '未知单位 unknown unit',
  'bad-plu': 'PLU 应为 1–6 位数字 bad PLU',
  'bad-active': '状态应为 启用/停用 或 1/0 bad status',
};

const MAX_PRICE_FEN = 100_000_000;

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c));

/** Yuan as ERP exports write it ("3.5", "¥3.50", "1,299.00") or as an XLSX number, to fen. */
export function parsePrice(c: Cell | undefined, inFen: boolean): number | BadReason {
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return 'bad-price';
    if (c < 0) return 'negative-price';
    const fen = inFen ? c : c * 100;
    const rounded = Math.round(fen);
    // 19.99 is 1998.9999… in binary: allow that, refuse a real third decimal.
    if (Math.abs(fen - rounded) > 1e-6 || rounded > MAX_PRICE_FEN) return 'bad-price';
    return rounded;
  }
  const s = text(c)
    .trim()
    .replace(/^[¥￥]\s*/, '');
  if (/^-/.test(s)) return /^-\s*[\d.,]+$/.test(s) ? 'negative-price' : 'bad-price';
  const m = inFen
    ? /^(\d{1,9})$/.exec(s)
    : /^(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return 'bad-price';
  const whole = Number((m[1] as string).replace(/,/g, ''));
  const fen = inFen ? whole : whole * 100 + Number((m[2] ?? '').padEnd(2, '0') || 0);
  return fen > MAX_PRICE_FEN ? 'bad-price' : fen;
}

const ACTIVE: Record<string, boolean> = {
  '': true,
  '1': true,
  '0': false,
  true: true,
  false: false,
  y: true,
  n: false,
  yes: true,
  no: false,
  是: true,
  否: false,
  启用: true,
  停用: false,
  正常: true,
  禁用: false,
  在售: true,
  停售: false,
};

function barcodeOf(c: Cell | undefined): { code: string } | { reason: BadReason } {
  // An XLSX number cell holds the digits exactly up to 2^53 (every GS1 length fits).
  const s = typeof c === 'number' && Number.isSafeInteger(c) && c >= 0 ? String(c) : text(c).trim();
  if (/^\d(\.\d+)?e\+?\d+$/i.test(s)) return { reason: 'scientific-barcode' };
  const check = checkProductCode(s);
  if (check.ok) return { code: check.code };
  return { reason: check.reason === 'check-digit' ? 'check-digit' : 'bad-barcode' };
}

/** One data row to a product, or the first reason it cannot be one. */
export function validateRow(
  cells: readonly Cell[],
  line: number,
  map: HeaderMap,
): GoodRow | BadRow {
  const at = (f: Field) => {
    const i = map.columns[f];
    return i === undefined ? undefined : cells[i];
  };
  const bad = (reason: BadReason, value: Cell | undefined): BadRow => ({
    line,
    reason,
    value: text(value),
  });

  const rawCode = at('barcode');
  const code = barcodeOf(rawCode);
  if ('reason' in code) return bad(code.reason, rawCode);

  const name = text(at('name')).trim();
  if (name === '') return bad('empty-name', at('name'));
  if (hasControlChars(name)) return bad('control-character', JSON.stringify(name));
  if ([...name].length > 60) return bad('too-long', name);

  const inFen = map.columns.price === undefined;
  const price = parsePrice(at(inFen ? 'priceFen' : 'price'), inFen);
  if (typeof price !== 'number') return bad(price, at(inFen ? 'priceFen' : 'price'));

  const unit = text(at('unit')).trim();
  if (!isKnownUnit(unit))
    return bad(hasControlChars(unit) ? 'control-character' : 'unknown-unit', unit);

  const category = text(at('category')).trim();
  if (hasControlChars(category)) return bad('control-character', JSON.stringify(category));
  if ([...category].length > 20) return bad('too-long', category);

  const rawPlu = text(at('plu')).trim();
  if (rawPlu !== '' && !/^\d{1,6}$/.test(rawPlu)) return bad('bad-plu', rawPlu);

  const rawActive = text(at('active')).trim().toLowerCase();
  const active = ACTIVE[rawActive];
  if (active === undefined) return bad('bad-active', rawActive);

  return {
    line,
    barcode: code.code,
    name,
    priceFen: price,
    unit,
    category,
    plu: rawPlu === '' ? null : canonicalPlu(rawPlu),
    active,
  };
}

/**
 * Rows that name the same barcode (or PLU) are all refused: which of them is right is the
 * shop's decision, not a guess of the till's.
 */
export function refuseDuplicates(rows: GoodRow[]): { good: GoodRow[]; bad: BadRow[] } {
  const count = (key: (r: GoodRow) => string | null) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const codes = count((r) => r.barcode);
  const plus = count((r) => r.plu);
  const good: GoodRow[] = [];
  const bad: BadRow[] = [];
  for (const r of rows) {
    if ((codes.get(r.barcode) ?? 0) > 1)
      bad.push({ line: r.line, reason: 'duplicate-barcode', value: r.barcode });
    else if (r.plu !== null && (plus.get(r.plu) ?? 0) > 1)
      bad.push({ line: r.line, reason: 'duplicate-plu', value: r.plu });
    else good.push(r);
  }
  return { good, bad };
}
