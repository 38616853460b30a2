// Runtime: renderer. Attempts at scenarios, their snapshots, event logs and the composer's unsent
// drafts: the only code that writes the attempts, attemptSnapshots, attemptEvents and composerDrafts tables.
import { Dexie } from 'dexie';
import type { AttemptVersions } from '../../core/engine/attempt';
import type { EngineEvent } from '../../core/engine/machine';
import type { AttacheDatabase, AttemptRecord, AttemptResult, ComposerDraftRecord, ScenarioProgress } from '../database';
import { AttemptConflictError, ProfileNotFoundError, storageWrite } from '../errors';

/** What the caller decides about a new attempt, with its snapshot before any event; the repository fills in its state and times. */
export type AttemptInit = Omit<AttemptRecord, 'id' | 'status' | 'startedAt' | 'updatedAt' | 'finishedAt' | 'eventCount' | 'result'> & { snapshot: unknown };

/** One event applied to an attempt, with the machine's persisted snapshot after it. */
export interface AttemptStep {
  /** The event's position in the log: must equal the attempt's eventCount. */
  seq: number;
  event: EngineEvent;
  snapshot: unknown;
  /** The event ended the scenario: the attempt is finished and its log closed. */
  finished: boolean;
  result: AttemptResult | null;
  /**
   * The versions the snapshot was made under, when the caller knows them: an attempt rebuilt from
   * its log under a new pack or machine is saved with the new ones, so the next load uses its snapshot.
   */
  versions?: AttemptVersions;
}

/** How many attempts a profile has on this device, finished or not. */
export function countAttempts(db: AttacheDatabase, profileId: number): Promise<number> {
  return db.attempts.where('profileId').equals(profileId).count();
}

/**
 * Deletes a profile's attempts with their snapshots, event logs and unsent drafts, inside the caller's
 * read-write transaction over attempts, attemptSnapshots, attemptEvents and composerDrafts. Returns
 * how many went.
 */
export async function deleteAttemptsOf(db: AttacheDatabase, profileId: number): Promise<number> {
  const ids = await db.attempts.where('profileId').equals(profileId).primaryKeys();
  await db.attemptEvents.where('attemptId').anyOf(ids).delete();
  await db.attemptSnapshots.bulkDelete(ids);
  await db.composerDrafts.bulkDelete(ids);
  await db.attempts.bulkDelete(ids);
  return ids.length;
}

/** Starts an attempt with an empty log and its first snapshot. Throws ProfileNotFoundError for an unknown profile. */
export function createAttempt(db: AttacheDatabase, init: AttemptInit, now: () => number = Date.now): Promise<AttemptRecord> {
  const { snapshot, ...attempt } = init;
  return storageWrite(() =>
    db.transaction('rw', db.profiles, db.attempts, db.attemptSnapshots, async () => {
      if ((await db.profiles.get(attempt.profileId)) === undefined) throw new ProfileNotFoundError(attempt.profileId);
      const timestamp = now();
      const fields: Omit<AttemptRecord, 'id'> = {
        ...attempt,
        status: 'active',
        startedAt: timestamp,
        updatedAt: timestamp,
        finishedAt: null,
        eventCount: 0,
        result: null,
      };
      const id = await db.attempts.add(fields);
      await db.attemptSnapshots.add({ attemptId: id, snapshot });
      return { id, ...fields };
    }),
  );
}

/**
 * Appends one event to an attempt's log and stores the snapshot after it, as one transaction: either
 * both are saved or neither is. The log must hold exactly `step.seq` events, so two windows playing
 * the same attempt cannot interleave their events; otherwise AttemptConflictError, with nothing
 * written. A finishing step also closes the attempt and drops its composer draft.
 */
export function recordEvent(db: AttacheDatabase, attemptId: number, step: AttemptStep, now: () => number = Date.now): Promise<void> {
  return storageWrite(() =>
    db.transaction('rw', [db.attempts, db.attemptSnapshots, db.attemptEvents, db.composerDrafts], async () => {
      const attempt = await db.attempts.get(attemptId);
      if (!attempt) throw new AttemptConflictError(attemptId, { kind: 'missing' });
      if (attempt.status === 'finished') throw new AttemptConflictError(attemptId, { kind: 'finished' });
      if (attempt.eventCount !== step.seq) {
        throw new AttemptConflictError(attemptId, { kind: 'out-of-sequence', expectedSeq: step.seq, actualSeq: attempt.eventCount });
      }
      const timestamp = now();
      // add, not put: a row already at this position means the log was written elsewhere.
      await db.attemptEvents.add({ attemptId, seq: step.seq, event: step.event, recordedAt: timestamp });
      await db.attemptSnapshots.put({ attemptId, snapshot: step.snapshot });
      const updated: AttemptRecord = {
        ...attempt,
        eventCount: step.seq + 1,
        updatedAt: timestamp,
        ...(step.versions ? { versions: step.versions, packVersion: step.versions.packVersion } : {}),
        ...(step.finished ? { status: 'finished', finishedAt: timestamp, result: step.result } : {}),
      };
      await db.attempts.put(updated);
      if (step.finished) await db.composerDrafts.delete(attemptId);
    }),
  );
}

export async function readAttempt(db: AttacheDatabase, attemptId: number): Promise<AttemptRecord | null> {
  return (await db.attempts.get(attemptId)) ?? null;
}

/** The snapshot saved after the attempt's last event, or undefined when there is none. */
export async function readAttemptSnapshot(db: AttacheDatabase, attemptId: number): Promise<unknown> {
  return (await db.attemptSnapshots.get(attemptId))?.snapshot;
}

