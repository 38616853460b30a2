// Runtime: Node (Vitest, fake-indexeddb). What the app reads before its first paint.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveLanguage, saveTheme } from '../db/repositories/settings';
import { createFakePlatform, TEST_APP_INFO } from '../test/app';
import { createTestDatabase } from '../test/database';
import { loadStartup } from './startup';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadStartup', () => {
  it('starts a new installation in the system language with the Auto theme', async () => {
    const db = createTestDatabase();
    const startup = await loadStartup(db, createFakePlatform({ systemLocale: 'ru-RU' }));
    expect(startup).toMatchObject({ language: 'ru', theme: 'auto', problem: null });
    expect(startup.services.db).toBe(db);
    expect(startup.services.appInfo).toEqual(TEST_APP_INFO);
    expect(startup.services.systemLocale).toBe('ru-RU');
  });

  it('uses the saved language and theme', async () => {
    const db = createTestDatabase();
    await saveLanguage(db, 'en');
    await saveTheme(db, 'dark');
    expect(await loadStartup(db, createFakePlatform({ systemLocale: 'ru-RU' }))).toMatchObject({ language: 'en', theme: 'dark', problem: null });
  });

  it('starts on defaults, and says why, when the database cannot be read', async () => {
    const db = createTestDatabase();
    vi.spyOn(db.settings, 'toArray').mockRejectedValue(new Error('IndexedDB is disabled'));
    expect(await loadStartup(db, createFakePlatform())).toMatchObject({
      language: 'en',
      theme: 'auto',
      problem: { kind: 'startup', detail: 'IndexedDB is disabled' },
    });
  });

  it('reports a full disk at start as such', async () => {
    const db = createTestDatabase();
    vi.spyOn(db.settings, 'toArray').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    expect((await loadStartup(db, createFakePlatform())).problem).toEqual({ kind: 'full' });
  });

  it('starts in English when the system locale cannot be read', async () => {
    const platform = createFakePlatform();
    vi.spyOn(platform, 'getSystemLocale').mockRejectedValue(new Error('no locale'));
    expect((await loadStartup(createTestDatabase(), platform)).language).toBe('en');
  });
});
