// Runtime: Node (Playwright). The studio's play-test (its setup view, and the bar above the trainee's
// desk while it runs) and its publish view (the checklist, the version, export and install).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class StudioPlaytestPage {
  readonly view: Locator;
  readonly start: Locator;
  readonly bar: Locator;
  readonly badge: Locator;
  readonly inject: Locator;
  readonly send: Locator;
  readonly sent: Locator;
  readonly leave: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('playtest-view');
    this.start = page.getByTestId('playtest-start');
    this.bar = page.getByTestId('playtest-bar');
    this.badge = page.getByTestId('playtest-badge');
    this.inject = this.bar.locator('select');
    this.send = page.getByTestId('playtest-send');
    this.sent = page.getByTestId('playtest-sent');
    this.leave = page.getByTestId('playtest-leave');
  }

  /** Chooses the scenario, language and starting inject (by id; none: from the start) and starts. */
  async play({ language, fromInject }: { language: string; fromInject?: string }): Promise<void> {
    await expect(this.start).toBeEnabled({ timeout: 30_000 });
    await this.view.getByRole('combobox', { name: /^(Language|Язык)/ }).selectOption({ label: language });
    if (fromInject) await this.view.getByRole('combobox', { name: /^(Start from|Начать с)/ }).selectOption(fromInject);
    await this.start.click();
    await expect(this.bar).toBeVisible();
  }

  /** The ids of the injects the bar still offers to send. */
  async waitingInjects(): Promise<string[]> {
    return this.inject.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  }

  async sendNow(injectId: string): Promise<void> {
    await this.inject.selectOption(injectId);
    await this.send.click();
    await expect(this.sent).toContainText(injectId);
  }
}

export class StudioPublishPage {
  readonly view: Locator;
  readonly checklist: Locator;
  readonly version: Locator;
  readonly export: Locator;
  readonly exported: Locator;
  readonly install: Locator;
  readonly installed: Locator;
  readonly draftWarning: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('publish-view');
    this.checklist = page.getByTestId('publish-checklist');
    this.version = page.getByTestId('publish-version');
    this.export = page.getByTestId('publish-export');
    this.exported = page.getByTestId('publish-exported');
    this.install = page.getByTestId('publish-install');
    this.installed = page.getByTestId('publish-installed');
    this.draftWarning = page.getByTestId('publish-draft-warning');
  }

  item(id: 'errors' | 'model-answers' | 'calibration' | 'languages'): Locator {
    return this.page.getByTestId(`publish-item-${id}`);
  }

  /** Waits until every item has passed (the check and the calibration drafts' grading take a while). */
  async expectReady(): Promise<void> {
    await expect(this.checklist).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  }

  async bump(kind: 'patch' | 'minor' | 'major'): Promise<void> {
    await this.page.getByTestId(`publish-bump-${kind}`).click();
  }

  async downloadArchive(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.export.click();
    return downloading;
  }
}
