// Runtime: Node (Playwright). Play-testing and publishing on the web build: a library scenario copied
// as a new pack is play-tested in Russian from an inject's time (marked as a play-test, an inject sent
// now, back to the studio), then published — its checklist passed, its version bumped, exported as an
// .attache download the app reads back, installed into the library — and found in the catalogue.
// Nothing the play-test did is in the history. Pictured light and dark, in English and Russian; the
// fixtures fail the test on any CSP violation.
import { readFile } from 'node:fs/promises';
import { readArchive } from '../renderer/src/core/pack/archive';
import { expect, test } from './fixtures';
import { StudioPage } from './pages/StudioPage';
import { StudioPlaytestPage, StudioPublishPage } from './pages/StudioPublishPage';

test('a copied scenario is play-tested, published, exported and installed, and appears in the catalogue', async ({
  page,
  app,
  saveScreenshot,
  expectAccessible,
}, testInfo) => {
  test.setTimeout(240_000);
  const studio = new StudioPage(page);
  const playtest = new StudioPlaytestPage(page);
  const publish = new StudioPublishPage(page);

  await test.step('a library scenario copied as a new pack', async () => {
    await app.open('/');
    await studio.open();
    await studio.copyScenario({ title: 'Flights suspended at Coral Bay', packId: 'coral-bay-drills', scenarioId: 'coral-bay' });
  });

  await test.step('play-tested in Russian from an inject’s time, with an inject sent now', async () => {
    await studio.action('Play-test a scenario').click();
    await expect(playtest.view).toBeVisible();
    await expectAccessible('the play-test view', { within: '[data-testid="playtest-view"]' });
    await saveScreenshot('studio-playtest-setup-en-light');
    await playtest.play({ language: 'Russian', fromInject: 'hq-notify' });
    await expect(playtest.badge).toHaveText('Play-test');
    await expect(page.getByTestId('player')).toHaveAttribute('data-playtest', 'true');
    await expect(page.getByTestId('player-title')).toHaveText('Рейсы в Корал-Бей приостановлены');
    await expect(studio.workspace).toBeHidden();
    const waiting = await playtest.waitingInjects();
    expect(waiting).not.toContain('hq-notify');
    const later = waiting.at(-1)!;
    await playtest.sendNow(later);
    expect(await playtest.waitingInjects()).not.toContain(later);
    await expectAccessible('the play-test desk');
    await saveScreenshot('studio-playtest-desk-en-light');
    await playtest.leave.click();
    await expect(studio.workspace).toBeVisible();
    await expect(page.getByTestId('player')).toHaveCount(0);
  });

  await test.step('published: checklist passed, version bumped, exported and installed', async () => {
    await studio.action('Publish the pack').click();
    await expect(publish.view).toBeVisible();
    await publish.expectReady();
    for (const item of ['errors', 'model-answers', 'calibration', 'languages'] as const)
      await expect(publish.item(item)).toHaveAttribute('data-state', 'passed');
    await expect(publish.version).toHaveText('This pack is version 1.0.0.');
    await publish.bump('minor');
    await expect(publish.version).toHaveText('This pack is version 1.1.0.');
    await publish.expectReady();
    await expectAccessible('the publish view', { within: '[data-testid="publish-view"]' });
    await saveScreenshot('studio-publish-en-light');

    const download = await publish.downloadArchive();
    expect(download.suggestedFilename()).toBe('coral-bay-drills-1.1.0.attache');
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const { manifest } = readArchive(new Uint8Array(await readFile(file)));
    expect(manifest).toMatchObject({ packId: 'coral-bay-drills', packVersion: '1.1.0' });
    await expect(publish.exported).toContainText('coral-bay-drills-1.1.0.attache');

    await publish.install.click();
    await expect(publish.installed).toContainText('Installed coral-bay-drills 1.1.0');
  });

  await test.step('pictured dark, and in Russian', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectColorScheme('dark');
    await saveScreenshot('studio-publish-en-dark');
    await app.switchLanguage('ru');
    await expect(publish.view.getByRole('heading', { name: 'Публикация' })).toBeVisible();
    await saveScreenshot('studio-publish-ru-dark');
    await studio.action('Пройти сценарий на пробу').click();
    await playtest.play({ language: 'Русский' });
    await saveScreenshot('studio-playtest-desk-ru-dark');
    await playtest.leave.click();
    await page.emulateMedia({ colorScheme: 'light' });
    await saveScreenshot('studio-playtest-setup-ru-light');
    await app.switchLanguage('en');
  });

  await test.step('the installed pack is in the catalogue, and the play-tests left no attempt', async () => {
    const catalogue = await app.goToCatalogue('Lena');
    await expect(catalogue.scenario('coral-bay')).toBeVisible({ timeout: 30_000 });
    const history = await app.goToHistory();
    await expect(history.root).not.toContainText('Coral Bay');
  });
});
