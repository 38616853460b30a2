// Runtime: any (pure core). What importing a verified progress file does to the academy's records, as
// a plan the caller applies in one transaction: records are merged by uid. A new outcome is added;
// the same uid with the same content changes nothing (importing a file twice changes nothing); the
// same uid with other content is a conflict, and the record stays as it was. A trainee is tied to the
// device key of the first file that brought them (trust on first use): a later file signed by another
// key merges nothing until the administrator says the trainee moved to that device.
import type { Axis } from '../pack/schema';
import { canonicalJson } from './canonical';
import type { FrozenOutcome, OutcomeSummary, PlayedScenario } from './outcome';
import type { ProgressTrainee, VerifiedProgressFile } from './progress-file';

export type TraineeField = 'name' | 'academyId' | 'email';
const TRAINEE_FIELDS: readonly TraineeField[] = ['name', 'academyId', 'email'];

/** A trainee the academy already knows: imported from an earlier file, or a profile of this device. */
export interface KnownTrainee extends ProgressTrainee {
  kind: 'imported' | 'profile';
  /** The device key the trainee is tied to; null for a profile (this device's key applies). */
  deviceKey: string | null;
  /** When the file the stored details came from was saved; null when not known. */
  detailsExportedAt: number | null;
}

/** What the academy holds that the file's records can meet. */
export interface MergeState {
  trainee: KnownTrainee | null;
  /** Stored outcomes under the uids the file holds. */
  outcomes: ReadonlyMap<string, FrozenOutcome>;
  /** Stored played scenarios under the keys the file holds. */
  played: ReadonlyMap<string, PlayedScenario>;
  /** This device's public key, if it has one: a file naming one of this device's profiles must be signed by it. */
  localDeviceKey: string | null;
}

export type TraineeMerge =
  | { status: 'new' }
  | { status: 'unchanged' }
  /** The file is newer than the stored details: its differing fields were applied. */
  | { status: 'updated'; fields: TraineeField[] }
  /** The file is older than the stored details (or the trainee is a profile here): its differing fields were not applied. */
  | { status: 'kept'; fields: TraineeField[] }
  /** Signed by another device than the one the trainee is tied to: nothing was merged. */
  | { status: 'other-device'; knownKey: string | null }
  /** Signed by another device, which the administrator trusted for this trainee: merged, and the trainee now tied to it. */
  | { status: 'device-trusted'; previousKey: string | null; fields: TraineeField[] };

export interface OutcomeGist {
  passed: boolean;
  average: number;
  scores: Record<Axis, number>;
  finishedAt: number;
}

export interface OutcomeConflict {
  uid: string;
  packId: string;
  scenarioId: string;
  /** 'content': the academy holds another record under the uid; 'scenario': it holds another scenario under the key the outcome names. */
  reason: 'content' | 'scenario';
  /** Summary fields that differ ('detail' when only the debrief's data does). */
  fields: string[];
  stored: OutcomeGist | null;
  file: OutcomeGist;
}

/** The trainee row to write for an imported trainee. */
export interface TraineeRow extends ProgressTrainee {
  deviceKey: string;
  importedAt: number;
  detailsExportedAt: number;
}

export interface MergePlan {
  trainee: TraineeMerge;
  /** The trainee is one of this device's profiles (no trainee row is written for them). */
  isProfile: boolean;
  /** The trainee row to put, or null to leave the stored one (or none, for a profile). */
  traineeRow: TraineeRow | null;
  /** Outcomes to add, with origin 'imported'. */
  added: FrozenOutcome[];
  /** Uids already held with the same content. */
  unchanged: string[];
  conflicts: OutcomeConflict[];
  /** Outcomes not looked at because the file is signed by another device. */
  withheld: number;
  /** Played scenarios the added outcomes name that the academy does not hold yet. */
  playedToAdd: PlayedScenario[];
}

const gist = (summary: OutcomeSummary): OutcomeGist => ({
  passed: summary.passed,
  average: summary.average,
  scores: { ...summary.scores },
  finishedAt: summary.finishedAt,
});

/** An outcome's content, whatever device holds it: where it came from is not part of the record. */
const contentOf = (outcome: FrozenOutcome) => canonicalJson({ summary: { ...outcome.summary, origin: null }, detail: outcome.detail });

