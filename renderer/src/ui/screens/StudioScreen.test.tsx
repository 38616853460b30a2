// Runtime: Node (Vitest, happy-dom). The studio in the whole app: listed in the navigation only while
// administrator mode is open (or nothing is gated), behind the passphrase when one is set, and its
// start page once unlocked.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setAdminPassphrase } from '../../db/repositories/academy';
import { renderApp } from '../../test/app';
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
});
