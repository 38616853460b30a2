// Runtime: renderer. The user's preferences: the only code that writes the settings table.
import { THEME_PREFERENCES, type Language, type ThemePreference } from '../../../../electron/contract/api';
import { isAcademyIri, isAcademyName, isIdentityField } from '../../core/academy';
import { isLanguage } from '../../core/locale';
import { isMoodleExportSettings } from '../../core/records/moodle-settings';
import { isSecretHash } from '../../core/records/secret';
import { isRememberedMappings } from '../../core/studio/mel-mapping';
import type { AttacheDatabase, SettingKey } from '../database';
import { storageWrite } from '../errors';

/** What the user has chosen; null where they have not chosen yet. */
export interface Settings {
  language: Language | null;
  theme: ThemePreference | null;
  activeProfileId: number | null;
}

export const NO_SETTINGS: Settings = { language: null, theme: null, activeProfileId: null };

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

export function isProfileId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

const IS_VALID: { [Key in SettingKey]: (value: unknown) => boolean } = {
  language: isLanguage,
  theme: isThemePreference,
  activeProfileId: isProfileId,
  academyName: isAcademyName,
  academyIri: isAcademyIri,
  academyIdentityField: isIdentityField,
  adminPassphrase: isSecretHash,
  moodleExport: isMoodleExportSettings,
  xapiIncludeDraftText: (value) => typeof value === 'boolean',
  studioImportMappings: isRememberedMappings,
};

/** Whether a value may be stored under (and is trusted when read from) a key; repositories/academy.ts writes its own keys. */
export function isValidSetting(key: SettingKey, value: unknown): boolean {
  return IS_VALID[key](value);
}

/** Reads every setting; a missing or unreadable value reads as not chosen. */
export async function readSettings(db: AttacheDatabase): Promise<Settings> {
  const settings: Settings = { ...NO_SETTINGS };
  for (const { key, value } of await db.settings.toArray()) {
    if (key === 'language' && isLanguage(value)) settings.language = value;
    else if (key === 'theme' && isThemePreference(value)) settings.theme = value;
    else if (key === 'activeProfileId' && isProfileId(value)) settings.activeProfileId = value;
  }
  return settings;
}

async function writeSetting(db: AttacheDatabase, key: SettingKey, value: unknown): Promise<void> {
  if (!IS_VALID[key](value)) throw new TypeError(`${JSON.stringify(value)} is not a valid ${key}.`);
  await storageWrite(() => db.transaction('rw', db.settings, () => db.settings.put({ key, value })));
}

/** One setting's stored value when it passes its check, else null (never stored, or written by another version). */
export async function readSetting(db: AttacheDatabase, key: SettingKey): Promise<unknown> {
  const row = await db.settings.get(key);
  return row && IS_VALID[key](row.value) ? row.value : null;
}

/** Stores one setting; throws TypeError for a value that would not pass its check when read. */
export function saveSetting(db: AttacheDatabase, key: SettingKey, value: unknown): Promise<void> {
  return writeSetting(db, key, value);
}

export function saveLanguage(db: AttacheDatabase, language: Language): Promise<void> {
  return writeSetting(db, 'language', language);
}

export function saveTheme(db: AttacheDatabase, theme: ThemePreference): Promise<void> {
  return writeSetting(db, 'theme', theme);
}
