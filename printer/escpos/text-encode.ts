import iconv from 'iconv-lite';
import { codePageGlyphOf } from '../text/codepage';
import { absolutePosition, CHINESE_OFF, CHINESE_ON, ESC } from './commands';
import { ByteWriter } from './writer';

/** GB18030 bytes of one character, computed once: receipts repeat the same few hundred. */
const GB = new Map<number, Uint8Array>();
function gb18030(cp: number): Uint8Array {
  let b = GB.get(cp);
  if (!b) {
    b = Uint8Array.from(iconv.encode(String.fromCodePoint(cp), 'gb18030'));
    GB.set(cp, b);
  }
  return b;
}

/** A run of blanks longer than this is one ESC $ (4 bytes) instead of spaces. */
export const MAX_SPACES = 4;

/**
 * One line of text for a printer in Chinese mode (FS &), in a single pass: printable ASCII as
 * is, everything else GB18030, except symbols GBK fonts lack that a single-byte code page has
 * (½, ß…): FS . + ESC t n + one byte, and FS & again before anything else, so the printer is
 * in Chinese mode after every line (escpos.md §3 recipe step 4). ¥ never gets here: layout
 * prints it as ￥. With `cellDots`, trailing blanks are dropped and a run of more than
 * MAX_SPACES blanks becomes ESC $ to the column after it (cellDots dots a column). Answers
 * whether it used ESC $.
 */
export function writeLine(w: ByteWriter, s: string, cellDots = 0): boolean {
  let end = s.length;
  if (cellDots > 0) while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  let page = -1; // -1 = Chinese mode
  let col = 0;
  let blanks = 0;
  let used = false;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 && cellDots > 0) {
      blanks++;
      continue;
    }
    if (blanks > 0) {
      col += blanks;
      if (blanks > MAX_SPACES) {
        w.bytes(absolutePosition(col * cellDots));
        used = true;
      } else for (let k = 0; k < blanks; k++) w.byte(0x20);
      blanks = 0;
    }
    if (c >= 0x20 && c <= 0x7e) {
      if (page >= 0) {
        w.bytes(CHINESE_ON);
        page = -1;
      }
      w.byte(c);
      col += 1;
      continue;
    }
    const cp = s.codePointAt(i) ?? c;
    if (cp > 0xffff) i++;
    const g = codePageGlyphOf(cp);
    if (!g) {
      if (page >= 0) w.bytes(CHINESE_ON);
      page = -1;
      w.bytes(gb18030(cp));
      col += 2;
      continue;
    }
    if (page < 0) w.bytes(CHINESE_OFF);
    if (page !== g.page) w.bytes([ESC, 0x74, g.page]);
    page = g.page;
    w.byte(g.byte);
    col += 1;
  }
  if (page >= 0) w.bytes(CHINESE_ON);
  return used;
}

/** Text bytes as is (blanks kept), back in Chinese mode at the end. */
export function writeText(w: ByteWriter, s: string): void {
  writeLine(w, s, 0);
}

/** The same as a number array (tests, the technician's tools). */
export function encodeText(s: string): number[] {
  const w = new ByteWriter(s.length * 2 + 8);
  writeText(w, s);
  return Array.from(w.result());
}
