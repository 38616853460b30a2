// Runtime: Node (Vitest, fake-indexeddb). Attempts and their event logs are saved one whole step at a
// time, refuse writes from a window that is behind, and add up to each scenario's progress.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentVersions } from '../../core/engine/attempt';
import type { EngineEvent } from '../../core/engine/machine';
import { createTestDatabase } from '../../test/database';
import type { AttacheDatabase, AttemptRecord, AttemptResult, ComposerDraftRecord } from '../database';
import { AttemptConflictError, ProfileNotFoundError, StorageFullError } from '../errors';
import {
  clearComposerDraft,
  createAttempt,
  deleteAttempt,
  listAttempts,
  readAttempt,
  readAttemptEvents,
  readAttemptLog,
  readAttemptSnapshot,
  readComposerDraft,
  readSavedAttempt,
  readScenarioProgress,
  recordEvent,
  saveComposerDraft,
  countAttempts,
  listOutcomes,
  readFrozenOutcome,
  type AttemptInit,
  type FreezeTimes,
  type Freezing,
} from './attempts';
import { scenarioKey } from '../../core/records/progress';
import type { OutcomeDetail, PlayedScenario } from '../../core/records/outcome';
import { createProfile, deleteProfile, listProfiles, readActiveProfile } from './profiles';

let db: AttacheDatabase;
let profileId: number;

