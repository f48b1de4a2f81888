import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../renderer/src/state/bridge';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill, type FakeTill } from './fake-till';

const flush = () => new Promise((r) => setTimeout(r, 0));
let till: FakeTill;
let store: TillStore;
const s = () => store.getState();
const stops: (() => void)[] = [];

async function cashSale() {
  await s().loadSale();
  await s().scan(CATALOGUE[0]!.barcode);
  await s().startCash(1000);
  await flush();
  expect(s().screen).toBe('done');
  return s().payment!.orderId;
}

beforeEach(() => {
  till = createFakeTill();
  store = createTillStore(till.api);
  stops.push(startBridge(till.api, store, 10_000, 10_000, 10_000));
});
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('header: printer state and receipts waiting', () => {
  it('is asked at start, then follows print.summary events', async () => {
    await flush();
    expect(till.calls).toContain('print.summary');
    expect(s().printSummary?.printer.state).toBe('ready');
    till.printer.setFault('paper-end');
    await cashSale();
    till.printer.send(till.printer.byId(s().printJob!.jobId)!);
    await flush();
    expect(s().printSummary).toMatchObject({
      printer: { state: 'not-ready', reasonCode: 'PAPER_END' },
      waiting: 1,
      toDecide: 0,
    });
    till.printer.setFault('none');
    await flush();
    expect(s().printSummary).toMatchObject({ printer: { state: 'ready' }, waiting: 0 });
  });
});

describe('technician: the print queue', () => {
  it('lists jobs, retries one that may have printed, cancels a waiting one with a reason', async () => {
    await cashSale();
    const first = s().printJob!;
    till.printer.failUncertain(first.jobId);
    await s().loadQueue();
    expect(s().queueJobs?.[0]).toMatchObject({ jobId: first.jobId, state: 'FAILED' });
    await s().retryJob(first.jobId);
    expect(s().queueJobs?.find((j) => j.jobId === first.jobId)?.state).toBe('PRINTED');
    till.printer.setFault('offline');
    await s().newSale();
    await cashSale();
    const second = s().printJob!;
    till.printer.send(till.printer.byId(second.jobId)!);
    await s().loadQueue();
    expect(s().queueJobs?.[0]).toMatchObject({ jobId: second.jobId, state: 'WAITING' });
    expect(await s().cancelJob(second.jobId, '顾客不要小票')).toBe(true);
    expect(s().queueJobs?.find((j) => j.jobId === second.jobId)).toMatchObject({
      state: 'CANCELLED',
      reasonText: '顾客不要小票',
    });
    // The contract refuses a reason too short to mean anything.
    expect(await s().cancelJob(second.jobId, 'x')).toBe(false);
    expect(s().error).toMatchObject({ code: 'BAD_REQUEST', field: 'reason' });
  });
});

describe('the cash drawer on the Done screen', () => {
  it('shows that the drawer opened for a cash sale', async () => {
    await cashSale();
    expect(s().drawer).toMatchObject({ ok: true, reason: 'sale', command: 'ESC p' });
  });

  it('a drawer that did not open is shown at once with a retry, only for that sale', async () => {
    till.printer.setFault('unreachable');
    const orderId = await cashSale();
    expect(s().drawer).toMatchObject({ ok: false, orderId, errorCode: 'CONNECTION_REFUSED' });
    expect(s().drawer?.errorText).toMatch(/打印机拒绝连接/);
    till.printer.setFault('none');
    await s().retryDrawer();
    expect(s().drawer).toMatchObject({ ok: true, reason: 'retry' });
    await s().retryDrawer(); // opened now: nothing more to send
    expect(till.calls.filter((c) => c === 'drawer.retry')).toHaveLength(1);
  });
});

describe('originals and reprints', () => {
  it('a reprint during an outage: the supervisor is told both will print, both are listed', async () => {
    till.printer.setFault('cover-open');
    const orderId = await cashSale();
    till.printer.send(till.printer.byId(s().printJob!.jobId)!);
    await s().newSale();
    expect(await s().findOrder(orderId)).toBe(true);
    await s().reprint();
    expect(s().lastReprint).toMatchObject({ originalPending: true, job: { kind: 'reprint' } });
    expect(s().lookup?.receipt?.jobs.map((j) => [j.kind, j.state])).toEqual([
      ['receipt', 'WAITING'],
      ['reprint', 'WAITING'],
    ]);
    expect(s().lookup?.receipt?.printJob?.kind).toBe('receipt');
    till.printer.setFault('none');
    await flush();
    expect(s().lookup?.receipt?.jobs.map((j) => j.state)).toEqual(['PRINTED', 'PRINTED']);
    const printed = till.printer.paper.map((p) => till.printer.byId(p.jobId)?.kind);
    expect(printed).toEqual(['receipt', 'reprint']); // the original first
  });

  it('the Done screen follows the original, never a reprint of the same order', async () => {
    await cashSale();
    const original = s().printJob!;
    s().applyPrintJob({ ...original, jobId: 'other', kind: 'reprint', state: 'FAILED' });
    expect(s().printJob?.jobId).toBe(original.jobId);
  });
});
