/**
 * 数量*条码: a quantity typed before the scan, e.g. `24*6921000100009` (also 24x…, 24×…).
 * The '*' is the numeric keypad's quantity key. Returns null when the text has no quantity.
 */
export function splitQty(text: string): { qty: number; code: string } | null {
  const m = /^\s*(\d{1,4})\s*[*xX×]\s*(\S*)\s*$/.exec(text);
  if (!m) return null;
  return { qty: Number(m[1]), code: m[2] ?? '' };
}
