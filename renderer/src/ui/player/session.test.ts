// Runtime: Node (Vitest, happy-dom). An attempt saved event by event and read back: resumed exactly,
// from the snapshot or (when it no longer fits) from the log; a full disk loses nothing.
import { describe, expect, it, vi } from 'vitest';
import { replay } from '../../core/engine/attempt';
import type { EngineEvent } from '../../core/engine/machine';
import { loadPack } from '../../core/pack/load';
import { StorageFullError } from '../../db/errors';
import { createProfile } from '../../db/repositories/profiles';
import { readAttempt, readAttemptEvents } from '../../db/repositories/attempts';
import { createLibrary } from '../../library/library';
import { createTestDatabase } from '../../test/database';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { modelAnswer } from '../../test/engine';
import { AttemptSession, loadAttempt, startAttempt } from './session';
import type { LoadedAttempt } from './session';

const APP_VERSION = '0.1.0';
const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: APP_VERSION }).pack!;
const library = createLibrary([pack]);
const scenario = pack.scenarios.find((candidate) => candidate.id === 'flights-suspended')!;
const ref = { pack, scenario };

async function started(seed = 42) {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena', academyId: '' });
  const attemptId = await startAttempt(db, profile.id, ref, 'en', seed);
  const loaded = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
  return { db, attemptId, loaded };
}

const answer = (taskId: string): EngineEvent => {
  const task = scenario.tasks.find((candidate) => candidate.id === taskId)!;
  return {
    type: 'PUBLISH',
    draft: { accountId: task.account, kind: task.kind, text: modelAnswer(scenario, taskId, 'en')!, taskId, replyTo: task.replyTo ?? null },
  };
};

// The first task opens at 0:05; "Next event" stops at the injects before it.
const toFirstTask: EngineEvent = { type: 'CLOCK.TICK', minutes: 5 };

