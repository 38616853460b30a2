// Runtime: renderer. An attempt as the player holds it: the scenario machine, its current state, and
// the events not yet on disk. Every event is applied in memory at once and then saved with the
// snapshot it led to, in order; a failed save (a full disk) keeps the events in memory and tries
// again with the next one, so the trainee loses nothing that was saved and nothing they do after.
// The log is read back as untrusted input: a damaged one opens the attempt read-only, as it stood
// before the first bad event, and nothing is written to it.
import type { AttemptVersions, ScenarioSnapshot } from '../../core/engine/attempt';
import { currentVersions, persistSnapshot, replay, restoreSnapshot, step } from '../../core/engine/attempt';
import type { EventLogReason } from '../../core/engine/event-log';
import { EVENT_LOG_LIMITS, validateEventLog } from '../../core/engine/event-log';
import type { EngineEvent, ScenarioMachine } from '../../core/engine/machine';
import { createScenarioMachine } from '../../core/engine/machine';
import { scenarioOutcome } from '../../core/engine/outcome';
import type { EngineInput } from '../../core/engine/timeline';
import type { AttemptRecord, AttemptResult, AttacheDatabase } from '../../db/database';
import { createAttempt, readAttemptLog, readSavedAttempt, recordEvent } from '../../db/repositories/attempts';
import type { Library, ScenarioRef } from '../../library/library';
import { freezing } from '../../records/freeze';
import { createLibrary, findScenario } from '../../library/library';

export interface LoadedAttempt {
  attempt: AttemptRecord;
  ref: ScenarioRef;
  input: EngineInput;
  machine: ScenarioMachine;
  snapshot: ScenarioSnapshot;
  /** The versions this app plays the attempt under; every snapshot saved from now on carries them. */
  versions: AttemptVersions;
  /** Why the saved snapshot was not used (the log was replayed instead), or null. */
  restoreNote: string | null;
  /** Whether that was because it was made under other versions, or is missing or damaged; null when it was used. */
  restoredBecause: 'versions' | 'unreadable' | null;
  /** What is wrong with the attempt's log, when something is: the attempt is then read-only. */
  damage: LogDamage | null;
}

/** The first bad event of a damaged log, and where the attempt stood before it. */
export interface LogDamage {
  /** Counted from 1, as people count. */
  position: number;
  /** How many events the attempt says its log holds. */
  total: number;
  /** The bad event's type, when it has a known one. */
  eventType: EngineEvent['type'] | null;
  /** The simulated minute the attempt had reached when the bad event came. */
  at: number;
  reason: EventLogReason;
}

export type LoadFailure = { kind: 'missing' } | { kind: 'scenario-gone'; packId: string; scenarioId: string };

export function versionsFor(ref: ScenarioRef, playLanguage: string, seed: number): AttemptVersions {
  return currentVersions(ref.pack.manifest.id, ref.pack.manifest.version, ref.scenario.id, playLanguage, seed);
}

export function engineInputFor(ref: ScenarioRef, playLanguage: string, seed: number): EngineInput {
  return { scenario: ref.scenario, playLanguage, manifest: ref.pack.manifest, seed };
}

/** What an attempt came to, once its machine has reached the debrief. */
export function resultOf(input: EngineInput, snapshot: ScenarioSnapshot): AttemptResult | null {
  if (snapshot.status !== 'done') return null;
  const outcome = scenarioOutcome(input, snapshot.context.timeline);
  return { passed: outcome.passed, average: outcome.average, scores: outcome.scores };
}

/** A seed for a new attempt: random, so two attempts of a scenario meet different audiences. */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** The id of a play-test's attempt, which is never stored (stored attempts are numbered from 1). */
export const SCRATCH_ATTEMPT_ID = 0;

/**
 * A play-test's attempt: the real machine on a scenario being edited, started and moved on to
 * `startAt` (a simulated minute: an inject's time) with explicit clock events, and held in memory
 * only. Its record exists for the desk to read and is never written anywhere.
 */
export function scratchAttempt(ref: ScenarioRef, playLanguage: string, { seed, startAt, now }: { seed: number; startAt: number; now: number }): LoadedAttempt {
  const input = engineInputFor(ref, playLanguage, seed);
  const machine = createScenarioMachine(input);
  const versions = versionsFor(ref, playLanguage, seed);
  const events: EngineEvent[] = [{ type: 'START' }];
  if (startAt > 0) events.push({ type: 'CLOCK.TICK', minutes: startAt });
  const attempt: AttemptRecord = {
    id: SCRATCH_ATTEMPT_ID,
    uid: 'play-test',
    profileId: 0,
    packId: ref.pack.manifest.id,
    packVersion: ref.pack.manifest.version,
    scenarioId: ref.scenario.id,
    playLanguage,
    seed,
    status: 'active',
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
    versions,
    eventCount: events.length,
    result: null,
  };
  return { attempt, ref, input, machine, snapshot: replay(machine, events), versions, restoreNote: null, restoredBecause: null, damage: null };
}

/** Creates an attempt that has started (its log holds START) and returns its id. */
export async function startAttempt(db: AttacheDatabase, profileId: number, ref: ScenarioRef, playLanguage: string, seed: number = newSeed()): Promise<number> {
  const input = engineInputFor(ref, playLanguage, seed);
  const machine = createScenarioMachine(input);
  const versions = versionsFor(ref, playLanguage, seed);
  const briefing = replay(machine, []);
  const attempt = await createAttempt(db, {
    profileId,
    packId: ref.pack.manifest.id,
    packVersion: ref.pack.manifest.version,
    scenarioId: ref.scenario.id,
    playLanguage,
    seed,
    versions,
    snapshot: persistSnapshot(machine, briefing),
  });
  const start: EngineEvent = { type: 'START' };
  const live = step(machine, briefing, start);
  await recordEvent(db, attempt.id, { seq: 0, event: start, snapshot: persistSnapshot(machine, live), finished: false, result: null });
  return attempt.id;
}

