// Runtime: Node (Playwright, web build). A report to headquarters (language-year-reception's note on the evening): written
// from the headquarters conversation in the inbox, aimed "Report to headquarters · <account>", sent into that
// conversation and into no feed; the debrief shows beside it what headquarters could check when it was sent.
// Pictured in English and Russian, light and dark.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Persona } from '../renderer/src/core/pack/schema';
import { CORE_LIBRARY_DIR } from '../renderer/src/test/packs';
import { offsetMinutes } from '../renderer/src/core/pack/schema';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';

/** Light, then dark, then back to light: both pictures of what is on screen. */

test('a report to headquarters: written from their conversation, kept out of every feed, checked in the debrief', async ({ app, page, saveScreenshot }) => {
  test.setTimeout(180_000);
  const scenario = builtInScenario('language-year-reception');
  const task = scenario.tasks.find((candidate) => candidate.id === 'report-hq')!;
  // Headquarters as the inbox names them: whoever last wrote to the report's account before it opens.
  const request = scenario.timeline
    .filter((inject) => inject.type === 'hq-request' && inject.account === task.account && offsetMinutes(inject.at) <= offsetMinutes(task.opensAt!))
    .at(-1)!;
  const packPersonas = (parse(readFileSync(path.join(CORE_LIBRARY_DIR, 'personas.yaml'), 'utf8')) as { personas: Persona[] }).personas;
  const headquarters = [...scenario.personas, ...packPersonas].find((persona) => persona.id === request.persona)!.name.en!;
  const account = scenario.accounts.find((candidate) => candidate.id === task.account)!;

  const catalogue = await app.goToCatalogue('Ines Duarte');
  const player = await (await catalogue.open('language-year-reception', { timeout: 60_000 })).startScenario();
  await player.pause();
  await player.jumpUntilOpen('report-hq');

  await player.inbox.click();
  await page
    .getByTestId('inbox')
    .getByRole('button', { name: `Write the report to ${headquarters}` })
    // Their latest request, the one asking for the note: a conversation reads oldest first.
    .last()
    .click();
  await expect(page.getByTestId('composer-target-line')).toContainText(`Report to headquarters · ${account.name.en}`);
  await player.text.fill(goodDraft(scenario, 'report-hq', 'en'));
  // The note's limits as the task sets them (40–250 words when it does not).
  const words = task.report?.words ?? { min: 40, max: 250 };
  await expect(page.getByTestId('composer-counter')).toHaveText(new RegExp(`^\\d+ words · ${words.min}–${words.max} for this note$`));
  await app.screenshotInBothSchemes(saveScreenshot, 'report-composer-en');
  await app.switchLanguage('ru');
  await expect(page.getByTestId('composer-target-line')).toContainText('Отчёт в Центр · ');
  await app.screenshotInBothSchemes(saveScreenshot, 'report-composer-ru');
  await app.switchLanguage('en');

  await page.getByRole('button', { name: /^Send report to headquarters/ }).click();
  const sent = page.getByTestId('inbox').locator('[data-testid="inbox-item"][data-kind="report"]');
  await expect(sent).toHaveCount(1);
  await expect(sent).toHaveAttribute('aria-label', /^Your report to headquarters, /);
  await expect(player.task('report-hq')).toHaveAttribute('data-status', 'done');
  // Never in a public feed.
  await player.account(task.account).click();
  await expect(page.locator('[data-kind="report"]')).toHaveCount(0);

  const debrief = await player.finishScenario();
  await expect(debrief.outcome).toBeVisible();
  const facts = page.locator('[data-testid="debrief-draft"][data-task-id="report-hq"]').getByTestId('debrief-report-facts');
  await expect(facts).toContainText(`What headquarters could check, as of ${task.opensAt}`);
  await expect(facts).toContainText(/\d+ repl(y|ies)/);
  await facts.scrollIntoViewIfNeeded();
  await app.screenshotInBothSchemes(saveScreenshot, 'report-debrief-en');
  await app.switchLanguage('ru');
  await expect(facts).toContainText(`Что мог проверить Центр на ${task.opensAt}`);
  await app.screenshotInBothSchemes(saveScreenshot, 'report-debrief-ru');
});
