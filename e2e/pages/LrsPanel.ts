// Runtime: Node (Playwright). The learning record store in the app: its section in Settings → Academy
// and the sync's status and problems on the Records screen.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class LrsSettingsSection {
  readonly root: Locator;
  readonly heading: Locator;
  /** The web build's explanation of why sync needs the desktop app. */
  readonly webExplanation: Locator;
  readonly saveFile: Locator;
  readonly draftText: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('lrs-settings');
    this.heading = this.root.getByRole('heading', { name: 'Learning record store' });
    this.webExplanation = this.root.getByRole('alert').filter({ hasText: 'Sending to an LRS needs the desktop app' });
    this.saveFile = this.root.getByRole('button', { name: 'Save statements file' });
    this.draftText = this.root.getByRole('switch', { name: /^Send the text of each draft/ });
  }
}

export class LrsSyncPanel {
  readonly root: Locator;
  readonly heading: Locator;
  readonly state: Locator;
  readonly counts: Locator;
  readonly explanation: Locator;
  readonly saveFile: Locator;
  readonly syncNow: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: "Sending to the academy's LRS" });
    this.heading = this.root.getByRole('heading', { name: "Sending to the academy's LRS" });
    this.state = this.root.getByTestId('lrs-sync-state');
    this.counts = this.root.getByTestId('lrs-sync-counts');
    this.explanation = this.root.getByTestId('lrs-sync-explanation');
    this.saveFile = this.root.getByRole('button', { name: 'Save statements file' });
    this.syncNow = this.root.getByRole('button', { name: 'Sync now' });
  }

  /** Clicks "Save statements file" and returns the download and what the panel said about it. */
  async saveStatementsFile(): Promise<{ download: Download; message: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.saveFile.click()]);
    const message = this.root.getByText(/^Saved \d+ statements? to /);
    await expect(message).toBeVisible();
    return { download, message: (await message.textContent()) ?? '' };
  }
}
