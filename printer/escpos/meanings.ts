import iconv from 'iconv-lite';
import { CODE_PAGES } from '../text/codepage';

/** Human meaning of a known command from its bytes; for the technician's hex view. */
type Explain = (b: Uint8Array) => string;

const p = (b: Uint8Array, i: number): number => b[i] ?? 0;

export const MEANINGS: Record<string, Explain> = {
  LF: () => 'line feed (print the line)',
  'ESC @': () => 'initialise printer',
  'ESC E': (b) => `bold ${p(b, 2) & 1 ? 'on' : 'off'}`,
  'ESC a': (b) => `align ${['left', 'centre', 'right'][p(b, 2) % 48] ?? '?'}`,
  'ESC d': (b) => `feed ${p(b, 2)} lines`,
  'ESC M': (b) => `font ${p(b, 2) % 48 === 1 ? 'B' : 'A'}`,
  'ESC t': (b) => `code page ${p(b, 2)} (${CODE_PAGES[p(b, 2)] ?? 'model-specific'})`,
  'ESC p': (b) =>
    `cash drawer kick: pin ${p(b, 2) % 48 === 0 ? 2 : 5}, on ${p(b, 3) * 2} ms, off ${p(b, 4) * 2} ms`,
  'ESC R': (b) => `international character set ${p(b, 2)} (not Chinese mode)`,
  'ESC !': (b) => `print mode 0x${p(b, 2).toString(16)}`,
  'GS !': (b) => `character size: width ×${(p(b, 2) >> 4) + 1}, height ×${(p(b, 2) & 15) + 1}`,
  'GS V': (b) => (p(b, 2) >= 65 ? `feed ${p(b, 3)} dots and ` : '') + 'cut paper',
  'GS r': (b) => `status request: ${p(b, 2) % 48 === 2 ? 'drawer' : 'paper'} (reply confirms job)`,
  'GS a': (b) => `automatic status back mask 0x${p(b, 2).toString(16)}`,
  'GS I': (b) => `identification request n=${p(b, 2)}`,
  'GS h': (b) => `barcode height ${p(b, 2)} dots`,
  'GS w': (b) => `barcode module width ${p(b, 2)}`,
  'GS H': (b) =>
    `barcode text ${['none', 'above', 'below', 'above and below'][p(b, 2) % 48] ?? '?'}`,
  'GS f': () => 'barcode text font',
  'GS k': (b) => `barcode type ${p(b, 2)}, ${b.length - 4} data bytes`,
  'GS v': (b) => `raster image ${(p(b, 4) + p(b, 5) * 256) * 8}×${p(b, 6) + p(b, 7) * 256} dots`,
  'GS ( k': (b) => qrMeaning(b),
  'GS ( L': (b) =>
    p(b, 6) === 0x45
      ? `print NV graphic key "${String.fromCharCode(p(b, 7), p(b, 8))}"`
      : `graphics function ${p(b, 6)}`,
  'FS &': () => 'Chinese mode on (GB18030 double-byte)',
  'FS .': () => 'Chinese mode off (single-byte code page)',
  'FS p': (b) => `print NV bit image ${p(b, 2)}`,
  'DLE 0x04': (b) => `real-time status request n=${p(b, 2)}`,
  'DLE 0x05': (b) => `real-time recovery request n=${p(b, 2)}`,
  'DLE 0x14': (b) =>
    p(b, 2) === 1
      ? `cash drawer kick in real time: pin ${p(b, 3) === 0 ? 2 : 5}, ${p(b, 4) * 100} ms`
      : `real-time function ${p(b, 2)}`,
  'ESC $': (b) => `print position: ${p(b, 2) + p(b, 3) * 256} units from the line start`,
  'GS P': (b) => `motion units: 1/${p(b, 2) || 'default'} inch across`,
};

function qrMeaning(b: Uint8Array): string {
  const fn = p(b, 6);
  if (p(b, 5) !== 0x31) return 'symbol function (not QR)';
  if (fn === 0x41) return `QR model ${p(b, 7) - 48}`;
  if (fn === 0x43) return `QR module size ${p(b, 7)} dots`;
  if (fn === 0x45) return `QR error correction ${'LMQH'[p(b, 7) - 48] ?? '?'}`;
  if (fn === 0x50)
    return `QR store ${b.length - 8} bytes: "${new TextDecoder().decode(b.slice(8))}"`;
  if (fn === 0x51) return 'QR print stored symbol';
  return `QR function ${fn}`;
}

/** Text bytes, decoded as the printer would at that point (Chinese mode or code page). */
export function textMeaning(b: Uint8Array, chinese: boolean, page: number): string {
  const enc = chinese ? 'gb18030' : (CODE_PAGES[page] ?? 'cp437');
  return `text (${chinese ? 'GB18030' : enc}): "${iconv.decode(Buffer.from(b), enc)}"`;
}
