// Runtime: renderer. Attaché's local database: everything a trainee does stays on this device.
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { AttemptVersions } from '../core/engine/attempt';
import type { EngineEvent } from '../core/engine/machine';
import type { Diagnostic } from '../core/pack/diagnostics';
import type { Pack } from '../core/pack/load';
import type { Axis, TaskKind } from '../core/pack/schema';
import type { StatementVerb } from '../core/records/xapi';
import type { OutcomeDetail, OutcomeSummary, PlayedScenario } from '../core/records/outcome';
import type { SecretHash } from '../core/records/secret';
import { applySchema } from './schema';

export const DATABASE_NAME = 'attache';

export interface ProfileRecord {
  id: number;
  /** The trainee's id wherever their records travel (progress files, the academy's machine, exports). */
  uid: string;
  name: string;
  academyId: string | null;
  /** For academies whose LMS matches trainees by e-mail. */
  email: string | null;
  /** A slow hash of the profile's PIN, when the trainee set one: switching into the profile asks for it. */
  pin: SecretHash | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** When the profile was last made active (or created): orders the profile picker. */
  lastUsedAt: number;
}

export type AttemptStatus = 'active' | 'finished';

/** What an attempt came to, kept beside it so lists need not rebuild the outcome. */
export interface AttemptResult {
  passed: boolean;
  /** Mean of the axis scores, 0–100. */
  average: number;
  scores: Record<Axis, number>;
}

/**
 * One play of one scenario by one profile, after `eventCount` events. Its machine snapshot is kept
 * apart, in AttemptSnapshotRecord, so that lists of attempts do not load every snapshot.
 */
export interface AttemptRecord {
  id: number;
  /** The attempt's id wherever its record travels; its frozen outcome is stored under it. */
  uid: string;
  profileId: number;
  packId: string;
  packVersion: string;
  scenarioId: string;
  playLanguage: string;
  seed: number;
  status: AttemptStatus;
  /** Milliseconds since the epoch. */
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** The versions the snapshot was made under (see core/engine/attempt.ts). */
  versions: AttemptVersions;
  /** How many events the log holds; the next event's `seq`. */
  eventCount: number;
  result: AttemptResult | null;
}

/** An attempt's persisted machine snapshot after its last event, written with that event. */
export interface AttemptSnapshotRecord {
  attemptId: number;
  /** `persistSnapshot()` of the machine (see core/engine/attempt.ts). */
  snapshot: unknown;
}

/** One event of an attempt's log, in order from seq 0. */
export interface AttemptEventRecord {
  attemptId: number;
  seq: number;
  event: EngineEvent;
  /** Wall-clock milliseconds when it was recorded: for the record, never for replay. */
  recordedAt: number;
}

/** What the trainee is typing in an attempt's composer, kept so a crash loses no words. */
export interface ComposerDraftRecord {
  attemptId: number;
  accountId: string;
  kind: TaskKind;
  taskId: string | null;
  replyTo: string | null;
  text: string;
  updatedAt: number;
}

/**
 * What the trainee has seen of an attempt's desk: for each view (an account id, or 'inbox') how many
 * of its items they have had in front of them, and the view they were on. Badges count the rest.
 */
