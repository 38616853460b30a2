// Runtime: Node (Playwright). The debrief after a scenario.
import type { Locator, Page } from '@playwright/test';
import type { TaskResult } from '../../renderer/src/core/engine/outcome';

export class DebriefPage {
  readonly outcome: Locator;
  readonly tasks: Locator;
  readonly timeline: Locator;
  readonly drafts: Locator;
  readonly average: Locator;
  /** The duty-of-care finding: the urgent messages and whether each was answered. */
  readonly dutyOfCare: Locator;
  /** How many tasks ended each way, above the task table. */
  readonly taskCounts: Locator;
  /** The Reach section: the scenario's reach and engagement targets, beside the grade. */
  readonly reach: Locator;

  constructor(readonly page: Page) {
    this.outcome = page.getByTestId('debrief-outcome');
    this.tasks = page.getByTestId('debrief-task');
    this.timeline = page.getByTestId('debrief-timeline');
    this.drafts = page.getByTestId('debrief-draft');
    this.average = page.getByTestId('debrief-average');
    this.dutyOfCare = page.getByTestId('debrief-duty-of-care');
    this.taskCounts = page.getByTestId('debrief-task-counts');
    this.reach = page.getByTestId('debrief-reach');
  }

  /** The Reach section's card of one target: its words, its chart and its table of numbers. */
  reachTarget(accountId: string, metric: 'reach' | 'engagement'): Locator {
    return this.reach.locator(`[data-testid="debrief-reach-target"][data-account-id="${accountId}"][data-metric="${metric}"]`);
  }

  /** The duty-of-care entry of the urgent message `injectId`. */
  urgentMessage(injectId: string): Locator {
    return this.dutyOfCare.locator(`[data-testid="debrief-duty-of-care-item"][data-inject-id="${injectId}"]`);
  }

  /** The average score as the banner writes it in English, e.g. "85.3" from "85.3 of 100". */
  async averageScore(): Promise<string> {
    const text = (await this.average.getByText(/ of 100$/).textContent()) ?? '';
    return text.replace(/ of 100$/, '');
  }

  /** The rows of the tasks that ended with `result`. */
  tasksWithResult(result: TaskResult['result']): Locator {
    return this.tasks.and(this.page.locator(`[data-result="${result}"]`));
  }
}
