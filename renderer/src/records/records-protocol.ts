// Runtime: any. The messages between the renderer and the records worker. Plain data only, so they cross
// by structured clone: records, rows and byte arrays, never classes (a refusal crosses as its code,
// message and place, and the client makes the error class again). Large data crosses in parts, each
// its own message, so that neither thread spends long copying one: a backup's rows go to the worker a
// slice of a table at a time to be written, and come back the same way when a backup is opened.
import type { AttemptRecordExport, AttemptsExportMeta } from '../core/records/attempts-export';
import type { BackupErrorCode, BackupErrorWhere, BackupMeta, BackupTable } from '../core/records/backup-format';
import type { PlayedScenario } from '../core/records/outcome';
import type { ProgressFileErrorCode, VerifiedProgressFile } from '../core/records/progress-file';
import type { RegradeReport } from '../core/records/regrade';

/**
 * Drafts graded again per progress file: a trainee's file holds a few dozen (the demo cohort's at most
 * 40) and grading one takes about a millisecond, so no file keeps an import busy for long, whatever it
 * holds. The outcomes past it are listed as not compared, each by name.
 */
export const MAX_DRAFTS_GRADED_PER_FILE = 1_000;

/** What re-grading a progress file's drafts found, per outcome. */
export interface RegradeSummary {
  /** Outcomes graded again and found as they were played. */
  consistent: number;
  flagged: RegradeReport[];
  notCompared: RegradeReport[];
  drafts: number;
}

/** Why a progress file was refused: a ProgressFileError as plain data. */
export interface ProgressFileRefusal {
  code: ProgressFileErrorCode;
  message: string;
  /** The file inside the progress file at fault, and the field in it. */
  entry: string | null;
  field: string | null;
}

/** A progress file read, verified and its drafts graded again: everything short of the merge, which needs the database. */
export type ProgressFileCheck =
  { status: 'checked'; file: VerifiedProgressFile; regrade: RegradeSummary } | { status: 'refused'; refusal: ProgressFileRefusal };

/** A BackupError as plain data. */
export interface BackupRefusal {
  code: BackupErrorCode;
  message: string;
  where: BackupErrorWhere;
}

export type RecordsRequest =
  /** Opens a session of progress-file checks against the scenarios the academy has installed (shared by every file of an import). */
  | { kind: 'import-begin'; session: number; installed: PlayedScenario[] }
  | { kind: 'import-check'; session: number; bytes: Uint8Array }
  | { kind: 'import-end'; session: number }
  /** Reads and checks a backup whole; its rows come back in `backup-part` messages before `backup-opened`. */
  | { kind: 'backup-open'; bytes: Uint8Array; schemaVersion: number }
  /** A slice of a table's rows for the backup `job` to write. */
  | { kind: 'backup-stage'; job: number; table: BackupTable; rows: unknown[] }
  /** Writes the rows staged for `job`, telling `progress` after each file; answers with the file's bytes. */
  | { kind: 'backup-write'; job: number; meta: BackupMeta }
  | { kind: 'backup-discard'; job: number }
  | { kind: 'attempts-file'; records: AttemptRecordExport[]; format: 'csv' | 'json'; meta: AttemptsExportMeta };

/** Replies told before the final one, under the same request id. */
export type RecordsPartReply = { kind: 'backup-part'; table: BackupTable; rows: unknown[] } | { kind: 'progress'; done: number; total: number };

export type RecordsFinalReply =
  | { kind: 'ok' }
  | { kind: 'progress-file'; check: ProgressFileCheck }
  | { kind: 'backup-opened'; meta: BackupMeta }
  | { kind: 'backup-refused'; refusal: BackupRefusal }
  /** A file built: a backup or an export. Its buffer is transferred, not copied. */
  | { kind: 'file'; bytes: Uint8Array }
  /** Something the records code does not expect (a bug): its message. */
  | { kind: 'failed'; message: string };

export type RecordsReply = RecordsPartReply | RecordsFinalReply;

export interface RecordsEnvelope<T> {
  id: number;
  body: T;
}

export function isPartReply(reply: RecordsReply): reply is RecordsPartReply {
  return reply.kind === 'backup-part' || reply.kind === 'progress';
}

/**
 * Rows per message for each table of a backup: a few megabytes at most, so that copying one message
 * takes either thread tens of milliseconds, not seconds. An outcome's detail or an attempt's snapshot
 * holds a whole feed (up to about 20 kB); a played scenario its texts (about 50 kB); a pack its archive.
 */
export const BACKUP_ROWS_PER_PART: Readonly<Record<BackupTable, number>> = Object.freeze({
  settings: 1_000,
  profiles: 2_000,
  attempts: 2_000,
  attemptSnapshots: 100,
  attemptEvents: 5_000,
  composerDrafts: 1_000,
  playedScenarios: 20,
  outcomes: 2_000,
  outcomeDetails: 100,
  trainees: 2_000,
  outbox: 1_000,
  packs: 1,
});
