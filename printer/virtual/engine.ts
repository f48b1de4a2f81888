import { decodeEscPos, type DecodedJob } from '../escpos/decode';
import { concat } from '../escpos/stream';
import type { Command } from '../escpos/tokenizer';
import { gsrReply, isStopped, type Fault, type GsrReport } from './faults';

/** The printer's end of a link (a TCP socket, a serial port): where replies go. */
export interface SessionLink {
  readonly destroyed: boolean;
  write(bytes: Uint8Array): void;
  /** Tear the link down at once (the 'drop' fault: cable pulled). */
  destroy(): void;
  /** Close politely after the last reply. */
  end(): void;
}

export interface DrawerKick {
  at: number;
  /** ESC p runs in buffer order; DLE DC4 1 is real-time (runs even when stopped). */
  command: 'ESC p' | 'DLE DC4';
  pin: 2 | 5;
}

export interface EngineOptions {
  /** Time the mechanism takes per printed line (LF, each line of ESC d, a cut). */
  lineMs?: number;
  /** Time a whole job takes, spread over its lines (a "2.5 s printer"). */
  jobMs?: number;
}

/** Bytes of one job (up to its GS r, or to the end of the link's data) as received and as run. */
export class VJob {
  readonly received: Uint8Array[] = [];
  readonly executed: Uint8Array[] = [];
  printable = false;
  logged = false;
  lines = 0;
  lineMs: number | undefined;
}

type Item = { cmd: Command; link: SessionLink; job: VJob } | { end: VJob };

/** Commands that put nothing on paper: status and recovery requests, a bare drawer kick. */
const SILENT = new Set(['GS r', 'DLE 0x04', 'DLE 0x05', 'DLE 0x14', 'GS a', 'GS I', 'ESC p']);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The mechanism behind every link of one virtual printer: one receive buffer worked through in
 * order, at the configured speed, only while the printer is not stopped (cover open, paper end,
 * offline). Real-time commands are handled by the sessions on arrival. What actually came out
 * on paper is in `jobs` (whole jobs) and `partials` (jobs cut short by a buffer clear).
 */
export class PrinterEngine {
  fault: Fault = 'none';
  /** GS r 1's answer when a test makes it disagree with DLE EOT; null follows the paper. */
  gsr: GsrReport | null = null;
  /** What DLE EOT reports when a test makes it disagree with the mechanism; null: the truth. */
  statusReport: Fault | null = null;
  /** Drawer kick-out connector pin 3 (the drawer's open sensor on most drawers). */
  drawerHigh = false;
  readonly jobs: DecodedJob[] = [];
  readonly rawJobs: Uint8Array[] = [];
  readonly partials: DecodedJob[] = [];
  /** Every job as it arrived, printed or not: how many times the host sent something. */
  readonly received: DecodedJob[] = [];
  readonly drawerKicks: DrawerKick[] = [];
  /** What arrived, in order: 'DLE EOT 1', 'job', 'GS r 1', 'DLE ENQ 2', 'DLE DC4', 'ESC p'… */
  readonly log: string[] = [];
  private queue: Item[] = [];
  private running = false;
  private wake: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(job: DecodedJob, raw: Uint8Array) => void>();

  constructor(private readonly opts: EngineOptions = {}) {}

  setFault(f: Fault): void {
    this.fault = f;
    this.wake?.();
  }

  onJob(cb: (job: DecodedJob, raw: Uint8Array) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** A buffered command from a link (the session has already answered real-time ones). */
  push(cmd: Command, link: SessionLink, job: VJob): void {
    if (cmd.name === 'GS r') this.note(job, `GS r ${cmd.bytes[2] ?? 0}`);
    if (cmd.name === 'ESC p') this.log.push('ESC p');
    job.received.push(cmd.bytes);
    if (!SILENT.has(cmd.name)) job.printable = true;
    if (cmd.name === 'LF' || cmd.name === 'GS V') job.lines += 1;
    if (cmd.name === 'ESC d') job.lines += cmd.bytes[2] ?? 0;
    this.queue.push({ cmd, link, job });
    void this.run();
  }

  /** The job's data ended (GS r received, or the link closed): note what arrived. */
  closeJob(job: VJob, viaLinkEnd: boolean): void {
    if (job.printable) this.received.push(decodeEscPos(concat(...job.received)));
    if (viaLinkEnd) this.note(job, null);
    if (viaLinkEnd && job.received.length > 0) {
      this.queue.push({ end: job });
      void this.run();
    }
  }

  /** Logs 'job' once, when a job's first status request (or its end) arrives after its data. */
  private note(job: VJob, entry: string | null): void {
    if (job.printable && !job.logged) {
      this.log.push('job');
      job.logged = true;
    }
    if (entry) this.log.push(entry);
  }

  kickNow(pin: 2 | 5): void {
    this.drawerKicks.push({ at: Date.now(), command: 'DLE DC4', pin });
  }

  /** DLE ENQ 2: recover after clearing the receive and print buffers (only when stopped). */
  clearBuffers(): void {
    if (!isStopped(this.fault)) return;
    const cut = new Set<VJob>();
    for (const item of this.queue) if (!('end' in item)) cut.add(item.job);
    this.queue = [];
    for (const job of cut) {
      if (job.printable && job.executed.length > 0)
        this.partials.push(decodeEscPos(concat(...job.executed)));
    }
  }

  /** Resolves once the buffer is empty (tests: "the printer has finished"). */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Let the rest of the chunk (and a job's GS r right behind it) reach the buffer first.
    await new Promise<void>((r) => setImmediate(r));
    try {
      for (;;) {
        if (this.queue.length === 0) break;
        if (isStopped(this.fault)) {
          await new Promise<void>((r) => (this.wake = r));
          this.wake = null;
          continue;
        }
        const item = this.queue.shift();
        if (item) await this.exec(item);
      }
    } finally {
      this.running = false;
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private lineDelay(job: VJob): number {
    if (job.lineMs === undefined) {
      const perJob = this.opts.jobMs ? this.opts.jobMs / Math.max(1, job.lines) : 0;
      job.lineMs = perJob + (this.opts.lineMs ?? 0);
    }
    return job.lineMs;
  }

  private async exec(item: Item): Promise<void> {
    if ('end' in item) {
      this.complete(item.end);
      return;
    }
    const { cmd, link, job } = item;
    const b = cmd.bytes;
    let lines = 0;
    if (cmd.name === 'LF' || cmd.name === 'GS V') lines = 1;
    if (cmd.name === 'ESC d') lines = b[2] ?? 0;
    const wait = lines > 0 ? lines * this.lineDelay(job) : 0;
    if (wait > 0) await sleep(wait);
    job.executed.push(b);
    if (cmd.name === 'ESC p') {
      this.drawerKicks.push({
        at: Date.now(),
        command: 'ESC p',
        pin: (b[2] ?? 0) % 48 === 0 ? 2 : 5,
      });
    }
    if (cmd.name === 'GS r') {
      const reply = gsrReply(b[2] ?? 1, this.gsr ?? 'ok', this.drawerHigh);
      if (reply !== undefined && !link.destroyed) link.write(Uint8Array.of(reply));
      this.complete(job);
    }
  }

  /** The job's commands have all run: it is on paper, unless the paper sensor says there is none. */
  private complete(job: VJob): void {
    if (!job.printable || job.executed.length === 0) return;
    if (this.gsr === 'paper-end') return;
    const raw = concat(...job.executed);
    const decoded = decodeEscPos(raw);
    this.jobs.push(decoded);
    this.rawJobs.push(raw);
    for (const cb of this.listeners) cb(decoded, raw);
  }
}
