// Runtime: Node (Vitest, fake-indexeddb). An attempt's desk state: written whole and replaced, a row
// that does not read as one counted as none, gone with its attempt, a full disk reported as such.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../test/database';
import type { AttacheDatabase, DeskStateRecord } from '../database';
import { StorageFullError } from '../errors';
import { createAttempt, deleteAttempt } from './attempts';
import { getDeskState, putDeskState } from './desk-states';
import { createProfile, deleteProfile } from './profiles';

let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

const state = (attemptId: number, seen: Record<string, number>, view = 'embassy-x'): DeskStateRecord => ({ attemptId, view, seen, updatedAt: 1 });

async function attempt(profileId: number): Promise<number> {
  const versions = { machineVersion: 3, packFormat: 1, packId: 'core', packVersion: '1.0.0', scenarioId: 's', playLanguage: 'en', seed: 1 };
  const created = await createAttempt(db, {
    profileId,
    packId: 'core',
    packVersion: '1.0.0',
    scenarioId: 's',
    playLanguage: 'en',
    versions,
    snapshot: {},
  } as unknown as Parameters<typeof createAttempt>[1]);
  return created.id;
}

describe('desk states', () => {
  it('writes, replaces and reads what was seen and where', async () => {
    expect(await getDeskState(db, 1)).toBeNull();
    await putDeskState(db, state(1, { 'embassy-x': 3 }));
    await putDeskState(db, state(1, { 'embassy-x': 5, inbox: 2 }, 'inbox'));
    expect(await getDeskState(db, 1)).toEqual(state(1, { 'embassy-x': 5, inbox: 2 }, 'inbox'));
  });

  it('counts a row that does not read as a desk state as none', async () => {
    const broken: unknown[] = [
      { attemptId: 2, view: 'inbox', seen: { inbox: -1 }, updatedAt: 1 },
      { attemptId: 2, view: 'inbox', seen: { inbox: 1.5 }, updatedAt: 1 },
      { attemptId: 2, view: 'inbox', seen: [3], updatedAt: 1 },
      { attemptId: 2, view: 7, seen: {}, updatedAt: 1 },
      { attemptId: 2, view: 'inbox', seen: Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`a${index}`, 1])), updatedAt: 1 },
    ];
    for (const row of broken) {
      await db.deskStates.put(row as DeskStateRecord);
      expect(await getDeskState(db, 2)).toBeNull();
    }
  });

  it('goes with its attempt, and with its profile', async () => {
    const profile = await createProfile(db, { name: 'Lena', academyId: '' });
    const first = await attempt(profile.id);
    const second = await attempt(profile.id);
    await putDeskState(db, state(first, { inbox: 1 }));
    await putDeskState(db, state(second, { inbox: 2 }));
    await deleteAttempt(db, first);
    expect(await getDeskState(db, first)).toBeNull();
    expect(await getDeskState(db, second)).not.toBeNull();
    await deleteProfile(db, profile.id);
    expect(await getDeskState(db, second)).toBeNull();
  });

  it('reports a full disk as StorageFullError', async () => {
    vi.spyOn(db.deskStates, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(putDeskState(db, state(1, {}))).rejects.toBeInstanceOf(StorageFullError);
  });
});
