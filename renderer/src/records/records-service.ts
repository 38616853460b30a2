// Runtime: web worker, or the renderer where a worker cannot start. The records' heavy pure work, answered
// request by request: progress files read, verified and their drafts graded again; backups read and
// checked whole, and written; the attempts export built. The same code runs in the worker and in the
// page's fallback, so both give the same answers. Nothing here touches the database: reading and
// writing it stays in the page, in Dexie's transactions.
import { GRADER_VERSION } from '../core/grading/version';
import { attemptsCsv, attemptsJson } from '../core/records/attempts-export';
import type { BackupData } from '../core/records/backup-format';
import { BACKUP_TABLES, BackupError, readBackup, writeBackup } from '../core/records/backup-format';
import type { PlayedScenario } from '../core/records/outcome';
import type { VerifiedProgressFile } from '../core/records/progress-file';
import { ProgressFileError, readProgressFile } from '../core/records/progress-file';
import type { Regrader } from '../core/records/regrade';
import { createRegrader } from '../core/records/regrade';
import type { ProgressFileCheck, RecordsFinalReply, RecordsPartReply, RecordsRequest, RegradeSummary } from './records-protocol';
import { BACKUP_ROWS_PER_PART, MAX_DRAFTS_GRADED_PER_FILE } from './records-protocol';

/**
 * Every outcome of a verified file graded again, against the installed scenario where the academy has the
 * same pack content; past `maxDrafts` drafts in all, the outcomes are not compared (see MAX_DRAFTS_GRADED_PER_FILE).
 */
export function regradeFile(
  file: VerifiedProgressFile,
  regrader: Regrader,
  installed: ReadonlyMap<string, PlayedScenario>,
  maxDrafts = MAX_DRAFTS_GRADED_PER_FILE,
): RegradeSummary {
  const played = new Map(file.played.map((scenario) => [scenario.key, scenario]));
  const result: RegradeSummary = { consistent: 0, flagged: [], notCompared: [], drafts: 0 };
  for (const outcome of file.outcomes) {
    // readProgressFile guarantees every outcome names a scenario the file holds.
    const scenario = played.get(outcome.summary.playedScenario)!;
    const report = regrader.check(outcome, scenario, installed.get(scenario.key) ?? null, { maxDrafts: maxDrafts - result.drafts });
    result.drafts += report.drafts;
    if (report.verdict === 'consistent') result.consistent += 1;
    else if (report.verdict === 'flagged') result.flagged.push(report);
    else result.notCompared.push(report);
  }
  return result;
}

/**
 * Checks progress files against the scenarios the academy has installed: read and verified, then every
 * draft graded again. The grader's preparations are shared by every file checked through one checker.
 */
export function progressFileChecks(installed: readonly PlayedScenario[], regrader: Regrader = createRegrader({ graderVersion: GRADER_VERSION })) {
  const byKey = new Map(installed.map((scenario) => [scenario.key, scenario]));
  return (bytes: Uint8Array): ProgressFileCheck => {
    let file: VerifiedProgressFile;
    try {
      file = readProgressFile(bytes);
    } catch (error) {
      if (!(error instanceof ProgressFileError)) throw error;
      return { status: 'refused', refusal: { code: error.code, message: error.message, entry: error.entry ?? null, field: error.field ?? null } };
    }
    return { status: 'checked', file, regrade: regradeFile(file, regrader, byKey) };
  };
}

/** A byte array that owns its whole buffer, so that cloning it copies only its own bytes. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function emptyData(): BackupData {
  return Object.fromEntries(BACKUP_TABLES.map((table) => [table, []])) as unknown as BackupData;
}

export interface RecordsService {
  /** Answers one request; `tell` receives the replies that come before the answer (rows, progress). */
  answer(request: RecordsRequest, tell: (part: RecordsPartReply) => void): Promise<RecordsFinalReply>;
}

/**
 * The records' requests, answered with state kept between them (import sessions, a backup's staged
 * rows). `breathe` runs between the files of a backup being written: in the page it gives the page its
 * turn to draw the progress; in the worker nothing needs it.
 */
export function createRecordsService(options: { breathe?: () => Promise<void> } = {}): RecordsService {
  const breathe = options.breathe ?? (() => Promise.resolve());
  const sessions = new Map<number, (bytes: Uint8Array) => ProgressFileCheck>();
  const staged = new Map<number, BackupData>();

  const answer = async (request: RecordsRequest, tell: (part: RecordsPartReply) => void): Promise<RecordsFinalReply> => {
    switch (request.kind) {
      case 'import-begin':
        sessions.set(request.session, progressFileChecks(request.installed));
        return { kind: 'ok' };
      case 'import-check': {
        const check = sessions.get(request.session);
        if (!check) return { kind: 'failed', message: `No import session ${request.session} is open.` };
        return { kind: 'progress-file', check: check(request.bytes) };
      }
      case 'import-end':
        sessions.delete(request.session);
        return { kind: 'ok' };
      case 'backup-open': {
        const { meta, data } = readBackup(request.bytes, request.schemaVersion);
        for (const table of BACKUP_TABLES) {
          const rows: readonly unknown[] = table === 'packs' ? data.packs.map((pack) => ({ ...pack, archive: ownBytes(pack.archive) })) : data[table];
          const size = BACKUP_ROWS_PER_PART[table];
          for (let start = 0; start < rows.length; start += size) tell({ kind: 'backup-part', table, rows: rows.slice(start, start + size) });
        }
        return { kind: 'backup-opened', meta };
      }
      case 'backup-stage': {
        let data = staged.get(request.job);
        if (!data) staged.set(request.job, (data = emptyData()));
        const rows = data[request.table] as unknown[];
        for (const row of request.rows) rows.push(row);
        return { kind: 'ok' };
      }
      case 'backup-discard':
        staged.delete(request.job);
        return { kind: 'ok' };
      case 'backup-write': {
        const data = staged.get(request.job) ?? emptyData();
        staged.delete(request.job);
        const steps = writeBackup({ meta: request.meta, data });
        for (;;) {
          const step = steps.next();
          if (step.done) return { kind: 'file', bytes: step.value };
          tell({ kind: 'progress', ...step.value });
          await breathe();
        }
      }
      case 'attempts-file': {
        const text = request.format === 'csv' ? attemptsCsv(request.records) : attemptsJson(request.records, request.meta);
        return { kind: 'file', bytes: new TextEncoder().encode(text) };
      }
    }
  };

  return {
    async answer(request, tell) {
      try {
        return await answer(request, tell);
      } catch (error) {
        if (error instanceof BackupError) return { kind: 'backup-refused', refusal: { code: error.code, message: error.message, where: { ...error.where } } };
        return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
