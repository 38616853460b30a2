// Runtime: Node (Vitest, happy-dom). Settings → Academy and the trainee's PIN, in the whole app: the
// academy's fields, setting, changing and removing the administrator passphrase, what it then guards
// (the academy's settings, deleting a profile), and a trainee's own PIN.
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashSecret, verifySecret } from '../../core/records/secret';
import type { AttacheDatabase } from '../../db/database';
import { readAcademy } from '../../db/repositories/academy';
import { checkProfilePin, createProfile, readActiveProfile } from '../../db/repositories/profiles';
import { saveLanguage } from '../../db/repositories/settings';
import { renderApp, type RenderedApp } from '../../test/app';
import { createTestDatabase } from '../../test/database';

const PASSPHRASE = 'correct horse battery';

async function openSettings({
  profile = true,
  passphrase = false,
  language,
}: { profile?: boolean; passphrase?: boolean; language?: 'ru' } = {}): Promise<RenderedApp> {
  const db = createTestDatabase();
  if (profile) await createProfile(db, { name: 'Anna Petrova', academyId: 'DA-7' });
  // Stored directly at a cheap scrypt cost: these tests check the screens, not the work factor.
  if (passphrase)
    await db.settings.put({ key: 'adminPassphrase', value: await hashSecret(PASSPHRASE, new Uint8Array(16).fill(3), { N: 2 ** 10, r: 8, p: 1 }) });
  if (language) await saveLanguage(db, language);
  window.location.hash = '#/settings';
  const app = await renderApp({ db });
  // The cards fill in once the live queries have read the academy, the profile and administrator mode.
  await screen.findByTestId('academy-protects');
  await waitFor(() => expect(academyCard().queryByTestId('academy-form') ?? academyCard().queryByTestId('admin-unlock-panel')).not.toBeNull());
  if (profile) await screen.findByTestId('profile-pin-status');
  return app;
}

const academyCard = () => within(screen.getByTestId('settings-academy'));
const profileCard = () => within(screen.getByTestId('settings-profile'));

/**
 * The serious and critical problems axe-core finds in the whole app, as the e2e tests judge them (colour
 * contrast needs a layout happy-dom does not do; the e2e tests check it in a browser).
 */
async function accessibilityViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

async function storedSettingsText(db: AttacheDatabase): Promise<string> {
  return JSON.stringify(await db.settings.toArray());
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Settings → Academy, with no passphrase set', () => {
  it('saves the academy, explaining an IRI it cannot use, and says plainly what a passphrase protects and what it does not', async () => {
    const { user, db } = await openSettings();
    const card = academyCard();
    expect(card.getByRole('heading', { name: 'Academy' })).toBeTruthy();
    expect(card.getByTestId('admin-passphrase-status').textContent).toContain('No passphrase is set: anyone at this computer can open every trainee');

    const protects = card.getByTestId('academy-protects');
    expect(within(protects).getByRole('heading', { name: 'What this protects' })).toBeTruthy();
    for (const phrase of [
      'deleting a trainee',
      "opening the whole cohort's records",
      'importing progress files',
      "copying Attaché's data folder",
      'encrypt the records',
      'recover a forgotten passphrase: the way out is restoring a backup',
      "everything stays in that browser's storage",
    ])
      expect(protects.textContent).toContain(phrase);

    await user.type(card.getByTestId('academy-name'), '  Diplomatic Academy ');
    await user.type(card.getByTestId('academy-iri'), 'academy.example.org{Enter}');
    expect(await card.findByText(/Enter a full web address such as https:\/\/academy.example.org/)).toBeTruthy();
    expect(document.activeElement).toBe(card.getByTestId('academy-iri'));
    expect(await readAcademy(db)).toMatchObject({ name: null, iri: null });

    await user.clear(card.getByTestId('academy-iri'));
    await user.type(card.getByTestId('academy-iri'), 'mailto:office@academy.example.org');
    expect(card.getByText('Use an address that starts with https:// or http://.')).toBeTruthy();
    await user.clear(card.getByTestId('academy-iri'));
    await user.type(card.getByTestId('academy-iri'), 'https://академия.example.org/');
    await user.click(card.getByRole('radio', { name: 'E-mail' }));
    await user.click(card.getByTestId('academy-save'));

    expect((await card.findByTestId('academy-saved')).textContent).toBe('Academy settings saved.');
    expect(card.getByTestId('academy-name')).toHaveProperty('value', 'Diplomatic Academy');
    expect(await readAcademy(db)).toEqual({
      name: 'Diplomatic Academy',
      iri: 'https://академия.example.org/',
      identityField: 'email',
      passphrase: null,
      includeDraftText: false,
    });
  });

  it('leaves deleting a profile and the PIN open, saying that PINs are not asked yet', async () => {
    await openSettings();
    await profileCard().findByTestId('profile-delete');
    expect(profileCard().getByTestId('profile-pin-inactive').textContent).toContain('until the academy sets one, the PIN is not asked');
  });
});

