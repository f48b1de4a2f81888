import { EscPosStream, concat } from '../escpos/stream';
import type { Command } from '../escpos/tokenizer';
import type { Fault } from './faults';
import { gsrReply, realtimeReply } from './faults';

/** The printer's end of a link (a TCP socket, a serial port): where replies go. */
export interface SessionLink {
  readonly destroyed: boolean;
  write(bytes: Uint8Array): void;
  /** Tear the link down at once (the 'drop' fault: cable pulled). */
  destroy(): void;
  /** Close politely after the last reply. */
  end(): void;
}

/**
 * One connection to the virtual printer (TCP or serial): parses the stream as it arrives,
 * answers status requests in order, and hands complete jobs (ended by GS r, or by the link
 * closing) to `onJob` — only when the printer would actually have printed them. The owner
 * feeds it with receive() and finish().
 */
export class PrinterSession {
  private readonly stream = new EscPosStream();
  private chunks: Uint8Array[] = [];
  private printable = false;
  private finished = false;

  constructor(
    private readonly socket: SessionLink,
    private readonly fault: () => Fault,
    private readonly onJob: (raw: Uint8Array) => void,
  ) {}

  receive(data: Uint8Array): void {
    const fault = this.fault();
    if (fault === 'drop') {
      this.socket.destroy();
      return;
    }
    if (fault === 'hang') return;
    for (const cmd of this.stream.push(data)) this.handle(cmd, fault);
  }

  private handle(cmd: Command, fault: Fault): void {
    const b = cmd.bytes;
    if (cmd.name === 'DLE 0x04') {
      // Real-time: answered at once and not part of any job.
      this.answer(realtimeReply(fault, b[2] ?? 0));
      return;
    }
    this.chunks.push(b);
    if (cmd.name !== 'DLE 0x05') this.printable = true;
    if (cmd.name === 'GS r') {
      const reply = gsrReply(fault);
      this.answer(reply);
      this.complete(fault === 'none');
    }
  }

  private answer(byte: number | undefined): void {
    if (byte !== undefined && !this.socket.destroyed) this.socket.write(Uint8Array.of(byte));
  }

  private complete(printed: boolean): void {
    const raw = concat(...this.chunks);
    this.chunks = [];
    const had = this.printable;
    this.printable = false;
    if (printed && had) this.onJob(raw);
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const fault = this.fault();
    if (fault === 'none') for (const cmd of this.stream.end()) this.chunks.push(cmd.bytes);
    this.complete(fault === 'none');
    this.socket.end();
  }
}
