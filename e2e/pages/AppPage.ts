// Runtime: Node (Playwright). The app shell: navigation, header and the document-wide state.
import { expect, type Locator, type Page } from '@playwright/test';
import { AboutDialog } from './AboutDialog';
import { HomePage } from './HomePage';
import { SettingsPage } from './SettingsPage';

export class AppPage {
  readonly shell: Locator;
  readonly html: Locator;
  readonly burger: Locator;
  readonly navHome: Locator;
  readonly navSettings: Locator;
  readonly navAbout: Locator;
  readonly storageError: Locator;

  constructor(readonly page: Page) {
    this.shell = page.getByTestId('app-shell');
    this.html = page.locator('html');
    this.burger = page.locator('header').getByRole('button');
    this.navHome = page.getByTestId('nav-home');
    this.navSettings = page.getByTestId('nav-settings');
    this.navAbout = page.getByTestId('nav-about');
    this.storageError = page.getByTestId('storage-error');
  }

  get home(): HomePage {
    return new HomePage(this.page);
  }

  get settings(): SettingsPage {
    return new SettingsPage(this.page);
  }

  get about(): AboutDialog {
    return new AboutDialog(this.page);
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.shell).toBeVisible();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.shell).toBeVisible();
  }

  async goHome(): Promise<HomePage> {
    await this.navHome.click();
    await expect(this.home.root).toBeVisible();
    return this.home;
  }

  async goToSettings(): Promise<SettingsPage> {
    await this.navSettings.click();
    await expect(this.settings.root).toBeVisible();
    return this.settings;
  }

  async openAbout(): Promise<AboutDialog> {
    await this.navAbout.click();
    await expect(this.about.root).toBeVisible();
    return this.about;
  }

  /** The colour scheme Mantine applied to the page: `light` or `dark`. */
  async expectColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await expect(this.html).toHaveAttribute('data-mantine-color-scheme', scheme);
  }

  async expectLanguage(language: 'en' | 'ru'): Promise<void> {
    await expect(this.html).toHaveAttribute('lang', language);
  }
}
