// Runtime: any (pure core). An attempt as it is persisted: the machine's persisted snapshot with
// the versions it was made under, plus the ordered event log. Restoring the snapshot and replaying
// the log give the same state; a snapshot made under other versions is refused, with the reason,
// and only then is the log read and replayed instead. A snapshot read back from storage is checked
// for the shape this machine saves before it is used, as the log is (see event-log.ts): a damaged
// one is refused like one made under other versions.
import type { SnapshotFrom } from 'xstate';
import { createActor, initialTransition, transition } from 'xstate';
import { z } from '../zod';
import { PACK_FORMAT, TASK_KINDS } from '../pack/schema';
import { CLOCK_SPEEDS, hasEngineEventType } from './event-log';
import type { EngineEvent, PlaytestEvent, ScenarioMachine } from './machine';

/** Bumped whenever the machine's states or context change shape. */
export const MACHINE_VERSION = 4;

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

/**
 * Applies an event only a studio play-test sends (an inject delivered now). Kept apart from `step`,
 * which takes the events of a trainee's log: a play-test saves nothing, so these never reach a log.
 */
export function stepPlaytest(machine: ScenarioMachine, snapshot: ScenarioSnapshot, event: PlaytestEvent): ScenarioSnapshot {
  return transition(machine, snapshot, event)[0];
}

/** The snapshot as it is saved: what an actor's `getPersistedSnapshot()` gives, without making an actor. */
export function persistSnapshot(machine: ScenarioMachine, snapshot: ScenarioSnapshot): unknown {
  return machine.getPersistedSnapshot(snapshot);
}

/**
 * A saved snapshot brought back, or why it could not be and the log must be replayed instead: made
 * under other versions, or missing or damaged.
 */
export type RestoredSnapshot = { snapshot: ScenarioSnapshot; refusal: null } | { snapshot: null; refusal: string; cause: 'versions' | 'unreadable' };

const at = () => z.number().min(0);
const nullableId = () => z.string().nullable();
const axis = z.looseObject({ score: z.number() });
/**
 * What the player and the debrief read of a persisted snapshot, loosely: every field they rely on
 * has the type they expect; fields they do not read are let through.
 */