/**
 * Reads an attempt and restores its state: from the snapshot when it fits, else by reading the log,
 * validating it and replaying it. A damaged log gives the state before its first bad event, with
 * the damage described, and the attempt is read-only.
 */
export async function loadAttempt(db: AttacheDatabase, library: Library, attemptId: number): Promise<LoadedAttempt | LoadFailure> {
  const saved = await readSavedAttempt(db, attemptId);
  if (!saved) return { kind: 'missing' };
  const { attempt } = saved;
  const ref = findScenario(library, attempt.packId, attempt.scenarioId);
  if (!ref) return { kind: 'scenario-gone', packId: attempt.packId, scenarioId: attempt.scenarioId };
  const input = engineInputFor(ref, attempt.playLanguage, attempt.seed);
  const machine = createScenarioMachine(input);
  const versions = versionsFor(ref, attempt.playLanguage, attempt.seed);
  const restored = restoreSnapshot(machine, { versions: attempt.versions, snapshot: saved.snapshot }, versions);
  if (restored.snapshot) return { attempt, ref, input, machine, snapshot: restored.snapshot, versions, restoreNote: null, restoredBecause: null, damage: null };
  // Only the events the attempt counted (another window may have added more since it was read), and
  // never more than a log may hold: one past the limit is enough to refuse it.
  const log = await readAttemptLog(db, attemptId, Math.min(attempt.eventCount, EVENT_LOG_LIMITS.events + 1));
  const checked = validateEventLog(log, ref.scenario);
  const snapshot = replay(machine, checked.events);
  if (checked.ok) return { attempt, ref, input, machine, snapshot, versions, restoreNote: restored.refusal, restoredBecause: restored.cause, damage: null };
  const damage: LogDamage = {
    position: checked.position,
    total: attempt.eventCount,
    eventType: checked.eventType,
    at: snapshot.context.timeline.time,
    reason: checked.reason,
  };
  return { attempt, ref, input, machine, snapshot, versions, restoreNote: null, restoredBecause: null, damage };
}

export interface SessionCallbacks {
  /** The app's version, frozen into the outcome when the attempt ends. */
  appVersion: string;
  /** A save failed; the events stay queued. */
  onSaveError: (error: unknown) => void;
  /** Everything queued is on disk. */
  onSaved?: () => void;
}

/** Applies events in memory and saves them in order, one transaction each. */
export class AttemptSession {
  private current: ScenarioSnapshot;
  private readonly pending: { seq: number; event: EngineEvent; snapshot: ScenarioSnapshot }[] = [];
  private nextSeq: number;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: AttacheDatabase,
    readonly loaded: LoadedAttempt,
    private readonly callbacks: SessionCallbacks,
  ) {
    this.current = loaded.snapshot;
    this.nextSeq = loaded.attempt.eventCount;
  }

  get snapshot(): ScenarioSnapshot {
    return this.current;
  }

  /** Events applied but not yet on disk. */
  get unsaved(): number {
    return this.pending.length;
  }

  /** A damaged attempt is shown as it stood and never written to. */
  get readOnly(): boolean {
    return this.loaded.damage !== null;
  }

  /** Applies an event; a finished or read-only attempt stays as it is. */
  send(event: EngineEvent): ScenarioSnapshot {
    if (this.current.status === 'done' || this.readOnly) return this.current;
    this.current = step(this.loaded.machine, this.current, event);
    this.pending.push({ seq: this.nextSeq, event, snapshot: this.current });
    this.nextSeq += 1;
    void this.flush();
    return this.current;
  }

  /** Saves what is queued; resolves when the queue is empty or a save failed. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  /**
   * The frozen outcome's xAPI statements, built now that it is stored (once the academy's settings allow;
   * otherwise at a later start). Failing here loses nothing: the outcome is saved, and the start builds
   * whatever is missing.
   */
  private buildStatements(): void {
    const { attempt, ref } = this.loaded;
    void import('../../records/statements')
      .then(({ buildPendingStatements }) => buildPendingStatements(this.db, createLibrary([ref.pack]), { now: () => Date.now(), outcomeUids: [attempt.uid] }))
      .catch((error: unknown) => console.error(error));
  }

  private async drain(): Promise<void> {
    const { machine, input, versions } = this.loaded;
    while (this.pending.length > 0) {
      const next = this.pending[0]!;
      const finished = next.snapshot.status === 'done';
      try {
        await recordEvent(this.db, this.loaded.attempt.id, {
          seq: next.seq,
          event: next.event,
          snapshot: persistSnapshot(machine, next.snapshot),
          finished,
          result: finished ? resultOf(input, next.snapshot) : null,
          versions,
          ...(finished
            ? {
                freeze: freezing({
                  ref: this.loaded.ref,
                  input,
                  timeline: next.snapshot.context.timeline,
                  attempt: this.loaded.attempt,
                  appVersion: this.callbacks.appVersion,
                  origin: 'played',
                }),
              }
            : {}),
        });
      } catch (error) {
        this.callbacks.onSaveError(error);
        return;
      }
      this.pending.shift();
      if (finished) this.buildStatements();
    }
    this.callbacks.onSaved?.();
  }
}
