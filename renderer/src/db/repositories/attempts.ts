// Runtime: renderer. Attempts at scenarios, their snapshots, event logs and the composer's unsent
// drafts: the only code that writes the attempts, attemptSnapshots, attemptEvents and composerDrafts tables.
import { Dexie } from 'dexie';
import type { AttemptVersions } from '../../core/engine/attempt';
import type { EngineEvent } from '../../core/engine/machine';
import type { ActiveAttempt, ScenarioProgress } from '../../core/records/progress';
import { progressByScenario } from '../../core/records/progress';
import type { FrozenOutcome, PlayedScenario } from '../../core/records/outcome';
import type { Localized } from '../../core/pack/schema';
import type { AttacheDatabase, AttemptRecord, AttemptResult, ComposerDraftRecord, OutcomeRecord } from '../database';
import { AttemptConflictError, ProfileNotFoundError, storageWrite } from '../errors';
import { deleteStatementsOf } from './outbox';

/** What the caller decides about a new attempt, with its snapshot before any event; the repository fills in its state and times. */
export type AttemptInit = Omit<AttemptRecord, 'id' | 'uid' | 'status' | 'startedAt' | 'updatedAt' | 'finishedAt' | 'eventCount' | 'result'> & {
  snapshot: unknown;
};

/** What freezing a finished attempt is given, from inside the transaction that records its last event. */
export interface FreezeTimes {
  /** The attempt's uid, and its trainee's. */
  uid: string;
  traineeUid: string;
  startedAt: number;
  finishedAt: number;
  /** When each event of the log was recorded, the finishing one included. */
  eventTimes: number[];
}

/** The frozen record of a finished attempt, with the scenario as it was played. */
export interface Freezing {
  frozen: FrozenOutcome;
  played: PlayedScenario;
}

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
  /** For a finishing step: builds the attempt's frozen outcome, stored in the same transaction. */
  freeze?: (times: FreezeTimes) => Freezing;
}

/** How many attempts a profile has on this device, finished or not. */
export function countAttempts(db: AttacheDatabase, profileId: number): Promise<number> {
  return db.attempts.where('profileId').equals(profileId).count();
}

/**
 * The tables that hold an attempt: a transaction that deletes attempts takes them all, so a table
 * added for attempts is named once, here, and goes with its attempt everywhere.
 */
export function attemptTables(db: AttacheDatabase) {
  return [db.attempts, db.attemptSnapshots, db.attemptEvents, db.composerDrafts, db.deskStates];
}

/**
 * Deletes a profile's attempts with their snapshots, event logs, unsent drafts and desk states, inside the
 * caller's read-write transaction over `attemptTables`. Returns how many went.
 */
export async function deleteAttemptsOf(db: AttacheDatabase, profileId: number): Promise<number> {
  // The outcomes of these attempts go with the profile (deleteOutcomesOf), played scenarios stay:
  // other outcomes may name them, and they hold nothing about a trainee.
  const ids = await db.attempts.where('profileId').equals(profileId).primaryKeys();
  await db.attemptEvents.where('attemptId').anyOf(ids).delete();
  await db.attemptSnapshots.bulkDelete(ids);
  await db.composerDrafts.bulkDelete(ids);
  await db.deskStates.bulkDelete(ids);
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
        uid: crypto.randomUUID(),
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
    db.transaction(
      'rw',
      [db.attempts, db.attemptSnapshots, db.attemptEvents, db.composerDrafts, db.profiles, db.outcomes, db.outcomeDetails, db.playedScenarios],
      async () => {
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
        if (step.finished) {
          await db.composerDrafts.delete(attemptId);
          if (step.freeze) await storeFreezing(db, attempt, timestamp, step.freeze);
        }
      },
    ),
  );
}

/** Freezes a finished attempt inside the caller's transaction over attempts' events, profiles and the outcome tables. */
async function storeFreezing(db: AttacheDatabase, attempt: AttemptRecord, finishedAt: number, freeze: (times: FreezeTimes) => Freezing): Promise<void> {
  const profile = await db.profiles.get(attempt.profileId);
  if (!profile) throw new ProfileNotFoundError(attempt.profileId);
  const events = await db.attemptEvents.where('[attemptId+seq]').between([attempt.id, Dexie.minKey], [attempt.id, Dexie.maxKey]).toArray();
  const { frozen, played } = freeze({
    uid: attempt.uid,
    traineeUid: profile.uid,
    startedAt: attempt.startedAt,
    finishedAt,
    eventTimes: events.map((event) => event.recordedAt),
  });
  await storeFrozenOutcome(db, frozen, played);
}

/**
 * Stores a frozen outcome with the scenario it was played against, inside the caller's transaction over
 * outcomes, outcomeDetails and playedScenarios. An outcome is a record: one already stored under the
 * uid is never replaced.
 */
export async function storeFrozenOutcome(db: AttacheDatabase, frozen: FrozenOutcome, played: PlayedScenario): Promise<boolean> {
  if (frozen.summary.playedScenario !== played.key)
    throw new Error(`the outcome names the played scenario ${frozen.summary.playedScenario}, not ${played.key}`);
  if ((await db.outcomes.get(frozen.summary.uid)) !== undefined) return false;
  if ((await db.playedScenarios.get(played.key)) === undefined) await db.playedScenarios.add(played);
  await db.outcomes.add(frozen.summary);
  await db.outcomeDetails.add(frozen.detail);
  return true;
}

