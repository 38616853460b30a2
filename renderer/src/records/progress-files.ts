// Runtime: renderer. Progress files at both ends. On a trainee's device: the active profile's frozen
// outcomes saved as a file signed by the device's key. On the academy's machine: many files verified,
// their drafts graded again, each merged by uid in one transaction, and the trainee's completion then
// computed by the academy's own rules over its installed packs (nothing in a file decides completion).
import type { Localized } from '../core/pack/schema';
import type { KnownTrainee, MergePlan, MergeState, OutcomeConflict, TraineeMerge } from '../core/records/merge';
import { planMerge } from '../core/records/merge';
import type { FrozenOutcome, PlayedScenario } from '../core/records/outcome';
import { playedScenarioOf } from '../core/records/outcome';
import type { DeviceSigner, ProgressFileErrorCode, ProgressTrainee, VerifiedProgressFile } from '../core/records/progress-file';
import { buildProgressFile, progressFileName } from '../core/records/progress-file';
import type { CourseProgress } from '../core/records/progress';
import { courseProgress } from '../core/records/progress';
import type { AttacheDatabase, OutcomeRecord } from '../db/database';
import { ProfileNotFoundError, storageWrite } from '../db/errors';
import { storeFrozenOutcome } from '../db/repositories/attempts';
import type { Library } from '../library/library';
import type { ProgressFileChecker } from './records-client';
import { buildPendingStatements } from './statements';
import { recordsClient } from './records-client';
import type { RegradeSummary } from './records-protocol';

// ---------------------------------------------------------------------------------------------
// Saving on the trainee's device

export interface SavedProgressFile {
  bytes: Uint8Array;
  /** The suggested file name: the trainee's name and the day. */
  fileName: string;
  /** Outcomes in the file. */
  outcomes: number;
}

/**
 * The profile's records as a signed progress file: its details and every frozen outcome of its
 * finished attempts, with the scenarios they were played against. Attempts under way are not records
 * yet and stay behind. Throws ProfileNotFoundError for an unknown profile and ProgressFileError when a
 * record cannot travel (the academy would refuse it).
 */
export async function saveProgressFile(
  db: AttacheDatabase,
  profileId: number,
  signer: DeviceSigner,
  options: { appVersion: string; now?: () => number },
): Promise<SavedProgressFile> {
  const { profile, outcomes, played } = await db.transaction('r', [db.profiles, db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
    const found = await db.profiles.get(profileId);
    if (!found) throw new ProfileNotFoundError(profileId);
    const summaries = await db.outcomes.where('traineeUid').equals(found.uid).toArray();
    const details = await db.outcomeDetails.bulkGet(summaries.map((summary) => summary.uid));
    const keys = [...new Set(summaries.map((summary) => summary.playedScenario))];
    const scenarios = await db.playedScenarios.bulkGet(keys);
    const frozen: FrozenOutcome[] = [];
    summaries.forEach((summary, index) => {
      const detail = details[index];
      if (detail) frozen.push({ summary, detail });
    });
    return { profile: found, outcomes: frozen, played: scenarios.filter((scenario): scenario is PlayedScenario => scenario !== undefined) };
  });
  // An outcome is saved with the scenario it names; one stored without it (never written so) cannot travel.
  const held = new Set(played.map((scenario) => scenario.key));
  const travelling = outcomes.filter((outcome) => held.has(outcome.summary.playedScenario));
  const exportedAt = (options.now ?? Date.now)();
  const trainee: ProgressTrainee = { uid: profile.uid, name: profile.name, academyId: profile.academyId, email: profile.email ?? null };
  const bytes = await buildProgressFile({ trainee, outcomes: travelling, played, exportedAt, appVersion: options.appVersion }, signer);
  return { bytes, fileName: progressFileName(profile.name, exportedAt), outcomes: travelling.length };
}

// ---------------------------------------------------------------------------------------------
// Importing on the academy's machine

export interface CourseStanding {
  packId: string;
  packTitle: Localized;
  courseId: string;
  courseTitle: Localized;
  progress: CourseProgress;
}

export interface ImportedFile {
  status: 'merged';
  trainee: ProgressTrainee;
  /** The public key that signed the file. */
  deviceKey: string;
  exportedAt: number;
  appVersion: string;
  merge: {
    trainee: TraineeMerge;
    isProfile: boolean;
    added: number;
    unchanged: number;
    conflicts: OutcomeConflict[];
    /** Outcomes not merged because the file is signed by another device than the trainee's. */
    withheld: number;
  };
  regrade: RegradeSummary;
  /** The trainee's standing in every course of the installed packs, by this academy's rules, after the merge. */
  courses: CourseStanding[];
}

export interface RefusedFile {
  status: 'refused';
  code: ProgressFileErrorCode;
  message: string;
  /** The file inside the progress file at fault, and the field in it. */
  entry: string | null;
  field: string | null;
}

export type ImportResult = ImportedFile | RefusedFile;

export interface ProgressImporter {
  /**
   * Verifies, re-grades and merges one file. `trustDevice` is the administrator's answer for a file
   * signed by another device than the trainee's: they moved to it. A refused file changes nothing;
   * storage failures (a full disk) are thrown.
   */
  importFile(bytes: Uint8Array, options?: { trustDevice?: boolean }): Promise<ImportResult>;
  /** Ends the session: lets go of the grader's preparations kept for the batch. */
  close(): void;
}

