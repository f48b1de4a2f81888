/** Money is integer fen everywhere; only display turns it into yuan. */
export type Fen = number;

const cny = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

export function formatFen(fen: Fen): string {
  return cny.format(fen / 100);
}

/** Plain "12.30" for receipts, where the currency sign is printed once in the header. */
export function fenToYuanString(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses what a cashier types ("50", "50.5", "50.50") into fen; null when it is not money. */
export function parseYuan(text: string): Fen | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const yuan = Number(m[1]);
  const cents = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  return yuan * 100 + cents;
}
