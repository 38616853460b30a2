// Runtime: Node (Playwright, web build). Reach as a goal (page-launch: a reach target on the Facebook page,
// an engagement target on the video channel): the account's header counts towards its target as the
// audience reacts, and the debrief's Reach section says what was achieved against each target, with its
// chart and a table of the same numbers. Pictured in English and Russian, light and dark.
import { formattingLocale } from '../renderer/src/core/locale';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';

/** Light, then dark, then back to light: both pictures of what is on screen. */

/** A number as the English interface groups it: "1,491" → 1491. */
const figure = (text: string | null) => Number((/Reach ([\d,]+) of/.exec(text ?? '')?.[1] ?? 'NaN').replace(/,/g, ''));
/** Text for a regular expression, taken literally; any space matches any space (Russian groups digits with a no-break space). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s');
const grouped = (value: number, language: 'en' | 'ru') => new Intl.NumberFormat(formattingLocale(language)).format(value);

test('reach targets: the desk counts towards them, the debrief sets the attempt against them', async ({ app, page, saveScreenshot, expectAccessible }) => {
  test.setTimeout(180_000);
  const scenario = builtInScenario('page-launch');
  // The targets as the scenario sets them: the assertions follow the pack, not a copy of its numbers.
  const reachTarget = scenario.targets!.find((target) => target.account === 'embassy-fb' && target.metric === 'reach')!;
  const engagementTarget = scenario.targets!.find((target) => target.account === 'embassy-yt' && target.metric === 'engagement')!;
  const reachBy = reachTarget.by ?? scenario.duration;
  const engagementBy = engagementTarget.by ?? scenario.duration;
  const [reachEn, reachRu] = [literal(grouped(reachTarget.value, 'en')), literal(grouped(reachTarget.value, 'ru'))];
  const catalogue = await app.goToCatalogue('Ines Duarte');
  const player = await (await catalogue.open('page-launch', { timeout: 60_000 })).startScenario();
  await player.pause();

  // Before anything is published the page has reached no one.
  await player.account('embassy-fb').click();
  const progress = player.reachProgress('reach');
  await expect(progress).toHaveText(`Reach 0 of ${grouped(reachTarget.value, 'en')} by ${reachBy}`);

  await player.jumpUntilOpen('welcome-post');
  await player.answer('welcome-post', goodDraft(scenario, 'welcome-post', 'en'));
  await player.account('embassy-fb').click();
  await player.jumpToNextEvent();
  await expect(progress).toHaveText(new RegExp(`^Reach [\\d,]+ of ${reachEn} by ${reachBy}$`));
  const early = figure(await progress.textContent());
  expect(early).toBeGreaterThan(0);
  await player.jumpToNextEvent();
  await expect.poll(async () => figure(await progress.textContent())).toBeGreaterThanOrEqual(early);
  await app.screenshotInBothSchemes(saveScreenshot, 'reach-desk-en');
  await app.switchLanguage('ru');
  await expect(progress).toHaveText(new RegExp(`^Охват [\\d\\s]+ из ${reachRu} к ${reachBy}$`));
  await app.screenshotInBothSchemes(saveScreenshot, 'reach-desk-ru');
  await app.switchLanguage('en');

  const debrief = await player.finishScenario();
  const section = page.getByRole('region', { name: 'Reach' });
  await expect(section).toBeVisible();
  const reach = debrief.reachTarget('embassy-fb', 'reach');
  await expect(reach.getByRole('heading', { name: /^Reach on / })).toBeVisible();
  await expect(reach.getByTestId('debrief-reach-words')).toHaveText(
    new RegExp(`^Reached [\\d,]+ of ${reachEn} by ${reachBy} — not met: the attempt ended at \\d:\\d\\d$`),
  );
  await expect(reach.getByText('Not met', { exact: true })).toBeVisible();
  const engagement = debrief.reachTarget('embassy-yt', 'engagement');
  await expect(engagement.getByTestId('debrief-reach-words')).toHaveText(
    new RegExp(`^Engagement \\(likes, shares and replies\\) \\d+ of ${literal(grouped(engagementTarget.value, 'en'))} by ${engagementBy} — not met`),
  );

  // The same numbers as a table, behind a disclosure the keyboard opens.
  const table = reach.getByRole('table');
  await expect(table).toBeHidden();
  await reach.getByText('The numbers, minute by minute').focus();
  await page.keyboard.press('Enter');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toHaveText(/^0:00\s*0$/);
  expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  await expectAccessible('the debrief with reach targets', { within: '[data-testid="debrief"]' });
  // From the top: the outcome and the scores, then the Reach section beside them.
  await page.getByTestId('debrief-title').scrollIntoViewIfNeeded();
  // The pointer left over the chart would hold a tooltip open in the pictures.
  await page.mouse.move(0, 0);
  await app.screenshotInBothSchemes(saveScreenshot, 'reach-debrief-en');

  await app.switchLanguage('ru');
  await expect(page.getByRole('region', { name: 'Охват' })).toBeVisible();
  await expect(reach.getByTestId('debrief-reach-words')).toHaveText(
    new RegExp(`^Охват [\\d\\s]+ из ${reachRu} к ${reachBy} — цель не достигнута: попытка завершена в \\d:\\d\\d$`),
  );
  await expect(reach.getByText('Цифры по минутам')).toBeVisible();
  await app.screenshotInBothSchemes(saveScreenshot, 'reach-debrief-ru');
});
