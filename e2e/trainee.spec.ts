// Runtime: Node (Playwright, web build). A trainee's day: make a profile, read a briefing, play a
// built-in scenario to its debrief, find it in the history; fail one on purpose; reload in the middle;
// switch the UI language while playing; reply off-task; read a folded post; delete a profile; read a
// feed of thousands of posts.
import { expect, test } from './fixtures';
import type { Scenario } from '../renderer/src/core/pack/schema';
import {
  builtInScenario,
  builtInScenarioIds,
  commentsToHide,
  goodDraft,
  needsClearance,
  poorDraft,
  reportRequest,
  writeLongFeedPack,
  writePicturePack,
} from './packs';
import { HistoryPage } from './pages/HistoryPage';
import { PlayerPage } from './pages/PlayerPage';

/**
 * Answers every task as it opens with `draftFor`, jumping from event to event until nothing is left,
 * and does each task as the desk asks: where headquarters must clear it, the draft goes to them first
 * and the cleared text is taken back from their answer and published; a report is written from the
 * headquarters conversation; a moderation task is watched on its stream with the clock running,
 * hiding abuse and spam as they arrive (the pack says which comment is which).
 */
async function playThrough(player: PlayerPage, scenario: Scenario, language: string, draftFor: (taskId: string) => string): Promise<string[]> {
  const answered: string[] = [];
  const sent = new Set<string>();
  const hidden = new Set<string>();
  const taskOf = (taskId: string) => scenario.tasks.find((task) => task.id === taskId)!;
  for (let guard = 0; guard < 200; guard += 1) {
    if ((await player.root.getAttribute('data-state')) !== 'live') break;
    const watching: string[] = [];
    for (const taskId of await player.openTaskIds()) {
      const task = taskOf(taskId);
      if (task.kind === 'moderation') {
        watching.push(taskId);
      } else if (task.kind === 'report') {
        await player.writeReport(taskId, reportRequest(scenario, taskId, language), draftFor(taskId));
        answered.push(taskId);
      } else if (!needsClearance(scenario, taskId)) {
        await player.answer(taskId, draftFor(taskId));
        answered.push(taskId);
      } else if (!sent.has(taskId)) {
        await player.requestClearance(taskId, draftFor(taskId));
        sent.add(taskId);
      } else {
        const verdict = await player.taskClearance(taskId).getAttribute('data-state');
        if (verdict === 'returned') throw new Error(`headquarters returned the model answer of ${scenario.id}/${taskId} (${language}) with comments`);
        if (verdict !== 'cleared') continue;
        await player.useClearedText(draftFor(taskId));
        await player.publishComposed(taskId);
        answered.push(taskId);
      }
    }

    // On the air: the clock runs until the next comment to hide arrives, or a task wants the trainee.
    const next = watching
      .flatMap((taskId) => commentsToHide(scenario, taskId).map((comment) => ({ ...comment, taskId })))
      .filter((comment) => !hidden.has(comment.id))
      .sort((a, b) => a.at - b.at)[0];
    if (next) {
      await player.account(taskOf(next.taskId).account).click();
      if (await player.newItems.isVisible()) await player.newItems.click();
      const waiting = [...sent].filter((taskId) => !answered.includes(taskId));
      const quiet = [...watching, ...waiting].map((taskId) => `:not([data-task-id="${taskId}"])`).join('');
      const wanted = [
        `[data-testid="player-task"][data-status="open"]${quiet}`,
        `[data-testid="player-task"][data-task-id="${next.taskId}"]:not([data-status="open"])`,
        ...waiting.map((taskId) => `[data-testid="player-task"][data-task-id="${taskId}"] [data-testid="player-task-clearance"]:not([data-state="pending"])`),
        PlayerPage.liveCommentSelector(next.id),
      ].join(', ');
      await player.runUntil(wanted);
      if (await player.liveComment(next.id).isVisible()) {
        await player.hideComment(next.id);
        hidden.add(next.id);
      }
      continue;
    }
    if (await player.nothingLeft()) break;
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
    await expect(catalogue.scenarios).toHaveCount(builtInScenarioIds().length);
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
    await player.jumpUntilOpen('mass-notification');
    await player.account('embassy-x').click();
    await expect(player.feedItems.first()).toBeVisible();
    await player.task('mass-notification').getByTestId('player-task-write').click();
    await player.text.fill('Stay calm!!! Call the embassy NOW at +99 000.');
    await expect(player.findings.first()).toBeVisible();
    await expectAccessible('the player');
    await saveScreenshot('player');

    await player.text.fill('');
    const answered = await playThrough(player, scenario, 'en', (taskId) => goodDraft(scenario, taskId, 'en'));
    expect(answered).toEqual(expect.arrayContaining(['mass-notification', 'reply-pavel', 'rumour-post', 'reply-holt']));
    // The last answer is in its account's feed, and the audience has started to answer it. Replies that
    // arrive while the trainee reads the feed wait behind the "new posts" pill, as on the platforms.
    await expect(app.page.locator('[data-testid="feed-item"][data-source="trainee"]').first()).toBeVisible();
    const audienceReply = app.page.locator('[data-testid="feed-item"][data-source="audience"]').first();
    await expect(audienceReply.or(player.newItems).first()).toBeVisible();
    if (await player.newItems.isVisible()) await player.newItems.click();
    await expect(audienceReply).toBeVisible();

    await player.openFinishDialog();
    await expectAccessible('the finish dialog', { within: '[data-testid="player-finish-dialog"] [role="dialog"]' });
    const debrief = await player.finishScenario();
    await expect(debrief.outcome).toHaveAttribute('data-passed', 'true');
    await expect(debrief.tasksWithResult('passed')).toHaveCount(4);
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

    const answered = await playThrough(player, scenario, 'en', (taskId) => poorDraft(scenario, taskId));
    expect(answered.length).toBeGreaterThan(0);

    const debrief = await player.toDebrief();
    await expect(debrief.outcome).toHaveAttribute('data-passed', 'false');
    await expect(debrief.timeline.locator('[data-entry-type="branch"]').first()).toBeVisible();
    await expect(debrief.tasksWithResult('failed').first()).toBeVisible();
    await saveScreenshot('debrief-failed');
  });
});

