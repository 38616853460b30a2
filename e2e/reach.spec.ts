// Runtime: Node (Playwright, web build). Reach as a goal (page-launch: reach 1,500 on the Facebook page
// by 2:30, engagement 40 on the video channel): the account's header counts towards its target as the
// audience reacts, and the debrief's Reach section says what was achieved against each target, with its
// chart and a table of the same numbers. Pictured in English and Russian, light and dark.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import type { AppPage } from './pages/AppPage';

/** Light, then dark, then back to light: both pictures of what is on screen. */
async function inBothSchemes(page: Page, app: AppPage, saveScreenshot: (name: string) => Promise<void>, name: string): Promise<void> {
  await saveScreenshot(`${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.expectColorScheme('dark');
  await saveScreenshot(`${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await app.expectColorScheme('light');
}

/** A number as the English interface groups it: "1,491" → 1491. */
const figure = (text: string | null) => Number((/Reach ([\d,]+) of/.exec(text ?? '')?.[1] ?? 'NaN').replace(/,/g, ''));

test('reach targets: the desk counts towards them, the debrief sets the attempt against them', async ({ app, page, saveScreenshot, expectAccessible }) => {
  test.setTimeout(180_000);
  const scenario = builtInScenario('page-launch');
  const catalogue = await app.goToCatalogue('Ines Duarte');
  const player = await (await catalogue.open('page-launch', { timeout: 60_000 })).startScenario();
  await player.pause();

  // Before anything is published the page has reached no one.
  await player.account('embassy-fb').click();
  const progress = player.reachProgress('reach');
  await expect(progress).toHaveText('Reach 0 of 1,500 by 2:30');

  await player.jumpUntilOpen('welcome-post');
  await player.answer('welcome-post', goodDraft(scenario, 'welcome-post', 'en'));
  await player.account('embassy-fb').click();
  await player.jumpToNextEvent();
  await expect(progress).toHaveText(/^Reach [\d,]+ of 1,500 by 2:30$/);
  const early = figure(await progress.textContent());
  expect(early).toBeGreaterThan(0);
  await player.jumpToNextEvent();
  await expect.poll(async () => figure(await progress.textContent())).toBeGreaterThanOrEqual(early);
  await inBothSchemes(page, app, saveScreenshot, 'reach-desk-en');
  await app.switchLanguage('ru');
  await expect(progress).toHaveText(/^Охват [\d\s]+ из 1\s500 к 2:30$/);
  await inBothSchemes(page, app, saveScreenshot, 'reach-desk-ru');
  await app.switchLanguage('en');

  const debrief = await player.finishScenario();
  const section = page.getByRole('region', { name: 'Reach' });
  await expect(section).toBeVisible();
  const reach = debrief.reachTarget('embassy-fb', 'reach');
  await expect(reach.getByRole('heading', { name: /^Reach on / })).toBeVisible();
  await expect(reach.getByTestId('debrief-reach-words')).toHaveText(/^Reached [\d,]+ of 1,500 by 2:30 — not met: the attempt ended at \d:\d\d$/);
  await expect(reach.getByText('Not met', { exact: true })).toBeVisible();
  const engagement = debrief.reachTarget('embassy-yt', 'engagement');
  await expect(engagement.getByTestId('debrief-reach-words')).toHaveText(/^Engagement \(likes, shares and replies\) \d+ of 40 by 2:30 — not met/);

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
  await inBothSchemes(page, app, saveScreenshot, 'reach-debrief-en');

  await app.switchLanguage('ru');
  await expect(page.getByRole('region', { name: 'Охват' })).toBeVisible();
  await expect(reach.getByTestId('debrief-reach-words')).toHaveText(/^Охват [\d\s]+ из 1\s500 к 2:30 — цель не достигнута: попытка завершена в \d:\d\d$/);
  await expect(reach.getByText('Цифры по минутам')).toBeVisible();
  await inBothSchemes(page, app, saveScreenshot, 'reach-debrief-ru');
});
