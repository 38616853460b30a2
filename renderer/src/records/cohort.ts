// Runtime: renderer (browser). What the records screen reads from the database: every trainee (this
// device's profiles and those imported from progress files), every frozen outcome's summary and the
// attempts under way, in one read transaction so they agree with each other. Outcome details (the
// debrief's data) are read only for the one outcome being opened.
import type { CohortActiveAttempt, CohortTrainee } from '../core/records/cohort';
import type { FrozenOutcome, OutcomeSummary, PlayedScenario } from '../core/records/outcome';
import type { AttacheDatabase, ProfileRecord, TraineeRecord } from '../db/database';
import { readFrozenOutcome } from '../db/repositories/attempts';

export interface CohortData {
  trainees: CohortTrainee[];
  outcomes: OutcomeSummary[];
  active: CohortActiveAttempt[];
}

function localTrainee(profile: ProfileRecord): CohortTrainee {
  return { uid: profile.uid, name: profile.name, academyId: profile.academyId, email: profile.email ?? null, source: 'local', importedAt: null };
}

function importedTrainee(trainee: TraineeRecord): CohortTrainee {
  return { uid: trainee.uid, name: trainee.name, academyId: trainee.academyId, email: trainee.email, source: 'imported', importedAt: trainee.importedAt };
}

/** Every trainee, outcome summary and attempt under way on this device. */
export function readCohort(db: AttacheDatabase): Promise<CohortData> {
  return db.transaction('r', [db.profiles, db.trainees, db.outcomes, db.attempts], async () => {
    const [profiles, imported, outcomes, attempts] = await Promise.all([
      db.profiles.toArray(),
      db.trainees.toArray(),
      db.outcomes.toArray(),
      // Only this device's profiles play, so only they have attempts under way.
      db.attempts.filter((attempt) => attempt.status === 'active').toArray(),
    ]);
    const profileUids = new Map(profiles.map((profile) => [profile.id, profile.uid]));
    const active: CohortActiveAttempt[] = [];
    for (const attempt of attempts) {
      const traineeUid = profileUids.get(attempt.profileId);
      if (traineeUid === undefined) continue;
      active.push({
        id: attempt.id,
        traineeUid,
        packId: attempt.packId,
        scenarioId: attempt.scenarioId,
        startedAt: attempt.startedAt,
        updatedAt: attempt.updatedAt,
      });
    }
    return { trainees: [...profiles.map(localTrainee), ...imported.map(importedTrainee)], outcomes, active };
  });
}

export interface OutcomeRecordView {
  frozen: FrozenOutcome;
  /** The scenario as played; null if it is missing (the debrief cannot be shown without it). */
  played: PlayedScenario | null;
  /** Whose outcome it is; null when the trainee is not known here any more. */
  trainee: CohortTrainee | null;
}

/** One frozen outcome whole, with its trainee, for reading its debrief; null when there is no such outcome. */
export function readOutcomeRecord(db: AttacheDatabase, uid: string): Promise<OutcomeRecordView | null> {
  return db.transaction('r', [db.outcomes, db.outcomeDetails, db.playedScenarios, db.profiles, db.trainees], async () => {
    const record = await readFrozenOutcome(db, uid);
    if (!record) return null;
    const traineeUid = record.frozen.summary.traineeUid;
    const profile = await db.profiles.where('uid').equals(traineeUid).first();
    const imported = profile ? undefined : await db.trainees.get(traineeUid);
    const trainee = profile ? localTrainee(profile) : imported ? importedTrainee(imported) : null;
    return { ...record, trainee };
  });
}
