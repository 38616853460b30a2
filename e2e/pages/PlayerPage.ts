// Runtime: Node (Playwright). The player: clock, accounts, tasks, the feed and the composer.
import { expect, type Locator, type Page } from '@playwright/test';
import { DebriefPage } from './DebriefPage';

export class PlayerPage {
  readonly root: Locator;
  readonly clock: Locator;
  readonly speed: Locator;
  readonly next: Locator;
  readonly finish: Locator;
  readonly finishConfirm: Locator;
  readonly save: Locator;
  readonly tasks: Locator;
  readonly text: Locator;
  readonly publish: Locator;
  readonly verdict: Locator;
  readonly findings: Locator;
  readonly feedItems: Locator;
  readonly newItems: Locator;
  readonly inbox: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('player');
    this.clock = page.getByTestId('player-clock');
    this.speed = page.getByTestId('player-speed');
    this.next = page.getByTestId('player-next');
    this.finish = page.getByTestId('player-finish');
    this.finishConfirm = page.getByTestId('player-finish-confirm');
    this.save = page.getByTestId('player-save');
    this.tasks = page.getByTestId('player-task');
    this.text = page.getByTestId('composer-text');
    this.publish = page.getByTestId('composer-publish');
    this.verdict = page.getByTestId('composer-verdict');
    this.findings = page.getByTestId('composer-finding');
    this.feedItems = page.getByTestId('feed-item');
    this.newItems = page.getByTestId('feed-new-items');
    this.inbox = page.getByTestId('player-inbox');
  }

  task(id: string): Locator {
    return this.page.locator(`[data-testid="player-task"][data-task-id="${id}"]`);
  }

  account(id: string): Locator {
    return this.page.getByTestId(`player-account-${id}`);
  }

  /** The simulated minute the player shows. */
  async time(): Promise<number> {
    return Number(await this.root.getAttribute('data-time'));
  }

  async pause(): Promise<void> {
    await this.speed.getByText(/^(Pause|Пауза)$/).click();
  }

  /** Ids of the tasks open now. */
  async openTaskIds(): Promise<string[]> {
    return this.page.locator('[data-testid="player-task"][data-status="open"]').evaluateAll((tasks) => tasks.map((task) => task.getAttribute('data-task-id') ?? ''));
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.save).toHaveAttribute('data-save', 'saved');
  }

  /** Jumps the clock to the next event and waits for the player to show the new minute. */
  async jumpToNextEvent(): Promise<void> {
    const before = await this.time();
    await this.next.click();
    await expect.poll(() => this.time()).toBeGreaterThan(before);
  }

  /** Writes `text` for an open task and publishes it with the keyboard. */
  async answer(taskId: string, text: string): Promise<void> {
    await this.task(taskId).getByTestId('player-task-write').click();
    await this.text.fill(text);
    await expect(this.publish).toBeEnabled();
    await this.text.press('Control+Enter');
    await expect(this.task(taskId)).toHaveAttribute('data-status', 'done');
  }

  async openFinishDialog(): Promise<void> {
    await this.finish.click();
    await expect(this.finishConfirm).toBeVisible();
  }

  async finishScenario(): Promise<DebriefPage> {
    if (!(await this.finishConfirm.isVisible())) await this.openFinishDialog();
    await this.finishConfirm.click();
    const debrief = new DebriefPage(this.page);
    await expect(debrief.outcome).toBeVisible();
    return debrief;
  }

  /** The debrief once the scenario is over: a branch may have ended it already, else the trainee finishes it. */
  async toDebrief(): Promise<DebriefPage> {
    if ((await this.root.getAttribute('data-state')) === 'live') return this.finishScenario();
    const debrief = new DebriefPage(this.page);
    await expect(debrief.outcome).toBeVisible();
    return debrief;
  }

  /** What the trainee sees now, to compare before and after a reload. */
  async visibleState(): Promise<{ time: string | null; clock: string; tasks: string[]; feed: string[]; draft: string }> {
    return {
      time: await this.root.getAttribute('data-time'),
      clock: (await this.clock.textContent()) ?? '',
      tasks: await this.tasks.evaluateAll((tasks) => tasks.map((task) => `${task.getAttribute('data-task-id')}:${task.getAttribute('data-status')}`)),
      feed: await this.feedItems.evaluateAll((items) => items.map((item) => `${item.getAttribute('data-item-id')}:${item.textContent ?? ''}`)),
      draft: await this.text.inputValue(),
    };
  }
}
