import iconv from 'iconv-lite';
import { codePageGlyph } from '../text/codepage';
import { CHINESE_OFF, CHINESE_ON, ESC } from './commands';

/**
 * Text bytes for a printer in Chinese mode (FS &): GB18030, except symbols GBK fonts lack
 * (¥, ½, ß…), which go out as FS . + ESC t n + one byte, followed by FS & again, so the
 * printer is back in Chinese mode after every call (escpos.md §3 recipe step 4).
 */
export function encodeText(s: string): number[] {
  const out: number[] = [];
  let page: number | undefined; // undefined = Chinese mode
  let run = '';
  const flushRun = (): void => {
    if (run !== '') out.push(...iconv.encode(run, 'gb18030'));
    run = '';
  };
  for (const ch of s) {
    const g = codePageGlyph(ch);
    if (!g) {
      if (page !== undefined) out.push(...CHINESE_ON);
      page = undefined;
      run += ch;
      continue;
    }
    flushRun();
    if (page === undefined) out.push(...CHINESE_OFF);
    if (page !== g.page) out.push(ESC, 0x74, g.page);
    page = g.page;
    out.push(g.byte);
  }
  flushRun();
  if (page !== undefined) out.push(...CHINESE_ON);
  return out;
}
