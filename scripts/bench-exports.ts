// Runtime: Node (scripts). The exports in `npm run bench`: 500 trainees' records (a seeded sample cohort
// over the built-in library's scenarios, about 7,000 outcome summaries) turned into each export the app
// and `records export` write — the Moodle CSV by course (grades, pre-flight and file, with feedback),
// the Moodle XML by scenario, the attempts as CSV and as JSON, and 500 transcripts as one HTML document
// (what the desktop app prints to PDF). Medians of several runs, with targets: the app does the same
// work a chunk of trainees at a time, so these bound how long its progress bar runs.
import { performance } from 'node:perf_hooks';
import { attemptRecord, attemptsCsv, attemptsJson, compareAttemptRecords } from '../renderer/src/core/records/attempts-export';
import { byTrainee, exportCatalog } from '../renderer/src/core/records/export-common';
import { englishFeedback, gradeItemsOf, gradeTrainee, moodleCsv, moodleXml, planMoodleExport, type GradeItemLevel } from '../renderer/src/core/records/moodle';
import { buildTranscript, ENGLISH_TRANSCRIPT_LABELS, transcriptHtml } from '../renderer/src/core/records/transcript';
import { sampleCohort } from '../renderer/src/test/cohort';
import { loadPackOrExplain } from './lib/load-pack';

export const EXPORT_TRAINEES = 500;
const RUNS = 5;

/** Budgets: a Moodle file or the attempts within a quarter of a second of work, 500 transcripts within half a second. */
export const EXPORT_TARGETS = Object.freeze({ moodleMs: 250, attemptsMs: 250, transcriptsMs: 500 });

export interface ExportMeasurement {
  name: string;
  /** Median milliseconds. */
  median: number;
  target: number;
  /** What came out, to show the work was done: bytes of the file. */
  bytes: number;
}

function median(run: () => string): { median: number; bytes: number } {
  let bytes = 0;
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const start = performance.now();
    bytes = Buffer.byteLength(run());
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, bytes };
}

export function runExportBench(): { trainees: number; outcomes: number; measurements: ExportMeasurement[] } {
  const pack = loadPackOrExplain('scenarios/core-library');
  const scenarioIds = pack.scenarios.map((scenario) => scenario.id);
  const cohort = sampleCohort({ trainees: EXPORT_TRAINEES, packId: pack.manifest.id, scenarioIds, seed: 12 });
  const catalog = exportCatalog([pack], 'en');
  const outcomesByTrainee = byTrainee(cohort.outcomes);
  const withRecords = cohort.trainees.filter((trainee) => outcomesByTrainee.has(trainee.uid));

  const moodle = (level: GradeItemLevel, format: 'csv' | 'xml') => () => {
    const items = gradeItemsOf(catalog, level);
    const graded = withRecords.map((trainee) =>
      gradeTrainee(trainee, outcomesByTrainee.get(trainee.uid)!, items, { courseScore: 'always', feedback: englishFeedback }),
    );
    const mapping = Object.fromEntries(items.map((item, index) => [item.key, `ATT-${index + 1}`]));
    const plan = planMoodleExport(graded, items, mapping, { format, identity: 'academyId', feedback: true, leaveOutMissing: true });
    return format === 'csv' ? moodleCsv(plan) : moodleXml(plan);
  };
  const known = new Map(cohort.trainees.map((trainee) => [trainee.uid, trainee]));
  const records = () => cohort.outcomes.map((summary) => attemptRecord(summary, known.get(summary.traineeUid), catalog)).sort(compareAttemptRecords);
  const transcripts = () =>
    transcriptHtml(
      withRecords.map((trainee) => buildTranscript(trainee, outcomesByTrainee.get(trainee.uid)!, catalog, { name: 'Bench Academy' }, Date.UTC(2026, 3, 1))),
      ENGLISH_TRANSCRIPT_LABELS,
      { language: 'en', timeZone: 'UTC' },
    );

  const measure = (name: string, run: () => string, target: number): ExportMeasurement => ({ name, target, ...median(run) });
  return {
    trainees: EXPORT_TRAINEES,
    outcomes: cohort.outcomes.length,
    measurements: [
      measure('Moodle CSV by course (grades, pre-flight, file)', moodle('course', 'csv'), EXPORT_TARGETS.moodleMs),
      measure('Moodle XML by scenario', moodle('scenario', 'xml'), EXPORT_TARGETS.moodleMs),
      measure('attempts CSV', () => attemptsCsv(records()), EXPORT_TARGETS.attemptsMs),
      measure(
        'attempts JSON',
        () => attemptsJson(records(), { exportedAt: Date.UTC(2026, 3, 1), academy: { name: null, iri: null } }),
        EXPORT_TARGETS.attemptsMs,
      ),
      measure(`${withRecords.length} transcripts as one HTML document`, transcripts, EXPORT_TARGETS.transcriptsMs),
    ],
  };
}
