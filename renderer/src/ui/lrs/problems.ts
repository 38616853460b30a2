// Runtime: renderer. The statements an LRS will not take as they are (dead in the outbox), with what a
// person needs to act on each: whose it is, what it says (its verb, and the scenario or course it is
// about), and the LRS's status and reply.
import type { StatementVerb } from '../../core/records/xapi';
import type { AttacheDatabase, OutboxProblem } from '../../db/database';
import { listDead } from '../../db/repositories/outbox';

export interface SyncProblem {
  id: string;
  verb: StatementVerb;
  /** The trainee's name; null when they are no longer on this device. */
  trainee: string | null;
  /** The title of the outcome's scenario as played, by language; null for a course's `satisfied`. */
  scenarioTitle: Record<string, string> | null;
  /** The statement's own name of what it is about (scenario, draft, axis or course), by language. */
  objectName: Record<string, string>;
  problem: OutboxProblem;
}

/** Most problems listed at once: a statement dead by the thousand says the same as the first ones. */
export const MAX_PROBLEMS_LISTED = 200;

function objectNameOf(json: string): Record<string, string> {
  try {
    const statement = JSON.parse(json) as { object?: { definition?: { name?: unknown } } };
    const name = statement.object?.definition?.name;
    if (typeof name !== 'object' || name === null) return {};
    return Object.fromEntries(Object.entries(name).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/** Dead statements, the latest problem first, and how many there are in all. */
export function readSyncProblems(db: AttacheDatabase): Promise<{ problems: SyncProblem[]; total: number }> {
  return db.transaction('r', [db.outbox, db.profiles, db.trainees, db.outcomes, db.playedScenarios], async () => {
    const dead = await listDead(db);
    const shown = dead.slice(0, MAX_PROBLEMS_LISTED);
    const traineeUids = [...new Set(shown.map((row) => row.traineeUid))];
    const outcomeUids = [...new Set(shown.flatMap((row) => (row.outcomeUid ? [row.outcomeUid] : [])))];
    const [profiles, imported, outcomes] = await Promise.all([
      db.profiles.where('uid').anyOf(traineeUids).toArray(),
      db.trainees.bulkGet(traineeUids),
      db.outcomes.bulkGet(outcomeUids),
    ]);
    const names = new Map<string, string>();
    for (const trainee of imported) if (trainee) names.set(trainee.uid, trainee.name);
    for (const profile of profiles) names.set(profile.uid, profile.name);
    // Titles from the scenario as it was played: its pack need not be installed here (an imported record).
    const playedKeys = [...new Set(outcomes.flatMap((outcome) => (outcome ? [outcome.playedScenario] : [])))];
    const played = await db.playedScenarios.bulkGet(playedKeys);
    const titles = new Map(played.flatMap((scenario) => (scenario ? [[scenario.key, scenario.scenario.title] as const] : [])));
    const scenarios = new Map(
      outcomes.flatMap((outcome) => (outcome ? [[outcome.uid, titles.get(outcome.playedScenario) ?? { en: outcome.scenarioId }] as const] : [])),
    );
    const problems = shown.flatMap((row): SyncProblem[] =>
      row.problem
        ? [
            {
              id: row.id,
              verb: row.verb,
              trainee: names.get(row.traineeUid) ?? null,
              scenarioTitle: row.outcomeUid ? (scenarios.get(row.outcomeUid) ?? null) : null,
              objectName: objectNameOf(row.json),
              problem: row.problem,
            },
          ]
        : [],
    );
    return { problems, total: dead.length };
  });
}
