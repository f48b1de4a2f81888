import type { Locator, Page } from 'playwright-core';

/** F7 交接班 / 报表: the float, X at any time, Z with the cash counted, the report on screen. */
export class ShiftPage {
  readonly cash: Locator;
  readonly facts: Locator;
  readonly paper: Locator;

  constructor(readonly page: Page) {
    this.cash = page.getByTestId('shift-cash');
    this.facts = page.getByTestId('shift-facts');
    this.paper = page.getByTestId('report-paper');
  }

  async open() {
    await this.page.keyboard.press('F7');
    await this.page.locator('.shift-screen').waitFor();
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
