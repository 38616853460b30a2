// Runtime: Node (Playwright, web build). A report to headquarters (hq-coordination's mood report): written
// from the headquarters conversation in the inbox, aimed "Report to headquarters · <account>", sent into that
// conversation and into no feed; the debrief shows beside it what headquarters could check when it was sent.
// Pictured in English and Russian, light and dark.
import type { Page } from '@playwright/test';
import { offsetMinutes } from '../renderer/src/core/pack/schema';
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

test('a report to headquarters: written from their conversation, kept out of every feed, checked in the debrief', async ({ app, page, saveScreenshot }) => {
  test.setTimeout(180_000);
  const scenario = builtInScenario('hq-coordination');
  const task = scenario.tasks.find((candidate) => candidate.id === 'mood-report')!;
  // Headquarters as the inbox names them: whoever last wrote to the report's account before it opens.
  const request = scenario.timeline
    .filter((inject) => inject.type === 'hq-request' && inject.account === task.account && offsetMinutes(inject.at) <= offsetMinutes(task.opensAt!))
    .at(-1)!;
  const headquarters = scenario.personas.find((persona) => persona.id === request.persona)!.name.en!;
  const account = scenario.accounts.find((candidate) => candidate.id === task.account)!;

  const catalogue = await app.goToCatalogue('Ines Duarte');
  const player = await (await catalogue.open('hq-coordination', { timeout: 60_000 })).startScenario();
  await player.pause();
  await player.jumpUntilOpen('mood-report');

  await player.inbox.click();
  await page
    .getByTestId('inbox')
    .getByRole('button', { name: `Write the report to ${headquarters}` })
    .click();
  await expect(page.getByTestId('composer-target-line')).toContainText(`Report to headquarters · ${account.name.en}`);
  await player.text.fill(goodDraft(scenario, 'mood-report', 'en'));
  await expect(page.getByTestId('composer-counter')).toHaveText(/^\d+ words · 40–200 for this note$/);
  await inBothSchemes(page, app, saveScreenshot, 'report-composer-en');
  await app.switchLanguage('ru');
  await expect(page.getByTestId('composer-target-line')).toContainText('Отчёт в Центр · ');
  await inBothSchemes(page, app, saveScreenshot, 'report-composer-ru');
  await app.switchLanguage('en');

  await page.getByRole('button', { name: /^Send report to headquarters/ }).click();
  const sent = page.getByTestId('inbox').locator('[data-testid="inbox-item"][data-kind="report"]');
  await expect(sent).toHaveCount(1);
  await expect(sent).toHaveAttribute('aria-label', /^Your report to headquarters, /);
  await expect(player.task('mood-report')).toHaveAttribute('data-status', 'done');
  // Never in a public feed.
  await player.account(task.account).click();
  await expect(page.locator('[data-kind="report"]')).toHaveCount(0);

  const debrief = await player.finishScenario();
  await expect(debrief.outcome).toBeVisible();
  const facts = page.locator('[data-testid="debrief-draft"][data-task-id="mood-report"]').getByTestId('debrief-report-facts');
  await expect(facts).toContainText(`What headquarters could check, as of ${task.opensAt}`);
  await expect(facts).toContainText(/\d+ repl(y|ies)/);
  await facts.scrollIntoViewIfNeeded();
  await inBothSchemes(page, app, saveScreenshot, 'report-debrief-en');
  await app.switchLanguage('ru');
  await expect(facts).toContainText(`Что мог проверить Центр на ${task.opensAt}`);
  await inBothSchemes(page, app, saveScreenshot, 'report-debrief-ru');
});