function differingFields(stored: FrozenOutcome, file: FrozenOutcome): string[] {
  const keys = new Set([...Object.keys(stored.summary), ...Object.keys(file.summary)]);
  keys.delete('origin');
  const record = (summary: OutcomeSummary) => summary as unknown as Record<string, unknown>;
  const fields = [...keys].filter((key) => canonicalJson(record(stored.summary)[key]) !== canonicalJson(record(file.summary)[key])).sort();
  return fields.length > 0 ? fields : ['detail'];
}

const sameDetails = (a: ProgressTrainee, b: ProgressTrainee, field: TraineeField) => a[field] === b[field];

/**
 * The merge of one verified file into the academy's records. Pure: the same file and state give the
 * same plan. `trustDevice` is the administrator's answer to "signed by another device": the trainee
 * moved to the device that signed this file (or reinstalled Attaché), and is tied to its key from now on.
 */
export function planMerge(file: VerifiedProgressFile, state: MergeState, options: { importedAt: number; trustDevice?: boolean }): MergePlan {
  const known = state.trainee;
  const isProfile = known?.kind === 'profile';
  const plan: MergePlan = {
    trainee: { status: 'unchanged' },
    isProfile,
    traineeRow: null,
    added: [],
    unchanged: [],
    conflicts: [],
    withheld: 0,
    playedToAdd: [],
  };

  const tiedKey = known === null ? file.deviceKey : isProfile ? state.localDeviceKey : known.deviceKey;
  const otherDevice = tiedKey !== file.deviceKey;
  if (otherDevice && !options.trustDevice) {
    return { ...plan, trainee: { status: 'other-device', knownKey: tiedKey }, withheld: file.outcomes.length };
  }

  const changed = known === null ? [] : TRAINEE_FIELDS.filter((field) => !sameDetails(known, file.trainee, field));
  const fileIsNewer = known === null || known.detailsExportedAt === null || file.exportedAt > known.detailsExportedAt;
  if (known === null) plan.trainee = { status: 'new' };
  else if (otherDevice) plan.trainee = { status: 'device-trusted', previousKey: tiedKey, fields: fileIsNewer && !isProfile ? changed : [] };
  else if (changed.length === 0) plan.trainee = { status: 'unchanged' };
  else if (fileIsNewer && !isProfile) plan.trainee = { status: 'updated', fields: changed };
  else plan.trainee = { status: 'kept', fields: changed };

  const playedByKey = new Map(file.played.map((played) => [played.key, played]));
  const playedConflicts = new Set<string>();
  for (const played of file.played) {
    const stored = state.played.get(played.key);
    if (stored && canonicalJson(stored) !== canonicalJson(played)) playedConflicts.add(played.key);
  }
  const playedNeeded = new Set<string>();
  for (const outcome of file.outcomes) {
    const { summary } = outcome;
    const stored = state.outcomes.get(summary.uid);
    if (stored) {
      if (contentOf(stored) === contentOf(outcome)) plan.unchanged.push(summary.uid);
      else {
        plan.conflicts.push({
          uid: summary.uid,
          packId: summary.packId,
          scenarioId: summary.scenarioId,
          reason: 'content',
          fields: differingFields(stored, outcome),
          stored: gist(stored.summary),
          file: gist(summary),
        });
      }
    } else if (playedConflicts.has(summary.playedScenario)) {
      plan.conflicts.push({
        uid: summary.uid,
        packId: summary.packId,
        scenarioId: summary.scenarioId,
        reason: 'scenario',
        fields: ['playedScenario'],
        stored: null,
        file: gist(summary),
      });
    } else {
      plan.added.push({ summary: { ...summary, origin: 'imported' }, detail: outcome.detail });
      if (!state.played.has(summary.playedScenario)) playedNeeded.add(summary.playedScenario);
    }
  }
  plan.playedToAdd = [...playedNeeded].sort().map((key) => playedByKey.get(key)!);

  if (!isProfile) {
    const detailsApplied = known === null || (fileIsNewer && changed.length > 0);
    const somethingChanged = detailsApplied || otherDevice || plan.added.length > 0;
    if (somethingChanged) {
      const details = detailsApplied || known === null ? file.trainee : known;
      plan.traineeRow = {
        uid: file.trainee.uid,
        name: details.name,
        academyId: details.academyId,
        email: details.email,
        deviceKey: file.deviceKey,
        importedAt: options.importedAt,
        detailsExportedAt: detailsApplied ? file.exportedAt : (known?.detailsExportedAt ?? file.exportedAt),
      };
    }
  }
  return plan;
}
