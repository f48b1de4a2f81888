import { codePageGlyph } from './codepage';

/**
 * Width of one code point on paper: printable ASCII 1 column; a symbol sent through a
 * single-byte code page (¥, ½, ß…; see codepage.ts) 1 column; everything else — Chinese,
 * and any GBK glyph, which Chinese mode prints double-width — 2 columns (escpos.md §3).
 */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x20 && cp <= 0x7e) return 1;
  return codePageGlyph(ch) ? 1 : 2;
}

export function textWidth(s: string): number {
  let w = 0;
  // for..of walks code points, so a surrogate pair counts once (2 columns).
  for (const ch of s) w += charWidth(ch);
  return w;
}
