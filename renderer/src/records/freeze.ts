// Runtime: renderer. Freezing finished attempts into records: when an attempt ends (in the transaction
// that records its last event), and once for attempts that ended before outcomes were frozen.
import type { AttemptVersions } from '../core/engine/attempt';
import { currentVersions, replay, restoreSnapshot, snapshotShapeProblem } from '../core/engine/attempt';
import { validateEventLog } from '../core/engine/event-log';
import { createScenarioMachine } from '../core/engine/machine';
import { scenarioOutcome } from '../core/engine/outcome';
import type { EngineInput, TimelineState } from '../core/engine/timeline';
import { GRADER_VERSION } from '../core/grading/version';
import type { OutcomeOrigin } from '../core/records/outcome';
import { freezeOutcome, playedScenarioOf } from '../core/records/outcome';
import { MACHINE_VERSION } from '../core/engine/attempt';
import { PACK_FORMAT } from '../core/pack/schema';
import type { AttacheDatabase, AttemptRecord, AttemptResult } from '../db/database';
import type { FreezeTimes, Freezing } from '../db/repositories/attempts';
import { readAttemptLog, storeFrozenOutcome } from '../db/repositories/attempts';
import { storageWrite } from '../db/errors';
import type { Library, ScenarioRef } from '../library/library';
import { findScenario } from '../library/library';

export interface FreezeSource {
  ref: ScenarioRef;
  input: EngineInput;
  timeline: TimelineState;
  attempt: Pick<AttemptRecord, 'packId' | 'packVersion' | 'playLanguage' | 'seed'>;
  appVersion: string;
  origin: OutcomeOrigin;
  /**
   * For an attempt frozen after its pack changed: the result it was given when it ended, which wins
   * over what the newer scenario would compute, and no content hash (the pack played is gone).
   */
  original?: { result: AttemptResult };
}

/** How to freeze the attempt once the transaction knows its uids and times. */
export function freezing(source: FreezeSource): (times: FreezeTimes) => Freezing {
  const { ref, input, timeline, attempt, appVersion, origin, original } = source;
  const played = playedScenarioOf(ref.pack, ref.scenario);
  return (times) => {
    const computed = scenarioOutcome(input, timeline);
    const outcome = original ? { ...computed, passed: original.result.passed, average: original.result.average, scores: original.result.scores } : computed;
    const frozen = freezeOutcome({
      ...times,
      packId: attempt.packId,
      packVersion: attempt.packVersion,
      packContentHash: original ? null : ref.pack.contentHash,
      playedScenario: played.key,
      playLanguage: attempt.playLanguage,
      seed: attempt.seed,
      outcome,
      timeline,
      versions: { app: appVersion, grader: GRADER_VERSION, machine: MACHINE_VERSION, packFormat: PACK_FORMAT },
      origin,
    });
    return { frozen, played };
  };
}

export interface FreezeReport {
  /** Finished attempts frozen now. */
  frozen: number;
  /** Finished attempts whose pack is not installed: they are frozen on a later start, once it is. */
  waiting: number;
}

/**
 * Freezes every finished attempt that has no outcome yet (those that ended before outcomes were
 * frozen when an attempt ends), each in its own transaction. Runs at every start and does nothing once
 * all are frozen. The final state comes from the attempt's saved snapshot when it was made under the
 * pack now installed; otherwise from the snapshot as saved (its grades are those the attempt was given)
 * or, failing that, the log, and the result stored when the attempt ended wins over a recomputed one.
 */
export async function freezeFinishedAttempts(db: AttacheDatabase, library: Library, appVersion: string): Promise<FreezeReport> {
  const finished = await db.attempts.filter((attempt) => attempt.status === 'finished').toArray();
  const frozenUids = new Set(await db.outcomes.toCollection().primaryKeys());
  const report: FreezeReport = { frozen: 0, waiting: 0 };
  for (const attempt of finished) {
    if (frozenUids.has(attempt.uid)) continue;
    const ref = findScenario(library, attempt.packId, attempt.scenarioId);
    if (!ref) {
      report.waiting += 1;
      continue;
    }
    const source = await finalStateOf(db, ref, attempt, appVersion);
    if (!source) continue;
    const stored = await storageWrite(() =>
      db.transaction('rw', [db.attempts, db.attemptEvents, db.profiles, db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
        const profile = await db.profiles.get(attempt.profileId);
        if (!profile) return false;
        const events = await db.attemptEvents.where('attemptId').equals(attempt.id).sortBy('seq');
        const { frozen, played } = freezing(source)({
          uid: attempt.uid,
          traineeUid: profile.uid,
          startedAt: attempt.startedAt,
          finishedAt: attempt.finishedAt ?? attempt.updatedAt,
          eventTimes: events.map((event) => event.recordedAt),
        });
        return storeFrozenOutcome(db, frozen, played);
      }),
    );
    if (stored) report.frozen += 1;
  }
  return report;
}

async function finalStateOf(db: AttacheDatabase, ref: ScenarioRef, attempt: AttemptRecord, appVersion: string): Promise<FreezeSource | null> {
  const input: EngineInput = { scenario: ref.scenario, playLanguage: attempt.playLanguage, manifest: ref.pack.manifest, seed: attempt.seed };
  const machine = createScenarioMachine(input);
  const current: AttemptVersions = currentVersions(ref.pack.manifest.id, ref.pack.manifest.version, ref.scenario.id, attempt.playLanguage, attempt.seed);
  const snapshot = (await db.attemptSnapshots.get(attempt.id))?.snapshot;
  const base = { ref, input, attempt, appVersion, origin: 'migrated' as const };
  const restored = restoreSnapshot(machine, { versions: attempt.versions, snapshot }, current);
  if (restored.snapshot && restored.snapshot.status === 'done') return { ...base, timeline: restored.snapshot.context.timeline };
  const original = attempt.result ? { result: attempt.result } : undefined;
  if (snapshot && snapshotShapeProblem(machine, snapshot) === null) {
    // Made under another pack version: its timeline still holds the grades the attempt was given.
    const timeline = (snapshot as { context: { timeline: TimelineState } }).context.timeline;
    if (timeline.ended) return { ...base, timeline, original };
  }
  const log = await readAttemptLog(db, attempt.id, attempt.eventCount);
  const checked = validateEventLog(log, ref.scenario);
  if (!checked.ok) return null;
  const replayed = replay(machine, checked.events);
  return replayed.status === 'done' ? { ...base, timeline: replayed.context.timeline, original } : null;
}