describe('the administrator passphrase', () => {
  it('is set twice-typed, stored only as a hash, leaves its setter unlocked, then guards the academy and deleting profiles', async () => {
    const { user, db } = await openSettings();
    await user.click(academyCard().getByTestId('admin-passphrase-set'));
    const dialog = within(await screen.findByRole('dialog', { name: 'Set the administrator passphrase' }));
    await waitFor(() => expect(document.activeElement).toBe(dialog.getByTestId('admin-passphrase-next')));
    expect(dialog.queryByTestId('admin-passphrase-current')).toBeNull();

    await user.type(dialog.getByTestId('admin-passphrase-next'), 'too short{Enter}');
    expect(await dialog.findByText('Use at least 10 characters.')).toBeTruthy();
    await user.type(dialog.getByTestId('admin-passphrase-next'), ' but longer');
    await user.type(dialog.getByTestId('admin-passphrase-confirm'), 'too short but longed{Enter}');
    expect(await dialog.findByText('The two passphrases differ: type the same one twice.')).toBeTruthy();
    await user.clear(dialog.getByTestId('admin-passphrase-confirm'));
    await user.type(dialog.getByTestId('admin-passphrase-confirm'), 'too short but longer{Enter}');

    expect((await academyCard().findByTestId('admin-passphrase-done')).textContent).toContain('Passphrase set. Administrator mode is on in this window');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const { passphrase } = await readAcademy(db);
    expect(passphrase).not.toBeNull();
    expect(await verifySecret('too short but longer', passphrase!)).toBe(true);
    expect(await storedSettingsText(db)).not.toContain('too short but longer');
    expect(screen.getByTestId('admin-indicator').textContent).toContain('Administrator: unlocked');
    expect(academyCard().getByTestId('academy-form')).toBeTruthy();
    expect(profileCard().getByTestId('profile-delete')).toBeTruthy();

    await user.click(screen.getByTestId('admin-lock'));

    const academyPanel = await academyCard().findByTestId('admin-unlock-panel');
    expect(within(academyPanel).getByTestId('admin-unlock-reason').textContent).toBe("Changing the academy's settings needs the administrator passphrase.");
    expect(academyCard().queryByTestId('academy-form')).toBeNull();
    expect(academyCard().getByTestId('academy-protects')).toBeTruthy();
    const deletePanel = profileCard().getByTestId('admin-unlock-panel');
    expect(within(deletePanel).getByTestId('admin-unlock-reason').textContent).toContain('Deleting a profile removes a trainee');
    expect(profileCard().queryByTestId('profile-delete')).toBeNull();

    await user.type(within(deletePanel).getByTestId('admin-unlock-passphrase'), 'too short but longer{Enter}');
    expect(await profileCard().findByTestId('profile-delete')).toBeTruthy();
    expect(academyCard().getByTestId('academy-form')).toBeTruthy();
  });

  it('is changed only with the current one, and removed', async () => {
    const { user, db } = await openSettings({ passphrase: true });
    await user.type(await academyCard().findByTestId('admin-unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    await user.click(await academyCard().findByTestId('admin-passphrase-change'));
    let dialog = within(await screen.findByRole('dialog', { name: 'Change the administrator passphrase' }));
    await waitFor(() => expect(document.activeElement).toBe(dialog.getByTestId('admin-passphrase-current')));

    await user.type(dialog.getByTestId('admin-passphrase-current'), 'not the passphrase');
    await user.type(dialog.getByTestId('admin-passphrase-next'), 'a quite different phrase');
    await user.type(dialog.getByTestId('admin-passphrase-confirm'), 'a quite different phrase{Enter}');
    expect(await dialog.findByText('That is not the current passphrase.')).toBeTruthy();
    expect(document.activeElement).toBe(dialog.getByTestId('admin-passphrase-current'));
    expect(dialog.getByTestId('admin-passphrase-next')).toHaveProperty('value', 'a quite different phrase');

    await user.clear(dialog.getByTestId('admin-passphrase-current'));
    await user.type(dialog.getByTestId('admin-passphrase-current'), `${PASSPHRASE}{Enter}`);
    expect((await academyCard().findByTestId('admin-passphrase-done')).textContent).toBe('Passphrase changed.');
    expect(await verifySecret('a quite different phrase', (await readAcademy(db)).passphrase!)).toBe(true);
    // Whoever changed it stays in administrator mode.
    expect(screen.getByTestId('admin-indicator')).toBeTruthy();

    await user.click(academyCard().getByTestId('admin-passphrase-remove'));
    dialog = within(await screen.findByRole('dialog', { name: 'Remove the administrator passphrase?' }));
    expect(dialog.getByText(/Anyone at this computer will then be able to open every trainee's records/)).toBeTruthy();
    await user.click(dialog.getByTestId('admin-passphrase-submit'));
    expect(await dialog.findByText('Enter the current passphrase.')).toBeTruthy();
    await user.type(dialog.getByTestId('admin-passphrase-current'), 'a quite different phrase{Enter}');

    expect((await academyCard().findByTestId('admin-passphrase-done')).textContent).toBe('Passphrase removed: nothing is gated any more.');
    expect((await readAcademy(db)).passphrase).toBeNull();
    await waitFor(() => expect(academyCard().getByTestId('admin-passphrase-status').textContent).toContain('No passphrase is set'));
    expect(academyCard().getByTestId('admin-passphrase-done')).toBeTruthy();
    expect(screen.queryByTestId('admin-indicator')).toBeNull();
  });

  it('closes its dialog on Escape with nothing changed', async () => {
    const { user, db } = await openSettings();
    await user.click(academyCard().getByTestId('admin-passphrase-set'));
    const dialog = within(await screen.findByRole('dialog', { name: 'Set the administrator passphrase' }));
    await user.type(dialog.getByTestId('admin-passphrase-next'), 'half typed');

    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await readAcademy(db)).passphrase).toBeNull();
  });

  it('has no accessibility violations, with the dialog open and locked', async () => {
    const { user } = await openSettings({ passphrase: true });
    await academyCard().findByTestId('admin-unlock-panel');
    expect(await accessibilityViolations()).toEqual([]);

    await user.type(academyCard().getByTestId('admin-unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    await user.click(await academyCard().findByTestId('admin-passphrase-change'));
    await screen.findByRole('dialog');
    expect(await accessibilityViolations()).toEqual([]);
  });
});

describe("a trainee's PIN", () => {
  it('is set as 4 to 8 digits typed twice, changed with the current one, and removed', async () => {
    const { user, db } = await openSettings();
    const card = profileCard();
    expect(card.getByTestId('profile-pin-status').textContent).toBe('No PIN: anyone at this computer can switch into this profile.');

    await user.click(card.getByTestId('profile-pin-set'));
    let dialog = within(await screen.findByRole('dialog', { name: 'Set a PIN for this profile' }));
    expect(dialog.getByTestId('profile-pin-next').getAttribute('inputmode')).toBe('numeric');
    await user.type(dialog.getByTestId('profile-pin-next'), '12a4');
    await user.type(dialog.getByTestId('profile-pin-confirm'), '12a4{Enter}');
    expect(await dialog.findByText('A PIN is 4 to 8 digits (0–9) and nothing else.')).toBeTruthy();
    await user.clear(dialog.getByTestId('profile-pin-next'));
    await user.clear(dialog.getByTestId('profile-pin-confirm'));
    await user.type(dialog.getByTestId('profile-pin-next'), '4821');
    await user.type(dialog.getByTestId('profile-pin-confirm'), '4821{Enter}');

    expect((await card.findByTestId('profile-pin-done')).textContent).toBe('PIN set.');
    await waitFor(() => expect(card.getByTestId('profile-pin-status').textContent).toBe('A PIN protects this profile.'));
    const anna = (await readActiveProfile(db))!;
    expect(await checkProfilePin(db, anna.id, '4821')).toBe(true);
    expect(JSON.stringify(await db.profiles.get(anna.id))).not.toContain('4821');

    await user.click(card.getByTestId('profile-pin-change'));
    dialog = within(await screen.findByRole('dialog', { name: "Change this profile's PIN" }));
    await user.type(dialog.getByTestId('profile-pin-current'), '1111');
    await user.type(dialog.getByTestId('profile-pin-next'), '5550');
    await user.type(dialog.getByTestId('profile-pin-confirm'), '5550{Enter}');
    expect(await dialog.findByText("That is not this profile's PIN.")).toBeTruthy();
    await user.clear(dialog.getByTestId('profile-pin-current'));
    await user.type(dialog.getByTestId('profile-pin-current'), '4821{Enter}');
    expect((await card.findByTestId('profile-pin-done')).textContent).toBe('PIN changed.');
    expect(await checkProfilePin(db, anna.id, '5550')).toBe(true);

    await user.click(card.getByTestId('profile-pin-remove'));
    dialog = within(await screen.findByRole('dialog', { name: "Remove this profile's PIN?" }));
    await user.type(dialog.getByTestId('profile-pin-current'), '5550{Enter}');
    expect((await card.findByTestId('profile-pin-done')).textContent).toBe('PIN removed.');
    expect((await readActiveProfile(db))?.pin).toBeNull();
  });

  it('is replaced in administrator mode without the current one, as for a forgotten PIN', async () => {
    const { user, db } = await openSettings({ passphrase: true });
    const anna = (await readActiveProfile(db))!;
    const card = profileCard();
    await user.click(await card.findByTestId('profile-pin-set'));
    let dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByTestId('profile-pin-next'), '4821');
    await user.type(dialog.getByTestId('profile-pin-confirm'), '4821{Enter}');
    await card.findByTestId('profile-pin-change');
    expect(card.queryByTestId('profile-pin-inactive')).toBeNull();

    await user.type(academyCard().getByTestId('admin-unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    await screen.findByTestId('admin-indicator');
    await user.click(card.getByTestId('profile-pin-change'));
    dialog = within(await screen.findByRole('dialog', { name: "Change this profile's PIN" }));
    expect(dialog.queryByTestId('profile-pin-current')).toBeNull();
    expect(dialog.getByTestId('profile-pin-admin-note').textContent).toBe('Administrator mode is on: the current PIN is not needed.');
    await user.type(dialog.getByTestId('profile-pin-next'), '90210');
    await user.type(dialog.getByTestId('profile-pin-confirm'), '90210{Enter}');

    expect((await card.findByTestId('profile-pin-done')).textContent).toBe('PIN changed.');
    expect(await checkProfilePin(db, anna.id, '90210')).toBe(true);
  });
});

describe('Settings → Academy in Russian', () => {
  it('speaks Russian', async () => {
    const { user } = await openSettings({ language: 'ru' });
    const card = academyCard();
    expect(card.getByRole('heading', { name: 'Академия' })).toBeTruthy();
    expect(card.getByRole('heading', { name: 'От чего это защищает' })).toBeTruthy();
    expect(card.getByRole('radio', { name: 'Электронной почте' })).toBeTruthy();
    await user.type(card.getByTestId('academy-iri'), 'ftp://academy.example.org{Enter}');
    expect(await card.findByText('Используйте адрес, который начинается с https:// или http://.')).toBeTruthy();
    expect(profileCard().getByLabelText('Электронная почта')).toBeTruthy();
  });
});
