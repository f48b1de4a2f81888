import iconv from 'iconv-lite';

/** A character the printer gets from a single-byte code page (ESC t n) instead of GB18030. */
export interface CodePageGlyph {
  /** ESC t n value: 0 = PC437, 16 = WPC1252. */
  page: number;
  byte: number;
}

/** ESC t n → iconv-lite name; the decoder uses it too, so encode and decode agree. */
export const CODE_PAGES: Record<number, string> = {
  0: 'cp437',
  2: 'cp850',
  16: 'win1252',
  17: 'cp866',
  19: 'cp858',
};

/** Tried in this order: PC437 is in every ESC/POS firmware, WPC1252 in most. */
const PREFERRED = [0, 16];

/**
 * Symbols GB18030 only reaches with its 4-byte ranges (¥ U+00A5, ½, ß, Ä…): GBK/GB2312
 * fonts, still common in Chinese tills, print those as '?', while the single-byte code
 * pages have them (escpos.md §3 recipe step 4). Everything GBK holds stays in Chinese mode.
 */
function build(): Map<number, CodePageGlyph> {
  const map = new Map<number, CodePageGlyph>();
  for (const page of PREFERRED) {
    const name = CODE_PAGES[page] ?? 'cp437';
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const ch = iconv.decode(Buffer.of(byte), name);
      const cp = ch.codePointAt(0) ?? 0;
      if ([...ch].length !== 1 || ch === '\ufffd' || map.has(cp)) continue;
      if (iconv.encode(ch, 'gb18030').length === 4) map.set(cp, { page, byte });
    }
  }
  return map;
}

const TABLE = build();
/** Every such symbol lies below U+3000 (Latin, Greek, maths, box drawing): CJK never looks. */
const ABOVE = 0x3000;

export function codePageGlyphOf(cp: number): CodePageGlyph | undefined {
  return cp < 0x80 || cp >= ABOVE ? undefined : TABLE.get(cp);
}

export function codePageGlyph(ch: string): CodePageGlyph | undefined {
  return codePageGlyphOf(ch.codePointAt(0) ?? 0);
}
