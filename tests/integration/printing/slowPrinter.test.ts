import { afterEach, describe, expect, it } from 'vitest';
import { printRig, receipt, sleep, type PrintRig } from './rig';

let rig: PrintRig;
afterEach(async () => rig.close());

describe('a printer that takes 2.5 s per receipt, several sales queued', () => {
  it('prints each receipt exactly once, in order, never INTERRUPTED, while the watch runs', async () => {
    rig = await printRig({ jobMs: 2500 });
    rig.watch.start(100); // the old watch re-sent QUEUED and failed SENDING jobs every pass
    const done: Promise<unknown>[] = [];
    for (let i = 1; i <= 4; i++) {
      done.push(rig.queue.enqueue(null, 'receipt', receipt(`第${i}单`)).done);
      await sleep(300);
    }
    // While the first prints, the others queue: nobody may touch them.
    await sleep(1500);
    expect(rig.seen.map((j) => j.state)).not.toContain('INTERRUPTED');
    expect(rig.seen.map((j) => j.state)).not.toContain('FAILED');
    await Promise.all(done);
    const ids = [...new Set(rig.seen.map((j) => j.jobId))];
    for (const id of ids) {
      await expect
        .poll(() => rig.repos.printJobs.get(id)?.state, { timeout: 15_000 })
        .toBe('PRINTED');
    }
    await sleep(800);
    const heads = rig.printer.jobs.map((j) => j.lines.find((l) => l.includes('单'))?.trim());
    expect(heads).toEqual(['第1单', '第2单', '第3单', '第4单']);
    expect(rig.printer.received).toHaveLength(4);
    for (const id of ids) {
      expect(rig.states(id)).toEqual(['QUEUED', 'SENDING', 'PRINTED']);
      expect(rig.repos.printJobs.get(id)?.attempts).toBe(1);
    }
    expect(rig.seen.some((j) => j.state === 'INTERRUPTED' || j.state === 'FAILED')).toBe(false);
  }, 40_000);

  it('cover open before the sales: all wait, nothing is sent, then each prints once after the cover closes', async () => {
    rig = await printRig({ jobMs: 2500 });
    rig.watch.start(100);
    rig.printer.setFault('cover-open');
    const first = await rig.queue.enqueue(null, 'receipt', receipt('开盖1')).done;
    const second = await rig.queue.enqueue(null, 'receipt', receipt('开盖2')).done;
    expect([first.state, second.state]).toEqual(['WAITING', 'WAITING']);
    await sleep(1000);
    expect(rig.printer.received).toHaveLength(0);
    rig.printer.setFault('none');
    await expect
      .poll(() => rig.repos.printJobs.get(second.jobId)?.state, { timeout: 15_000 })
      .toBe('PRINTED');
    expect(rig.repos.printJobs.get(first.jobId)?.state).toBe('PRINTED');
    await sleep(500);
    expect(rig.printer.received).toHaveLength(2);
    expect(rig.printer.jobs).toHaveLength(2);
  }, 40_000);
});
