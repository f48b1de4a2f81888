import type { Locator, Page } from 'playwright-core';

/** 支付成功: amounts, the three order numbers, the print state and the receipt preview. */
export class DonePage {
  readonly title: Locator;
  readonly amount: Locator;
  readonly merchantOrderNo: Locator;
  readonly thirdPartyOrderNo: Locator;
  readonly printState: Locator;
  readonly receipt: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('done-title');
    this.amount = page.getByTestId('done-amount');
    this.merchantOrderNo = page.getByTestId('merchantOrderNo');
    this.thirdPartyOrderNo = page.getByTestId('thirdPartyOrderNo');
    this.printState = page.getByTestId('print-state');
    this.receipt = page.getByTestId('receipt-text');
  }

  async waitUntilShown(timeout = 30_000) {
    await this.title.waitFor({ timeout });
  }

  /** The receipt's job has left the queue: printed, waiting for the printer, or to decide. */
  async waitForPrintEnd(timeout = 20_000) {
    await this.page
      .locator(
        ['PRINTED', 'FAILED', 'WAITING', 'INTERRUPTED']
          .map((s) => `[data-testid="print-state"][data-state="${s}"]`)
          .join(', '),
      )
      .waitFor({ timeout });
  }

  async nextSale() {
    await this.page.keyboard.press('Enter');
  }
}