test.describe('every built-in scenario', () => {
  // Each scenario in a language it is written in; the Ukrainian ones with the interface in Ukrainian too.
  const plays: Array<{ id: string; language: 'en' | 'ru' | 'uk' }> = [
    ...['visa-free-launch', 'neutral-host-talks', 'answering-criticism', 'platform-tailoring', 'chairmanship-bilingual', 'earthquake-consular'].map((id) => ({
      id,
      language: 'ru' as const,
    })),
    { id: 'page-launch', language: 'en' },
    { id: 'hq-coordination', language: 'en' },
    { id: 'detained-citizen', language: 'ru' },
    { id: 'language-year-reception', language: 'uk' },
    { id: 'forged-letter', language: 'uk' },
  ];
  // With flights-suspended, played in English above, that is the whole library.
  test('covers the whole library', () => {
    expect([...plays.map((play) => play.id), 'flights-suspended'].sort()).toEqual(builtInScenarioIds().sort());
  });
  // The scenario's language as the briefing names it, in the interface's language.
  const languageNames = { en: 'English', ru: 'Russian', uk: 'Українська' } as const;
  const inWords = { en: 'in English', ru: 'in Russian', uk: 'in Ukrainian, the interface in Ukrainian' } as const;
  for (const { id, language } of plays) {
    test(`${id} plays from briefing to a passed debrief with its model answers, ${inWords[language]}`, async ({ app }) => {
      test.setTimeout(180_000);
      const scenario = builtInScenario(id);
      const catalogue = await app.goToCatalogue('Sam Okafor');
      if (language === 'uk') await app.switchLanguage('uk');
      const briefing = await catalogue.open(id, { timeout: 60_000 });
      await briefing.chooseLanguage(languageNames[language]);
      const player = await briefing.startScenario();
      await player.pause();
      const answered = await playThrough(player, scenario, language, (taskId) => goodDraft(scenario, taskId, language));
      const graded = scenario.tasks.filter((task) => task.opensAt !== undefined && task.kind !== 'moderation').map((task) => task.id);
      expect(answered).toEqual(expect.arrayContaining(graded));
      const debrief = await player.toDebrief();
      await expect(debrief.outcome).toHaveAttribute('data-passed', 'true');
      // The outcome as the trainee reads it, in the interface's language.
      await expect(debrief.outcome.getByRole('heading', { name: await player.named('debrief', 'outcome.passed') })).toBeVisible();
      // Every task passed, each mechanic done as the desk asks: cleared before it went out, every comment
      // moderated right and in time.
      await expect(debrief.tasks.first()).toBeVisible();
      await expect(debrief.tasksWithResult('failed')).toHaveCount(0);
      await expect(debrief.tasksWithResult('missed')).toHaveCount(0);
      if (scenario.tasks.some((task) => needsClearance(scenario, task.id))) {
        await expect(app.page.getByTestId('debrief-clearance-task').first()).toBeVisible();
        await expect(app.page.locator('[data-testid="debrief-clearance-task"]:not([data-cleared="true"])')).toHaveCount(0);
      }
      if (scenario.tasks.some((task) => task.kind === 'moderation')) {
        await expect(app.page.getByTestId('debrief-moderated-comment').first()).toBeVisible();
        await expect(app.page.locator('[data-testid="debrief-moderated-comment"]:not([data-verdict="right"])')).toHaveCount(0);
      }
    });
  }
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
    test.setTimeout(60_000);
    const catalogue = await app.goToCatalogue('Ivo Tan');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    await player.jumpToNextEvent();
    await player.account('embassy-x').click();
    const firstPost = app.page.locator('[data-testid="feed-item"][data-item-id="caa-suspension"]');
    await expect(firstPost).toContainText('suspends all flights between Azuria and Coral Bay');

    await app.switchLanguage('ru');
    await expect(player.clock).toContainText('из');
    await expect(player.next).toHaveText('Следующее событие');
    // The posts stay in the language the scenario is played in.
    await expect(firstPost).toContainText('suspends all flights between Azuria and Coral Bay');
    await player.jumpToNextEvent();
    await saveScreenshot('player-ru');

    await app.switchLanguage('en');
    await expect(player.next).toHaveText('Next event');
  });
});

