import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/api/events';
import { createPrintQueue } from '../../../electron/receipts/printQueue';
import { createPrintWatch } from '../../../electron/receipts/printWatch';
import { systemClock } from '../../../electron/services/clock';
import { openRepos, type Repos } from '../../../electron/store';
import {
  encodeEscPos,
  layoutReceipt,
  openTransport,
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../printer';
import type { PrintJob } from '../../../shared/domain';
import { tempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof tempDir>;
let repos: Repos;
let printer: VirtualPrinter;
const job = (text: string) =>
  encodeEscPos(layoutReceipt({ blocks: [{ kind: 'text', text }, { kind: 'cut' }] }));

beforeEach(async () => {
  tmp = tempDir('till-printq-');
  repos = openRepos(join(tmp.dir, 'till.db'));
  printer = await startVirtualPrinter();
});
afterEach(async () => {
  await printer.close();
  repos.db.close();
  tmp.cleanup();
});

function rig(confirmTimeoutMs = 400) {
  const events = createEventBus();
  const seen: PrintJob[] = [];
  events.subscribe((e, p) => e === 'print.updated' && seen.push(p as PrintJob));
  const open = (uri: string) => openTransport(uri, { timeoutMs: 500 });
  const queue = createPrintQueue({
    repos,
    printerUri: () => printer.uri,
    openTransport: open,
    clock: systemClock,
    events,
    confirmTimeoutMs,
  });
  const watch = createPrintWatch({
    repos,
    queue,
    printerUri: () => printer.uri,
    openTransport: open,
    clock: systemClock,
    events,
    statusTimeoutMs: 300,
  });
  return { queue, watch, seen };
}

describe('persisted print jobs', () => {
  it('a job is PRINTED only when the printer confirmed it, with events for each state', async () => {
    const { queue, seen } = rig();
    const done = await queue.enqueue(null, 'test', job('第一张小票')).done;
    expect(done.state).toBe('PRINTED');
    expect(seen.map((j) => j.state)).toEqual(['QUEUED', 'SENDING', 'PRINTED']);
    expect(printer.jobs.map((j) => j.text.trim())).toEqual(['第一张小票']);
  });

  it('paper end: FAILED with the reason in Chinese, then resumes once paper is loaded — one receipt, no duplicate', async () => {
    const { queue, watch } = rig();
    printer.setFault('paper-end');
    const failed = await queue.enqueue(null, 'receipt', job('缺纸后恢复')).done;
    expect(failed).toMatchObject({ state: 'FAILED', reasonCode: 'PAPER_END' });
    // The cashier is told it will print by itself: no "print again" that would duplicate it.
    expect(failed.reasonText).toMatch(/缺纸.*自动打印/);
    expect(await watch.once()).toBe(0); // still out of paper: nothing is sent
    printer.setFault('none');
    expect(await watch.once()).toBe(1);
    expect(repos.printJobs.get(failed.jobId)?.state).toBe('PRINTED');
    expect(await watch.once()).toBe(0);
    expect(printer.jobs.filter((j) => j.text.includes('缺纸后恢复'))).toHaveLength(1);
  });

  it('cover open resumes too; an unconfirmed job is never re-sent on its own', async () => {
    const { queue, watch } = rig(300);
    printer.setFault('cover-open');
    const cover = await queue.enqueue(null, 'receipt', job('合上盖子')).done;
    expect(cover).toMatchObject({ state: 'FAILED', reasonCode: 'COVER_OPEN' });
    printer.setFault('hang');
    const hung = await queue.enqueue(null, 'receipt', job('可能已打印')).done;
    expect(hung).toMatchObject({ state: 'FAILED', reasonCode: 'NOT_CONFIRMED' });
    printer.setFault('none');
    await watch.once();
    expect(repos.printJobs.get(cover.jobId)?.state).toBe('PRINTED');
    expect(repos.printJobs.get(hung.jobId)?.state).toBe('FAILED');
  });

  it('after a crash: a job left SENDING is marked INTERRUPTED (may have printed), a QUEUED one is sent', async () => {
    const { watch, seen } = rig();
    const at = new Date().toISOString();
    repos.printJobs.insert({
      id: 'job_sending',
      orderId: null,
      kind: 'receipt',
      printer: printer.uri,
      bytes: job('发送中'),
      at,
    });
    repos.printJobs.setState('job_sending', 'SENDING', at);
    repos.printJobs.insert({
      id: 'job_queued',
      orderId: null,
      kind: 'receipt',
      printer: printer.uri,
      bytes: job('排队中'),
      at,
    });
    await watch.once();
    expect(repos.printJobs.get('job_sending')).toMatchObject({
      state: 'FAILED',
      reasonCode: 'INTERRUPTED',
    });
    expect(seen.some((j) => j.jobId === 'job_sending' && j.reasonCode === 'INTERRUPTED')).toBe(
      true,
    );
    expect(repos.printJobs.get('job_queued')?.state).toBe('PRINTED');
    expect(printer.jobs.map((j) => j.text.trim())).toEqual(['排队中']);
  });

  it('an unreachable printer fails with a clear reason and the job is kept for later', async () => {
    const { queue } = rig();
    const port = printer.port;
    await printer.close();
    const q2 = createPrintQueue({
      repos,
      printerUri: () => `tcp://127.0.0.1:${port}`,
      openTransport: (u) => openTransport(u, { timeoutMs: 300 }),
      clock: systemClock,
      events: createEventBus(),
    });
    const failed = await q2.enqueue(null, 'receipt', job('打印机关机')).done;
    expect(failed.state).toBe('FAILED');
    expect(failed.reasonCode).toBe('CONNECTION_REFUSED');
    expect(repos.printJobs.bytes(failed.jobId)?.length).toBeGreaterThan(0);
    printer = await startVirtualPrinter(); // for afterEach
    void queue;
  });
});
