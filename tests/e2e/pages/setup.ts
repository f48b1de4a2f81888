import type { Locator, Page } from 'playwright-core';

/** F10 收款设置: the mode and why, the acquirer form; and the setup-mode marks on checkout. */
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
    await this.page.keyboard.press('F10');
    await this.mode.waitFor();
  }

  field(name: string): Locator {
    return this.page.getByTestId(`setup-${name}`);
  }
}