/** Every scenario of the installed packs, as a progress file's outcome would name it: what its drafts are graded against. */
export function installedScenarios(library: Library): PlayedScenario[] {
  return library.packs.flatMap((pack) => pack.scenarios.map((scenario) => playedScenarioOf(pack, scenario)));
}

/**
 * An import session over the installed packs: the grader's preparations and the installed scenarios
 * are shared by every file of the batch. `localDeviceKey` is this device's public key, if it has one.
 * Each file is read, verified and graded again by `checker` (the records worker's, by default, so that
 * the page keeps drawing); only the merge, which needs the database, runs here.
 */
export function createProgressImporter(
  db: AttacheDatabase,
  library: Library,
  options: { localDeviceKey: string | null; now?: () => number; checker?: ProgressFileChecker },
): ProgressImporter {
  const checker = options.checker ?? recordsClient().progressFileChecker(installedScenarios(library));
  const now = options.now ?? Date.now;

  return {
    async importFile(bytes, { trustDevice = false } = {}) {
      const checked = await checker.check(bytes);
      if (checked.status === 'refused') return { status: 'refused', ...checked.refusal };
      const { file, regrade } = checked;
      const plan = await mergeFile(db, file, { importedAt: now(), trustDevice, localDeviceKey: options.localDeviceKey });
      // Imported records go on to the academy's LRS like those played here: their statements are built now
      // (once the academy's settings allow; otherwise at a later start or sync).
      if (plan.added.length > 0) await buildPendingStatements(db, library, { now, outcomeUids: plan.added.map((outcome) => outcome.summary.uid) });
      const outcomes = await db.outcomes.where('traineeUid').equals(file.trainee.uid).toArray();
      return {
        status: 'merged',
        trainee: file.trainee,
        deviceKey: file.deviceKey,
        exportedAt: file.exportedAt,
        appVersion: file.appVersion,
        merge: {
          trainee: plan.trainee,
          isProfile: plan.isProfile,
          added: plan.added.length,
          unchanged: plan.unchanged.length,
          conflicts: plan.conflicts,
          withheld: plan.withheld,
        },
        regrade,
        courses: courseStandings(library, outcomes),
      };
    },
    close: () => checker.close(),
  };
}

/** Reads what the file's records meet, plans the merge and applies it, all in one transaction. */
function mergeFile(
  db: AttacheDatabase,
  file: VerifiedProgressFile,
  options: { importedAt: number; trustDevice: boolean; localDeviceKey: string | null },
): Promise<MergePlan> {
  const uids = file.outcomes.map((outcome) => outcome.summary.uid);
  const keys = file.played.map((played) => played.key);
  return storageWrite(() =>
    db.transaction('rw', [db.profiles, db.trainees, db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
      const profile = await db.profiles.where('uid').equals(file.trainee.uid).first();
      const imported = profile ? undefined : await db.trainees.get(file.trainee.uid);
      const trainee: KnownTrainee | null = profile
        ? {
            uid: profile.uid,
            name: profile.name,
            academyId: profile.academyId,
            email: profile.email ?? null,
            kind: 'profile',
            deviceKey: null,
            detailsExportedAt: null,
          }
        : imported
          ? { ...imported, kind: 'imported', detailsExportedAt: imported.detailsExportedAt ?? null }
          : null;
      const summaries = await db.outcomes.bulkGet(uids);
      const details = await db.outcomeDetails.bulkGet(uids);
      const stored = new Map<string, FrozenOutcome>();
      uids.forEach((uid, index) => {
        const summary = summaries[index];
        const detail = details[index];
        if (summary && detail) stored.set(uid, { summary, detail });
      });
      const played = new Map<string, PlayedScenario>();
      (await db.playedScenarios.bulkGet(keys)).forEach((scenario) => scenario && played.set(scenario.key, scenario));
      const state: MergeState = { trainee, outcomes: stored, played, localDeviceKey: options.localDeviceKey };

      const plan = planMerge(file, state, { importedAt: options.importedAt, trustDevice: options.trustDevice });
      if (plan.traineeRow) await db.trainees.put(plan.traineeRow);
      const byKey = new Map(file.played.map((scenario) => [scenario.key, scenario]));
      for (const outcome of plan.added) {
        // An outcome whose uid is held without its detail (never written so) is left as it is.
        await storeFrozenOutcome(db, outcome, played.get(outcome.summary.playedScenario) ?? byKey.get(outcome.summary.playedScenario)!);
      }
      return plan;
    }),
  );
}

/** A trainee's standing in every course of the installed packs, from their outcomes, by the core's rules. */
export function courseStandings(library: Library, outcomes: readonly OutcomeRecord[]): CourseStanding[] {
  return library.packs.flatMap((pack) =>
    pack.courses.map((course) => ({
      packId: pack.manifest.id,
      packTitle: pack.manifest.title,
      courseId: course.id,
      courseTitle: course.title,
      progress: courseProgress(course, pack.manifest.id, outcomes),
    })),
  );
}
