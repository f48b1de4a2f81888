import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../helpers/pgCluster';
import { DEMO } from '../helpers/kioskClient';
import { createStoreDb, type StoreDb } from '../helpers/storeDb';
import { FAST_SYNC, storeOrders, waitFor } from '../helpers/syncRig';
import { CheckoutPage } from './pages/checkout';
import {
  E2E_READY,
  launchChromium,
  startHost,
  tearDown,
  watchPageErrors,
  type RunningHost,
} from './pages/host';
import { screenshots } from './pages/shots';
import { ApprovalPage } from './pages/signin';
import { SupervisorPage } from './pages/supervisor';

/**
 * Two tills of one store, each its own process and PostgreSQL login. A customer paid at till
 * 02 comes to till 01 for a copy of the receipt: the supervisor finds it by the order no.,
 * sees which till sold it, and reprints it here, marked with both tills.
 */
describe.skipIf(!E2E_READY)('a receipt made at another till, found and reprinted', () => {
  let cluster: PgCluster;
  let store: StoreDb;
  let till1: RunningHost;
  let till2: RunningHost;
  let browser: Browser;
  let page: Page;
  let orderId = '';
  const pageErrors: string[] = [];
  let shot: (name: string) => Promise<string>;

  beforeAll(async () => {
    cluster = await startPgCluster();
    store = await createStoreDb(cluster);
    const env = (url: string) => ({ TILL_SYNC_URL: url, ...FAST_SYNC });
    till1 = await startHost(null, 30_000, {
      settings: { tillNo: '01' },
      env: env(await store.till('01')),
    });
    // Till 02 is worked by 李强 (the demo supervisor sells too), till 01 by the demo cashier.
    till2 = await startHost(null, 30_000, {
      settings: { tillNo: '02' },
      env: env(await store.till('02')),
      signIn: DEMO.supervisor,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchPageErrors(page, pageErrors);
    shot = screenshots(page, undefined, 70);
  }, 90_000);

  afterAll(async () => {
    await tearDown(browser, till1);
    await tearDown(undefined, till2);
    await store?.close();
    await cluster?.destroy();
  });

  it('till 02 sells; the sale reaches the store database', async () => {
    const scan = await till2.call('sale.scan', { barcode: '6921000100009', qty: 3 });
    if (!scan.ok) throw new Error(JSON.stringify(scan));
    orderId = scan.value.orderId;
    const pay = await till2.call('pay.start', { kind: 'cash', receivedFen: 1000 });
    expect(pay.ok).toBe(true);
    await waitFor('order in the store database', async () =>
      (await storeOrders(store.admin, '02')).some((o) => o.id === orderId),
    );
  });

  it('till 01 finds it, says which till sold it, and reprints it here', async () => {
    const checkout = new CheckoutPage(page);
    await checkout.open(till1.url);
    await page.locator('[data-testid="sync-badge"][data-state="synced"]').waitFor();
    await shot('crosstill-header-synced');
    const sv = new SupervisorPage(page);
    await sv.open();
    await sv.find(orderId);
    await expect.poll(() => sv.orderId.textContent()).toBe(orderId);
    await expect.poll(() => page.getByTestId('sv-origin').textContent()).toContain('02');
    await page.locator('[data-testid="receipt-text"]', { hasText: '款台：02' }).waitFor();
    await shot('crosstill-found');
    await page.keyboard.press('F7');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Enter');
    // A copy is the supervisor's to allow: 工号 + PIN on till 01's screen.
    await new ApprovalPage(page).approve(DEMO.supervisor);
    const folder = join(till1.dataDir, 'virtual-printer');
    const paper = await waitFor('the copy on till 01 paper', async () =>
      readdirSync(folder)
        .map((f) => readFileSync(join(folder, f), 'utf8'))
        .find((p) => p.includes(orderId) && p.includes('重打印')),
    );
    expect(paper).toContain('原款台 02 售出 · 款台 01 重打印');
    expect(paper).toContain('收银员：李强');
    await shot('crosstill-reprinted');
    // Till 02 printed nothing more: the copy came out where the customer stands.
    const own = readdirSync(join(till2.dataDir, 'virtual-printer'));
    expect(own).toHaveLength(1);
  });

  it('the technician sees the link; with the server down the header says so and selling goes on', async () => {
    await page.keyboard.press('Escape'); // the order closes
    await page.locator('main.supervisor.no-order').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('scan-input').waitFor();
    await page.keyboard.press('F9');
    await page.getByTestId('tech-sync').waitFor();
    await expect.poll(() => page.getByTestId('tech-sync-state').textContent()).toContain('已同步');
    await shot('crosstill-technician-sync');
    await page.keyboard.press('Escape');
    await page.getByTestId('scan-input').waitFor();
    await cluster.stop();
    const checkout = new CheckoutPage(page);
    await checkout.scanAndWait('6921000100009', 1);
    const sale = await till1.call('pay.start', { kind: 'cash', receivedFen: 500 });
    expect(sale.ok).toBe(true);
    await page
      .locator(
        '[data-testid="sync-badge"][data-state="offline"], [data-testid="sync-badge"][data-state="connecting"]',
      )
      .waitFor({ timeout: 15_000 });
    await page
      .locator('[data-testid="sync-badge"]', { hasText: '待传' })
      .waitFor({ timeout: 15_000 });
    await shot('crosstill-header-offline');
    await cluster.start();
    await store.reconnect();
    await page
      .locator('[data-testid="sync-badge"][data-state="synced"]')
      .waitFor({ timeout: 20_000 });
    expect(pageErrors).toEqual([]);
  });
});