test.describe('sharing a device', () => {
  test('a trainee who leaves is deleted with their attempts, and the next one starts afresh', async ({ app, expectAccessible, saveScreenshot }) => {
    const catalogue = await app.goToCatalogue('Lea Brandt');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    await player.waitUntilSaved();
    // The player folds the navigation away: leave it by address, as a bookmark would.
    await app.open('/#/history');
    await expect(new HistoryPage(app.page).rows).toHaveCount(1);

    const settings = await app.goToSettings();
    await settings.askToDeleteProfile();
    await expect(settings.deleteDialog).toContainText('with its 1 attempt');
    await expectAccessible('the dialog that deletes a profile', { within: '[data-testid="profile-delete-dialog"] [role="dialog"]' });
    await saveScreenshot('settings-delete-profile');
    await settings.deleteConfirm.click();

    await expect(app.profileGate.root).toBeVisible();
    await expect(app.profileGate.root.getByTestId('profile-pick-list')).toHaveCount(0);
    await app.profileGate.createProfile('Tomas Berg');
    await expect((await app.goToHistory()).rows).toHaveCount(0);
  });
});

test.describe('the composer', () => {
  test('a reply to a post that is no task stays a reply while tasks are open', async ({ app, page }) => {
    const catalogue = await app.goToCatalogue('Sami Aziz');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    while ((await player.openTaskIds()).length === 0) await player.jumpToNextEvent();
    await expect(page.getByTestId('composer-task')).not.toHaveValue('');

    await player.account('embassy-x').click();
    await player.feedItems.and(page.locator('[data-item-id="airport-closed"]')).getByTestId('feed-reply').click();
    await expect(page.getByTestId('composer-reply-target')).toBeVisible();
    await expect(page.getByTestId('composer-task')).toHaveValue('');
    await expect(player.text).toBeFocused();
    await player.jumpToNextEvent();
    await expect(page.getByTestId('composer-reply-target')).toBeVisible();
    await expect(page.getByTestId('composer-task')).toHaveValue('');
  });
});

