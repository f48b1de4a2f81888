import iconv from 'iconv-lite';
import type { ChineseFont } from '../profiles';
import { codePageGlyph } from './codepage';

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

const caches: Record<ChineseFont, Map<string, string>> = {
  GB2312: new Map(),
  GBK: new Map(),
  GB18030: new Map(),
};

/** One character as the printer will get it: itself, its full-width form, or the marker. */
function fit(ch: string, font: ChineseFont): string {
  const cache = caches[font];
  let out = cache.get(ch);
  if (out === undefined) {
    out = FULL_WIDTH[ch] ?? (codePageGlyph(ch) || inFont(ch, font) ? ch : MISSING_GLYPH);
    cache.set(ch, out);
  }
  return out;
}

/**
 * Text the printer's font can print: printable ASCII as is; a symbol from a single-byte code
 * page (½, ß, Ä…) as is (sent through the code page); anything else only if the font holds it,
 * otherwise □. Run after sanitizeText, so widths, paper and print.txt agree.
 */
export function fitFont(s: string, font: ChineseFont): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7e) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = '';
  for (const ch of s) out += (ch.codePointAt(0) ?? 0) <= 0x7e ? ch : fit(ch, font);
  return out;
}
