// Runtime: Node (Playwright, web build). The composer aims where the trainee aims, on a built-in
// scenario with tasks on two accounts (Telegram and X): on the X feed a Telegram task that opens is
// offered, never taken, and Ctrl+Enter publishes exactly what the composer's line says; the offered
// task is taken with one click; a thread part over X's limit is refused until it is split. The
// composer photographed in English and Russian, light and dark, at 1280×720.
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import type { AppPage } from './pages/AppPage';
import type { PlayerPage } from './pages/PlayerPage';

const SCENARIO = 'earthquake-consular';
const X = 'embassy-x';
const TELEGRAM = 'embassy-telegram';

test.use({ viewport: { width: 1280, height: 720 } });

/** Opens the scenario paused, on the X feed, once the Telegram task has opened. */
async function onXWhenTelegramTaskOpens(app: AppPage, trainee: string): Promise<PlayerPage> {
  const catalogue = await app.goToCatalogue(trainee);
  const player = await (await catalogue.open(SCENARIO)).startScenario();
  await player.pause();
  await player.account(X).click();
  await expect(player.account(X)).toHaveAttribute('aria-current', 'true');
  await player.jumpUntilOpen('first-post');
  return player;
}

test.describe('the composer’s aim', () => {
  test('on the X feed, a task opening on Telegram is offered, never taken; Ctrl+Enter publishes on X, then the offer is taken', async ({ app, page }) => {
    test.setTimeout(90_000);
    const scenario = builtInScenario(SCENARIO);
    const player = await onXWhenTelegramTaskOpens(app, 'Aino Virta');

    // Still on X, still a post of one's own: the Telegram task is offered beside it.
    await expect(player.account(X)).toHaveAttribute('aria-current', 'true');
    await player.expectComposerAim({ account: X, kind: 'post', task: '', replyTo: '' });
    await expect(page.getByTestId('composer-target-line')).toHaveText('Post on X · Embassy of Azuria in Tallvik @AzuriaInTallvik · own publication');
    const offer = player.composerOffer('first-post');
    await expect(offer).toContainText('New task on Telegram · @AzuriaEmbassyTallvik');
    await expect(player.publish).toHaveText('Publish post on X');

    const own = 'Our consular team in Tallvik is working through the night. Updates follow here.';
    await player.text.fill(own);
    await expect(page.getByRole('button', { name: /^Publish post on X: Embassy of Azuria in Tallvik @AzuriaInTallvik · own publication$/ })).toBeEnabled();
    await player.text.press('Control+Enter');
    // Published where the line said: on the X feed, for no task; the Telegram task is still open.
    await expect(player.feedItems.filter({ hasText: own })).toHaveCount(1);
    await expect(player.account(X)).toHaveAttribute('aria-current', 'true');
    await expect(player.task('first-post')).toHaveAttribute('data-status', 'open');
    await player.expectComposerAim({ account: X, kind: 'post', task: '', replyTo: '' });

    // Taken with one click: the Telegram feed opens and the line names the task.
    await offer.getByRole('button', { name: /^Write it/ }).click();
    await expect(player.account(TELEGRAM)).toHaveAttribute('aria-current', 'true');
    await player.expectComposerAim({ account: TELEGRAM, kind: 'post', task: 'first-post' });
    await expect(player.text).toBeFocused();
    await expect(player.composerOffer('first-post')).toHaveCount(0);
    await player.text.fill(goodDraft(scenario, 'first-post', 'en'));
    await player.text.press('Control+Enter');
    await expect(player.task('first-post')).toHaveAttribute('data-status', 'done');
    await player.expectComposerAim({ account: TELEGRAM, kind: 'post', task: '', replyTo: '' });
  });

  test('a thread part over X’s limit is refused, saying which part, its length and the limit; split, it goes out', async ({ app, page }) => {
    test.setTimeout(90_000);
    const scenario = builtInScenario(SCENARIO);
    const catalogue = await app.goToCatalogue('Jonas Berg');
    const player = await (await catalogue.open(SCENARIO)).startScenario();
    await player.pause();
    await player.jumpUntilOpen('steps-thread');
    await player.task('steps-thread').getByTestId('player-task-write').click();
    await player.expectComposerAim({ account: X, kind: 'thread', task: 'steps-thread' });
    await expect(player.publish).toHaveText('Publish thread on X');

    const long = 'Register with the embassy online so we know where you are and can reach you. '.repeat(6).trimEnd();
    await player.text.fill(`If you are in Tallvik, stay where you are safe.\n\n${long}`);
    await expect(player.composerRefusal).toContainText('X would refuse this');
    await expect(page.getByTestId('composer-refusal-message')).toHaveText(
      `Post 2 of the thread has ${long.length} characters; X takes at most 280 in each post.`,
    );
    await expect(page.getByTestId('composer-refusal-fix')).toHaveText('Split it: leave a blank line where the next post should start. Or shorten it.');
    await expect(player.publish).toBeDisabled();
    await player.text.press('Control+Enter');
    await expect(player.text).toHaveValue(/Register with the embassy/);
    await expect(player.task('steps-thread')).toHaveAttribute('data-status', 'open');
    await expect(player.feedItems.and(page.locator('[data-source="trainee"]'))).toHaveCount(0);

    await player.text.fill(goodDraft(scenario, 'steps-thread', 'en'));
    await expect(player.composerRefusal).toHaveCount(0);
    await player.text.press('Control+Enter');
    await expect(player.task('steps-thread')).toHaveAttribute('data-status', 'done');
  });
});

test.describe('the composer photographed', () => {
  test('English and Russian, light and dark, at 1280×720: the line, an offer, a refusal', async ({ app, page, saveScreenshot, expectAccessible }) => {
    test.setTimeout(90_000);
    const player = await onXWhenTelegramTaskOpens(app, 'Mia Laine');
    await player.text.fill(`${'Our consular team in Tallvik is working through the night to reach every registered citizen. '.repeat(4).trimEnd()}`);
    await expect(player.composerRefusal).toBeVisible();
    await expect(player.composerOffer('first-post')).toBeVisible();
    await expectAccessible('the composer with an offer and a refusal', { within: '[data-testid="composer"]' });
    await saveScreenshot('composer-en-light');
    // The choices behind "Change", from the keyboard.
    await page.getByRole('button', { name: 'Change account, kind or task' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('composer-account')).toBeVisible();
    await expect(page.getByTestId('composer-account')).toHaveValue(X);
    await saveScreenshot('composer-en-light-change');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('composer-account')).toBeHidden();

    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectColorScheme('dark');
    await expectAccessible('the composer in dark mode', { within: '[data-testid="composer"]' });
    await saveScreenshot('composer-en-dark');

    await app.switchLanguage('ru');
    await expect(page.getByTestId('composer-target-line')).toHaveText('Публикация · X · Embassy of Azuria in Tallvik @AzuriaInTallvik · без задачи');
    await expect(player.composerRefusal).toContainText('X не примет этот текст');
    await saveScreenshot('composer-ru-dark');

    await page.emulateMedia({ colorScheme: 'light' });
    await app.expectColorScheme('light');
    await saveScreenshot('composer-ru-light');
  });
});
