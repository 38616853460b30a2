// Runtime: Node (Playwright, web build). The desk's feeds as the platforms show them, on the built-in
// scenarios: a thread on X is separate linked posts; a Telegram channel reads oldest first from the
// bottom with citizens' comments under its posts, others' news forwarded into it; news and trends
// carry no social buttons (on X a news outlet's post keeps its figures; a trend is written by no
// one); Facebook shows no @handles; what arrives on the feed being read stays behind the pill; every
// skin photographed light in English and dark in Russian at the desk's two laptop sizes.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import type { AppPage } from './pages/AppPage';
import type { PlayerPage } from './pages/PlayerPage';

/** A thread's parts as the grader splits them: paragraphs between blank lines. */
const threadParts = (text: string) => text.split(/\n[ \t]*\n+/).filter((part) => part.trim().length > 0);

/**
 * Jumps from event to event, answering with the model answer each task of `answer` that opens,
 * until `done` says so (or nothing is left to happen).
 */
async function playUntil(player: PlayerPage, scenarioId: string, answer: readonly string[], done: () => Promise<boolean>): Promise<void> {
  const scenario = builtInScenario(scenarioId);
  for (let guard = 0; guard < 40; guard += 1) {
    for (const taskId of await player.openTaskIds()) if (answer.includes(taskId)) await player.answer(taskId, goodDraft(scenario, taskId, 'en'));
    if (await done()) return;
    if ((await player.root.getAttribute('data-state')) !== 'live' || (await player.next.isDisabled())) return;
    await player.jumpToNextEvent();
  }
  throw new Error(`${scenarioId}: the desk never reached what the test waits for`);
}

/** Opens a scenario and pauses its clock; `trainee` makes a profile first (the test's first scenario). */
async function start(app: AppPage, trainee: string | undefined, scenarioId: string): Promise<PlayerPage> {
  const catalogue = await app.goToCatalogue(trainee);
  const player = await (await catalogue.open(scenarioId)).startScenario();
  await player.pause();
  return player;
}

/** The social buttons a news report or a trend must not carry, in either language. */
const SOCIAL = /^(Like|Comment|Share|Нравится|Комментировать|Поделиться)$/;

async function expectNoSocialButtons(page: Page, item: ReturnType<Page['locator']>): Promise<void> {
  await expect(item).toBeVisible();
  await expect(item.getByText(SOCIAL)).toHaveCount(0);
  await expect(item.getByTestId('feed-count')).toHaveCount(0);
  await expect(item.getByRole('button', { name: /^(Comment|Комментировать)/ })).toHaveCount(0);
  void page;
}

