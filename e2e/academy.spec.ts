// Runtime: Node (Playwright, web build). The academy's day on one shared computer: two trainees make
// their profiles and play a built-in scenario to its debrief (one passes with model answers, one fails
// with poor drafts); the administrator names the academy and sets a passphrase in Settings, locks, and
// opens Records: the unlock panel refuses a wrong passphrase and the right one shows both trainees with
// their status, best score and completion date. The administrator exports a Moodle gradebook CSV (the
// pre-flight names the missing grade item ID number, which is then filled in), read as Moodle's grade
// import reads it, and a trainee's transcript, printed to a PDF from the web version's print view.
// Records and the export dialog are pictured light and dark, in English and Russian. (A progress file
// carried to a fresh install is e2e/progress-files.spec.ts.)
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { importMoodleCsv, TIME_EXPORTED_HEADER } from '../renderer/src/core/records/__fixtures__/moodle-import';
import { expect, test } from './fixtures';
import { builtInScenario, builtInScenarioIds, goodDraft, poorDraft } from './packs';

/** One row per trainee and built-in scenario. */
const SCENARIOS = builtInScenarioIds().length;
import { AcademySettingsPage } from './pages/AcademySettingsPage';
import { AdminMode } from './pages/AdminMode';
import { CataloguePage } from './pages/CataloguePage';
import { ExportDialog } from './pages/ExportDialog';
import type { PlayerPage } from './pages/PlayerPage';
import { ProfileMenu } from './pages/ProfileMenu';
import type { RecordsPage } from './pages/RecordsPage';

const SCENARIO_ID = 'answering-criticism';
const ITEM_KEY = `scenario:core-library/${SCENARIO_ID}`;
const ITEM_ID_NUMBER = 'ATT-CRITICISM';
const ACADEMY = { name: 'Northern Diplomatic Academy', iri: 'https://academy.example.org/attache', identity: 'Academy ID' } as const;
const PASSPHRASE = 'harbour lantern quota 42';

interface Trainee {
  name: string;
  academyId: string;
  email: string;
  drafts: 'model' | 'poor';
}

const LENA: Trainee = { name: 'Lena Marsh', academyId: 'NDA-2026-017', email: 'lena.marsh@academy.example.org', drafts: 'model' };
const TIMUR: Trainee = { name: 'Timur Abenov', academyId: 'NDA-2026-018', email: '', drafts: 'poor' };

/** What a trainee's debrief said, and when (between which two instants) the attempt finished. */
interface Played {
  passed: boolean;
  score: string;
  finishedBetween: [number, number];
}

/** Answers every task as it opens with `draftFor`, jumping from event to event until nothing is left. */
async function playThrough(player: PlayerPage, draftFor: (taskId: string) => string): Promise<void> {
  for (let guard = 0; guard < 60; guard += 1) {
    if ((await player.root.getAttribute('data-state')) !== 'live') break;
    for (const taskId of await player.openTaskIds()) await player.answer(taskId, draftFor(taskId));
    if (await player.nothingLeft()) break;
    await player.jumpToNextEvent();
  }
}

async function play(page: Page, trainee: Trainee): Promise<Played> {
  const scenario = builtInScenario(SCENARIO_ID);
  const catalogue = new CataloguePage(page);
  await expect(catalogue.title).toBeVisible();
  const player = await (await catalogue.open(SCENARIO_ID)).startScenario();
  await player.pause();
  const started = Date.now();
  await playThrough(player, (taskId) => (trainee.drafts === 'model' ? goodDraft(scenario, taskId, 'en') : poorDraft(scenario, taskId)));
  const debrief = await player.toDebrief();
  const finished = Date.now();
  return { passed: (await debrief.outcome.getAttribute('data-passed')) === 'true', score: await debrief.averageScore(), finishedBetween: [started, finished] };
}

/** The dates `between` may be written as in the page's formatting locale (en-GB for English) and time zone (two only across midnight). */
async function datesOf(page: Page, between: [number, number], language: string, dateStyle: 'medium' | 'long'): Promise<string[]> {
  const dates = await page.evaluate(
    ({ instants, locale, style }) => instants.map((instant) => new Intl.DateTimeFormat(locale, { dateStyle: style }).format(instant)),
    { instants: between, locale: language, style: dateStyle },
  );
  return [...new Set(dates)];
}

