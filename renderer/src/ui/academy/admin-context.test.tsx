// Runtime: Node (Vitest, happy-dom). Administrator mode: what RequireAdmin shows locked, unlocked and with
// no passphrase set; a wrong passphrase; tries that slow down; the lock after 15 minutes without input,
// driven by fake timers; and that nothing of the unlocked state is stored.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../electron/contract/api';
import type * as secret from '../../core/records/secret';
import { hashSecret, verifySecret, type SecretHash } from '../../core/records/secret';
import type { AttacheDatabase } from '../../db/database';
import { createI18n } from '../../i18n';
import { createTestDatabase } from '../../test/database';
import { inertPlatform } from '../../test/platform';
import { ServicesProvider, type AppServices } from '../services';
import { loadStartup } from '../startup';
import { StorageProblemsProvider } from '../storage-problems';
import { theme } from '../theme';
import { AdminIndicator, AdminProvider, IDLE_LOCK_MS, RequireAdmin, retryDelayAfter, useAdmin } from './admin-context';

// The real scrypt, wrapped so that a test can hold a check open and see what shows meanwhile.
vi.mock('../../core/records/secret', async (importOriginal) => {
  const actual = await importOriginal<typeof secret>();
  return { ...actual, verifySecret: vi.fn(actual.verifySecret) };
});

