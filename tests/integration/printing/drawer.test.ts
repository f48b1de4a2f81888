import { afterEach, describe, expect, it } from 'vitest';
import { job, printRig, receipt, sleep, type PrintRig } from './rig';

let rig: PrintRig;
afterEach(async () => rig.close());

const audits = (r: PrintRig) =>
  r.repos.audit
    .recent(50)
    .filter((a) => a.action === 'drawer.open')
    .map((a) => JSON.parse(a.detail ?? '{}') as Record<string, unknown>)
    .reverse();

describe('the cash drawer: its own command, audited', () => {
  it('a ready printer gets ESC p, confirmed by GS r 2; audited as drawer.open', async () => {
    rig = await printRig();
    rig.order('O1');
    const r = await rig.drawer.sale('O1');
    expect(r).toMatchObject({ ok: true, reason: 'sale', orderId: 'O1', command: 'ESC p' });
    expect(r.hex).toBe('1b 70 00 19 fa');
    expect(rig.printer.drawerKicks.map((k) => k.command)).toEqual(['ESC p']);
    expect(rig.printer.log).toContain('GS r 2');
    expect(rig.printer.jobs).toHaveLength(0); // no paper for a drawer kick
    expect(audits(rig)).toEqual([{ reason: 'sale', orderId: 'O1', ok: true }]);
  });

  it('paper out: the drawer still opens (DLE DC4 1, real time); the receipt waits', async () => {
    rig = await printRig();
    rig.order('O2');
    rig.printer.setFault('paper-end');
    const kick = rig.drawer.sale('O2');
    const printed = rig.queue.enqueue('O2', 'receipt', job('缺纸的现金单')).done;
    expect(await kick).toMatchObject({ ok: true, command: 'DLE DC4' });
    expect((await printed).state).toBe('WAITING');
    expect(rig.printer.drawerKicks.map((k) => k.command)).toEqual(['DLE DC4']);
    rig.printer.setFault('none');
    await expect.poll(() => rig.printer.jobs.length).toBe(1);
    await sleep(300);
    // The receipt printed after the paper came back; the drawer was not kicked again.
    expect(rig.printer.drawerKicks).toHaveLength(1);
    expect(rig.printer.jobs[0]!.drawerKicks).toBe(0);
  });

  it('printer unreachable: not opened, the cashier is told (钱箱未能打开), a retry opens it once it is back', async () => {
    rig = await printRig();
    rig.order('O3');
    const seen: unknown[] = [];
    rig.events.subscribe((e, p) => e === 'drawer.updated' && seen.push(p));
    await rig.restartPrinter(async () => {
      const r = await rig.drawer.sale('O3');
      expect(r).toMatchObject({ ok: false, errorCode: 'CONNECTION_REFUSED' });
      expect(r.errorText).toMatch(/打印机拒绝连接/);
      expect(seen).toHaveLength(1);
      expect(rig.drawer.result('O3')?.ok).toBe(false);
    });
    const again = await rig.drawer.retry('O3');
    expect(again).toMatchObject({ ok: true, reason: 'retry' });
    // Retry is only for an opening that failed: not a way to open the drawer at will.
    expect(() => rig.drawer.retry('O3')).toThrow();
    expect(() => rig.drawer.retry('O-never')).toThrow();
    expect(audits(rig)).toEqual([
      { reason: 'sale', orderId: 'O3', ok: false, error: 'CONNECTION_REFUSED' },
      { reason: 'retry', orderId: 'O3', ok: true },
    ]);
  });

  it('kicked when the cash is taken, even while a slow printer prints the previous receipt', async () => {
    rig = await printRig({ jobMs: 1500 });
    rig.order('O4');
    rig.order('O5');
    const previous = rig.queue.enqueue('O4', 'receipt', receipt('上一单')).done;
    await sleep(300); // the previous customer's receipt is at the printer
    // Cash taken for O5: its receipt and its drawer in the same tick, as the engine does it.
    const mine = rig.queue.enqueue('O5', 'receipt', receipt('本单'));
    const asked = Date.now();
    const kick = await rig.drawer.sale('O5');
    // Real time, on the job's own link: not 1.2 s later when the previous receipt is out.
    expect(kick).toMatchObject({ ok: true, command: 'DLE DC4' });
    await expect.poll(() => rig.printer.drawerKicks.length).toBe(1);
    expect(rig.printer.drawerKicks[0]!.at - asked).toBeLessThan(400);
    expect(rig.printer.jobs).toHaveLength(0); // the previous receipt is still printing
    await Promise.all([previous, mine.done]);
    await expect.poll(() => rig.printer.jobs.length, { timeout: 10_000 }).toBe(2);
    expect(rig.printer.drawerKicks).toHaveLength(1);
  }, 20_000);

  it('kicked before the receipt when the printer is free: ESC p, then the receipt', async () => {
    rig = await printRig();
    rig.order('O6');
    const mine = rig.queue.enqueue('O6', 'receipt', receipt('先开钱箱'));
    const kick = rig.drawer.sale('O6');
    await Promise.all([mine.done, kick]);
    const order = rig.printer.log.filter((l) => l === 'job' || l === 'ESC p');
    expect(order).toEqual(['ESC p', 'job']);
  });

  it('never on a re-send: a receipt sent again carries no kick', async () => {
    rig = await printRig();
    rig.printer.setGsrReport('paper-end');
    const failed = await rig.queue.enqueue(null, 'receipt', job('重发')).done;
    rig.printer.setGsrReport(null);
    await rig.queue.retry(failed.jobId);
    expect(rig.printer.received).toHaveLength(2);
    expect(rig.printer.drawerKicks).toHaveLength(0);
    expect(rig.printer.received.every((j) => j.drawerKicks === 0)).toBe(true);
  });

  it('no-sale and test openings are audited with their reason', async () => {
    rig = await printRig();
    await rig.drawer.noSale('换零钱');
    await rig.drawer.test();
    expect(audits(rig)).toEqual([
      { reason: 'no-sale', ok: true, note: '换零钱' },
      { reason: 'test', ok: true },
    ]);
  });
});
