// Runtime: Node (Playwright). The banner over an attempt whose record is damaged: what is wrong, that
// it is read-only, and deleting it.
import type { Locator, Page } from '@playwright/test';

export class DamagedAttemptBanner {
  readonly root: Locator;
  readonly where: Locator;
  readonly delete: Locator;
  readonly deleteDialog: Locator;
  readonly deleteConfirm: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('status', { name: "This attempt's record is damaged: it is shown read-only" });
    this.where = this.root.getByTestId('attempt-damaged-where');
    this.delete = this.root.getByRole('button', { name: 'Delete this attempt' });
    this.deleteDialog = page.getByRole('dialog', { name: 'Delete this damaged attempt?' });
    this.deleteConfirm = this.deleteDialog.getByRole('button', { name: 'Delete the attempt' });
  }
}
