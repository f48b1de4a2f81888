import iconv from 'iconv-lite';
import type { Command } from './tokenizer';

export interface DecodedJob {
  /** lines joined with '\n'. */
  text: string;
  /** Printed text lines, in order (LF / ESC d end a line; a QR or barcode prints no text). */
  lines: string[];
  qrCodes: string[];
  barcodes: string[];
  cuts: number;
  drawerKicks: number;
  /** Chinese (FS &) mode at the end of the job. */
  chineseMode: boolean;
  /** DLE EOT and GS r requests seen. */
  statusRequests: number;
  /** Names of commands the interpreter does not know, plus 'TRUNCATED' for a cut-off tail. */
  unknownCommands: string[];
}

/**
 * Applies commands like a printer would, collecting what would come out on paper. Text
 * bytes are held until a line or mode change so a GB18030 character split across TCP
 * chunks still decodes whole. Chinese mode starts off, as after ESC @ on many printers,
 * so a job that forgets FS & shows mojibake here too.
 */
export class EscPosInterpreter {
  private chinese = false;
  private text: number[] = [];
  private line: string | undefined;
  private storedQr = new Uint8Array(0);
  private readonly job: Omit<DecodedJob, 'text' | 'chineseMode'> = {
    lines: [],
    qrCodes: [],
    barcodes: [],
    cuts: 0,
    drawerKicks: 0,
    statusRequests: 0,
    unknownCommands: [],
  };

  apply(cmd: Command): void {
    if (cmd.kind === 'text') {
      for (const x of cmd.bytes) this.text.push(x);
      return;
    }
    if (cmd.kind === 'unknown') {
      this.job.unknownCommands.push(cmd.name);
      return;
    }
    const b = cmd.bytes;
    switch (cmd.name) {
      case 'LF':
        this.newLine();
        break;
      case 'ESC @':
        this.flushText();
        this.chinese = false;
        break;
      case 'FS &':
      case 'FS .':
        this.flushText();
        this.chinese = cmd.name === 'FS &';
        break;
      case 'ESC d':
        for (let i = 0; i < (b[2] ?? 0); i++) this.newLine();
        break;
      case 'ESC p':
        this.job.drawerKicks++;
        break;
      case 'GS V':
        if (this.pendingLine()) this.newLine();
        this.job.cuts++;
        break;
      case 'GS ( k':
        this.qr(b);
        break;
      case 'GS k':
        this.job.barcodes.push(decodeBarcode(b));
        break;
      case 'GS r':
      case 'DLE 0x04':
        this.job.statusRequests++;
        break;
      default:
        // Style, alignment and setup commands (ESC E, ESC a, GS !, GS h, …) change no text.
        break;
    }
  }

  finish(): DecodedJob {
    if (this.pendingLine()) this.newLine();
    return { ...this.job, text: this.job.lines.join('\n'), chineseMode: this.chinese };
  }

  private pendingLine(): boolean {
    this.flushText();
    return this.line !== undefined;
  }

  private flushText(): void {
    if (this.text.length === 0) return;
    const bytes = Buffer.from(this.text);
    this.text = [];
    this.line = (this.line ?? '') + iconv.decode(bytes, this.chinese ? 'gb18030' : 'cp437');
  }

  private newLine(): void {
    this.flushText();
    this.job.lines.push(this.line ?? '');
    this.line = undefined;
  }

  private qr(b: Uint8Array): void {
    // GS ( k pL pH cn fn m d…: cn 49 = QR; fn 80 stores (m = 48), fn 81 prints.
    const [cn, fn] = [b[5], b[6]];
    if (cn !== 0x31) return;
    if (fn === 0x50) this.storedQr = b.slice(8);
    if (fn === 0x51) this.job.qrCodes.push(new TextDecoder().decode(this.storedQr));
  }
}

/** GS k m …: CODE128 (m 73) data carries code-set switches ({A {B {C) and '{{' for '{'. */
function decodeBarcode(b: Uint8Array): string {
  const m = b[2] ?? 0;
  if (m <= 6) return String.fromCharCode(...b.subarray(3, b.length - 1));
  const data = b.subarray(4);
  if (m !== 73) return String.fromCharCode(...data);
  let out = '';
  let set = 'B';
  for (let i = 0; i < data.length; i++) {
    const c = data[i] ?? 0;
    if (c === 0x7b && i + 1 < data.length) {
      const next = data[++i] ?? 0;
      if (next === 0x7b) out += '{';
      else set = String.fromCharCode(next);
      continue;
    }
    out += set === 'C' ? String(c).padStart(2, '0') : String.fromCharCode(c);
  }
  return out;
}
