// Runtime: any (pure core). A finished attempt frozen as a record: what was graded, the grades, the
// timeline and the scores, with the versions and times that make it a record. Built once, when the
// attempt ends (or once by the migration for attempts that ended before records existed), and never
// recomputed: a newer pack or grader changes no frozen outcome. History, the debrief, progress,
// progress files and every export read it.
import type { ScenarioOutcome } from '../engine/outcome';
import type { TimelineState } from '../engine/timeline';
import type { Axis, PackManifest, Persona, Scenario } from '../pack/schema';

/** Raised when what a frozen outcome holds changes meaning; readers refuse formats they do not know. */
export const OUTCOME_FORMAT = 1;

/** A pause longer than this between two recorded actions is not counted as time on task. */
export const IDLE_CAP_MS = 5 * 60_000;

export interface OutcomeVersions {
  /** The app's version when the outcome was frozen. */
  app: string;
  /** GRADER_VERSION of the grader that graded the drafts. */
  grader: string;
  machine: number;
  packFormat: number;
  outcome: number;
}

/** Where a frozen outcome came from: played here, frozen by the migration from an older database, or imported from a progress file. */
export type OutcomeOrigin = 'played' | 'migrated' | 'imported';

/**
 * The part of a frozen outcome every list, filter and export reads: small, so that 500 trainees' records
 * load at once. `uid` is the attempt's uid, the same on every device the record travels to.
 */
export interface OutcomeSummary {
  uid: string;
  /** The trainee's uid (a profile's uid on the device that played it). */
  traineeUid: string;
  packId: string;
  packVersion: string;
  /** SHA-256 of the pack's content as played; null only for migrated outcomes whose pack had changed since. */
  packContentHash: string | null;
  scenarioId: string;
  /** The PlayedScenario the outcome was played against (its debrief's titles, tasks and teaching points). */
  playedScenario: string;
  playLanguage: string;
  seed: number;
  /** Milliseconds since the epoch. */
  startedAt: number;
  finishedAt: number;
  /** Wall-clock time spent acting in the attempt, idle pauses over IDLE_CAP_MS left out. */
  timeOnTaskMs: number;
  /** The simulated minute the scenario ended at. */
  simulatedMinutes: number;
  passed: boolean;
  /** Mean of the axis scores, 0–100. */
  average: number;
  scores: Record<Axis, number>;
  versions: OutcomeVersions;
  origin: OutcomeOrigin;
}

/** The heavy part, read only for a debrief, a transcript or re-grading. */
export interface OutcomeDetail {
  uid: string;
  outcome: ScenarioOutcome;
  /** The final state of the simulated feed, tasks and audience. */
  timeline: TimelineState;
}

export interface FrozenOutcome {
  summary: OutcomeSummary;
  detail: OutcomeDetail;
}

/**
 * The scenario as it was played, kept once per pack content (not once per attempt), so that a frozen
 * debrief reads the same titles, tasks and teaching points after the pack is updated or removed, and
 * a draft can be graded again exactly as it was.
 */
export interface PlayedScenario {
  /** playedScenarioKey(packId, contentHash, scenarioId). */
  key: string;
  packId: string;
  packVersion: string;
  packContentHash: string;
  packTitle: PackManifest['title'];
  /** The pack-wide platform settings the grader read. */
  platforms: PackManifest['platforms'];
  scenario: Scenario;
  /** The pack's personas then the scenario's own, as the feed showed them (avatars are not kept). */
  personas: Persona[];
}

export function playedScenarioKey(packId: string, packContentHash: string, scenarioId: string): string {
  return `${packId}@${packContentHash}/${scenarioId}`;
}

/**
 * Time on task from the wall-clock times the attempt's actions were recorded at, in order: the sum of
 * the gaps between consecutive actions, each gap counted up to IDLE_CAP_MS (a trainee who left the
 * desk for lunch did not spend lunch on the task).
 */
export function timeOnTask(recordedAt: readonly number[], idleCapMs: number = IDLE_CAP_MS): number {
  let total = 0;
  for (let index = 1; index < recordedAt.length; index += 1) {
    const gap = recordedAt[index]! - recordedAt[index - 1]!;
    if (gap > 0) total += Math.min(gap, idleCapMs);
  }
  return total;
}

export interface FreezeInput {
  uid: string;
  traineeUid: string;
  packId: string;
  packVersion: string;
  packContentHash: string | null;
  playedScenario: string;
  playLanguage: string;
  seed: number;
  startedAt: number;
  finishedAt: number;
  /** When each event of the log was recorded, in order. */
  eventTimes: readonly number[];
  outcome: ScenarioOutcome;
  timeline: TimelineState;
  versions: Omit<OutcomeVersions, 'outcome'>;
  origin: OutcomeOrigin;
}

/** The record of a finished attempt. Pure: the same inputs give the same record. */
export function freezeOutcome(input: FreezeInput): FrozenOutcome {
  const { outcome, timeline } = input;
  return {
    summary: {
      uid: input.uid,
      traineeUid: input.traineeUid,
      packId: input.packId,
      packVersion: input.packVersion,
      packContentHash: input.packContentHash,
      scenarioId: outcome.scenarioId,
      playedScenario: input.playedScenario,
      playLanguage: input.playLanguage,
      seed: input.seed,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      timeOnTaskMs: timeOnTask(input.eventTimes),
      simulatedMinutes: timeline.ended?.at ?? timeline.time,
      passed: outcome.passed,
      average: outcome.average,
      scores: { ...outcome.scores },
      versions: { ...input.versions, outcome: OUTCOME_FORMAT },
      origin: input.origin,
    },
    // Only what a finished attempt still needs: nothing is left to arrive.
    detail: { uid: input.uid, outcome, timeline: { ...timeline, queue: [], pendingReplies: [] } },
  };
}

/** The scenario as played, to be stored beside the outcomes that name it. */
export function playedScenarioOf(
  pack: { manifest: Pick<PackManifest, 'id' | 'version' | 'title' | 'platforms'>; personas: readonly Persona[]; contentHash: string },
  scenario: Scenario,
): PlayedScenario {
  const personas = new Map<string, Persona>();
  for (const persona of pack.personas) personas.set(persona.id, persona);
  for (const persona of scenario.personas) personas.set(persona.id, persona);
  return {
    key: playedScenarioKey(pack.manifest.id, pack.contentHash, scenario.id),
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    packContentHash: pack.contentHash,
    packTitle: pack.manifest.title,
    platforms: pack.manifest.platforms,
    scenario,
    personas: [...personas.values()],
  };
}
