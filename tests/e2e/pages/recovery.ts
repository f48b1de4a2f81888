import type { Locator, Page } from 'playwright-core';

/** 收银异常处理: the wizard's steps, answered by keys as a cashier would (F1/F2, Enter, F5/F7). */
export class RecoveryPage {
  readonly screen: Locator;
  readonly number: Locator;
  readonly lookupError: Locator;
  readonly verdict: Locator;
  readonly gateway: Locator;
  readonly tillRecord: Locator;
  readonly countdown: Locator;
  readonly withheld: Locator;
  readonly recorded: Locator;
  readonly printTxt: Locator;
  readonly printTxtContent: Locator;
  readonly template: Locator;
  readonly printerStatus: Locator;
  readonly reprint: Locator;

  constructor(readonly page: Page) {
    this.screen = page.locator('main.recovery');
    this.number = page.getByTestId('rc-number');
    this.lookupError = page.getByTestId('rc-lookup-error');
    this.verdict = page.getByTestId('rc-verdict');
    this.gateway = page.getByTestId('rc-gateway');
    this.tillRecord = page.getByTestId('rc-till-record');
    this.countdown = page.getByTestId('rc-countdown');
    this.withheld = page.getByTestId('rc-withheld');
    this.recorded = page.getByTestId('rc-recorded');
    this.printTxt = page.getByTestId('rc-print-txt');
    this.printTxtContent = page.getByTestId('rc-print-txt-content');
    this.template = page.getByTestId('rc-template');
    this.printerStatus = page.getByTestId('rc-printer-status');
    this.reprint = page.getByTestId('rc-reprint');
  }

  /**
   * F10 (收银异常) opens it from the checkout, Done and the payment status screen; F3 from the
   * supervisor's screens, whose F10 is the list of cases.
   */
  async open() {
    const supervisor = await this.page.locator('main.supervisor, main.cases').first().isVisible();
    await this.page.keyboard.press(supervisor ? 'F3' : 'F10');
    await this.waitForStep('voucher');
  }

  async waitForStep(step: string, timeout = 20_000) {
    await this.page.locator(`main.recovery[data-step="${step}"]`).waitFor({ timeout });
  }

  /** a: F1 = yes, the customer has a payment-success voucher; F2 = no. */
  async voucher(yes: boolean) {
    await this.page.keyboard.press(yes ? 'F1' : 'F2');
  }

  /** b: the number from the voucher, typed or scanned (a scanner types, then Enter). */
  async lookUp(number: string) {
    await this.number.waitFor();
    await this.number.fill('');
    await this.page.keyboard.type(number, { delay: 3 });
    await this.page.keyboard.press('Enter');
  }

  async close() {
    await this.page.keyboard.press('Escape');
    await this.screen.waitFor({ state: 'detached' });
  }
}

/** 挂起的订单 / 异常单: the supervisor's list, opened from the header's count. */
export class CasesPage {
  readonly badge: Locator;
  readonly cards: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('case-badge');
    this.cards = page.getByTestId('case-card');
    this.timeline = page.getByTestId('timeline');
  }

  async open() {
    await this.badge.click();
    await this.page.locator('main.cases').waitFor();
  }

  async waitForStatus(status: string, timeout = 30_000) {
    await this.page.locator(`[data-testid="case-card"][data-status="${status}"]`).first().waitFor({
      timeout,
    });
  }
}
