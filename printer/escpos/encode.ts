import iconv from 'iconv-lite';
import type { LaidLine, LaidOutReceipt, LogoSource } from '../types';
import * as C from './commands';
import { nvBitImage, nvGraphic, rasterBands } from './raster';
import { encodeText } from './text-encode';

/** GB18030 bytes; a lone surrogate (which GB18030 cannot hold) becomes '?'. */
export function encodeGb18030(s: string): Uint8Array {
  return Uint8Array.from(iconv.encode(s, 'gb18030'));
}

/**
 * The ESC/POS job for a laid-out receipt: ESC @, FS &, then one command group per line.
 * Bold and size are sent only when they change. No status request is appended: sendJob
 * adds GS r 1 so that the confirmation belongs to the transport, not the document.
 */
export function encodeEscPos(laid: LaidOutReceipt): Uint8Array {
  const out: number[] = [...C.INIT, ...C.CHINESE_ON];
  const { profile } = laid;
  if (profile.font === 'B') out.push(...C.selectFont('B'));
  let bold = false;
  let double = false;
  const setStyle = (b: boolean, d: boolean): void => {
    if (b !== bold) out.push(...C.bold(b));
    if (d !== double) out.push(...C.charSize(d));
    bold = b;
    double = d;
  };
  const textLine = (s: string): void => {
    out.push(...encodeText(s.trimEnd()), C.LF);
  };
  for (const line of laid.lines) {
    if (line.kind === 'text') {
      setStyle(line.bold, line.size === 'double');
      textLine(line.text);
      continue;
    }
    setStyle(false, false);
    emitDevice(line, profile.dotsPerLine, out, textLine);
  }
  setStyle(false, false);
  return Uint8Array.from(out);
}

function emitDevice(
  line: Exclude<LaidLine, { kind: 'text' }>,
  dots: number,
  out: number[],
  textLine: (s: string) => void,
): void {
  switch (line.kind) {
    case 'qr': {
      // Roughly 40 mm of QR: 6-dot modules on 80 mm paper, 5 on 58 mm.
      out.push(
        ...C.justify(1),
        ...C.qrCode(new TextEncoder().encode(line.data), dots >= 512 ? 6 : 5),
      );
      out.push(C.LF, ...C.justify(0));
      line.caption.forEach(textLine);
      return;
    }
    case 'barcode': {
      // CODE128 B is ~11 modules a character; drop to 1-dot modules when 2 would overflow.
      const modules = (line.data.length + 4) * 11 + 13;
      out.push(
        ...C.justify(1),
        ...C.code128(line.data, modules * 2 <= dots ? 2 : 1),
        ...C.justify(0),
      );
      return;
    }
    case 'feed':
      out.push(...C.feedLines(line.lines));
      return;
    case 'logo':
      out.push(...C.justify(1), ...logoBytes(line.source), ...C.justify(0));
      return;
    case 'drawer':
      out.push(...C.DRAWER_KICK);
      return;
    case 'cut':
      out.push(...C.CUT);
      return;
  }
}

function logoBytes(src: LogoSource): number[] {
  if ('bitmap' in src) return rasterBands(src.bitmap).flat();
  if ('nvKey' in src) return nvGraphic(src.nvKey);
  return nvBitImage(src.nvImage);
}
