// Runtime: any (pure core). Every frozen outcome as one row, for a spreadsheet (CSV) or another program
// (JSON): who played, what exactly (pack id, version and content hash), when (ISO 8601, UTC), for how
// long, and with what result, under which app and grader versions. The columns are documented in the
// README ("Exports"); ATTEMPT_COLUMNS is their order.
import Papa from 'papaparse';
import { AXES, type Axis } from '../pack/schema';
import { isoUtc, type ExportCatalog, type ExportTrainee } from './export-common';
import type { OutcomeOrigin, OutcomeSummary, OutcomeVersions } from './outcome';

export const ATTEMPTS_EXPORT_FORMAT = 'attache-attempts';
export const ATTEMPTS_EXPORT_VERSION = 1;

/** The CSV's columns, in order. */
export const ATTEMPT_COLUMNS = [
  'attempt_uid',
  'trainee_uid',
  'trainee_name',
  'academy_id',
  'email',
  'pack_id',
  'pack_title',
  'pack_version',
  'pack_content_hash',
  'scenario_id',
  'scenario_title',
  'play_language',
  'started_at',
  'finished_at',
  'time_on_task_seconds',
  'simulated_minutes',
  'passed',
  'average',
  ...AXES.map((axis) => `score_${axis}` as const),
  'app_version',
  'grader_version',
  'origin',
] as const;

export type AttemptColumn = (typeof ATTEMPT_COLUMNS)[number];

/** One attempt as the JSON export writes it. */
export interface AttemptRecordExport {
  uid: string;
  trainee: ExportTrainee;
  pack: { id: string; title: string; version: string; contentHash: string | null };
  scenario: { id: string; title: string };
  playLanguage: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  finishedAt: string;
  timeOnTaskSeconds: number;
  simulatedMinutes: number;
  passed: boolean;
  average: number;
  scores: Record<Axis, number>;
  versions: OutcomeVersions;
  origin: OutcomeOrigin;
}

export interface AttemptsExportMeta {
  /** Milliseconds since the epoch. */
  exportedAt: number;
  academy: { name: string | null; iri: string | null };
}

/** What one outcome becomes; a trainee unknown here (should not happen) is named by uid only. */
export function attemptRecord(summary: OutcomeSummary, trainee: ExportTrainee | undefined, catalog: ExportCatalog): AttemptRecordExport {
  const scenario = catalog.scenario(summary.packId, summary.scenarioId);
  return {
    uid: summary.uid,
    trainee: trainee ?? { uid: summary.traineeUid, name: '', academyId: null, email: null },
    pack: { id: summary.packId, title: scenario.packTitle, version: summary.packVersion, contentHash: summary.packContentHash },
    scenario: { id: summary.scenarioId, title: scenario.title },
    playLanguage: summary.playLanguage,
    startedAt: isoUtc(summary.startedAt),
    finishedAt: isoUtc(summary.finishedAt),
    timeOnTaskSeconds: Math.round(summary.timeOnTaskMs / 1000),
    simulatedMinutes: summary.simulatedMinutes,
    passed: summary.passed,
    average: summary.average,
    scores: { ...summary.scores },
    versions: { ...summary.versions },
    origin: summary.origin,
  };
}

/** Trainees by name (then uid), each trainee's attempts in the order they finished. */
export function compareAttemptRecords(a: AttemptRecordExport, b: AttemptRecordExport): number {
  return (
    a.trainee.name.localeCompare(b.trainee.name) ||
    a.trainee.uid.localeCompare(b.trainee.uid) ||
    a.finishedAt.localeCompare(b.finishedAt) ||
    a.uid.localeCompare(b.uid)
  );
}

function csvRow(record: AttemptRecordExport): Record<AttemptColumn, string | number | boolean> {
  const scores = Object.fromEntries(AXES.map((axis) => [`score_${axis}`, record.scores[axis]])) as Record<`score_${Axis}`, number>;
  return {
    attempt_uid: record.uid,
    trainee_uid: record.trainee.uid,
    trainee_name: record.trainee.name,
    academy_id: record.trainee.academyId ?? '',
    email: record.trainee.email ?? '',
    pack_id: record.pack.id,
    pack_title: record.pack.title,
    pack_version: record.pack.version,
    pack_content_hash: record.pack.contentHash ?? '',
    scenario_id: record.scenario.id,
    scenario_title: record.scenario.title,
    play_language: record.playLanguage,
    started_at: record.startedAt,
    finished_at: record.finishedAt,
    time_on_task_seconds: record.timeOnTaskSeconds,
    simulated_minutes: record.simulatedMinutes,
    passed: record.passed,
    average: record.average,
    ...scores,
    app_version: record.versions.app,
    grader_version: record.versions.grader,
    origin: record.origin,
  };
}

/** What a spreadsheet takes for the start of a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The CSV: a byte-order mark first (so spreadsheet programs read UTF-8, Cyrillic included), RFC 4180
 * quoting, CRLF line ends, and a cell that a spreadsheet would run as a formula (=, +, -, @ first)
 * written with an apostrophe in front, so opening the file runs nothing.
 */
export function attemptsCsv(records: readonly AttemptRecordExport[]): string {
  const body = Papa.unparse(
    {
      fields: [...ATTEMPT_COLUMNS],
      data: records.map((record) => {
        const row = csvRow(record);
        return ATTEMPT_COLUMNS.map((column) => row[column]);
      }),
    },
    // papaparse's own pattern (`escapeFormulae: true`) misses a formula followed by a new line.
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${body}\r\n`;
}

/** The JSON: the format's name and version, when and by which academy it was exported, and the attempts. */
export function attemptsJson(records: readonly AttemptRecordExport[], meta: AttemptsExportMeta): string {
  return `${JSON.stringify(
    { format: ATTEMPTS_EXPORT_FORMAT, version: ATTEMPTS_EXPORT_VERSION, exportedAt: isoUtc(meta.exportedAt), academy: meta.academy, attempts: records },
    null,
    2,
  )}\n`;
}
