// Runtime: Node (Vitest, fake-indexeddb). The trainee profile is validated and saved as one change.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../test/database';
import type { AttacheDatabase } from '../database';
import { ProfileValidationError, StorageFullError } from '../errors';
import { readActiveProfile, saveActiveProfile } from './profiles';
import { readSettings } from './settings';

let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('profiles repository', () => {
  it('has no active profile in a new database', async () => {
    expect(await readActiveProfile(db)).toBeNull();
  });

  it('creates the profile on first save and makes it active', async () => {
    const saved = await saveActiveProfile(db, { name: '  Anna Petrova ', academyId: ' DA-7 ' }, () => 1000);

    expect(saved).toEqual({ id: saved.id, name: 'Anna Petrova', academyId: 'DA-7', createdAt: 1000, updatedAt: 1000 });
    expect(await readActiveProfile(db)).toEqual(saved);
    expect((await readSettings(db)).activeProfileId).toBe(saved.id);
  });

  it('updates the active profile on later saves, keeping its id and creation time', async () => {
    const first = await saveActiveProfile(db, { name: 'Anna', academyId: 'DA-7' }, () => 1000);
    const second = await saveActiveProfile(db, { name: 'Anna Petrova', academyId: '' }, () => 2000);

    expect(second).toEqual({ id: first.id, name: 'Anna Petrova', academyId: null, createdAt: 1000, updatedAt: 2000 });
    expect(await db.profiles.count()).toBe(1);
    expect(await readActiveProfile(db)).toEqual(second);
  });

  it('rejects an invalid profile without writing anything', async () => {
    const failure = saveActiveProfile(db, { name: ' ', academyId: 'DA 7' });
    await expect(failure).rejects.toBeInstanceOf(ProfileValidationError);
    await expect(failure).rejects.toMatchObject({ issues: { name: 'required', academyId: 'invalid-characters' } });
    expect(await db.profiles.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });

  it('reads no active profile when the active id points at nothing', async () => {
    await db.settings.put({ key: 'activeProfileId', value: 99 });
    expect(await readActiveProfile(db)).toBeNull();
  });

  it('reports a full disk as StorageFullError and leaves nothing half-written', async () => {
    vi.spyOn(db.settings, 'put').mockRejectedValue(new Dexie.QuotaExceededError('Quota exceeded'));
    await expect(saveActiveProfile(db, { name: 'Anna', academyId: '' })).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.profiles.count()).toBe(0);
  });
});