test.describe('the feed', () => {
  test('a long Facebook post is cut where the platform folds it, and "See more" shows the rest', async ({ app, page, expectAccessible, saveScreenshot }) => {
    const scenario = builtInScenario('visa-free-launch');
    const catalogue = await app.goToCatalogue('Rui Costa');
    const player = await (await catalogue.open('visa-free-launch')).startScenario();
    await player.pause();
    while (!(await player.openTaskIds()).includes('announce-facebook')) await player.jumpToNextEvent();
    const answer = goodDraft(scenario, 'announce-facebook', 'en');
    await player.answer('announce-facebook', answer);

    const post = player.feedItems.and(page.locator('[data-source="trainee"]')).first();
    await expect(post.getByTestId('feed-see-more')).toBeVisible();
    await expect(post).not.toContainText(answer.slice(-40));
    await expectAccessible('a folded Facebook post');
    await saveScreenshot('feed-folded-post');
    await post.getByRole('button', { name: 'See more' }).click();
    await expect(post).toContainText(answer.slice(-40));
    await expect(post.getByTestId('feed-see-more')).toHaveCount(0);
  });
});

test.describe('a pack with pictures', () => {
  test("shows the pack's pictures in the feed and its personas' photos as avatars", async ({ app, expectAccessible, saveScreenshot }) => {
    const catalogue = await app.goToCatalogue('Ines Duarte');
    await catalogue.installPack(writePicturePack());
    await expect(catalogue.installDone).toBeVisible();
    const player = await (await catalogue.open('pictures')).startScenario();
    await player.pause();
    await player.jumpToNextEvent();

    const post = player.feedItems.first();
    const picture = post.getByRole('img', { name: 'Queues at the airport terminal' });
    await expect(picture).toBeVisible();
    // Loaded, not merely placed: the page's policy lets the pack's own bytes through.
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(64);
    const avatar = post.locator('.mantine-Avatar-image');
    await expect.poll(() => avatar.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(32);
    await expectAccessible('a post with a picture');
    await saveScreenshot('feed-pictures');
  });
});

test.describe('the desk from the keyboard, in the dark', () => {
  test.use({ colorScheme: 'dark' });

  test('clock, accounts, inbox, composer and publishing all have shortcuts; no serious accessibility violation in dark mode', async ({
    app,
    page,
    saveScreenshot,
    expectAccessible,
  }) => {
    test.setTimeout(60_000);
    const scenario = builtInScenario('flights-suspended');
    await app.open('/#/settings');
    await app.settings.chooseTheme('Dark');
    await app.expectColorScheme('dark');
    const catalogue = await app.goToCatalogue('Noor Haddad');
    const player = await (await catalogue.open('flights-suspended')).startScenario();

    // The speed list's value is the speed: 0 is Pause.
    await page.keyboard.press('Alt+KeyP');
    await expect(player.speed).toHaveValue('0');
    await page.keyboard.press('Alt+Digit3');
    await expect(player.speed).toHaveValue('4');
    await page.keyboard.press('Alt+KeyP');
    await expect(player.speed).toHaveValue('0');

    const before = await player.time();
    await page.keyboard.press('Alt+KeyN');
    await expect.poll(() => player.time()).toBeGreaterThan(before);

    await page.keyboard.press('Alt+ArrowDown');
    await expect(player.account(scenario.accounts[1]!.id)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Alt+KeyI');
    await expect(player.inbox).toHaveAttribute('aria-current', 'true');

    // The composer takes no task by itself: the notification task is taken up from the task list, by keyboard.
    while (!(await player.openTaskIds()).includes('mass-notification')) await player.jumpToNextEvent();
    await player.task('mass-notification').getByTestId('player-task-write').focus();
    await page.keyboard.press('Enter');
    await expect(player.composerTarget).toHaveAttribute('data-task', 'mass-notification');
    await page.keyboard.press('Alt+KeyC');
    await expect(player.text).toBeFocused();
    // The answer is long: most of it is put in at once, the end typed key by key.
    const draft = goodDraft(scenario, 'mass-notification', 'en');
    await player.text.fill(draft.slice(0, -12));
    await player.text.press('Control+End');
    await page.keyboard.type(draft.slice(-12));
    await expect(player.text).toHaveValue(draft);
    await expect(player.verdict).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(player.task('mass-notification')).toHaveAttribute('data-status', 'done');

    await player.root.getByTestId('player-title').focus();
    await page.keyboard.press('Shift+Slash');
    const shortcuts = page.getByTestId('player-shortcuts-dialog').getByRole('dialog');
    await expect(shortcuts).toBeVisible();
    await expect(shortcuts.getByRole('button', { name: 'Close' })).toBeVisible();
    await expectAccessible('the shortcuts sheet in dark mode', { within: '[data-testid="player-shortcuts-dialog"] [role="dialog"]' });
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();

    await expectAccessible('the player in dark mode');
    await saveScreenshot('player-dark');
  });
});

test.describe('a long feed', () => {
  test('5,000 posts scroll smoothly, and new ones do not move what the trainee is reading', async ({ app, page, saveScreenshot }) => {
    test.setTimeout(120_000);
    const file = writeLongFeedPack(5000);
    const catalogue = await app.goToCatalogue('Mei Chen');
    await catalogue.installPack(file);
    // Reading, validating and storing a 0.8 MB scenario takes seconds on a busy machine (seen: over
    // 10 at a load of 20 on two cores); how fast it is belongs to the bench, not to this test.
    await expect(catalogue.installDone, 'the 5,000-post pack is installed').toBeVisible({ timeout: 60_000 });
    const player = await (await catalogue.open('long-feed', { timeout: 60_000 })).startScenario();
    await player.pause();
    await player.jumpToNextEvent();
    await expect(player.feedItems.first()).toContainText('Post number 2500');
    // Virtualized: only what is on screen is in the page.
    expect(await player.feedItems.count()).toBeLessThan(100);

    const number = (post: { id: string } | null) => Number(post?.id.replace('post-', '') ?? Number.NaN);
    await player.feedList.evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await expect(player.feedPost('Post number 1')).toBeInViewport();

    // Halfway down the first 2,500 posts. The list draws that part a frame or more after the scroll;
    // until then the posts in the page are those of the bottom, out of sight, and none is being read.
    await player.feedList.evaluate((list) => list.scrollTo({ top: list.scrollHeight / 2 }));
    await expect.poll(async () => number(await player.readingPost())).toBeGreaterThan(1000);
    const reading = await player.readingPostSettled();
    expect(reading, 'a post settles at the top of the feed').not.toBeNull();
    const { id: readingId, top: readingTop } = reading!;
    expect(number(reading)).toBeLessThan(1500);

    // Every frame drawn while the second 2,500 arrive shows the same post at the same place.
    await player.watchReading();
    await player.jumpToNextEvent();
    await expect(player.newItems).toHaveText('2500 new posts');
    const trail = await player.readingTrail();
    const moved = trail.filter((seen) => seen.id !== readingId || Math.abs(seen.top - readingTop) > 2);
    expect(moved, `the post read was ${readingId}, ${readingTop} px below the feed's top edge`).toEqual([]);
    await expect(player.feedPost(`Post number ${number(reading)}`)).toBeInViewport();
    await expect(player.feedPost('Post number 5000')).toHaveCount(0);
    await expect(player.newItems, 'the new posts are still offered: the reader has not seen them').toHaveText('2500 new posts');
    await saveScreenshot('long-feed');

    // The pill brings the newest post; the keyboard then moves through the feed.
    await player.newItems.click();
    await expect(player.feedPost('Post number 5000')).toBeInViewport();
    await expect(player.newItems).toBeHidden();
    await expect(player.feedList).toBeFocused();
    await page.keyboard.press('End');
    await expect(player.feedPost('Post number 1')).toBeInViewport();
  });
});
