// Runtime: Node (Playwright). The profile's attempts.
import type { Locator, Page } from '@playwright/test';

export class HistoryPage {
  readonly root: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('history-page');
    this.rows = page.getByTestId('attempt-row');
  }
}
