// Runtime: renderer. What the app needs before its first paint: the saved settings, the system's
// locale and the app's facts, read in parallel. A database that does not open is not fatal: the app
// starts on defaults and says so.
import type { AttacheApi, ThemePreference } from '../../../electron/contract/api';
import type { AttacheDatabase } from '../db/database';
import { NO_SETTINGS, readSettings } from '../db/repositories/settings';
import { createLibraryClient } from '../library/library-client';
import { preferencesFrom } from './preferences';
import type { AppServices } from './services';
import { startupProblemFor, type StorageProblem } from './storage-problems';
import type { Language } from '../../../electron/contract/api';

export interface Startup {
  services: AppServices;
  language: Language;
  theme: ThemePreference;
  problem: StorageProblem | null;
}

export async function loadStartup(db: AttacheDatabase, platform: AttacheApi): Promise<Startup> {
  const [settingsRead, systemLocale, appInfo] = await Promise.all([
    readSettings(db).then(
      (settings) => ({ settings, problem: null }),
      (error: unknown) => ({ settings: NO_SETTINGS, problem: startupProblemFor(error) }),
    ),
    // Without a system locale the UI simply starts in the fallback language.
    platform.getSystemLocale().catch(() => ''),
    platform.getAppInfo(),
  ]);
  const { language, theme } = preferencesFrom(settingsRead.settings, systemLocale);
  return {
    services: { db, platform, appInfo, systemLocale, library: createLibraryClient(db, appInfo.version) },
    language,
    theme,
    problem: settingsRead.problem,
  };
}
