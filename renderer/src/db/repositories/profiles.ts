// Runtime: renderer. Trainee profiles, several per device, one active: the only code that writes the
// profiles table and the active profile setting (a deleted profile's attempts go through attempts.ts).
import { newPinIssue, type PinIssue } from '../../core/academy';
import { sameProfileName, validateProfile, type ProfileInput, type ValidProfile } from '../../core/profile';
import { hashSecret, verifySecret, type SecretHash } from '../../core/records/secret';
import type { AttacheDatabase, ProfileRecord } from '../database';
import { ProfileNotFoundError, ProfileValidationError, storageWrite } from '../errors';
import { randomSalt, SecretChangedError, WrongSecretError, type HashOptions } from './academy';
import { attemptTables, deleteAttemptsOf, deleteOutcomesOf } from './attempts';
import { isProfileId } from './settings';

async function findActiveProfile(db: AttacheDatabase): Promise<ProfileRecord | null> {
  const row = await db.settings.get('activeProfileId');
  if (!row || !isProfileId(row.value)) return null;
  return (await db.profiles.get(row.value)) ?? null;
}

function validated(input: ProfileInput): ValidProfile {
  const validation = validateProfile(input);
  if (!validation.ok) throw new ProfileValidationError(validation.issues);
  return validation.profile;
}

/** Throws ProfileValidationError {name: 'taken'} when a profile other than `exceptId` has the name. */
async function refuseTakenName(db: AttacheDatabase, name: string, exceptId: number | null): Promise<void> {
  // A device holds a handful of profiles: reading them all is cheaper than keeping a folded-name index.
  const clash = await db.profiles.filter((profile) => profile.id !== exceptId && sameProfileName(profile.name, name)).first();
  if (clash) throw new ProfileValidationError({ name: 'taken' });
}

/** The profile of the trainee using this device, or null before anyone has set one up or picked one. */
export function readActiveProfile(db: AttacheDatabase): Promise<ProfileRecord | null> {
  return db.transaction('r', db.settings, db.profiles, () => findActiveProfile(db));
}

/** Every profile on this device, the most recently used first. */
export async function listProfiles(db: AttacheDatabase): Promise<ProfileRecord[]> {
  const profiles = await db.profiles.toArray();
  // Schema version 2 gave every older profile a last use, so every row has one.
  return profiles.sort((a, b) => b.lastUsedAt - a.lastUsedAt || b.id - a.id);
}

/**
 * Validates and saves the active trainee's profile, creating it (and making it active) when there is
 * none. Throws ProfileValidationError for invalid input or a name another profile has, and
 * StorageFullError when the disk is full.
 */
export async function saveActiveProfile(db: AttacheDatabase, input: ProfileInput, now: () => number = Date.now): Promise<ProfileRecord> {
  const { name, academyId, email } = validated(input);

  return storageWrite(() =>
    db.transaction('rw', db.profiles, db.settings, async () => {
      const timestamp = now();
      const active = await findActiveProfile(db);
      await refuseTakenName(db, name, active?.id ?? null);
      if (active) {
        // A form without the e-mail field leaves the stored address alone.
        const kept = input.email === undefined ? active.email : email;
        const updated: ProfileRecord = { ...active, name, academyId, email: kept, updatedAt: timestamp, lastUsedAt: timestamp };
        await db.profiles.put(updated);
        return updated;
      }
      return addActiveProfile(db, { name, academyId, email }, timestamp);
    }),
  );
}

async function addActiveProfile(db: AttacheDatabase, { name, academyId, email }: ValidProfile, timestamp: number): Promise<ProfileRecord> {
  const fields = { uid: crypto.randomUUID(), name, academyId, email, pin: null, createdAt: timestamp, updatedAt: timestamp, lastUsedAt: timestamp };
  const id = await db.profiles.add(fields);
  await db.settings.put({ key: 'activeProfileId', value: id });
  return { id, ...fields };
}

/**
 * Adds a profile for another trainee and makes it active. Throws ProfileValidationError for invalid
 * input or a name another profile has (compared trimmed and case-insensitively), StorageFullError
 * when the disk is full.
 */
export async function createProfile(db: AttacheDatabase, input: ProfileInput, now: () => number = Date.now): Promise<ProfileRecord> {
  const profile = validated(input);
  return storageWrite(() =>
    db.transaction('rw', db.profiles, db.settings, async () => {
      await refuseTakenName(db, profile.name, null);
      return addActiveProfile(db, profile, now());
    }),
  );
}

