import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../renderer/src/state/bridge';
import { willResume } from '../../../renderer/src/state/printing';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';

const flush = () => new Promise((r) => setTimeout(r, 0));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let till: FakeTill;
let store: TillStore;
const s = () => store.getState();
const stops: (() => void)[] = [];

/** A cash sale on screen at Done, its receipt job queued on the fake printer. */
async function paid() {
  await s().loadSale();
  await s().scan(CATALOGUE[1]!.barcode);
  await s().startCash(1000);
  await flush();
  expect(s().screen).toBe('done');
  return { orderId: s().payment!.orderId, job: s().printJob! };
}

beforeEach(() => {
  till = createFakeTill();
  store = createTillStore(till.api);
  stops.push(startBridge(till.api, store, 10, 1000));
});
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('print failures on the Done screen', () => {
  it('paper end: waits for the printer, offers no retry, and shows PRINTED once resent', async () => {
    const { job } = await paid();
    till.printer.setFault('paper-end');
    till.printer.send(till.printer.byId(job.jobId)!);
    await flush();
    expect(s().printJob).toMatchObject({ state: 'WAITING', reasonCode: 'PAPER_END' });
    expect(willResume(s().printJob)).toBe(true);
    await s().retryPrint(); // the host resends it: the cashier must not make a second copy
    expect(till.calls).not.toContain('print.retry');
    till.printer.setFault('none');
    await wait(30);
    expect(s().printJob).toMatchObject({ state: 'PRINTED', jobId: job.jobId });
    expect(till.printer.paper.filter((p) => p.jobId === job.jobId)).toHaveLength(1);
  });

  it('keeps polling the receipt while a job waits for the printer (events can be lost)', async () => {
    const { job } = await paid();
    till.printer.setFault('cover-open');
    till.printer.send(till.printer.byId(job.jobId)!);
    await flush();
    const before = till.calls.filter((c) => c === 'receipt.get').length;
    await wait(50);
    expect(till.calls.filter((c) => c === 'receipt.get').length).toBeGreaterThan(before);
  });

  it('not confirmed: the cashier retries once with print.retry, the same job', async () => {
    const { job } = await paid();
    till.printer.failUncertain(job.jobId);
    await flush();
    expect(s().printJob).toMatchObject({ state: 'FAILED', reasonCode: 'NOT_CONFIRMED' });
    expect(willResume(s().printJob)).toBe(false);
    const first = s().retryPrint();
    const second = s().retryPrint(); // a double press sends one request
    await Promise.all([first, second]);
    expect(till.calls.filter((c) => c === 'print.retry')).toHaveLength(1);
    expect(s().printJob).toMatchObject({ state: 'PRINTED', jobId: job.jobId });
    expect(s().retrying).toBe(false);
    await s().retryPrint(); // printed: nothing more to do
    expect(till.calls.filter((c) => c === 'print.retry')).toHaveLength(1);
  });
});

describe('receipt preview from the job', () => {
  it('loads the paper decoded from the order job once per job', async () => {
    const { orderId, job } = await paid();
    await s().loadPreview(orderId, job.jobId);
    const paper = s().previews[orderId]?.paper;
    expect(paper?.columns).toBe(48);
    expect(paper?.lines.some((l) => l.text.includes(CATALOGUE[1]!.name))).toBe(true);
    expect(paper?.lines.map((l) => l.kind)).toEqual(expect.arrayContaining(['qr', 'cut']));
    await s().loadPreview(orderId, job.jobId);
    expect(till.calls.filter((c) => c === 'receipt.preview')).toHaveLength(1);
    s().togglePng();
    expect(s().showPng).toBe(true);
  });

  it('an order without a job has no preview and no error (print.txt stays on screen)', async () => {
    await s().loadPreview('no-such-order', 'job0');
    expect(s().previews).toEqual({});
    expect(s().error).toBeNull();
  });
});

describe('supervisor reprint', () => {
  it('reprints a marked copy; the new job and its paper replace the old ones', async () => {
    const { orderId, job } = await paid();
    till.printed(orderId, 'PRINTED');
    await s().newSale();
    s().goTo('supervisor');
    expect(await s().findOrder(orderId)).toBe(true);
    expect(s().lookupJob).toMatchObject({ jobId: job.jobId, state: 'PRINTED' });
    await s().reprint();
    expect(till.reprints).toEqual([orderId]);
    expect(s().lookupJob?.jobId).not.toBe(job.jobId);
    expect(s().lookupJob?.state).toBe('PRINTED');
    await s().loadPreview(orderId, s().lookupJob!.jobId);
    expect(s().previews[orderId]?.paper.lines[0]?.text).toContain('重打印');
  });

  it('follows print events of the order on screen only', async () => {
    const { orderId } = await paid();
    await s().newSale();
    await s().findOrder(orderId);
    till.printed(orderId, 'FAILED', '打印机缺纸');
    await flush();
    expect(s().lookupJob?.state).toBe('FAILED');
    till.printed('other-order', 'PRINTED');
    expect(s().lookupJob?.state).toBe('FAILED');
  });

  it('has nothing to reprint for an unpaid order', async () => {
    await s().loadSale();
    await s().findOrder(s().sale!.orderId);
    await s().reprint();
    expect(till.calls).not.toContain('receipt.reprint');
  });
});
