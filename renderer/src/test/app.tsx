// Runtime: Node (Vitest, happy-dom). Renders the whole app over a fresh database and a fake platform.
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeAll, vi, type Mock } from 'vitest';
import type { AppInfo, AttacheApi, Language, MenuCommand, ThemePreference } from '../../../electron/contract/api';
import { createAcademyKeyStore, loadCredentialsKeyCrypto, type AcademyKeyStorage } from '../../../electron/main/academy-key';
import type { AttacheDatabase } from '../db/database';
import { createI18n } from '../i18n';
import { loadBuiltinLibrary } from '../library/builtin';
import { App } from '../ui/App';
import { preloadScreens } from '../ui/Shell';
import { loadStartup } from '../ui/startup';
import type { StorageProblem } from '../ui/storage-problems';
import { createTestDatabase } from './database';

export const TEST_APP_INFO: AppInfo = {
  name: 'Attaché',
  version: '9.8.7',
  runtime: 'electron',
  os: 'linux',
  versions: { electron: '45.4.1', chrome: '140.0.7339.80' },
};

// Screens' code and the built-in library load on demand in the app; a file that renders the app has
// them ready once, before its tests, so that no test's waits include importing or validating them.
beforeAll(async () => {
  await preloadScreens();
  loadBuiltinLibrary(TEST_APP_INFO.version);
}, 120_000);

/** The academy key kept in memory, as the web build keeps it in localStorage: the real store and the real signing. */
export function memoryAcademyKeyStorage(): AcademyKeyStorage & { key: Uint8Array | null; domain: string | null } {
  const storage = {
    kind: 'browser-storage' as const,
    key: null as Uint8Array | null,
    domain: null as string | null,
    readKey: () => Promise.resolve(storage.key),
    writeKey: (bytes: Uint8Array) => {
      storage.key = bytes;
      return Promise.resolve();
    },
    readDomain: () => Promise.resolve(storage.domain),
    writeDomain: (domain: string | null) => {
      storage.domain = domain;
      return Promise.resolve();
    },
  };
  return storage;
}

export interface FakePlatform extends AttacheApi {
  setMenuState: Mock<AttacheApi['setMenuState']>;
  /** Sends a command as the application menu would. */
  sendMenuCommand(command: MenuCommand): void;
}

/** Scrypt at a cost tests can afford: they check what the screens do, not the work factor. */
export const CHEAP_ACADEMY_KEY_COST = { N: 2 ** 10, r: 8, p: 1 };

export function createFakePlatform({ systemLocale = 'en-US', appInfo = TEST_APP_INFO, academyKeyStorage = memoryAcademyKeyStorage() } = {}): FakePlatform {
  const listeners = new Set<(command: MenuCommand) => void>();
  const academyKey = createAcademyKeyStore({
    storage: academyKeyStorage,
    crypto: () => loadCredentialsKeyCrypto({ cost: CHEAP_ACADEMY_KEY_COST }),
    now: Date.now,
  });
  return {
    getAppInfo: () => Promise.resolve(appInfo),
    getSystemLocale: () => Promise.resolve(systemLocale),
    openFile: () => Promise.resolve(null),
    saveFile: () => Promise.resolve({ saved: false }),
    printToPdf: () => Promise.resolve(null),
    getLrsConnection: () => Promise.resolve(null),
    setLrsConnection: () => Promise.reject(new Error('This test platform has no LRS.')),
    testLrsConnection: () => Promise.resolve({ reply: { kind: 'unsupported' }, versions: [] }),
    postStatements: () => Promise.resolve({ kind: 'unsupported' }),
    openFiles: () => Promise.resolve([]),
    getAcademyKey: () => academyKey.get(),
    createAcademyKey: (request) => academyKey.create(request.passphrase),
    exportAcademyKey: () => academyKey.exportFile(),
    importAcademyKey: (request) => academyKey.import(request),
    rewrapAcademyKey: (request) => academyKey.rewrap(request.passphrase, request.newPassphrase),
    setAcademyDomain: (request) => academyKey.setDomain(request.domain),
    signBadge: (request) => academyKey.sign(request),
    getDeviceKey: () => Promise.resolve(null),
    signWithDeviceKey: () => Promise.reject(new Error('This test platform has no device key.')),
    setMenuState: vi.fn<AttacheApi['setMenuState']>(() => Promise.resolve()),
    openStudioFolder: () => Promise.resolve({ kind: 'unsupported' }),
    saveStudioFolder: () => Promise.resolve({ kind: 'unsupported' }),
    onMenuCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendMenuCommand: (command) => {
      for (const listener of listeners) listener(command);
    },
  };
}

export interface RenderedApp extends RenderResult {
  db: AttacheDatabase;
  platform: FakePlatform;
  user: UserEvent;
  language: Language;
  theme: ThemePreference;
}

/** Starts the app the way main.tsx does: read settings and locale first, then render. */
export async function renderApp({
  db = createTestDatabase(),
  platform = createFakePlatform(),
  problem,
}: { db?: AttacheDatabase; platform?: FakePlatform; problem?: StorageProblem } = {}): Promise<RenderedApp> {
  const startup = await loadStartup(db, platform);
  const i18n = await createI18n(startup.language);
  // The library is read before the first render, so a test's waits measure what a screen does.
  await startup.services.library.load();
  const user = userEvent.setup();
  const result = render(<App services={startup.services} i18n={i18n} initialTheme={startup.theme} initialProblem={problem ?? startup.problem} />);
  return { ...result, db, platform, user, language: startup.language, theme: startup.theme };
}
