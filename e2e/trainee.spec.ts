// Runtime: Node (Playwright, web build). A trainee's day: make a profile, read a briefing, play a
// built-in scenario to its debrief, find it in the history; fail one on purpose; reload in the middle;
// switch the UI language while playing; read a feed of thousands of posts.
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft, poorDraft, writeLongFeedPack } from './packs';
import type { PlayerPage } from './pages/PlayerPage';

/** Answers every task as it opens with `draftFor`, jumping from event to event until nothing is left. */
async function playThrough(player: PlayerPage, draftFor: (taskId: string) => string): Promise<string[]> {
  const answered: string[] = [];
  for (let guard = 0; guard < 60; guard += 1) {
    if ((await player.root.getAttribute('data-state')) !== 'live') break;
    for (const taskId of await player.openTaskIds()) {
      await player.answer(taskId, draftFor(taskId));
      answered.push(taskId);
    }
    if (await player.next.isDisabled()) break;
    await player.jumpToNextEvent();
  }
  return answered;
}

test.describe('playing a built-in scenario', () => {
  test('good drafts: briefing → play → passed debrief → the attempt in the history', async ({ app, saveScreenshot, expectAccessible }) => {
    test.setTimeout(120_000);
    const scenario = builtInScenario('flights-suspended');
    const catalogue = await app.goToCatalogue('Lena Marsh');
    await expect(catalogue.courses.first()).toBeVisible();
    await expect(catalogue.scenarios).toHaveCount(7);
    await expect(catalogue.scenario('flights-suspended')).toHaveAttribute('data-status', 'not-started');
    await expectAccessible('the catalogue');
    await saveScreenshot('catalogue');

    const briefing = await catalogue.open('flights-suspended');
    await expect(briefing.title).toHaveText(scenario.title.en!);
    await expectAccessible('the briefing');
    await saveScreenshot('briefing');

    const player = await briefing.startScenario();
    await player.pause();
    await expect(player.clock).toContainText('0:00');
    await player.jumpToNextEvent();
    await expect(player.feedItems.first()).toBeVisible();
    await expectAccessible('the player');
    await saveScreenshot('player');

    const answered = await playThrough(player, (taskId) => goodDraft(scenario, taskId, 'en'));
    expect(answered).toEqual(expect.arrayContaining(['mass-notification', 'reply-pavel', 'rumour-post', 'reply-holt']));
    await expect(player.feedItems.filter({ hasText: 'Stay' }).first()).toBeVisible();

    const debrief = await player.finishScenario();
    await expect(debrief.outcome).toHaveAttribute('data-passed', 'true');
    await expect(debrief.tasks.filter({ has: app.page.locator('[data-result="passed"]') }).or(app.page.locator('[data-testid="debrief-task"][data-result="passed"]'))).toHaveCount(4);
    await expect(debrief.drafts.first()).toBeVisible();
    await expectAccessible('the debrief');
    await saveScreenshot('debrief-passed');

    const history = await app.goToHistory();
    await expect(history.rows).toHaveCount(1);
    await expect(history.rows.first()).toHaveAttribute('data-status', 'finished');
    await expect(history.rows.first()).toContainText(scenario.title.en!);
    await expectAccessible('the history');
    await saveScreenshot('history');

    await history.rows.first().getByTestId('attempt-open').click();
    await expect(debrief.outcome).toHaveAttribute('data-passed', 'true');

    const again = await app.goToCatalogue();
    await expect(again.scenario('flights-suspended')).toHaveAttribute('data-status', 'passed');
  });

  test('poor drafts: a branch is taken and the debrief says failed', async ({ app, saveScreenshot }) => {
    test.setTimeout(120_000);
    const scenario = builtInScenario('flights-suspended');
    const catalogue = await app.goToCatalogue('Omar Reyes');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();

    await playThrough(player, (taskId) => poorDraft(scenario, taskId));
    await expect(player.tasks.filter({ has: app.page.locator('[data-status="done"]') }).or(app.page.locator('[data-testid="player-task"][data-status="done"]')).first()).toBeVisible();

    const debrief = (await player.root.getAttribute('data-state')) === 'live' ? await player.finishScenario() : new (await import('./pages/DebriefPage')).DebriefPage(app.page);
    await expect(debrief.outcome).toHaveAttribute('data-passed', 'false');
    const branches = scenario.branches.map((branch) => branch.id);
    await expect(debrief.timeline.locator('[data-entry-type="branch"]').first()).toBeVisible();
    expect(branches.length).toBeGreaterThan(0);
    await saveScreenshot('debrief-failed');
  });
});

