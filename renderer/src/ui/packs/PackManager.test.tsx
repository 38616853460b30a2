// Runtime: Node (Vitest, happy-dom). The pack manager in Settings: every pack with its version, source,
// hash and date; installing, updating (an older version only once confirmed), refusing another pack's
// file, and uninstalling — after which an attempt on the pack still opens its debrief from its frozen outcome.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildArchive, contentHash } from '../../core/pack/archive';
import { readAttempt, readFrozenOutcome } from '../../db/repositories/attempts';
import { installPack } from '../../db/repositories/packs';
import { createProfile } from '../../db/repositories/profiles';
import { hashSecret } from '../../core/records/secret';
import { loadLibrary } from '../../library/load-library';
import { findScenario } from '../../library/library';
import { renderApp, type RenderedApp } from '../../test/app';
import { formatDate } from '../format';
import { createTestDatabase } from '../../test/database';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../../test/packs';
import { AttemptSession, loadAttempt, startAttempt, type LoadedAttempt } from '../player/session';

const APP_VERSION = '0.1.0';
const PASSPHRASE = 'correct horse battery';

function minimalFiles(version = '1.0.0', id = 'minimal') {
  let files = readFolder(MINIMAL_PACK_DIR);
  if (version !== '1.0.0') files = withEdit(files, 'pack.yaml', (text) => text.replace('version: 1.0.0', `version: ${version}`));
  if (id !== 'minimal') files = withEdit(files, 'pack.yaml', (text) => text.replace('id: minimal', `id: ${id}`));
  return files;
}
const archiveOf = (version = '1.0.0', id = 'minimal') => buildArchive(minimalFiles(version, id), { packId: id, packVersion: version });

async function openManager(app?: Partial<Parameters<typeof renderApp>[0]>): Promise<RenderedApp> {
  window.location.hash = '#/settings';
  const rendered = await renderApp(app);
  await screen.findByTestId('pack-manager-table', {}, { timeout: 5000 });
  return rendered;
}

