// Runtime: Node (Vitest, fake-indexeddb). The trainee profile is validated and saved as one change.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../test/database';
import type { AttacheDatabase } from '../database';
import { ProfileNotFoundError, ProfileValidationError, StorageFullError } from '../errors';
import { SecretChangedError, WrongSecretError } from './academy';
import {
  checkProfilePin,
  createProfile,
  listProfiles,
  PinRejectedError,
  readActiveProfile,
  removeProfilePin,
  saveActiveProfile,
  setProfilePin,
  switchProfile,
} from './profiles';
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

    expect(saved).toEqual({
      id: saved.id,
      uid: saved.uid,
      name: 'Anna Petrova',
      academyId: 'DA-7',
      email: null,
      pin: null,
      createdAt: 1000,
      updatedAt: 1000,
      lastUsedAt: 1000,
    });
    expect(await readActiveProfile(db)).toEqual(saved);
    expect((await readSettings(db)).activeProfileId).toBe(saved.id);
  });

  it('updates the active profile on later saves, keeping its id and creation time', async () => {
    const first = await saveActiveProfile(db, { name: 'Anna', academyId: 'DA-7' }, () => 1000);
    const second = await saveActiveProfile(db, { name: 'Anna Petrova', academyId: '' }, () => 2000);

    expect(second).toEqual({
      id: first.id,
      uid: first.uid,
      name: 'Anna Petrova',
      academyId: null,
      email: null,
      pin: null,
      createdAt: 1000,
      updatedAt: 2000,
      lastUsedAt: 2000,
    });
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

describe('several profiles', () => {
  it('lists no profiles in a new database', async () => {
    expect(await listProfiles(db)).toEqual([]);
  });

  it('creates a profile, makes it active and lists the most recently used first', async () => {
    const anna = await createProfile(db, { name: ' Anna Petrova ', academyId: 'DA-7' }, () => 1000);
    const ivan = await createProfile(db, { name: 'Ivan Sokolov', academyId: '' }, () => 2000);

    expect(anna).toEqual({
      id: anna.id,
      uid: anna.uid,
      name: 'Anna Petrova',
      academyId: 'DA-7',
      email: null,
      pin: null,
      createdAt: 1000,
      updatedAt: 1000,
      lastUsedAt: 1000,
    });
    expect(ivan).toMatchObject({ name: 'Ivan Sokolov', academyId: null, lastUsedAt: 2000 });
    expect(await readActiveProfile(db)).toEqual(ivan);
    expect((await listProfiles(db)).map((profile) => profile.name)).toEqual(['Ivan Sokolov', 'Anna Petrova']);
  });

  it('switches the active profile and moves it to the top of the list, without touching its details', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' }, () => 1000);
    await createProfile(db, { name: 'Ivan', academyId: '' }, () => 2000);

    const switched = await switchProfile(db, anna.id, () => 3000);

    expect(switched).toEqual({ ...anna, lastUsedAt: 3000 });
    expect(await readActiveProfile(db)).toEqual(switched);
    expect((await listProfiles(db)).map((profile) => profile.name)).toEqual(['Anna', 'Ivan']);
  });

  it('edits only the active profile after a switch', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' }, () => 1000);
    const ivan = await createProfile(db, { name: 'Ivan', academyId: '' }, () => 2000);
    await switchProfile(db, anna.id, () => 3000);

    await saveActiveProfile(db, { name: 'Anna Petrova', academyId: 'DA-7' }, () => 4000);

    expect(await db.profiles.get(anna.id)).toMatchObject({ name: 'Anna Petrova', academyId: 'DA-7', updatedAt: 4000 });
    expect(await db.profiles.get(ivan.id)).toEqual(ivan);
  });

  it('refuses to switch to a profile that does not exist, changing nothing', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' }, () => 1000);
    await expect(switchProfile(db, 99)).rejects.toBeInstanceOf(ProfileNotFoundError);
    expect(await readActiveProfile(db)).toEqual(anna);
  });

  it.each(['Anna Petrova', '  anna petrova ', 'ANNA PETROVA'])('refuses a second profile named %j', async (name) => {
    await createProfile(db, { name: 'Anna Petrova', academyId: '' }, () => 1000);
    const failure = createProfile(db, { name, academyId: 'DA-8' });
    await expect(failure).rejects.toBeInstanceOf(ProfileValidationError);
    await expect(failure).rejects.toMatchObject({ issues: { name: 'taken' } });
    expect(await db.profiles.count()).toBe(1);
  });

  it('refuses to rename the active profile to the name of another, but lets it keep its own', async () => {
    await createProfile(db, { name: 'Anna Petrova', academyId: '' }, () => 1000);
    await createProfile(db, { name: 'Ivan Sokolov', academyId: '' }, () => 2000);

    await expect(saveActiveProfile(db, { name: 'anna petrova', academyId: '' })).rejects.toMatchObject({ issues: { name: 'taken' } });
    expect(await saveActiveProfile(db, { name: 'IVAN SOKOLOV', academyId: '' })).toMatchObject({ name: 'IVAN SOKOLOV' });
  });

  it('validates a new profile like the active one', async () => {
    const failure = createProfile(db, { name: '', academyId: 'DA 7' });
    await expect(failure).rejects.toMatchObject({ issues: { name: 'required', academyId: 'invalid-characters' } });
    expect(await db.profiles.count()).toBe(0);
  });

  it('reports a full disk while creating as StorageFullError, keeping the profiles already saved and the active one', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' }, () => 1000);
    vi.spyOn(db.settings, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));

    await expect(createProfile(db, { name: 'Ivan', academyId: '' })).rejects.toBeInstanceOf(StorageFullError);

    vi.restoreAllMocks();
    expect(await listProfiles(db)).toEqual([anna]);
    expect(await readActiveProfile(db)).toEqual(anna);
  });

  it('reports a full disk while switching as StorageFullError, leaving the active profile as it was', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' }, () => 1000);
    const ivan = await createProfile(db, { name: 'Ivan', academyId: '' }, () => 2000);
    vi.spyOn(db.settings, 'put').mockRejectedValue(new Dexie.QuotaExceededError('Quota exceeded'));

    await expect(switchProfile(db, anna.id, () => 3000)).rejects.toBeInstanceOf(StorageFullError);

    vi.restoreAllMocks();
    expect(await readActiveProfile(db)).toEqual(ivan);
    expect(await db.profiles.get(anna.id)).toEqual(anna);
  });
});

