// Runtime: Node (Playwright). The debrief after a scenario.
import type { Locator, Page } from '@playwright/test';

export class DebriefPage {
  readonly outcome: Locator;
  readonly tasks: Locator;
  readonly timeline: Locator;
  readonly drafts: Locator;
  readonly again: Locator;

  constructor(readonly page: Page) {
    this.outcome = page.getByTestId('debrief-outcome');
    this.tasks = page.getByTestId('debrief-task');
    this.timeline = page.getByTestId('debrief-timeline');
    this.drafts = page.getByTestId('debrief-draft');
    this.again = page.getByTestId('debrief-again');
  }
}
