// Runtime: Node (Playwright, web build). The desk on the two laptop screens people play on (1280×720
// and 1440×900), in English and in Russian: the page itself never scrolls, the composer's feedback is
// on screen once a draft is typed, account names and task titles are shown whole, and the "new posts"
// pill covers no post. Along the way every skin, the inbox with an urgent message, the composer with
// feedback, the finish dialog and the debrief are photographed light and dark for a look by eye.
import type { Locator, Page } from '@playwright/test';
import type { Scenario } from '../renderer/src/core/pack/schema';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import type { AppPage } from './pages/AppPage';
import type { PlayerPage } from './pages/PlayerPage';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

type Language = 'en' | 'ru';

/** A hasty notification the grader finds much wrong with, in the language played. */
const POOR_DRAFT: Record<Language, string> = {
  en: 'URGENT!!! Evacuation flights for stranded tourists after the terrorist attack. Call the embassy NOW!!!',
  ru: 'ВНИМАНИЕ!!! Эвакуация застрявших туристов после теракта. Звоните в посольство СРОЧНО!!!',
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether the page itself would scroll: the desk must fit the window, only its columns scroll. */
async function pageOverflow(page: Page): Promise<{ scrollHeight: number; innerHeight: number; scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Text an element cuts (an ellipsis, a clamp to some lines) is wider or taller than its box. */
async function expectWhole(element: Locator, what: string): Promise<void> {
  await expect(element, what).toBeVisible();
  const size = await element.evaluate((node) => ({ sw: node.scrollWidth, cw: node.clientWidth, sh: node.scrollHeight, ch: node.clientHeight }));
  expect(size.sw, `${what} is cut at the side`).toBeLessThanOrEqual(size.cw);
  expect(size.sh, `${what} is cut at the bottom`).toBeLessThanOrEqual(size.ch);
}

/** Everything a trainee must see whole on the desk as it stands: no page scroll, names and titles uncut. */
async function expectDeskFits(player: PlayerPage, scenario: Scenario, language: Language): Promise<void> {
  const { page } = player;
  const size = await pageOverflow(page);
  expect(size.scrollHeight, 'the page scrolls down').toBeLessThanOrEqual(size.innerHeight);
  expect(size.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(size.innerWidth);
  for (const account of scenario.accounts) {
    const entry = player.account(account.id);
    await expectWhole(entry.getByText(account.name[language]!, { exact: true }), `account name "${account.name[language]}"`);
    await expectWhole(entry.locator('.mantine-NavLink-description'), `platform and handle of ${account.id}`);
  }
  await expectWhole(player.inbox.locator('.mantine-NavLink-label'), 'the inbox label');
  for (const task of scenario.tasks) {
    const entry = player.task(task.id);
    if ((await entry.count()) === 0) continue;
    await expectWhole(entry.getByText(task.title[language]!, { exact: true }), `task title "${task.title[language]}"`);
  }
}

/** The pill's box meets no post where the feed shows it (posts drawn beyond the list's edges are hidden by it). */
async function expectPillCoversNothing(player: PlayerPage): Promise<void> {
  await expect(player.newItems).toBeVisible();
  const pill = (await player.newItems.boundingBox())!;
  const posts = await player.feedList.evaluate((list) => {
    const edges = list.getBoundingClientRect();
    return [...list.querySelectorAll<HTMLElement>('article')].flatMap((article) => {
      const rect = article.getBoundingClientRect();
      const top = Math.max(rect.top, edges.top);
      const bottom = Math.min(rect.bottom, edges.bottom);
      return bottom > top ? [{ id: article.dataset.itemId ?? '', x: rect.x, y: top, width: rect.width, height: bottom - top }] : [];
    });
  });
  expect(posts.length, 'the feed shows posts').toBeGreaterThan(0);
  for (const post of posts) expect(overlap(pill, post), `the pill covers post ${post.id}`).toBe(false);
}

/** Photographs what is on screen light and dark, named `<name>-<language>-<size>-<scheme>`. */
async function photograph(page: Page, saveScreenshot: (name: string) => Promise<void>, name: string, language: Language): Promise<void> {
  const size = page.viewportSize()!;
  // The pointer leaves whatever it last clicked, so no tooltip stands over the picture.
  await page.mouse.move(1, 1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await saveScreenshot(`layout-${name}-${language}-${size.width}x${size.height}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Opens a built-in scenario played (and shown) in `language`, its clock paused; `trainee` makes a profile first. */
async function start(app: AppPage, trainee: string | undefined, scenarioId: string, language: Language): Promise<PlayerPage> {
  const catalogue = await app.goToCatalogue(trainee);
  const briefing = await catalogue.open(scenarioId, { timeout: 60_000 });
  if (language === 'ru') {
    await briefing.chooseLanguage('Russian');
    await app.switchLanguage('ru');
  }
  const player = await briefing.startScenario();
  await player.pause();
  return player;
}

/** Jumps from event to event, answering each task in `answer` with its model answer, until the clock reaches `minute`. */
async function playTo(player: PlayerPage, scenario: Scenario, language: Language, minute: number, answer: readonly string[] = []): Promise<void> {
  for (let guard = 0; guard < 40 && (await player.time()) < minute; guard += 1) {
    for (const taskId of await player.openTaskIds()) if (answer.includes(taskId)) await player.answer(taskId, goodDraft(scenario, taskId, language));
    await player.jumpToNextEvent();
  }
  expect(await player.time()).toBeGreaterThanOrEqual(minute);
}

for (const size of SIZES) {
  for (const language of ['en', 'ru'] as const) {
    test.describe(`the desk at ${size.width}×${size.height} in ${language === 'en' ? 'English' : 'Russian'}`, () => {
      test.use({ viewport: size });

      test('fits the window: feedback on screen, names and titles whole, the pill over no post', async ({ app, page, saveScreenshot }) => {
        test.setTimeout(240_000);
        const scenario = builtInScenario('flights-suspended');
        const player = await start(app, language === 'en' ? 'Mira Holt' : 'Вера Лапина', 'flights-suspended', language);
        await player.account('embassy-x').click();
        await expect(player.feedItems.first()).toBeVisible();
        await expectDeskFits(player, scenario, language);
        // The desk's columns are regions of the page's one main landmark, the feed among them.
        await expect(page.getByRole('main')).toHaveCount(1);
        await expect(page.getByRole('region', { name: language === 'en' ? 'Feed' : 'Лента', exact: true })).toBeVisible();

        // A post arrives on the feed being read: the pill announces it in a strip of its own.
        await player.jumpToNextEvent();
        await expectPillCoversNothing(player);
        await expectDeskFits(player, scenario, language);
        await photograph(page, saveScreenshot, 'x-pill', language);

        // A draft typed for the open task: its feedback is on screen without scrolling anything.
        await player.jumpUntilOpen('mass-notification');
        await player.task('mass-notification').getByTestId('player-task-write').click();
        await player.text.fill(POOR_DRAFT[language]);
        await expect(player.verdict).toBeVisible();
        await photograph(page, saveScreenshot, 'vk-composer-feedback', language);
        // The verdict and the first score, and on the larger screen every score; below them the findings
        // follow in the composer's own scroll.
        const scores = page.locator('[data-testid^="composer-score-"]');
        await expect(scores.first()).toBeVisible();
        await expect(player.verdict).toBeInViewport();
        await expect(scores.first()).toBeInViewport();
        if (size.height >= 900) for (const score of await scores.all()) await expect(score).toBeInViewport();
        await expect(player.publish).toBeInViewport();
        await expectDeskFits(player, scenario, language);

        // A long draft scrolls inside its field rather than push the feedback off the screen.
        await player.text.fill(goodDraft(scenario, 'mass-notification', language));
        await expect(player.verdict).toBeInViewport();
        if (size.height >= 900) await expect(scores.first()).toBeInViewport();
        await player.text.press('Control+Enter');
        await expect(player.task('mass-notification')).toHaveAttribute('data-status', 'done');
        await photograph(page, saveScreenshot, 'vk-published', language);

        // Later in the morning: Telegram's discussion, X's rumour, an urgent message in the inbox.
        await playTo(player, scenario, language, 70, ['reply-pavel', 'rumour-post', 'reply-holt']);
        await player.account('embassy-telegram').click();
        await expectDeskFits(player, scenario, language);
        await photograph(page, saveScreenshot, 'telegram', language);
        await player.account('embassy-x').click();
        await photograph(page, saveScreenshot, 'x', language);
        await player.inbox.click();
        await expect(page.getByTestId('player-inbox-urgent').or(page.getByTestId('inbox-urgent')).first()).toBeVisible();
        // No message picked: the composer says to choose one (or a feed), not "Post on X".
        await expect(player.composerTarget).toHaveAttribute('data-needs-target', 'true');
        await expect(player.publish).toBeDisabled();
        await expectDeskFits(player, scenario, language);
        await photograph(page, saveScreenshot, 'inbox-urgent', language);

        await player.openFinishDialog();
        // Lina's urgent message is unanswered: the dialog says so, and its two buttons share one line.
        const dialog = page.getByTestId('player-finish-dialog');
        await expect(dialog.getByTestId('player-finish-urgent')).toContainText(language === 'en' ? 'Lina Sarr' : 'Лина Сарр');
        const [keep, end] = await Promise.all([
          dialog.getByRole('button', { name: language === 'en' ? 'Keep playing' : 'Продолжить', exact: true }).boundingBox(),
          player.finishConfirm.boundingBox(),
        ]);
        expect(Math.abs(keep!.y - end!.y), 'the finish dialog’s buttons are on one line').toBeLessThan(4);
        await photograph(page, saveScreenshot, 'finish-dialog', language);
        const debrief = await player.finishScenario();
        await expect(debrief.outcome).toBeVisible();
        // The task table fits the page: its last column is not pushed out of sight.
        const table = (await page.getByTestId('debrief-task-table').boundingBox())!;
        expect(table.x + table.width, 'the debrief’s task table fits the window').toBeLessThanOrEqual(size.width);
        await photograph(page, saveScreenshot, 'debrief', language);
      });
    });
  }
}

for (const size of SIZES) {
  test.describe(`Facebook, Instagram and a generic skin at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    for (const language of ['en', 'ru'] as const) {
      test(`in ${language === 'en' ? 'English' : 'Russian'}: fit the window and are photographed`, async ({ app, page, saveScreenshot }) => {
        test.setTimeout(240_000);
        const visa = builtInScenario('visa-free-launch');
        const player = await start(app, language === 'en' ? 'Tove Sand' : 'Анна Серова', 'visa-free-launch', language);
        await playTo(player, visa, language, 45, ['announce-facebook']);
        for (const account of ['embassy-fb', 'embassy-ig'] as const) {
          await player.account(account).click();
          await expect(player.feedItems.first()).toBeVisible();
          await expectDeskFits(player, visa, language);
          await photograph(page, saveScreenshot, account.replace('embassy-', ''), language);
        }

        const tailoring = builtInScenario('platform-tailoring');
        // The briefing names languages in the interface's language: it is English when the next one opens.
        if (language === 'ru') await app.switchLanguage('en');
        const youtube = await start(app, undefined, 'platform-tailoring', language);
        await playTo(youtube, tailoring, language, 90);
        await youtube.jumpUntilOpen('yt-stream-description');
        await youtube.answer('yt-stream-description', goodDraft(tailoring, 'yt-stream-description', language));
        await youtube.account('embassy-yt').click();
        await expect(youtube.feedItems.first()).toBeVisible();
        await expectDeskFits(youtube, tailoring, language);
        // Tasks waiting on other accounts are offered one line each.
        for (const offer of await page.getByTestId('composer-offer').all()) expect((await offer.boundingBox())!.height).toBeLessThan(40);
        await photograph(page, saveScreenshot, 'generic', language);
      });
    }
  });
}
