import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandboxCode, startSandboxGateway, type SandboxGateway } from '../../electron/gateway';
import { DEMO } from '../helpers/kioskClient';
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
import { PaymentPage } from './pages/payment';
import { SetupPage } from './pages/setup';
import { screenshots } from './pages/shots';

/**
 * A till whose settings name an acquirer but hold no key: it says it takes no payments, the
 * supervisor enters the key on the setup screen (supervisor screen F1), the till restarts and takes a real (acquirer) payment. Then
 * the technician checks the store (F9, F6).
 */
describe.skipIf(!E2E_READY)('setup mode and the setup screen (收款设置)', () => {
  let acquirer: SandboxGateway;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let co: CheckoutPage;
  let setup: SetupPage;
  let shot: (name: string) => Promise<string>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    acquirer = await startSandboxGateway({
      terminalSn: 'T-E2E-01',
      terminalKey: 'e2e-key-'.repeat(4),
    });
    const settings = {
      gateway: { protocol: 'upay', url: acquirer.url, terminalSn: acquirer.terminalSn },
    };
    host = await startHost('none', 30_000, { settings });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watchPageErrors(page, pageErrors);
    shot = screenshots(page, undefined, 90);
    co = new CheckoutPage(page);
    setup = new SetupPage(page);
    await co.open(host.url);
  }, 90_000);

  afterAll(() => tearDown(browser, host, acquirer));

  it('says on the checkout that no payment is taken: F2 is refused, F1 opens the setup instead', async () => {
    await setup.badge.waitFor();
    expect(await setup.badge.textContent()).toContain('未配置收款');
    expect(await co.sandboxBadge.count()).toBe(0);
    await co.scanAndWait(catalogue()[3]!.barcode, 1);
    expect(await setup.banner.textContent()).toContain('尚未配置支付网关，暂不能收款');
    await page.keyboard.press('F2');
    await co.errorBanner.filter({ hasText: '尚未配置支付网关' }).waitFor();
    expect(await page.getByTestId('cash-input').count()).toBe(0);
    await shot('setup-mode-checkout');
    // F1 is no wallet payment in setup mode: it opens the setup screen (the cashier reads why).
    await page.keyboard.press('F1');
    await page.locator('main.setup').waitFor();
    expect(await page.getByTestId('pay-code-input').count()).toBe(0);
    // A cashier reads whom to ask; the acquirer's details stay the supervisor's.
    expect(await page.getByTestId('setup-ask').textContent()).toContain('由主管用工号登录');
    expect(await setup.url.count()).toBe(0);
    await shot('setup-mode-cashier-f1');
    await page.keyboard.press('Escape');
    await co.scanInput.waitFor();
  });

  it('supervisor F1: the supervisor enters the key once; it is kept, never shown again', async () => {
    // The acquirer's key is the supervisor's to enter: they sign in at the till.
    await host.signIn(DEMO.supervisor);
    await page.getByTestId('header-user').filter({ hasText: '8001' }).waitFor();
    await page.locator('.app:not([data-screen="loading"])').waitFor();
    await page.keyboard.press('Escape');
    await setup.open();
    expect(await setup.mode.textContent()).toContain('未配置');
    expect(await setup.url.inputValue()).toBe(acquirer.url);
    expect(await setup.field('terminalSn').inputValue()).toBe(acquirer.terminalSn);
    expect(await setup.secret.getAttribute('placeholder')).toContain('必填');
    await shot('setup-screen');
    await setup.secret.fill(acquirer.terminalKey);
    await setup.save.click();
    await setup.saved.waitFor();
    expect(await setup.saved.textContent()).toContain('重新启动收银台');
    await shot('setup-saved');
  });

  it('after the restart the same tab is live and a wallet payment reaches the acquirer', async () => {
    host = await (async () => {
      await host.stop();
      return startHost('none', 30_000, { dataDir: host.dataDir, port: host.port });
    })();
    await page.keyboard.press('Escape');
    await setup.badge.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await co.sandboxBadge.count()).toBe(0);
    expect(await setup.banner.count()).toBe(0);
    const pay = new PaymentPage(page);
    await co.payByWallet();
    await pay.submitCode(makeSandboxCode('WECHAT', '0001', Date.now() % 1e9));
    await expect.poll(() => acquirer.ledger().length, { timeout: 20_000 }).toBe(1);
    await shot('setup-live-paid');
    expect(pageErrors).toEqual([]);
  });

  it('the technician runs the full store check (F9, F6) and sees the backups', async () => {
    await host.signIn(DEMO.technician); // the store tools are the technician's
    await page.goto(host.url.replace(/#.*$/, ''));
    await page.getByTestId('tech-printer').waitFor(); // a technician lands on F9
    await page.keyboard.press('F6');
    const result = page.getByTestId('store-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('数据库完好');
    expect(await result.textContent()).toMatch(/backups\/till-\d{8}T\d{6}Z\.db/);
    await shot('technician-store-check');
  });
});
