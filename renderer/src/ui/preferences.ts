// Runtime: renderer. The preferences in effect: what the user saved, or what follows from the system.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Language, ThemePreference } from '../../../electron/contract/api';
import { resolveLanguage } from '../core/locale';
import { readSettings, type Settings } from '../db/repositories/settings';
import { useServices } from './services';

export const DEFAULT_THEME: ThemePreference = 'auto';

export interface Preferences {
  language: Language;
  theme: ThemePreference;
  /** True while no language has been chosen and the UI follows the system's. */
  languageFollowsSystem: boolean;
}

export function preferencesFrom(settings: Settings, systemLocale: string): Preferences {
  return {
    language: resolveLanguage(settings.language, systemLocale),
    theme: settings.theme ?? DEFAULT_THEME,
    languageFollowsSystem: settings.language === null,
  };
}

/** The saved settings, live; undefined until the first read completes. */
export function useSettings(): Settings | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readSettings(db), [db]);
}

/** The preferences in effect, live; undefined until the settings have been read. */
export function usePreferences(): Preferences | undefined {
  const { systemLocale } = useServices();
  const settings = useSettings();
  return settings && preferencesFrom(settings, systemLocale);
}