/** A row's cells from the status on: status, best score, attempts, completion date, time on task. */
async function recordOf(records: RecordsPage, trainee: Trainee, scenarioTitle: string): Promise<string[]> {
  const row = records.row(trainee.name, scenarioTitle);
  await expect(row).toHaveCount(1);
  return (await row.locator('td').allTextContents()).slice(3);
}

async function pdfText(bytes: Buffer): Promise<{ pages: string[]; sizes: number[][] }> {
  const loading = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const document = await loading.promise;
  const pages: string[] = [];
  const sizes: number[][] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    sizes.push(page.view.slice(2));
  }
  await loading.destroy();
  return { pages, sizes };
}

test.describe('the academy', () => {
  test('two trainees play; the administrator unlocks Records, sees both, exports a Moodle CSV and a transcript PDF', async ({
    app,
    page,
    expectAccessible,
    saveScreenshot,
  }, testInfo) => {
    test.setTimeout(240_000);
    const scenarioTitle = builtInScenario(SCENARIO_ID).title.en!;
    // The browser's own print dialog is outside the page: the test notes that the page asked for it,
    // and prints with page.pdf() instead, as choosing "Save as PDF" in that dialog would.
    await page.addInitScript(() => {
      const host = window as unknown as { attachePrintRequests: number };
      host.attachePrintRequests = 0;
      window.print = () => {
        host.attachePrintRequests += 1;
      };
    });
    const printRequests = () => page.evaluate(() => (window as unknown as { attachePrintRequests: number }).attachePrintRequests);

    const played = new Map<Trainee, Played>();
    await test.step('two trainees play on this computer', async () => {
      await app.open('/#/catalogue');
      await app.profileGate.createProfile(LENA.name, LENA.academyId, LENA.email);
      played.set(LENA, await play(page, LENA));
      expect(played.get(LENA)!.passed).toBe(true);

      await app.open('/#/catalogue');
      await new ProfileMenu(page).createProfile(TIMUR.name, TIMUR.academyId);
      played.set(TIMUR, await play(page, TIMUR));
      expect(played.get(TIMUR)!.passed).toBe(false);
    });

    const academy = new AcademySettingsPage(page);
    const admin = new AdminMode(page);
    await test.step('the administrator names the academy, sets a passphrase and locks', async () => {
      await app.goToSettings();
      await academy.saveAcademy(ACADEMY);
      await expect(academy.passphraseStatus).toContainText('No passphrase is set');
      await academy.openPassphraseDialog();
      await expectAccessible('the dialog that sets the passphrase', { within: '[data-testid="admin-passphrase-dialog"] [role="dialog"]' });
      await academy.enterPassphrase(PASSPHRASE);
      await expect(academy.passphraseDone).toContainText('Passphrase set. Administrator mode is on in this window');
      await expect(academy.passphraseStatus).toContainText('A passphrase is set');
      await expect(admin.indicator).toContainText('Administrator: unlocked');
      await admin.lock();
      // Locked, the academy's settings are behind the passphrase too.
      await expect(academy.name).toBeHidden();
      await expect(academy.root.getByTestId('admin-unlock-panel')).toBeVisible();
    });

    const records = await app.goToRecords();
    await test.step('Records asks for the passphrase, refuses a wrong one and opens with the right one', async () => {
      await expect(admin.unlockPanel).toBeVisible();
      await expect(admin.unlockPanel.getByRole('heading', { name: 'Administrator passphrase needed' })).toBeVisible();
      await expect(admin.reason).toHaveText("Records show every trainee's results on this device, so only the academy's administrator may see them.");
      await expect(records.table).toHaveCount(0);
      await expect(page.getByTestId('export-open')).toHaveCount(0);

      await admin.tryPassphrase('harbour lantern quota 24');
      await expect(
        admin.unlockPanel.getByText('That is not the administrator passphrase. Check Caps Lock and the keyboard layout, then try again.'),
      ).toBeVisible({
        timeout: 30_000,
      });
      await expect(admin.passphrase).toHaveAttribute('aria-invalid', 'true');
      await expect(admin.indicator).toBeHidden();
      await expect(records.table).toHaveCount(0);
      await expectAccessible('the unlock panel after a wrong passphrase', { within: '[data-testid="admin-unlock-panel"]' });
      await saveScreenshot('academy-records-unlock-refused');

      await admin.tryPassphrase(PASSPHRASE);
      await expect(admin.indicator).toContainText('Administrator: unlocked', { timeout: 30_000 });
      await expect(admin.unlockPanel).toBeHidden();
      await expect(records.table).toBeVisible();
    });

    await test.step('both trainees are listed with their status, best score and completion date', async () => {
      // Every trainee on this device against every scenario of the library. The table draws only the rows
      // in view, so each trainee's are found through the search, as an administrator would.
      await expect(records.count).toHaveText(`${2 * SCENARIOS} of ${2 * SCENARIOS} rows`);
      await records.search.fill(LENA.name);
      await expect(records.count).toHaveText(`${SCENARIOS} of ${2 * SCENARIOS} rows`);
      await expect(records.row(LENA.name, scenarioTitle)).toContainText(LENA.academyId);
      await expect(records.row(LENA.name, scenarioTitle)).toContainText(LENA.email);
      await expect(records.row(LENA.name, scenarioTitle)).toHaveAttribute('data-status', 'passed');
      const lena = played.get(LENA)!;
      const [lenaStatus, lenaBest, lenaAttempts, lenaCompleted, lenaTime] = await recordOf(records, LENA, scenarioTitle);
      expect([lenaStatus, lenaBest, lenaAttempts]).toEqual(['Passed', lena.score, '1']);
      expect(await datesOf(page, lena.finishedBetween, 'en-GB', 'medium')).toContain(lenaCompleted);
      expect(lenaTime).toMatch(/^\d+ mins?$/); // en-GB's short unit: "1 min", "12 mins"
      await expect(records.rows.and(page.locator('[data-status="not-started"]'))).toHaveCount(SCENARIOS - 1);

      await records.search.fill(TIMUR.academyId);
      await expect(records.count).toHaveText(`${SCENARIOS} of ${2 * SCENARIOS} rows`);
      await expect(records.row(TIMUR.name, scenarioTitle)).toContainText(TIMUR.academyId);
      await expect(records.row(TIMUR.name, scenarioTitle)).toHaveAttribute('data-status', 'failed');
      const timur = played.get(TIMUR)!;
      const [timurStatus, timurBest, timurAttempts, timurCompleted] = await recordOf(records, TIMUR, scenarioTitle);
      expect([timurStatus, timurBest, timurAttempts, timurCompleted]).toEqual(['Failed', timur.score, '1', '—']);
      await expect(records.rows.and(page.locator('[data-status="not-started"]'))).toHaveCount(SCENARIOS - 1);

      await records.search.fill('');
      await expect(records.count).toHaveText(`${2 * SCENARIOS} of ${2 * SCENARIOS} rows`);

      await expectAccessible('the records, unlocked');
      await saveScreenshot('academy-records-en-light');
    });

    const exportDialog = new ExportDialog(page);
    await test.step('a Moodle gradebook CSV: the pre-flight names the missing ID number; the file is what Moodle imports', async () => {
      await exportDialog.open();
      await exportDialog.chooseFormat('moodle-csv');
      await expect(exportDialog.moodle).toContainText("The academy's LMS matches trainees by academy ID (Settings › Academy).");
      await exportDialog.chooseMoodleLevel('scenario');
      await expect(exportDialog.problems.getByRole('listitem')).toHaveText([
        `${scenarioTitle} (Attaché core library) has no grade item ID number: give one below.`,
        'Nothing is left to export: no trainee with a grade and an identity, for a grade item with an ID number.',
      ]);
      await expect(exportDialog.summary).toHaveText('Fix what is listed above, or choose to leave it out, to export.');
      await expect(exportDialog.exportMoodle).toBeDisabled();
      await expectAccessible('the export dialog with its pre-flight', { within: '[data-testid="export-modal"] [role="dialog"]' });
      await saveScreenshot('academy-export-en-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.expectColorScheme('dark');
      await saveScreenshot('academy-export-en-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await app.expectColorScheme('light');

      await exportDialog.itemIdNumber(ITEM_KEY).fill(ITEM_ID_NUMBER);
      await expect(exportDialog.allClear).toHaveText('Nothing is missing: Moodle will find every trainee and grade item in this file.');
      await expect(exportDialog.summary).toHaveText('2 trainees, 1 grade item and 2 grades will be written.');
      const download = await exportDialog.downloadMoodle();
      expect(download.suggestedFilename()).toMatch(/^moodle-grades-\d{4}-\d{2}-\d{2}\.csv$/);
      await expect(exportDialog.saved).toHaveText(`Saved as ${download.suggestedFilename()}.`);
      const file = testInfo.outputPath(download.suggestedFilename());
      await download.saveAs(file);
      const text = await readFile(file, 'utf8');

      // As a spreadsheet or papaparse reads it: the identity column first, one grade column, one row per trainee.
      expect(text.charCodeAt(0), 'no byte-order mark').not.toBe(0xfeff);
      const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      const column = `${scenarioTitle} [${ITEM_ID_NUMBER}]`;
      expect(header).toEqual(['ID number', column]);
      expect(header).not.toContain(TIME_EXPORTED_HEADER);
      expect(rows.every((row) => row.length === header!.length)).toBe(true);
      const scores = new Map(rows.map(([identity, score]) => [identity, score]));
      expect([...scores.keys()].sort()).toEqual([LENA.academyId, TIMUR.academyId]);
      for (const trainee of [LENA, TIMUR]) {
        const score = scores.get(trainee.academyId)!;
        expect(score, 'a number with a dot, at most two decimals').toMatch(/^\d{1,3}(\.\d{1,2})?$/);
        // The debrief writes one decimal; the file keeps two.
        expect(Math.abs(Number(score) - Number(played.get(trainee)!.score))).toBeLessThanOrEqual(0.05 + 1e-9);
      }

      // As Moodle's grade import takes it (its steps replayed), with the teacher's mapping: the first column
      // to the users' ID number, the grade column to the item with that ID number.
      const site = {
        users: [LENA, TIMUR].map((trainee, index) => ({ id: 10 + index, idnumber: trainee.academyId, email: trainee.email, username: `user${index}` })),
        gradeItems: [{ id: 7, idnumber: ITEM_ID_NUMBER, itemname: scenarioTitle }],
      };
      const imported = importMoodleCsv(text, site, { mapfrom: 0, mapto: 'useridnumber', columns: { 1: '7' } });
      expect(imported).toEqual({
        ok: true,
        feedback: [],
        grades: expect.arrayContaining([
          { userId: 10, itemId: 7, finalgrade: Number(scores.get(LENA.academyId)) },
          { userId: 11, itemId: 7, finalgrade: Number(scores.get(TIMUR.academyId)) },
        ]),
      });
      expect(imported.ok && imported.grades).toHaveLength(2);
    });

    await test.step("a trainee's transcript: the print view holds the record, and prints to a PDF", async () => {
      await exportDialog.chooseFormat('transcripts');
      await expect(exportDialog.transcripts).toContainText('choose "Save as PDF" as the printer');
      await expect(exportDialog.print).toBeDisabled();
      await exportDialog.chooseTranscriptTrainee('Lena', `${LENA.name} · ${LENA.academyId} · ${LENA.email}`);
      await expectAccessible('the transcripts in the export dialog', { within: '[data-testid="export-modal"] [role="dialog"]' });
      await exportDialog.print.click();
      await expect.poll(printRequests).toBe(1);
      await expect(exportDialog.sheets).toHaveCount(1);
      // On screen the print view stays out of sight; on paper it is all there is.
      await expect(exportDialog.printView).toBeHidden();
      await page.emulateMedia({ media: 'print' });
      await expect(exportDialog.printView).toBeVisible();
      await expect(app.shell).toBeHidden();
      await expect(exportDialog.root).toBeHidden();

      const lena = played.get(LENA)!;
      const [completedOn] = await datesOf(page, lena.finishedBetween, 'en-GB', 'long');
      const sheet = exportDialog.sheets.first();
      await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Training transcript');
      await expect(sheet).toContainText(ACADEMY.name);
      await expect(sheet.locator('dt')).toHaveText(['Trainee', 'Academy ID', 'E-mail']);
      await expect(sheet.locator('dd')).toHaveText([LENA.name, LENA.academyId, LENA.email]);
      const course = sheet.getByRole('row', { name: /Press attaché foundations/ });
      await expect(course.getByRole('cell')).toHaveText([/^Press attaché foundations/, 'Not completed', '—', '1 of 7', lena.score]);
      const scenario = sheet.getByRole('row', { name: new RegExp(scenarioTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
      const scenarioCells = await scenario.getByRole('cell').allTextContents();
      expect(scenarioCells.slice(2)).toEqual([lena.score, 'Passed', '1']);
      expect(await datesOf(page, lena.finishedBetween, 'en-GB', 'long')).toContain(scenarioCells[1]);
      await expect(sheet).toContainText(`Generated: `);

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { pages, sizes } = await pdfText(pdf);
      expect(pages).toHaveLength(1);
      // A4 is 595.3 × 841.9 points; Chromium rounds the page to whole CSS pixels.
      const [[width, height]] = sizes as [[number, number]];
      expect(Math.abs(width - 595.3)).toBeLessThan(2);
      expect(Math.abs(height - 841.9)).toBeLessThan(2);
      for (const text of ['Training transcript', ACADEMY.name, LENA.name, LENA.academyId, LENA.email, completedOn ?? '', scenarioTitle.split(':')[0]!]) {
        expect(pages[0], `the PDF says "${text}"`).toContain(text);
      }
      expect(pages[0]).not.toContain(TIMUR.name);

      // Every trainee with records: one document, each on pages of their own.
      await exportDialog.allTrainees.check();
      await exportDialog.print.click();
      await expect.poll(printRequests).toBe(2);
      await expect(exportDialog.sheets).toHaveCount(2);
      // Printed as print media: the screenshots above switched the page to screen, which would print the app itself.
      await page.emulateMedia({ media: 'print' });
      const everyone = await pdfText(await page.pdf({ format: 'A4' }));
      await page.emulateMedia({ media: 'screen' });
      expect(everyone.pages).toHaveLength(2);
      expect(everyone.pages[0]).toContain(LENA.name);
      expect(everyone.pages[1]).toContain(TIMUR.name);
    });

    await test.step('Records and the export dialog, light and dark, in English and Russian', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.expectColorScheme('dark');
      await exportDialog.chooseFormat('moodle-csv');
      await expect(exportDialog.allClear).toBeVisible();
      await expectAccessible('the export dialog in the dark', { within: '[data-testid="export-modal"] [role="dialog"]' });
      await exportDialog.close();
      await saveScreenshot('academy-records-en-dark');

      await app.switchLanguage('ru');
      await expect(page.getByRole('heading', { level: 1, name: 'Успеваемость' })).toBeVisible();
      for (const [trainee, status] of [
        [LENA, 'Сдан'],
        [TIMUR, 'Не сдан'],
      ] as const) {
        await records.search.fill(trainee.name);
        await expect(records.count).toHaveText(`${SCENARIOS} из ${2 * SCENARIOS} строк`);
        await expect(records.row(trainee.name, 'Ответ на критику').getByTestId('cohort-status')).toHaveText(status);
      }
      await records.search.fill('');
      await expect(records.count).toHaveText(`${2 * SCENARIOS} из ${2 * SCENARIOS} строк`);
      await saveScreenshot('academy-records-ru-dark');
      await exportDialog.open();
      await expect(exportDialog.root.getByRole('heading', { name: 'Экспорт записей' })).toBeVisible();
      await expect(exportDialog.allClear).toBeVisible();
      await saveScreenshot('academy-export-ru-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await app.expectColorScheme('light');
      await saveScreenshot('academy-export-ru-light');
      await exportDialog.close();
      await saveScreenshot('academy-records-ru-light');
    });
  });
});
