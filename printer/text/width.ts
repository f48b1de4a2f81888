import { codePageGlyphOf } from './codepage';

/**
 * Width of one code point on paper: printable ASCII 1 column; a symbol sent through a
 * single-byte code page (¥, ½, ß…; see codepage.ts) 1 column; everything else — Chinese,
 * and any GBK glyph, which Chinese mode prints double-width — 2 columns (escpos.md §3).
 */
export function charWidth(ch: string): number {
  return cpWidth(ch.codePointAt(0) ?? 0);
}

export function cpWidth(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return 1;
  return codePageGlyphOf(cp) ? 1 : 2;
}

export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) {
      w += 1;
      continue;
    }
    // A surrogate pair is one character: 2 columns, counted once.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    w += codePageGlyphOf(c) ? 1 : 2;
  }
  return w;
}
