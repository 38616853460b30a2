// Runtime: Node (Vitest, happy-dom). Who is training: the gate in front of the trainee's screens and
// the header's profile menu, over a real (fake-indexeddb) database.
import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { Dexie } from 'dexie';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import axe from 'axe-core';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import type { AttacheDatabase, ProfileRecord } from '../../db/database';
import { setAdminPassphrase } from '../../db/repositories/academy';
import { createProfile, listProfiles, readActiveProfile, setProfilePin, switchProfile } from '../../db/repositories/profiles';
import { createI18n } from '../../i18n';
import { createTestDatabase } from '../../test/database';
import { inertPlatform } from '../../test/platform';
import { AdminProvider, RequireAdmin, useAdmin } from '../academy/admin-context';
import { SaveTraineeData } from '../backup/SaveTraineeData';
import { ServicesProvider } from '../services';
import { loadStartup } from '../startup';
import { StorageProblemAlert, StorageProblemsProvider } from '../storage-problems';
import { theme } from '../theme';
import { seedRecords } from '../../test/seed-records';
import { DeleteProfile } from './DeleteProfile';
import { RequireProfile } from './ProfileGate';
import { ProfileMenu } from './ProfileMenu';

let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

/** Profiles need nothing from the platform but what startup reads. */
const platform = inertPlatform();