export interface DeskStateRecord {
  attemptId: number;
  /** The view's key: an account id, or 'inbox'. */
  view: string;
  /** Items seen, by view key. */
  seen: Record<string, number>;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/**
 * A trainee whose records came to this device in a progress file (the trainees of this device are its
 * profiles). Kept apart from profiles: nobody plays as an imported trainee.
 */
export interface TraineeRecord {
  uid: string;
  name: string;
  academyId: string | null;
  email: string | null;
  /** The Ed25519 public key (hex) of the device whose progress file first brought the trainee here. */
  deviceKey: string;
  /** Milliseconds since the epoch: the last import that changed the trainee. */
  importedAt: number;
  /**
   * When the progress file the name, academy ID and e-mail came from was saved (on the trainee's
   * device): a file saved later replaces them, an earlier one does not. Absent on rows written before it
   * was kept; the next file's details then win.
   */
  detailsExportedAt?: number;
}

/** A frozen outcome's summary (see core/records/outcome.ts), one row per finished attempt, local or imported. */
export type OutcomeRecord = OutcomeSummary;
/** The debrief's data of a frozen outcome, apart so that lists never load it. */
export type OutcomeDetailRecord = OutcomeDetail;
export type PlayedScenarioRecord = PlayedScenario;

/**
 * Where an xAPI statement stands: waiting to be sent (or sent, with no answer yet), accepted by the
 * LRS, or dead: the LRS will never take it as it is (a conflict with a statement it holds under the same
 * id, or a statement it finds invalid), with its reply kept to show.
 */
export type OutboxState = 'pending' | 'sent' | 'dead';

/** Why a statement is dead: the LRS's status and reply, and when it said so. */
export interface OutboxProblem {
  kind: 'conflict' | 'invalid';
  status: number;
  /** The LRS's reply, cut to a few kilobytes. */
  reply: string;
  at: number;
}

/**
 * One xAPI statement built from a frozen outcome (or a course's completion), kept byte for byte: the
 * LRS accepts the same id again only with the same content, so `json` is never rebuilt.
 */
export interface OutboxRecord {
  /** Order of building: statements are sent in this order. Absent only before the row is added. */
  seq?: number;
  /** The statement's id (UUID v5 from stable inputs). */
  id: string;
  traineeUid: string;
  /** The frozen outcome the statement tells of; null for a course's `satisfied`. */
  outcomeUid: string | null;
  verb: StatementVerb;
  json: string;
  state: OutboxState;
  /** Milliseconds since the epoch. */
  builtAt: number;
  sentAt: number | null;
  problem: OutboxProblem | null;
}

/** A scenario pack installed from a `.attache` archive; the archive is kept whole and re-checked on load. */
export interface InstalledPackRecord {
  packId: string;
  version: string;
  archive: Uint8Array;
  /** Milliseconds since the epoch. */
  installedAt: number;
}

/**
 * What checking an installed archive gave, kept so that the next start need not inflate, re-hash and
 * validate it again. Trusted only for the same installation (the packs table is written only by
 * installPack, which stamps every installation anew) of the same size, under the same app version,
 * pack format and check format: a change of any of them checks the archive again.
 */
export interface CheckedPackRecord {
  /** See `installationKey()` in library/load-library.ts: pack id, installation time, archive size. */
  installation: string;
  /** The archive's verified content hash (SHA-256 of its files), as its manifest states it; null when unreadable. */
  contentHash: string | null;
  appVersion: string;
  packFormat: number;
  checkFormat: number;
  outcome: { kind: 'valid'; pack: Pack } | { kind: 'invalid'; diagnostics: Diagnostic[] };
  /** Milliseconds since the epoch. */
  checkedAt: number;
}

/** Where a pack open in the studio came from, and so how it is saved back (see studio/sources.ts). */
export type StudioDraftSource =
  { kind: 'new' } | { kind: 'installed'; packId: string; version: string } | { kind: 'archive'; name: string } | { kind: 'folder'; path: string };

/**
 * A pack being edited in the studio, as its files: the recovery copy written after every change, so
 * that closing the app loses nothing. In the web build it is where the pack lives until exported.
 */
export interface StudioDraftRecord {
  draftId: string;
  source: StudioDraftSource;
  /** YAML files by path inside the pack. */
  texts: Map<string, string>;
  /** Every other file, as bytes. */
  media: Map<string, Uint8Array>;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** The pack's title (or id) when it was saved, for the list of recovery copies. */
  label: string;
}

/** The academy's settings (see repositories/academy.ts): each its own row, so an unreadable one loses only itself. */
export type AcademySettingKey = 'academyName' | 'academyIri' | 'academyIdentityField' | 'adminPassphrase' | 'xapiIncludeDraftText';
/**
 * What the export dialog remembers: Moodle grade item ID numbers and options (see repositories/moodle-export.ts);
 * how the studio's spreadsheet import mapped each kind of sheet's columns (core/studio/mel.ts).
 */
export type SettingKey = 'language' | 'theme' | 'activeProfileId' | AcademySettingKey | 'moodleExport' | 'studioImportMappings';

/** A value is checked when it is read, so a row written by another version cannot break the UI. */
export interface SettingRow {
  key: SettingKey;
  value: unknown;
}

/**
 * Read the tables directly only to query; every write goes through the functions in
 * `repositories/`, which validate, use transactions and report a full disk as StorageFullError.
 */
export class AttacheDatabase extends Dexie {
  declare profiles: EntityTable<ProfileRecord, 'id'>;
  declare settings: EntityTable<SettingRow, 'key'>;
  declare attempts: EntityTable<AttemptRecord, 'id'>;
  declare attemptSnapshots: EntityTable<AttemptSnapshotRecord, 'attemptId'>;
  declare attemptEvents: Table<AttemptEventRecord, [number, number]>;
  declare composerDrafts: EntityTable<ComposerDraftRecord, 'attemptId'>;
  declare packs: EntityTable<InstalledPackRecord, 'packId'>;
  declare checkedPacks: EntityTable<CheckedPackRecord, 'installation'>;
  declare outcomes: EntityTable<OutcomeRecord, 'uid'>;
  declare outcomeDetails: EntityTable<OutcomeDetailRecord, 'uid'>;
  declare playedScenarios: EntityTable<PlayedScenarioRecord, 'key'>;
  declare trainees: EntityTable<TraineeRecord, 'uid'>;
  declare outbox: EntityTable<OutboxRecord, 'seq'>;
  declare studioDrafts: EntityTable<StudioDraftRecord, 'draftId'>;
  declare deskStates: EntityTable<DeskStateRecord, 'attemptId'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    applySchema(this);
  }
}
