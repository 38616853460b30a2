// Runtime: Node (Playwright). The Records screen: the table of trainees × scenarios or courses, its
// filters and summary, a trainee's attempts, and a record's read-only debrief.
import { expect, type Locator, type Page } from '@playwright/test';

export class RecordsPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly statusFilter: Locator;
  readonly summary: Locator;
  readonly attempts: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('records-page');
    this.table = page.getByTestId('cohort-table');
    this.rows = page.getByTestId('cohort-row');
    this.count = page.getByTestId('cohort-count');
    this.search = page.getByTestId('cohort-search');
    this.statusFilter = page.getByTestId('cohort-status-filter');
    this.summary = page.getByTestId('cohort-summary');
    this.attempts = page.getByTestId('cohort-attempt');
    this.outcome = page.getByTestId('outcome-page');
  }

  /** The row of a trainee (by a part of their name) and a scenario or course (by its title). */
  row(trainee: string, what: string): Locator {
    return this.rows.filter({ hasText: trainee }).filter({ hasText: what });
  }

  /** Opens a row's attempts from the keyboard, as the table offers it. */
  async openAttempts(trainee: string, what: string): Promise<Locator> {
    await this.row(trainee, what).getByTestId('cohort-open').press('Enter');
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByTestId(`cohort-sort-${column}`).click();
  }

  heading(column: string): Locator {
    return this.page.locator('th').filter({ has: this.page.getByTestId(`cohort-sort-${column}`) });
  }
}
