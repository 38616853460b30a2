// Runtime: Node (Playwright). Settings → Academy: the academy's name, IRI and the identity field its LMS
// uses, and the administrator passphrase (set in its own dialog).
import { expect, type Locator, type Page } from '@playwright/test';

export interface AcademyDetails {
  name: string;
  iri: string;
  /** The identity field's label as the form shows it. */
  identity: 'Academy ID' | 'E-mail';
}

export class AcademySettingsPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly iri: Locator;
  readonly identity: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly passphraseStatus: Locator;
  readonly setPassphrase: Locator;
  readonly passphraseDialog: Locator;
  readonly newPassphrase: Locator;
  readonly confirmPassphrase: Locator;
  readonly passphraseDone: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-academy');
    this.name = this.root.getByRole('textbox', { name: 'Academy name' });
    this.iri = this.root.getByRole('textbox', { name: 'Academy IRI' });
    this.identity = this.root.getByRole('radiogroup', { name: "The academy's LMS recognises trainees by" });
    this.save = this.root.getByRole('button', { name: 'Save academy settings' });
    this.saved = this.root.getByTestId('academy-saved');
    this.passphraseStatus = this.root.getByTestId('admin-passphrase-status');
    this.setPassphrase = this.root.getByRole('button', { name: 'Set a passphrase…' });
    this.passphraseDialog = page.getByRole('dialog', { name: 'Set the administrator passphrase' });
    this.newPassphrase = this.passphraseDialog.getByLabel('New passphrase', { exact: true });
    this.confirmPassphrase = this.passphraseDialog.getByLabel('Type the new passphrase again', { exact: true });
    this.passphraseDone = this.root.getByTestId('admin-passphrase-done');
  }

  async saveAcademy({ name, iri, identity }: AcademyDetails): Promise<void> {
    await this.name.fill(name);
    await this.iri.fill(iri);
    await this.identity.getByRole('radio', { name: identity }).check();
    await this.save.click();
    await expect(this.saved).toHaveText('Academy settings saved.');
  }

  /** Opens the dialog that sets the passphrase (`enterPassphrase` then types it twice and submits with Enter). */
  async openPassphraseDialog(): Promise<void> {
    await this.setPassphrase.click();
    await expect(this.passphraseDialog).toBeVisible();
  }

  async enterPassphrase(passphrase: string): Promise<void> {
    await this.newPassphrase.fill(passphrase);
    await this.confirmPassphrase.fill(passphrase);
    await this.confirmPassphrase.press('Enter');
    // scrypt takes a moment on purpose, longer on a busy machine.
    await expect(this.passphraseDialog).toBeHidden({ timeout: 30_000 });
  }
}
