// Runtime: Node (Playwright). The About Attaché dialog.
import type { Locator, Page } from '@playwright/test';

export class AboutDialog {
  readonly root: Locator;
  readonly version: Locator;
  readonly closeButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('about-dialog');
    this.version = page.getByTestId('app-version');
    this.closeButton = this.root.getByRole('button', { name: /^(Close|Закрыть)$/ }).last();
  }
}
