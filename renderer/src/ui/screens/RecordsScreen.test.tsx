// Runtime: Node (Vitest, happy-dom). The Records screen in the whole app: reached from the navigation,
// behind the administrator's passphrase when one is set; a trainee who played here and one imported
// from a progress file both listed; a row's attempt opened as a read-only debrief that names the
// trainee, with the way back; a record that is not here said so.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttacheDatabase } from '../../db/database';
import { readAttempt } from '../../db/repositories/attempts';
import { setAdminPassphrase } from '../../db/repositories/academy';
import { createProfile } from '../../db/repositories/profiles';
import { createI18n } from '../../i18n';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { createFakePlatform, TEST_APP_INFO } from '../../test/app';
import { sampleCohort } from '../../test/cohort';
import { createTestDatabase } from '../../test/database';
import { App } from '../App';
import { forgetView } from '../cohort/view-state';
import type { LoadedAttempt } from '../player/session';
import { AttemptSession, loadAttempt, startAttempt } from '../player/session';
import { loadStartup } from '../startup';

const PASSPHRASE = 'correct horse battery staple';

/** A device where Lena played flights-suspended to its end (a frozen outcome) and Pavel's records were imported. */
async function deviceWithRecords(): Promise<{ db: AttacheDatabase; outcomeUid: string }> {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena Marsh', academyId: 'AC-7' });
  const library = loadBuiltinLibrary(TEST_APP_INFO.version);
  const attemptId = await startAttempt(db, profile.id, findScenario(library, 'core-library', 'flights-suspended')!, 'en', 5);
  const session = new AttemptSession(db, (await loadAttempt(db, library, attemptId)) as LoadedAttempt, {
    appVersion: TEST_APP_INFO.version,
    onSaveError: (error) => expect.fail(String(error)),
  });
  session.send({ type: 'CLOCK.NEXT' });
  session.send({ type: 'FINISH' });
  await session.flush();
  const attempt = (await readAttempt(db, attemptId))!;
  const imported = sampleCohort({ trainees: 1, packId: 'core-library', scenarioIds: ['flights-suspended', 'visa-free-launch'], seed: 4 });
  await db.trainees.add({ ...imported.trainees[0]!, name: 'Pavel Holt', deviceKey: 'cd'.repeat(32), importedAt: Date.UTC(2025, 5, 2, 12) });
  await db.outcomes.bulkAdd(imported.outcomes);
  return { db, outcomeUid: attempt.uid };
}

async function renderRecords(db: AttacheDatabase, hash = '#/records') {
  window.location.hash = hash;
  const platform = createFakePlatform();
  const startup = await loadStartup(db, platform);
  const i18n = await createI18n(startup.language);
  await startup.services.library.load();
  const user = userEvent.setup();
  render(
    <VirtuosoMockContext.Provider value={{ viewportHeight: 800, itemHeight: 50 }}>
      <App services={startup.services} i18n={i18n} initialTheme={startup.theme} />
    </VirtuosoMockContext.Provider>,
  );
  return { user };
}

afterEach(() => forgetView());

