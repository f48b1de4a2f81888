import type { Locator, Page } from 'playwright-core';
import type { SignIn } from '../../helpers/kioskClient';

/** The sign-in screen (工号 + 密码) and the supervisor's approval dialog (主管授权). */
export class SignInPage {
  readonly user: Locator;
  readonly pin: Locator;
  readonly demo: Locator;

  constructor(readonly page: Page) {
    this.user = page.getByTestId('signin-user');
    this.pin = page.getByTestId('signin-pin');
    this.demo = page.getByTestId('demo-users');
  }

  /** Typed as at a till's keypad: the staff number, Enter, the PIN, Enter. */
  async signIn(who: Pick<SignIn, 'userId' | 'pin'>) {
    await this.user.waitFor();
    await this.user.fill('');
    await this.user.focus();
    await this.page.keyboard.type(who.userId, { delay: 5 });
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(who.pin, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }
}

export class ApprovalPage {
  readonly dialog: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('approval-dialog');
    this.error = page.getByTestId('approval-error');
  }

  /**
   * The supervisor types their 工号, Enter, PIN, Enter on the cashier's screen. After a refused
   * try the dialog keeps the 工号 and puts the cursor on the PIN: only the PIN is typed again.
   */
  async approve(who: Pick<SignIn, 'userId' | 'pin'>) {
    await this.dialog.waitFor();
    const user = this.page.getByTestId('approval-user');
    if ((await user.inputValue()) !== who.userId) {
      await user.fill('');
      await user.focus();
      await this.page.keyboard.type(who.userId, { delay: 5 });
      await this.page.keyboard.press('Enter');
    } else await this.page.getByTestId('approval-pin').focus();
    await this.page.keyboard.type(who.pin, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }
}
