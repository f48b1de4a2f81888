import { afterEach, describe, expect, it } from 'vitest';
import { job, printRig, sleep, type PrintRig } from './rig';

let rig: PrintRig;
afterEach(async () => rig.close());

const texts = (r: PrintRig) => r.printer.jobs.map((j) => j.text.trim());

describe('print queue: PRINTED only when the printer said so', () => {
  it('asks DLE EOT 1–4 before, sends the job with GS r 1, asks DLE EOT 1–4 after; then PRINTED', async () => {
    rig = await printRig();
    const done = await rig.queue.enqueue(null, 'test', job('第一张小票')).done;
    expect(done.state).toBe('PRINTED');
    expect(done.attempts).toBe(1);
    expect(rig.states(done.jobId)).toEqual(['QUEUED', 'SENDING', 'PRINTED']);
    expect(texts(rig)).toEqual(['第一张小票']);
    const eot = ['DLE EOT 1', 'DLE EOT 2', 'DLE EOT 3', 'DLE EOT 4'];
    expect(rig.printer.log).toEqual([...eot, 'job', 'GS r 1', ...eot]);
  });

  it.each([
    ['cover-open', 'COVER_OPEN', /纸仓盖.*自动打印/],
    ['offline', 'OFFLINE', /离线.*自动打印/],
    ['paper-end', 'PAPER_END', /缺纸.*自动打印/],
  ] as const)(
    '%s reported by DLE EOT: nothing is sent, the job WAITS (never PRINTED) and prints once after recovery',
    async (fault, code, text) => {
      rig = await printRig();
      rig.printer.setFault(fault);
      const waiting = await rig.queue.enqueue(null, 'receipt', job(`恢复后打印 ${fault}`)).done;
      expect(waiting).toMatchObject({ state: 'WAITING', reasonCode: code, attempts: 0 });
      expect(waiting.reasonText).toMatch(text);
      await sleep(900); // several readiness polls (200 ms): still asked, never sent
      expect(rig.printer.received).toHaveLength(0);
      expect(rig.printer.log.filter((l) => l === 'DLE EOT 1').length).toBeGreaterThan(2);
      expect(rig.repos.printJobs.get(waiting.jobId)?.state).toBe('WAITING');
      rig.printer.setFault('none');
      await expect.poll(() => rig.repos.printJobs.get(waiting.jobId)?.state).toBe('PRINTED');
      await sleep(600);
      expect(rig.printer.received).toHaveLength(1);
      expect(texts(rig)).toEqual([`恢复后打印 ${fault}`]);
      expect(rig.states(waiting.jobId)).not.toContain('FAILED');
      expect(rig.seen.some((j) => j.state === 'PRINTED' && j.jobId !== waiting.jobId)).toBe(false);
    },
  );

  it('DLE EOT ready but GS r paper end: sent once, FAILED for the cashier, never sent again by itself', async () => {
    rig = await printRig();
    rig.printer.setGsrReport('paper-end');
    const failed = await rig.queue.enqueue(null, 'receipt', job('纸传感器不一致')).done;
    expect(failed).toMatchObject({ state: 'FAILED', reasonCode: 'PAPER_END', attempts: 1 });
    expect(failed.reasonText).toMatch(/可能只打印了一部分/);
    await sleep(1200); // six polls of the old bug's kind: it would have re-sent each time
    expect(rig.printer.received).toHaveLength(1);
    expect(rig.repos.printJobs.get(failed.jobId)).toMatchObject({ state: 'FAILED', attempts: 1 });
    // A person looked, reloaded paper and asked again: once more, and now it prints.
    rig.printer.setGsrReport(null);
    expect((await rig.queue.retry(failed.jobId)).state).toBe('PRINTED');
    expect(rig.printer.received).toHaveLength(2);
    expect(texts(rig)).toEqual(['纸传感器不一致']);
  });

  it('DLE EOT says cover open though the mechanism would print: nothing is sent until it says ready', async () => {
    rig = await printRig();
    rig.printer.setStatusReport('cover-open');
    const w = await rig.queue.enqueue(null, 'receipt', job('只信状态')).done;
    expect(w).toMatchObject({ state: 'WAITING', reasonCode: 'COVER_OPEN' });
    await sleep(500);
    expect(rig.printer.received).toHaveLength(0);
    rig.printer.setStatusReport(null);
    await expect.poll(() => rig.repos.printJobs.get(w.jobId)?.state).toBe('PRINTED');
    expect(rig.printer.received).toHaveLength(1);
  });

  it('confirmed by GS r but not ready right after (cover opened): FAILED, not PRINTED', async () => {
    rig = await printRig();
    rig.printer.onJob(() => rig.printer.setFault('cover-open'));
    const done = await rig.queue.enqueue(null, 'receipt', job('打完就开盖')).done;
    expect(done).toMatchObject({ state: 'FAILED', reasonCode: 'NOT_READY_AFTER' });
  });

  it('a silent printer (no DLE EOT answer) gets nothing: WAITING TIMEOUT', async () => {
    rig = await printRig();
    rig.printer.setFault('hang');
    const done = await rig.queue.enqueue(null, 'receipt', job('无响应')).done;
    expect(done).toMatchObject({ state: 'WAITING', reasonCode: 'TIMEOUT', attempts: 0 });
    expect(rig.printer.received).toHaveLength(0);
  });

  it('an unreachable printer: WAITING with the reason, bytes kept, printed once when it is back', async () => {
    rig = await printRig();
    await rig.restartPrinter(async () => {
      const waiting = await rig.queue.enqueue(null, 'receipt', job('打印机关机')).done;
      expect(waiting).toMatchObject({ state: 'WAITING', reasonCode: 'CONNECTION_REFUSED' });
      expect(rig.repos.printJobs.bytes(waiting.jobId)?.length).toBeGreaterThan(0);
      await sleep(500);
    });
    await expect.poll(() => texts(rig)).toEqual(['打印机关机']);
    await sleep(500);
    expect(rig.printer.received).toHaveLength(1);
  });

  it('a printer that stops mid-job: FAILED (part printed), the rest cleared, nothing more by itself', async () => {
    rig = await printRig({ jobMs: 1500 });
    const { receipt } = await import('./rig');
    const pending = rig.queue.enqueue(null, 'receipt', receipt('中途开盖')).done;
    await sleep(600);
    rig.printer.setFault('cover-open');
    const failed = await pending;
    expect(failed).toMatchObject({ state: 'FAILED', reasonCode: 'COVER_OPEN' });
    expect(failed.reasonText).toMatch(/一部分/);
    expect(rig.printer.log).toContain('DLE ENQ 2');
    expect(rig.printer.partials).toHaveLength(1);
    rig.printer.setFault('none');
    await sleep(800);
    await rig.printer.idle();
    expect(rig.printer.jobs).toHaveLength(0); // the rest of the first copy never printed
    expect(rig.repos.printJobs.get(failed.jobId)?.state).toBe('FAILED');
  }, 20_000);

  it('offline for an instant mid-job (a feed, a cut) is not a stop: the job still ends PRINTED', async () => {
    rig = await printRig({ jobMs: 1500 });
    const { receipt } = await import('./rig');
    const pending = rig.queue.enqueue(null, 'receipt', receipt('瞬间离线')).done;
    await sleep(600);
    rig.printer.setFault('offline');
    await sleep(250);
    rig.printer.setFault('none');
    expect((await pending).state).toBe('PRINTED');
    expect(rig.printer.jobs).toHaveLength(1);
  }, 20_000);

  it('the summary counts receipts owed and jobs to decide, for the header', async () => {
    rig = await printRig();
    rig.printer.setFault('paper-end');
    await rig.queue.enqueue(null, 'receipt', job('一')).done;
    await rig.queue.enqueue(null, 'receipt', job('二')).done;
    expect(rig.queue.summary()).toMatchObject({
      waiting: 2,
      toDecide: 0,
      printer: { state: 'not-ready', reasonCode: 'PAPER_END' },
    });
    expect(rig.summaries.at(-1)?.waiting).toBe(2);
    rig.printer.setFault('none');
    await expect.poll(() => rig.queue.summary().waiting).toBe(0);
    expect(rig.queue.summary().printer.state).toBe('ready');
  });
});

describe('cancel and retry', () => {
  it('a technician cancels a waiting job with a reason: it never prints', async () => {
    rig = await printRig();
    rig.printer.setFault('offline');
    const w = await rig.queue.enqueue(null, 'receipt', job('作废')).done;
    const c = rig.queue.cancel(w.jobId, '顾客不要小票');
    expect(c).toMatchObject({
      state: 'CANCELLED',
      reasonCode: 'CANCELLED',
      reasonText: '顾客不要小票',
    });
    rig.printer.setFault('none');
    await sleep(600);
    expect(rig.printer.received).toHaveLength(0);
    expect(() => rig.queue.cancel(w.jobId, 'again')).toThrow();
  });

  it('retry of a PRINTED job does nothing; of a WAITING job only checks the printer now', async () => {
    rig = await printRig();
    const p = await rig.queue.enqueue(null, 'receipt', job('已打印')).done;
    expect((await rig.queue.retry(p.jobId)).state).toBe('PRINTED');
    expect(rig.printer.received).toHaveLength(1);
  });
});
