import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../renderer/src/state/bridge';
import { createTillStore, type TillStore } from '../../../renderer/src/state/store';
import { createFakeTill, type FakeTill } from './fake-till';

let till: FakeTill;
let store: TillStore;
const s = () => store.getState();
const stops: (() => void)[] = [];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  till = createFakeTill();
  store = createTillStore(till.api);
});
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('store sync state in the renderer', () => {
  it('reads the link at start and follows its events', async () => {
    stops.push(startBridge(till.api, store, 50, 50));
    await wait(20);
    expect(s().sync).toMatchObject({ state: 'off', pending: 0 });
    till.setSync({ state: 'offline', pending: 12, lagMs: 45_000, server: '10.0.0.5:5432/store' });
    expect(s().sync).toMatchObject({ state: 'offline', pending: 12, lagMs: 45_000 });
    till.setSync({ state: 'synced', pending: 0, lagMs: null, sharedVersion: 7 });
    expect(s().sync).toMatchObject({ state: 'synced', sharedVersion: 7 });
  });

  it('keeps the last known state when a read fails', async () => {
    till.setSync({ state: 'synced' });
    await s().loadSync();
    expect(s().sync?.state).toBe('synced');
    const failing = {
      ...till.api,
      'sync.status': () =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'INTERNAL' as const, message: 'x', messageZh: 'x' },
        }),
    };
    const other = createTillStore(failing);
    other.setState({ sync: s().sync });
    await other.getState().loadSync();
    expect(other.getState().sync?.state).toBe('synced');
  });
});
