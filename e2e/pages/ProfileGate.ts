// Runtime: Node (Playwright). The "who is training?" card screens show before there is a profile.
import { expect, type Locator, type Page } from '@playwright/test';

export class ProfileGate {
  readonly root: Locator;
  readonly name: Locator;
  readonly academyId: Locator;
  readonly email: Locator;
  readonly create: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('profile-gate');
    this.name = page.getByTestId('profile-new-name');
    this.academyId = page.getByTestId('profile-new-academy');
    this.email = page.getByTestId('profile-new-email');
    this.create = page.getByTestId('profile-create');
  }

  async createProfile(name: string, academyId = '', email = ''): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.name.fill(name);
    if (academyId) await this.academyId.fill(academyId);
    if (email) await this.email.fill(email);
    await this.create.click();
    await expect(this.root).toHaveCount(0);
  }
}
