// Runtime: renderer. The local trainee profile: the only code that writes the profiles table.
import { validateProfile, type ProfileInput } from '../../core/profile';
import type { AttacheDatabase, ProfileRecord } from '../database';
import { ProfileValidationError, storageWrite } from '../errors';
import { isProfileId } from './settings';

async function findActiveProfile(db: AttacheDatabase): Promise<ProfileRecord | null> {
  const row = await db.settings.get('activeProfileId');
  if (!row || !isProfileId(row.value)) return null;
  return (await db.profiles.get(row.value)) ?? null;
}

/** The profile of the trainee using this device, or null before they have set one up. */
export function readActiveProfile(db: AttacheDatabase): Promise<ProfileRecord | null> {
  return db.transaction('r', db.settings, db.profiles, () => findActiveProfile(db));
}

/**
 * Validates and saves the active trainee's profile, creating it (and making it active) the first
 * time. Throws ProfileValidationError for invalid input and StorageFullError when the disk is full.
 */
export async function saveActiveProfile(db: AttacheDatabase, input: ProfileInput, now: () => number = Date.now): Promise<ProfileRecord> {
  const validation = validateProfile(input);
  if (!validation.ok) throw new ProfileValidationError(validation.issues);
  const { name, academyId } = validation.profile;

  return storageWrite(() =>
    db.transaction('rw', db.profiles, db.settings, async () => {
      const timestamp = now();
      const active = await findActiveProfile(db);
      if (active) {
        const updated: ProfileRecord = { ...active, name, academyId, updatedAt: timestamp };
        await db.profiles.put(updated);
        return updated;
      }
      const id = await db.profiles.add({ name, academyId, createdAt: timestamp, updatedAt: timestamp });
      await db.settings.put({ key: 'activeProfileId', value: id });
      return { id, name, academyId, createdAt: timestamp, updatedAt: timestamp };
    }),
  );
}
