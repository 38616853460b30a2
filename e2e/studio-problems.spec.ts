// Runtime: Node (Playwright). The studio's problems panel on the web build: a new pack is ready; a
// YAML trap typed into a scenario (an unquoted ": " in a text) appears in the panel with its line and
// the line fixed in quotes; clicking it from another view opens the YAML at that line; undo makes
// the pack ready again; the panel in Russian. Pictured light and dark. The fixtures fail the test on
// any CSP violation.
import { expect, test } from './fixtures';
import { StudioPage } from './pages/StudioPage';

test('the problems panel shows a YAML trap with its fix, jumps to it, and says when the pack is ready', async ({
  page,
  app,
  saveScreenshot,
  expectAccessible,
}) => {
  const studio = new StudioPage(page);
  const panel = page.getByTestId('studio-panel-problems');
  const problems = panel.getByTestId('problem');
  const scenario = 'scenarios/airport-closed.yaml';

  await test.step('a new pack from the template has no problem', async () => {
    await app.open('/');
    await studio.navStudio.click();
    await studio.createPack({
      packId: 'embassy-drills',
      scenarioId: 'airport-closed',
      languages: ['en', 'ru'],
      titles: ['Embassy drills', 'Учения посольства'],
      author: 'Training unit',
    });
    await expect(panel.getByTestId('problems-ready')).toHaveText('No problems: the pack is ready to play-test and publish.', { timeout: 30_000 });
    // The check runs in its web worker, off the page's thread (the page checks only where no worker can start).
    expect(page.workers().some((worker) => worker.url().includes('check.worker'))).toBe(true);
  });

  await test.step('an unquoted ": " typed into a text is told at its line, with the line fixed', async () => {
    await studio.file(scenario).click();
    await studio.editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('note: Call the hotline: +99 123 456 789');
    await expect(panel.getByTestId('problems-errors')).toHaveText('1 error', { timeout: 30_000 });
    await expect(problems).toHaveCount(1);
    await expect(problems.first()).toContainText('the text of "note" holds ": ", which YAML reads as the start of another key');
    await expect(problems.first()).toContainText('How to fix: put the text in quotes: note: "Call the hotline: +99 123 456 789"');
    await expect(panel.getByRole('list', { name: `${scenario}: 1 problem` })).toBeVisible();
    await expectAccessible('the problems panel', { within: '[data-testid="studio-panel-problems"]' });
    await saveScreenshot('studio-problems-en-light');
  });

  await test.step('from another view, Enter on the problem opens the YAML at its line', async () => {
    await studio.view('Forms').click();
    await expect(studio.view('Forms')).toHaveAttribute('aria-selected', 'true');
    await problems.first().focus();
    await page.keyboard.press('Enter');
    await expect(studio.view('YAML')).toHaveAttribute('aria-selected', 'true');
    await expect(studio.editor).toContainText('note: Call the hotline: +99 123 456 789');
    await expect(page.locator('.cm-activeLine')).toContainText('note: Call the hotline');
  });

  await test.step('in Russian and in the dark', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectColorScheme('dark');
    await app.switchLanguage('ru');
    await expect(panel.getByTestId('problems-errors')).toHaveText('1 ошибка');
    await expect(problems.first()).toContainText('текст поля "note" содержит ": ", а YAML читает это как начало ещё одного ключа');
    await expect(problems.first()).toContainText('Как исправить: возьмите текст в кавычки: note: "Call the hotline: +99 123 456 789"');
    await expectAccessible('the problems panel in the dark', { within: '[data-testid="studio-panel-problems"]' });
    await saveScreenshot('studio-problems-ru-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.switchLanguage('en');
  });

  await test.step('undoing the mistake makes the pack ready again', async () => {
    await studio.editor.click();
    await page.keyboard.press('Control+z');
    await expect(studio.editor).not.toContainText('note: Call the hotline');
    await expect(panel.getByTestId('problems-ready')).toHaveText('No problems: the pack is ready to play-test and publish.', { timeout: 30_000 });
    await expect(problems).toHaveCount(0);
  });
});
