// Runtime: any (pure core). An attempt as it is persisted: the machine's persisted snapshot with
// the versions it was made under, plus the ordered event log. Restoring the snapshot and replaying
// the log give the same state; a snapshot made under other versions is refused, with the reason,
// and only then is the log read and replayed instead.
import type { SnapshotFrom } from 'xstate';
import { createActor, initialTransition, transition } from 'xstate';
import { PACK_FORMAT } from '../pack/schema';
import { hasEngineEventType } from './event-log';
import type { EngineEvent, ScenarioMachine } from './machine';

/** Bumped whenever the machine's states or context change shape. */
export const MACHINE_VERSION = 2;

export interface AttemptVersions {
  machineVersion: number;
  packFormat: number;
  packId: string;
  packVersion: string;
  scenarioId: string;
  playLanguage: string;
  /** The attempt's seed: a snapshot holds the audience's plans drawn from it. */
  seed: number;
}

export interface SavedSnapshot {
  versions: AttemptVersions;
  /** `persistSnapshot()` of the machine after the last event of the log. */
  snapshot: unknown;
}

export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

export function currentVersions(packId: string, packVersion: string, scenarioId: string, playLanguage: string, seed: number): AttemptVersions {
  return { machineVersion: MACHINE_VERSION, packFormat: PACK_FORMAT, packId, packVersion, scenarioId, playLanguage, seed };
}

/**
 * The state after `events`, from the start: the source of truth every snapshot must agree with.
 * Logs read from storage are checked by `validateEventLog` first; see `step` for what happens to an
 * event that was not.
 */
export function replay(machine: ScenarioMachine, events: readonly EngineEvent[]): ScenarioSnapshot {
  let [snapshot] = initialTransition(machine);
  for (const event of events) snapshot = step(machine, snapshot, event);
  return snapshot;
}

/**
 * Applies one more event to a state. XState reads an event's type before any guard of the machine
 * can look at it, and throws on a value without one, so a value that is not an event of a known type
 * leaves the state as it was (the machine ignores unknown types anyway); a known type with wrong
 * fields reaches the machine, whose guards refuse it.
 */
export function step(machine: ScenarioMachine, snapshot: ScenarioSnapshot, event: EngineEvent): ScenarioSnapshot {
  if (!hasEngineEventType(event)) return snapshot;
  return transition(machine, snapshot, event)[0];
}

/** The snapshot as it is saved: what an actor's `getPersistedSnapshot()` gives, without making an actor. */
export function persistSnapshot(machine: ScenarioMachine, snapshot: ScenarioSnapshot): unknown {
  return machine.getPersistedSnapshot(snapshot);
}

/** A saved snapshot brought back, or why it could not be and the log must be replayed instead. */
export type RestoredSnapshot = { snapshot: ScenarioSnapshot; refusal: null } | { snapshot: null; refusal: string };

/** Why a snapshot made under `saved` versions does not fit the `current` ones, or null when it does. */
export function snapshotMismatch(saved: AttemptVersions, current: AttemptVersions): string | null {
  const differences = (Object.keys(current) as Array<keyof AttemptVersions>)
    .filter((key) => saved[key] !== current[key])
    .map((key) => `${key} ${String(saved[key])} → ${String(current[key])}`);
  return differences.length ? `the saved snapshot was made under other versions (${differences.join(', ')})` : null;
}

/** Restores a saved snapshot when it fits the current versions; otherwise says why, for the caller to replay the log. */
export function restoreSnapshot(machine: ScenarioMachine, saved: SavedSnapshot, current: AttemptVersions): RestoredSnapshot {
  const mismatch = snapshotMismatch(saved.versions, current);
  if (mismatch) return { snapshot: null, refusal: mismatch };
  // An actor given no snapshot would start from the briefing instead of saying so.
  if (saved.snapshot === undefined || saved.snapshot === null) return { snapshot: null, refusal: 'the saved snapshot is missing' };
  try {
    const snapshot = createActor(machine, { snapshot: saved.snapshot as ScenarioSnapshot }).getSnapshot();
    if (snapshot.status !== 'error') return { snapshot, refusal: null };
  } catch (error) {
    return { snapshot: null, refusal: `the saved snapshot could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  return { snapshot: null, refusal: 'the saved snapshot could not be read' };
}