beforeEach(async () => {
  db = createTestDatabase();
  profileId = (await createProfile(db, { name: 'Anna Petrova', academyId: '' }, () => 1)).id;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

function init(overrides: Partial<AttemptInit> = {}): AttemptInit {
  const packId = overrides.packId ?? 'core';
  const scenarioId = overrides.scenarioId ?? 'flights-suspended';
  return {
    profileId,
    packId,
    packVersion: '1.0.0',
    scenarioId,
    playLanguage: 'en',
    seed: 42,
    versions: currentVersions(packId, '1.0.0', scenarioId, 'en', 42),
    snapshot: { state: 'briefing' },
    ...overrides,
  };
}

const START: EngineEvent = { type: 'START' };
const NEXT: EngineEvent = { type: 'CLOCK.NEXT' };
const FINISH: EngineEvent = { type: 'FINISH' };

function result(average: number, passed: boolean): AttemptResult {
  return { passed, average, scores: { tone: average, policy: average, platform: average } };
}

/**
 * A stand-in for records/freeze.ts: the storage is under test here, not what an outcome holds (that is
 * core/records and records/freeze.test.ts), so the detail is a marker.
 */
function freezingWith(result: AttemptResult, attempt: Pick<AttemptRecord, 'packId' | 'scenarioId'>): (times: FreezeTimes) => Freezing {
  const played = { key: `${attempt.packId}@hash/${attempt.scenarioId}` } as PlayedScenario;
  return (times) => ({
    played,
    frozen: {
      summary: {
        ...times,
        packId: attempt.packId,
        packVersion: '1.0.0',
        packContentHash: 'hash',
        scenarioId: attempt.scenarioId,
        playedScenario: played.key,
        playLanguage: 'en',
        seed: 42,
        timeOnTaskMs: times.eventTimes.length,
        simulatedMinutes: 90,
        ...result,
        versions: { app: '0.1.0', grader: '1.0.0', machine: 2, packFormat: 1, outcome: 1 },
        origin: 'played',
      },
      detail: { uid: times.uid, marker: 'detail' } as unknown as OutcomeDetail,
    },
  });
}

/** An attempt whose log holds START, then FINISH (with its outcome frozen) when `finishedWith` is given. */
async function playedAttempt(overrides: Partial<AttemptInit>, startedAt: number, finishedWith?: AttemptResult): Promise<AttemptRecord> {
  const attempt = await createAttempt(db, init(overrides), () => startedAt);
  await recordEvent(db, attempt.id, { seq: 0, event: START, snapshot: { state: 'live' }, finished: false, result: null }, () => startedAt + 1);
  if (finishedWith)
    await recordEvent(
      db,
      attempt.id,
      { seq: 1, event: FINISH, snapshot: { state: 'done' }, finished: true, result: finishedWith, freeze: freezingWith(finishedWith, attempt) },
      () => startedAt + 2,
    );
  return (await readAttempt(db, attempt.id))!;
}

function draft(attemptId: number, text: string): ComposerDraftRecord {
  return { attemptId, accountId: 'embassy-x', kind: 'post', taskId: 'statement', replyTo: null, text, updatedAt: 5 };
}

describe('creating and reading attempts', () => {
  it('starts an attempt as active with an empty log, keeping its snapshot apart', async () => {
    const attempt = await createAttempt(db, init(), () => 1000);

    const { snapshot, ...fields } = init();
    expect(attempt).toEqual({
      ...fields,
      id: attempt.id,
      uid: attempt.uid,
      status: 'active',
      startedAt: 1000,
      updatedAt: 1000,
      finishedAt: null,
      eventCount: 0,
      result: null,
    });
    expect(await readAttempt(db, attempt.id)).toEqual(attempt);
    expect(await readAttemptSnapshot(db, attempt.id)).toEqual(snapshot);
    expect(await readSavedAttempt(db, attempt.id)).toEqual({ attempt, snapshot });
    expect(await readAttemptEvents(db, attempt.id)).toEqual([]);
  });

  it('reads nothing for an attempt that does not exist', async () => {
    expect(await readAttempt(db, 404)).toBeNull();
    expect(await readAttemptSnapshot(db, 404)).toBeUndefined();
    expect(await readSavedAttempt(db, 404)).toBeNull();
    expect(await readAttemptEvents(db, 404)).toEqual([]);
  });

  it('refuses an attempt for a profile that does not exist', async () => {
    await expect(createAttempt(db, init({ profileId: 99 }))).rejects.toBeInstanceOf(ProfileNotFoundError);
    expect(await db.attempts.count()).toBe(0);
  });
});

describe('recordEvent', () => {
  it('appends events in order and keeps the latest snapshot', async () => {
    const attempt = await createAttempt(db, init(), () => 1000);
    await recordEvent(db, attempt.id, { seq: 0, event: START, snapshot: { n: 1 }, finished: false, result: null }, () => 1100);
    await recordEvent(db, attempt.id, { seq: 1, event: NEXT, snapshot: { n: 2 }, finished: false, result: null }, () => 1200);

    expect(await readAttemptEvents(db, attempt.id)).toEqual([START, NEXT]);
    expect(await readAttempt(db, attempt.id)).toEqual({ ...attempt, eventCount: 2, updatedAt: 1200 });
    expect(await readAttemptSnapshot(db, attempt.id)).toEqual({ n: 2 });
    expect(await db.attemptEvents.get([attempt.id, 1])).toEqual({ attemptId: attempt.id, seq: 1, event: NEXT, recordedAt: 1200 });
  });

  it('reads back only this attempt’s log, in order, however many events it holds', async () => {
    const first = await createAttempt(db, init());
    const second = await createAttempt(db, init());
    const ticks: EngineEvent[] = Array.from({ length: 12 }, (_, index) => ({ type: 'CLOCK.TICK', minutes: index + 1 }));
    for (const [seq, event] of ticks.entries()) {
      await recordEvent(db, first.id, { seq, event, snapshot: null, finished: false, result: null });
      if (seq < 3) await recordEvent(db, second.id, { seq, event: NEXT, snapshot: null, finished: false, result: null });
    }

    expect(await readAttemptEvents(db, first.id)).toEqual(ticks);
    expect(await readAttemptEvents(db, second.id)).toEqual([NEXT, NEXT, NEXT]);
  });

  it('reads a log for validation by position: a lost row shows as a hole where it was, rows past the count are not read', async () => {
    const attempt = await createAttempt(db, init());
    for (const [seq, event] of [START, NEXT, NEXT, FINISH].entries())
      await recordEvent(db, attempt.id, { seq, event, snapshot: null, finished: false, result: null });
    await db.attemptEvents.delete([attempt.id, 1]);
    // A row left by damage past the end the attempt counts.
    await db.attemptEvents.add({ attemptId: attempt.id, seq: 9, event: { type: 'REWIND' } as unknown as EngineEvent, recordedAt: 0 });

    expect(await readAttemptLog(db, attempt.id, 4)).toEqual([START, undefined, NEXT, FINISH]);
    expect(await readAttemptLog(db, attempt.id, 2)).toEqual([START, undefined]);
    expect(await readAttemptLog(db, attempt.id, 6)).toEqual([START, undefined, NEXT, FINISH, undefined, undefined]);
    for (const count of [0, -1, Number.NaN, 2.5]) expect(await readAttemptLog(db, attempt.id, count)).toEqual([]);
  });

  it('finishes the attempt with its result and drops its composer draft', async () => {
    const attempt = await createAttempt(db, init(), () => 1000);
    await recordEvent(db, attempt.id, { seq: 0, event: START, snapshot: null, finished: false, result: null }, () => 1100);
    await saveComposerDraft(db, draft(attempt.id, 'Half a statement'));

    await recordEvent(db, attempt.id, { seq: 1, event: FINISH, snapshot: { done: true }, finished: true, result: result(81, true) }, () => 1200);

    expect(await readAttempt(db, attempt.id)).toMatchObject({ status: 'finished', finishedAt: 1200, updatedAt: 1200, eventCount: 2, result: result(81, true) });
    expect(await readAttemptSnapshot(db, attempt.id)).toEqual({ done: true });
    expect(await readComposerDraft(db, attempt.id)).toBeNull();
  });

  it.each([
    ['behind the log', 0, { kind: 'out-of-sequence', expectedSeq: 0, actualSeq: 1 }],
    ['ahead of the log', 2, { kind: 'out-of-sequence', expectedSeq: 2, actualSeq: 1 }],
  ])('refuses an event %s as changed elsewhere, writing nothing', async (_label, seq, conflict) => {
    const attempt = await createAttempt(db, init());
    await recordEvent(db, attempt.id, { seq: 0, event: START, snapshot: 'after start', finished: false, result: null });
    const before = await readAttempt(db, attempt.id);

    const failure = recordEvent(db, attempt.id, { seq, event: NEXT, snapshot: 'stale', finished: false, result: null });

    await expect(failure).rejects.toBeInstanceOf(AttemptConflictError);
    await expect(failure).rejects.toMatchObject({ attemptId: attempt.id, conflict, message: expect.stringContaining('another window') });
    expect(await readAttempt(db, attempt.id)).toEqual(before);
    expect(await readAttemptSnapshot(db, attempt.id)).toBe('after start');
    expect(await readAttemptEvents(db, attempt.id)).toEqual([START]);
  });

  it('refuses events for a finished or missing attempt', async () => {
    const finished = await playedAttempt({}, 1000, result(70, true));
    await expect(recordEvent(db, finished.id, { seq: 2, event: NEXT, snapshot: null, finished: false, result: null })).rejects.toMatchObject({
      name: 'AttemptConflictError',
      conflict: { kind: 'finished' },
    });
    await expect(recordEvent(db, 404, { seq: 0, event: START, snapshot: null, finished: false, result: null })).rejects.toMatchObject({
      name: 'AttemptConflictError',
      conflict: { kind: 'missing' },
    });
    expect(await readAttempt(db, finished.id)).toEqual(finished);
    expect(await db.attemptEvents.count()).toBe(2);
  });

  it('saves nothing when a write fails after the event row was added', async () => {
    const attempt = await createAttempt(db, init(), () => 1000);
    await recordEvent(db, attempt.id, { seq: 0, event: START, snapshot: 'after start', finished: false, result: null }, () => 1100);
    const before = await readAttempt(db, attempt.id);
    const add = vi.spyOn(db.attemptEvents, 'add');
    vi.spyOn(db.attempts, 'put').mockRejectedValue(new Error('disk unplugged'));

    await expect(recordEvent(db, attempt.id, { seq: 1, event: FINISH, snapshot: 'done', finished: true, result: result(90, true) })).rejects.toThrow(
      'disk unplugged',
    );

    // The event row was written inside the transaction, then rolled back with it.
    expect(add).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
    expect(await readAttemptEvents(db, attempt.id)).toEqual([START]);
    expect(await readAttempt(db, attempt.id)).toEqual(before);
    expect(await readAttemptSnapshot(db, attempt.id)).toBe('after start');
    // The same step can be saved once the disk is back.
    await recordEvent(db, attempt.id, { seq: 1, event: FINISH, snapshot: 'done', finished: true, result: result(90, true) });
    expect(await readAttemptEvents(db, attempt.id)).toEqual([START, FINISH]);
  });

  it('reports a full disk as StorageFullError and keeps the log saved so far', async () => {
    const attempt = await createAttempt(db, init(), () => 1000);
    await recordEvent(db, attempt.id, { seq: 0, event: START, snapshot: 'after start', finished: false, result: null }, () => 1100);
    const before = await readAttempt(db, attempt.id);
    vi.spyOn(db.attempts, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));

    await expect(recordEvent(db, attempt.id, { seq: 1, event: NEXT, snapshot: 'later', finished: false, result: null })).rejects.toBeInstanceOf(
      StorageFullError,
    );

    vi.restoreAllMocks();
    expect(await readAttemptEvents(db, attempt.id)).toEqual([START]);
    expect(await readAttempt(db, attempt.id)).toEqual(before);
    expect(await readAttemptSnapshot(db, attempt.id)).toBe('after start');
  });

  it('reports a full disk while starting an attempt as StorageFullError, keeping the attempts already saved', async () => {
    const earlier = await playedAttempt({}, 1000);
    vi.spyOn(db.attempts, 'add').mockRejectedValue(new Dexie.QuotaExceededError('Quota exceeded'));

    await expect(createAttempt(db, init({ scenarioId: 'visa-free-launch' }))).rejects.toBeInstanceOf(StorageFullError);

    vi.restoreAllMocks();
    expect(await listAttempts(db, profileId)).toEqual([earlier]);
  });
});

describe('listAttempts', () => {
  it('lists only the profile’s attempts, the most recently started first', async () => {
    const other = (await createProfile(db, { name: 'Ivan Sokolov', academyId: '' })).id;
    const first = await playedAttempt({}, 1000, result(60, false));
    const third = await playedAttempt({ scenarioId: 'visa-free-launch' }, 3000);
    const second = await playedAttempt({}, 2000, result(80, true));
    await playedAttempt({ profileId: other }, 4000);

    expect((await listAttempts(db, profileId)).map((attempt) => attempt.id)).toEqual([third.id, second.id, first.id]);
    expect(await listAttempts(db, 404)).toEqual([]);
  });

  it('lists attempts without their snapshots', async () => {
    await playedAttempt({}, 1000, result(60, false));
    const [listed] = await listAttempts(db, profileId);
    expect(listed).not.toHaveProperty('snapshot');
    expect(await readAttemptSnapshot(db, listed!.id)).toEqual({ state: 'done' });
  });
});

describe('readScenarioProgress', () => {
  it('is empty for a profile that has attempted nothing', async () => {
    expect(await readScenarioProgress(db, profileId)).toEqual(new Map());
  });

  it('passed once stays passed, with the best score and the attempt under way', async () => {
    await playedAttempt({}, 1000, result(82, true));
    await playedAttempt({}, 2000, result(64, false));
    const active = await playedAttempt({}, 3000);

    expect((await readScenarioProgress(db, profileId)).get(scenarioKey('core', 'flights-suspended'))).toEqual({
      status: 'passed',
      bestScore: 82,
      attempts: 3,
      finishedAttempts: 2,
      completedAt: 1002,
      lastActivityAt: 3001,
      timeOnTaskMs: 4,
      activeAttemptId: active.id,
    });
  });

  it('is in progress while an attempt is under way and none has passed', async () => {
    await playedAttempt({}, 1000, result(40, false));
    const active = await playedAttempt({}, 2000);

    expect((await readScenarioProgress(db, profileId)).get('core/flights-suspended')).toMatchObject({
      status: 'in-progress',
      bestScore: 40,
      attempts: 2,
      completedAt: null,
      activeAttemptId: active.id,
    });
  });

  it('is in progress with no score for a first attempt under way', async () => {
    const active = await playedAttempt({}, 1000);
    expect((await readScenarioProgress(db, profileId)).get('core/flights-suspended')).toMatchObject({
      status: 'in-progress',
      bestScore: null,
      attempts: 1,
      finishedAttempts: 0,
      activeAttemptId: active.id,
    });
  });

  it('is failed when every attempt finished without passing', async () => {
    await playedAttempt({}, 1000, result(40, false));
    await playedAttempt({}, 2000, result(55.5, false));

    expect((await readScenarioProgress(db, profileId)).get('core/flights-suspended')).toMatchObject({
      status: 'failed',
      bestScore: 55.5,
      attempts: 2,
      completedAt: null,
      activeAttemptId: null,
    });
  });

  it('resumes the attempt touched last when two are under way', async () => {
    const older = await playedAttempt({}, 1000);
    await playedAttempt({}, 2000);
    await recordEvent(db, older.id, { seq: 1, event: NEXT, snapshot: null, finished: false, result: null }, () => 5000);

    expect((await readScenarioProgress(db, profileId)).get('core/flights-suspended')?.activeAttemptId).toBe(older.id);
  });

  it('keeps scenarios, packs and profiles apart', async () => {
    const other = (await createProfile(db, { name: 'Ivan Sokolov', academyId: '' })).id;
    await playedAttempt({}, 1000, result(90, true));
    await playedAttempt({ scenarioId: 'visa-free-launch' }, 2000, result(30, false));
    await playedAttempt({ packId: 'extra' }, 3000, result(20, false));
    await playedAttempt({ profileId: other }, 4000, result(10, false));

    const progress = await readScenarioProgress(db, profileId);
    expect([...progress.keys()].sort()).toEqual(['core/flights-suspended', 'core/visa-free-launch', 'extra/flights-suspended']);
    expect(progress.get('core/flights-suspended')?.status).toBe('passed');
    expect(progress.get('core/visa-free-launch')?.status).toBe('failed');
    expect(progress.get('extra/flights-suspended')?.bestScore).toBe(20);
    expect((await readScenarioProgress(db, other)).get('core/flights-suspended')).toMatchObject({
      status: 'failed',
      bestScore: 10,
      attempts: 1,
      activeAttemptId: null,
    });
  });
});

describe('frozen outcomes', () => {
  it('are stored in the transaction that records the finishing event, with the times the log was recorded at', async () => {
    const attempt = await playedAttempt({}, 1000, result(82, true));
    const profile = (await readActiveProfile(db))!;
    const read = await readFrozenOutcome(db, attempt.uid);
    expect(read?.frozen.summary).toMatchObject({ uid: attempt.uid, traineeUid: profile.uid, startedAt: 1000, finishedAt: 1002, passed: true, average: 82 });
    // The stand-in counts the recorded times it was given: START and FINISH.
    expect(read?.frozen.summary.timeOnTaskMs).toBe(2);
    expect(read?.frozen.detail).toEqual({ uid: attempt.uid, marker: 'detail' });
    expect(await listOutcomes(db, profile.uid)).toHaveLength(1);
  });

  it('are not stored when the finishing write fails, and a record is never replaced', async () => {
    const attempt = await playedAttempt({}, 1000);
    const freeze = freezingWith(result(50, false), attempt);
    await expect(
      recordEvent(db, attempt.id, { seq: 5, event: FINISH, snapshot: null, finished: true, result: result(50, false), freeze }),
    ).rejects.toBeInstanceOf(AttemptConflictError);
    expect(await db.outcomes.count()).toBe(0);
  });

  it('go with their profile, and an unfinished attempt has none', async () => {
    const finished = await playedAttempt({}, 1000, result(82, true));
    const active = await playedAttempt({}, 2000);
    expect(await readFrozenOutcome(db, active.uid)).toBeNull();
    await deleteProfile(db, profileId);
    expect(await readFrozenOutcome(db, finished.uid)).toBeNull();
    expect(await db.outcomeDetails.count()).toBe(0);
  });
});

describe('composer drafts', () => {
  it('saves, replaces, reads and clears the draft of an attempt', async () => {
    const attempt = await playedAttempt({}, 1000);
    const other = await playedAttempt({}, 2000);
    expect(await readComposerDraft(db, attempt.id)).toBeNull();

    await saveComposerDraft(db, draft(attempt.id, 'We are'));
    await saveComposerDraft(db, draft(attempt.id, 'We are aware of reports'));
    await saveComposerDraft(db, draft(other.id, 'Другой черновик'));

    expect(await readComposerDraft(db, attempt.id)).toEqual(draft(attempt.id, 'We are aware of reports'));
    await clearComposerDraft(db, attempt.id);
    expect(await readComposerDraft(db, attempt.id)).toBeNull();
    expect(await readComposerDraft(db, other.id)).toEqual(draft(other.id, 'Другой черновик'));
  });

  it('drops a late draft for an attempt that has finished or does not exist', async () => {
    const finished = await playedAttempt({}, 1000, result(70, true));
    await saveComposerDraft(db, draft(finished.id, 'Too late'));
    await saveComposerDraft(db, draft(404, 'Nowhere'));
    expect(await db.composerDrafts.count()).toBe(0);
  });

  it('reports a full disk as StorageFullError and keeps the draft saved before', async () => {
    const attempt = await playedAttempt({}, 1000);
    await saveComposerDraft(db, draft(attempt.id, 'Saved words'));
    vi.spyOn(db.composerDrafts, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));

    await expect(saveComposerDraft(db, draft(attempt.id, 'Saved words and more'))).rejects.toBeInstanceOf(StorageFullError);

    vi.restoreAllMocks();
    expect(await readComposerDraft(db, attempt.id)).toEqual(draft(attempt.id, 'Saved words'));
  });
});