// The whole app over a played attempt: slow on a busy machine, so each test has a minute.
describe('RecordsScreen', { timeout: 60_000 }, () => {
  it('lists local and imported trainees against every installed scenario, from the navigation', async () => {
    const { db } = await deviceWithRecords();
    const { user } = await renderRecords(db, '#/');
    await user.click(await screen.findByTestId('nav-records'));
    await screen.findByTestId('cohort-table', {}, { timeout: 10_000 });
    // No passphrase set: open to anyone, and the screen says so.
    expect(screen.getByTestId('admin-not-configured')).toBeTruthy();
    expect(screen.getByTestId('nav-records').getAttribute('aria-current')).toBe('page');
    // Two trainees × the built-in library's 12 scenarios.
    expect(screen.getByTestId('cohort-count').textContent).toBe('24 of 24 rows');
    const lena = screen.getAllByTestId('cohort-row').filter((row) => row.textContent!.includes('Lena Marsh'));
    expect(lena).toHaveLength(12);
    const played = lena.find((row) => row.textContent!.includes('Flights suspended at Coral Bay'))!;
    expect(played.dataset.status).toBe('failed');
    const pavel = screen.getAllByTestId('cohort-row').filter((row) => row.textContent!.includes('Pavel Holt'));
    expect(within(pavel[0]!).getByTestId('cohort-imported').textContent).toBe('Imported 2 Jun 2025');
    expect(screen.getByTestId('records-toolbar')).toBeTruthy();
  });

  it("opens a trainee's attempt as a read-only debrief that names them, and comes back to the records as they were left", async () => {
    const { db, outcomeUid } = await deviceWithRecords();
    const { user } = await renderRecords(db);
    await user.type(await screen.findByTestId('cohort-search', {}, { timeout: 10_000 }), 'lena');
    await waitFor(() => expect(screen.getByTestId('cohort-count').textContent).toBe('12 of 24 rows'));
    const row = screen.getAllByTestId('cohort-row').find((candidate) => candidate.textContent!.includes('Flights suspended at Coral Bay'))!;
    await user.click(within(row).getByTestId('cohort-open'));
    const dialog = await screen.findByRole('dialog', { name: 'Lena Marsh · Flights suspended at Coral Bay' });
    const attempt = within(dialog).getByTestId('cohort-attempt');
    expect(attempt.textContent).toContain('Played on this device');
    await user.click(within(attempt).getByTestId('cohort-attempt-open'));

    const page = await screen.findByTestId('outcome-page', {}, { timeout: 10_000 });
    expect(page.dataset.outcomeUid).toBe(outcomeUid);
    expect(window.location.hash).toBe(`#/outcome/${outcomeUid}`);
    expect(screen.getByTestId('outcome-title').textContent).toBe('Lena Marsh: Flights suspended at Coral Bay');
    expect(screen.getByTestId('outcome-read-only').textContent).toContain("This is Lena Marsh's attempt");
    expect(screen.getByTestId('outcome-read-only').textContent).toContain('nothing here can change it');
    expect(within(page).getByTestId('debrief-title').textContent).toBe('Debrief: Flights suspended at Coral Bay');
    // Nothing to play again or to resume from a record: only the way back.
    expect(screen.queryByTestId('debrief-again')).toBeNull();
    expect(screen.getByTestId('nav-records').getAttribute('aria-current')).toBe('page');

    await user.click(screen.getAllByTestId('outcome-back')[0]!);
    await screen.findByTestId('cohort-table', {}, { timeout: 10_000 });
    expect((screen.getByTestId('cohort-search') as HTMLInputElement).value).toBe('lena');
    expect(await screen.findByRole('dialog', { name: 'Lena Marsh · Flights suspended at Coral Bay' })).toBeTruthy();
  });

  it('asks for the passphrase when one is set, saying why, and shows the records once it is given', async () => {
    const { db } = await deviceWithRecords();
    await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, { cost: { N: 16, r: 1, p: 1 } });
    const { user } = await renderRecords(db);
    const panel = await screen.findByTestId('admin-unlock-panel', {}, { timeout: 10_000 });
    expect(within(panel).getByTestId('admin-unlock-reason').textContent).toBe(
      "Records show every trainee's results on this device, so only the academy's administrator may see them.",
    );
    expect(screen.queryByTestId('cohort-table')).toBeNull();
    expect(within(screen.getByTestId('records-page')).queryByText(/Lena Marsh/)).toBeNull();
    await user.type(within(panel).getByTestId('admin-unlock-passphrase'), PASSPHRASE);
    await user.click(within(panel).getByTestId('admin-unlock-submit'));
    expect(await screen.findByTestId('cohort-table', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it("keeps a trainee's debrief behind the passphrase too, under a title that names no one", async () => {
    const { db, outcomeUid } = await deviceWithRecords();
    await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, { cost: { N: 16, r: 1, p: 1 } });
    await renderRecords(db, `#/outcome/${outcomeUid}`);
    await screen.findByTestId('admin-unlock-panel', {}, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("A trainee's record");
    expect(screen.queryByTestId('outcome-page')).toBeNull();
  });

  it('says when a record is not on this device, with the way back', async () => {
    await renderRecords(createTestDatabase(), '#/outcome/0b7f3c1e-2a4d-4e5f-9a6b-7c8d9e0f1a2b');
    const alert = await screen.findByTestId('outcome-not-found', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('There is no record with this address on this device.');
    expect(within(alert).getByRole('link', { name: 'Back to the records' }).getAttribute('href')).toBe('#/records');
  });

  it('says when there are no trainees yet, toolbar still there for importing', async () => {
    await renderRecords(createTestDatabase());
    expect(await screen.findByTestId('cohort-no-trainees', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('records-toolbar')).toBeTruthy();
  });
});
