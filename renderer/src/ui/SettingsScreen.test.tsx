// Runtime: Node (Vitest, happy-dom). The Settings screen: language, theme and the trainee profile.
import { screen, waitFor, within } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countAttempts } from '../db/repositories/attempts';
import { createProfile, listProfiles, readActiveProfile } from '../db/repositories/profiles';
import { readSettings, saveLanguage } from '../db/repositories/settings';
import { loadBuiltinLibrary } from '../library/builtin';
import { findScenario } from '../library/library';
import { renderApp, TEST_APP_INFO, type RenderedApp } from '../test/app';
import { createTestDatabase } from '../test/database';
import { startAttempt } from './player/session';

async function openSettings(options?: Parameters<typeof renderApp>[0]): Promise<RenderedApp> {
  window.location.hash = '#/settings';
  const app = await renderApp(options);
  // The controls appear once the live queries have read the settings and the profile.
  await screen.findByTestId('settings-language');
  await screen.findByTestId('profile-name');
  return app;
}

const nameField = () => screen.getByTestId('profile-name');
const academyIdField = () => screen.getByTestId('profile-academy-id');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Settings: language', () => {
  it('says the language follows the system until one is chosen', async () => {
    await openSettings();
    expect(screen.getByText("Attaché follows your system's language until you choose one here.")).toBeTruthy();
  });

  it('switches the UI to Russian, saves the choice and updates <html lang> and the menu', async () => {
    const { user, db, platform } = await openSettings();

    await user.click(within(screen.getByTestId('settings-language')).getByText('Русский'));

    await screen.findByRole('heading', { level: 1, name: 'Настройки' });
    expect(screen.getByTestId('nav-home').textContent).toContain('Главная');
    expect(document.documentElement.lang).toBe('ru');
    expect((await readSettings(db)).language).toBe('ru');
    await waitFor(() => expect(platform.setMenuState).toHaveBeenLastCalledWith({ language: 'ru', theme: 'auto' }));
    expect(screen.queryByText('Пока вы не выберете язык здесь, Attaché использует язык системы.')).toBeNull();
  });
});

