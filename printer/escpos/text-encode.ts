import iconv from 'iconv-lite';
import { codePageGlyph } from '../text/codepage';
import { CHINESE_OFF, CHINESE_ON, ESC } from './commands';
import { ByteWriter } from './writer';

/** GB18030 bytes of one character, computed once: receipts repeat the same few hundred. */
const GB = new Map<string, Uint8Array>();
function gb18030(ch: string): Uint8Array {
  let b = GB.get(ch);
  if (!b) {
    b = Uint8Array.from(iconv.encode(ch, 'gb18030'));
    GB.set(ch, b);
  }
  return b;
}

/**
 * Text bytes for a printer in Chinese mode (FS &): printable ASCII as is, everything else
 * GB18030, except symbols GBK fonts lack that a single-byte code page has (½, ß…), which go
 * out as FS . + ESC t n + one byte, then FS & again, so the printer is back in Chinese mode
 * after every call (escpos.md §3 recipe step 4). ¥ never gets here: layout prints it as ￥.
 */
export function writeText(w: ByteWriter, s: string): void {
  let page = -1; // -1 = Chinese mode
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) {
      if (page >= 0) {
        w.bytes(CHINESE_ON);
        page = -1;
      }
      w.byte(c);
      continue;
    }
    const cp = s.codePointAt(i) ?? c;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    const g = codePageGlyph(ch);
    if (!g) {
      if (page >= 0) w.bytes(CHINESE_ON);
      page = -1;
      w.bytes(gb18030(ch));
      continue;
    }
    if (page < 0) w.bytes(CHINESE_OFF);
    if (page !== g.page) w.bytes([ESC, 0x74, g.page]);
    page = g.page;
    w.byte(g.byte);
  }
  if (page >= 0) w.bytes(CHINESE_ON);
}

/** The same as a number array (tests, the technician's tools). */
export function encodeText(s: string): number[] {
  const w = new ByteWriter(s.length * 2 + 8);
  writeText(w, s);
  return Array.from(w.result());
}