async function renderWithServices(ui: ReactNode, language: Language = 'en'): Promise<UserEvent> {
  const { services } = await loadStartup(db, platform);
  const i18n = await createI18n(language);
  const user = userEvent.setup();
  render(
    // env="test": no transitions or portals, so the menu and the dialog render in place at once.
    <MantineProvider theme={theme} env="test">
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={services}>
          <StorageProblemsProvider>
            <AdminProvider>
              <StorageProblemAlert />
              {ui}
            </AdminProvider>
          </StorageProblemsProvider>
        </ServicesProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return user;
}

/** A screen behind the gate, showing whom it was given. */
function Guarded() {
  return <RequireProfile>{(profile) => <p data-testid="guarded">Training: {profile.name}</p>}</RequireProfile>;
}

/**
 * What axe-core finds wrong in the document. Colour contrast needs a layout happy-dom does not do, and
 * these components are tested outside the app's landmarks: the e2e tests check both in a browser.
 */
async function accessibilityViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

/** Profiles as if made earlier, with none of them active. */
async function existingProfiles(...names: string[]): Promise<ProfileRecord[]> {
  const made: ProfileRecord[] = [];
  for (const [index, name] of names.entries()) made.push(await createProfile(db, { name, academyId: index === 0 ? 'DA-7' : '' }, () => 1000 * (index + 1)));
  await db.settings.delete('activeProfileId');
  return made;
}

const nameField = () => screen.getByTestId('profile-new-name');
const academyField = () => screen.getByTestId('profile-new-academy');

describe('RequireProfile', () => {
  it('renders nothing until it knows, then the screen for the active profile', async () => {
    await createProfile(db, { name: 'Anna Petrova', academyId: '' });
    await renderWithServices(<Guarded />);

    expect(screen.queryByTestId('profile-gate')).toBeNull();
    expect(screen.queryByTestId('guarded')).toBeNull();
    expect((await screen.findByTestId('guarded')).textContent).toBe('Training: Anna Petrova');
    expect(screen.queryByTestId('profile-gate')).toBeNull();
  });

  it('asks the first trainee to create a profile, explaining what is wrong until it is right', async () => {
    const user = await renderWithServices(<Guarded />);
    const gate = await screen.findByTestId('profile-gate');

    expect(within(gate).getByRole('heading', { level: 2, name: 'Who is training?' })).toBeTruthy();
    expect(within(gate).getByText(/Create your profile to begin/)).toBeTruthy();
    expect(screen.queryByTestId('profile-pick-list')).toBeNull();

    await user.click(screen.getByTestId('profile-create'));
    expect(await screen.findByText('Enter your name.')).toBeTruthy();
    expect(nameField().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(nameField());

    expect(screen.getByTestId('profile-new-name-counter').textContent).toBe('80 characters left');
    await user.type(nameField(), '  Anna Petrova ');
    expect(screen.getByTestId('profile-new-name-counter').textContent).toBe('68 characters left');
    await user.type(academyField(), 'DA 7');
    expect(screen.queryByText('Enter your name.')).toBeNull();
    expect(screen.getByText('Use only letters, digits, hyphens (-) and underscores (_).')).toBeTruthy();
    await user.click(screen.getByTestId('profile-create'));
    expect(document.activeElement).toBe(academyField());
    expect(await listProfiles(db)).toEqual([]);

    await user.clear(academyField());
    await user.type(academyField(), 'DA-7');
    await user.click(screen.getByTestId('profile-create'));

    expect((await screen.findByTestId('guarded')).textContent).toBe('Training: Anna Petrova');
    expect(screen.queryByTestId('profile-gate')).toBeNull();
    expect(await readActiveProfile(db)).toMatchObject({ name: 'Anna Petrova', academyId: 'DA-7' });
  });

  it('lets a returning trainee pick their profile, the most recently used first', async () => {
    const [anna, ivan] = await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    const user = await renderWithServices(<Guarded />);

    const list = await screen.findByTestId('profile-pick-list');
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.getAttribute('data-testid')),
    ).toEqual([`profile-pick-${ivan!.id}`, `profile-pick-${anna!.id}`]);
    expect(screen.getByRole('button', { name: /Anna Petrova/ }).textContent).toContain('Academy ID DA-7');
    expect(screen.getByText(/Pick your profile or create one/)).toBeTruthy();

    await user.click(screen.getByTestId(`profile-pick-${anna!.id}`));

    expect((await screen.findByTestId('guarded')).textContent).toBe('Training: Anna Petrova');
    expect((await readActiveProfile(db))?.id).toBe(anna!.id);
    expect((await listProfiles(db))[0]?.id).toBe(anna!.id);
  });

  it('refuses a name another profile has, and clears the message once the name changes', async () => {
    await existingProfiles('Anna Petrova');
    const user = await renderWithServices(<Guarded />);

    await user.type(await screen.findByTestId('profile-new-name'), 'anna petrova');
    await user.click(screen.getByTestId('profile-create'));

    expect(await screen.findByText(/A profile with this name already exists on this device/)).toBeTruthy();
    expect(document.activeElement).toBe(nameField());
    expect(screen.getByTestId('profile-gate')).toBeTruthy();
    expect(await db.profiles.count()).toBe(1);

    await user.type(nameField(), ' (Geneva)');
    expect(screen.queryByText(/A profile with this name already exists/)).toBeNull();
    await user.click(screen.getByTestId('profile-create'));
    expect((await screen.findByTestId('guarded')).textContent).toBe('Training: anna petrova (Geneva)');
  });

  it('follows a switch made elsewhere, such as the header menu or another window', async () => {
    const [anna, ivan] = await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    await switchProfile(db, anna!.id);
    await renderWithServices(<Guarded />);
    await screen.findByText('Training: Anna Petrova');

    await switchProfile(db, ivan!.id);

    expect(await screen.findByText('Training: Ivan Sokolov')).toBeTruthy();
  });

  it('reports a full disk and stays on the gate with nothing saved', async () => {
    const user = await renderWithServices(<Guarded />);
    vi.spyOn(db.settings, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));

    await user.type(await screen.findByTestId('profile-new-name'), 'Anna Petrova');
    await user.click(screen.getByTestId('profile-create'));

    const alert = await screen.findByTestId('storage-error');
    expect(alert.textContent).toContain('Your device is out of storage space');
    expect(screen.getByTestId('profile-gate')).toBeTruthy();
    expect(nameField()).toHaveProperty('value', 'Anna Petrova');
    vi.restoreAllMocks();
    expect(await db.profiles.count()).toBe(0);
  });

  it('has no accessibility violations, with field errors showing', async () => {
    await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    const user = await renderWithServices(
      <>
        <h1>Catalogue</h1>
        <Guarded />
      </>,
    );
    await user.click(await screen.findByTestId('profile-create'));
    await screen.findByText('Enter your name.');

    expect(await accessibilityViolations()).toEqual([]);
  });

  it('takes an optional e-mail, explaining an address it cannot use', async () => {
    const user = await renderWithServices(<Guarded />);
    const email = await screen.findByTestId('profile-new-email');
    expect(email.getAttribute('type')).toBe('email');

    await user.type(nameField(), 'Anna Petrova');
    await user.type(email, 'anna@academy');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Enter a full address such as name@academy.example, with no spaces.')).toBeTruthy();
    expect(document.activeElement).toBe(email);
    expect(await db.profiles.count()).toBe(0);

    await user.type(email, '.example');
    expect(screen.queryByText(/Enter a full address/)).toBeNull();
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('guarded')).textContent).toBe('Training: Anna Petrova');
    expect(await readActiveProfile(db)).toMatchObject({ name: 'Anna Petrova', email: 'anna@academy.example' });
  });

  it('speaks Russian', async () => {
    await existingProfiles('Анна Петрова');
    const user = await renderWithServices(<Guarded />, 'ru');

    const gate = await screen.findByTestId('profile-gate');
    expect(within(gate).getByRole('heading', { level: 2, name: 'Кто занимается?' })).toBeTruthy();
    expect(within(gate).getByRole('heading', { level: 3, name: 'Продолжить как' })).toBeTruthy();
    expect(within(gate).getByText('Идентификатор DA-7')).toBeTruthy();

    await user.click(screen.getByTestId('profile-create'));
    expect(await screen.findByText('Укажите имя.')).toBeTruthy();
    await user.type(nameField(), 'АННА ПЕТРОВА');
    await user.click(screen.getByTestId('profile-create'));
    expect(await screen.findByText(/Профиль с таким именем на этом устройстве уже есть/)).toBeTruthy();
  });
});

