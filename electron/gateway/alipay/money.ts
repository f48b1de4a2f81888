/**
 * Alipay amounts are yuan strings with two decimals (payments.md §2.2); ours are integer fen.
 * Both directions are pure string/integer work: a float never touches money.
 */

export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a fen amount: ${fen}`);
  const s = String(fen).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** "12.5" and "12.50" and "12" → 1250; anything else (signs, exponents, 3 decimals) → null. */
export function yuanToFen(yuan: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!m?.[1]) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