test.describe('keeping an attempt', () => {
  test('a reload in the middle of a scenario brings back exactly the same desk, draft included', async ({ app }) => {
    test.setTimeout(90_000);
    const scenario = builtInScenario('flights-suspended');
    const catalogue = await app.goToCatalogue('Ana Petrova');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    await player.jumpToNextEvent();
    await player.jumpToNextEvent();
    const [first] = await player.openTaskIds();
    expect(first).toBeTruthy();
    await player.answer(first!, goodDraft(scenario, first!, 'en'));
    await player.jumpToNextEvent();
    await player.text.fill('A draft I have not finished');
    await player.waitUntilSaved();
    await expect(player.root).toHaveAttribute('data-draft-saved', 'true');
    const before = await player.visibleState();

    await app.reload();
    await expect(player.root).toHaveAttribute('data-state', 'live');
    await expect(player.text).toHaveValue('A draft I have not finished');
    expect(await player.visibleState()).toEqual(before);
  });

  test('the UI language changes mid-scenario; the scenario keeps its own language', async ({ app, saveScreenshot }) => {
    const catalogue = await app.goToCatalogue('Ivo Tan');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    await player.jumpToNextEvent();
    const firstPost = (await player.feedItems.first().textContent()) ?? '';

    await app.switchLanguage('ru');
    await expect(player.clock).toContainText('из');
    await expect(player.next).toHaveText('Следующее событие');
    expect((await player.feedItems.first().textContent()) ?? '').toBe(firstPost);
    await player.jumpToNextEvent();
    await saveScreenshot('player-ru');

    await app.switchLanguage('en');
    await expect(player.next).toHaveText('Next event');
  });
});

test.describe('a long feed', () => {
  test('5,000 posts scroll smoothly, and new ones do not move what the trainee is reading', async ({ app, page, saveScreenshot }) => {
    test.setTimeout(120_000);
    const file = writeLongFeedPack(5000);
    const catalogue = await app.goToCatalogue('Mei Chen');
    await catalogue.installPack(file);
    await expect(catalogue.installDone).toBeVisible();
    const player = await (await catalogue.open('long-feed')).startScenario();
    await player.pause();
    await player.jumpToNextEvent();
    await expect(player.feedItems.first()).toContainText('Post number 2500');
    // Virtualized: only what is on screen is in the page.
    expect(await player.feedItems.count()).toBeLessThan(100);

    const scroller = page.getByTestId('feed-scroller');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(player.feedItems.filter({ hasText: /^.*Post number 1$/ }).or(page.locator('[data-item-id="post-1"]'))).toBeVisible();

    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
    const reading = page.locator('[data-testid="feed-item"]').nth(3);
    const readingId = await reading.getAttribute('data-item-id');
    const readingTop = (await reading.boundingBox())!.y;
    await player.jumpToNextEvent();
    await expect(player.newItems).toBeVisible();
    const same = page.locator(`[data-testid="feed-item"][data-item-id="${readingId}"]`);
    await expect(same).toBeVisible();
    expect(Math.abs((await same.boundingBox())!.y - readingTop)).toBeLessThan(2);
    await saveScreenshot('long-feed');

    await player.newItems.click();
    await expect(page.locator('[data-item-id="post-5000"]')).toBeVisible();
  });
});
