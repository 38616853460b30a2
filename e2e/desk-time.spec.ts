// Runtime: Node (Playwright, web build). Time and counts on the desk: the T+0:00 inject is there at
// once; "Next event" stops at each event the engine names, in order; the clock runs at 60×; once
// nothing is left, "Skip to the end" offers Finish; read badges do not come back after a reload; the
// finish dialog counts missed and not-reached tasks as the debrief then does.
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import { DebriefPage } from './pages/DebriefPage';
import type { PlayerPage } from './pages/PlayerPage';
import { advanceTo, initialTimeline, nextEventTime, start } from '../renderer/src/core/engine/timeline';

// The library's scenarios are large and the machine may be busy: opening a briefing can take a while.
const SLOW = { timeout: 30_000 };

test.describe('time on the desk', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the T+0:00 inject is in the feed at once, and the top bar fits at 1280 px', async ({ app, page, saveScreenshot }) => {
    const catalogue = await app.goToCatalogue('Ines Duarte');
    const player = await (await catalogue.open('flights-suspended', SLOW)).startScenario();
    await player.pause();
    await expect(player.clock).toHaveText('T+0:00 of 3:00');
    // The opening news is on the X account: its badge says so at T+0:00, and its feed shows it.
    await expect(player.unreadBadge('embassy-x')).toHaveText('1');
    await player.account('embassy-x').click();
    await expect(page.locator('[data-testid="feed-item"][data-item-id="airport-closed"]')).toBeVisible();
    await expect(player.clock).toHaveText('T+0:00 of 3:00');
    // Speeds, Next event and Finish stay on the top bar's line at 1280 px.
    const bar = await player.speed.boundingBox();
    const finish = await player.finish.boundingBox();
    expect(bar && finish && Math.abs(bar.y - finish.y) < bar.height).toBe(true);
    await saveScreenshot('desk-time-start');
    await app.switchLanguage('ru');
    await expect(player.next).toHaveText('Следующее событие');
    await saveScreenshot('desk-time-start-ru');
  });

  test('"Next event" stops at each event of a library scenario, in order', async ({ app }) => {
    const scenario = builtInScenario('earthquake-consular');
    const catalogue = await app.goToCatalogue('Tomas Berg');
    const player = await (await catalogue.open('earthquake-consular', SLOW)).startScenario();
    await player.pause();
    // The engine's own stops with nothing published: injects at 0:04 and 0:05 come before anything later.
    const input = { scenario, playLanguage: 'en', seed: 1 };
    let state = start(input, initialTimeline(input));
    const expected: number[] = [];
    for (let next = nextEventTime(input, state); next !== null && expected.length < 10; next = nextEventTime(input, state)) {
      expected.push(next);
      state = advanceTo(input, state, next);
    }
    expect(expected.slice(0, 2)).toEqual([4, 5]);
    const seen: number[] = [];
    for (const minute of expected) {
      if ((await player.root.getAttribute('data-state')) !== 'live') break;
      await player.jumpToNextEvent();
      seen.push(await player.time());
      expect(seen.at(-1)).toBe(minute);
    }
    expect(seen.length).toBeGreaterThan(5);
  });

  test('the clock runs at 60×, chosen from the speed list', async ({ app }) => {
    const catalogue = await app.goToCatalogue('Ada Novak');
    const player = await (await catalogue.open('flights-suspended', SLOW)).startScenario();
    await player.pause();
    await expect(player.speed.locator('option')).toHaveText(['Pause', '1×', '2×', '4×', '8×', '15×', '30×', '60×']);
    const before = await player.time();
    await player.setSpeed(60);
    // At 60× a simulated minute passes every real second.
    await expect.poll(() => player.time(), { timeout: 10_000 }).toBeGreaterThan(before);
    await player.pause();
  });

  test('once nothing is left to happen, "Skip to the end" offers the end or Finish', async ({ app, page, saveScreenshot }) => {
    const scenario = builtInScenario('flights-suspended');
    // In the dark theme, to see the button and the dialog there too.
    await app.open('/#/settings');
    await app.settings.chooseTheme('Dark');
    await app.expectColorScheme('dark');
    const catalogue = await app.goToCatalogue('Rui Costa');
    const player = await (await catalogue.open('flights-suspended', SLOW)).startScenario();
    await player.pause();
    await playUntilNothingLeft(player, (taskId) => goodDraft(scenario, taskId, 'en'));
    await expect(player.next).toHaveCount(0);
    await expect(player.skip).toHaveText('Skip to the end');
    await expect(player.skip).toBeEnabled();
    await player.skip.click();
    const dialog = page.getByTestId('player-skip-dialog');
    await expect(dialog).toContainText('No more messages, tasks or deadlines come before the scenario ends at T+3:00.');
    await expect(dialog.getByRole('button', { name: 'Finish now' })).toBeVisible();
    await saveScreenshot('desk-time-skip');
    await dialog.getByRole('button', { name: 'Skip to T+3:00' }).click();
    await expect(new DebriefPage(page).outcome).toBeVisible();
  });
});

