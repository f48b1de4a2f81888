import type { Locator, Page } from 'playwright-core';

/**
 * 交接班 / 报表 (supervisor screen F5, any signed-in seller): the float, X at any time, Z with the
 * cash counted, the report on screen; F6 opens the drawer without a sale.
 */
export class ShiftPage {
  readonly cash: Locator;
  readonly facts: Locator;
  readonly paper: Locator;

  constructor(readonly page: Page) {
    this.cash = page.getByTestId('shift-cash');
    this.facts = page.getByTestId('shift-facts');
    this.paper = page.getByTestId('report-paper');
  }

  /** From the checkout (F6 to the supervisor screen, then F5) or from the supervisor screen. */
  async open() {
    if (await this.page.locator('main.checkout').isVisible()) {
      await this.page.keyboard.press('F6');
      await this.page.locator('main.supervisor').waitFor();
    }
    await this.page.keyboard.press('F5');
    await this.page.locator('.shift-screen').waitFor();
  }

  /** 无销售开钱箱: F6 on the shift screen. */
  async openDrawer() {
    await this.page.keyboard.press('F6');
  }

  /** Waits for the report of `kind` (X 报表, Z 报表…) on screen. */
  async report(kind: string) {
    await this.paper.filter({ hasText: kind }).waitFor();
    return (await this.paper.textContent()) ?? '';
  }

  async typeCash(yuan: string) {
    await this.cash.waitFor();
    await this.page.keyboard.type(yuan, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }
}
