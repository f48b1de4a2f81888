import type { Locator, Page } from 'playwright-core';

/**
 * 收款设置: the mode and why, the acquirer form; and the setup-mode marks on checkout. Opened by
 * F1 on the checkout in setup mode (no payment there) or, for a supervisor with no order open,
 * F1 on the supervisor screen.
 */
export class SetupPage {
  readonly badge: Locator;
  readonly banner: Locator;
  readonly mode: Locator;
  readonly protocol: Locator;
  readonly url: Locator;
  readonly secret: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('setup-badge');
    this.banner = page.getByTestId('setup-banner');
    this.mode = page.getByTestId('setup-mode');
    this.protocol = page.getByTestId('setup-protocol');
    this.url = page.getByTestId('setup-url');
    this.secret = page.getByTestId('setup-secret');
    this.save = page.getByTestId('setup-save');
    this.saved = page.getByTestId('setup-saved');
    this.error = page.getByTestId('setup-error');
  }

  async open() {
    const checkout = this.page.locator('main.checkout');
    if ((await checkout.isVisible()) && !(await this.banner.isVisible())) {
      await this.page.keyboard.press('F6'); // not in setup mode: by way of the supervisor screen
      await this.page.locator('main.supervisor').waitFor();
    }
    await this.page.keyboard.press('F1');
    await this.mode.waitFor();
  }

  field(name: string): Locator {
    return this.page.getByTestId(`setup-${name}`);
  }
}
