// Runtime: Node (Playwright). Badges: Settings → Academy signing key (create it under the administrator
// passphrase, its did:key), the dialog that issues a badge from a completed course's attempts in Records
// (sign, save as JSON or PNG), and "Verify a badge…" (open a file, read the verdict).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class AcademyKeyCard {
  readonly root: Locator;
  readonly createButton: Locator;
  readonly createDialog: Locator;
  readonly didKey: Locator;
  readonly notice: Locator;
  readonly kept: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-academy-key');
    this.createButton = this.root.getByRole('button', { name: 'Create the signing key…' });
    this.createDialog = page.getByRole('dialog', { name: "Create the academy's signing key" });
    this.didKey = this.root.getByTestId('academy-key-did-key');
    this.notice = this.root.getByTestId('academy-key-notice');
    this.kept = this.root.getByTestId('academy-key-kept');
  }

  /** Creates the key under the administrator passphrase, typed in its dialog and submitted with Enter. */
  async create(passphrase: string): Promise<void> {
    await this.createButton.click();
    await expect(this.createDialog).toBeVisible();
    const field = this.createDialog.getByLabel('Administrator passphrase', { exact: true });
    await field.fill(passphrase);
    await field.press('Enter');
    // scrypt checks the passphrase, then seals the key: a moment each, longer on a busy machine.
    await expect(this.createDialog).toBeHidden({ timeout: 60_000 });
    await expect(this.notice).toContainText('signing key was created');
  }
}

export class IssueBadgeDialog {
  readonly root: Locator;
  readonly passphrase: Locator;
  readonly sign: Locator;
  readonly signed: Locator;
  readonly summary: Locator;
  readonly saveJson: Locator;
  readonly savePng: Locator;
  readonly close: Locator;

  constructor(
    readonly page: Page,
    course: string,
  ) {
    this.root = page.getByRole('dialog', { name: `Issue a badge: ${course}` });
    this.passphrase = this.root.getByLabel('Administrator passphrase', { exact: true });
    this.sign = this.root.getByRole('button', { name: 'Sign the badge' });
    this.signed = this.root.getByTestId('issue-badge-signed');
    this.summary = this.root.getByTestId('issue-badge-summary');
    this.saveJson = this.root.getByRole('button', { name: 'Save as JSON' });
    this.savePng = this.root.getByRole('button', { name: 'Save as PNG badge' });
    this.close = this.root.getByRole('button', { name: 'Close' }).last();
  }

  async signWith(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.sign.click();
    await expect(this.signed).toBeVisible({ timeout: 60_000 });
  }

  /** Clicks a save button and returns the download the browser starts. */
  async download(button: Locator): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await button.click();
    return downloading;
  }
}

export class VerifyBadgeDialog {
  readonly opener: Locator;
  readonly root: Locator;
  readonly open: Locator;
  readonly result: Locator;
  readonly valid: Locator;
  readonly invalid: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.opener = page.getByRole('button', { name: 'Verify a badge…' });
    this.root = page.getByRole('dialog', { name: 'Verify a badge' });
    this.open = this.root.getByRole('button', { name: 'Open a badge…' });
    this.result = this.root.getByTestId('verify-badge-result');
    this.valid = this.root.getByTestId('verify-badge-valid');
    this.invalid = this.root.getByTestId('verify-badge-invalid');
    this.summary = this.root.getByTestId('verify-badge-summary');
  }

  /** Opens a file through the browser's file chooser and waits for the verdict on it. */
  async check(file: string, name: string): Promise<void> {
    const choosing = this.page.waitForEvent('filechooser');
    await this.open.click();
    await (await choosing).setFiles(file);
    await expect(this.result).toContainText(`File: ${name}`, { timeout: 60_000 });
  }
}
