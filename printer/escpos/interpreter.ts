import iconv from 'iconv-lite';
import { CODE_PAGES } from '../text/codepage';
import { PaperLog, type PaperItem } from './paper';
import type { Command } from './tokenizer';

export type { PaperItem };

/** A logo or other image the job prints: raster data, or a reference to NV memory. */
export type DecodedImage =
  { kind: 'raster'; width: number; height: number } | { kind: 'nv'; key: string };

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
  /** Raster blocks (one per GS v 0 band) and NV images printed. */
  images: DecodedImage[];
  /** ESC t code pages selected, in order (0 = PC437, 16 = WPC1252). */
  codePages: number[];
  /** Everything on paper in order, with print modes, for the PNG preview. */
  paper: PaperItem[];
  /** ESC $ positions left of what was already printed on the line (the printer overprints). */
  backwardPositions: number;
  /** Lines wider than the paper (with `dotsPerLine`): a real printer wraps them. */
  overflows: number;
}

export interface DecodeOptions {
  /** Printable dots per line: text past it is counted in `overflows`, ESC $ past it ignored. */
  dotsPerLine?: number;
  /** The printer's dots per inch: GS P x then makes ESC $ units dpi/x dots (default 1 dot). */
  dpi?: number;
}

/**
 * Applies commands like a printer would, collecting what would come out on paper. Text
 * bytes are held until a line or mode change so a GB18030 character split across TCP
 * chunks still decodes whole. Chinese mode starts off, as after ESC @ on many printers,
 * so a job that forgets FS & shows mojibake here too.
 */
export class EscPosInterpreter {
  private chinese = false;
  private codePage = 0;
  private fontB = false;
  /** Dots per ESC $ unit: GS P x sets 1/x inch; without it, a dot. */
  private unitDots = 1;
  /** Print position on the current line, in dots. */
  private x = 0;
  private backward = 0;
  private overflows = 0;
  private overflowed = false;
  private readonly paper = new PaperLog();
  private text: number[] = [];
  private line: string | undefined;
  private storedQr = new Uint8Array(0);
  private readonly job: Omit<
    DecodedJob,
    'text' | 'chineseMode' | 'paper' | 'backwardPositions' | 'overflows'
  > = {
    lines: [],
    qrCodes: [],
    barcodes: [],
    cuts: 0,
    drawerKicks: 0,
    statusRequests: 0,
    unknownCommands: [],
    images: [],
    codePages: [],
  };

  constructor(private readonly opts: DecodeOptions = {}) {}

  /** Dots one ASCII character takes now: Font A 12, Font B 9, twice that at double size. */
  private cellDots(): number {
    return (this.fontB ? 9 : 12) * (this.paper.double ? 2 : 1);
  }

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
    if (this.paper.style(cmd.name, b)) return;
    switch (cmd.name) {
      case 'LF':
        this.newLine();
        break;
      case 'ESC @':
        this.flushText();
        this.chinese = false;
        this.codePage = 0;
        this.fontB = false;
        this.unitDots = 1;
        this.paper.reset();
        break;
      case 'ESC M':
        this.flushText();
        this.fontB = (b[2] ?? 0) % 48 === 1;
        break;
      case 'GS P':
        if ((b[2] ?? 0) > 0) this.unitDots = (this.opts.dpi ?? b[2] ?? 1) / (b[2] ?? 1);
        break;
      case 'ESC $':
        this.position(((b[2] ?? 0) + (b[3] ?? 0) * 256) * this.unitDots);
        break;
      case 'DLE 0x14':
        if (b[2] === 1) this.job.drawerKicks++;
        break;
      case 'ESC t':
        this.flushText();
        this.codePage = b[2] ?? 0;
        this.job.codePages.push(this.codePage);
        break;
      case 'GS v':
        this.raster(b);
        break;
      case 'GS ( L':
        // fn 69 (0x45) prints the NV graphic with key kc1 kc2.
        if (b[6] === 0x45) this.nv(String.fromCharCode(b[7] ?? 0x20, b[8] ?? 0x20));
        break;
      case 'FS p':
        this.nv(`#${b[2] ?? 0}`);
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
        this.paper.cut();
        break;
      case 'GS ( k':
        this.qr(b);
        break;
      case 'GS k': {
        const data = decodeBarcode(b);
        this.job.barcodes.push(data);
        this.paper.barcode(data);
        break;
      }
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
    return {
      ...this.job,
      text: this.job.lines.join('\n'),
      chineseMode: this.chinese,
      paper: this.paper.items,
      backwardPositions: this.backward,
      overflows: this.overflows,
    };
  }

  /** ESC $: the next character prints `dots` from the start of the line (shown as blanks). */
  private position(dots: number): void {
    this.flushText();
    const max = this.opts.dotsPerLine;
    if (max !== undefined && dots >= max) return; // outside the printable area: ignored
    if (dots < this.x) {
      this.backward++;
      return;
    }
    const blanks = Math.round((dots - this.x) / this.cellDots());
    this.line = (this.line ?? '') + ' '.repeat(blanks);
    this.x = dots;
  }

  private pendingLine(): boolean {
    this.flushText();
    return this.line !== undefined;
  }

  private flushText(): void {
    if (this.text.length === 0) return;
    const bytes = Buffer.from(this.text);
    this.text = [];
    const single = CODE_PAGES[this.codePage] ?? 'cp437';
    const text = iconv.decode(bytes, this.chinese ? 'gb18030' : single);
    let cols = 0;
    for (const ch of text) cols += !this.chinese || (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
    this.x += cols * this.cellDots();
    const max = this.opts.dotsPerLine;
    if (max !== undefined && this.x > max && !this.overflowed) {
      this.overflows++;
      this.overflowed = true;
    }
    this.line = (this.line ?? '') + text;
  }

  private newLine(): void {
    this.flushText();
    this.job.lines.push(this.line ?? '');
    this.paper.text(this.line ?? '');
    this.line = undefined;
    this.x = 0;
    this.overflowed = false;
  }

  private qr(b: Uint8Array): void {
    // GS ( k pL pH cn fn m d…: cn 49 = QR; fn 80 stores (m = 48), fn 81 prints.
    const [cn, fn] = [b[5], b[6]];
    if (cn !== 0x31) return;
    if (fn === 0x43) this.paper.qrModule = b[7] ?? 3;
    if (fn === 0x50) this.storedQr = b.slice(8);
    if (fn === 0x51) {
      const data = new TextDecoder().decode(this.storedQr);
      this.job.qrCodes.push(data);
      this.paper.qr(data);
    }
  }

  private raster(b: Uint8Array): void {
    const xBytes = (b[4] ?? 0) + (b[5] ?? 0) * 256;
    const height = (b[6] ?? 0) + (b[7] ?? 0) * 256;
    if (this.pendingLine()) this.newLine();
    this.job.images.push({ kind: 'raster', width: xBytes * 8, height });
    this.paper.image(xBytes * 8, height, b.slice(8));
  }

  private nv(key: string): void {
    if (this.pendingLine()) this.newLine();
    this.job.images.push({ kind: 'nv', key });
    this.paper.nvImage(key);
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