/** Makes a profile the active one and marks it as just used. Throws ProfileNotFoundError for an unknown id. */
export function switchProfile(db: AttacheDatabase, id: number, now: () => number = Date.now): Promise<ProfileRecord> {
  return storageWrite(() =>
    db.transaction('rw', db.profiles, db.settings, async () => {
      const profile = await db.profiles.get(id);
      if (!profile) throw new ProfileNotFoundError(id);
      const used: ProfileRecord = { ...profile, lastUsedAt: now() };
      await db.profiles.put(used);
      await db.settings.put({ key: 'activeProfileId', value: id });
      return used;
    }),
  );
}

/**
 * Deletes a profile and everything it recorded on this device: its attempts, their snapshots, event
 * logs and unsent drafts. When it was the active profile, no one is active afterwards. Returns how many
 * attempts went. Throws ProfileNotFoundError for an unknown id.
 */
export function deleteProfile(db: AttacheDatabase, id: number): Promise<{ attempts: number }> {
  return storageWrite(() =>
    db.transaction('rw', [db.profiles, db.settings, ...attemptTables(db), db.outcomes, db.outcomeDetails, db.outbox], async () => {
      const profile = await db.profiles.get(id);
      if (profile === undefined) throw new ProfileNotFoundError(id);
      const attempts = await deleteAttemptsOf(db, id);
      await deleteOutcomesOf(db, profile.uid);
      await db.profiles.delete(id);
      const active = await db.settings.get('activeProfileId');
      if (active?.value === id) await db.settings.delete('activeProfileId');
      return { attempts };
    }),
  );
}

/** A new PIN that cannot be set: not 4 to 8 digits, or its confirmation differs. */
export class PinRejectedError extends Error {
  override name = 'PinRejectedError';

  constructor(readonly issue: PinIssue) {
    super(issue === 'format' ? 'A PIN is 4 to 8 digits.' : 'The new PIN and its confirmation differ.');
  }
}

/**
 * Who may change a profile's PIN: whoever knows the current one, or the administrator (the UI passes
 * `administrator` only while administrator mode is on; that mode lives in memory, not in storage).
 */
export type PinAuthority = { pin: string } | { administrator: true };

/** Whether `pin` is the profile's PIN (false when it has none). Takes as long as scrypt does. */
export async function checkProfilePin(db: AttacheDatabase, id: number, pin: string): Promise<boolean> {
  const profile = await db.profiles.get(id);
  if (!profile) throw new ProfileNotFoundError(id);
  return profile.pin !== null && verifySecret(pin, profile.pin);
}

/** The profile's PIN hash once `authority` may change it; throws WrongSecretError otherwise. */
async function requirePinAuthority(db: AttacheDatabase, id: number, authority: PinAuthority): Promise<SecretHash | null> {
  const profile = await db.profiles.get(id);
  if (!profile) throw new ProfileNotFoundError(id);
  if (profile.pin === null || 'administrator' in authority) return profile.pin;
  if (!(await verifySecret(authority.pin, profile.pin))) throw new WrongSecretError('pin');
  return profile.pin;
}

async function replacePin(db: AttacheDatabase, id: number, expected: SecretHash | null, next: SecretHash | null, now: () => number): Promise<ProfileRecord> {
  return storageWrite(() =>
    db.transaction('rw', db.profiles, async () => {
      // scrypt ran outside the transaction (IndexedDB transactions end at the first foreign await).
      const profile = await db.profiles.get(id);
      if (!profile) throw new ProfileNotFoundError(id);
      if ((profile.pin?.hash ?? null) !== (expected?.hash ?? null)) throw new SecretChangedError('pin');
      const updated: ProfileRecord = { ...profile, pin: next, updatedAt: now() };
      await db.profiles.put(updated);
      return updated;
    }),
  );
}

/**
 * Sets a profile's PIN, or changes it (then `authority` must hold the current PIN, or be the
 * administrator). Stores only its scrypt hash. Throws PinRejectedError, WrongSecretError,
 * SecretChangedError, ProfileNotFoundError or StorageFullError; nothing changes when it throws.
 */
export async function setProfilePin(
  db: AttacheDatabase,
  id: number,
  { next, confirmation, authority }: { next: string; confirmation: string; authority: PinAuthority | null },
  { salt = randomSalt, cost }: HashOptions = {},
  now: () => number = Date.now,
): Promise<ProfileRecord> {
  const issue = newPinIssue(next, confirmation);
  if (issue) throw new PinRejectedError(issue);
  const expected = await requirePinAuthority(db, id, authority ?? { pin: '' });
  const hash = await hashSecret(next, salt(), cost);
  return replacePin(db, id, expected, hash, now);
}

/** Removes a profile's PIN. Throws WrongSecretError, SecretChangedError, ProfileNotFoundError or StorageFullError. */
export async function removeProfilePin(db: AttacheDatabase, id: number, authority: PinAuthority, now: () => number = Date.now): Promise<ProfileRecord> {
  const expected = await requirePinAuthority(db, id, authority);
  return replacePin(db, id, expected, null, now);
}
