import iconv from 'iconv-lite';
import { columnDots } from '../profiles';
import type { LaidLine, LaidOutReceipt, LogoSource } from '../types';
import * as C from './commands';
import { nvBitImage, nvGraphic, rasterBands } from './raster';
import { writeLine } from './text-encode';
import { ByteWriter } from './writer';

/** GB18030 bytes; a lone surrogate (which GB18030 cannot hold) becomes '?'. */
export function encodeGb18030(s: string): Uint8Array {
  return Uint8Array.from(iconv.encode(s, 'gb18030'));
}

/**
 * The ESC/POS job for a laid-out receipt: ESC @, FS &, then one command group per line.
 * Blank runs inside a line become absolute positions (ESC $, in dots: the profile's column
 * width × column, after GS P sets the motion unit to one dot of the profile's dpi), so a
 * right-aligned amount costs 4 bytes, not 30 spaces. Bold and size are sent only when they
 * change. No status request is appended: sendJob adds GS r 1, so the confirmation belongs
 * to the transport, not the document.
 */
export function encodeEscPos(laid: LaidOutReceipt): Uint8Array {
  const { profile } = laid;
  const body = new ByteWriter(2048);
  const cell = columnDots(profile);
  let bold = false;
  let double = false;
  let positioned = false;
  const setStyle = (b: boolean, d: boolean): void => {
    if (b !== bold) body.bytes(C.bold(b));
    if (d !== double) body.bytes(C.charSize(d));
    bold = b;
    double = d;
  };
  const textLine = (s: string): void => {
    if (writeLine(body, s, double ? cell * 2 : cell)) positioned = true;
    body.byte(C.LF);
  };
  for (const line of laid.lines) {
    if (line.kind === 'text') {
      setStyle(line.bold, line.size === 'double');
      textLine(line.text);
      continue;
    }
    setStyle(false, false);
    emitDevice(line, profile.dotsPerLine, body, textLine);
  }
  setStyle(false, false);
  const head = [
    ...C.INIT,
    ...C.CHINESE_ON,
    ...(profile.font === 'B' ? C.selectFont('B') : []),
    ...(positioned ? C.motionUnits(profile.dpi) : []),
  ];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body.view(), head.length);
  return out;
}

const UTF8 = new TextEncoder();

function emitDevice(
  line: Exclude<LaidLine, { kind: 'text' }>,
  dots: number,
  out: ByteWriter,
  textLine: (s: string) => void,
): void {
  switch (line.kind) {
    case 'qr': {
      // Roughly 40 mm of QR: 6-dot modules on 80 mm paper, 5 on 58 mm.
      out.bytes(C.justify(1));
      out.bytes(C.qrCode(UTF8.encode(line.data), dots >= 512 ? 6 : 5));
      out.byte(C.LF);
      out.bytes(C.justify(0));
      line.caption.forEach(textLine);
      return;
    }
    case 'barcode': {
      // CODE128 B is ~11 modules a character; drop to 1-dot modules when 2 would overflow.
      const modules = (line.data.length + 4) * 11 + 13;
      out.bytes(C.justify(1));
      out.bytes(C.code128(line.data, modules * 2 <= dots ? 2 : 1));
      out.bytes(C.justify(0));
      return;
    }
    case 'feed':
      out.bytes(C.feedLines(line.lines));
      return;
    case 'logo':
      out.bytes(C.justify(1));
      out.bytes(logoBytes(line.source));
      out.bytes(C.justify(0));
      return;
    case 'drawer':
      out.bytes(C.DRAWER_KICK);
      return;
    case 'cut':
      out.bytes(C.CUT);
      return;
  }
}

function logoBytes(src: LogoSource): number[] {
  if ('bitmap' in src) return rasterBands(src.bitmap).flat();
  if ('nvKey' in src) return nvGraphic(src.nvKey);
  return nvBitImage(src.nvImage);
}
