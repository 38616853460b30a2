// Runtime: Node (Playwright). The pack manager on the web build: a pack file installed from Settings is
// listed with its version, source and content hash; played; updated to a newer version; uninstalled —
// and the attempt played on it still opens its debrief from its frozen outcome. Then the studio's
// events list import on a pack made from the template. Pictured in English and light, Russian and dark.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildArchive, contentHash } from '../renderer/src/core/pack/archive';
import { MINIMAL_PACK_DIR, readFolder } from '../renderer/src/test/packs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HistoryPage } from './pages/HistoryPage';
import { PackManagerPage } from './pages/PackManagerPage';
import { StudioPage } from './pages/StudioPage';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const directory = () => mkdtempSync(path.join(tmpdir(), 'attache-pack-manager-'));

/** The minimal pack as an instructor would send it under `version`, and its content hash. */
function writeMinimalPack(version: string): { file: string; hash: string } {
  const files = readFolder(MINIMAL_PACK_DIR);
  const manifest = decoder.decode(files.get('pack.yaml')).replace('version: 1.0.0', `version: ${version}`);
  files.set('pack.yaml', encoder.encode(manifest));
  const file = path.join(directory(), `minimal-${version}.attache`);
  writeFileSync(file, buildArchive(files, { packId: 'minimal', packVersion: version }));
  return { file, hash: contentHash(files) };
}

const screenshotPath = (name: string) => path.join(process.env.SCREENSHOT_DIR ?? 'test-report/screenshots', `${name}.png`);

async function screenshotOf(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: screenshotPath(name), animations: 'disabled' });
}

/** The studio scrolls inside its panels, not the page: the window is made tall enough to show the whole view. */
async function screenshotOfStudioView(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport?.width ?? 1280, height: 2200 });
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled' });
  if (viewport) await page.setViewportSize(viewport);
}

test('a pack installed from a file is listed with version and hash, updated, and uninstalled; its attempt still opens', async ({
  app,
  page,
  expectAccessible,
}) => {
  test.setTimeout(120_000);
  const first = writeMinimalPack('1.0.0');
  const second = writeMinimalPack('1.1.0');
  const packs = new PackManagerPage(page);

  await test.step('install from Settings: listed with version, source, hash and date', async () => {
    await app.goToCatalogue('Rita Lowe');
    await packs.open();
    await expect(packs.row('core-library')).toContainText('Built-in');
    await expect(packs.row('core-library').getByRole('button', { name: /Uninstall/ })).toHaveCount(0);
    await packs.installFile(first.file);
    await expect(packs.done).toContainText('Installed “Minimal pack” 1.0.0.');
    await expect(packs.row('minimal')).toContainText('From a file');
    await expect(packs.row('minimal')).toContainText('1.0.0');
    await expect(packs.hash('minimal')).toHaveText(first.hash.slice(0, 12));
    await expectAccessible('the pack manager', { within: '[data-testid="settings-packs"]' });
    await screenshotOf(packs.card, 'pack-manager-en-light');
  });

  await test.step('play it once to the end', async () => {
    const catalogue = await app.goToCatalogue();
    const player = await (await catalogue.open('hotline')).startScenario();
    await player.finishScenario();
  });

  await test.step('update it from a newer file', async () => {
    await packs.open();
    await packs.updateFrom('minimal', second.file);
    await expect(packs.done).toContainText('Updated “Minimal pack” from 1.0.0 to 1.1.0.');
    await expect(packs.row('minimal')).toContainText('1.1.0');
    await expect(packs.hash('minimal')).toHaveText(second.hash.slice(0, 12));
  });

  await test.step('uninstall it, told that its attempt keeps its frozen outcome', async () => {
    await packs.askToUninstall('minimal');
    await expect(packs.uninstallDialog).toContainText('1 attempt on it keeps its frozen outcome');
    await expectAccessible('the uninstall confirmation', { within: '[role="dialog"]' });
    await screenshotOf(packs.uninstallDialog, 'pack-manager-uninstall-en-light');
    await packs.confirmUninstall();
    await expect(packs.done).toContainText('Uninstalled “Minimal pack” 1.1.0.');
    await expect(packs.row('minimal')).toHaveCount(0);
    const catalogue = await app.goToCatalogue();
    await expect(catalogue.scenario('hotline')).toHaveCount(0);
  });

  await test.step("the attempt's debrief still opens, from its frozen outcome", async () => {
    await app.goToHistory();
    const history = new HistoryPage(page);
    await expect(history.rows).toHaveCount(1);
    await history.rows.first().getByTestId('attempt-open').click();
    await expect(page.getByTestId('debrief-page')).toHaveAttribute('data-frozen');
    await expect(page.getByTestId('debrief-outcome')).toBeVisible();
    await screenshotOf(page.getByTestId('debrief-page'), 'pack-manager-uninstalled-debrief-en-light');
  });
});

