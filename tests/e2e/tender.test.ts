import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../printer/index';
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
import { ApprovalPage } from './pages/signin';
import { SupervisorPage } from './pages/supervisor';
import { APPROVAL } from '../helpers/kioskClient';

/**
 * Cancel, split tender and the supervisor's refund at a kiosk-mode till in the sandbox.
 * Screenshots are numbered from 20 so they sit after sale.test.ts's.
 */
/** WeChat: 18 digits starting 13; the run's counter in the middle keeps each code single-use. */
const run = Date.now() % 1e8;
let counter = 0;
const wechatCode = (suffix: string) =>
  `13${String(run).padStart(8, '0')}${String(++counter).padStart(4, '0')}${suffix}`;

describe.skipIf(!E2E_READY)(
  'cancel, split tender and refund (kiosk, sandbox, virtual printer)',
  () => {
    let printer: VirtualPrinter;
    let host: RunningHost;
    let browser: Browser;
    let page: Page;
    let shot: (name: string) => Promise<string>;
    let co: CheckoutPage;
    let pay: PaymentPage;
    let done: DonePage;
    let paidWalletNo = '';
    let paidOrderId = '';
    const pageErrors: string[] = [];
    const db = () =>
      new Database(join(host.dataDir, 'till.db'), { readonly: true, fileMustExist: true });

    beforeAll(async () => {
      printer = await startVirtualPrinter();
      host = await startHost(printer.uri);
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      watchPageErrors(page, pageErrors);
      shot = screenshots(page, undefined, 20);
      co = new CheckoutPage(page);
      pay = new PaymentPage(page);
      done = new DonePage(page);
      await co.open(host.url);
    }, 90_000);

    afterAll(() => tearDown(browser, host, printer));

    it('cancels while the customer types the password: 正在撤销, then 交易已撤销, order open again', async () => {
      await co.scanAndWait(catalogue()[0]!.barcode, 1);
      const sale = await host.call('sale.current', {});
      if (!sale.ok) throw new Error(sale.error.message);
      await co.payByWallet();
      await pay.submitCode(wechatCode('1010'));
      await pay.waitForState('等待顾客输入支付密码');
      await pay.secondsLeft.waitFor();
      await page.getByRole('button', { name: /取消支付/ }).waitFor();
      await shot('status-pending-cancel-button');
      await pay.cancel();
      expect(await pay.cancelDialog.textContent()).toContain('将撤销该笔交易');
      await shot('status-cancel-confirm');
      // The reversal can take less than a screenshot (no query is left to wait for once the
      // cashier cancels): every state the screen shows is recorded as it is rendered.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seenStates: string[] }).seenStates = seen;
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="payment-state"]')?.textContent ?? '';
          const note = document.querySelector('.status-note')?.textContent ?? '';
          if (seen.at(-1) !== `${text}|${note}`) seen.push(`${text}|${note}`);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.keyboard.press('Enter');
      await pay.waitForState('交易已撤销，顾客未被扣款');
      const seen = await page.evaluate(
        () => (window as unknown as { seenStates: string[] }).seenStates,
      );
      expect(
        seen.some((s) => s.includes('正在撤销交易') && s.includes('撤销完成后顾客不会被扣款')),
      ).toBe(true);
      await page.getByText('收银员取消').waitFor();
      await shot('status-reversed');
      const no = (await pay.merchantOrderNo.textContent())?.trim();

      const d = db();
      try {
        expect(
          d.prepare('SELECT state, reason_code FROM payments WHERE merchant_order_no = ?').get(no),
        ).toEqual({ state: 'REVERSED', reason_code: 'CANCELED_BY_CASHIER' });
        expect(d.prepare('SELECT status FROM orders WHERE id = ?').get(sale.value.orderId)).toEqual(
          {
            status: 'OPEN',
          },
        );
      } finally {
        d.close();
      }
      await page.keyboard.press('Escape'); // ended: back to the sale, still one line
      await co.scanInput.waitFor();
      expect(await co.rows.count()).toBe(1);
    });

    it('takes ¥5 in cash, then the rest by WeChat: Done lists both, the ticket prints both', async () => {
      for (const [i, item] of catalogue().slice(1, 3).entries())
        await co.scanAndWait(item.barcode, i + 2);
      const sale = await host.call('sale.current', {});
      if (!sale.ok) throw new Error(sale.error.message);
      const total = sale.value.totalFen;
      expect(total).toBeGreaterThan(500);
      paidOrderId = sale.value.orderId;

      await co.payByCash();
      const cash = new CashPage(page);
      await cash.typeReceived('5');
      await page.getByRole('button', { name: /部分现金/ }).waitFor();
      await shot('cash-partial-offer');
      await page.keyboard.press('F3');
      await page
        .getByTestId('due')
        .filter({ hasText: formatFen(total - 500) })
        .waitFor();
      expect(await page.getByTestId('paid').textContent()).toBe(formatFen(500));
      await shot('checkout-rest-due');

      await co.payByWallet();
      await page
        .locator('.amount-due')
        .filter({ hasText: formatFen(total - 500) })
        .waitFor();
      await pay.submitCode(wechatCode('0001'));
      await done.waitUntilShown();
      const items = page.locator('[data-testid="done-payments"] > li');
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.nth(0).getAttribute('data-method')).toBe('CASH');
      expect(await items.nth(1).getAttribute('data-method')).toBe('WECHAT');
      expect(await done.amount.textContent()).toContain(formatFen(total));
      paidWalletNo = (await done.merchantOrderNo.nth(1).textContent())?.trim() ?? '';
      expect(paidWalletNo).not.toBe('');
      await done.waitForPrintEnd();
      await shot('done-split');

      const printed = printer.rawJobs
        .map((raw) => iconv.decode(Buffer.from(raw), 'gb18030'))
        .join('\n');
      expect(printed).toContain('现金');
      expect(printed).toContain('微信支付');
      expect(printed).toContain(paidWalletNo);
      const d = db();
      try {
        const rows = d
          .prepare(
            'SELECT method, state, amount_fen FROM payments WHERE order_id = ? ORDER BY rowid',
          )
          .all(paidOrderId);
        expect(rows).toEqual([
          { method: 'WECHAT', state: 'REVERSED', amount_fen: sale.value.lines[0]!.totalFen }, // the canceled try
          { method: 'CASH', state: 'PAID', amount_fen: 500 },
          { method: 'WECHAT', state: 'PAID', amount_fen: total - 500 },
        ]);
      } finally {
        d.close();
      }
    });

    it('supervisor finds the order by its merchant order no. and refunds ¥1', async () => {
      await done.nextSale();
      await co.scanInput.waitFor();
      const sv = new SupervisorPage(page);
      await sv.open();
      await shot('supervisor-empty');
      await sv.find(paidWalletNo);
      expect(await sv.orderId.textContent()).toBe(paidOrderId);
      // the attempt canceled in the first test, the cash part and the WeChat rest
      expect(await sv.payments.count()).toBe(3);
      await page.getByTestId('receipt-text').waitFor();
      await shot('supervisor-order');
      await sv.openRefund();
      await page.keyboard.type('1', { delay: 5 });
      await page.getByRole('button', { name: '顾客退货' }).click();
      await shot('refund-dialog');
      await page.keyboard.press('Enter');
      // The cashier may not refund alone: a supervisor approves on this screen (主管授权).
      const approval = new ApprovalPage(page);
      await approval.dialog.waitFor();
      await shot('refund-approval');
      await approval.approve({ userId: '8001', pin: '0000' });
      await approval.error.waitFor();
      expect(await approval.error.textContent()).toContain('工号或密码错误');
      await approval.approve(APPROVAL);
      await approval.dialog.waitFor({ state: 'detached' });
      await page.keyboard.press('Enter'); // a second press refunds once
      await sv.refundStates.filter({ hasText: '已退款' }).first().waitFor();
      await page.getByTestId('refund-split').waitFor();
      await page.locator('.refund-slip').filter({ hasText: '已打印' }).waitFor();
      await shot('refund-done');
      expect(await sv.refundStates.count()).toBe(1);
      await page.keyboard.press('Escape');
      await page.getByTestId('refund-list').waitFor();
      await shot('supervisor-after-refund');
      const d = db();
      try {
        expect(d.prepare('SELECT amount_fen, state, reason FROM refunds').all()).toEqual([
          { amount_fen: 100, state: 'REFUNDED', reason: '顾客退货' },
        ]);
        // Audited as the cashier's, with the supervisor who approved it.
        expect(
          d.prepare("SELECT actor, approver FROM audit_log WHERE action = 'refund.request'").all(),
        ).toEqual([{ actor: '1001', approver: '8001' }]);
      } finally {
        d.close();
      }
      await page.keyboard.press('Escape'); // the order → today's list
      await page.getByTestId('sv-results').waitFor();
      await page.keyboard.press('Escape'); // the list → checkout
      await co.scanInput.waitFor();
      await page.locator('.lang-toggle').click();
      await sv.open();
      await sv.find(paidOrderId);
      await shot('supervisor-order-english');
      await page.keyboard.press('Escape');
      await page.locator('.lang-toggle').click();
      expect(pageErrors).toEqual([]);
    });
  },
);
