/** The catalogue's fields, and the column names ERP exports give them (Chinese and English). */
export type Field =
  'barcode' | 'name' | 'price' | 'priceFen' | 'unit' | 'category' | 'plu' | 'active';

const ALIASES: Record<Field, string[]> = {
  barcode: [
    '条码',
    '商品条码',
    '条形码',
    '国际条码',
    '主条码',
    'barcode',
    'ean',
    'upc',
    'gtin',
    'code',
  ],
  name: [
    '品名',
    '商品名称',
    '名称',
    '商品名',
    '品名规格',
    'name',
    'productname',
    'product',
    'description',
  ],
  price: [
    '售价',
    '零售价',
    '销售价',
    '价格',
    '单价',
    '售价(元)',
    '零售价(元)',
    'price',
    'retailprice',
    'price(yuan)',
  ],
  priceFen: ['售价(分)', '零售价(分)', 'pricefen', 'price_fen', 'price(fen)'],
  unit: ['单位', '计量单位', '销售单位', 'unit', 'uom'],
  category: ['类别', '分类', '商品类别', '类别名称', '品类', 'category'],
  plu: ['plu', 'plu码', 'plu号', '秤码', '称重plu', '秤plu'],
  active: ['状态', '启用', '是否启用', '在售', 'active', 'status', 'enabled'],
};

/** Lower case, no spaces, full-width brackets as ASCII: '售价（元）' and '售价 (元)' are one header. */
export const normalizeHeader = (h: string): string =>
  h
    .replace(/^\ufeff/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();

const LOOKUP = new Map<string, Field>(
  (Object.entries(ALIASES) as [Field, string[]][]).flatMap(([field, names]) =>
    names.map((n) => [normalizeHeader(n), field] as const),
  ),
);

export interface HeaderMap {
  /** Column index of each field found. */
  columns: Partial<Record<Field, number>>;
  /** Columns the till does not use (reported, not an error). */
  ignored: string[];
  /** What makes the file unusable: a required column missing, or one given twice. */
  problems: string[];
}

export function mapHeaders(header: readonly string[]): HeaderMap {
  const columns: Partial<Record<Field, number>> = {};
  const ignored: string[] = [];
  const problems: string[] = [];
  header.forEach((h, i) => {
    const field = LOOKUP.get(normalizeHeader(h));
    if (!field) {
      if (h.trim() !== '') ignored.push(h.trim());
      return;
    }
    if (columns[field] !== undefined) problems.push(`两列都是“${field}”：${h} column given twice`);
    else columns[field] = i;
  });
  if (columns.barcode === undefined) problems.push('缺少“条码”列 (barcode column missing)');
  if (columns.name === undefined) problems.push('缺少“品名”列 (name column missing)');
  if (columns.price === undefined && columns.priceFen === undefined) {
    problems.push('缺少“售价”列 (price column missing)');
  }
  if (columns.price !== undefined && columns.priceFen !== undefined) {
    problems.push('“售价”与“售价(分)”只能有一列 (price given twice)');
  }
  return { columns, ignored, problems };
}