const PASSPHRASE = 'correct horse battery';
/** A cheap scrypt cost: these tests check the behaviour, not the work factor. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

const platform = inertPlatform();

let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

afterEach(async () => {
  vi.useRealTimers();
  vi.mocked(verifySecret).mockClear();
  db.close();
  await db.delete();
});

async function storePassphrase(passphrase = PASSPHRASE, saltByte = 7): Promise<SecretHash> {
  const hash = await hashSecret(passphrase, new Uint8Array(16).fill(saltByte), CHEAP);
  await db.settings.put({ key: 'adminPassphrase', value: hash });
  return hash;
}

async function providers(language: Language = 'en'): Promise<(props: { children: ReactNode }) => ReactNode> {
  const { services } = await loadStartup(db, platform);
  const i18n = await createI18n(language);
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <MantineProvider theme={theme} env="test">
        <I18nextProvider i18n={i18n}>
          <ServicesProvider services={services as AppServices}>
            <StorageProblemsProvider>
              <AdminProvider>{children}</AdminProvider>
            </StorageProblemsProvider>
          </ServicesProvider>
        </I18nextProvider>
      </MantineProvider>
    );
  };
}

function Gated() {
  return (
    <>
      <AdminIndicator />
      <RequireAdmin reason="The cohort's records need the administrator passphrase.">
        <p data-testid="secret-content">Every trainee's records</p>
      </RequireAdmin>
    </>
  );
}

async function renderGated(language: Language = 'en'): Promise<UserEvent> {
  const Providers = await providers(language);
  const user = userEvent.setup();
  render(<Gated />, { wrapper: Providers });
  return user;
}

async function accessibilityViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

const passphraseField = () => screen.getByTestId('admin-unlock-passphrase');

describe('RequireAdmin', () => {
  it('shows nothing until the settings are read, then, with no passphrase set, the content and a notice', async () => {
    await renderGated();
    expect(screen.queryByTestId('secret-content')).toBeNull();
    expect(screen.queryByTestId('admin-unlock-panel')).toBeNull();

    expect(await screen.findByTestId('secret-content')).toBeTruthy();
    const notice = screen.getByTestId('admin-not-configured');
    expect(notice.textContent).toContain('No administrator passphrase is set');
    expect(notice.textContent).toContain('Anyone at this computer can open this. The academy should set a passphrase.');
    expect(within(notice).getByRole('link', { name: 'Set one in Settings → Academy.' }).getAttribute('href')).toBe('#/settings');
    expect(screen.queryByTestId('admin-indicator')).toBeNull();
  });

  it('leaves the notice out when quiet', async () => {
    const Providers = await providers();
    render(
      <RequireAdmin reason="why" quiet>
        <p data-testid="secret-content">content</p>
      </RequireAdmin>,
      { wrapper: Providers },
    );
    expect(await screen.findByTestId('secret-content')).toBeTruthy();
    expect(screen.queryByTestId('admin-not-configured')).toBeNull();
  });

  it('asks for the passphrase, saying why, refuses a wrong one, and opens with the right one', async () => {
    await storePassphrase();
    const user = await renderGated();

    const panel = await screen.findByTestId('admin-unlock-panel');
    expect(within(panel).getByRole('heading', { name: 'Administrator passphrase needed' })).toBeTruthy();
    expect(within(panel).getByTestId('admin-unlock-reason').textContent).toBe("The cohort's records need the administrator passphrase.");
    expect(screen.queryByTestId('secret-content')).toBeNull();
    expect(panel.textContent).toContain('It cannot be recovered');

    await user.type(passphraseField(), 'Correct horse battery{Enter}');
    expect(await screen.findByText(/That is not the administrator passphrase/)).toBeTruthy();
    expect(passphraseField().getAttribute('aria-invalid')).toBe('true');
    expect(passphraseField()).toHaveProperty('value', 'Correct horse battery');
    expect(document.activeElement).toBe(passphraseField());
    expect(screen.queryByTestId('secret-content')).toBeNull();

    await user.clear(passphraseField());
    await user.type(passphraseField(), `${PASSPHRASE}{Enter}`);

    expect(await screen.findByTestId('secret-content')).toBeTruthy();
    expect(screen.queryByTestId('admin-unlock-panel')).toBeNull();
    expect(screen.getByTestId('admin-indicator').textContent).toContain('Administrator: unlocked');
  });

  it('does not check an empty passphrase', async () => {
    await storePassphrase();
    const user = await renderGated();
    await screen.findByTestId('admin-unlock-panel');

    await user.click(screen.getByTestId('admin-unlock-submit'));

    expect(document.activeElement).toBe(passphraseField());
    expect(verifySecret).not.toHaveBeenCalled();
  });

  it('shows progress while the passphrase is checked', async () => {
    await storePassphrase();
    let finish: (right: boolean) => void = () => undefined;
    vi.mocked(verifySecret).mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const user = await renderGated();
    await screen.findByTestId('admin-unlock-panel');

    await user.type(passphraseField(), `${PASSPHRASE}{Enter}`);

    await waitFor(() => expect(screen.getByTestId('admin-unlock-status').textContent).toBe('Checking the passphrase… it takes a moment on purpose.'));
    expect(screen.getByTestId('admin-unlock-submit').getAttribute('data-loading')).toBe('true');
    await act(async () => finish(true));
    expect(await screen.findByTestId('secret-content')).toBeTruthy();
  });

  it('locks at once from the header, and stores nothing of the unlocked state', async () => {
    await storePassphrase();
    const before = await db.settings.toArray();
    const user = await renderGated();
    await user.type(await screen.findByTestId('admin-unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    await screen.findByTestId('secret-content');
    expect(await db.settings.toArray()).toEqual(before);

    await user.click(screen.getByTestId('admin-lock'));

    expect(await screen.findByTestId('admin-unlock-panel')).toBeTruthy();
    expect(screen.queryByTestId('secret-content')).toBeNull();
    expect(screen.queryByTestId('admin-indicator')).toBeNull();
  });

  it('starts locked again in a new window (a reload)', async () => {
    await storePassphrase();
    const user = await renderGated();
    await user.type(await screen.findByTestId('admin-unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    await screen.findByTestId('secret-content');

    const Providers = await providers();
    render(<Gated />, { wrapper: Providers });

    await waitFor(() => expect(screen.getAllByTestId('admin-unlock-panel')).toHaveLength(1));
    expect(screen.getAllByTestId('secret-content')).toHaveLength(1);
  });

  it('locks when another window sets a different passphrase', async () => {
    await storePassphrase();
    const user = await renderGated();
    await user.type(await screen.findByTestId('admin-unlock-passphrase'), `${PASSPHRASE}{Enter}`);
    await screen.findByTestId('secret-content');

    await storePassphrase('another passphrase entirely', 9);

    expect(await screen.findByTestId('admin-unlock-panel')).toBeTruthy();
    expect(screen.queryByTestId('secret-content')).toBeNull();
  });

  it('opens for everyone once the passphrase is removed', async () => {
    await storePassphrase();
    await renderGated();
    await screen.findByTestId('admin-unlock-panel');

    await db.settings.delete('adminPassphrase');

    expect(await screen.findByTestId('secret-content')).toBeTruthy();
    expect(screen.getByTestId('admin-not-configured')).toBeTruthy();
  });

  it('has no accessibility violations, locked with an error and unlocked', async () => {
    await storePassphrase();
    const user = await renderGated();
    await user.type(await screen.findByTestId('admin-unlock-passphrase'), 'wrong passphrase{Enter}');
    await screen.findByText(/That is not the administrator passphrase/);
    expect(await accessibilityViolations()).toEqual([]);

    await user.clear(passphraseField());
    await user.type(passphraseField(), `${PASSPHRASE}{Enter}`);
    await screen.findByTestId('secret-content');
    expect(await accessibilityViolations()).toEqual([]);
  });

  it('speaks Russian', async () => {
    await storePassphrase();
    const user = await renderGated('ru');
    const panel = await screen.findByTestId('admin-unlock-panel');
    expect(within(panel).getByRole('heading', { name: 'Нужна парольная фраза администратора' })).toBeTruthy();
    expect(within(panel).getByLabelText('Парольная фраза администратора')).toBeTruthy();

    await user.type(passphraseField(), 'не та фраза{Enter}');
    expect(await screen.findByText(/Это не парольная фраза администратора/)).toBeTruthy();
    await user.clear(passphraseField());
    await user.type(passphraseField(), `${PASSPHRASE}{Enter}`);
    expect((await screen.findByTestId('admin-indicator')).textContent).toContain('Администратор: разблокировано');
    expect(screen.getByRole('button', { name: 'Заблокировать режим администратора' })).toBeTruthy();
  });
});

describe('useAdmin', () => {
  async function renderAdmin() {
    const Providers = await providers();
    const rendered = renderHook(() => useAdmin(), { wrapper: Providers });
    await waitFor(() => expect(rendered.result.current.ready).toBe(true));
    return rendered;
  }

  it('needs an AdminProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useAdmin())).toThrow(/needs an AdminProvider/);
  });

  it('is open, with nothing to unlock, while no passphrase is set', async () => {
    const { result } = await renderAdmin();
    expect(result.current).toMatchObject({ configured: false, unlocked: false });
    let answer: boolean | undefined;
    await act(async () => {
      answer = await result.current.unlock('anything');
    });
    expect(answer).toBe(true);
    expect(result.current.unlocked).toBe(false);
  });

  it('locks itself after 15 minutes without keyboard or pointer input', async () => {
    await storePassphrase();
    const { result } = await renderAdmin();
    // Dexie has answered; from here on time is the test's. scrypt does not wait on timers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await act(async () => {
      expect(await result.current.unlock(PASSPHRASE)).toBe(true);
    });
    expect(result.current.unlocked).toBe(true);

    act(() => vi.advanceTimersByTime(IDLE_LOCK_MS - 1));
    expect(result.current.unlocked).toBe(true);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.unlocked).toBe(false);
  });

  it('counts any key press, click, touch, wheel or pointer move as use', async () => {
    await storePassphrase();
    const { result } = await renderAdmin();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await act(async () => {
      await result.current.unlock(PASSPHRASE);
    });

    const inputs: (() => void)[] = [
      () => fireEvent.keyDown(window, { key: 'a' }),
      () => fireEvent.pointerDown(document.body),
      () => fireEvent.pointerMove(document.body),
      () => fireEvent.wheel(document.body),
      () => fireEvent.touchStart(document.body),
    ];
    for (const input of inputs) {
      act(() => vi.advanceTimersByTime(IDLE_LOCK_MS - 60_000));
      act(input);
    }
    // Five times 14 minutes in, still open: each input pushed the lock back.
    expect(result.current.unlocked).toBe(true);

    act(() => vi.advanceTimersByTime(IDLE_LOCK_MS - 1));
    expect(result.current.unlocked).toBe(true);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.unlocked).toBe(false);
  });

  it('makes each try wait longer after repeated wrong passphrases, and forgets after a right one', async () => {
    await storePassphrase();
    const { result } = await renderAdmin();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    for (let wrong = 1; wrong <= 3; wrong += 1) {
      await act(async () => {
        expect(await result.current.unlock('wrong passphrase')).toBe(false);
      });
    }
    expect(result.current.retryDelayMs).toBe(1000);

    let answered: boolean | null = null;
    let pending!: Promise<void>;
    act(() => {
      pending = result.current.unlock(PASSPHRASE).then((right) => {
        answered = right;
      });
    });
    await act(async () => vi.advanceTimersByTimeAsync(999));
    expect(answered).toBeNull();
    expect(result.current.checking).toBe(true);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
      await pending;
    });
    expect(answered).toBe(true);
    expect(result.current).toMatchObject({ unlocked: true, checking: false, retryDelayMs: 0 });
  });

  it('keeps wrong PIN tries apart per profile', async () => {
    const { result } = await renderAdmin();
    act(() => {
      for (let wrong = 0; wrong < 4; wrong += 1) result.current.tries.wrong('pin:anna');
    });
    expect(result.current.tries.delayMs('pin:anna')).toBe(2000);
    expect(result.current.tries.delayMs('pin:ivan')).toBe(0);
    expect(result.current.retryDelayMs).toBe(0);
    act(() => result.current.tries.right('pin:anna'));
    expect(result.current.tries.delayMs('pin:anna')).toBe(0);
  });
});

describe('retryDelayAfter', () => {
  it('lets two mistakes go, then doubles from one second up to thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map(retryDelayAfter)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});
