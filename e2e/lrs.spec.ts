// Runtime: Node (Playwright, web build). The academy's LRS from the web build: a trainee plays a
// built-in scenario; the administrator names the academy (its IRI, trainees matched by academy ID);
// Settings → Academy → Learning record store says why sending needs the desktop app and offers the
// statements file instead; Records says the same beside the sync's counts, and the file it saves holds
// every statement of the attempt, each valid xAPI, about the trainee's account at the academy, one JSON
// array of the statements as stored. Pictured light and dark, in English and Russian.
import { readFile } from 'node:fs/promises';
import xapiValidation from '@learninglocker/xapi-validation';
import { expect, test } from './fixtures';
import { builtInScenario, goodDraft } from './packs';
import { AcademySettingsPage } from './pages/AcademySettingsPage';
import { CataloguePage } from './pages/CataloguePage';
import { LrsSettingsSection, LrsSyncPanel } from './pages/LrsPanel';

// A CommonJS module: Playwright's loader hands over its exports object where Vitest gives the function.
const validateStatement = (xapiValidation as unknown as { default?: typeof xapiValidation }).default ?? xapiValidation;

const SCENARIO_ID = 'answering-criticism';
const ACADEMY = { name: 'Northern Diplomatic Academy', iri: 'https://academy.example.org/attache', identity: 'Academy ID' } as const;
const TRAINEE = { name: 'Lena Marsh', academyId: 'NDA-2026-017' };

interface Statement {
  id: string;
  actor: { account: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string };
}

test.describe('the LRS in the web build', () => {
  test('explains why sync needs the desktop app and saves the statements file instead', async ({ app, page, expectAccessible, saveScreenshot }) => {
    test.setTimeout(180_000);
    const scenario = builtInScenario(SCENARIO_ID);

    await test.step('a trainee plays a scenario to its debrief', async () => {
      await app.open('/#/catalogue');
      await app.profileGate.createProfile(TRAINEE.name, TRAINEE.academyId);
      const catalogue = new CataloguePage(page);
      const player = await (await catalogue.open(SCENARIO_ID)).startScenario();
      await player.pause();
      for (let guard = 0; guard < 60; guard += 1) {
        if ((await player.root.getAttribute('data-state')) !== 'live') break;
        for (const taskId of await player.openTaskIds()) await player.answer(taskId, goodDraft(scenario, taskId, 'en'));
        if (await player.nothingLeft()) break;
        await player.jumpToNextEvent();
      }
      await player.toDebrief();
    });

    const section = new LrsSettingsSection(page);
    await test.step('Settings: the academy is named; its LRS section says sync needs the desktop app', async () => {
      await app.goToSettings();
      await new AcademySettingsPage(page).saveAcademy(ACADEMY);
      await expect(section.heading).toBeVisible();
      await expect(section.webExplanation).toContainText('This page may only talk to the server it came from, so it cannot reach the academy');
      await expect(section.saveFile).toBeEnabled();
      await expect(section.draftText).not.toBeChecked();
      await expect(section.root.getByRole('textbox', { name: 'Endpoint' })).toHaveCount(0);
      await expectAccessible('the LRS section of Settings', { within: '[data-testid="lrs-settings"]' });
    });

    const panel = new LrsSyncPanel(page);
    let saved: { text: string; message: string } | null = null;
    await test.step('Records: the sync status says why, and the statements file is saved', async () => {
      await app.goToRecords();
      await expect(panel.heading).toBeVisible();
      await expect(panel.state).toHaveText('Desktop app only');
      await expect(panel.explanation).toContainText('This page may only talk to the server it came from');
      await expect(panel.syncNow).toHaveCount(0);
      await expect(panel.counts).toHaveText(/^\d+ statements to send · 0 sent · 0 refused$/);
      await expectAccessible('the LRS sync status in Records', { within: '[data-testid="lrs-sync"]' });
      const { download, message } = await panel.saveStatementsFile();
      expect(download.suggestedFilename()).toMatch(/^attache-statements-\d{4}-\d{2}-\d{2}\.json$/);
      saved = { text: await readFile((await download.path())!, 'utf8'), message };
    });

    await test.step('the file holds every statement of the attempt, each valid xAPI, as one JSON array', () => {
      const { text, message } = saved!;
      const statements = JSON.parse(text) as Statement[];
      expect(message).toBe(`Saved ${statements.length} statements to ${message.slice(message.lastIndexOf(' ') + 1)}`);
      // One statement a line between the brackets, each as the outbox keeps it (compact JSON).
      const lines = text.split('\n');
      expect(lines[0]).toBe('[');
      expect(lines.slice(-2)).toEqual([']', '']);
      expect(lines.slice(1, -2).map((line, index, all) => (index < all.length - 1 ? line.replace(/,$/, '') : line))).toEqual(
        statements.map((statement) => JSON.stringify(statement)),
      );
      for (const statement of statements) {
        expect(validateStatement(statement).map((warning) => warning.message)).toEqual([]);
        expect(statement.actor.account).toEqual({ homePage: ACADEMY.iri, name: TRAINEE.academyId });
      }
      expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);
      const verbs = statements.map((statement) => statement.verb.id.slice(statement.verb.id.lastIndexOf('/') + 1));
      expect(verbs[0]).toBe('initialized');
      expect(verbs).toContain('responded');
      expect(verbs).toContain('passed');
      expect(verbs).toContain('completed');
      expect(verbs).toContain('terminated');
    });

    await test.step('pictured light and dark, in English and Russian', async () => {
      await saveScreenshot('lrs-records-web-en-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.expectColorScheme('dark');
      await expectAccessible('the LRS sync status in the dark theme', { within: '[data-testid="lrs-sync"]' });
      await saveScreenshot('lrs-records-web-en-dark');
      await app.switchLanguage('ru');
      await expect(page.getByTestId('lrs-sync-state')).toHaveText('Только в приложении');
      await saveScreenshot('lrs-records-web-ru-dark');
      await app.goToSettings();
      await expect(section.root).toContainText('Для отправки в LRS нужно настольное приложение');
      await saveScreenshot('lrs-settings-web-ru-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await app.expectColorScheme('light');
      await saveScreenshot('lrs-settings-web-ru-light');
    });
  });
});
