// Runtime: renderer (browser). The exports an academy takes away: Moodle gradebook CSV and XML, the
// attempts as CSV or JSON, and trainees' transcripts. Gathers the trainees (this device's profiles and
// those imported from progress files), their outcome summaries (never an outcome's detail), the
// academy's settings and the titles of what they played; does the per-trainee work in chunks, giving
// the page back between chunks and saying how far it got, so that 500 trainees never freeze the screen;
// and hands back the file's bytes with a name to suggest. The rules of each format live in the core.
import { replaceUnsafeFileNameCharacters } from '../core/file-name';
import { attemptRecord, compareAttemptRecords, type AttemptRecordExport } from '../core/records/attempts-export';
import { byTrainee, exportCatalog, type ExportCatalog, type ExportTrainee, type IdentityField } from '../core/records/export-common';
import {
  gradeItemsOf,
  gradeTrainee,
  moodleCsv,
  moodleXml,
  type GradedTrainee,
  type GradeItem,
  type GradingOptions,
  type MoodlePlan,
} from '../core/records/moodle';
import type { GradeItemLevel } from '../core/records/moodle-settings';
import type { OutcomeSummary } from '../core/records/outcome';
import { buildTranscript, transcriptHtml, type TranscriptData, type TranscriptLabels } from '../core/records/transcript';
import type { AttacheDatabase } from '../db/database';
import { readAcademy, type AcademySettings } from '../db/repositories/academy';
import type { Library } from '../library/library';
import { readCohort } from './cohort';
import { recordsClient, type RecordsClient } from './records-client';

/** Everything the exports read, read once when the export dialog opens. */
export interface ExportSource {
  academy: AcademySettings;
  /** Every trainee, by name. */
  trainees: ExportTrainee[];
  outcomes: OutcomeSummary[];
  outcomesByTrainee: Map<string, OutcomeSummary[]>;
  /** Titles in the export's language: from the installed packs, else from the scenarios as played. */
  catalog: ExportCatalog;
}

/** Reads the trainees, their outcome summaries and the academy's settings; titles in `language`. */
export async function readExportSource(db: AttacheDatabase, library: Library, language: string): Promise<ExportSource> {
  const [cohort, academy, played] = await Promise.all([
    readCohort(db),
    readAcademy(db),
    // Only what names a scenario whose pack is gone: the played scenarios are few (one per pack content).
    db.playedScenarios.toArray().then((rows) => rows.map(({ packId, packTitle, scenario }) => ({ packId, packTitle, scenario }))),
  ]);
  const seen = new Set<string>();
  const trainees: ExportTrainee[] = [];
  for (const { uid, name, academyId, email } of cohort.trainees) {
    if (seen.has(uid)) continue;
    seen.add(uid);
    trainees.push({ uid, name, academyId, email });
  }
  trainees.sort((a, b) => a.name.localeCompare(b.name, language) || a.uid.localeCompare(b.uid));
  return {
    academy,
    trainees,
    outcomes: cohort.outcomes,
    outcomesByTrainee: byTrainee(cohort.outcomes),
    catalog: exportCatalog(library.packs, language, played),
  };
}

/** The trainees with at least one finished attempt: the only ones any export has something to say about. */
export function traineesWithRecords(source: ExportSource): ExportTrainee[] {
  return source.trainees.filter((trainee) => (source.outcomesByTrainee.get(trainee.uid)?.length ?? 0) > 0);
}

/** Trainees with records but without the identity field the academy's LMS matches by. */
export function traineesWithoutIdentity(source: ExportSource, field: IdentityField): ExportTrainee[] {
  return traineesWithRecords(source).filter((trainee) => !(field === 'academyId' ? trainee.academyId : trainee.email)?.trim());
}

export interface ChunkOptions {
  /** Told after each chunk: how many items are done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the work before the next chunk with an AbortError. */
  signal?: AbortSignal;
  chunkSize?: number;
  /** How the page gets its turn between chunks; a zero-delay timer unless a test says otherwise. */
  yieldToPage?: () => Promise<void>;
}

/** Trainees per chunk: a chunk of the slowest work (a Moodle grade per course) takes a few milliseconds. */
export const EXPORT_CHUNK_SIZE = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ExportCancelledError extends Error {
  override name = 'AbortError';

  constructor() {
    super('The export was cancelled; nothing was saved.');
  }
}

/** `work` over every item, a chunk at a time, the page getting its turn and the progress told between chunks. */
export async function inChunks<T, R>(items: readonly T[], work: (item: T) => R, options: ChunkOptions = {}): Promise<R[]> {
  const { onProgress, signal, chunkSize = EXPORT_CHUNK_SIZE, yieldToPage = nextTask } = options;
  const results: R[] = [];
  onProgress?.(0, items.length);
  for (let start = 0; start < items.length; start += chunkSize) {
    if (signal?.aborted) throw new ExportCancelledError();
    for (const item of items.slice(start, start + chunkSize)) results.push(work(item));
    onProgress?.(results.length, items.length);
    if (results.length < items.length) await yieldToPage();
  }
  if (signal?.aborted) throw new ExportCancelledError();
  return results;
}

