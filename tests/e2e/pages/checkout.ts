import type { Locator, Page } from 'playwright-core';
import { DEMO, type SignIn } from '../../helpers/kioskClient';
import { SignInPage } from './signin';

/** The checkout screen, driven the way a till is: a scanner (keys + Enter) and F-keys. */
export class CheckoutPage {
  readonly scanInput: Locator;
  readonly rows: Locator;
  readonly total: Locator;
  readonly itemCount: Locator;
  readonly errorBanner: Locator;
  readonly sandboxBadge: Locator;
  readonly sandboxPanel: Locator;
  readonly header: Locator;
  /** The header's printer: state (data-state) and receipts waiting. */
  readonly printerPill: Locator;
  readonly receiptsWaiting: Locator;

  constructor(readonly page: Page) {
    this.scanInput = page.getByTestId('scan-input');
    this.rows = page.locator('.lines-table tbody tr');
    this.total = page.getByTestId('total');
    this.itemCount = page.getByTestId('item-count');
    this.errorBanner = page.getByRole('alert');
    this.sandboxBadge = page.locator('.sandbox-badge');
    this.sandboxPanel = page.locator('.sandbox-panel');
    this.header = page.locator('.header-bar');
    this.printerPill = page.getByTestId('printer-pill');
    this.receiptsWaiting = page.getByTestId('receipts-waiting');
  }

  /**
   * Opens the till page. When nobody is signed in at the till, signs `who` in on the sign-in
   * screen (the demo cashier by default) and opens a shift with no float if none is open.
   * Resolves on the screen the signed-in user works on (checkout; the technician's printer).
   */
  async open(url: string, who: Pick<SignIn, 'userId' | 'pin'> = DEMO.cashier) {
    await this.page.goto(url);
    await this.page.locator('.store-name').filter({ hasNotText: '…' }).waitFor();
    const any = (ids: string[]) =>
      this.page.locator(ids.map((id) => `[data-testid="${id}"]`).join(', ')).first();
    await any(['signin-user', 'scan-input', 'shift-cash', 'tech-printer']).waitFor();
    if (await this.page.getByTestId('signin-user').isVisible()) {
      await new SignInPage(this.page).signIn(who);
      await any(['scan-input', 'shift-cash', 'tech-printer']).waitFor();
    }
    if (await this.page.getByTestId('shift-cash').isVisible()) {
      await this.page.keyboard.type('0', { delay: 5 });
      await this.page.keyboard.press('Enter');
    }
    if (!(await this.page.getByTestId('tech-printer').isVisible())) await this.scanInput.waitFor();
  }

  /** A barcode scanner is a keyboard: digits, then Enter, into whatever has focus. */
  async scan(barcode: string) {
    await this.page.keyboard.type(barcode, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  async scanAndWait(barcode: string, expectedRows: number) {
    await this.scan(barcode);
    await this.rows.nth(expectedRows - 1).waitFor();
  }

  lineNames(): Promise<string[]> {
    return this.rows.locator('.line-name').allTextContents();
  }

  async scanHasFocus(): Promise<boolean> {
    return this.scanInput.evaluate((el) => el === document.activeElement);
  }

  async toggleSandboxCodes() {
    await this.sandboxBadge.click();
  }

  async payByWallet() {
    await this.page.keyboard.press('F1');
    await this.page.getByTestId('pay-code-input').waitFor();
  }

  async payByCash() {
    await this.page.keyboard.press('F2');
    await this.page.getByTestId('cash-input').waitFor();
  }
}
