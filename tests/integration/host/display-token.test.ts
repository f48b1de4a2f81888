import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/host/config';
import { runKiosk } from '../../../electron/host/kiosk';
import { CHANNELS, VIEW_CHANNELS } from '../../../shared/channels';
import catalogue from '../../../resources/catalogue.json';
import { DEMO, kioskClient } from '../../helpers/kioskClient';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir('till-display-');
let kiosk: Awaited<ReturnType<typeof runKiosk>>;

beforeAll(async () => {
  const config = loadConfig({ TILL_DATA_DIR: tmp.dir, TILL_PORT: '0', TILL_PRINTER: 'none' });
  kiosk = await runKiosk(config, { appRoot: resolve('.'), version: 'test' });
  // The till's page has the cashier signed in; the display's page signs in as nobody.
  await kioskClient(kiosk.port, kiosk.token).signIn(DEMO.cashier);
});
afterAll(async () => {
  await kiosk.close();
  tmp.cleanup();
});

const viewToken = () => new URL(kiosk.displayUrl).hash.replace('#view=', '');

/** Reads an SSE stream for `ms` and answers the event names it carried. */
async function eventNames(
  token: string,
  during: () => Promise<unknown>,
  ms = 600,
): Promise<string[]> {
  const ctrl = new AbortController();
  const res = await fetch(`http://127.0.0.1:${kiosk.port}/api/events?token=${token}`, {
    signal: ctrl.signal,
  });
  const reader = res.body!.getReader();
  let text = '';
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch {
      // aborted
    }
  })();
  await during();
  await new Promise((r) => setTimeout(r, ms));
  ctrl.abort();
  await reading;
  return [...text.matchAll(/^event: (\S+)$/gm)].map((m) => m[1]!);
}

describe('the customer display’s view-only token (kiosk mode)', () => {
  it('reads the display state and is refused every other channel', async () => {
    const view = kioskClient(kiosk.port, viewToken());
    const state = await view.call('display.state', {});
    expect(state.status).toBe(200);
    expect(state.json).toMatchObject({
      ok: true,
      value: { phase: 'idle', storeName: expect.any(String) },
    });
    for (const channel of CHANNELS.filter((c) => !VIEW_CHANNELS.includes(c))) {
      const r = await view.call(
        channel,
        channel === 'sale.scan' ? { barcode: catalogue[0]!.barcode } : {},
      );
      expect(r.status, channel).toBe(403);
      expect(r.json, channel).toMatchObject({ ok: false, error: { code: 'VIEW_ONLY' } });
    }
    // Nothing was scanned by the refused calls.
    const till = kioskClient(kiosk.port, kiosk.token);
    expect((await till.call('sale.current', {})).json).toMatchObject({ value: { lines: [] } });
  });

  it('hears only display.updated while the till hears everything', async () => {
    const till = kioskClient(kiosk.port, kiosk.token);
    const scan = () => till.call('sale.scan', { barcode: catalogue[1]!.barcode });
    const seenByView = await eventNames(viewToken(), scan);
    expect(seenByView).toEqual(['display.updated']);
    const seenByTill = await eventNames(kiosk.token, scan);
    expect(seenByTill).toEqual(expect.arrayContaining(['sale.updated', 'display.updated']));
    const state = await kioskClient(kiosk.port, viewToken()).call('display.state', {});
    expect(state.json).toMatchObject({ value: { phase: 'sale', itemCount: 2 } });
  });

  it('is not the till’s token and is new at every start', async () => {
    expect(viewToken()).not.toBe(kiosk.token);
    expect(viewToken().length).toBeGreaterThanOrEqual(32);
  });
});
