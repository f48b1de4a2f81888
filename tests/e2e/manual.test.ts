import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandboxCode, startSandboxGateway, type SandboxGateway } from '../../electron/gateway';
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
import { DEMO } from '../helpers/kioskClient';
import { CasesPage } from './pages/recovery';
import { screenshots } from './pages/shots';
import { ApprovalPage } from './pages/signin';

/**
 * The till never locks. The acquirer answers nothing but 5xx, so the till can neither learn the
 * result nor confirm its reversal: NEEDS_MANUAL. The sale is parked (挂起) and the next customer
 * pays cash at once; the header counts the open case. Once the acquirer is back the reconciler
 * confirms nothing was charged, and the supervisor closes the case as unpaid.
 */
const SCALE = 20; // acquirer time 20× faster on both sides: the 45 s window lasts 2.25 s

describe.skipIf(!E2E_READY)(
  'gateway outage: a parked case, the next customer, the supervisor',
  () => {
    let sandbox: SandboxGateway;
    let host: RunningHost;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      const t0 = Date.now();
      sandbox = await startSandboxGateway({ now: () => t0 + (Date.now() - t0) * SCALE });
      host = await startHost('none', 30_000, {
        settings: {
          gateway: {
            url: sandbox.url,
            terminalSn: sandbox.terminalSn,
            terminalKey: sandbox.terminalKey,
          },
        },
        env: {
          TILL_GATEWAY: sandbox.url,
          TILL_TIME_SCALE: String(SCALE),
          TILL_RECONCILE_MS: '1000',
        },
      });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      watchPageErrors(page, pageErrors);
      await new CheckoutPage(page).open(host.url);
    }, 90_000);

    afterAll(() => tearDown(browser, host, sandbox));

    it('NEEDS_MANUAL parks the sale; cash for the next customer at once; the supervisor closes the case later', async () => {
      const shot = screenshots(page, undefined, 60);
      const co = new CheckoutPage(page);
      const pay = new PaymentPage(page);
      const cash = new CashPage(page);
      const done = new DonePage(page);
      const cases = new CasesPage(page);
      await co.scanAndWait(catalogue()[5]!.barcode, 1);
      await co.payByWallet();
      sandbox.setFaults({ http5xx: 10_000 }); // the acquirer is down: every call is a 500
      await pay.submitCode(makeSandboxCode('WECHAT', '0001', Date.now() % 1e9));
      await pay.waitForState('无法确认支付结果', 30_000);
      await page.getByText('请勿交付商品', { exact: false }).first().waitFor();
      await page.getByTestId('manual-parked').waitFor();
      const no = (await pay.merchantOrderNo.textContent())?.trim() ?? '';
      expect(no).toMatch(/^\d{24}$/);
      await shot('status-needs-manual');

      const db = new Database(join(host.dataDir, 'till.db'), { readonly: true });
      try {
        const row = db
          .prepare('SELECT state, order_id FROM payments WHERE merchant_order_no = ?')
          .get(no) as { state: string; order_id: string };
        // The reconciler retries the case every second (REVERSING, then NEEDS_MANUAL again): the
        // log shows it became a case, and it is one still, whichever instant is read.
        expect(
          db
            .prepare(
              `SELECT t.to_state FROM payment_transitions t JOIN payments p ON p.id = t.payment_id
               WHERE p.merchant_order_no = ?`,
            )
            .pluck()
            .all(no),
        ).toContain('NEEDS_MANUAL');
        expect(['NEEDS_MANUAL', 'REVERSING']).toContain(row.state);
        expect(db.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(row.order_id)).toBe(
          'PARKED',
        );
        expect(sandbox.ledger()).toEqual([]); // nobody was charged: the pay never reached it

        // The next customer, at once, in cash — while the acquirer is still down.
        await page.keyboard.press('Enter'); // 下一位顾客
        await co.scanInput.waitFor();
        expect(await co.rows.count()).toBe(0);
        await cases.badge.getByText('1').waitFor();
        await co.scanAndWait(catalogue()[1]!.barcode, 1);
        await co.payByCash();
        await cash.typeReceived('100');
        await page.keyboard.press('Enter');
        await done.waitUntilShown();
        await shot('next-customer-cash');
        await done.nextSale();
        await co.scanInput.waitFor();

        sandbox.setFaults({ http5xx: 0 }); // the acquirer is back; the reconciler confirms
        for (let i = 0; i < 300; i++) {
          const s = db.prepare('SELECT state FROM payments WHERE merchant_order_no = ?').pluck();
          if (s.get(no) === 'REVERSED') break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(
          db.prepare('SELECT state FROM payments WHERE merchant_order_no = ?').pluck().get(no),
        ).toBe('REVERSED');
        // Still listed: only the supervisor closes it.
        await cases.open();
        await cases.waitForStatus('NOT_CHARGED');
        await shot('cases-not-charged');
        await page.keyboard.press('F9'); // 关闭为未付款
        await page.getByRole('alertdialog').waitFor();
        await shot('cases-confirm-close');
        await page.keyboard.press('Enter');
        // The cashier is signed in: the supervisor approves at this till (工号 + PIN).
        await page.getByTestId('approval-dialog').waitFor();
        await shot('cases-close-approval');
        await new ApprovalPage(page).approve(DEMO.supervisor);
        await cases.waitForStatus('RESOLVED');
        await cases.badge.waitFor({ state: 'detached' });
        await shot('cases-resolved');
        expect(db.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(row.order_id)).toBe(
          'VOID',
        );
        expect(
          db.prepare('SELECT state, resolution FROM cases WHERE order_id = ?').get(row.order_id),
        ).toEqual({ state: 'RESOLVED', resolution: 'CLOSED_UNPAID' });
      } finally {
        db.close();
      }
      expect(pageErrors).toEqual([]);
    }, 120_000);
  },
);