const rowOf = (packId: string) => screen.getByTestId(`pack-row-${packId}`);
const offerFile = (app: RenderedApp, bytes: Uint8Array, name = 'pack.attache') => vi.spyOn(app.platform, 'openFile').mockResolvedValueOnce({ name, bytes });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pack manager', () => {
  it('is locked behind the administrator passphrase once the academy has set one, and opens with it', async () => {
    const db = createTestDatabase();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive: archiveOf() });
    await db.settings.put({ key: 'adminPassphrase', value: await hashSecret(PASSPHRASE, new Uint8Array(16).fill(3), { N: 2 ** 10, r: 8, p: 1 }) });
    window.location.hash = '#/settings';
    const app = await renderApp({ db });
    const card = await screen.findByTestId('settings-packs', {}, { timeout: 5000 });
    const passphrase = await within(card).findByLabelText(/passphrase/i, { selector: 'input' });
    expect(within(card).queryByTestId('pack-manager-table')).toBeNull();
    expect(card.textContent).toContain('changes what every trainee on this computer can play');
    await app.user.type(passphrase, `${PASSPHRASE}{Enter}`);
    expect(await within(card).findByTestId('pack-manager-table', {}, { timeout: 10_000 })).toBeTruthy();
    expect(within(card).getByTestId('pack-row-minimal')).toBeTruthy();
  }, 30_000);

  it('lists the built-in library read-only and an installed pack with its version, source, hash and date', async () => {
    const db = createTestDatabase();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive: archiveOf() }, () => Date.UTC(2026, 5, 24));
    await openManager({ db });
    const builtIn = await screen.findByTestId('pack-row-core-library');
    expect(builtIn.textContent).toContain('Built-in');
    expect(within(builtIn).queryByRole('button', { name: /Uninstall/ })).toBeNull();
    const installed = await waitFor(() => rowOf('minimal'));
    expect(installed.textContent).toContain('From a file');
    expect(installed.textContent).toContain('1.0.0');
    expect(installed.textContent).toContain(formatDate(Date.UTC(2026, 5, 24), 'en'));
    expect(within(installed).getByTestId('pack-hash').textContent).toBe(contentHash(minimalFiles()).slice(0, 12));
    expect(within(installed).getByRole('button', { name: /Copy the full content hash/ })).toBeTruthy();
  }, 30_000);

  it('installs from a file, updates to a newer version, and asks before going back to an older one', async () => {
    const app = await openManager();
    offerFile(app, archiveOf('1.1.0'));
    await app.user.click(screen.getByRole('button', { name: 'Install a pack from a file…' }));
    expect((await screen.findByTestId('pack-manager-done')).textContent).toContain('1.1.0');
    await waitFor(() => expect(rowOf('minimal').textContent).toContain('1.1.0'));

    offerFile(app, archiveOf('1.2.0'));
    await app.user.click(within(rowOf('minimal')).getByRole('button', { name: /^Update from file… — / }));
    await waitFor(() => expect(screen.getByTestId('pack-manager-done').textContent).toContain('from 1.1.0 to 1.2.0'));
    await waitFor(() => expect(rowOf('minimal').textContent).toContain('1.2.0'));

    offerFile(app, archiveOf('1.0.0'));
    await app.user.click(within(rowOf('minimal')).getByRole('button', { name: /^Update from file… — / }));
    const dialog = await screen.findByRole('dialog', { name: 'Install an older version?' });
    expect(dialog.textContent).toContain('older than the installed 1.2.0');
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await app.db.packs.get('minimal'))?.version).toBe('1.2.0');

    offerFile(app, archiveOf('1.0.0'));
    await app.user.click(within(rowOf('minimal')).getByRole('button', { name: /^Update from file… — / }));
    await app.user.click(await screen.findByRole('button', { name: 'Install 1.0.0' }));
    await waitFor(() => expect(screen.getByTestId('pack-manager-done').textContent).toContain('with the older 1.0.0'));
    expect((await app.db.packs.get('minimal'))?.version).toBe('1.0.0');
    await waitFor(() => expect(rowOf('minimal').textContent).toContain('1.0.0'));

    offerFile(app, archiveOf('1.0.0'));
    await app.user.click(within(rowOf('minimal')).getByRole('button', { name: /^Update from file… — / }));
    await waitFor(() => expect(screen.getByTestId('pack-manager-done').textContent).toContain('already installed from this very file'));
  }, 60_000);

  it("refuses another pack's file on Update, and a damaged file, saying why", async () => {
    const db = createTestDatabase();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive: archiveOf() });
    const app = await openManager({ db });
    offerFile(app, archiveOf('1.0.0', 'other-pack'));
    await app.user.click(within(await waitFor(() => rowOf('minimal'))).getByRole('button', { name: /^Update from file… — / }));
    expect((await screen.findByTestId('pack-manager-refused')).textContent).toContain('This file holds the pack “other-pack”, not “minimal”');
    expect(await db.packs.get('other-pack')).toBeUndefined();

    offerFile(app, new Uint8Array([1, 2, 3]));
    await app.user.click(screen.getByRole('button', { name: 'Install a pack from a file…' }));
    await waitFor(() => expect(screen.getByTestId('pack-manager-refused').textContent).toContain('not an Attaché pack file'));
  }, 30_000);

  it('uninstalls after a confirmation that attempts keep their frozen outcomes; their debriefs still open', async () => {
    const db = createTestDatabase();
    await installPack(db, { packId: 'minimal', version: '1.0.0', archive: archiveOf() });
    const { library } = await loadLibrary(db, APP_VERSION);
    const profile = await createProfile(db, { name: 'Lena', academyId: '' });
    const attemptId = await startAttempt(db, profile.id, findScenario(library, 'minimal', 'hotline')!, 'en', 5);
    const session = new AttemptSession(db, (await loadAttempt(db, library, attemptId)) as LoadedAttempt, {
      appVersion: APP_VERSION,
      onSaveError: (error) => expect.fail(String(error)),
    });
    session.send({ type: 'FINISH' });
    await session.flush();
    expect((await readAttempt(db, attemptId))?.status).toBe('finished');

    const app = await openManager({ db });
    await app.user.click(within(await waitFor(() => rowOf('minimal'))).getByRole('button', { name: /Uninstall/ }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByTestId('pack-uninstall-frozen').textContent).toContain('1 attempt on it keeps its frozen outcome'));
    // Keyboard: the way back has the focus; Tab reaches Uninstall and Enter confirms.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    await app.user.tab();
    expect(document.activeElement?.textContent).toBe('Uninstall');
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('pack-manager-done').textContent).toContain('Uninstalled'));
    await waitFor(() => expect(screen.queryByTestId('pack-row-minimal')).toBeNull());
    expect(await db.packs.count()).toBe(0);

    window.location.hash = `#/debrief/${attemptId}`;
    const page = await screen.findByTestId('debrief-page', {}, { timeout: 5000 });
    expect(page.hasAttribute('data-frozen')).toBe(true);
    // Not offered again (its pack is gone), and History still names it by its title, not its id.
    expect(screen.queryByTestId('debrief-again')).toBeNull();
    expect(screen.getByTestId('debrief-not-installed').textContent).toContain('no longer installed');
    window.location.hash = '#/history';
    const history = await screen.findByTestId('history-page', {}, { timeout: 5000 });
    const title = (await readFrozenOutcome(db, (await readAttempt(db, attemptId))!.uid))!.played!.scenario.title.en!;
    await waitFor(() => expect(history.textContent).toContain(title));
  }, 60_000);
});
