import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../printer/index';
import { DEMO } from '../helpers/kioskClient';
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
import { CashPage } from './pages/payment';
import { screenshots } from './pages/shots';
import { SupervisorPage } from './pages/supervisor';
import { TechnicianPage } from './pages/technician';

/**
 * F9 at a kiosk-mode till started without TILL_PRINTER (the built-in virtual printer): live
 * status, test pages and their bytes, a bad URI, then a switch to another (virtual) printer.
 */

describe.skipIf(!E2E_READY)('technician screen (F9)', () => {
  let host: RunningHost;
  let other: VirtualPrinter;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<string>;
  let tech: TechnicianPage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    other = await startVirtualPrinter();
    // The second printer listens on a free port outside 9100–9109: allowed as an installer would.
    host = await startHost(null, 30_000, {
      env: { TILL_PRINTER_PORTS: String(other.port) },
      signIn: DEMO.technician, // lands on F9
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchPageErrors(page, pageErrors);
    shot = screenshots(page, undefined, 40);
    tech = new TechnicianPage(page);
    await new CheckoutPage(page).open(host.url);
  }, 90_000);

  afterAll(() => tearDown(browser, host, other));

  it('opens with F9 on the built-in virtual printer, online', async () => {
    const info = await host.call('printer.info', {});
    expect(info.ok && info.value.virtual).toBe(true);
    await tech.open();
    expect(await tech.printer.textContent()).toContain('虚拟打印机');
    await tech.online.filter({ hasText: '在线' }).waitFor();
    expect(await tech.online.getAttribute('data-tone')).toBe('ok');
    await page.getByText('还没有打印任务').waitFor();
    await shot('technician');
  });

  it('prints a test page (ESC @ first, listed in the queue) and tests the drawer on its own', async () => {
    await page.keyboard.press('F2');
    await tech.waitForLastJob('test');
    expect(await tech.testResult.textContent()).toContain('已打印');
    expect(await tech.hexCell(0, 1).textContent()).toBe('1b 40');
    expect(await tech.hexCell(0, 2).textContent()).toMatch(/initiali/);
    await tech.queueRow('test', 'PRINTED').waitFor();
    await shot('technician-test-page');
    await page.keyboard.press('F3');
    await tech.drawerResult.filter({ hasText: '钱箱已打开' }).waitFor();
    expect(await tech.drawerResult.textContent()).toContain('ESC p 1b 70 00 19 fa');
    // The drawer is no print job: the queue and the last job are still the test page.
    expect(await tech.queue.count()).toBe(1);
    const meanings = await tech.hexRows.locator('td:nth-child(3)').allTextContents();
    expect(meanings.some((m) => /drawer/i.test(m))).toBe(false);
    await shot('technician-drawer');
  });

  it('refuses a malformed URI under the field and keeps the printer', async () => {
    await tech.configure('tcp//192.168.1.50 9100');
    await tech.uriError.waitFor();
    expect(await tech.uriError.textContent()).toContain('打印机地址格式不正确');
    expect(await tech.uri.getAttribute('aria-invalid')).toBe('true');
    await shot('technician-bad-uri');
    const info = await host.call('printer.info', {});
    expect(info.ok && info.value.virtual).toBe(true);
  });

  it('switches to another printer with 58 mm paper; the test page arrives there', async () => {
    await tech.configure(other.uri, '58mm');
    await tech.printer.filter({ hasText: String(other.port) }).waitFor();
    await tech.profile.filter({ hasText: '32' }).waitFor();
    expect(await tech.uriError.count()).toBe(0);
    await tech.online.filter({ hasText: '在线' }).waitFor();
    const info = await host.call('printer.info', {});
    expect(info.ok && info.value).toMatchObject({
      uri: other.uri,
      profile: '58mm',
      virtual: false,
    });
    await page.keyboard.press('F2');
    await expect.poll(() => other.jobs.length, { timeout: 15_000 }).toBe(1);
    await tech.waitForLastJob('test');
    expect(other.jobs[0]?.text).toMatch(/[-=]{32}/); // the 32-column ruler fits 58 mm paper
    await shot('technician-other-printer');
  });

  it('shows the status reason and hint when the printer cannot be read', async () => {
    await other.close();
    await tech.statusUnknown.waitFor({ timeout: 10_000 });
    expect(await tech.statusUnknown.textContent()).toMatch(/打印机/);
    await shot('technician-status-unknown');
  });

  it('finds printers (or says why not) and shows the setup report to copy', async () => {
    await page.keyboard.press('F4');
    await tech.found.waitFor({ timeout: 15_000 });
    await shot('technician-find');
    await page.keyboard.press('F5');
    await tech.report.waitFor({ timeout: 15_000 });
    expect(await tech.report.textContent()).toContain(other.uri);
    await page.getByTestId('report-copy').click();
    await tech.reportNote.waitFor();
    await shot('technician-report');
    await page.keyboard.press('Escape');
    await tech.report.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByTestId('scan-input').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

/**
 * A sale while the printer is out of paper: the Done screen says so and that it prints by
 * itself; loading paper prints it exactly once. Then the receipt preview from the job's bytes,
 * the printer's PNG, and the supervisor's reprint.
 */
describe.skipIf(!E2E_READY)('a sale while the printer is out of paper', () => {
  let printer: VirtualPrinter;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<string>;
  const pageErrors: string[] = [];
  const item = catalogue()[0]!;
  let orderId = '';

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    printer.setFault('paper-end');
    // A supervisor sells and reprints without asking anyone.
    host = await startHost(printer.uri, 30_000, { signIn: DEMO.supervisor });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchPageErrors(page, pageErrors);
    shot = screenshots(page, undefined, 50);
    await new CheckoutPage(page).open(host.url);
  }, 90_000);

  afterAll(() => tearDown(browser, host, printer));

  it('pays cash: the drawer opens anyway; Done says 缺纸 and that it prints by itself; the header counts it', async () => {
    const co = new CheckoutPage(page);
    await co.printerPill.and(page.locator('[data-state="not-ready"]')).waitFor({ timeout: 20_000 });
    expect(await co.printerPill.textContent()).toContain('缺纸');
    await co.scanAndWait(item.barcode, 1);
    const sale = await host.call('sale.current', {});
    if (!sale.ok) throw new Error(sale.error.message);
    orderId = sale.value.orderId;
    await co.payByCash();
    await new CashPage(page).typeReceived('100');
    await page.keyboard.press('Enter');
    const done = new DonePage(page);
    await done.waitUntilShown();
    await done.waitForPrintEnd();
    expect(await done.printState.getAttribute('data-state')).toBe('WAITING');
    const fail = page.getByTestId('print-fail');
    expect(await fail.textContent()).toContain('缺纸');
    expect(await page.getByTestId('print-resume-note').textContent()).toContain('装纸后将自动打印');
    expect(await page.getByText('重新打印').count()).toBe(0); // nothing for the cashier to press
    await page.locator('[data-testid="drawer-note"][data-ok="true"]').waitFor();
    expect(printer.drawerKicks.map((k) => k.command)).toEqual(['DLE DC4']);
    await co.receiptsWaiting.filter({ hasText: '1 张小票待打印' }).waitFor();
    await page.locator('[data-testid="receipt-text"][data-source="job"]').waitFor();
    await shot('done-paper-end');
    await shot('header-printer-waiting');
    expect(printer.jobs).toHaveLength(0);
  });

  it('prints once, by itself, when paper is loaded: no duplicate; the header is back to 正常', async () => {
    printer.setFault('none');
    const done = new DonePage(page);
    await page.locator('[data-testid="print-state"][data-state="PRINTED"]').waitFor({
      timeout: 15_000,
    });
    expect(await done.printState.textContent()).toContain('已打印');
    expect(await page.getByTestId('print-fail').count()).toBe(0);
    await new Promise((r) => setTimeout(r, 4_000)); // two more readiness polls
    expect(printer.jobs).toHaveLength(1);
    expect(printer.received).toHaveLength(1);
    expect(printer.jobs[0]?.text).toContain(item.name);
    const co = new CheckoutPage(page);
    await co.printerPill.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
    expect(await co.receiptsWaiting.count()).toBe(0);
    await shot('done-printed-after-paper');
  });

  it('shows the cashier the receipt decoded from the job; the printer PNG is the technician’s', async () => {
    const paper = page.locator('[data-testid="receipt-text"][data-source="job"]');
    expect(await paper.textContent()).toContain(item.name);
    expect(await paper.locator('.pl-qr img').count()).toBe(1);
    expect(await page.getByTestId('png-toggle').count()).toBe(0); // no printer internals here
    await page.keyboard.press('Enter'); // next customer
    await page.getByTestId('scan-input').waitFor();
    await new TechnicianPage(page).open();
    await page.getByTestId('png-toggle').click();
    await page.locator('img.paper-png').waitFor();
    await shot('tech-printer-png');
    await page.getByTestId('png-toggle').click();
    await page.locator('.tech-paper [data-testid="receipt-text"][data-source="job"]').waitFor();
    await page.keyboard.press('Escape');
  });

  it('supervisor reprints a marked copy after a confirm; the order lists both jobs', async () => {
    await page.keyboard.press('Enter'); // next customer
    await page.getByTestId('scan-input').waitFor();
    const sv = new SupervisorPage(page);
    await sv.open();
    await sv.find(orderId);
    await page.locator('[data-testid="receipt-text"][data-source="job"]').waitFor();
    await shot('supervisor-preview');
    await page.keyboard.press('F7');
    await page.getByRole('alertdialog').waitFor();
    await shot('supervisor-reprint-confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => printer.jobs.length, { timeout: 15_000 }).toBe(2);
    expect(printer.jobs[1]?.text).toContain('重打印');
    await page
      .locator('[data-testid="receipt-text"][data-source="job"]', { hasText: '重打印' })
      .waitFor();
    await page
      .locator('[data-testid="order-jobs"] li[data-kind="reprint"] [data-state="PRINTED"]')
      .waitFor();
    expect(await page.locator('[data-testid="order-jobs"] li').count()).toBe(2);
    await shot('supervisor-reprinted');
    await page.keyboard.press('Escape'); // the order → today's list
    await page.getByTestId('sv-results').waitFor();
    await page.keyboard.press('Escape'); // the list → checkout
    await page.getByTestId('scan-input').waitFor();
  });

  it('the print queue: jobs waiting for a printer with its cover open, one cancelled with a reason', async () => {
    printer.setFault('cover-open');
    const co = new CheckoutPage(page);
    for (const barcode of [catalogue()[1]!.barcode, catalogue()[2]!.barcode]) {
      await co.scanAndWait(barcode, 1);
      await co.payByCash();
      await new CashPage(page).typeReceived('100');
      await page.keyboard.press('Enter');
      const done = new DonePage(page);
      await done.waitUntilShown();
      await done.waitForPrintEnd();
      await page.keyboard.press('Enter');
      await page.getByTestId('scan-input').waitFor();
      await expect.poll(() => co.rows.count(), { timeout: 10_000 }).toBe(0);
    }
    await co.receiptsWaiting.filter({ hasText: '2 张小票待打印' }).waitFor({ timeout: 10_000 });
    expect(await co.printerPill.textContent()).toContain('纸仓盖未合上');
    const tech = new TechnicianPage(page);
    await tech.open();
    await expect.poll(() => tech.queueRow('receipt', 'WAITING').count()).toBe(2);
    await shot('technician-print-queue');
    await tech.cancelJob(tech.queueRow('receipt', 'WAITING').first(), '顾客不要小票');
    await tech.queueRow('receipt', 'CANCELLED').waitFor();
    expect(await tech.queueRow('receipt', 'CANCELLED').textContent()).toContain('顾客不要小票');
    await co.receiptsWaiting.filter({ hasText: '1 张小票待打印' }).waitFor();
    await shot('technician-print-queue-cancelled');
    printer.setFault('none');
    await expect
      .poll(() => tech.queueRow('receipt', 'WAITING').count(), { timeout: 15_000 })
      .toBe(0);
    await expect.poll(() => printer.jobs.length, { timeout: 15_000 }).toBe(3);
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});

/**
 * A till whose printer does not answer at start-up says so on screen, not only in the log; a
 * cash sale then tells the cashier at once that the drawer did not open, and F7 opens it once
 * the printer is back.
 */
describe.skipIf(!E2E_READY)('start-up with a printer that does not answer', () => {
  let host: RunningHost;
  let browser: Browser;
  let back: VirtualPrinter | undefined;
  let page: Page;
  let shot: (name: string) => Promise<string>;
  let port = 0;

  afterAll(() => tearDown(browser, host, back));

  it('shows 打印机：无响应 in the header', async () => {
    const gone = await startVirtualPrinter();
    const uri = gone.uri;
    port = gone.port;
    await gone.close();
    host = await startHost(uri);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    shot = screenshots(page, undefined, 70);
    const co = new CheckoutPage(page);
    await co.open(host.url);
    await co.printerPill
      .and(page.locator('[data-state="unreachable"]'))
      .waitFor({ timeout: 20_000 });
    expect(await co.printerPill.textContent()).toContain('无响应');
    expect(await co.printerPill.getAttribute('title')).toContain(uri);
    await shot('header-printer-unreachable');
  });

  it('a cash sale: 钱箱未能打开 at once, with F7; F7 opens it when the printer is back', async () => {
    const co = new CheckoutPage(page);
    await co.scanAndWait(catalogue()[4]!.barcode, 1);
    await co.payByCash();
    await new CashPage(page).typeReceived('100');
    await page.keyboard.press('Enter');
    await new DonePage(page).waitUntilShown();
    const note = page.locator('[data-testid="drawer-note"][data-ok="false"]');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toContain('钱箱未能打开');
    await shot('done-drawer-failed');
    back = await startVirtualPrinter({ port });
    await page.keyboard.press('F7');
    await page.locator('[data-testid="drawer-note"][data-ok="true"]').waitFor({ timeout: 10_000 });
    expect(back.drawerKicks).toHaveLength(1);
    await shot('done-drawer-retried');
  });
});
