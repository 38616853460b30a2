// Runtime: renderer (or a worker with the database). Builds the xAPI statements of frozen outcomes that
// have none yet, into the outbox: right after an attempt is frozen, after progress files are imported,
// and at every start and sync for whatever could not be built before (the academy's IRI or the
// trainee's academy ID or e-mail was not set yet). Each outcome's statements are built once, in one
// transaction; a statement already in the outbox is never built again.
import { courseProgress } from '../core/records/progress';
import type { BuiltStatement, StatementsBlocker, TraineeIdentity } from '../core/records/xapi';
import { attemptStatements, courseSatisfiedStatement, statementActor } from '../core/records/xapi';
import type { AttacheDatabase } from '../db/database';
import { storageWrite } from '../db/errors';
import { readAcademy, type AcademySettings } from '../db/repositories/academy';
import { addStatements, outcomesWithStatements } from '../db/repositories/outbox';
import type { Library } from '../library/library';

export interface StatementsReport {
  /** Outcomes whose statements were built now. */
  outcomes: number;
  /** Statements added to the outbox now (course completions included). */
  statements: number;
  /** Outcomes whose statements cannot be built yet, by what is missing. */
  waiting: Partial<Record<StatementsBlocker, number>>;
}

export interface BuildOptions {
  /** The clock: when the statements were built (kept beside them, not in them). */
  now: () => number;
  /** Build only these outcomes' statements (e.g. the one just frozen); all outcomes without statements otherwise. */
  outcomeUids?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

async function traineeIdentity(db: AttacheDatabase, uid: string): Promise<TraineeIdentity | null> {
  const profile = await db.profiles.where('uid').equals(uid).first();
  if (profile) return { uid, academyId: profile.academyId, email: profile.email };
  const trainee = await db.trainees.get(uid);
  return trainee ? { uid, academyId: trainee.academyId, email: trainee.email } : null;
}

/**
 * Builds the statements of every frozen outcome (or of those named) that has none, then a `satisfied`
 * for each course of the installed packs whose rule those trainees now meet. Returns what was built and
 * what waits for settings; safe to run at any time and as often as wanted.
 */
export async function buildPendingStatements(db: AttacheDatabase, library: Library, options: BuildOptions): Promise<StatementsReport> {
  const report: StatementsReport = { outcomes: 0, statements: 0, waiting: {} };
  const academy = await readAcademy(db);
  const built = await outcomesWithStatements(db);
  const candidates = options.outcomeUids ?? (await db.outcomes.toCollection().primaryKeys());
  const todo = candidates.filter((uid) => !built.has(uid));
  // Without the academy's IRI nothing can be built: said at once, without reading every outcome.
  if (!academy.iri) {
    if (todo.length) report.waiting['no-academy-iri'] = todo.length;
    return report;
  }
  const settings = { academyIri: academy.iri, identityField: academy.identityField, includeDraftText: academy.includeDraftText };
  const identities = new Map<string, TraineeIdentity | null>();
  const touched = new Set<string>();
  let done = 0;
  for (const uid of todo) {
    options.onProgress?.(done, todo.length);
    done += 1;
    const summary = await db.outcomes.get(uid);
    if (!summary) continue;
    if (!identities.has(summary.traineeUid)) identities.set(summary.traineeUid, await traineeIdentity(db, summary.traineeUid));
    const identity = identities.get(summary.traineeUid);
    if (!identity) continue;
    const actor = statementActor({ academyIri: academy.iri, identityField: academy.identityField }, identity);
    if (!actor.ok) {
      report.waiting[actor.blocker] = (report.waiting[actor.blocker] ?? 0) + 1;
      continue;
    }
    const added = await storageWrite(() =>
      db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios, db.outbox], async () => {
        if ((await db.outbox.where('outcomeUid').equals(uid).count()) > 0) return 0;
        const detail = await db.outcomeDetails.get(uid);
        const played = await db.playedScenarios.get(summary.playedScenario);
        if (!detail || !played) return 0;
        const statements = attemptStatements({
          frozen: { summary, detail },
          played,
          actor: actor.actor,
          settings,
        });
        return addStatements(db, { traineeUid: summary.traineeUid, outcomeUid: uid, statements, builtAt: options.now() });
      }),
    );
    if (added > 0) {
      report.outcomes += 1;
      report.statements += added;
      touched.add(summary.traineeUid);
    }
  }
  options.onProgress?.(todo.length, todo.length);
  // A course's completion is told once its statements can be: after the attempt that met its rule.
  const trainees = options.outcomeUids ? touched : new Set([...identities.keys(), ...touched]);
  const told = trainees.size ? await outcomesWithStatements(db) : new Set<string>();
  for (const traineeUid of trainees) report.statements += await buildCourseCompletions(db, library, traineeUid, { academy, told, now: options.now });
  return report;
}

async function buildCourseCompletions(
  db: AttacheDatabase,
  library: Library,
  traineeUid: string,
  { academy, told, now }: { academy: AcademySettings; told: ReadonlySet<string>; now: () => number },
): Promise<number> {
  const identity = await traineeIdentity(db, traineeUid);
  if (!identity) return 0;
  const actor = statementActor({ academyIri: academy.iri, identityField: academy.identityField }, identity);
  if (!actor.ok || !academy.iri) return 0;
  // Only outcomes already told: a completion is never told before the attempt that brought it.
  const outcomes = (await db.outcomes.where('traineeUid').equals(traineeUid).toArray()).filter((outcome) => told.has(outcome.uid));
  const statements: BuiltStatement[] = [];
  for (const pack of library.packs) {
    for (const course of pack.courses) {
      const progress = courseProgress(course, pack.manifest.id, outcomes);
      if (!progress.completed || progress.completedAt === null) continue;
      statements.push(
        courseSatisfiedStatement({
          traineeUid,
          packId: pack.manifest.id,
          packVersion: pack.manifest.version,
          course,
          completedAt: progress.completedAt,
          actor: actor.actor,
          settings: { academyIri: academy.iri },
        }),
      );
    }
  }
  if (!statements.length) return 0;
  return storageWrite(() => db.transaction('rw', db.outbox, () => addStatements(db, { traineeUid, outcomeUid: null, statements, builtAt: now() })));
}
