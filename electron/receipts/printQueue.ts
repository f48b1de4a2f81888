import { RESUMABLE_PRINT_TEXT } from '../../shared/printing';
import { isPrinterError, PrinterError, queryStatus, sendJob, type Transport } from '../../printer';
import type { PrintJob } from '../../shared/domain';
import type { EventBus } from '../api/events';
import type { Repos } from '../store';
import { iso, type Clock } from '../services/clock';
import { newId } from '../services/ids';

export interface PrintQueueDeps {
  repos: Pick<Repos, 'printJobs'>;
  /** The configured printer, read at each send: a technician can change it while the till runs. */
  printerUri: () => string;
  openTransport: (uri: string) => Transport;
  clock: Clock;
  events: EventBus;
  confirmTimeoutMs?: number;
}

/**
 * Persisted jobs sent one at a time. A job is PRINTED only when the printer answered the GS r 1
 * at its end; anything else is FAILED with the printer's reason, for the recovery flow.
 */
export function createPrintQueue(deps: PrintQueueDeps) {
  const { repos, clock, events } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  const uri = deps.printerUri;

  const set = (
    id: string,
    state: PrintJob['state'],
    reason: { code: string; text: string } | null,
    attempt = false,
  ) => {
    const job = repos.printJobs.setState(id, state, iso(clock.now()), reason, attempt);
    events.emit('print.updated', job);
    return job;
  };

  /**
   * No confirmation: ask the printer why. If it is stopped (cover open, paper end, offline) the
   * job is cleared from its buffer (DLE ENQ 2) so that resending it later prints it exactly once.
   */
  async function explain(t: Transport): Promise<{ code: string; text: string } | null> {
    try {
      const s = await queryStatus(t, 1_000, { recover: false });
      const code = s.coverOpen
        ? 'COVER_OPEN'
        : s.paperEnd
          ? 'PAPER_END'
          : !s.online
            ? 'OFFLINE'
            : null;
      if (!code) return null;
      await t.write(Uint8Array.of(0x10, 0x05, 0x02));
      return { code, text: new PrinterError(code, code).messageZh };
    } catch {
      return null;
    }
  }

  async function send(id: string): Promise<PrintJob> {
    const bytes = repos.printJobs.bytes(id);
    if (!bytes) throw new Error(`print job ${id} has no bytes`);
    set(id, 'SENDING', null, true);
    let transport: Transport | null = null;
    try {
      transport = deps.openTransport(uri());
      await transport.open();
      await sendJob(transport, bytes, { confirmTimeoutMs: deps.confirmTimeoutMs ?? 5_000 });
      return set(id, 'PRINTED', null);
    } catch (err) {
      const stopped =
        isPrinterError(err) && err.code === 'NOT_CONFIRMED' && transport
          ? await explain(transport)
          : null;
      const reason = stopped
        ? stopped
        : isPrinterError(err)
          ? { code: err.code, text: err.messageZh }
          : {
              code: 'IO',
              text: `打印机通信错误：${err instanceof Error ? err.message : String(err)}`,
            };
      const resumable = RESUMABLE_PRINT_TEXT[reason.code];
      if (resumable) return set(id, 'FAILED', { code: reason.code, text: resumable });
      return set(id, 'FAILED', reason);
    } finally {
      await transport?.close().catch(() => undefined);
    }
  }

  /** Jobs run in order: two receipts never interleave on one printer. */
  function run(id: string): Promise<PrintJob> {
    const next = chain.then(() => send(id));
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    printer: uri,
    enqueue(
      orderId: string | null,
      kind: string,
      bytes: Uint8Array,
    ): { job: PrintJob; done: Promise<PrintJob> } {
      const id = newId('job');
      repos.printJobs.insert({
        id,
        orderId,
        kind,
        printer: uri(),
        bytes,
        at: iso(clock.now()),
      });
      const job = repos.printJobs.get(id) as PrintJob;
      events.emit('print.updated', job);
      return { job, done: run(id) };
    },
    retry: (jobId: string): Promise<PrintJob> => run(jobId),
    /** Drains the chain, for shutdown and tests. */
    idle: (): Promise<unknown> => chain,
  };
}
export type PrintQueue = ReturnType<typeof createPrintQueue>;
