// Runtime: Node (Playwright, web build). The studio's rubric reference and calibration view on a copy
// of a library scenario: the rules found by words and narrowed by axis, one opened with its example
// and YAML; the scenario's calibration drafts graded in the worker and agreeing with their authors,
// then a pasted draft the grader disagrees with added with its verdicts and shown with its findings.
// Pictured light and dark, in English and Russian.
import { expect, test } from './fixtures';
import { StudioPage } from './pages/StudioPage';
import { RULES } from '../renderer/src/core/grading/catalog';

const SCENARIO_TITLE = 'One week, three platforms';

test('the rubric reference and the calibration view', async ({ page, app, saveScreenshot, expectAccessible }) => {
  test.setTimeout(300_000);
  const studio = new StudioPage(page);
  await app.open('/');
  await studio.open();
  await studio.copyScenario({ title: SCENARIO_TITLE, packId: 'platform-drills', scenarioId: 'three-platforms' });

  await test.step('rubric: every rule, found by words, one opened with its example and YAML', async () => {
    await studio.view('Rubric').click();
    const table = page.getByRole('table', { name: 'Rules of the grader' });
    // A heading row and one row per rule of the grader's catalogue.
    await expect(table.getByRole('row')).toHaveCount(RULES.length + 1);
    await page.getByRole('searchbox', { name: 'Find a rule' }).fill('fact');
    // A segmented control's radio is drawn by its label: the label is what a person clicks.
    const policy = await page.getByRole('radio', { name: 'Policy' }).getAttribute('id');
    await page.locator(`label[for="${policy}"]`).click();
    // The heading row and the policy rules about facts (the fact sheet's, and a report's facts).
    await expect(table.getByRole('row')).toHaveCount(7);
    await page.getByRole('button', { name: 'Example and YAML for policy.fact-mismatch' }).click();
    await expect(page.getByText('policy.fact-mismatch: { level: error, weight: 40 }')).toBeVisible();
    // Within the view: the problems panel beside it may be mid-check, which its own tests look at.
    await expectAccessible('the rubric reference', { within: '[data-testid="studio-rubric"]' });
    await saveScreenshot('studio-rubric-en-light');
  });

  await test.step('calibration: the scenario’s drafts agree; a pasted draft the grader fails is added and explained', async () => {
    await studio.view('Calibration').click();
    const agreement = page.getByRole('table', { name: 'Agreement per axis' });
    await expect(agreement).toBeVisible({ timeout: 60_000 });
    // The copied scenario carries one of the library's reviewed disagreements (tone-en-moaners, a
    // YouTube text with no title line that its writer passed on platform; README, calibration).
    await expect(page.getByTestId('calibration-summary')).toHaveText('Below the required agreement on: Platform.');
    await expectAccessible('the calibration view', { within: '[data-testid="studio-calibration"]' });
    await saveScreenshot('studio-calibration-en-light');

    await page.getByRole('textbox', { name: 'Draft' }).fill('Nothing to see here, move along.');
    await page.getByRole('textbox', { name: 'Why' }).fill('Short and calm; an author who did not read the brief.');
    await page.getByRole('button', { name: 'Add as a calibration draft' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Added draft-\d+ to / })).toBeVisible();
    await expect(page.getByTestId('calibration-summary')).toContainText('Below the required agreement on:', { timeout: 60_000 });
    const added = page.getByRole('article').filter({ hasText: 'Nothing to see here, move along.' });
    await expect(added.getByText(/^Disagrees on \d ax[ie]s$/)).toBeVisible();
    await expect(added.getByText('What the grader found')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Only drafts the grader disagrees with' }).check();
    await expect(page.getByRole('article')).toHaveCount(2);
    await saveScreenshot('studio-calibration-disagreement-en-light');
  });

  await test.step('pictured dark, and in Russian', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectColorScheme('dark');
    await saveScreenshot('studio-calibration-disagreement-en-dark');
    await app.switchLanguage('ru');
    await expect(page.getByRole('table', { name: 'Согласие по осям' })).toBeVisible();
    await saveScreenshot('studio-calibration-ru-dark');
    await studio.view('Рубрика').click();
    await expect(page.getByRole('table', { name: 'Правила оценщика' })).toBeVisible();
    await saveScreenshot('studio-rubric-ru-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.expectColorScheme('light');
    await saveScreenshot('studio-rubric-ru-light');
    await studio.view('Калибровка').click();
    await expect(page.getByRole('table', { name: 'Согласие по осям' })).toBeVisible();
    await saveScreenshot('studio-calibration-ru-light');
  });
});
