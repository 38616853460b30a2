// Runtime: Node (Playwright, web build). Clearance by headquarters (detained-citizen: every public word
// on the embassy's X account is cleared by the ministry's press department first): a poor draft is sent
// and waits, comes back with comments in the headquarters conversation, is revised and sent again, is
// cleared and published as cleared; the debrief lists both round trips. Pictured in English and Russian,
// light and dark.
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft, poorDraft } from './packs';

/** Light, then dark, then back to light: both pictures of what is on screen. */

test('clearance by headquarters: sent, returned, revised, cleared, published; the debrief lists each round trip', async ({
  app,
  page,
  saveScreenshot,
  expectAccessible,
}) => {
  test.setTimeout(180_000);
  const scenario = builtInScenario('detained-citizen');
  const catalogue = await app.goToCatalogue('Ines Duarte');
  const player = await (await catalogue.open('detained-citizen', { timeout: 60_000 })).startScenario();
  await player.pause();
  await player.jumpUntilOpen('holding-statement');
  const sentAt = await player.time();
  const at = `${Math.floor(sentAt / 60)}:${String(sentAt % 60).padStart(2, '0')}`;

  // A poor draft: publishing it now would be a breach; it goes to headquarters instead.
  await player.task('holding-statement').getByTestId('player-task-write').click();
  await player.text.fill(poorDraft(scenario, 'holding-statement'));
  await expect(player.composerClearance).toHaveText('Not cleared by headquarters: publishing it now is a policy breach.');
  await expect(player.publish).toBeEnabled();
  await page.getByRole('button', { name: /^Send for clearance by headquarters: / }).click();
  await expect(player.taskClearance('holding-statement')).toHaveText(`Sent for clearance at ${at} — waiting`);
  await expect(player.composerClearance).toHaveText(`Sent for clearance at ${at} — waiting for headquarters.`);
  await expect(player.sendForClearance).toBeDisabled();
  await app.screenshotInBothSchemes(saveScreenshot, 'clearance-desk-waiting-en');

  // The answer comes in its own time; the deadline does not wait.
  await player.jumpUntilAnswered('holding-statement', 'returned');
  await player.inbox.click();
  const conversation = player.inboxConversation('MFA Press Department');
  const answer = conversation.getByTestId('inbox-clearance').last();
  await expect(answer.getByTestId('inbox-clearance-verdict')).toHaveText('Returned with comments');
  await expect(answer.getByTestId('inbox-clearance-comments').getByRole('listitem').first()).toBeVisible();
  await answer.scrollIntoViewIfNeeded();
  await expectAccessible('the headquarters conversation with an answer', { within: '[data-testid="inbox"]' });
  await app.screenshotInBothSchemes(saveScreenshot, 'clearance-answer-en');
  await app.switchLanguage('ru');
  await expect(answer.getByTestId('inbox-clearance-verdict')).toHaveText('Возвращено с замечаниями');
  await app.screenshotInBothSchemes(saveScreenshot, 'clearance-answer-ru');
  await app.switchLanguage('en');

  // "Revise" gives the draft back; the revised one goes with the keyboard.
  await answer.getByRole('button', { name: /^Revise the draft/ }).click();
  await expect(player.text).toBeFocused();
  await expect(player.text).toHaveValue(poorDraft(scenario, 'holding-statement'));
  await player.text.fill(goodDraft(scenario, 'holding-statement', 'en'));
  await player.text.press('Control+Shift+Enter');
  await expect(player.taskClearance('holding-statement')).toHaveAttribute('data-state', 'pending');
  await player.jumpUntilAnswered('holding-statement', 'cleared');
  await expect(player.composerClearance).toHaveText('Cleared by headquarters: this text can go out as it stands.');
  await app.screenshotInBothSchemes(saveScreenshot, 'clearance-desk-cleared-en');
  await app.switchLanguage('ru');
  await expect(player.composerClearance).toHaveText('Согласовано с Центром: этот текст можно публиковать как есть.');
  await expect(player.taskClearance('holding-statement')).toHaveText(/^Согласовано Центром в \d:\d\d$/);
  await app.screenshotInBothSchemes(saveScreenshot, 'clearance-desk-cleared-ru');
  await app.switchLanguage('en');
  await player.text.press('Control+Enter');
  await expect(player.task('holding-statement')).toHaveAttribute('data-status', 'done');

  const debrief = await player.finishScenario();
  const section = page.getByRole('region', { name: 'Clearance by headquarters' });
  await expect(section).toBeVisible();
  const trips = section.getByTestId('debrief-clearance-trip');
  await expect(trips).toHaveCount(2);
  await expect(trips.nth(0)).toHaveAttribute('data-verdict', 'returned');
  await expect(trips.nth(1)).toHaveAttribute('data-verdict', 'cleared');
  await expect(trips.nth(1).getByRole('cell').last()).toHaveText('Published as sent');
  await expect(section.getByTestId('debrief-clearance-task').first()).toHaveText(
    /^Publish the cleared holding statement: 2 requests, waited \d+ minutes of the \d+ minutes the task allowed — published cleared$/,
  );
  await expect(debrief.outcome).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await expectAccessible('the debrief with clearance', { within: '[data-testid="debrief"]' });
  await app.screenshotInBothSchemes(saveScreenshot, 'clearance-debrief-en');
  await app.switchLanguage('ru');
  await expect(page.getByRole('region', { name: 'Согласование с Центром' })).toBeVisible();
  await page.getByTestId('debrief-clearance').scrollIntoViewIfNeeded();
  await app.screenshotInBothSchemes(saveScreenshot, 'clearance-debrief-ru');
});