describe('an attempt session', () => {
  it('starts live, with START in the log', async () => {
    const { db, attemptId, loaded } = await started();
    expect(loaded.snapshot.value).toBe('live');
    expect(await readAttemptEvents(db, attemptId)).toEqual([{ type: 'START' }]);
    expect(loaded.restoreNote).toBeNull();
  });

  it('saves every event in order and reopens exactly where it was, audience included', async () => {
    const { db, attemptId, loaded } = await started();
    const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    session.send(toFirstTask);
    session.send(answer('mass-notification'));
    session.send({ type: 'CLOCK.TICK', minutes: 20 });
    await session.flush();
    expect(session.unsaved).toBe(0);

    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(reopened.snapshot.context).toEqual(session.snapshot.context);
    expect(reopened.snapshot.context.timeline.feed.some((item) => item.source === 'audience')).toBe(true);
    expect(reopened.attempt.eventCount).toBe(4);
    const events = await readAttemptEvents(db, attemptId);
    expect(events).toHaveLength(4);
    // The log alone gives the same state as the saved snapshot.
    expect(replay(reopened.machine, events as EngineEvent[]).context).toEqual(reopened.snapshot.context);
  });

  it('replays the log when the saved snapshot was made under another machine version, and says so', async () => {
    const { db, attemptId, loaded } = await started();
    const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    session.send({ type: 'CLOCK.NEXT' });
    await session.flush();
    const saved = (await readAttempt(db, attemptId))!;
    await db.attempts.put({ ...saved, versions: { ...saved.versions, machineVersion: 0 } });

    const readLog = vi.spyOn(db.attemptEvents, 'where');
    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(reopened.restoreNote).toMatch(/machineVersion 0/);
    expect(reopened.restoredBecause).toBe('versions');
    expect(reopened.snapshot.context).toEqual(session.snapshot.context);
    expect(readLog).toHaveBeenCalled();
    readLog.mockRestore();

    // Resumed from the log, it goes on saving where the log ends.
    const resumed = new AttemptSession(db, reopened, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    resumed.send({ type: 'CLOCK.TICK', minutes: 1 });
    await resumed.flush();
    expect(await readAttemptEvents(db, attemptId)).toEqual([{ type: 'START' }, { type: 'CLOCK.NEXT' }, { type: 'CLOCK.TICK', minutes: 1 }]);

    // Saved under this app's versions from then on: the next load uses the snapshot again.
    expect((await readAttempt(db, attemptId))!.versions.machineVersion).toBe(saved.versions.machineVersion);
    const again = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(again.restoreNote).toBeNull();
    expect(again.snapshot.context).toEqual(resumed.snapshot.context);
  });

  it('replays the log when the saved snapshot is damaged, and says so', async () => {
    const { db, attemptId, loaded } = await started();
    const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    session.send(toFirstTask);
    session.send(answer('mass-notification'));
    await session.flush();
    const { snapshot } = (await db.attemptSnapshots.get(attemptId))! as { snapshot: { context: Record<string, unknown> } };
    await db.attemptSnapshots.put({ attemptId, snapshot: { ...snapshot, context: { ...snapshot.context, timeline: null } } });

    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(reopened.restoreNote).toBe('the saved snapshot is damaged (at context.timeline)');
    expect(reopened.restoredBecause).toBe('unreadable');
    expect(reopened.damage).toBeNull();
    expect(reopened.snapshot.context).toEqual(session.snapshot.context);
  });

  it('does not read the log when the saved snapshot fits', async () => {
    const { db, attemptId, loaded } = await started();
    const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    session.send({ type: 'CLOCK.NEXT' });
    await session.flush();

    const readLog = vi.spyOn(db.attemptEvents, 'where');
    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(readLog).not.toHaveBeenCalled();
    readLog.mockRestore();
    expect(reopened.restoreNote).toBeNull();
    expect(reopened.snapshot.context).toEqual(session.snapshot.context);

    const resumed = new AttemptSession(db, reopened, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    resumed.send({ type: 'CLOCK.TICK', minutes: 1 });
    await resumed.flush();
    expect(await readAttemptEvents(db, attemptId)).toEqual([{ type: 'START' }, { type: 'CLOCK.NEXT' }, { type: 'CLOCK.TICK', minutes: 1 }]);
  });

  it('keeps events in memory when the disk is full, reports it, and saves them all once there is room', async () => {
    const { db, attemptId, loaded } = await started();
    const errors: unknown[] = [];
    const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => errors.push(error) });
    const put = vi.spyOn(db.attempts, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    session.send(toFirstTask);
    await session.flush();
    session.send(answer('mass-notification'));
    await session.flush();
    expect(errors[0]).toBeInstanceOf(StorageFullError);
    expect(session.unsaved).toBe(2);
    // What was saved before is untouched.
    expect(await readAttemptEvents(db, attemptId)).toEqual([{ type: 'START' }]);

    put.mockRestore();
    session.send({ type: 'CLOCK.TICK', minutes: 5 });
    await session.flush();
    expect(session.unsaved).toBe(0);
    expect(await readAttemptEvents(db, attemptId)).toHaveLength(4);
    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(reopened.snapshot.context).toEqual(session.snapshot.context);
  });

  it('records the result when the scenario ends', async () => {
    const { db, attemptId, loaded } = await started();
    const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    session.send({ type: 'FINISH' });
    await session.flush();
    const saved = (await readAttempt(db, attemptId))!;
    expect(saved.status).toBe('finished');
    expect(saved.result).toMatchObject({ passed: false });
    // A finished attempt takes no more events.
    expect(session.send({ type: 'CLOCK.NEXT' })).toBe(session.snapshot);
  });

  it('gives another audience for another seed, and the same for the same seed', async () => {
    const play = async (seed: number) => {
      const { db, loaded } = await started(seed);
      const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: () => undefined });
      session.send(toFirstTask);
      session.send(answer('mass-notification'));
      session.send({ type: 'CLOCK.TICK', minutes: 60 });
      return session.snapshot.context.timeline.reactions;
    };
    expect(await play(7)).toEqual(await play(7));
    expect(await play(7)).not.toEqual(await play(8));
  });

  /** An attempt of START, a tick to the first task, a publication, a tick, whose saved snapshot no longer fits, so its log is read. */
  async function replayedWith(damage: (attemptId: number, db: ReturnType<typeof createTestDatabase>) => Promise<unknown>) {
    const { db, attemptId, loaded } = await started();
    const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    session.send(toFirstTask);
    const beforePublishing = session.snapshot;
    session.send(answer('mass-notification'));
    session.send({ type: 'CLOCK.TICK', minutes: 5 });
    await session.flush();
    const saved = (await readAttempt(db, attemptId))!;
    await db.attempts.put({ ...saved, versions: { ...saved.versions, packVersion: '0.9.0' } });
    await damage(attemptId, db);
    return { db, attemptId, beforePublishing, record: (await readAttempt(db, attemptId))! };
  }

  it('opens an attempt whose log lost a publication’s text read-only, as it stood before, and writes nothing', async () => {
    const { db, attemptId, beforePublishing, record } = await replayedWith(async (id, store) => {
      const row = (await store.attemptEvents.get([id, 2]))!;
      const event = row.event as Extract<EngineEvent, { type: 'PUBLISH' }>;
      await store.attemptEvents.put({ ...row, event: { ...event, draft: { ...event.draft, text: undefined as unknown as string } } });
    });
    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(reopened.damage).toEqual({ position: 3, total: 4, eventType: 'PUBLISH', at: 5, reason: { key: 'eventLog.noText' } });
    expect(reopened.snapshot.context).toEqual(beforePublishing.context);
    expect(reopened.restoreNote).toBeNull();

    const session = new AttemptSession(db, reopened, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
    expect(session.readOnly).toBe(true);
    expect(session.send({ type: 'CLOCK.TICK', minutes: 1 })).toBe(reopened.snapshot);
    expect(session.send({ type: 'FINISH' })).toBe(reopened.snapshot);
    await session.flush();
    expect(session.unsaved).toBe(0);
    expect(await readAttempt(db, attemptId)).toEqual(record);
    expect(await readAttemptEvents(db, attemptId)).toHaveLength(4);
  });

  it('opens an attempt whose log lost a row read-only, at the gap', async () => {
    const { db, attemptId } = await replayedWith((id, store) => store.attemptEvents.delete([id, 1]));
    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(reopened.damage).toMatchObject({ position: 2, total: 4, eventType: null, at: 0, reason: { key: 'eventLog.missing' } });
    expect(reopened.snapshot.value).toBe('live');
  });

  it('opens an attempt read-only when its snapshot is missing and its log claims more events than it holds', async () => {
    const { db, attemptId } = await replayedWith(async (id, store) => {
      await store.attemptSnapshots.delete(id);
      await store.attempts.update(id, { eventCount: 6 });
    });
    const reopened = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    expect(reopened.damage).toMatchObject({ position: 5, total: 6, reason: { key: 'eventLog.missing' } });
    expect(reopened.snapshot.context.timeline.publications).toBe(1);
  });

  it('says when the attempt does not exist or its scenario is no longer installed', async () => {
    const { db, attemptId } = await started();
    expect(await loadAttempt(db, library, 999)).toEqual({ kind: 'missing' });
    expect(await loadAttempt(db, createLibrary([]), attemptId)).toEqual({ kind: 'scenario-gone', packId: 'core-library', scenarioId: 'flights-suspended' });
  });
});
