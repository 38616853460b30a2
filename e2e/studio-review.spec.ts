// Runtime: Node (Playwright, web build). The studio on a small laptop screen (1280×720) in Russian,
// the longest of its languages: every view tab is in sight (none cut off or scrolled away), also in a
// narrower window, and the editor and the problems panel both fit in the window without scrolling the page.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { StudioPage } from './pages/StudioPage';

test.use({ viewport: { width: 1280, height: 720 } });

/** Whether the element's box lies wholly inside the window and inside each scrolling ancestor's box. */
async function wholeInSight(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      if (box.left < clip.left - 1 || box.right > clip.right + 1 || box.top < clip.top - 1 || box.bottom > clip.bottom + 1) return false;
    }
    return true;
  });
}

test('at 1280×720 in Russian every view tab is in sight, and the editor and problems fit the window', async ({ page, app }) => {
  test.setTimeout(120_000);
  const studio = new StudioPage(page);
  await app.open('/');
  await studio.open();
  await studio.createPack({
    packId: 'embassy-drills',
    scenarioId: 'airport-closed',
    languages: ['en', 'ru'],
    titles: ['Embassy drills', 'Учения посольства'],
    author: 'Training unit',
  });
  await app.switchLanguage('ru');
  await expect(studio.view('Публикация')).toBeVisible();

  // 1280 px holds the tabs in one row; a narrower window wraps them onto a second row, still all in sight.
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 720 });
    const tabs = await studio.views.getByRole('tab').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid') ?? ''));
    expect(tabs.length).toBeGreaterThanOrEqual(8);
    for (const tab of tabs) expect(await wholeInSight(page, tab), `${tab} is wholly in sight at ${width} px`).toBe(true);

    // The page itself does not scroll: the views scroll inside, and the problems stay below them.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1), `no page scroll at ${width} px`).toBe(true);
    await expect(studio.editor).toBeInViewport();
    expect(await wholeInSight(page, 'studio-panel-problems'), `the problems panel in sight at ${width} px`).toBe(true);
  }
});
