import type { Locator, Page } from 'playwright-core';

/** F1: payment-code entry, then the live payment status. */
export class PaymentPage {
  readonly codeInput: Locator;
  readonly feedback: Locator;
  readonly state: Locator;
  readonly secondsLeft: Locator;
  readonly merchantOrderNo: Locator;
  readonly cancelDialog: Locator;

  constructor(readonly page: Page) {
    this.cancelDialog = page.getByRole('alertdialog');
    this.codeInput = page.getByTestId('pay-code-input');
    this.feedback = page.getByTestId('pay-code-feedback');
    this.state = page.getByTestId('payment-state');
    this.secondsLeft = page.getByTestId('seconds-left');
    this.merchantOrderNo = page.getByTestId('merchant-order-no');
  }

  async typeCode(code: string) {
    await this.page.keyboard.type(code, { delay: 5 });
  }

  async submitCode(code: string) {
    await this.typeCode(code);
    await this.page.keyboard.press('Enter');
  }

  async waitForState(text: string, timeout = 20_000) {
    await this.state.filter({ hasText: text }).waitFor({ timeout });
  }

  /** Esc opens 取消支付's confirm dialog; Enter confirms it. */
  async cancel() {
    await this.page.keyboard.press('Escape');
    await this.cancelDialog.waitFor();
  }

  async back() {
    await this.page.keyboard.press('Escape');
  }
}

/** F2: cash received and the change; F3 takes part in cash (split tender). */
export class CashPage {
  readonly input: Locator;
  readonly change: Locator;
  readonly feedback: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('cash-input');
    this.change = page.getByTestId('cash-change');
    this.feedback = page.getByTestId('cash-feedback');
  }

  async typeReceived(yuan: string) {
    await this.page.keyboard.type(yuan, { delay: 5 });
  }
}