describe('deleting an attempt', () => {
  it('takes its snapshot, log and draft with it, and nothing of another attempt', async () => {
    const gone = await playedAttempt({}, 1000);
    await saveComposerDraft(db, draft(gone.id, 'half a sentence'));
    await db.attemptEvents.put({ attemptId: gone.id, seq: 1, event: { type: 'PUBLISH' } as unknown as EngineEvent, recordedAt: 0 });
    const kept = await playedAttempt({}, 2000, result(70, true));

    expect(await deleteAttempt(db, gone.id)).toBe(true);

    expect(await readAttempt(db, gone.id)).toBeNull();
    expect(await readAttemptSnapshot(db, gone.id)).toBeUndefined();
    expect(await readAttemptEvents(db, gone.id)).toEqual([]);
    expect(await readComposerDraft(db, gone.id)).toBeNull();
    expect(await readAttemptEvents(db, kept.id)).toEqual([START, FINISH]);
    expect((await listAttempts(db, profileId)).map((attempt) => attempt.id)).toEqual([kept.id]);
    expect(await deleteAttempt(db, gone.id)).toBe(false);
  });

  it('reports a full disk as StorageFullError and deletes nothing', async () => {
    const attempt = await playedAttempt({}, 1000);
    vi.spyOn(db.attempts, 'delete').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(deleteAttempt(db, attempt.id)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await readAttempt(db, attempt.id)).not.toBeNull();
    expect(await readAttemptEvents(db, attempt.id)).toEqual([START]);
  });
});