/** The feed photographed light in English, then dark with the interface in Russian. */
async function photograph(app: AppPage, page: Page, saveScreenshot: (name: string) => Promise<void>, name: string): Promise<void> {
  await saveScreenshot(`platform-${name}-en-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.switchLanguage('ru');
  await saveScreenshot(`platform-${name}-ru-dark`);
  await app.switchLanguage('en');
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('X', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a thread is separate linked posts, each within its limit; a trend has no social buttons', async ({ app, page, saveScreenshot, expectAccessible }) => {
    test.setTimeout(120_000);
    const scenario = builtInScenario('earthquake-consular');
    const player = await start(app, 'Noor Haddad', 'earthquake-consular');
    await playUntil(
      player,
      'earthquake-consular',
      ['first-post', 'steps-thread'],
      async () => (await player.task('steps-thread').getAttribute('data-status')) === 'done',
    );
    await player.account('embassy-x').click();

    const parts = threadParts(goodDraft(scenario, 'steps-thread', 'en'));
    expect(parts.length).toBeGreaterThan(1);
    const thread = player.feedItems.and(page.locator('[data-source="trainee"][data-kind="thread"]'));
    const posts = thread.getByTestId('feed-thread-part');
    await expect(posts).toHaveCount(parts.length);
    for (const [index, part] of parts.entries()) {
      const post = posts.nth(index);
      await expect(post).toHaveAttribute('aria-label', `Part ${index + 1} of ${parts.length}`);
      await expect(post.getByTestId('feed-author')).toHaveText('Embassy of Azuria in Tallvik');
      await expect(post).toContainText(part.trim().slice(0, 40));
    }

    const trend = player.feedItems.and(page.locator('[data-item-id="quake-trend"]'));
    await expectNoSocialButtons(page, trend);
    // A trend is X's own "Trending" card: no name, no @handle wrote it.
    await expect(trend.getByText('Trending', { exact: true })).toBeVisible();
    await expect(trend.getByTestId('feed-author')).toHaveCount(0);
    await expect(trend).not.toContainText('@trends');
    await expectAccessible('an X feed with a thread', { within: '[data-testid="feed"]' });
    await photograph(app, page, saveScreenshot, 'x');
  });

  test("a post that arrives on the feed being read stays out of view behind the pill until asked for; a news outlet's post shows its figures", async ({
    app,
    page,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000);
    const scenario = builtInScenario('flights-suspended');
    const player = await start(app, 'Lea Moss', 'flights-suspended');
    await player.account('embassy-x').click();
    await expect(player.feedRows.first()).toBeVisible();

    // On X a news outlet's post is a post: its replies, reposts and likes, as the pack gives them.
    const news = player.feedItems.and(page.locator('[data-item-id="airport-closed"]'));
    const engagement = scenario.timeline.find((inject) => inject.id === 'airport-closed')!.engagement!;
    for (const metric of ['replies', 'shares', 'likes'] as const)
      await expect(news.locator(`[data-testid="feed-count"][data-metric="${metric}"]`)).toHaveAttribute('data-value', String(engagement[metric]));

    // A feed taller than its viewport, as a feed being read is (a short one has nowhere to scroll).
    for (let guard = 0; guard < 20; guard += 1) {
      if (await player.newItems.isVisible()) await player.newItems.click();
      const height = await player.feedList.evaluate((list) => list.scrollHeight - list.clientHeight);
      if (height > 100) break;
      await player.jumpToNextEvent();
    }
    await expect(player.newItems).toBeHidden();
    const before = await player.feedRowIds();
    const top = (await player.feedRows.first().boundingBox())!;
    for (let guard = 0; guard < 10 && !(await player.newItems.isVisible()); guard += 1) await player.jumpToNextEvent();
    await expect(player.newItems).toBeVisible();
    const unseen = Number(/\d+/.exec((await player.newItems.textContent()) ?? '')![0]);
    // Nothing of what arrived is drawn, not even in part: the same posts, the top one where it was.
    expect(await player.feedRowIds()).toEqual(before);
    expect(Math.abs((await player.feedRows.first().boundingBox())!.y - top.y)).toBeLessThan(2);
    await saveScreenshot('platform-x-pill-en-light');

    await player.newItems.click();
    await expect(player.newItems).toBeHidden();
    // The new posts above what was the top one (the list draws a window: compare where they meet).
    await expect.poll(async () => (await player.feedRowIds()).indexOf(before[0]!)).toBe(unseen);
    const after = await player.feedRowIds();
    for (const id of after.slice(0, unseen)) expect(before).not.toContain(id);
    await expect(player.feedRows.first()).toBeInViewport();
  });
});

test.describe('Telegram', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a channel reads oldest first from the bottom, with the comments under its post', async ({ app, page, saveScreenshot, expectAccessible }) => {
    test.setTimeout(120_000);
    const player = await start(app, 'Pia Lund', 'earthquake-consular');
    await player.account('embassy-telegram').click();
    const post = player.feedRows.filter({ has: page.locator('[data-source="trainee"][data-kind="post"]') });
    await playUntil(player, 'earthquake-consular', ['first-post'], async () => (await post.locator('[data-source="audience"]').count()) > 0);

    // The news of the morning first, the channel's post below it; the comments inside the post's row.
    const rows = await player.feedRowIds();
    const postId = await post.getAttribute('data-root');
    expect(rows.indexOf('quake-news')).toBeGreaterThanOrEqual(0);
    expect(rows.indexOf('quake-news')).toBeLessThan(rows.indexOf(postId!));
    await expect(post.getByTestId('feed-replies').locator('[data-source="audience"]').first()).toBeVisible();
    // Citizens comment; only the channel posts. Others' news reaches it forwarded, nothing to reply to.
    for (const id of rows) expect(['quake-news', 'cpa-update', postId]).toContain(id);
    const news = player.feedItems.and(page.locator('[data-item-id="quake-news"]'));
    await expect(news.getByTestId('feed-forwarded')).toHaveText('Forwarded from Tallvik Broadcasting News');
    await expect(news.getByTestId('feed-author')).toHaveText('Embassy of Azuria in Tallvik');
    await expect(news.getByTestId('feed-reply')).toHaveCount(0);
    // The newest is at the bottom, where the channel opens.
    await player.account('embassy-x').click();
    await player.account('embassy-telegram').click();
    await expect.poll(() => player.feedAtBottom()).toBe(true);

    await expectAccessible('a Telegram channel with comments', { within: '[data-testid="feed"]' });
    await photograph(app, page, saveScreenshot, 'telegram');
  });

  test('a citizen who writes before the channel has posted speaks in its discussion, and the answer sits under them', async ({ app, page, saveScreenshot }) => {
    test.setTimeout(120_000);
    const player = await start(app, 'Ola Berg', 'flights-suspended');
    await playUntil(player, 'flights-suspended', ['reply-pavel'], async () => (await player.task('reply-pavel').getAttribute('data-status')) === 'done');
    await player.account('embassy-telegram').click();
    const pavel = player.feedRow('pavel-comment');
    await expect(pavel.getByText("In the channel's discussion")).toBeVisible();
    await expect(pavel.getByTestId('feed-replies').locator('[data-source="trainee"]')).toBeVisible();
    await saveScreenshot('platform-telegram-discussion-en-light');
    void page;
  });
});

test.describe('the other skins', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('Facebook and Instagram: comments under posts, the picture first, news without social buttons', async ({
    app,
    page,
    saveScreenshot,
    expectAccessible,
  }) => {
    test.setTimeout(150_000);
    const player = await start(app, 'Rosa Lind', 'visa-free-launch');
    await playUntil(
      player,
      'visa-free-launch',
      ['announce-facebook', 'instagram-caption'],
      async () => (await player.task('instagram-caption').getAttribute('data-status')) === 'done',
    );

    await player.account('embassy-fb').click();
    await expectNoSocialButtons(page, player.feedItems.and(page.locator('[data-item-id="daily-news"]')));
    // Facebook shows no @handles: the page's username as it is, names alone on posts.
    await expect(page.getByTestId('feed-header')).toContainText('Facebook · AzuriaEmbassySolvania');
    for (const meta of await player.feedItems.getByTestId('feed-author').evaluateAll((names) => names.map((name) => name.parentElement?.textContent ?? '')))
      expect(meta).not.toContain('@');
    await photograph(app, page, saveScreenshot, 'facebook');

    await player.account('embassy-ig').click();
    const own = player.feedItems.and(page.locator('[data-source="trainee"]')).first();
    // A caption with no picture shows a described placeholder above it, as Instagram shows the picture first.
    const picture = own.getByRole('img', { name: 'A placeholder picture: this post came without an image' });
    await expect(picture).toBeVisible();
    const [pictureBox, textBox] = await Promise.all([picture.boundingBox(), own.getByTestId('feed-folded').or(own.locator('p').last()).first().boundingBox()]);
    expect(pictureBox!.y).toBeLessThan(textBox!.y);
    await expectAccessible('an Instagram feed', { within: '[data-testid="feed"]' });
    await photograph(app, page, saveScreenshot, 'instagram');
  });

  test('VK and a general skin (YouTube); a Facebook trend has no Like, Comment or Share', async ({ app, page, saveScreenshot }) => {
    test.setTimeout(150_000);
    const vk = await start(app, 'Ivan Sokol', 'flights-suspended');
    await playUntil(vk, 'flights-suspended', ['mass-notification'], async () => (await vk.time()) >= 20);
    await vk.account('embassy-vk').click();
    await expect(vk.feedItems.first()).toBeVisible();
    await photograph(app, page, saveScreenshot, 'vk');

    const player = await start(app, undefined, 'platform-tailoring');
    await playUntil(
      player,
      'platform-tailoring',
      ['fb-festival-post', 'yt-stream-description'],
      async () => (await player.task('yt-stream-description').getAttribute('data-status')) === 'done',
    );
    await player.account('embassy-fb').click();
    await expectNoSocialButtons(page, player.feedItems.and(page.locator('[data-item-id="festival-trend"]')));
    await player.account('embassy-yt').click();
    await expect(player.feedItems.first()).toBeVisible();
    await photograph(app, page, saveScreenshot, 'generic');
  });
});
