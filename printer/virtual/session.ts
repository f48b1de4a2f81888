import { EscPosStream } from '../escpos/stream';
import type { Command } from '../escpos/tokenizer';
import { PrinterEngine, VJob, type SessionLink } from './engine';
import { realtimeReply } from './faults';

export type { SessionLink } from './engine';

/**
 * One connection to the virtual printer (TCP or serial). Parses the stream as it arrives and
 * answers real-time commands at once (DLE EOT, DLE ENQ, DLE DC4: escpos.md §2.1), even while
 * the mechanism is busy or stopped; everything else goes to the printer's buffer, in order.
 * The owner feeds it with receive() and finish().
 */
export class PrinterSession {
  private readonly stream = new EscPosStream();
  private job = new VJob();
  private finished = false;

  constructor(
    private readonly link: SessionLink,
    private readonly engine: PrinterEngine,
  ) {}

  receive(data: Uint8Array): void {
    const fault = this.engine.fault;
    if (fault === 'drop') {
      this.link.destroy();
      return;
    }
    if (fault === 'hang') return;
    for (const cmd of this.stream.push(data)) this.handle(cmd);
  }

  private handle(cmd: Command): void {
    const b = cmd.bytes;
    switch (cmd.name) {
      case 'DLE 0x04': {
        this.engine.log.push(`DLE EOT ${b[2] ?? 0}`);
        const said = this.engine.statusReport ?? this.engine.fault;
        const reply = realtimeReply(said, b[2] ?? 0, this.engine.drawerHigh);
        if (reply !== undefined && !this.link.destroyed) this.link.write(Uint8Array.of(reply));
        return;
      }
      case 'DLE 0x05':
        this.engine.log.push(`DLE ENQ ${b[2] ?? 0}`);
        if (b[2] === 2) this.engine.clearBuffers();
        return;
      case 'DLE 0x14':
        this.engine.log.push('DLE DC4');
        if (b[2] === 1) this.engine.kickNow((b[3] ?? 0) === 0 ? 2 : 5);
        return;
    }
    this.engine.push(cmd, this.link, this.job);
    if (cmd.name === 'GS r') {
      this.engine.closeJob(this.job, false);
      this.job = new VJob();
    }
  }

  /** The link closed: what it sent stays in the printer's buffer and still prints. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.engine.fault !== 'drop' && this.engine.fault !== 'hang') {
      for (const cmd of this.stream.end()) this.engine.push(cmd, this.link, this.job);
      this.engine.closeJob(this.job, true);
    }
    this.link.end();
  }
}