describe('the profile e-mail', () => {
  it('is saved trimmed with a new profile, changed, and removed when left blank', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '', email: ' anna@academy.example ' }, () => 1000);
    expect(anna.email).toBe('anna@academy.example');
    expect((await saveActiveProfile(db, { name: 'Anna', academyId: '', email: 'anna.petrova@academy.example' }, () => 2000)).email).toBe(
      'anna.petrova@academy.example',
    );
    expect((await saveActiveProfile(db, { name: 'Anna', academyId: '', email: '' }, () => 3000)).email).toBeNull();
  });

  it('is kept when a form without the field saves the profile', async () => {
    await createProfile(db, { name: 'Anna', academyId: '', email: 'anna@academy.example' });
    expect((await saveActiveProfile(db, { name: 'Anna Petrova', academyId: 'DA-7' })).email).toBe('anna@academy.example');
  });

  it('is refused with the reason when it is not an address, and nothing is saved', async () => {
    await expect(createProfile(db, { name: 'Anna', academyId: '', email: 'anna@academy' })).rejects.toMatchObject({ issues: { email: 'invalid' } });
    expect(await db.profiles.count()).toBe(0);
  });
});

describe('profile PINs', () => {
  /** A cheap scrypt cost: the tests check the rules, not the work factor. */
  const cheap = { cost: { N: 2 ** 10, r: 8, p: 1 } };

  it('are stored only as a salted slow hash, and checked', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' });
    const updated = await setProfilePin(db, anna.id, { next: '4821', confirmation: '4821', authority: null }, cheap, () => 5000);

    expect(updated.pin).toMatchObject({ algorithm: 'scrypt', N: 2 ** 10 });
    expect(updated.updatedAt).toBe(5000);
    const stored = JSON.stringify(await db.profiles.get(anna.id));
    expect(stored).not.toContain('4821');
    expect(await checkProfilePin(db, anna.id, '4821')).toBe(true);
    expect(await checkProfilePin(db, anna.id, '4822')).toBe(false);
  });

  it('get a fresh salt each time, so equal PINs do not look equal', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' });
    const ivan = await createProfile(db, { name: 'Ivan', academyId: '' });
    const first = await setProfilePin(db, anna.id, { next: '1234', confirmation: '1234', authority: null }, cheap);
    const second = await setProfilePin(db, ivan.id, { next: '1234', confirmation: '1234', authority: null }, cheap);
    expect(first.pin?.salt).not.toBe(second.pin?.salt);
    expect(first.pin?.hash).not.toBe(second.pin?.hash);
  });

  it('are refused unless 4 to 8 digits typed the same twice', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' });
    await expect(setProfilePin(db, anna.id, { next: '123', confirmation: '123', authority: null }, cheap)).rejects.toEqual(new PinRejectedError('format'));
    await expect(setProfilePin(db, anna.id, { next: '1234', confirmation: '1243', authority: null }, cheap)).rejects.toEqual(new PinRejectedError('mismatch'));
    expect((await db.profiles.get(anna.id))?.pin).toBeNull();
  });

  it('are changed or removed only with the current PIN or by the administrator', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' });
    await setProfilePin(db, anna.id, { next: '1111', confirmation: '1111', authority: null }, cheap);

    await expect(setProfilePin(db, anna.id, { next: '2222', confirmation: '2222', authority: null }, cheap)).rejects.toBeInstanceOf(WrongSecretError);
    await expect(setProfilePin(db, anna.id, { next: '2222', confirmation: '2222', authority: { pin: '9999' } }, cheap)).rejects.toBeInstanceOf(
      WrongSecretError,
    );
    await expect(removeProfilePin(db, anna.id, { pin: '9999' })).rejects.toBeInstanceOf(WrongSecretError);
    expect(await checkProfilePin(db, anna.id, '1111')).toBe(true);

    await setProfilePin(db, anna.id, { next: '2222', confirmation: '2222', authority: { pin: '1111' } }, cheap);
    expect(await checkProfilePin(db, anna.id, '2222')).toBe(true);
    await setProfilePin(db, anna.id, { next: '3333', confirmation: '3333', authority: { administrator: true } }, cheap);
    expect(await checkProfilePin(db, anna.id, '3333')).toBe(true);

    expect((await removeProfilePin(db, anna.id, { pin: '3333' })).pin).toBeNull();
    await setProfilePin(db, anna.id, { next: '4444', confirmation: '4444', authority: null }, cheap);
    expect((await removeProfilePin(db, anna.id, { administrator: true })).pin).toBeNull();
    expect(await checkProfilePin(db, anna.id, '4444')).toBe(false);
  });

  it('are not overwritten when changed elsewhere while the old one was being checked', async () => {
    const anna = await createProfile(db, { name: 'Anna', academyId: '' });
    await setProfilePin(db, anna.id, { next: '1111', confirmation: '1111', authority: null }, cheap);
    // The hash read when the write begins differs from the one that was checked.
    const before = (await db.profiles.get(anna.id))!.pin!;
    const spy = vi.spyOn(db.profiles, 'get');
    spy.mockResolvedValueOnce({ ...anna, pin: before });
    spy.mockResolvedValueOnce({ ...anna, pin: { ...before, hash: 'f'.repeat(64) } });
    await expect(setProfilePin(db, anna.id, { next: '3333', confirmation: '3333', authority: { administrator: true } }, cheap)).rejects.toBeInstanceOf(
      SecretChangedError,
    );
    spy.mockRestore();
    expect(await checkProfilePin(db, anna.id, '1111')).toBe(true);
  });

  it('refuse an unknown profile', async () => {
    await expect(checkProfilePin(db, 404, '1234')).rejects.toBeInstanceOf(ProfileNotFoundError);
    await expect(setProfilePin(db, 404, { next: '1234', confirmation: '1234', authority: null }, cheap)).rejects.toBeInstanceOf(ProfileNotFoundError);
  });
});
