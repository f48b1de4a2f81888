/**
 * Product codes as shops meet them: GS1 codes (EAN-13, EAN-8, UPC-A, GTIN-14) carry a mod-10
 * check digit and are verified; short all-digit codes (店内码, the shop's own item numbers, 1–7
 * digits) have none. Lengths 9–11 are neither, so they are typing or scanning mistakes.
 */

/** GS1 mod-10 check digit of a code body of any length (weights 3,1,3… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type CodeKind = 'gtin' | 'store';

export type CodeCheck =
  | { ok: true; kind: CodeKind; code: string }
  | { ok: false; reason: 'not-digits' | 'length' | 'check-digit' };

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/**
 * Checks one product code and gives its stored form: a UPC-A (12 digits) is kept as the EAN-13 a
 * scanner set to EAN mode sends ('0' + UPC-A), so either way of scanning finds the same product.
 */
export function checkProductCode(raw: string): CodeCheck {
  const code = raw.trim();
  if (!/^\d+$/.test(code)) return { ok: false, reason: 'not-digits' };
  if (code.length <= 7) return { ok: true, kind: 'store', code };
  if (!GTIN_LENGTHS.has(code.length)) return { ok: false, reason: 'length' };
  if (gs1CheckDigit(code.slice(0, -1)) !== Number(code.at(-1))) {
    return { ok: false, reason: 'check-digit' };
  }
  return { ok: true, kind: 'gtin', code: code.length === 12 ? `0${code}` : code };
}
