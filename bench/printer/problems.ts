import { decodeEscPos, describeBytes, textWidth } from '../../printer/index';
import { BARCODE, COLUMNS, ITEMS, QR_DATA } from './receipt-doc';

/**
 * Columns a decoded line takes on paper. A line with no CJK at all was printed from a single-byte
 * code page (receiptline draws its rules with CP437 box characters after FS .): one column each.
 * Otherwise ASCII is 1 and everything else 2, as in Chinese mode.
 */
function paperWidth(line: string): number {
  const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(line);
  return cjk ? textWidth(line) : [...line].length;
}

/** Correctness problems found by decoding the bytes with our decoder, never by byte diff. */
export function problems(bytes: Uint8Array): string[] {
  const job = decodeEscPos(bytes);
  const cmds = describeBytes(bytes);
  const out: string[] = [];
  const flat = job.lines.join('');
  const missing = ITEMS.filter(([name]) => !flat.includes(name.slice(0, 6))).length;
  if (missing > 0) out.push(`${missing}/12 Chinese names not GB18030 on paper`);
  const q = (flat.match(/\?/g) ?? []).length;
  if (q > 0) out.push(`${q} '?' replacements`);
  if (!cmds.some((c) => c.meaning.startsWith('Chinese mode on')))
    out.push('no FS & (Chinese mode)');
  const wide = job.lines.filter((l) => paperWidth(l) > COLUMNS).length;
  if (wide > 0) out.push(`${wide} lines > ${COLUMNS} cols (CJK = 2)`);
  if (job.qrCodes.length === 0) out.push('no native QR (GS ( k)');
  else if (!job.qrCodes.includes(QR_DATA)) out.push('QR data/length wrong');
  if (!job.barcodes.some((b) => b.includes(BARCODE))) out.push('CODE128 data wrong');
  // ESC p m t1 t2: a t1 that is a command byte means the pulse bytes were left out.
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x70 && (bytes[i + 2] ?? 9) <= 1) {
      const t1 = bytes[i + 3];
      if (t1 === undefined || t1 === 0x1b || t1 === 0x1d || t1 === 0x0a) {
        out.push('drawer kick without pulse bytes');
        break;
      }
    }
  }
  if (job.drawerKicks === 0) out.push('no drawer kick');
  if (job.cuts === 0) out.push('no cut');
  if (job.unknownCommands.length > 0)
    out.push(`unknown cmds: ${job.unknownCommands.slice(0, 3).join(',')}`);
  return out;
}
