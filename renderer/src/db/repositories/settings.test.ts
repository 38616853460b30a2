// Runtime: Node (Vitest, fake-indexeddb). Preferences are validated, persisted and read back safely.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../test/database';
import type { AttacheDatabase } from '../database';
import { StorageFullError } from '../errors';
import { NO_SETTINGS, readSettings, saveLanguage, saveTheme } from './settings';
import type { Language, ThemePreference } from '../../../../electron/contract/api';

let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('settings repository', () => {
  it('reads nothing chosen in a new database', async () => {
    expect(await readSettings(db)).toEqual(NO_SETTINGS);
  });

  it('saves and reads back the language and theme', async () => {
    await saveLanguage(db, 'ru');
    await saveTheme(db, 'dark');
    await saveTheme(db, 'light');
    expect(await readSettings(db)).toEqual({ language: 'ru', theme: 'light', activeProfileId: null });
    expect(await db.settings.count()).toBe(2);
  });

  it('refuses values outside the contract', async () => {
    await expect(saveLanguage(db, 'de' as Language)).rejects.toThrow(TypeError);
    await expect(saveTheme(db, 'sepia' as ThemePreference)).rejects.toThrow(TypeError);
    expect(await db.settings.count()).toBe(0);
  });

  it('reads a stored value it does not understand as not chosen', async () => {
    await db.settings.bulkPut([
      { key: 'language', value: 'de' },
      { key: 'theme', value: 42 },
      { key: 'activeProfileId', value: -1 },
    ]);
    expect(await readSettings(db)).toEqual(NO_SETTINGS);
  });

  it('reports a full disk as StorageFullError', async () => {
    vi.spyOn(db.settings, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(saveTheme(db, 'dark')).rejects.toBeInstanceOf(StorageFullError);
  });
});