describe('deleting a profile', () => {
  it("takes the profile's attempts, their logs and drafts with it, and no one else's", async () => {
    const own = await playedAttempt({}, 1000, result(80, true));
    const unfinished = await playedAttempt({ scenarioId: 'visa-free-launch' }, 2000);
    await saveComposerDraft(db, draft(unfinished.id, 'half a sentence'));
    const other = await createProfile(db, { name: 'Ivan Sidorov', academyId: '' }, () => 3000);
    const theirs = await playedAttempt({ profileId: other.id }, 4000);
    await saveComposerDraft(db, draft(theirs.id, 'their draft'));
    expect(await countAttempts(db, profileId)).toBe(2);

    expect(await deleteProfile(db, profileId)).toEqual({ attempts: 2 });

    expect((await listProfiles(db)).map((profile) => profile.id)).toEqual([other.id]);
    expect(await readAttempt(db, own.id)).toBeNull();
    expect(await readAttempt(db, unfinished.id)).toBeNull();
    expect(await readAttemptEvents(db, own.id)).toEqual([]);
    expect(await readAttemptSnapshot(db, own.id)).toBeUndefined();
    expect(await readAttemptSnapshot(db, unfinished.id)).toBeUndefined();
    expect(await readComposerDraft(db, unfinished.id)).toBeNull();
    expect(await countAttempts(db, profileId)).toBe(0);
    expect(await readAttemptEvents(db, theirs.id)).toEqual([START]);
    expect(await readAttemptSnapshot(db, theirs.id)).toEqual({ state: 'live' });
    expect((await readComposerDraft(db, theirs.id))?.text).toBe('their draft');
  });

  it('leaves no one active when the active profile goes, and keeps another active one', async () => {
    const other = await createProfile(db, { name: 'Ivan Sidorov', academyId: '' }, () => 2000);
    expect((await readActiveProfile(db))?.id).toBe(other.id);
    await deleteProfile(db, profileId);
    expect((await readActiveProfile(db))?.id).toBe(other.id);
    await deleteProfile(db, other.id);
    expect(await readActiveProfile(db)).toBeNull();
    expect(await db.settings.get('activeProfileId')).toBeUndefined();
  });

  it('refuses an unknown profile, changing nothing', async () => {
    const attempt = await playedAttempt({}, 1000);
    await expect(deleteProfile(db, 99)).rejects.toBeInstanceOf(ProfileNotFoundError);
    expect(await readAttempt(db, attempt.id)).not.toBeNull();
  });

  it('reports a full disk as StorageFullError and deletes nothing', async () => {
    const attempt = await playedAttempt({}, 1000);
    vi.spyOn(db.profiles, 'delete').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(deleteProfile(db, profileId)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await readAttempt(db, attempt.id)).not.toBeNull();
    expect(await readAttemptSnapshot(db, attempt.id)).toEqual({ state: 'live' });
    expect(await readAttemptEvents(db, attempt.id)).toEqual([START]);
    expect((await readActiveProfile(db))?.id).toBe(profileId);
  });
});