describe('ProfileMenu', () => {
  const menuButton = () => screen.getByTestId('profile-menu');

  it('says when no one is chosen, and offers only a new profile', async () => {
    const user = await renderWithServices(<ProfileMenu />);

    expect((await screen.findByTestId('profile-menu')).textContent).toContain('No profile');
    expect(screen.getByRole('button', { name: 'No profile — choose or create a profile' })).toBe(menuButton());

    await user.click(menuButton());
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryAllByRole('menuitemradio')).toEqual([]);
    expect(within(menu).getByRole('menuitem', { name: 'New profile…' })).toBeTruthy();
  });

  it('shows the active trainee and switches to another, most recently used first', async () => {
    const [anna, ivan] = await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    await switchProfile(db, anna!.id, () => 5000);
    const user = await renderWithServices(<ProfileMenu />);

    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Anna Petrova'));
    expect(menuButton().textContent).toContain('AP');
    expect(screen.getByRole('button', { name: 'Anna Petrova — switch or add a profile' })).toBe(menuButton());

    await user.click(menuButton());
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('2 profiles on this device')).toBeTruthy();
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((item) => [item.textContent, item.getAttribute('aria-checked')])).toEqual([
      ['Anna Petrova', 'true'],
      ['Ivan Sokolov', 'false'],
    ]);

    await user.click(screen.getByTestId(`profile-menu-item-${ivan!.id}`));

    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Ivan Sokolov'));
    expect(screen.queryByRole('menu')).toBeNull();
    expect((await readActiveProfile(db))?.id).toBe(ivan!.id);
  });

  it('works from the keyboard', async () => {
    const [anna, ivan] = await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    await switchProfile(db, ivan!.id);
    const user = await renderWithServices(<ProfileMenu />);
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Ivan Sokolov'));

    await user.tab();
    expect(document.activeElement).toBe(menuButton());
    await user.keyboard('{Enter}');
    await screen.findByRole('menu');
    // The menu button pattern: opening from the keyboard puts focus on the first item.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Ivan Sokolov'));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Anna Petrova'));
    await user.keyboard('{Enter}');

    await waitFor(async () => expect((await readActiveProfile(db))?.id).toBe(anna!.id));
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Anna Petrova'));
  });

  it('has no accessibility violations, closed, open and with the dialog', async () => {
    const [anna] = await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    await switchProfile(db, anna!.id);
    const user = await renderWithServices(<ProfileMenu />);
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Anna Petrova'));
    expect(await accessibilityViolations()).toEqual([]);

    await user.click(menuButton());
    await screen.findByRole('menu');
    expect(await accessibilityViolations()).toEqual([]);

    await user.click(screen.getByTestId('profile-menu-new'));
    await screen.findByRole('dialog');
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('creates a new profile in a dialog and makes it active', async () => {
    await existingProfiles('Anna Petrova');
    const user = await renderWithServices(<ProfileMenu />);

    await user.click(await screen.findByTestId('profile-menu'));
    await user.click(await screen.findByTestId('profile-menu-new'));
    const dialog = await screen.findByRole('dialog', { name: 'New profile' });

    await user.type(within(dialog).getByTestId('profile-new-name'), 'Anna Petrova');
    await user.click(within(dialog).getByTestId('profile-create'));
    expect(await within(dialog).findByText(/A profile with this name already exists/)).toBeTruthy();

    await user.clear(within(dialog).getByTestId('profile-new-name'));
    await user.type(within(dialog).getByTestId('profile-new-name'), 'Ivan Sokolov');
    await user.type(within(dialog).getByTestId('profile-new-academy'), 'DA-9');
    await user.click(within(dialog).getByTestId('profile-create'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Ivan Sokolov'));
    expect(await readActiveProfile(db)).toMatchObject({ name: 'Ivan Sokolov', academyId: 'DA-9' });
  });

  it('closes the dialog without creating anything', async () => {
    const user = await renderWithServices(<ProfileMenu />);
    await user.click(await screen.findByTestId('profile-menu'));
    await user.click(await screen.findByTestId('profile-menu-new'));
    const dialog = await screen.findByRole('dialog', { name: 'New profile' });

    await user.type(within(dialog).getByTestId('profile-new-name'), 'Half typed');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.profiles.count()).toBe(0);
    expect(screen.getByTestId('profile-menu-name').textContent).toBe('No profile');
  });

  it('reports a full disk when switching and keeps the active profile', async () => {
    const [anna, ivan] = await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    await switchProfile(db, anna!.id);
    const user = await renderWithServices(<ProfileMenu />);
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Anna Petrova'));
    vi.spyOn(db.settings, 'put').mockRejectedValue(new Dexie.QuotaExceededError('Quota exceeded'));

    await user.click(menuButton());
    await user.click(await screen.findByTestId(`profile-menu-item-${ivan!.id}`));

    expect((await screen.findByTestId('storage-error')).textContent).toContain('Your device is out of storage space');
    expect(screen.getByTestId('profile-menu-name').textContent).toBe('Anna Petrova');
    vi.restoreAllMocks();
    expect((await readActiveProfile(db))?.id).toBe(anna!.id);
  });

  it('speaks Russian', async () => {
    const [anna] = await existingProfiles('Анна Петрова', 'Иван Соколов', 'Мария Ким');
    await switchProfile(db, anna!.id);
    const user = await renderWithServices(<ProfileMenu />, 'ru');
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Анна Петрова'));
    expect(screen.getByRole('button', { name: 'Анна Петрова — сменить или добавить профиль' })).toBe(menuButton());

    await user.click(menuButton());
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('3 профиля на этом устройстве')).toBeTruthy();
    await user.click(within(menu).getByRole('menuitem', { name: 'Новый профиль…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Новый профиль' });
    expect(within(dialog).getByRole('button', { name: 'Закрыть' })).toBeTruthy();
    expect(within(dialog).getByLabelText(/Имя и фамилия/)).toBeTruthy();
  });
});

describe('switching into a profile a PIN protects', () => {
  /** A cheap scrypt cost: these tests check who may switch, not the work factor. */
  const cheap = { cost: { N: 2 ** 10, r: 8, p: 1 } };
  const PASSPHRASE = 'correct horse battery';
  const menuButton = () => screen.getByTestId('profile-menu');

  /** Shows whether administrator mode is on, as the header would. */
  function AdminProbe() {
    const admin = useAdmin();
    return <p data-testid="admin-probe">{admin.unlocked ? 'unlocked' : 'locked'}</p>;
  }

  /** Anna (active, no PIN) and Ivan (PIN 4821); with the academy's passphrase set unless told otherwise. */
  async function annaAndIvan({ passphrase = true } = {}): Promise<{ anna: ProfileRecord; ivan: ProfileRecord }> {
    const [anna, ivan] = await existingProfiles('Anna Petrova', 'Ivan Sokolov');
    await setProfilePin(db, ivan!.id, { next: '4821', confirmation: '4821', authority: null }, cheap);
    if (passphrase) await setAdminPassphrase(db, { current: null, next: PASSPHRASE, confirmation: PASSPHRASE }, cheap);
    await switchProfile(db, anna!.id);
    return { anna: anna!, ivan: ivan! };
  }

  async function openMenuOn(name: string, language: Language = 'en'): Promise<UserEvent> {
    const user = await renderWithServices(
      <>
        <ProfileMenu />
        <AdminProbe />
      </>,
      language,
    );
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe(name));
    await user.click(menuButton());
    await screen.findByRole('menu');
    return user;
  }

  it('marks the protected profile and asks for its PIN, refusing a wrong one', async () => {
    const { anna, ivan } = await annaAndIvan();
    const user = await openMenuOn('Anna Petrova');

    expect(screen.getByTestId(`profile-menu-item-${ivan.id}`).textContent).toBe('Ivan Sokolov (protected by a PIN)');
    expect(screen.queryByTestId(`profile-menu-lock-${anna.id}`)).toBeNull();
    expect(screen.getByTestId('profile-menu-pin-hint').textContent).toBe('A lock marks the profiles a PIN protects: switching into them asks for it.');

    await user.click(screen.getByTestId(`profile-menu-item-${ivan.id}`));
    const dialog = await screen.findByRole('dialog', { name: 'Continue as Ivan Sokolov' });
    const pin = within(dialog).getByTestId('profile-pin-input');
    await waitFor(() => expect(document.activeElement).toBe(pin));
    expect(pin.getAttribute('inputmode')).toBe('numeric');

    await user.type(pin, '1234{Enter}');
    expect(await within(dialog).findByText("That is not this profile's PIN. Try again.")).toBeTruthy();
    expect((await readActiveProfile(db))?.id).toBe(anna.id);
    expect(pin).toHaveProperty('value', '1234');

    await user.clear(pin);
    await user.type(pin, '4821{Enter}');
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Ivan Sokolov'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('admin-probe').textContent).toBe('locked');
  });

  it('closes on Escape with nothing changed', async () => {
    const { anna, ivan } = await annaAndIvan();
    const user = await openMenuOn('Anna Petrova');
    await user.click(screen.getByTestId(`profile-menu-item-${ivan.id}`));
    await screen.findByRole('dialog', { name: 'Continue as Ivan Sokolov' });

    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await readActiveProfile(db))?.id).toBe(anna.id);
    expect(screen.getByTestId('profile-menu-name').textContent).toBe('Anna Petrova');
  });

  it('takes the administrator passphrase instead, which then opens every profile', async () => {
    const { anna, ivan } = await annaAndIvan();
    const user = await openMenuOn('Anna Petrova');
    await user.click(screen.getByTestId(`profile-menu-item-${ivan.id}`));
    const dialog = await screen.findByRole('dialog', { name: 'Continue as Ivan Sokolov' });

    await user.click(within(dialog).getByTestId('profile-pin-mode'));
    const passphrase = within(dialog).getByTestId('profile-pin-admin-input');
    await waitFor(() => expect(document.activeElement).toBe(passphrase));
    await user.type(passphrase, 'not the passphrase{Enter}');
    expect(await within(dialog).findByText(/That is not the administrator passphrase/)).toBeTruthy();
    expect(screen.getByTestId('admin-probe').textContent).toBe('locked');

    await user.clear(passphrase);
    await user.type(passphrase, `${PASSPHRASE}{Enter}`);
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Ivan Sokolov'));
    expect(screen.getByTestId('admin-probe').textContent).toBe('unlocked');

    // In administrator mode nothing is asked, either way.
    await user.click(menuButton());
    await user.click(await screen.findByTestId(`profile-menu-item-${anna.id}`));
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Anna Petrova'));
    await user.click(menuButton());
    await user.click(await screen.findByTestId(`profile-menu-item-${ivan.id}`));
    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Ivan Sokolov'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks nothing while no administrator passphrase is set, and says so', async () => {
    const { ivan } = await annaAndIvan({ passphrase: false });
    const user = await openMenuOn('Anna Petrova');
    expect(screen.getByTestId('profile-menu-pin-hint').textContent).toBe('No administrator passphrase is set on this computer, so PINs are not asked yet.');

    await user.click(screen.getByTestId(`profile-menu-item-${ivan.id}`));

    await waitFor(() => expect(screen.getByTestId('profile-menu-name').textContent).toBe('Ivan Sokolov'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks on the gate too, when no one is active', async () => {
    const { ivan } = await annaAndIvan();
    await db.settings.delete('activeProfileId');
    const user = await renderWithServices(<Guarded />);

    const pick = await screen.findByTestId(`profile-pick-${ivan.id}`);
    expect(screen.getByTestId(`profile-pick-lock-${ivan.id}`).textContent).toContain('Protected by a PIN');
    await user.click(pick);
    const dialog = await screen.findByRole('dialog', { name: 'Continue as Ivan Sokolov' });
    expect(screen.queryByTestId('guarded')).toBeNull();

    await user.type(within(dialog).getByTestId('profile-pin-input'), '4821{Enter}');
    expect((await screen.findByTestId('guarded')).textContent).toBe('Training: Ivan Sokolov');
  });

  it('has no accessibility violations with the prompt open, and speaks Russian', async () => {
    const { ivan } = await annaAndIvan();
    const user = await openMenuOn('Anna Petrova', 'ru');
    expect(screen.getByTestId(`profile-menu-item-${ivan.id}`).textContent).toBe('Ivan Sokolov (защищён PIN-кодом)');
    await user.click(screen.getByTestId(`profile-menu-item-${ivan.id}`));
    const dialog = await screen.findByRole('dialog', { name: 'Продолжить как Ivan Sokolov' });
    expect(within(dialog).getByLabelText('PIN-код')).toBeTruthy();

    expect(await accessibilityViolations()).toEqual([]);
  });
});

describe('deleting a profile', () => {
  const cheap = { cost: { N: 2 ** 10, r: 8, p: 1 } };

  /** The dialog as Settings composes it: behind the administrator, with the trainee's data offered first. */
  function Deleting({ profile }: { profile: ProfileRecord }) {
    return (
      <RequireAdmin reason="Deleting a trainee's profile needs the administrator." variant="inline" quiet>
        <DeleteProfile
          profile={profile}
          saveFirst={<SaveTraineeData trainee={{ kind: 'profile', profileId: profile.id }} label="first" testId="profile-delete-save" />}
        />
      </RequireAdmin>
    );
  }

  it('says what will be lost, offers to save their data before the destructive button, and deletes only when asked', async () => {
    const { anna } = await seedRecords(db);
    const saved = vi.spyOn(platform, 'saveFile').mockResolvedValue({ saved: true, name: 'anna.zip' });
    const user = await renderWithServices(<Deleting profile={anna} />);

    expect((await screen.findByText(/save their data for them and the academy, then delete the profile/)).textContent).not.toMatch(/^Delete this profile/);
    await user.click(await screen.findByTestId('profile-delete'));
    const dialog = await screen.findByTestId('profile-delete-dialog');
    expect(within(dialog).getByTestId('profile-delete-body').textContent).toBe(
      'This deletes the profile of Anna Petrova from this device, with its 2 attempts: their drafts, grades, debriefs and event logs.',
    );
    await waitFor(() =>
      expect(within(dialog).getByTestId('profile-delete-loss').textContent).toBe(
        '1 of them is a record of a finished scenario. 1 attempt is unfinished: it has no record and is lost for good. 1 unsent draft goes with it.',
      ),
    );
    expect(within(dialog).getByTestId('profile-delete-copies').textContent).toMatch(
      /progress files, exports given to a learning platform \(LMS\).*are not erased by this/,
    );
    const save = within(dialog).getByTestId('profile-delete-save');
    const confirm = within(dialog).getByTestId('profile-delete-confirm');
    expect(save.textContent).toBe('Save their data first');
    expect(save.compareDocumentPosition(confirm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(save);
    expect((await within(dialog).findByTestId('profile-delete-save-saved')).textContent).toBe(
      'Saved as “anna.zip”: their data as JSON with a summary to read.',
    );
    expect(saved).toHaveBeenCalledTimes(1);
    const request = saved.mock.calls[0]![0];
    expect(request.suggestedName).toMatch(/^attache-data-anna-petrova-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(request.bytes);
    const data = JSON.parse(strFromU8(files['trainee-data.json']!)) as { trainee: { uid: string }; attempts: unknown[]; outcomes: unknown[] };
    expect(data.trainee.uid).toBe(anna.uid);
    expect([data.attempts.length, data.outcomes.length]).toEqual([2, 1]);
    expect(strFromU8(files['summary.txt']!)).toContain('What Attaché held about Anna Petrova on this device');
    expect(await db.profiles.get(anna.id)).toBeDefined();

    await user.click(confirm);
    await waitFor(async () => expect(await db.profiles.get(anna.id)).toBeUndefined());
    expect(await db.outcomes.where('traineeUid').equals(anna.uid).count()).toBe(0);
    expect(await db.attempts.where('profileId').equals(anna.id).count()).toBe(0);
  });

  it('asks for the administrator before the delete button once a passphrase is set', async () => {
    const { anna } = await seedRecords(db);
    await setAdminPassphrase(db, { current: null, next: 'correct horse battery', confirmation: 'correct horse battery' }, cheap);
    const user = await renderWithServices(<Deleting profile={anna} />);

    const passphrase = await screen.findByTestId('admin-unlock-passphrase');
    expect(screen.queryByTestId('profile-delete')).toBeNull();
    await user.type(passphrase, 'correct horse battery{Enter}');
    await user.click(await screen.findByTestId('profile-delete'));
    expect(await screen.findByTestId('profile-delete-dialog')).toBeTruthy();
  });

  it('has no accessibility violations with the dialog open, and speaks Russian', async () => {
    const { anna } = await seedRecords(db);
    const user = await renderWithServices(<Deleting profile={anna} />, 'ru');
    await user.click(await screen.findByTestId('profile-delete'));
    const dialog = await screen.findByTestId('profile-delete-dialog');
    expect(within(dialog).getByTestId('profile-delete-save').textContent).toBe('Сначала сохраните его данные');
    await waitFor(() => expect(within(dialog).getByTestId('profile-delete-loss').textContent).toContain('1 попытка не завершена'));
    expect(await accessibilityViolations()).toEqual([]);
  });
});
