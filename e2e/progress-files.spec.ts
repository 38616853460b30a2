// Runtime: Node (Playwright, web build). A trainee's records carried to the academy: the trainee plays a
// scenario and saves their progress file from Settings; a fresh install with no profile (another
// browser context: its own storage) imports it from Records and shows the same record; importing it
// again changes nothing.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import type { PlayerPage } from './pages/PlayerPage';
import { RecordsPage } from './pages/RecordsPage';

/** Answers every task as it opens with `draftFor`, jumping from event to event until nothing is left. */
async function playThrough(player: PlayerPage, draftFor: (taskId: string) => string): Promise<void> {
  for (let guard = 0; guard < 60; guard += 1) {
    if ((await player.root.getAttribute('data-state')) !== 'live') break;
    for (const taskId of await player.openTaskIds()) await player.answer(taskId, draftFor(taskId));
    if (await player.nothingLeft()) break;
    await player.jumpToNextEvent();
  }
}

/** A row's cells from the status on: status, best score, attempts, completion date, time on task. */
async function recordOf(page: Page, trainee: string, scenario: string): Promise<string[]> {
  const records = new RecordsPage(page);
  await expect(records.row(trainee, scenario)).toHaveCount(1);
  return (await records.row(trainee, scenario).locator('td').allTextContents()).slice(3);
}

test.describe('progress files', () => {
  test("a trainee's progress file, imported on a fresh install without profiles, shows the same record", async ({
    app,
    page,
    browser,
    expectAccessible,
    saveScreenshot,
  }, testInfo) => {
    test.setTimeout(180_000);
    const scenario = builtInScenario('flights-suspended');
    const title = scenario.title.en!;
    const catalogue = await app.goToCatalogue('Lena Marsh');
    const player = await (await catalogue.open('flights-suspended')).startScenario();
    await player.pause();
    await playThrough(player, (taskId) => goodDraft(scenario, taskId, 'en'));
    const debrief = await player.finishScenario();
    await expect(debrief.outcome).toHaveAttribute('data-passed', 'true');

    await app.open('/#/records');
    const onDevice = await recordOf(page, 'Lena Marsh', title);
    expect(onDevice[0]).toBe('Passed');

    await app.open('/#/settings');
    await expect(page.getByTestId('progress-export-key')).toContainText("Your first progress file makes this device's signing key.");
    const downloading = page.waitForEvent('download');
    await page.getByTestId('progress-export-save').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Lena Marsh \d{4}-\d{2}-\d{2}\.attache-progress$/);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    await expect(page.getByTestId('progress-export-saved')).toContainText('with 1 finished attempt');
    await expect(page.getByTestId('progress-export-key')).toContainText(
      'This browser keeps the signing key in its storage for this site. Anyone who can use this browser profile could sign progress files in its name. Device key: ',
    );
    await expectAccessible('the progress file section of Settings', { within: '[data-testid="progress-export"]' });
    await saveScreenshot('settings-progress-file');

    // The academy's machine: a fresh install (a context of its own, empty storage) with no profile.
    const academyContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const academy = await academyContext.newPage();
    const errors: string[] = [];
    academy.on('pageerror', (error) => errors.push(error.message));
    academy.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await academy.goto('/#/records');
    const records = new RecordsPage(academy);
    await expect(records.root).toBeVisible();
    await expect(records.rows).toHaveCount(0);

    for (const round of ['first', 'again'] as const) {
      const choosing = academy.waitForEvent('filechooser');
      await academy.getByTestId('progress-import').click();
      const chooser = await choosing;
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles(file);
      const dialog = academy.getByTestId('progress-import-dialog').getByRole('dialog');
      await expect(dialog.getByTestId('progress-import-count')).toHaveText('1 of 1 files checked', { timeout: 60_000 });
      const result = dialog.getByTestId('progress-import-file');
      await expect(result).toHaveAttribute('data-status', 'merged');
      await expect(result.getByTestId('progress-import-trainee')).toHaveText('Lena Marsh');
      await expect(result.getByTestId('progress-import-counts')).toContainText(round === 'first' ? '1 attempt added' : '1 already here, unchanged');
      await expect(result.getByTestId('progress-import-regrade')).toContainText('1 attempt graded again: its grades are as they were played');
      if (round === 'first') {
        // As the fixture's check does: the page as people see it once every transition has settled.
        await academy.waitForFunction(() =>
          document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
        );
        const { default: AxeBuilder } = await import('@axe-core/playwright');
        const { violations } = await new AxeBuilder({ page: academy }).include('[data-testid="progress-import-dialog"] [role="dialog"]').analyze();
        const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        expect(
          serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('; ')}`),
        ).toEqual([]);
        await academy.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? 'test-report/screenshots', 'progress-import.png') });
      }
      await dialog.getByTestId('progress-import-close').click();
      await expect(dialog).toBeHidden();
    }

    expect(await recordOf(academy, 'Lena Marsh', title)).toEqual(onDevice);
    await expect(records.row('Lena Marsh', title).getByTestId('cohort-imported')).toBeVisible();
    expect(errors).toEqual([]);
    await academyContext.close();
  });
});
