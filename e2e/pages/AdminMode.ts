// Runtime: Node (Playwright). Administrator mode: the unlock panel shown in place of what the passphrase
// guards, and the header's indicator with its Lock button.
import { expect, type Locator, type Page } from '@playwright/test';

export class AdminMode {
  readonly unlockPanel: Locator;
  readonly reason: Locator;
  readonly passphrase: Locator;
  readonly unlockButton: Locator;
  readonly indicator: Locator;
  readonly lockButton: Locator;

  constructor(readonly page: Page) {
    this.unlockPanel = page.getByTestId('admin-unlock-panel');
    this.reason = this.unlockPanel.getByTestId('admin-unlock-reason');
    this.passphrase = this.unlockPanel.getByLabel('Administrator passphrase', { exact: true });
    this.unlockButton = this.unlockPanel.getByRole('button', { name: 'Unlock' });
    this.indicator = page.getByTestId('admin-indicator');
    this.lockButton = page.getByRole('button', { name: 'Lock administrator mode' });
  }

  /** Types the passphrase and presses Enter, as the panel offers. */
  async tryPassphrase(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.passphrase.press('Enter');
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
    await expect(this.indicator).toBeHidden();
  }
}
