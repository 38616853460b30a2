// Runtime: Node (Vitest, happy-dom). The studio in the whole app: listed in the navigation only while
// administrator mode is open (or nothing is gated), behind the passphrase when one is set, and its
// start page once unlocked.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StudioFolderSaveRequest } from '../../../../electron/contract/api';
import { setAdminPassphrase } from '../../db/repositories/academy';
import { createFakePlatform, renderApp } from '../../test/app';
import { createTestDatabase } from '../../test/database';

const PASSPHRASE = 'correct horse battery staple';

describe('the studio screen', () => {
  it('is in the navigation while no passphrase gates anything, and opens on its start page saying so', async () => {
    window.location.hash = '#/';
    const { user } = await renderApp();
    const navigation = await screen.findByRole('navigation', { name: 'Main navigation' });
    await user.click(await within(navigation).findByRole('link', { name: 'Studio' }));
    expect(window.location.hash).toBe('#/studio');
    expect(await screen.findByTestId('studio-start', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Studio' })).toBeTruthy();
    expect(screen.getByText('No administrator passphrase is set')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New pack…' })).toBeTruthy();
  });

  it('stays out of the navigation while locked, asks for the passphrase at its address, and opens once given', async () => {
    const db = createTestDatabase();
    await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, { cost: { N: 16, r: 1, p: 1 } });
    window.location.hash = '#/studio';
    const { user } = await renderApp({ db });
    const panel = await screen.findByTestId('admin-unlock-panel', {}, { timeout: 10_000 });
    expect(within(panel).getByTestId('admin-unlock-reason').textContent).toBe("The studio changes the academy's scenario packs.");
    expect(screen.getByRole('heading', { level: 1, name: 'Studio' })).toBeTruthy();
    const navigation = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(navigation).queryByRole('link', { name: 'Studio' })).toBeNull();
    expect(screen.queryByTestId('studio-start')).toBeNull();

    await user.type(within(panel).getByTestId('admin-unlock-passphrase'), PASSPHRASE);
    await user.click(within(panel).getByTestId('admin-unlock-submit'));
    expect(await screen.findByTestId('studio-start', {}, { timeout: 10_000 })).toBeTruthy();
    expect(within(navigation).getByRole('link', { name: 'Studio' })).toBeTruthy();
    expect(screen.queryByText('No administrator passphrase is set')).toBeNull();
  });

  it('on the desktop saves a new pack into an empty folder, which it is saved to from then on, and refuses a folder with files', async () => {
    window.location.hash = '#/studio';
    const platform = createFakePlatform();
    const saved: StudioFolderSaveRequest[] = [];
    platform.openStudioFolder = vi
      .fn<typeof platform.openStudioFolder>()
      .mockResolvedValueOnce({ kind: 'opened', folder: '/home/ana/notes', files: [{ path: 'notes.txt', bytes: new Uint8Array([1]) }] })
      .mockResolvedValueOnce({ kind: 'opened', folder: '/home/ana/embassy-drills', files: [] });
    platform.saveStudioFolder = vi.fn<typeof platform.saveStudioFolder>((request) => {
      saved.push(request);
      return Promise.resolve({ kind: 'saved', written: request.files.length, removed: 0 });
    });
    const { user } = await renderApp({ platform });
    await user.click(await screen.findByRole('button', { name: 'New pack…' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'New pack' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Pack ID' }), 'embassy-drills');
    await user.type(within(dialog).getByRole('textbox', { name: "First scenario's ID" }), 'airport-closed');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title in English' }), 'Embassy drills');
    await user.type(within(dialog).getByRole('textbox', { name: 'Author' }), 'Training unit');
    await user.click(within(dialog).getByRole('button', { name: 'Create the pack' }));
    const toolbar = await screen.findByRole('toolbar', { name: 'Studio actions' }, { timeout: 10_000 });
    expect(within(toolbar).queryByRole('button', { name: 'Save to the folder' })).toBeNull();

    await user.click(within(toolbar).getByRole('button', { name: 'Save to a folder…' }));
    expect((await screen.findByTestId('studio-problem')).textContent).toContain('/home/ana/notes is not empty');
    expect(saved).toEqual([]);

    await user.click(within(toolbar).getByRole('button', { name: 'Save to a folder…' }));
    expect(await screen.findByText('Folder /home/ana/embassy-drills')).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.folder).toBe('/home/ana/embassy-drills');
    expect(saved[0]!.files.map((file) => file.path)).toEqual(expect.arrayContaining(['pack.yaml', 'scenarios/airport-closed.yaml']));
    expect(screen.getByTestId('studio-save-status').textContent).toBe('Saved');
    expect(screen.queryByTestId('studio-problem')).toBeNull();
    expect(within(toolbar).getByRole('button', { name: 'Save to the folder' })).toBeTruthy();
    expect(within(toolbar).queryByRole('button', { name: 'Save to a folder…' })).toBeNull();
  });
});