describe('Settings and the header: each language named in itself', () => {
  const ENDONYMS = ['English', 'Русский', 'Українська'];
  const langOf = (element: HTMLElement) => element.closest('[lang]')?.getAttribute('lang');

  it('switches the UI to Ukrainian while every picker keeps naming each language in itself', async () => {
    const { user, db, platform } = await openSettings();
    const control = within(screen.getByTestId('settings-language'));
    expect(ENDONYMS.map((name) => langOf(control.getByText(name)))).toEqual(['en', 'ru', 'uk']);

    await user.click(control.getByText('Українська'));

    await screen.findByRole('heading', { level: 1, name: 'Налаштування' });
    expect(screen.getByTestId('nav-home').textContent).toContain('Головна');
    expect(document.documentElement.lang).toBe('uk');
    expect((await readSettings(db)).language).toBe('uk');
    await waitFor(() => expect(platform.setMenuState).toHaveBeenLastCalledWith({ language: 'uk', theme: 'auto' }));
    // The Settings control, in a Ukrainian interface, still says English and Русский in themselves.
    const after = within(screen.getByTestId('settings-language'));
    expect(ENDONYMS.map((name) => langOf(after.getByText(name)))).toEqual(['en', 'ru', 'uk']);
    expect(after.getByRole<HTMLInputElement>('radio', { name: 'Українська' }).checked).toBe(true);

    // The header's button says which language is on, and its menu lists the same three names.
    const button = screen.getByTestId('header-language');
    expect(button.textContent).toContain('uk');
    expect(button.textContent).toContain('Мова:');
    expect(button.textContent).toContain('Українська');
    await user.click(button);
    // The menu's dropdown is the element the button controls (its fade-in is not played out here).
    const menu = await waitFor(() => document.getElementById(button.getAttribute('aria-controls') ?? '') ?? Promise.reject(new Error('no menu')));
    expect(menu.getAttribute('role')).toBe('menu');
    const items = within(menu).getAllByRole('menuitem', { hidden: true });
    expect(items.map((item) => [item.textContent, item.getAttribute('lang')])).toEqual([
      ['English', 'en'],
      ['Русский', 'ru'],
      ['Українська', 'uk'],
    ]);
    expect(items[2]?.getAttribute('aria-current')).toBe('true');

    await user.click(items[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('Settings: theme', () => {
  it('applies and saves the chosen theme', async () => {
    const { user, db, platform } = await openSettings();
    const theme = within(screen.getByTestId('settings-theme'));
    expect(theme.getByRole<HTMLInputElement>('radio', { name: 'Auto' }).checked).toBe(true);

    await user.click(theme.getByText('Dark'));

    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark'));
    expect((await readSettings(db)).theme).toBe('dark');
    expect(theme.getByRole<HTMLInputElement>('radio', { name: 'Dark' }).checked).toBe(true);
    await waitFor(() => expect(platform.setMenuState).toHaveBeenLastCalledWith({ language: 'en', theme: 'dark' }));

    await user.click(theme.getByText('Light'));
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light'));
    expect((await readSettings(db)).theme).toBe('light');
  });
});

describe('Settings: trainee profile', () => {
  it('will not save without a name, and says why', async () => {
    const { user, db } = await openSettings();

    await user.click(screen.getByTestId('profile-save'));

    expect(await screen.findByText('Enter your name.')).toBeTruthy();
    expect(nameField().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(nameField());
    expect(await readActiveProfile(db)).toBeNull();
    expect(screen.queryByTestId('profile-saved')).toBeNull();
  });

  it('explains an invalid academy ID, then clears the message once it is fixed', async () => {
    const { user } = await openSettings();
    await user.type(nameField(), 'Anna');
    await user.type(academyIdField(), 'DA 7');
    await user.click(screen.getByTestId('profile-save'));

    expect(await screen.findByText('Use only letters, digits, hyphens (-) and underscores (_).')).toBeTruthy();
    expect(document.activeElement).toBe(academyIdField());

    await user.clear(academyIdField());
    await user.type(academyIdField(), 'DA-7');
    expect(screen.queryByText('Use only letters, digits, hyphens (-) and underscores (_).')).toBeNull();
  });

  it('saves the profile, confirms it, and keeps the trimmed values', async () => {
    const { user, db } = await openSettings();
    expect(screen.getByTestId('profile-save').textContent).toBe('Create profile');

    await user.type(nameField(), '  Anna Petrova ');
    await user.type(academyIdField(), 'DA-2026-014');
    await user.click(screen.getByTestId('profile-save'));

    expect((await screen.findByTestId('profile-saved')).textContent).toBe('Profile saved.');
    expect(await readActiveProfile(db)).toMatchObject({ name: 'Anna Petrova', academyId: 'DA-2026-014' });
    expect((nameField() as HTMLInputElement).value).toBe('Anna Petrova');
    expect(screen.getByTestId('profile-save').textContent).toBe('Save changes');

    await user.type(nameField(), 'a');
    expect(screen.queryByTestId('profile-saved')).toBeNull();
  });

  it('fills the form from the saved profile', async () => {
    const db = createTestDatabase();
    await db.profiles.add({ uid: 'profile-ivan', name: 'Ivan Sokolov', academyId: null, email: null, pin: null, createdAt: 1, updatedAt: 1, lastUsedAt: 1 });
    await db.settings.put({ key: 'activeProfileId', value: 1 });

    await openSettings({ db });

    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Ivan Sokolov'));
    expect((academyIdField() as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('profile-save').textContent).toBe('Save changes');
  });

  it('counts the characters left in the name, with the right plural in each language', async () => {
    const db = createTestDatabase();
    const { user } = await openSettings({ db });
    const counter = () => screen.getByTestId('profile-name-counter').textContent;

    expect(counter()).toBe('80 characters left');
    await user.type(nameField(), 'x'.repeat(79));
    expect(counter()).toBe('1 character left');
    await user.type(nameField(), 'xx');
    expect(counter()).toBe('1 character over the limit');
    await user.type(nameField(), 'x');
    expect(counter()).toBe('2 characters over the limit');

    await saveLanguage(db, 'ru');
    await waitFor(() => expect(counter()).toBe('На 2 символа больше допустимого'));
    await user.clear(nameField());
    await user.type(nameField(), 'x'.repeat(79));
    expect(counter()).toBe('Остался 1 символ');
    await user.type(nameField(), '{Backspace}'.repeat(4));
    expect(counter()).toBe('Осталось 5 символов');
  });

  it('refuses a name another profile has, puts focus on the name, and clears the message once the name changes', async () => {
    const db = createTestDatabase();
    await createProfile(db, { name: 'Ivan Sokolov', academyId: '' }, () => 1);
    await createProfile(db, { name: 'Anna Petrova', academyId: '' }, () => 2);
    const { user } = await openSettings({ db });
    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Anna Petrova'));

    await user.clear(nameField());
    await user.type(nameField(), 'ivan sokolov');
    await user.click(screen.getByTestId('profile-save'));

    expect(await screen.findByText(/A profile with this name already exists on this device/)).toBeTruthy();
    expect(nameField().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(nameField());
    expect(screen.queryByTestId('profile-saved')).toBeNull();
    expect((await readActiveProfile(db))?.name).toBe('Anna Petrova');

    // The name is still taken while only the academy ID changes.
    await user.type(academyIdField(), 'DA-7');
    expect(screen.queryByText(/A profile with this name already exists/)).toBeTruthy();

    await user.type(nameField(), ' (Geneva)');
    expect(screen.queryByText(/A profile with this name already exists/)).toBeNull();
  });

  it('tells the trainee what to do when the device is out of space', async () => {
    const db = createTestDatabase();
    vi.spyOn(db.profiles, 'add').mockRejectedValue(new Dexie.QuotaExceededError('Quota exceeded'));
    const { user } = await openSettings({ db });

    await user.type(nameField(), 'Anna');
    await user.click(screen.getByTestId('profile-save'));

    const alert = await screen.findByTestId('storage-error');
    expect(alert.textContent).toContain('Your device is out of storage space');
    expect(alert.textContent).toContain('Free up space on the disk');
    expect(screen.queryByTestId('profile-saved')).toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('storage-error')).toBeNull();
  });
});

describe('Settings: deleting a profile', () => {
  /** Ivan (used earlier) and Anna (active, with two attempts at a built-in scenario). */
  async function sharedDevice() {
    const db = createTestDatabase();
    const ivan = await createProfile(db, { name: 'Ivan Sokolov', academyId: '' }, () => 1);
    const anna = await createProfile(db, { name: 'Anna Petrova', academyId: '' }, () => 2);
    const ref = findScenario(loadBuiltinLibrary(TEST_APP_INFO.version), 'core-library', 'flights-suspended')!;
    await startAttempt(db, anna.id, ref, 'en', 1);
    await startAttempt(db, anna.id, ref, 'en', 2);
    return { db, ivan, anna };
  }

  it('is not offered before there is a profile', async () => {
    await openSettings();
    expect(screen.queryByTestId('profile-delete')).toBeNull();
  });

  it('says what will go, keeps everything on "Keep the profile", then deletes the profile and its attempts and asks who is training', async () => {
    const { db, ivan, anna } = await sharedDevice();
    const { user } = await openSettings({ db });

    await user.click(await screen.findByTestId('profile-delete'));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Anna Petrova”?' });
    await waitFor(() =>
      expect(within(dialog).getByTestId('profile-delete-body').textContent).toBe(
        'This deletes the profile of Anna Petrova from this device, with its 2 attempts: their drafts, grades, debriefs and event logs.',
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep the profile' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await listProfiles(db)).map((profile) => profile.id)).toEqual([anna.id, ivan.id]);

    await user.click(screen.getByTestId('profile-delete'));
    await user.click(await screen.findByTestId('profile-delete-confirm'));

    await screen.findByTestId('profile-gate');
    expect(window.location.hash).toBe('#/catalogue');
    expect((await listProfiles(db)).map((profile) => profile.id)).toEqual([ivan.id]);
    expect(await countAttempts(db, anna.id)).toBe(0);
    expect(await db.attemptEvents.count()).toBe(0);
    expect(await readActiveProfile(db)).toBeNull();
    expect(screen.getByTestId(`profile-pick-${ivan.id}`)).toBeTruthy();
  });

  it('speaks Russian, with the right plural', async () => {
    const { db } = await sharedDevice();
    await saveLanguage(db, 'ru');
    const { user } = await openSettings({ db });
    await user.click(await screen.findByRole('button', { name: 'Удалить профиль…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Удалить «Anna Petrova»?' });
    await waitFor(() => expect(within(dialog).getByTestId('profile-delete-body').textContent).toContain('вместе с 2 попытками'));
  });

  it('deletes nothing on a full disk, and says so in the dialog and at the top', async () => {
    const { db, anna } = await sharedDevice();
    const { user } = await openSettings({ db });
    vi.spyOn(db.profiles, 'delete').mockRejectedValue(new Dexie.QuotaExceededError('Quota exceeded'));

    await user.click(await screen.findByTestId('profile-delete'));
    await user.click(await screen.findByTestId('profile-delete-confirm'));

    expect((await screen.findByTestId('profile-delete-failed')).textContent).toContain('Nothing was deleted.');
    expect(screen.getByTestId('storage-error').textContent).toContain('Your device is out of storage space');
    expect((await readActiveProfile(db))?.id).toBe(anna.id);
    expect(await countAttempts(db, anna.id)).toBe(2);
  });
});
