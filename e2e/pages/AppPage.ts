// Runtime: Node (Playwright). The app shell: navigation, header and the document-wide state.
import { expect, type Locator, type Page } from '@playwright/test';
import { AboutDialog } from './AboutDialog';
import { CataloguePage } from './CataloguePage';
import { HistoryPage } from './HistoryPage';
import { ProfileGate } from './ProfileGate';
import { RecordsPage } from './RecordsPage';
import { HomePage } from './HomePage';
import { SettingsPage } from './SettingsPage';

export class AppPage {
  readonly shell: Locator;
  readonly html: Locator;
  readonly burger: Locator;
  readonly navHome: Locator;
  readonly navSettings: Locator;
  readonly navAbout: Locator;
  readonly navHistory: Locator;
  readonly navRecords: Locator;
  readonly storageError: Locator;
  readonly languageMenu: Locator;

  constructor(readonly page: Page) {
    this.shell = page.getByTestId('app-shell');
    this.html = page.locator('html');
    this.burger = page.getByTestId('nav-burger');
    this.navHome = page.getByTestId('nav-home');
    this.navSettings = page.getByTestId('nav-settings');
    this.navAbout = page.getByTestId('nav-about');
    this.navHistory = page.getByTestId('nav-history');
    this.navRecords = page.getByTestId('nav-records');
    this.languageMenu = page.getByTestId('header-language');
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

  get profileGate(): ProfileGate {
    return new ProfileGate(this.page);
  }

  /** Opens the catalogue; creates a profile first when the app asks for one. */
  async goToCatalogue(profileName?: string): Promise<CataloguePage> {
    await this.open('/#/catalogue');
    if (profileName) await this.profileGate.createProfile(profileName);
    const catalogue = new CataloguePage(this.page);
    await expect(catalogue.title).toBeVisible();
    return catalogue;
  }

  async goToHistory(): Promise<HistoryPage> {
    await this.navHistory.click();
    const history = new HistoryPage(this.page);
    await expect(history.root).toBeVisible();
    return history;
  }

  /** Opens Records from the navigation (in the same window: administrator mode, if on, stays on). */
  async goToRecords(): Promise<RecordsPage> {
    await this.navRecords.click();
    const records = new RecordsPage(this.page);
    await expect(records.root).toBeVisible();
    return records;
  }

  /** Changes the UI language from the header, wherever the trainee is. */
  async switchLanguage(language: 'en' | 'ru' | 'uk'): Promise<void> {
    await this.languageMenu.click();
    await this.page.getByTestId(`header-language-${language}`).click();
    await this.expectLanguage(language);
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

  /** Pictures the page as it stands in the light scheme, then the dark one, and returns to light. */
  async screenshotInBothSchemes(saveScreenshot: (name: string) => Promise<void>, name: string): Promise<void> {
    // The pointer left over a button (Next event) would hold its tooltip open in the pictures.
    await this.page.mouse.move(0, 0);
    await saveScreenshot(`${name}-light`);
    await this.page.emulateMedia({ colorScheme: 'dark' });
    await this.expectColorScheme('dark');
    await saveScreenshot(`${name}-dark`);
    await this.page.emulateMedia({ colorScheme: 'light' });
    await this.expectColorScheme('light');
  }

  async expectLanguage(language: 'en' | 'ru' | 'uk'): Promise<void> {
    await expect(this.html).toHaveAttribute('lang', language);
  }
}
