// Runtime: Node (Playwright). The instructor studio's frame on the web build: the start page, a new
// pack from the template, the YAML view (typing, the live check's marks from the worker, undo and
// redo from the keyboard and the command palette), the recovery copy that survives a reload; pictured
// light and dark, in English and Russian. The fixtures fail the test on any CSP violation.
import { expect, test } from './fixtures';
import { StudioPage } from './pages/StudioPage';

test('the studio opens a new pack from the template, edits its YAML with undo, and keeps it over a reload', async ({
  page,
  app,
  saveScreenshot,
  expectAccessible,
}) => {
  // Many steps, two accessibility scans and a reload, on a machine that may be busy.
  test.setTimeout(180_000);
  const studio = new StudioPage(page);

  await test.step('the start page, reached from the navigation while no passphrase gates it', async () => {
    await app.open('/');
    await studio.navStudio.click();
    await expect(studio.start).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open a folder…' })).toBeDisabled();
    await expectAccessible('the studio start page');
    await saveScreenshot('studio-start-en-light');
  });

  await test.step('a new two-language pack from the template', async () => {
    await studio.createPack({
      packId: 'embassy-drills',
      scenarioId: 'airport-closed',
      languages: ['en', 'ru'],
      titles: ['Embassy drills', 'Учения посольства'],
      author: 'Training unit',
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Embassy drills' })).toBeVisible();
    await expect(studio.view('YAML')).toHaveAttribute('aria-selected', 'true');
    await expect(studio.file('pack.yaml')).toBeVisible();
    await expect(studio.editor).toContainText('id: embassy-drills');
    await expect(studio.action('Undo')).toBeDisabled();
  });

  await test.step('completion from the pack format’s schema', async () => {
    await studio.editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('platf');
    await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('platforms');
    await page.keyboard.press('Escape');
    await expect(page.locator('.cm-tooltip-autocomplete')).toHaveCount(0);
    // Taken back as typed: the line, then the line break.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(studio.editor).not.toContainText('platf');
  });

  await test.step('typing in the scenario file; the worker’s check marks a mistake in place', async () => {
    await studio.file('scenarios/airport-closed.yaml').click();
    await expect(studio.editor).toContainText('id: airport-closed');
    await studio.editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('colour: blue');
    await expect(studio.editor).toContainText('colour: blue');
    await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
    await expect(studio.file('scenarios/airport-closed.yaml')).toContainText(/problem/);
    await expect(studio.action('Undo')).toBeEnabled();
    // From another file, a click on the problem brings its line back, with the cursor on it.
    await studio.file('pack.yaml').click();
    await expect(studio.editor).toContainText('id: embassy-drills');
    await page.getByTestId('studio-panel-problems').getByText('unknown field "colour"').click();
    await expect(page.locator('.cm-activeLine')).toContainText('colour: blue');
    await expectAccessible('the studio’s YAML view', { within: '[data-testid="studio-yaml"]' });
    await saveScreenshot('studio-yaml-en-light');
  });

  await test.step('undo and redo from the keyboard, then undo from the command palette', async () => {
    await page.keyboard.press('Control+z');
    await expect(studio.editor).not.toContainText('colour: blue');
    await page.keyboard.press('Control+Shift+z');
    await expect(studio.editor).toContainText('colour: blue');
    await page.keyboard.press('Control+k');
    const search = page.getByRole('textbox', { name: 'Type what you want to do' });
    await expect(search).toBeFocused();
    // The views are listed as well as the actions, with their shortcuts.
    await expect(page.getByRole('dialog').getByRole('button', { name: /^YAML\s*Alt\+1$/ })).toBeVisible();
    await saveScreenshot('studio-palette-en-light');
    await search.fill('undo');
    await page.keyboard.press('Enter');
    await expect(studio.editor).not.toContainText('colour: blue');
    await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
    // Back to the mistake, to picture the marks in every scheme and language.
    await studio.action('Redo').click();
    await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  });

  await test.step('going to another screen and back keeps the pack open', async () => {
    await app.navHome.click();
    await expect(app.home.root).toBeVisible();
    await studio.navStudio.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Embassy drills' })).toBeVisible();
    // Reopened from its recovery copy: the text is all there, the undo history starts afresh.
    await expect(studio.action('Undo')).toBeDisabled();
    await studio.file('scenarios/airport-closed.yaml').click();
    await studio.editor.click();
    await page.keyboard.press('Control+End');
    await expect(studio.editor).toContainText('colour: blue');
    await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  });

  await test.step('pictured dark, and in Russian', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectColorScheme('dark');
    await expectAccessible('the studio’s toolbar in the dark', { within: '[data-testid="studio-toolbar"]' });
    await expectAccessible('the studio’s YAML view in the dark', { within: '[data-testid="studio-yaml"]' });
    await saveScreenshot('studio-yaml-en-dark');
    await app.switchLanguage('ru');
    await expect(studio.view('YAML')).toBeVisible();
    await expect(studio.action('Отменить')).toBeVisible();
    await saveScreenshot('studio-yaml-ru-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.expectColorScheme('light');
    await saveScreenshot('studio-yaml-ru-light');
    await app.switchLanguage('en');
  });

  await test.step('a reload loses nothing: the draft is there to continue', async () => {
    await app.reload();
    await expect(studio.start).toBeVisible();
    await expect(studio.drafts).toHaveCount(1);
    await expect(studio.drafts).toContainText('Embassy drills');
    await saveScreenshot('studio-start-draft-en-light');
    await page.getByRole('button', { name: 'Continue editing Embassy drills' }).click();
    await expect(studio.workspace).toBeVisible();
    await studio.file('scenarios/airport-closed.yaml').click();
    // The editor draws only the lines in view: go to the end, where the line was typed.
    await studio.editor.click();
    await page.keyboard.press('Control+End');
    await expect(studio.editor).toContainText('colour: blue');
  });
});