test.describe('counts on the desk', () => {
  test.describe.configure({ timeout: 120_000 });

  test('read badges do not come back after a reload, and the desk reopens where it was', async ({ app, page }) => {
    const catalogue = await app.goToCatalogue('Lina Park');
    const player = await (await catalogue.open('flights-suspended', SLOW)).startScenario();
    await player.pause();
    await player.jumpToNextEvent();
    await expect(player.unreadBadge('embassy-x')).toHaveText('2');
    await player.account('embassy-x').click();
    await expect(player.unreadBadge('embassy-x')).toHaveCount(0);
    await player.account('embassy-telegram').click();
    await expect(player.root).toHaveAttribute('data-desk-saved', 'true');
    await player.waitUntilSaved();

    await page.reload();
    await expect(player.root).toHaveAttribute('data-state', 'live');
    await expect(player.account('embassy-telegram')).toHaveAttribute('aria-current', 'true');
    await expect(player.unreadBadge('embassy-x')).toHaveCount(0);
  });

  test('the finish dialog counts missed and not-reached tasks as the debrief does', async ({ app, page, saveScreenshot }) => {
    const scenario = builtInScenario('flights-suspended');
    const catalogue = await app.goToCatalogue('Omar Haddad');
    const player = await (await catalogue.open('flights-suspended', SLOW)).startScenario();
    await player.pause();
    await player.jumpUntilOpen('mass-notification');
    await player.answer('mass-notification', goodDraft(scenario, 'mass-notification', 'en'));
    await player.jumpUntilOpen('reply-pavel');
    await player.openFinishDialog();
    const dialog = page.getByTestId('player-finish-dialog');
    await expect(dialog.getByTestId('player-finish-missed')).toHaveText('1 open task will count as missed.');
    await expect(dialog.getByTestId('player-finish-not-reached')).toContainText('that have not opened yet will count as not reached, scoring 0.');
    const counts = dialog.locator('[data-missed]');
    const missed = await counts.getAttribute('data-missed');
    const notReached = await counts.getAttribute('data-not-reached');
    expect(Number(notReached)).toBeGreaterThan(0);
    await saveScreenshot('desk-time-finish-dialog');

    const debrief = await player.finishScenario();
    const debriefCounts = debrief.page.getByTestId('debrief-task-counts');
    await expect(debriefCounts).toHaveAttribute('data-missed', missed!);
    await expect(debriefCounts).toHaveAttribute('data-not-reached', notReached!);
  });
});

/** Answers every task as it opens, jumping from event to event, until nothing is left to happen. */
async function playUntilNothingLeft(player: PlayerPage, draftFor: (taskId: string) => string): Promise<void> {
  for (let guard = 0; guard < 60; guard += 1) {
    for (const taskId of await player.openTaskIds()) await player.answer(taskId, draftFor(taskId));
    if (await player.nothingLeft()) return;
    await player.jumpToNextEvent();
  }
  throw new Error('the scenario never ran out of events');
}
