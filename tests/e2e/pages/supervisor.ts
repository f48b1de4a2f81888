import type { Locator, Page } from 'playwright-core';

/** F6 订单查询 / 退款: search, the order found, and the refund dialog. */
export class SupervisorPage {
  readonly search: Locator;
  readonly orderId: Locator;
  readonly payments: Locator;
  readonly refundAmount: Locator;
  readonly refundStates: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('sv-search');
    this.orderId = page.getByTestId('sv-order-id');
    this.payments = page.locator('[data-testid="sv-payments"] tbody tr');
    this.refundAmount = page.getByTestId('refund-amount');
    this.refundStates = page.locator('.refund-dialog [data-testid="refund-state"]');
  }

  async open() {
    await this.page.keyboard.press('F6');
    await this.search.waitFor();
  }

  /** A receipt's QR code read by the scanner: the merchant order no., then Enter. */
  async find(query: string) {
    await this.page.keyboard.type(query, { delay: 5 });
    await this.page.keyboard.press('Enter');
    await this.orderId.waitFor();
  }

  async openRefund() {
    await this.page.keyboard.press('F8');
    await this.refundAmount.waitFor();
  }
}
