// Runtime: Node (Vitest, happy-dom). Settings → Backup and privacy, over a real (fake-indexeddb) database:
// backing up through the save dialog, restoring with a preview and a summary, refusing a file that is no
// backup, erasing one trainee's data, and the administrator's gate.
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttacheApi, Language, SaveFileRequest } from '../../../../electron/contract/api';
import type { AttacheDatabase } from '../../db/database';
import { saveAcademy, setAdminPassphrase } from '../../db/repositories/academy';
import { createLibrary } from '../../library/library';
import { createI18n } from '../../i18n';
import { createBackup, openBackup } from '../../records/backup';
import { buildPendingStatements } from '../../records/statements';
import { createTestDatabase } from '../../test/database';
import { inertPlatform } from '../../test/platform';
import { minimalPack, seedRecords } from '../../test/seed-records';
import { AdminProvider, RequireAdmin } from '../academy/admin-context';
import { ServicesProvider } from '../services';
import { loadStartup } from '../startup';
import { StorageProblemAlert, StorageProblemsProvider } from '../storage-problems';
import { theme } from '../theme';
import { BackupSection } from './BackupSection';

let db: AttacheDatabase;
let other: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
  other = createTestDatabase();
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
  await other.delete();
});

async function renderSection(platform: AttacheApi, language: Language = 'en'): Promise<UserEvent> {
  const { services } = await loadStartup(db, platform);
  const i18n = await createI18n(language);
  const user = userEvent.setup();
  const gate = (content: ReactNode, reason: string) => <RequireAdmin reason={reason}>{content}</RequireAdmin>;
  render(
    <MantineProvider theme={theme} env="test">
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={services}>
          <StorageProblemsProvider>
            <AdminProvider>
              <StorageProblemAlert />
              <BackupSection gate={gate} />
            </AdminProvider>
          </StorageProblemsProvider>
        </ServicesProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return user;
}

/** Colour contrast needs a layout happy-dom does not do, and the section is tested outside the app's landmarks. */
async function accessibilityViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

describe('Backup and privacy', () => {
  it('backs up this device through the save dialog and says what the file holds', async () => {
    await seedRecords(db);
    const platform = inertPlatform();
    const save = vi.spyOn(platform, 'saveFile').mockImplementation((request: SaveFileRequest) => Promise.resolve({ saved: true, name: request.suggestedName }));
    const user = await renderSection(platform);

    await user.click(await screen.findByTestId('backup-create'));
    const result = await screen.findByTestId('backup-result');
    expect(save).toHaveBeenCalledTimes(1);
    const request = save.mock.calls[0]![0];
    expect(request.suggestedName).toMatch(/^attache-backup-\d{4}-\d{2}-\d{2}\.attache-backup$/);
    expect(request.filters).toEqual([{ name: 'Attaché backup', extensions: ['attache-backup'] }]);
    expect(
      openBackup(request.bytes)
        .data.profiles.map((profile) => profile.name)
        .sort(),
    ).toEqual(['Anna Petrova', 'Ivan Sokolov']);
    expect(within(result).getByText(`Backup saved as “${request.suggestedName}”.`)).toBeTruthy();
    expect(within(result).getByText('Records of finished attempts').closest('tr')?.textContent).toBe('Records of finished attempts3');
  });

  it('restores a backup after showing what it would add, then says what it added; the second time, nothing', async () => {
    const { pack } = await seedRecords(other);
    // Anna's attempt becomes statements for the academy's LRS (Ivan has no academy ID yet).
    await saveAcademy(other, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    const built = await buildPendingStatements(other, createLibrary([pack]), { now: () => 1 });
    expect(built.statements).toBeGreaterThan(0);
    const bytes = (await createBackup(other, { appVersion: '0.1.0' })).bytes;
    const platform = inertPlatform();
    vi.spyOn(platform, 'openFile').mockResolvedValue({ name: 'backup.attache-backup', bytes });
    const user = await renderSection(platform);

    await user.click(await screen.findByTestId('restore-choose'));
    const preview = await screen.findByTestId('restore-preview');
    expect(within(preview).getByTestId('restore-preview-table-profiles').textContent).toBe('Profiles200');
    expect(within(preview).getByTestId('restore-preview-table-outbox').textContent).toBe(`xAPI statements for the LRS${built.statements}00`);
    expect(await accessibilityViolations()).toEqual([]);
    expect(await db.profiles.count()).toBe(0);

    await user.click(within(preview).getByTestId('restore-confirm'));
    const done = await screen.findByTestId('restore-done');
    expect(within(done).getByText('The backup was restored.')).toBeTruthy();
    expect(within(done).getByTestId('restore-done-table-attempts').textContent).toBe('Attempts300');
    expect(await db.profiles.count()).toBe(2);

    await user.click(screen.getByTestId('restore-choose'));
    await user.click(within(await screen.findByTestId('restore-preview')).getByTestId('restore-confirm'));
    expect(await screen.findByText('This device already held everything in the backup: nothing was added.')).toBeTruthy();
    expect(screen.getByTestId('restore-done-table-attempts').textContent).toBe('Attempts030');
    expect(screen.getByTestId('restore-done-table-outbox').textContent).toBe(`xAPI statements for the LRS0${built.statements}0`);
    expect(await db.profiles.count()).toBe(2);
  });

  it('lists the differences it keeps', async () => {
    await seedRecords(other);
    const bytes = (await createBackup(other, { appVersion: '0.1.0' })).bytes;
    await db.settings.put({ key: 'language', value: 'en' });
    const platform = inertPlatform();
    vi.spyOn(platform, 'openFile').mockResolvedValue({ name: 'backup.attache-backup', bytes });
    const user = await renderSection(platform);

    await user.click(await screen.findByTestId('restore-choose'));
    const conflicts = await within(await screen.findByTestId('restore-preview')).findByTestId('restore-conflicts');
    expect(conflicts.textContent).toContain('1 difference, kept as this device has it:');
    expect(conflicts.textContent).toContain('Interface language: this device has another value; kept.');
  });

  it('refuses a file that is no backup, saying what it is and what to do', async () => {
    const platform = inertPlatform();
    const open = vi.spyOn(platform, 'openFile').mockResolvedValue({ name: 'pack.attache', bytes: minimalPack().archive });
    const user = await renderSection(platform);

    await user.click(await screen.findByTestId('restore-choose'));
    expect((await screen.findByTestId('restore-refused')).textContent).toBe(
      'This is a scenario pack, not a backup. Install it from the catalogue with “Install a pack…”.',
    );

    open.mockResolvedValue({ name: 'notes.attache-backup', bytes: new TextEncoder().encode('hello') });
    await user.click(screen.getByTestId('restore-choose'));
    await waitFor(() => expect(screen.getByTestId('restore-refused').textContent).toMatch(/^This is not an Attaché backup, or it was damaged on the way\./));
    expect(await db.profiles.count()).toBe(0);
  });

  it('erases one trainee’s data after offering to save it and saying what it cannot reach', async () => {
    const { trainee } = await seedRecords(db);
    const user = await renderSection(inertPlatform());

    await user.click(await screen.findByTestId('trainee-select'));
    await user.click(await screen.findByRole('option', { name: 'Olga Ivanova (imported)' }));
    await user.click(await screen.findByTestId('trainee-erase'));
    const dialog = await screen.findByTestId('trainee-erase-dialog');
    await waitFor(() => expect(within(dialog).getByTestId('trainee-erase-body').textContent).toContain('1 record'));
    expect(within(dialog).getByTestId('trainee-erase-save').textContent).toBe('Save their data first');
    expect(within(dialog).getByTestId('trainee-erase-copies').textContent).toMatch(/learning record store \(LRS\).*are not erased by this/);
    expect(await accessibilityViolations()).toEqual([]);

    await user.click(within(dialog).getByTestId('trainee-erase-confirm'));
    expect((await screen.findByTestId('trainee-erased')).textContent).toBe('The data of Olga Ivanova was erased from this device.');
    expect(await db.trainees.get(trainee.uid)).toBeUndefined();
    expect(await db.outcomes.where('traineeUid').equals(trainee.uid).count()).toBe(0);
  });

  it('asks for the administrator once a passphrase is set', async () => {
    await setAdminPassphrase(db, { current: null, next: 'correct horse battery', confirmation: 'correct horse battery' }, { cost: { N: 2 ** 10, r: 8, p: 1 } });
    const user = await renderSection(inertPlatform());

    const passphrase = await screen.findByTestId('admin-unlock-passphrase');
    expect(screen.getByTestId('admin-unlock-reason').textContent).toContain("A backup holds every trainee's records");
    expect(screen.queryByTestId('backup-create')).toBeNull();
    await user.type(passphrase, 'correct horse battery{Enter}');
    expect(await screen.findByTestId('backup-create')).toBeTruthy();
  });
});
