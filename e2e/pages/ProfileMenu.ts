// Runtime: Node (Playwright). The header's profile menu: the profiles on this device and a new one.
import { expect, type Locator, type Page } from '@playwright/test';

export class ProfileMenu {
  readonly button: Locator;
  readonly newProfile: Locator;
  readonly newProfileDialog: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('profile-menu');
    this.newProfile = page.getByTestId('profile-menu-new');
    this.newProfileDialog = page.getByTestId('profile-new-modal').getByRole('dialog');
  }

  /** Adds a profile from the menu; it becomes the active one. */
  async createProfile(name: string, academyId = '', email = ''): Promise<void> {
    await this.button.click();
    await this.newProfile.click();
    await expect(this.newProfileDialog).toBeVisible();
    await this.newProfileDialog.getByTestId('profile-new-name').fill(name);
    if (academyId) await this.newProfileDialog.getByTestId('profile-new-academy').fill(academyId);
    if (email) await this.newProfileDialog.getByTestId('profile-new-email').fill(email);
    await this.newProfileDialog.getByTestId('profile-create').click();
    await expect(this.newProfileDialog).toBeHidden();
    await expect(this.page.getByTestId('profile-menu-name')).toHaveText(name);
  }
}
