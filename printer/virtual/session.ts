import type net from 'node:net';
import { EscPosStream, concat } from '../escpos/stream';
import type { Command } from '../escpos/tokenizer';
import type { Fault } from './faults';
import { gsrReply, realtimeReply } from './faults';

/**
 * One TCP connection to the virtual printer: parses the stream as it arrives, answers
 * status requests in order, and hands complete jobs (ended by GS r, or by the connection
 * closing) to `onJob` — only when the printer would actually have printed them.
 */
export class PrinterSession {
  private readonly stream = new EscPosStream();
  private chunks: Uint8Array[] = [];
  private printable = false;
  private finished = false;

  constructor(
    private readonly socket: net.Socket,
    private readonly fault: () => Fault,
    private readonly onJob: (raw: Uint8Array) => void,
  ) {
    socket.on('data', (data: Buffer) => this.receive(new Uint8Array(data)));
    socket.on('end', () => this.finish());
    socket.on('close', () => this.finish());
    socket.on('error', () => socket.destroy());
  }

  private receive(data: Uint8Array): void {
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

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    const fault = this.fault();
    if (fault === 'none') for (const cmd of this.stream.end()) this.chunks.push(cmd.bytes);
    this.complete(fault === 'none');
    this.socket.end();
  }
}
