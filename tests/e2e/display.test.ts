import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../shared/money';
import { CheckoutPage } from './pages/checkout';
import { DonePage } from './pages/done';
import {
  E2E_READY,
  catalogue,
  launchChromium,
  startHost,
  tearDown,
  watchPageErrors,
  type RunningHost,
} from './pages/host';
import { CashPage, PaymentPage } from './pages/payment';
import { screenshots } from './pages/shots';

/**
 * The customer display (客显) in kiosk mode: its own page with a view-only token follows the
 * till through a sale — the goods and what to pay, the wallet payment, 支付成功, the change —
 * and cannot change anything. Screenshots from 70.
 */
const run = Date.now() % 1e8;
const wechat = (suffix: string) => `13${String(run).padStart(8, '0')}0001${suffix}`;

describe.skipIf(!E2E_READY)('customer display follows a sale', () => {
  let host: RunningHost;
  let browser: Browser;
  let till: Page;
  let display: Page;
  let shot: (name: string) => Promise<string>;
  const errors: string[] = [];
  const goods = catalogue();

  beforeAll(async () => {
    host = await startHost(null);
    browser = await launchChromium();
    till = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    display = await browser.newPage({ viewport: { width: 1024, height: 600 } });
    watchPageErrors(till, errors);
    watchPageErrors(display, errors);
    shot = screenshots(display, undefined, 70);
    await new CheckoutPage(till).open(host.url);
    await display.goto(host.displayUrl);
  }, 90_000);
  afterAll(() => tearDown(browser, host));

  it('welcomes, then shows each item and what to pay as the cashier scans', async () => {
    await display.locator('[data-phase="idle"]').getByText('欢迎光临').waitFor();
    expect(new URL(display.url()).hash).toBe('#display'); // the token left the address bar
    await shot('display-idle');
    const co = new CheckoutPage(till);
    const [a, b] = [goods[0]!, goods[5]!];
    await co.scanAndWait(`3*${a.barcode}`, 1);
    await co.scanAndWait(b.barcode, 2);
    const total = formatFen(3 * a.priceFen + b.priceFen);
    await display.getByTestId('cd-due').filter({ hasText: total }).waitFor();
    expect(await display.getByTestId('cd-lines').textContent()).toContain(a.name);
    expect(await display.getByTestId('cd-lines').textContent()).toContain(b.name);
    expect(await display.getByTestId('cd-sandbox').textContent()).toContain('SANDBOX');
    await shot('display-sale');
  });

  it('says the customer is paying, then 支付成功, until the next customer’s first item', async () => {
    const pay = new PaymentPage(till);
    await new CheckoutPage(till).payByWallet();
    await pay.submitCode(wechat('1010')); // ~10 s in the password dialog
    await display
      .locator('[data-phase="paying"]')
      .getByText('请在手机上确认付款')
      .waitFor({ timeout: 15_000 });
    await shot('display-paying');
    const done = new DonePage(till);
    await done.waitUntilShown(40_000);
    await display.getByTestId('cd-paid').waitFor({ timeout: 10_000 });
    expect(await display.getByTestId('cd-paid').textContent()).toBe('支付成功');
    await shot('display-paid');
    // No order number or payment code reaches the customer's screen.
    const text = (await display.locator('body').textContent()) ?? '';
    expect(text).not.toContain(wechat('1010'));
    expect(text).not.toMatch(/\d{18,}/);

    await done.nextSale();
    await till.getByTestId('scan-input').waitFor();
    await display.waitForTimeout(500);
    expect(await display.getByTestId('cd-paid').count()).toBe(1); // still 支付成功
    await new CheckoutPage(till).scanAndWait(goods[2]!.barcode, 1);
    await display.locator('[data-phase="sale"]').waitFor();
  });

  it('shows the change after cash', async () => {
    await new CheckoutPage(till).payByCash();
    await new CashPage(till).typeReceived('100');
    await till.keyboard.press('Enter');
    await display
      .getByTestId('cd-change')
      .filter({ hasText: formatFen(10_000 - goods[2]!.priceFen) })
      .waitFor();
    await shot('display-change');
    await new DonePage(till).nextSale();
  });

  it('cannot change the sale: every write channel is refused for its token', async () => {
    const answers = await display.evaluate(async (barcode) => {
      const token = sessionStorage.getItem('till.view') ?? '';
      const call = async (channel: string, body: unknown) => {
        const r = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        return [r.status, ((await r.json()) as { error?: { code: string } }).error?.code ?? 'ok'];
      };
      return [
        await call('sale.scan', { barcode }),
        await call('sale.clear', {}),
        await call('pay.start', { kind: 'cash', receivedFen: 100 }),
        await call('order.refund', { orderId: 'x', requestId: 'r1' }),
        await call('display.state', {}),
      ];
    }, goods[1]!.barcode);
    expect(answers).toEqual([
      [403, 'VIEW_ONLY'],
      [403, 'VIEW_ONLY'],
      [403, 'VIEW_ONLY'],
      [403, 'VIEW_ONLY'],
      [200, 'ok'],
    ]);
    const sale = await host.call('sale.current', {});
    expect(sale.ok && sale.value.lines).toEqual([]);
    expect(errors).toEqual([]);
  });
});