export interface MoodleGrading {
  items: GradeItem[];
  graded: GradedTrainee[];
}

/** Every trainee with records graded for every grade item of the level: the pre-flight's and the file's input. */
export async function gradeForMoodle(source: ExportSource, level: GradeItemLevel, grading: GradingOptions, options?: ChunkOptions): Promise<MoodleGrading> {
  const items = gradeItemsOf(source.catalog, level);
  const graded = await inChunks(
    traineesWithRecords(source),
    (trainee) => gradeTrainee(trainee, source.outcomesByTrainee.get(trainee.uid) ?? [], items, grading),
    options,
  );
  return { items, graded };
}

/** A file to save: its bytes, and the name and kind to suggest in the save dialog. */
export interface ExportFile {
  bytes: Uint8Array;
  suggestedName: string;
  extension: 'csv' | 'xml' | 'json' | 'pdf';
}

/** The local date of `now` as YYYY-MM-DD, for file names. */
export function localDate(now: number): string {
  const date = new Date(now);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function fileNamePart(text: string): string {
  return replaceUnsafeFileNameCharacters(text, '-').replace(/\s+/g, ' ').trim().slice(0, 80).trim() || 'trainee';
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The Moodle CSV or XML of a ready plan (the core refuses one that is not). */
export function moodleFile(plan: MoodlePlan, now: number): ExportFile {
  const extension = plan.format;
  return { bytes: utf8(extension === 'csv' ? moodleCsv(plan) : moodleXml(plan)), suggestedName: `moodle-grades-${localDate(now)}.${extension}`, extension };
}

/** Every attempt of every trainee, one record each, built a trainee at a time. */
export async function attemptRecords(source: ExportSource, options?: ChunkOptions): Promise<AttemptRecordExport[]> {
  const known = new Map(source.trainees.map((trainee) => [trainee.uid, trainee]));
  const groups = [...source.outcomesByTrainee.entries()];
  const records = (
    await inChunks(groups, ([uid, outcomes]) => outcomes.map((outcome) => attemptRecord(outcome, known.get(uid), source.catalog)), options)
  ).flat();
  return records.sort(compareAttemptRecords);
}

/** Settles as `work` does, or rejects with ExportCancelledError as soon as `signal` aborts. */
function unlessCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new ExportCancelledError());
  return new Promise((resolve, reject) => {
    const cancel = () => reject(new ExportCancelledError());
    signal.addEventListener('abort', cancel, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancel));
  });
}

/**
 * The attempts as CSV or JSON. The records are gathered a chunk of trainees at a time; the file's text
 * (over 100 ms for 500 trainees' CSV) is written by the records worker.
 */
export async function attemptsFile(
  source: ExportSource,
  format: 'csv' | 'json',
  now: number,
  options?: ChunkOptions & { client?: RecordsClient },
): Promise<ExportFile> {
  const records = await attemptRecords(source, options);
  const meta = { exportedAt: now, academy: { name: source.academy.name, iri: source.academy.iri } };
  const bytes = await unlessCancelled((options?.client ?? recordsClient()).attemptsFile(records, format, meta), options?.signal);
  return { bytes, suggestedName: `attempts-${localDate(now)}.${format}`, extension: format };
}

/** The transcripts of the trainees asked for (in the source's order), and the document the PDF is printed from. */
export async function transcripts(
  source: ExportSource,
  traineeUids: readonly string[],
  labels: TranscriptLabels,
  language: string,
  now: number,
  options?: ChunkOptions,
): Promise<{ data: TranscriptData[]; html: string }> {
  const wanted = new Set(traineeUids);
  const chosen = source.trainees.filter((trainee) => wanted.has(trainee.uid));
  const data = await inChunks(
    chosen,
    (trainee) => buildTranscript(trainee, source.outcomesByTrainee.get(trainee.uid) ?? [], source.catalog, { name: source.academy.name }, now),
    options,
  );
  return { data, html: transcriptHtml(data, labels, { language }) };
}

/** "transcript-Ольга Смирнова-2026-03-01.pdf" for one trainee, "transcripts-2026-03-01.pdf" for several. */
export function transcriptFileName(data: readonly TranscriptData[], now: number): string {
  return data.length === 1 ? `transcript-${fileNamePart(data[0]!.trainee.name)}-${localDate(now)}.pdf` : `transcripts-${localDate(now)}.pdf`;
}
