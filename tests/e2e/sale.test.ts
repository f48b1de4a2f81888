import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../printer/index';
import { ean13CheckDigit } from '../../shared/codes';
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
 * One whole sale at a kiosk-mode till in the sandbox: headless Chromium types like a barcode
 * scanner into the built UI served by the real host, which prints to a loopback ESC/POS printer.
 */
/** Sandbox codes pick the customer's behaviour by their last four digits; the middle makes them unique. */
const freshCode = (suffix: string) =>
  `13${String(Date.now()).slice(-12).padStart(12, '0')}${suffix}`;

describe.skipIf(!E2E_READY)('a sale in kiosk mode (sandbox gateway, virtual printer)', () => {
  let printer: VirtualPrinter;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<string>;
  let co: CheckoutPage;
  let pay: PaymentPage;
  let done: DonePage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    host = await startHost(printer.uri);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchPageErrors(page, pageErrors);
    shot = screenshots(page);
    co = new CheckoutPage(page);
    pay = new PaymentPage(page);
    done = new DonePage(page);
    await co.open(host.url);
  }, 90_000);

  afterAll(() => tearDown(browser, host, printer));

  it('opens on an empty checkout, says SANDBOX, and takes the token out of the URL', async () => {
    expect(new URL(page.url()).hash).toBe('');
    await co.sandboxBadge.waitFor();
    expect(await co.sandboxBadge.textContent()).toContain('沙箱');
    expect(await co.scanHasFocus()).toBe(true);
    expect(await co.rows.count()).toBe(0);
    await shot('checkout-empty');
    await co.toggleSandboxCodes();
    await co.sandboxPanel.getByText('1010', { exact: true }).waitFor();
    await shot('sandbox-codes');
    await co.toggleSandboxCodes();
    expect(await co.scanHasFocus()).toBe(true);
  });

  it('shows an unknown barcode in Chinese, keeps the scan focus and changes nothing', async () => {
    const unknown = `690000000001${ean13CheckDigit('690000000001')}`; // well-formed, just not sold here
    expect(catalogue().some((p) => p.barcode === unknown)).toBe(false);
    await co.scan(unknown);
    await co.errorBanner.waitFor();
    expect(await co.errorBanner.textContent()).toContain('条码不存在');
    expect(await co.scanHasFocus()).toBe(true);
    expect(await co.rows.count()).toBe(0);
    const sale = await host.call('sale.current', {});
    expect(sale.ok && sale.value.lines).toEqual([]);
    await shot('unknown-barcode');
  });

  it('sells three scanned items for WeChat Pay (password ~10 s), then prints the receipt', async () => {
    const items = catalogue().slice(0, 3);
    for (const [i, item] of items.entries()) await co.scanAndWait(item.barcode, i + 1);
    expect(await co.lineNames()).toEqual(items.map((p) => p.name));
    const totalFen = items.reduce((n, p) => n + p.priceFen, 0);
    await co.total.filter({ hasText: formatFen(totalFen) }).waitFor();
    await expect.poll(() => co.errorBanner.count()).toBe(0);
    await shot('checkout-three-items');
    const sale = await host.call('sale.current', {});
    if (!sale.ok) throw new Error(sale.error.message);
    const orderId = sale.value.orderId;

    await co.payByWallet();
    await pay.submitCode('123456789012'); // a malformed code never reaches the host
    await pay.feedback.getByText('不是有效的微信或支付宝付款码').waitFor();
    await shot('payment-code-refused');
    const still = await host.call('sale.current', {});
    expect(still.ok && still.value.status).toBe('OPEN');

    await pay.typeCode(freshCode('1010'));
    await pay.feedback.getByText('微信付款码').waitFor();
    await shot('payment-code-ok');
    await page.keyboard.press('Enter');
    await pay.waitForState('等待顾客输入支付密码');
    await pay.secondsLeft.waitFor();
    const merchantOrderNo = (await pay.merchantOrderNo.textContent())?.trim() ?? '';
    expect(merchantOrderNo).not.toBe('');
    await shot('payment-waiting');

    await done.waitUntilShown(40_000);
    expect(await done.merchantOrderNo.textContent()).toBe(merchantOrderNo);
    expect(await done.amount.textContent()).toContain(formatFen(totalFen));
    await done.receipt.waitFor();
    await done.waitForPrintEnd();
    expect(await done.printState.getAttribute('data-state')).toBe('PRINTED');
    await shot('done-wechat');

    // The printer got GB18030 bytes with every item name on them.
    const printed = printer.rawJobs
      .map((raw) => iconv.decode(Buffer.from(raw), 'gb18030'))
      .join('\n');
    for (const item of items) expect(printed).toContain(item.name);
    // print.txt holds the same receipt.
    const txt = readFileSync(join(host.dataDir, 'print.txt'), 'utf8');
    for (const item of items) expect(txt).toContain(item.name);
    expect(txt).toContain(merchantOrderNo);
    expect(await done.receipt.textContent()).toContain(merchantOrderNo);
    // The store says PAID, under the same merchant order no.
    const db = new Database(join(host.dataDir, 'till.db'), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT status FROM orders WHERE id = ?').get(orderId)).toEqual({
        status: 'PAID',
      });
      expect(
        db.prepare('SELECT state, merchant_order_no FROM payments WHERE order_id = ?').all(orderId),
      ).toEqual([{ state: 'PAID', merchant_order_no: merchantOrderNo }]);
    } finally {
      db.close();
    }
  });

  it('Enter starts the next sale; a declined code can be followed by cash, with change', async () => {
    await done.nextSale();
    await co.scanInput.waitFor();
    // The next sale arrives from the host; on a loaded machine that takes a moment.
    await expect.poll(() => co.rows.count(), { timeout: 10_000 }).toBe(0);
    const item = catalogue()[3] ?? catalogue()[0]!;
    await co.scanAndWait(item.barcode, 1);
    const sale = await host.call('sale.current', {});
    if (!sale.ok) throw new Error(sale.error.message);

    await co.payByWallet();
    await pay.submitCode(freshCode('4444')); // sandbox: insufficient funds
    await pay.waitForState('支付失败');
    const declinedNo = (await pay.merchantOrderNo.textContent())?.trim();
    await page.getByText('按 F1 请顾客刷新付款码后重新扫码', { exact: false }).waitFor(); // what to do next
    await shot('payment-failed');

    await page.keyboard.press('F2');
    const cash = new CashPage(page);
    await cash.input.waitFor();
    await cash.typeReceived('100');
    const change = formatFen(10_000 - item.priceFen);
    await cash.change.filter({ hasText: change }).waitFor();
    await shot('cash');
    await page.keyboard.press('Enter');
    await done.waitUntilShown();
    await page.getByTestId('done-change').filter({ hasText: change }).waitFor();
    const cashNo = (await done.merchantOrderNo.textContent())?.trim();
    expect(cashNo).not.toBe(declinedNo); // a new attempt, a new merchant order no.
    await done.waitForPrintEnd();
    await shot('done-cash');
    await page.locator('.lang-toggle').click();
    await page.getByText('Payment successful').waitFor();
    await shot('done-cash-english');

    const db = new Database(join(host.dataDir, 'till.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare('SELECT state, merchant_order_no FROM payments WHERE order_id = ? ORDER BY rowid')
        .all(sale.value.orderId);
      expect(rows).toEqual([
        { state: 'FAILED', merchant_order_no: declinedNo },
        { state: 'PAID', merchant_order_no: cashNo },
      ]);
    } finally {
      db.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
