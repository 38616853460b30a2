// Runtime: Node (Playwright, web build). An academy issues an Open Badge: the administrator names the
// academy, sets a passphrase and creates the signing key; a trainee who completed the course arrives in
// a progress file; from Records the administrator issues the badge, saves it as JSON and as a baked PNG,
// and both verify in the app; an edited copy does not. The saved JSON verifies with the command line
// (`npm run records -- badge verify FILE`), which refuses the edited copy naming why. The screens are
// pictured light and dark, in English and Russian.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../renderer/src/core/pack/load';
import { courseProgress } from '../renderer/src/core/records/progress';
import { CORE_LIBRARY_DIR, readFolder } from '../renderer/src/test/packs';
import { demoFiles } from '../scripts/lib/demo-cohort';
import { expect, test } from './fixtures';
import { AcademySettingsPage } from './pages/AcademySettingsPage';
import { AdminMode } from './pages/AdminMode';
import { AcademyKeyCard, IssueBadgeDialog, VerifyBadgeDialog } from './pages/BadgesPage';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSPHRASE = 'harbour lantern quorum 7';
const COURSE = 'Press attaché foundations';

/** `npm run records -- badge verify FILE`, as an academy or a verifier would run it. */
function verifyWithCli(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/records.ts', 'badge', 'verify', file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A signed progress file of a trainee who completed the built-in course: the demo cohort's first strong trainee. */
async function completedTraineeFile(directory: string): Promise<{ file: string; name: string }> {
  const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
  const course = library.courses[0]!;
  for (const { fileName, bytes, member } of await demoFiles({ trainees: 6, seed: 2, packs: [library], appVersion: '0.1.0' })) {
    if (!member.trainee.academyId) continue;
    const outcomes = member.content.outcomes.map((outcome) => outcome.summary);
    if (courseProgress(course, library.manifest.id, outcomes).status !== 'completed') continue;
    mkdirSync(directory, { recursive: true });
    const file = path.join(directory, fileName);
    writeFileSync(file, bytes);
    return { file, name: member.trainee.name };
  }
  throw new Error('the demo cohort has no trainee with an academy ID who completed the course');
}

test.describe('badges', () => {
  test('the administrator issues a badge to a trainee who completed the course; JSON and PNG verify in the app and the JSON with the CLI; an edited copy fails', async ({
    app,
    page,
    expectAccessible,
    saveScreenshot,
  }, testInfo) => {
    test.setTimeout(300_000);
    const trainee = await completedTraineeFile(testInfo.outputDir);
    const academy = new AcademySettingsPage(page);
    const admin = new AdminMode(page);
    const key = new AcademyKeyCard(page);

    await test.step('the administrator names the academy, sets a passphrase and creates the signing key', async () => {
      await app.open('/#/settings');
      await academy.saveAcademy({ name: 'Diplomatic Academy', iri: 'https://academy.example/', identity: 'Academy ID' });
      await academy.openPassphraseDialog();
      await academy.enterPassphrase(PASSPHRASE);
      await expect(admin.indicator).toContainText('Administrator: unlocked');
      await expect(key.kept).toContainText('This browser keeps the key in its storage for this site');
      await key.create(PASSPHRASE);
      await expect(key.didKey).toHaveText(/^did:key:z6Mk/);
      await key.root.scrollIntoViewIfNeeded();
      await expectAccessible('the academy signing key', { within: '[data-testid="settings-academy-key"]' });
      await saveScreenshot('badges-key-en-light');
    });

    const records = await app.goToRecords();
    await test.step("the trainee's progress file is imported", async () => {
      const choosing = page.waitForEvent('filechooser');
      await page.getByTestId('progress-import').click();
      await (await choosing).setFiles(trainee.file);
      const dialog = page.getByTestId('progress-import-dialog').getByRole('dialog');
      await expect(dialog.getByTestId('progress-import-count')).toHaveText('1 of 1 files checked', { timeout: 120_000 });
      await expect(dialog.getByTestId('progress-import-file')).toHaveAttribute('data-status', 'merged');
      await dialog.getByTestId('progress-import-close').click();
      await expect(dialog).toBeHidden();
    });

    const issue = new IssueBadgeDialog(page, COURSE);
    const jsonFile = testInfo.outputPath('badge.json');
    const pngFile = testInfo.outputPath('badge.png');
    await test.step('the administrator issues the badge from the completed course and saves it as JSON and PNG', async () => {
      // The segmented control's radios are drawn by their labels.
      await page.getByTestId('cohort-rows-per').getByText('Trainee and course', { exact: true }).click();
      await expect(page.getByRole('radio', { name: 'Trainee and course' })).toBeChecked();
      await expect(records.row(trainee.name, COURSE)).toHaveAttribute('data-status', 'completed');
      const attempts = await records.openAttempts(trainee.name, COURSE);
      await attempts.getByRole('button', { name: 'Issue a badge…' }).click();
      await expect(issue.root).toBeVisible();
      await expect(issue.root).toContainText(`${trainee.name} completed “${COURSE}”`);
      await expectAccessible('the dialog that issues a badge', { within: '[data-testid="issue-badge-dialog"] [role="dialog"]' });
      await saveScreenshot('badges-issue-en-light');

      await issue.passphrase.fill('not the passphrase at all');
      await issue.sign.click();
      await expect(issue.root.getByText("This passphrase does not open the academy's signing key. Type the administrator passphrase.")).toBeVisible({
        timeout: 60_000,
      });
      await issue.signWith(PASSPHRASE);
      await expect(issue.summary).toContainText(COURSE);
      await expect(issue.summary).toContainText('Diplomatic Academy');
      await saveScreenshot('badges-signed-en-light');

      const json = await issue.download(issue.saveJson);
      expect(json.suggestedFilename()).toBe(`${trainee.name} - ${COURSE}.json`);
      await json.saveAs(jsonFile);
      const png = await issue.download(issue.savePng);
      expect(png.suggestedFilename()).toBe(`${trainee.name} - ${COURSE}.png`);
      await png.saveAs(pngFile);
      await issue.close.click();
      await expect(issue.root).toBeHidden();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });

    const editedFile = testInfo.outputPath('edited.json');
    writeFileSync(editedFile, readFileSync(jsonFile, 'utf8').replaceAll(COURSE, 'Press attaché mastery'));
    const verify = new VerifyBadgeDialog(page);
    await test.step('"Verify a badge…" finds the JSON and the PNG valid and the edited copy not', async () => {
      await verify.opener.click();
      await expect(verify.root).toBeVisible();
      await verify.check(jsonFile, 'badge.json');
      await expect(verify.valid).toContainText('Valid: signed by Diplomatic Academy');
      await verify.check(pngFile, 'badge.png');
      await expect(verify.valid).toBeVisible();
      await expect(verify.summary).toContainText(COURSE);
      await verify.check(editedFile, 'edited.json');
      await expect(verify.invalid).toContainText('The signature does not match: the credential was changed after it was signed.');
      await expectAccessible('a badge found not valid', { within: '[data-testid="verify-badge-dialog"] [role="dialog"]' });
      await saveScreenshot('badges-verify-en-light');
    });

    await test.step('the command line verifies the badge the app saved, and refuses the edited copy', () => {
      const genuine = verifyWithCli(jsonFile);
      expect(genuine.output).not.toMatch(/not valid|invalid/i);
      expect(genuine.status, genuine.output).toBe(0);
      const edited = verifyWithCli(editedFile);
      expect(edited.status, edited.output).toBe(1);
      expect(edited.output).toMatch(/signature/i);
    });

    await test.step('pictured dark, and in Russian', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.expectColorScheme('dark');
      await expectAccessible('a badge found not valid, in the dark', { within: '[data-testid="verify-badge-dialog"] [role="dialog"]' });
      await saveScreenshot('badges-verify-en-dark');
      await page.keyboard.press('Escape');
      await expect(verify.root).toBeHidden();
      await app.switchLanguage('ru');
      await verify.opener
        .or(page.getByRole('button', { name: 'Проверить значок…' }))
        .first()
        .click();
      await expect(page.getByRole('dialog', { name: 'Проверка значка' })).toBeVisible();
      await saveScreenshot('badges-verify-ru-dark');
      await page.keyboard.press('Escape');
      await app.goToSettings();
      await key.root.scrollIntoViewIfNeeded();
      await expectAccessible('the academy signing key, in Russian in the dark', { within: '[data-testid="settings-academy-key"]' });
      await saveScreenshot('badges-key-ru-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await app.expectColorScheme('light');
      await saveScreenshot('badges-key-ru-light');
    });
  });
});