const persistedSnapshotSchema = z.looseObject({
  status: z.enum(['active', 'done']),
  value: z.enum(['briefing', 'live', 'debrief']),
  context: z.looseObject({
    speed: z.literal(CLOCK_SPEEDS),
    refused: z.string().nullable(),
    timeline: z.looseObject({
      time: at(),
      feed: z.array(
        z.discriminatedUnion('source', [
          z.looseObject({
            source: z.literal('inject'),
            id: z.string(),
            at: at(),
            inject: z.looseObject({ id: z.string(), account: z.string(), type: z.string(), text: z.record(z.string(), z.string()) }),
          }),
          z.looseObject({
            source: z.literal('trainee'),
            id: z.string(),
            at: at(),
            accountId: z.string(),
            kind: z.enum(TASK_KINDS),
            text: z.string(),
            taskId: nullableId(),
            replyTo: nullableId(),
            grade: z.looseObject({ passed: z.boolean(), axes: z.looseObject({ tone: axis, policy: axis, platform: axis }) }),
          }),
          z.looseObject({
            source: z.literal('audience'),
            id: z.string(),
            at: at(),
            accountId: z.string(),
            replyTo: z.string(),
            personaId: nullableId(),
            author: z.looseObject({ name: z.string(), handle: z.string() }).nullable(),
            mood: z.string(),
            text: z.string(),
          }),
          z.looseObject({
            source: z.literal('clearance'),
            id: z.string(),
            at: at(),
            accountId: z.string(),
            personaId: z.string(),
            requestId: z.string(),
            verdict: z.enum(['cleared', 'returned']),
            draft: z.looseObject({ accountId: z.string(), text: z.string() }),
          }),
          z.looseObject({
            source: z.literal('live-comment'),
            id: z.string(),
            at: at(),
            streamId: z.string(),
            accountId: z.string(),
            nature: z.string(),
            comment: z.looseObject({ id: z.string(), text: z.record(z.string(), z.string()) }),
          }),
        ]),
      ),
      tasks: z.record(
        z.string(),
        z.looseObject({
          id: z.string(),
          status: z.enum(['waiting', 'open', 'done', 'missed']),
          opensAt: at().nullable(),
          due: at().nullable(),
          outcome: z.enum(['passed', 'failed', 'missed']).nullable(),
          publicationId: nullableId(),
        }),
      ),
      queue: z.array(z.looseObject({ at: at(), inject: z.looseObject({ id: z.string() }) })),
      firedBranches: z.array(z.looseObject({ id: z.string(), at: at() })),
      ended: z
        .looseObject({ at: at(), reason: z.enum(['time', 'branch', 'finished']), branchId: nullableId(), outcome: z.enum(['passed', 'failed']).nullable() })
        .nullable(),
      publications: z.int().min(0),
      reactions: z.record(z.string(), z.looseObject({ events: z.array(z.looseObject({ at: at() })) })),
      pendingReplies: z.array(z.looseObject({ id: z.string(), at: at(), replyTo: z.string() })),
      clearances: z.array(
        z.looseObject({
          id: z.string(),
          sentAt: at(),
          answerAt: at(),
          answered: z.boolean(),
          verdict: z.enum(['cleared', 'returned']),
          comments: z.array(z.looseObject({ key: z.string() })),
        }),
      ),
      pendingComments: z.array(z.looseObject({ id: z.string(), at: at(), streamId: z.string() })),
      moderation: z.record(
        z.string(),
        z.looseObject({ streamId: z.string(), hidden: z.boolean(), pinned: z.boolean(), actions: z.array(z.looseObject({ at: at(), action: z.string() })) }),
      ),
      moderationResults: z.record(z.string(), z.looseObject({ at: at(), streamId: z.string(), grade: z.looseObject({ passed: z.boolean() }) })),
    }),
  }),
});

/**
 * Where a persisted snapshot read back from storage differs from the shape this machine saves (the
 * path of the first difference), or null when it has that shape and the scenario's tasks.
 */
export function snapshotShapeProblem(machine: ScenarioMachine, persisted: unknown): string | null {
  const parsed = persistedSnapshotSchema.safeParse(persisted);
  if (!parsed.success) {
    const path = parsed.error.issues[0]!.path.map(String).join('.');
    return path ? `at ${path.length > 120 ? `${path.slice(0, 119)}…` : path}` : 'not a snapshot';
  }
  const expected = Object.keys(initialTransition(machine)[0].context.timeline.tasks).sort();
  const saved = Object.keys(parsed.data.context.timeline.tasks).sort();
  return expected.length === saved.length && expected.every((id, index) => id === saved[index]) ? null : 'its tasks are not those of the scenario';
}

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
  if (mismatch) return { snapshot: null, refusal: mismatch, cause: 'versions' };
  // An actor given no snapshot would start from the briefing instead of saying so.
  if (saved.snapshot === undefined || saved.snapshot === null) return { snapshot: null, refusal: 'the saved snapshot is missing', cause: 'unreadable' };
  const problem = snapshotShapeProblem(machine, saved.snapshot);
  if (problem) return { snapshot: null, refusal: `the saved snapshot is damaged (${problem})`, cause: 'unreadable' };
  try {
    const snapshot = createActor(machine, { snapshot: saved.snapshot as ScenarioSnapshot }).getSnapshot();
    if (snapshot.status !== 'error') return { snapshot, refusal: null };
  } catch (error) {
    return { snapshot: null, refusal: `the saved snapshot could not be read (${error instanceof Error ? error.message : String(error)})`, cause: 'unreadable' };
  }
  return { snapshot: null, refusal: 'the saved snapshot could not be read', cause: 'unreadable' };
}
