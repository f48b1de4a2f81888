import iconv from 'iconv-lite';
import type { ChineseFont } from '../profiles';
import { codePageGlyphOf } from './codepage';

/** What prints in place of a character the font lacks: □ (GB2312 A1F5), in every Chinese font. */
export const MISSING_GLYPH = '□';

/**
 * Symbols every Chinese font has in full width: ¥ (U+00A5) is a 4-byte GB18030 code that GBK
 * fonts lack, or a code-page switch (8 bytes) around every amount; ￥ (A3A4) is 2 bytes anywhere.
 */
const FULL_WIDTH: Readonly<Record<string, string>> = { '¥': '￥' };

function inFont(ch: string, font: ChineseFont): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp > 0xffff) return false; // Ext-B and later planes, emoji: no receipt-printer font has them
  const gbk = iconv.encode(ch, 'gbk');
  const twoByte = gbk.length === 2 && (gbk[0] ?? 0) >= 0x81;
  if (font === 'GBK') return twoByte;
  if (font === 'GB18030') return twoByte || (cp >= 0x3400 && cp <= 0x4dbf); // + CJK Ext-A
  // GB2312 (EUC-CN): symbols in rows A1–A9, hanzi in B0–F7, trail bytes A1–FE.
  const [lead = 0, trail = 0] = gbk;
  return (
    twoByte && ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1
  );
}

const caches: Record<ChineseFont, Map<number, string | null>> = {
  GB2312: new Map(),
  GBK: new Map(),
  GB18030: new Map(),
};

/** One character as the printer will get it: null for itself, else its full-width form or □. */
function fit(cp: number, font: ChineseFont): string | null {
  const cache = caches[font];
  let out = cache.get(cp);
  if (out === undefined) {
    const ch = String.fromCodePoint(cp);
    out = FULL_WIDTH[ch] ?? (codePageGlyphOf(cp) || inFont(ch, font) ? null : MISSING_GLYPH);
    cache.set(cp, out);
  }
  return out;
}

/**
 * Text the printer's font can print: printable ASCII as is; a symbol from a single-byte code
 * page (½, ß, Ä…) as is (sent through the code page); anything else only if the font holds it,
 * otherwise □. Run after sanitizeText, so widths, paper and print.txt agree.
 */
export function fitFont(s: string, font: ChineseFont): string {
  let out: string | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) <= 0x7e) continue;
    const cp = s.codePointAt(i) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    const r = fit(cp, font);
    if (r !== null) {
      out = (out ?? '') + s.slice(from, i) + r;
      from = i + size;
    }
    i += size - 1;
  }
  return out === null ? s : out + s.slice(from);
}
