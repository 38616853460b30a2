// Runtime: Node (Playwright). A scenario's briefing and its start.
import { expect, type Locator, type Page } from '@playwright/test';
import { PlayerPage } from './PlayerPage';

export class BriefingPage {
  readonly title: Locator;
  readonly language: Locator;
  readonly start: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('briefing-title');
    this.language = page.getByTestId('briefing-language');
    this.start = page.getByTestId('briefing-start');
  }

  async chooseLanguage(name: string): Promise<void> {
    await this.language.getByText(name, { exact: true }).click();
    await expect(this.language.getByRole('radio', { name })).toBeChecked();
  }

  async startScenario(): Promise<PlayerPage> {
    await this.start.click();
    const player = new PlayerPage(this.page);
    await expect(player.root).toHaveAttribute('data-state', 'live');
    return player;
  }
}
