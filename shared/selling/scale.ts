import { gs1CheckDigit } from './gtin';

/**
 * Scale labels (称重码): EAN-13 codes printed by the shop's scales. Which digits hold what is
 * set on the scale, so the till reads a pattern of 13 characters, as scale manuals write it:
 *   digits  the fixed prefix (usually 2, or 20–29)   F  a flag digit, ignored
 *   P       the PLU (the product's number on the scale)
 *   E       the price in fen            W  the weight in grams      (one of the two)
 *   V       the price/weight verifier digit (GS1), over a 4- or 5-digit E or W field
 *   C       the EAN-13 check digit (last)
 * e.g. '2FPPPPPEEEEEC' (大华/顶尖 default: price), '2FPPPPPWWWWWC' (weight),
 * '2FPPPPPVEEEEC' (GS1 with a price verifier). See docs/scale-barcodes.md.
 */
export interface ScaleFormat {
  pattern: string;
  prefix: string;
  plu: [start: number, end: number];
  value: [start: number, end: number];
  encodes: 'price' | 'weight';
  verifier: number | null;
}

export type ScaleReading =
  | { ok: true; plu: string; priceFen: number; weightG: null }
  | { ok: true; plu: string; priceFen: null; weightG: number }
  | { ok: false; reason: 'check-digit' | 'verifier' };

function run(pattern: string, letter: string): [number, number] | null {
  const start = pattern.indexOf(letter);
  if (start < 0) return null;
  const end = pattern.lastIndexOf(letter) + 1;
  if (pattern.slice(start, end) !== letter.repeat(end - start)) {
    throw new Error(`scale pattern ${pattern}: the ${letter} digits must be side by side`);
  }
  return [start, end];
}

/** Reads a pattern from the settings; a pattern that cannot be right is refused at start-up. */
export function parseScaleFormat(pattern: string): ScaleFormat {
  if (!/^\d+[FPEWVC]+$/.test(pattern) || pattern.length !== 13 || !pattern.endsWith('C')) {
    throw new Error(
      `scale pattern ${pattern}: 13 characters, a digit prefix, then F P E W V, ending in C`,
    );
  }
  if (pattern.indexOf('C') !== 12) throw new Error(`scale pattern ${pattern}: one C, at the end`);
  const prefix = /^\d+/.exec(pattern)?.[0] ?? '';
  const plu = run(pattern, 'P');
  const price = run(pattern, 'E');
  const weight = run(pattern, 'W');
  if (!plu) throw new Error(`scale pattern ${pattern}: no PLU digits (P)`);
  if (Boolean(price) === Boolean(weight)) {
    throw new Error(`scale pattern ${pattern}: either price (E) or weight (W) digits, not both`);
  }
  const value = (price ?? weight) as [number, number];
  const v = pattern.indexOf('V');
  if (v !== pattern.lastIndexOf('V')) throw new Error(`scale pattern ${pattern}: at most one V`);
  const width = value[1] - value[0];
  if (v >= 0 && width !== 4 && width !== 5) {
    throw new Error(`scale pattern ${pattern}: a verifier (V) needs 4 or 5 value digits`);
  }
  if (width < 4 || width > 6) throw new Error(`scale pattern ${pattern}: 4–6 value digits`);
  return {
    pattern,
    prefix,
    plu,
    value,
    encodes: price ? 'price' : 'weight',
    verifier: v >= 0 ? v : null,
  };
}

// GS1 General Specifications §7.9.3: each value digit is mapped by a weighting, then summed.
// "2-": ×2, minus the tens digit; "5+": ×5, plus the tens digit; "5-": ×5, minus the tens digit;
// each keeping the units digit. Written out as tables, indexed by the digit.
const TWO_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const FIVE_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const FIVE_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];
const THREE = [0, 3, 6, 9, 12, 15, 18, 21, 24, 27];

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;

/** The verifier digit for a 4- or 5-digit price or weight field. */
export function valueVerifier(value: string): number {
  if (value.length === 4) {
    const tables = [TWO_MINUS, TWO_MINUS, THREE, FIVE_MINUS];
    const sum = tables.reduce((n, t, i) => n + (t[digitAt(value, i)] ?? 0), 0);
    return (sum * 3) % 10;
  }
  if (value.length === 5) {
    const tables = [FIVE_PLUS, TWO_MINUS, FIVE_MINUS, FIVE_PLUS, TWO_MINUS];
    const sum = tables.reduce((n, t, i) => n + (t[digitAt(value, i)] ?? 0), 0);
    // The verifier is the digit whose "5-" product closes the sum to a multiple of ten.
    const wanted = (10 - (sum % 10)) % 10;
    return FIVE_MINUS.indexOf(wanted);
  }
  throw new RangeError('a verifier covers 4 or 5 digits');
}

/** True when `code` is a label of this format (13 digits starting with its prefix). */
export function isScaleCode(code: string, format: ScaleFormat): boolean {
  return /^\d{13}$/.test(code) && code.startsWith(format.prefix);
}

/** PLUs are numbers on the scale: '00012' on a label and '12' in the catalogue are one PLU. */
export const canonicalPlu = (plu: string): string => String(Number(plu));

/** Reads a label of this format; the check digit and (if any) the verifier must be right. */
export function readScaleCode(code: string, format: ScaleFormat): ScaleReading {
  if (gs1CheckDigit(code.slice(0, 12)) !== digitAt(code, 12)) {
    return { ok: false, reason: 'check-digit' };
  }
  const value = code.slice(format.value[0], format.value[1]);
  if (format.verifier !== null && valueVerifier(value) !== digitAt(code, format.verifier)) {
    return { ok: false, reason: 'verifier' };
  }
  const plu = canonicalPlu(code.slice(format.plu[0], format.plu[1]));
  const n = Number(value);
  return format.encodes === 'price'
    ? { ok: true, plu, priceFen: n, weightG: null }
    : { ok: true, plu, priceFen: null, weightG: n };
}

/** Builds a label of this format (tests, the demo, docs examples). */
export function makeScaleCode(format: ScaleFormat, plu: string, value: number): string {
  const chars = [...format.pattern.slice(0, 12)];
  const put = ([s, e]: [number, number], v: string) => {
    const padded = v.padStart(e - s, '0');
    if (padded.length !== e - s) throw new RangeError(`${v} does not fit ${e - s} digits`);
    for (let i = s; i < e; i++) chars[i] = padded[i - s] as string;
  };
  put(format.plu, plu);
  put(format.value, String(value));
  for (let i = 0; i < 12; i++) if (chars[i] === 'F') chars[i] = '0';
  if (format.verifier !== null) {
    chars[format.verifier] = String(
      valueVerifier(chars.slice(format.value[0], format.value[1]).join('')),
    );
  }
  const body = chars.join('');
  return `${body}${gs1CheckDigit(body)}`;
}
