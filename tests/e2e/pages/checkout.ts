import type { Locator, Page } from 'playwright-core';

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

  async open(url: string) {
    await this.page.goto(url);
    await this.scanInput.waitFor();
    await this.page.locator('.store-name').filter({ hasNotText: '…' }).waitFor();
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
