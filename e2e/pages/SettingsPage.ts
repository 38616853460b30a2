// Runtime: Node (Playwright). The Settings screen: language, theme and the trainee profile form.
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  readonly root: Locator;
  readonly heading: Locator;
  readonly language: Locator;
  readonly theme: Locator;
  readonly profileName: Locator;
  readonly academyId: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly deleteProfile: Locator;
  readonly deleteDialog: Locator;
  readonly deleteConfirm: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-page');
    this.heading = this.root.getByRole('heading', { level: 1 });
    this.language = page.getByTestId('settings-language');
    this.theme = page.getByTestId('settings-theme');
    this.profileName = page.getByTestId('profile-name');
    this.academyId = page.getByTestId('profile-academy-id');
    this.save = page.getByTestId('profile-save');
    this.saved = page.getByTestId('profile-saved');
    this.deleteProfile = page.getByTestId('profile-delete');
    this.deleteDialog = page.getByTestId('profile-delete-dialog').getByRole('dialog');
    this.deleteConfirm = page.getByTestId('profile-delete-confirm');
  }

  /** Opens the dialog that asks before the active profile is deleted. */
  async askToDeleteProfile(): Promise<void> {
    await this.deleteProfile.click();
    await expect(this.deleteDialog).toBeVisible();
  }

  /** Picks a language by the name the control shows, e.g. "Русский". */
  async chooseLanguage(name: string): Promise<void> {
    await this.language.getByText(name, { exact: true }).click();
    await expect(this.language.getByRole('radio', { name })).toBeChecked();
  }

  /** Picks a theme by the label the control shows, e.g. "Dark". */
  async chooseTheme(label: string): Promise<void> {
    await this.theme.getByText(label, { exact: true }).click();
    await expect(this.theme.getByRole('radio', { name: label })).toBeChecked();
  }

  async fillProfile(name: string, academyId: string): Promise<void> {
    await this.profileName.fill(name);
    await this.academyId.fill(academyId);
  }
}
