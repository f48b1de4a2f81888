import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckoutPage } from './pages/checkout';
import {
  E2E_READY,
  catalogue,
  launchChromium,
  startHost,
  tearDown,
  watchPageErrors,
  type RunningHost,
} from './pages/host';
import { screenshots } from './pages/shots';

/**
 * The host restarts under an open kiosk tab (a crash, an update): the same tab, with no new URL,
 * keeps working, and always shows the host's cart, also one changed while it was away.
 */
describe.skipIf(!E2E_READY)('the kiosk tab survives a host restart', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let co: CheckoutPage;
  let shot: (name: string) => Promise<string>;
  const pageErrors: string[] = [];
  const goods = catalogue();
  const hostLines = async (h: RunningHost) => {
    const r = await h.call('sale.current', {});
    return r.ok ? r.value.lines.map((l) => l.name) : [];
  };

  beforeAll(async () => {
    host = await startHost('none');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchPageErrors(page, pageErrors);
    shot = screenshots(page, undefined, 80);
    co = new CheckoutPage(page);
    await co.open(host.url);
  }, 90_000);

  afterAll(() => tearDown(browser, host));

  it('a crash and restart on the same port: the tab scans on, no token error', async () => {
    for (let i = 0; i < 3; i++) await co.scanAndWait(goods[10 + i]!.barcode, i + 1);
    await host.crash();
    host = await startHost('none', 30_000, { dataDir: host.dataDir, port: host.port });
    await co.scanAndWait(goods[20]!.barcode, 4);
    expect(await co.lineNames()).toEqual(await hostLines(host));
    expect(await co.errorBanner.count()).toBe(0);
    await shot('restart-tab-keeps-working');
  });

  it('a cart changed while the tab was away is what the tab shows once it is back', async () => {
    const port = host.port;
    await host.stop();
    // Meanwhile the till ran elsewhere on the same store (another port) and the cart changed.
    const other = await startHost('none', 30_000, { dataDir: host.dataDir });
    expect((await other.call('sale.clear', {})).ok).toBe(true);
    expect((await other.call('sale.scan', { barcode: goods[30]!.barcode, qty: 2 })).ok).toBe(true);
    await other.stop();
    host = await startHost('none', 30_000, { dataDir: host.dataDir, port });
    await co.rows.filter({ hasText: goods[30]!.name }).waitFor({ timeout: 15_000 });
    await expect.poll(() => co.rows.count()).toBe(1);
    expect(await co.lineNames()).toEqual(await hostLines(host));
    await shot('restart-tab-reloaded-cart');
  });

  it('a reload of the tab after the restart needs no new URL either', async () => {
    await page.reload();
    await co.scanInput.waitFor();
    await co.rows.first().waitFor();
    expect(await co.lineNames()).toEqual(await hostLines(host));
    await co.scanAndWait(goods[31]!.barcode, 2);
    expect(pageErrors).toEqual([]);
  });
});
