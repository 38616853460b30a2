// Runtime: Node (Playwright, web build). The studio's forms and timeline on a copy of a library
// scenario: the header's texts side by side in English and Russian, a Russian title cleared and so
// marked missing (in its section and in the list of missing translations, which opens its box), then
// written again; the timeline's lanes and branch graph, where clicking an inject opens its form;
// a task's clearance switched on and a reach target added in the forms, both then read in the YAML,
// and a live inject's stream written in its form. Pictured light and dark, in English and Russian.
import { expect, test } from './fixtures';
import { StudioPage } from './pages/StudioPage';

const SCENARIO_TITLE = 'One week, three platforms';

test('the studio forms and timeline edit one document', async ({ page, app, saveScreenshot, expectAccessible }) => {
  test.setTimeout(300_000);
  const studio = new StudioPage(page);
  await app.open('/');
  await studio.navStudio.click();
  await expect(studio.start).toBeVisible();
  await studio.copyScenario({ title: SCENARIO_TITLE, packId: 'platform-drills', scenarioId: 'three-platforms' });

  await test.step('forms: the texts side by side, a missing translation marked and listed', async () => {
    await studio.view('Forms').click();
    const russianTitle = page.getByRole('textbox', { name: 'Title, Russian' });
    await expect(russianTitle).toHaveValue('Одна неделя — три платформы');
    await expect(page.getByRole('textbox', { name: 'Title, English' })).toHaveValue(SCENARIO_TITLE);
    await expect(page.getByRole('button', { name: 'All texts translated' })).toBeVisible();
    await expectAccessible('the scenario form', { within: '[data-testid="studio-forms"]' });
    await saveScreenshot('studio-forms-header-en-light');

    await russianTitle.fill('');
    await expect(page.getByRole('button', { name: '1 missing translation' })).toBeVisible();
    await expect(page.getByText('Translation missing')).toBeVisible();
    await page.getByRole('button', { name: '1 missing translation' }).click();
    await page.getByRole('list', { name: 'Missing translations' }).getByRole('button', { name: 'Scenario › Title: Russian' }).click();
    await expect(russianTitle).toBeFocused();
    await saveScreenshot('studio-forms-missing-en-light');
    await page.keyboard.type('Одна неделя — три платформы');
    await expect(page.getByRole('button', { name: 'All texts translated' })).toBeVisible();

    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.getByRole('button', { name: /^x-speech-post/ }).click();
    await expect(page.getByRole('textbox', { name: 'Model answer, Russian' })).toBeVisible();
    await expectAccessible('a task with its model answers and calibration drafts', { within: '[data-testid="studio-forms"]' });
    await saveScreenshot('studio-forms-task-en-light');
  });

  await test.step('forms: clearance on a task, a reach target and a live stream, read back in the YAML', async () => {
    const forms = page.getByTestId('studio-forms');
    await forms.getByRole('switch', { name: /^Needs clearance by headquarters/ }).click();
    await saveScreenshot('studio-forms-task-clearance-en-light');

    await page.getByRole('tab', { name: 'Clearance and targets' }).click();
    await forms.getByRole('switch', { name: /^Headquarters clears publications/ }).click();
    await expect(forms.getByRole('textbox', { name: /^Answers after at least/ })).toHaveValue('0:05');
    await forms.getByRole('button', { name: 'Add target' }).click();
    await forms.getByRole('textbox', { name: /^Number to reach/ }).fill('20000');
    await forms.getByRole('textbox', { name: /^By/ }).fill('1:30');
    await expectAccessible('clearance and targets', { within: '[data-testid="studio-forms"]' });
    await page.getByRole('tab', { name: 'Clearance and targets' }).scrollIntoViewIfNeeded();
    await saveScreenshot('studio-forms-clearance-targets-en-light');

    await page.getByRole('tab', { name: 'Injects' }).click();
    await forms.getByRole('button', { name: /^festival-news/ }).click();
    await forms.getByRole('combobox', { name: /^Type/ }).click();
    await page.getByRole('option', { name: 'Live stream' }).click();
    await forms.getByRole('switch', { name: /^Live stream/ }).click();
    await forms.getByRole('button', { name: 'Add comment' }).click();
    await expect(forms.getByRole('textbox', { name: /^Written after/ })).toHaveValue('0:00:30');
    await forms.getByRole('textbox', { name: 'Comment, English' }).fill('When does the festival open?');
    await forms.getByRole('textbox', { name: /^Written after/ }).scrollIntoViewIfNeeded();
    await saveScreenshot('studio-forms-live-en-light');

    await studio.view('YAML').click();
    await studio.file('scenarios/three-platforms.yaml').click();
    // Each found with the editor's search, which scrolls its line into view.
    for (const [search, lines] of [
      ['clearance: true', [/clearance: true/]],
      ['value: 20000', [/value: 20000/, /metric: reach/, /by: "?1:30"?/]],
      ['0:00:30', [/after: "?0:00:30"?/, /nature: question/]],
    ] as const) {
      await studio.editor.click();
      await page.keyboard.press('ControlOrMeta+f');
      const field = page.getByRole('textbox', { name: /^Find/ });
      // Typed key by key: the search panel takes its query on key-up.
      await field.fill('');
      await field.pressSequentially(search);
      await field.press('Enter');
      for (const line of lines) await expect(page.locator('.cm-line', { hasText: line }).first()).toBeVisible();
      await field.press('Escape');
    }
    await studio.view('Forms').click();
  });

  await test.step('timeline: lanes, the branch graph, an item opens its form', async () => {
    await studio.view('Timeline').click();
    const graph = page.getByRole('group', { name: /Which task outcomes and times fire each branch/ });
    await expect(graph).toBeVisible();
    await expectAccessible('the timeline', { within: '[data-testid="studio-timeline"]' });
    await saveScreenshot('studio-timeline-en-light');
    await graph.scrollIntoViewIfNeeded();
    await saveScreenshot('studio-branch-graph-en-light');
    const inject = page.getByRole('button', { name: /^Inject \S+ at \d+:\d\d$/ }).first();
    const name = (await inject.getAttribute('aria-label'))!;
    const id = /^Inject (\S+) at/.exec(name)![1]!;
    await inject.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Injects', selected: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: /^ID/ })).toHaveValue(id);
  });

  await test.step('pictured dark, and in Russian', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectColorScheme('dark');
    await saveScreenshot('studio-forms-inject-en-dark');
    await page.getByRole('tab', { name: 'Clearance and targets' }).click();
    await saveScreenshot('studio-forms-clearance-targets-en-dark');
    await studio.view('Timeline').click();
    await expect(page.getByRole('group', { name: /Which task outcomes/ })).toBeVisible();
    await saveScreenshot('studio-timeline-en-dark');
    await app.switchLanguage('ru');
    await expect(page.getByRole('group', { name: /Какие результаты задач/ })).toBeVisible();
    await saveScreenshot('studio-timeline-ru-dark');
    await page.getByRole('group', { name: /Какие результаты задач/ }).scrollIntoViewIfNeeded();
    await saveScreenshot('studio-branch-graph-ru-dark');
    await studio.view('Формы').click();
    await expect(page.getByRole('textbox', { name: 'Название, Русский' })).toBeVisible();
    await saveScreenshot('studio-forms-header-ru-dark');
    await page.getByRole('tab', { name: 'Согласование и цели' }).click();
    await expect(page.getByRole('switch', { name: /^Публикации согласует Центр/ })).toBeChecked();
    await saveScreenshot('studio-forms-clearance-targets-ru-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.expectColorScheme('light');
    await saveScreenshot('studio-forms-clearance-targets-ru-light');
    await page.getByRole('tab', { name: 'Вводные' }).click();
    await page
      .getByTestId('studio-forms')
      .getByRole('button', { name: /^festival-news/ })
      .click();
    await page
      .getByTestId('studio-forms')
      .getByRole('button', { name: /^live-comment/ })
      .click();
    await page.getByRole('textbox', { name: /^Пишется через/ }).scrollIntoViewIfNeeded();
    await saveScreenshot('studio-forms-live-ru-light');
    await page.getByRole('tab', { name: 'Задачи' }).click();
    await page
      .getByTestId('studio-forms')
      .getByRole('button', { name: /^x-speech-post/ })
      .click();
    await page.getByRole('switch', { name: /^Нужно согласование с Центром/ }).scrollIntoViewIfNeeded();
    await saveScreenshot('studio-forms-task-clearance-ru-light');
    await page.getByRole('tab', { name: 'Сценарий' }).click();
    await saveScreenshot('studio-forms-header-ru-light');
    await studio.view('Хронология').click();
    await saveScreenshot('studio-timeline-ru-light');
  });
});