test('the pack manager in Russian and dark, and the studio importing an events list (CSV, then XLSX)', async ({ app, page, expectAccessible }) => {
  test.setTimeout(120_000);
  const packs = new PackManagerPage(page);
  const studio = new StudioPage(page);
  const csv = path.join(directory(), 'events.csv');
  writeFileSync(
    csv,
    [
      'Time (T+),From,Channel,To,Message,Expected action',
      '0:00,@PortSelinNews,news,embassy-x,"Airport closed, flights cancelled.",none',
      '0:05,@anna_reader,reply,embassy-x,Is the hotline open?,Reply with the hotline number',
      'later,@anna_reader,post,embassy-x,A row whose time cannot be read,none',
      '0:12,Airport Authority,tiktok,embassy-x,A row on an unknown channel,none',
    ].join('\n'),
  );

  await test.step('the studio: a pack from the template, its events list imported', async () => {
    await studio.open();
    await studio.createPack({
      packId: 'embassy-drills',
      scenarioId: 'airport-closed',
      languages: ['en', 'ru'],
      titles: ['Embassy drills', 'Учения посольства'],
      author: 'Training unit',
    });
    await studio.view('Import events list').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV or Excel file…' }).click();
    await (await chooser).setFiles(csv);
    await expect(page.getByTestId('import-summary')).toHaveText('2 injects, 1 new persona and 1 task.');
    await expect(page.getByTestId('import-problem')).toHaveCount(2);
    await expectAccessible('the events list import', { within: '[data-testid="studio-import"]' });
    await screenshotOfStudioView(page, 'studio-import-en-light');
    await page.getByTestId('import-apply').click();
    await expect(page.getByTestId('import-outcome')).toContainText('Added 2 injects, 1 new persona and 1 task');
    await expect(studio.action('Undo')).toBeEnabled();
  });

  await test.step('in Russian and dark: the import, then the pack manager', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.expectColorScheme('dark');
    await app.switchLanguage('ru');
    // An Excel workbook this time: SheetJS is fetched now, and must run under the page's policy (no eval).
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Выбрать файл CSV или Excel…' }).click();
    await (await chooser).setFiles(path.resolve(import.meta.dirname, '../renderer/src/core/studio/__fixtures__/mel/events.xlsx'));
    await expect(page.getByTestId('import-summary')).toHaveText('3 события, 3 новых персонажа и 1 задача.');
    // Five rows cannot be read (row 6 for two reasons: its time has seconds, and the pack has no Facebook account).
    await expect(page.getByTestId('import-problems')).toContainText('5 строк не удаётся прочитать');
    await expect(page.getByTestId('import-problem')).toHaveCount(6);
    await expectAccessible('the events list import, dark', { within: '[data-testid="studio-import"]' });
    await screenshotOfStudioView(page, 'studio-import-ru-dark');

    await packs.open();
    await expect(packs.row('core-library')).toContainText('Встроенный');
    await expectAccessible('the pack manager, dark', { within: '[data-testid="settings-packs"]' });
    await screenshotOf(packs.card, 'pack-manager-ru-dark');
  });
});
