// Runtime: Node (Playwright). The instructor studio: its start page (ways to open a pack, drafts to
// continue), the new-pack and copy dialogs, and the workspace (toolbar, view tabs, the YAML editor, the palette).
import { expect, type Locator, type Page } from '@playwright/test';

export class StudioPage {
  readonly navStudio: Locator;
  readonly start: Locator;
  readonly workspace: Locator;
  readonly toolbar: Locator;
  readonly views: Locator;
  readonly editor: Locator;
  readonly files: Locator;
  readonly drafts: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.navStudio = page.getByTestId('nav-studio');
    this.start = page.getByTestId('studio-start');
    this.workspace = page.getByTestId('studio-workspace');
    this.toolbar = page.getByRole('toolbar');
    // The studio's own tabs: the forms have a tab list of their own, for their sections.
    this.views = page.getByRole('tablist', { name: /^(Views|Виды)$/ });
    this.editor = page.locator('.cm-content');
    this.files = page.getByRole('navigation', { name: /Pack files|Файлы пакета/ });
    this.drafts = page.getByTestId('studio-draft');
    this.saveStatus = page.getByTestId('studio-save-status');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/studio');
    await expect(this.start).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();
  }

  /** Fills the new-pack dialog; `titles` per language code, in the order the languages are chosen. */
  async createPack({
    packId,
    scenarioId,
    languages,
    titles,
    author,
  }: {
    packId: string;
    scenarioId: string;
    languages: string[];
    titles: string[];
    author: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'New pack…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New pack' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Pack ID' }).fill(packId);
    await dialog.getByRole('textbox', { name: "First scenario's ID" }).fill(scenarioId);
    const languagesField = dialog.getByLabel('Languages');
    for (const language of languages.slice(1)) {
      await languagesField.click();
      await this.page.getByRole('option', { name: new RegExp(`\\(${language}\\)`) }).click();
    }
    await languagesField.press('Escape');
    const titleFields = dialog.getByRole('textbox', { name: /^Title in / });
    await expect(titleFields).toHaveCount(languages.length);
    for (const [index, title] of titles.entries()) await titleFields.nth(index).fill(title);
    await dialog.getByRole('textbox', { name: 'Author' }).fill(author);
    await dialog.getByRole('button', { name: 'Create the pack' }).click();
    await expect(this.workspace).toBeVisible();
  }

  /** Copies a library scenario, chosen by its title, as a new pack under new ids. */
  async copyScenario({ title, packId, scenarioId }: { title: string; packId: string; scenarioId: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Copy a scenario…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Copy a library scenario' });
    await dialog.getByRole('combobox', { name: 'Scenario', exact: true }).click();
    await this.page.getByRole('option', { name: title }).click();
    await dialog.getByRole('textbox', { name: 'Pack ID' }).fill(packId);
    await dialog.getByRole('textbox', { name: 'New scenario ID' }).fill(scenarioId);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.workspace).toBeVisible();
  }

  action(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  view(name: string): Locator {
    return this.views.getByRole('tab', { name });
  }

  /** A file in the list beside the editor (its name may be followed by its number of problems). */
  file(path: string): Locator {
    return this.files.getByRole('button', { name: new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  async editorText(): Promise<string> {
    return (await this.editor.innerText()).replace(/\u00a0/g, ' ');
  }
}
