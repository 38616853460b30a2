// Runtime: Node (Playwright). The pack manager in Settings: every pack with version, source, content
// hash and date; installing or updating one from a file, and uninstalling one after a confirmation.
import { expect, type Locator, type Page } from '@playwright/test';

export class PackManagerPage {
  readonly card: Locator;
  readonly table: Locator;
  readonly install: Locator;
  readonly done: Locator;
  readonly refused: Locator;
  readonly uninstallDialog: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('settings-packs');
    this.table = page.getByTestId('pack-manager-table');
    this.install = this.card.getByRole('button', { name: /^(Install a pack from a file…|Установить пакет из файла…)$/ });
    this.done = page.getByTestId('pack-manager-done');
    this.refused = page.getByTestId('pack-manager-refused');
    this.uninstallDialog = page.getByTestId('pack-uninstall-dialog').getByRole('dialog');
  }

  /** Opens Settings and waits for the manager's table. */
  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await expect(this.table).toBeVisible();
  }

  row(packId: string): Locator {
    return this.page.getByTestId(`pack-row-${packId}`);
  }

  hash(packId: string): Locator {
    return this.row(packId).getByTestId('pack-hash');
  }

  /** Installs a pack file through the app's own file chooser. */
  async installFile(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.install.click();
    await (await chooser).setFiles(file);
  }

  /** Updates an installed pack from a file through its row's button. */
  async updateFrom(packId: string, file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.row(packId)
      .getByRole('button', { name: /^(Update from file…|Обновить из файла…) — / })
      .click();
    await (await chooser).setFiles(file);
  }

  /** Opens the confirmation that asks before a pack is uninstalled. */
  async askToUninstall(packId: string): Promise<void> {
    await this.row(packId)
      .getByRole('button', { name: /^(Uninstall…|Удалить…) — / })
      .click();
    await expect(this.uninstallDialog).toBeVisible();
  }

  async confirmUninstall(): Promise<void> {
    await this.page.getByTestId('pack-uninstall-confirm').click();
    await expect(this.uninstallDialog).toBeHidden();
  }
}
