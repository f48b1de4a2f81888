import { MEANINGS, textMeaning } from './meanings';
import { EscPosStream } from './stream';

export interface ByteDescription {
  offset: number;
  /** The command's bytes, e.g. "1b 40"; long blocks (raster, QR data) are shortened. */
  hex: string;
  meaning: string;
}

const MAX_HEX_BYTES = 24;

function hexOf(b: Uint8Array): string {
  const shown = Array.from(b.subarray(0, MAX_HEX_BYTES), (x) => x.toString(16).padStart(2, '0'));
  return shown.join(' ') + (b.length > MAX_HEX_BYTES ? ` … (${b.length} bytes)` : '');
}

/**
 * ESC/POS bytes split into commands, each as hex beside what it does, for the technician
 * screen and `printer decode`. Never throws: unknown bytes are named as such.
 */
export function describeBytes(bytes: Uint8Array): ByteDescription[] {
  const stream = new EscPosStream();
  const out: ByteDescription[] = [];
  let offset = 0;
  let chinese = false;
  let page = 0;
  for (const cmd of [...stream.push(bytes), ...stream.end()]) {
    let meaning: string;
    if (cmd.kind === 'text') meaning = textMeaning(cmd.bytes, chinese, page);
    else if (cmd.kind === 'unknown') {
      meaning = cmd.name === 'TRUNCATED' ? 'truncated command at end' : `unknown ${cmd.name}`;
    } else meaning = MEANINGS[cmd.name]?.(cmd.bytes) ?? cmd.name;
    if (cmd.name === 'FS &' || cmd.name === 'FS .') chinese = cmd.name === 'FS &';
    if (cmd.name === 'ESC @') [chinese, page] = [false, 0];
    if (cmd.name === 'ESC t') page = cmd.bytes[2] ?? 0;
    out.push({ offset, hex: hexOf(cmd.bytes), meaning });
    offset += cmd.bytes.length;
  }
  return out;
}
