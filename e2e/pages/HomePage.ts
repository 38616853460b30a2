// Runtime: Node (Playwright). The welcome screen.
import type { Locator, Page } from '@playwright/test';

export class HomePage {
  readonly root: Locator;
  readonly greeting: Locator;
  readonly setupProfile: Locator;
  readonly profileCard: Locator;
  readonly version: Locator;
  readonly runtime: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('home-page');
    this.greeting = page.getByTestId('home-greeting');
    this.setupProfile = page.getByTestId('home-setup-profile');
    this.profileCard = page.getByTestId('home-profile');
    this.version = page.getByTestId('home-version');
    this.runtime = page.getByTestId('home-runtime');
  }
}
