// Runtime: Node (Vitest, happy-dom). The app as a whole: saved preferences applied at start, menu
// commands, navigation, Home's welcome, About, and storage failures shown to the user.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSettings, saveTheme } from '../db/repositories/settings';
import { createFakePlatform, renderApp, TEST_APP_INFO } from '../test/app';
import { createTestDatabase } from '../test/database';

afterEach(() => {
  vi.restoreAllMocks();
});

const colorScheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');

describe('starting', () => {
  it('starts in English with the Auto theme on a new English system', async () => {
    const { platform } = await renderApp();

    expect(await screen.findByTestId('home-greeting')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('home-greeting').textContent).toBe('Welcome to Attaché'));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(colorScheme()).toBe('light');
    expect(document.title).toBe('Home · Attaché');
    await waitFor(() => expect(platform.setMenuState).toHaveBeenCalledWith({ language: 'en', theme: 'auto' }));
  });

  it('follows a Russian system locale until a language is chosen', async () => {
    await renderApp({ platform: createFakePlatform({ systemLocale: 'ru-RU' }) });
    await waitFor(() => expect(screen.getByTestId('home-greeting').textContent).toBe('Добро пожаловать в Attaché'));
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));
  });

  it('follows a Ukrainian system locale until a language is chosen', async () => {
    await renderApp({ platform: createFakePlatform({ systemLocale: 'uk-UA' }) });
    await waitFor(() => expect(screen.getByTestId('home-greeting').textContent).toBe('Ласкаво просимо до Attaché'));
    await waitFor(() => expect(document.documentElement.lang).toBe('uk'));
  });

  it('falls back to English for a system language the UI does not speak', async () => {
    await renderApp({ platform: createFakePlatform({ systemLocale: 'de-DE' }) });
    await waitFor(() => expect(screen.getByTestId('home-greeting').textContent).toBe('Welcome to Attaché'));
  });

  it('applies the saved language and theme over the system', async () => {
    const db = createTestDatabase();
    await db.settings.bulkPut([
      { key: 'language', value: 'en' },
      { key: 'theme', value: 'dark' },
    ]);
    const { platform } = await renderApp({ db, platform: createFakePlatform({ systemLocale: 'ru-RU' }) });

    await waitFor(() => expect(screen.getByTestId('home-greeting').textContent).toBe('Welcome to Attaché'));
    expect(colorScheme()).toBe('dark');
    await waitFor(() => expect(platform.setMenuState).toHaveBeenCalledWith({ language: 'en', theme: 'dark' }));
  });

  it('follows a theme saved elsewhere (another window, the menu)', async () => {
    const { db } = await renderApp();
    await screen.findByTestId('home-greeting');
    await act(() => saveTheme(db, 'dark'));
    await waitFor(() => expect(colorScheme()).toBe('dark'));
  });

  it('says so when it had to start without its storage', async () => {
    await renderApp({ problem: { kind: 'startup', detail: 'IndexedDB is disabled' } });
    const alert = await screen.findByTestId('storage-error');
    expect(alert.textContent).toContain('Attaché cannot read its data on this device');
    expect(alert.textContent).toContain('IndexedDB is disabled');
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});

describe('Home', () => {
  it('asks a new trainee to set up a profile, linking to Settings', async () => {
    const { user } = await renderApp();
    const setup = await screen.findByTestId('home-setup-profile');
    expect(setup.getAttribute('href')).toBe('#/settings');
    expect(screen.getByTestId('home-version').textContent).toBe(TEST_APP_INFO.version);
    expect(screen.getByTestId('home-runtime').textContent).toBe('Desktop app');

    await user.click(setup);
    expect(await screen.findByTestId('settings-page')).toBeTruthy();
  });

  it('greets the trainee by name and shows the profile', async () => {
    const db = createTestDatabase();
    await db.profiles.add({
      uid: 'profile-anna',
      name: 'Anna Petrova',
      academyId: 'DA-7',
      email: null,
      pin: null,
      createdAt: 1,
      updatedAt: Date.UTC(2026, 10, 21, 12),
      lastUsedAt: Date.UTC(2026, 10, 21, 12),
    });
    await db.settings.put({ key: 'activeProfileId', value: 1 });
    await renderApp({ db });

    await waitFor(() => expect(screen.getByTestId('home-greeting').textContent).toBe('Welcome back, Anna Petrova'));
    const profile = screen.getByTestId('home-profile');
    expect(profile.textContent).toContain('DA-7');
    expect(profile.textContent).toContain('21 November 2026');
    expect(screen.queryByTestId('home-setup-profile')).toBeNull();
  });
});