/** An attempt with the snapshot saved after its last event, read together so that they agree. */
export function readSavedAttempt(db: AttacheDatabase, attemptId: number): Promise<{ attempt: AttemptRecord; snapshot: unknown } | null> {
  return db.transaction('r', db.attempts, db.attemptSnapshots, async () => {
    const attempt = await readAttempt(db, attemptId);
    return attempt ? { attempt, snapshot: await readAttemptSnapshot(db, attemptId) } : null;
  });
}

/**
 * Every event row of the attempt's log, in the order of their positions. What comes back is as it
 * was stored, not necessarily an event: check it with validateEventLog before it reaches the machine.
 */
export async function readAttemptEvents(db: AttacheDatabase, attemptId: number): Promise<unknown[]> {
  const rows = await db.attemptEvents.where('[attemptId+seq]').between([attemptId, Dexie.minKey], [attemptId, Dexie.maxKey]).toArray();
  return rows.map((row) => row.event);
}

/**
 * The first `count` positions of the attempt's log, for validateEventLog: a position without a row
 * comes back as undefined, so a gap is seen where it is, and rows past `count` (written by another
 * window since the attempt was read, or left by damage) are not read at all.
 */
export async function readAttemptLog(db: AttacheDatabase, attemptId: number, count: number): Promise<unknown[]> {
  const length = Number.isSafeInteger(count) && count > 0 ? count : 0;
  const log: unknown[] = Array.from({ length }, () => undefined);
  if (length === 0) return log;
  const rows = await db.attemptEvents.where('[attemptId+seq]').between([attemptId, 0], [attemptId, length], true, false).toArray();
  for (const row of rows) if (Number.isInteger(row.seq)) log[row.seq] = row.event;
  return log;
}

/**
 * Deletes one attempt with its snapshot, event log and unsent draft, whatever state its log is in.
 * Returns whether there was such an attempt.
 */
export function deleteAttempt(db: AttacheDatabase, attemptId: number): Promise<boolean> {
  return storageWrite(() =>
    db.transaction('rw', [db.attempts, db.attemptSnapshots, db.attemptEvents, db.composerDrafts], async () => {
      const existed = (await db.attempts.get(attemptId)) !== undefined;
      await db.attemptEvents.where('[attemptId+seq]').between([attemptId, Dexie.minKey], [attemptId, Dexie.maxKey]).delete();
      await db.attemptSnapshots.delete(attemptId);
      await db.composerDrafts.delete(attemptId);
      await db.attempts.delete(attemptId);
      return existed;
    }),
  );
}

function newestFirst(a: AttemptRecord, b: AttemptRecord): number {
  return b.startedAt - a.startedAt || b.id - a.id;
}

/** A profile's attempts, the most recently started first. */
export async function listAttempts(db: AttacheDatabase, profileId: number): Promise<AttemptRecord[]> {
  const attempts = await db.attempts.where('profileId').equals(profileId).toArray();
  return attempts.sort(newestFirst);
}

/** The key readScenarioProgress uses for a scenario. */
export function scenarioProgressKey(packId: string, scenarioId: string): string {
  return `${packId}/${scenarioId}`;
}

/**
 * A profile's standing in every scenario it has attempted, keyed by scenarioProgressKey. Passed once
 * stays passed; otherwise an attempt under way makes it in progress; otherwise it was failed.
 */
export async function readScenarioProgress(db: AttacheDatabase, profileId: number): Promise<Map<string, ScenarioProgress>> {
  const byScenario = new Map<string, AttemptRecord[]>();
  for (const attempt of await db.attempts.where('profileId').equals(profileId).toArray()) {
    const key = scenarioProgressKey(attempt.packId, attempt.scenarioId);
    byScenario.set(key, [...(byScenario.get(key) ?? []), attempt]);
  }
  return new Map(Array.from(byScenario, ([key, attempts]) => [key, progressOf(attempts)]));
}

function progressOf(attempts: readonly AttemptRecord[]): ScenarioProgress {
  const results = attempts.flatMap((attempt) => (attempt.status === 'finished' && attempt.result ? [attempt.result] : []));
  // Two attempts under way (another window started one): resume the one touched last.
  const active = attempts.filter((attempt) => attempt.status === 'active').sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id)[0];
  return {
    status: results.some((result) => result.passed) ? 'passed' : active ? 'in-progress' : 'failed',
    bestScore: results.length > 0 ? Math.max(...results.map((result) => result.average)) : null,
    attempts: attempts.length,
    activeAttemptId: active?.id ?? null,
  };
}

/**
 * Keeps what is being typed in an attempt's composer. A draft for an attempt that has finished, or
 * no longer exists, is dropped: a late save must not outlive the attempt.
 */
export function saveComposerDraft(db: AttacheDatabase, record: ComposerDraftRecord): Promise<void> {
  return storageWrite(() =>
    db.transaction('rw', db.attempts, db.composerDrafts, async () => {
      const attempt = await db.attempts.get(record.attemptId);
      if (attempt?.status !== 'active') return;
      await db.composerDrafts.put(record);
    }),
  );
}

export async function readComposerDraft(db: AttacheDatabase, attemptId: number): Promise<ComposerDraftRecord | null> {
  return (await db.composerDrafts.get(attemptId)) ?? null;
}

export function clearComposerDraft(db: AttacheDatabase, attemptId: number): Promise<void> {
  return storageWrite(() => db.transaction('rw', db.composerDrafts, () => db.composerDrafts.delete(attemptId)));
}