/**
 * Deletes a trainee's frozen outcomes and the xAPI statements built from them (sent or not: a trainee
 * erased here is erased from this device; the LRS's copies are its administrator's to delete), inside
 * the caller's transaction over outcomes, outcomeDetails and outbox. Returns how many outcomes went.
 */
export async function deleteOutcomesOf(db: AttacheDatabase, traineeUid: string): Promise<number> {
  const uids = await db.outcomes.where('traineeUid').equals(traineeUid).primaryKeys();
  await db.outcomeDetails.bulkDelete(uids);
  await db.outcomes.bulkDelete(uids);
  await deleteStatementsOf(db, traineeUid);
  return uids.length;
}

/** How many finished attempts have no frozen outcome yet (they ended before outcomes were frozen). */
export function countUnfrozenAttempts(db: AttacheDatabase): Promise<number> {
  return db.transaction('r', db.attempts, db.outcomes, async () => {
    const frozen = new Set(await db.outcomes.toCollection().primaryKeys());
    return db.attempts.filter((attempt) => attempt.status === 'finished' && !frozen.has(attempt.uid)).count();
  });
}

/** A trainee's frozen outcomes, the latest finished first. */
export async function listOutcomes(db: AttacheDatabase, traineeUid: string): Promise<OutcomeRecord[]> {
  const outcomes = await db.outcomes.where('traineeUid').equals(traineeUid).toArray();
  return outcomes.sort((a, b) => b.finishedAt - a.finishedAt || (a.uid < b.uid ? -1 : 1));
}

/**
 * The titles each outcome was played under, by outcome uid: what History shows for a scenario whose
 * pack is no longer installed (its frozen debrief still opens).
 */
export async function playedTitlesOf(db: AttacheDatabase, outcomes: readonly OutcomeRecord[]): Promise<Map<string, { scenario: Localized; pack: Localized }>> {
  const keys = [...new Set(outcomes.map((outcome) => outcome.playedScenario))];
  const played = new Map((await db.playedScenarios.bulkGet(keys)).flatMap((record) => (record ? [[record.key, record] as const] : [])));
  const titles = new Map<string, { scenario: Localized; pack: Localized }>();
  for (const outcome of outcomes) {
    const record = played.get(outcome.playedScenario);
    if (record) titles.set(outcome.uid, { scenario: record.scenario.title, pack: record.packTitle });
  }
  return titles;
}

/** A frozen outcome whole: its summary, its detail and the scenario it was played against; null when there is none. */
export function readFrozenOutcome(db: AttacheDatabase, uid: string): Promise<{ frozen: FrozenOutcome; played: PlayedScenario | null } | null> {
  return db.transaction('r', db.outcomes, db.outcomeDetails, db.playedScenarios, async () => {
    const summary = await db.outcomes.get(uid);
    const detail = await db.outcomeDetails.get(uid);
    if (!summary || !detail) return null;
    return { frozen: { summary, detail }, played: (await db.playedScenarios.get(summary.playedScenario)) ?? null };
  });
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
 * Deletes one attempt with its snapshot, event log, unsent draft and desk state, whatever state its log is in.
 * Returns whether there was such an attempt.
 */
export function deleteAttempt(db: AttacheDatabase, attemptId: number): Promise<boolean> {
  return storageWrite(() =>
    db.transaction('rw', [...attemptTables(db), db.outcomes, db.outcomeDetails], async () => {
      const attempt = await db.attempts.get(attemptId);
      const existed = attempt !== undefined;
      if (attempt) {
        await db.outcomeDetails.delete(attempt.uid);
        await db.outcomes.delete(attempt.uid);
      }
      await db.attemptEvents.where('[attemptId+seq]').between([attemptId, Dexie.minKey], [attemptId, Dexie.maxKey]).delete();
      await db.attemptSnapshots.delete(attemptId);
      await db.composerDrafts.delete(attemptId);
      await db.deskStates.delete(attemptId);
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

/**
 * A profile's standing in every scenario it has finished or has under way, keyed by scenarioKey
 * (core/records/progress.ts): from its frozen outcomes and its attempts under way, by the core's rules.
 */
export async function readScenarioProgress(db: AttacheDatabase, profileId: number): Promise<Map<string, ScenarioProgress<number>>> {
  return (await readProgress(db, profileId)).scenarios;
}

export interface ProfileProgress {
  scenarios: Map<string, ScenarioProgress<number>>;
  outcomes: OutcomeRecord[];
  active: ActiveAttempt<number>[];
}

/** A profile's frozen outcomes, its attempts under way, and its standing in each scenario by the core's rules. */
export function readProgress(db: AttacheDatabase, profileId: number): Promise<ProfileProgress> {
  return db.transaction('r', db.profiles, db.attempts, db.outcomes, async () => {
    const profile = await db.profiles.get(profileId);
    if (!profile) return { scenarios: new Map(), outcomes: [], active: [] };
    const outcomes = await db.outcomes.where('traineeUid').equals(profile.uid).toArray();
    const attempts = await db.attempts.where('profileId').equals(profileId).toArray();
    const active: ActiveAttempt<number>[] = attempts
      .filter((attempt) => attempt.status === 'active')
      .map((attempt) => ({ id: attempt.id, packId: attempt.packId, scenarioId: attempt.scenarioId, updatedAt: attempt.updatedAt }));
    return { scenarios: progressByScenario(outcomes, active), outcomes, active };
  });
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