describe('navigation', () => {
  it('moves between Home and Settings with the navbar links, marking the current one', async () => {
    const { user } = await renderApp();
    await screen.findByTestId('home-page');
    expect(screen.getByTestId('nav-home').getAttribute('aria-current')).toBe('page');

    await user.click(screen.getByTestId('nav-settings'));
    expect(await screen.findByTestId('settings-page')).toBeTruthy();
    expect(window.location.hash).toBe('#/settings');
    expect(screen.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-home').getAttribute('aria-current')).toBeNull();
    expect(document.title).toBe('Settings · Attaché');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Settings' })));

    await user.click(screen.getByTestId('nav-home'));
    expect(await screen.findByTestId('home-page')).toBeTruthy();
  });

  it('opens About from the navbar with the version and where the app runs', async () => {
    const { user } = await renderApp();
    await user.click(await screen.findByTestId('nav-about'));

    const dialog = await screen.findByTestId('about-dialog');
    expect(screen.getByTestId('app-version').textContent).toBe(`Version ${TEST_APP_INFO.version}`);
    expect(dialog.textContent).toContain('Desktop app');
    expect(dialog.textContent).toContain('Linux');
    expect(dialog.textContent).toContain('Electron 45.4.1 · Chrome 140.0.7339.80');

    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.queryByTestId('about-dialog')).toBeNull());
  });
});

describe('menu commands', () => {
  it('set-language switches the UI and saves the choice', async () => {
    const { platform, db } = await renderApp();
    await screen.findByTestId('home-greeting');

    act(() => platform.sendMenuCommand({ type: 'set-language', language: 'ru' }));

    await waitFor(() => expect(screen.getByTestId('nav-settings').textContent).toContain('Настройки'));
    expect((await readSettings(db)).language).toBe('ru');
    await waitFor(() => expect(platform.setMenuState).toHaveBeenLastCalledWith({ language: 'ru', theme: 'auto' }));
  });

  it('set-theme applies and saves the theme', async () => {
    const { platform, db } = await renderApp();
    await screen.findByTestId('home-greeting');

    act(() => platform.sendMenuCommand({ type: 'set-theme', theme: 'dark' }));

    await waitFor(() => expect(colorScheme()).toBe('dark'));
    expect((await readSettings(db)).theme).toBe('dark');
  });

  it('open-settings shows Settings', async () => {
    const { platform } = await renderApp();
    await screen.findByTestId('home-page');
    act(() => platform.sendMenuCommand({ type: 'open-settings' }));
    expect(await screen.findByTestId('settings-page')).toBeTruthy();
  });

  it('open-about opens the About dialog', async () => {
    const { platform } = await renderApp();
    await screen.findByTestId('home-page');
    act(() => platform.sendMenuCommand({ type: 'open-about' }));
    expect(await screen.findByTestId('about-dialog')).toBeTruthy();
  });

  it('stops listening when the app goes away', async () => {
    const { platform, unmount, db } = await renderApp();
    await screen.findByTestId('home-page');
    unmount();
    platform.sendMenuCommand({ type: 'set-theme', theme: 'dark' });
    expect((await readSettings(db)).theme).toBeNull();
  });
});

describe('storage failures', () => {
  it('shows why a screen cannot read its data instead of going blank', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { db } = await renderApp();
    await screen.findByTestId('home-greeting');
    vi.spyOn(db, 'transaction').mockImplementation(() => Promise.reject(new Error('disk I/O error')) as never);

    act(() => {
      window.location.hash = '#/settings';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

    const failure = await screen.findByTestId('storage-read-error');
    expect(failure.textContent).toContain('Attaché cannot read its data on this device');
    expect(failure.textContent).toContain('disk I/O error');
    expect(screen.getByTestId('app-shell')).toBeTruthy();
  });

  it('reports a failed menu write as a storage error', async () => {
    const { platform, db } = await renderApp();
    await screen.findByTestId('home-page');
    vi.spyOn(db.settings, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));

    act(() => platform.sendMenuCommand({ type: 'set-theme', theme: 'dark' }));

    expect((await screen.findByTestId('storage-error')).textContent).toContain('Your device is out of storage space');
  });
});
