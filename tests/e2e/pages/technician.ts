import type { Locator, Page } from 'playwright-core';

/** F9 打印机 / 技术员: status tiles, URI + profile, tests, finder, last job bytes, report. */
export class TechnicianPage {
  readonly printer: Locator;
  readonly profile: Locator;
  readonly online: Locator;
  readonly statusUnknown: Locator;
  readonly uri: Locator;
  readonly profileSelect: Locator;
  readonly save: Locator;
  readonly uriError: Locator;
  readonly testResult: Locator;
  readonly hexRows: Locator;
  readonly found: Locator;
  readonly report: Locator;
  readonly reportNote: Locator;
  readonly queue: Locator;
  readonly drawerResult: Locator;

  constructor(readonly page: Page) {
    this.printer = page.getByTestId('tech-printer');
    this.profile = page.getByTestId('tech-current-profile');
    this.online = page.getByTestId('tile-online');
    this.statusUnknown = page.getByTestId('tech-status-unknown');
    this.uri = page.getByTestId('tech-uri');
    this.profileSelect = page.getByTestId('tech-profile');
    this.save = page.getByTestId('tech-save');
    this.uriError = page.getByTestId('tech-uri-error');
    this.testResult = page.getByTestId('tech-test-result');
    this.hexRows = page.locator('[data-testid="hex-table"] tbody tr');
    this.found = page.getByTestId('tech-found');
    this.report = page.getByTestId('report-text');
    this.reportNote = page.getByTestId('report-note');
    this.queue = page.locator('[data-testid="print-queue"] tbody tr');
    this.drawerResult = page.getByTestId('tech-drawer-result');
  }

  async open() {
    await this.page.keyboard.press('F9');
    await this.printer.filter({ hasNotText: '…' }).waitFor();
  }

  /** The last job shown is of `kind` (test, receipt, reprint…) and has ended. */
  async waitForLastJob(kind: string, timeout = 15_000) {
    await this.page
      .locator('.tech-lastjob-head')
      .filter({ has: this.page.locator('.mono', { hasText: new RegExp(`^${kind}$`) }) })
      .locator('[data-state="PRINTED"], [data-state="FAILED"]')
      .waitFor({ timeout });
  }

  async configure(uri: string, profile?: string) {
    await this.uri.fill(uri);
    if (profile) await this.profileSelect.selectOption(profile);
    await this.save.click();
  }

  /** The queue's row of a job of this kind and state. */
  queueRow(kind: string, state: string): Locator {
    return this.page.locator(
      `[data-testid="print-queue"] tbody tr[data-kind="${kind}"][data-state="${state}"]`,
    );
  }

  async cancelJob(row: Locator, reason: string) {
    await row.getByTestId('queue-cancel').click();
    await this.page.getByTestId('cancel-reason').fill(reason);
    await this.page.getByTestId('cancel-yes').click();
  }

  hexCell(row: number, col: number): Locator {
    return this.hexRows.nth(row).locator('td').nth(col);
  }
}
