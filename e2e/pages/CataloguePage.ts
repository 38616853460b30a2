// Runtime: Node (Playwright). The catalogue of courses and scenarios.
import { expect, type Locator, type Page } from '@playwright/test';
import { BriefingPage } from './BriefingPage';

export class CataloguePage {
  readonly title: Locator;
  readonly courses: Locator;
  readonly scenarios: Locator;
  readonly install: Locator;
  readonly installDone: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('catalogue-title');
    this.courses = page.getByTestId('catalogue-course');
    this.scenarios = page.getByTestId('catalogue-scenario');
    this.install = page.getByTestId('catalogue-install');
    this.installDone = page.getByTestId('catalogue-install-done');
  }

  scenario(id: string): Locator {
    return this.page.locator(`[data-testid="catalogue-scenario"][data-scenario-id="${id}"]`);
  }

  /** `timeout` for scenarios whose size makes the briefing slow to open on a busy machine. */
  async open(id: string, options: { timeout?: number } = {}): Promise<BriefingPage> {
    await this.scenario(id).getByTestId('catalogue-open').click();
    const briefing = new BriefingPage(this.page);
    await expect(briefing.title).toBeVisible(options);
    return briefing;
  }

  /** Installs a pack file through the app's own file chooser. */
  async installPack(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.install.click();
    await (await chooser).setFiles(file);
  }
}
