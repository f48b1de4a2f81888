import { afterEach, describe, expect, it } from 'vitest';
import type { TillApi } from '../../../shared/contract';
import { startBridge } from '../../../renderer/src/state/bridge';
import { createTillStore } from '../../../renderer/src/state/store';
import { CATALOGUE, createFakeTill } from './fake-till';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('bridge', () => {
  it('writes host events into the store, and unsubscribes when stopped', async () => {
    const till = createFakeTill();
    const store = createTillStore(till.api);
    const stop = startBridge(till.api, store, 10_000);
    await till.api['sale.scan']({ barcode: CATALOGUE[0]!.barcode }); // e.g. another window scanned
    expect(store.getState().sale?.itemCount).toBe(1);
    expect(till.listenerCount('payment.updated')).toBe(1);
    stop();
    expect(till.listenerCount('sale.updated')).toBe(0);
    expect(till.listenerCount('print.updated')).toBe(0);
  });

  it('falls back to polling pay.status and receipt.get when events are lost', async () => {
    const till = createFakeTill();
    const deaf: TillApi = { ...till.api, on: () => () => undefined };
    const store = createTillStore(deaf);
    stops.push(startBridge(deaf, store, 20));
    await store.getState().scan(CATALOGUE[1]!.barcode);
    await store.getState().startWallet('134567890123451010');
    till.advance(store.getState().payment!.paymentId, 'PAID');
    await wait(120);
    expect(store.getState().screen).toBe('done');
    expect(store.getState().receipt?.text).toContain('康师傅红烧牛肉面');
    expect(till.calls).toContain('pay.status');
  });

  it('stops asking once the payment is final and the print job has ended', async () => {
    const till = createFakeTill();
    const store = createTillStore(till.api);
    stops.push(startBridge(till.api, store, 10));
    await store.getState().scan(CATALOGUE[2]!.barcode);
    await store.getState().startCash(5000);
    till.printed(store.getState().payment!.orderId, 'FAILED', '打印机缺纸');
    await wait(50);
    expect(store.getState().printJob).toMatchObject({ state: 'FAILED', reasonText: '打印机缺纸' });
    const before = till.calls.length;
    await wait(60);
    expect(till.calls.length).toBe(before);
  });
});
