// Runtime: Node (Playwright, web build). What a trainee sees: the app starts cleanly, speaks their
// language, keeps their theme and profile across reloads, and says which version it is.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

test.describe('starting the app', () => {
  test('loads Home without console errors', async ({ app, saveScreenshot }) => {
    await app.open();

    await expect(app.page).toHaveTitle('Home · Attaché');
    await expect(app.home.greeting).toHaveText('Welcome to Attaché');
    await expect(app.home.setupProfile).toBeVisible();
    await expect(app.home.version).toHaveText(version);
    await expect(app.home.runtime).toHaveText('Web browser');
    await expect(app.navHome).toHaveAttribute('aria-current', 'page');
    await app.expectLanguage('en');
    await app.expectColorScheme('light');
    await expect(app.storageError).toHaveCount(0);
    await saveScreenshot('home-light');
  });

  test('opens the screen in the address after a reload', async ({ app }) => {
    await app.open('/#/settings');
    await expect(app.settings.heading).toHaveText('Settings');
    await expect(app.page).toHaveTitle('Settings · Attaché');
    await app.reload();
    await expect(app.settings.root).toBeVisible();
  });

  test('opens Settings with Ctrl+, as the desktop menu does', async ({ app }) => {
    await app.open();
    await app.page.keyboard.press('Control+Comma');
    await expect(app.settings.root).toBeVisible();
    await expect(app.page).toHaveURL(/#\/settings$/);
  });
});

test.describe('language', () => {
  test('switching to Russian changes the visible UI and persists across a reload', async ({ app, saveScreenshot }) => {
    await app.open();
    const settings = await app.goToSettings();

    await settings.chooseLanguage('Русский');
    await expect(settings.heading).toHaveText('Настройки');
    await expect(app.navHome).toHaveText('Главная');
    await expect(app.page).toHaveTitle('Настройки · Attaché');
    await app.expectLanguage('ru');

    await app.reload();
    await expect(settings.heading).toHaveText('Настройки');
    await expect(settings.language.getByRole('radio', { name: 'Русский' })).toBeChecked();
    await app.expectLanguage('ru');
    await saveScreenshot('settings-ru');

    const home = await app.goHome();
    await expect(home.greeting).toHaveText('Добро пожаловать в Attaché');
    await expect(home.runtime).toHaveText('Веб-браузер');
  });
});

test.describe('language on a Russian system', () => {
  test.use({ locale: 'ru-RU' });

  test('follows the system until the user chooses English', async ({ app }) => {
    await app.open();
    await expect(app.home.greeting).toHaveText('Добро пожаловать в Attaché');
    await app.expectLanguage('ru');

    const settings = await app.goToSettings();
    await expect(settings.root.getByText('Пока вы не выберете язык здесь, Attaché использует язык системы.')).toBeVisible();
    await settings.chooseLanguage('English');
    await expect(settings.heading).toHaveText('Settings');

    await app.reload();
    await expect(settings.heading).toHaveText('Settings');
    await expect(settings.root.getByText("Attaché follows your system's language until you choose one here.")).toHaveCount(0);
  });
});

test.describe('theme', () => {
  test('the chosen theme persists across a reload', async ({ app, saveScreenshot }) => {
    await app.open();
    const settings = await app.goToSettings();
    await expect(settings.theme.getByRole('radio', { name: 'Auto' })).toBeChecked();
    await app.expectColorScheme('light');

    await settings.chooseTheme('Dark');
    await app.expectColorScheme('dark');

    await app.reload();
    await app.expectColorScheme('dark');
    await expect(settings.theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await saveScreenshot('settings-dark');

    await app.goHome();
    await saveScreenshot('home-dark');

    const about = await app.openAbout();
    await expect(about.version).toHaveText(`Version ${version}`);
    await saveScreenshot('about-dark');
    await app.page.keyboard.press('Escape');
    await expect(about.root).toBeHidden();

    await app.goToSettings();
    await settings.chooseTheme('Light');
    await app.expectColorScheme('light');
    await app.reload();
    await app.expectColorScheme('light');
  });

  test('Auto follows the system colour scheme', async ({ app }) => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.open('/#/settings');
    await expect(app.settings.theme.getByRole('radio', { name: 'Auto' })).toBeChecked();
    await app.expectColorScheme('dark');
  });
});

test.describe('trainee profile', () => {
  test('is validated, saved, kept across a reload and greets the trainee by name', async ({ app, saveScreenshot }) => {
    await app.open();
    await app.home.setupProfile.click();
    const settings = app.settings;
    await expect(settings.root).toBeVisible();
    await expect(settings.save).toHaveText('Create profile');

    await settings.save.click();
    await expect(settings.root.getByText('Enter your name.')).toBeVisible();
    await expect(settings.profileName).toHaveAttribute('aria-invalid', 'true');
    await expect(settings.profileName).toBeFocused();

    await settings.fillProfile('  Anna Petrova ', 'DA 7');
    await expect(settings.root.getByText('Use only letters, digits, hyphens (-) and underscores (_).')).toBeVisible();
    await expect(settings.root.getByText('68 characters left')).toBeVisible();
    await settings.academyId.fill('DA-2026-014');
    await settings.save.click();
    await expect(settings.saved).toHaveText('Profile saved.');
    await expect(settings.profileName).toHaveValue('Anna Petrova');
    await expect(settings.save).toHaveText('Save changes');
    await saveScreenshot('settings-light');

    await app.reload();
    await expect(settings.profileName).toHaveValue('Anna Petrova');
    await expect(settings.academyId).toHaveValue('DA-2026-014');
    await expect(settings.saved).toHaveCount(0);

    const home = await app.goHome();
    await expect(home.greeting).toHaveText('Welcome back, Anna Petrova');
    await expect(home.profileCard).toContainText('DA-2026-014');
    await expect(home.setupProfile).toHaveCount(0);
    await saveScreenshot('home-profile-light');
  });
});

test.describe('About', () => {
  test('shows the version and closes', async ({ app, saveScreenshot }) => {
    await app.open();
    const about = await app.openAbout();
    await expect(about.root).toContainText('About Attaché');
    await expect(about.version).toHaveText(`Version ${version}`);
    await expect(about.root).toContainText('Web browser');
    await saveScreenshot('about-light');

    await about.closeButton.click();
    await expect(about.root).toBeHidden();
    await expect(app.navAbout).toBeFocused();
  });
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the burger opens the navigation, which closes after choosing a screen', async ({ app, saveScreenshot }) => {
    await app.open();
    await expect(app.navSettings).not.toBeInViewport();
    await saveScreenshot('home-mobile');

    await expect(app.burger).toHaveAccessibleName('Open navigation');
    await app.burger.click();
    await expect(app.navSettings).toBeInViewport();
    await app.navSettings.click();
    await expect(app.settings.root).toBeVisible();
    await expect(app.navSettings).not.toBeInViewport();
    await saveScreenshot('settings-mobile');
  });
});
