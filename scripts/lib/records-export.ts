// Runtime: Node (scripts). `npm run records -- export`: the app's exports from progress files, without a
// database — Moodle gradebook CSV or XML (after the same pre-flight as the app's), or every attempt as
// CSV or JSON. Each file is verified (signature, hashes, shapes) by the core's reader; the records of
// all files are merged by uid; completion is computed by the courses of the built-in library and of the
// packs given with --pack. Exit 0 written; 1 a file refused, the files disagree, or the pre-flight found
// what Moodle would refuse (nothing written); 2 bad usage.
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Pack } from '../../renderer/src/core/pack/load';
import { attemptRecord, attemptsCsv, attemptsJson, compareAttemptRecords } from '../../renderer/src/core/records/attempts-export';
import { sameContent } from '../../renderer/src/core/records/canonical';
import { byTrainee, exportCatalog, type ExportTrainee } from '../../renderer/src/core/records/export-common';
import {
  englishFeedback,
  gradeItemsOf,
  gradeTrainee,
  moodleCsv,
  moodleXml,
  moodleXmlResultCount,
  planMoodleExport,
  type GradeItem,
  type MoodleProblem,
} from '../../renderer/src/core/records/moodle';
import { MAX_ITEM_ID_LENGTH } from '../../renderer/src/core/records/moodle-settings';
import type { FrozenOutcome, OutcomeSummary, PlayedScenario } from '../../renderer/src/core/records/outcome';
import { ProgressFileError, readProgressFile, type VerifiedProgressFile } from '../../renderer/src/core/records/progress-file';
import { CliInputError, loadPackOrExplain } from './load-pack';

export const EXPORT_FORMATS = ['moodle-csv', 'moodle-xml', 'csv', 'json'] as const;
export type RecordsExportFormat = (typeof EXPORT_FORMATS)[number];

/** The built-in library, whose courses always count. */
const BUILTIN_PACK = 'scenarios/core-library';

export const EXPORT_USAGE = `usage: npm run records -- export --format moodle-csv|moodle-xml|csv|json [--map FILE] [--pack DIR|ARCHIVE]… [--language CODE] [--leave-out] [--out FILE] FILE…
  FILE…        progress files (.attache-progress); every one is verified, and a refused one stops the export
  --format     moodle-csv or moodle-xml: grades for Moodle's gradebook import (needs --map);
               csv or json: every finished attempt, one row or object each
  --map FILE   the Moodle export's settings, as JSON:
                 {"identity": "academyId" | "email",        (default academyId; the XML always uses academyId)
                  "level": "course" | "scenario",           (default course: one grade item per course)
                  "courseScore": "completed" | "always",    (default completed)
                  "feedback": true | false,                 (default false; written in English)
                  "items": {"course:PACK/COURSE": "MOODLE-ID-NUMBER", "scenario:PACK/SCENARIO": "…"}}
  --pack       a pack whose courses and titles count besides the built-in library (repeatable)
  --language   the language of titles in the file (default en)
  --leave-out  leave out the trainees and grade items the pre-flight finds missing, and write the rest
  --out FILE   write the file there (default: standard output)
Exit 0 written; 1 a progress file refused, two files disagree, or the pre-flight found what Moodle would refuse (nothing written); 2 bad usage.`;

/** The --map file. */
export const mapFileSchema = z.strictObject({
  identity: z.enum(['academyId', 'email']).default('academyId'),
  level: z.enum(['course', 'scenario']).default('course'),
  courseScore: z.enum(['completed', 'always']).default('completed'),
  feedback: z.boolean().default(false),
  items: z.record(
    z.string().regex(/^(course|scenario):[^/]+\/.+$/, 'a grade item key is "course:PACK/COURSE" or "scenario:PACK/SCENARIO"'),
    z.string().trim().min(1).max(MAX_ITEM_ID_LENGTH),
  ),
});
export type MapFile = z.infer<typeof mapFileSchema>;

class UsageError extends Error {}
class RefusedError extends Error {}

function readMapFile(path: string): MapFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the map file ${path}: ${(error as Error).message}`);
  }
  const parsed = mapFileSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`the map file ${path} is not valid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

interface Records {
  trainees: ExportTrainee[];
  outcomes: OutcomeSummary[];
  played: PlayedScenario[];
}

/** Verifies every file and merges their records by uid; refuses (naming each file and why) if any is bad or two disagree. */
export function mergeProgressFiles(paths: readonly string[], read: (path: string) => Uint8Array = (path) => readFileSync(path)): Records {
  const refusals: string[] = [];
  const files: { path: string; file: VerifiedProgressFile }[] = [];
  for (const path of paths) {
    try {
      files.push({ path, file: readProgressFile(read(path)) });
    } catch (error) {
      if (error instanceof ProgressFileError) refusals.push(`${path}: ${error.message} ${error.hint}`);
      else if ((error as NodeJS.ErrnoException).code) refusals.push(`${path}: cannot be read (${(error as Error).message})`);
      else throw error;
    }
  }
  const trainees = new Map<string, { trainee: ExportTrainee; exportedAt: number }>();
  const outcomes = new Map<string, { frozen: FrozenOutcome; path: string }>();
  const played = new Map<string, PlayedScenario>();
  // Oldest first, so that the latest file's name, academy ID and e-mail are the ones kept.
  for (const { path, file } of [...files].sort((a, b) => a.file.exportedAt - b.file.exportedAt)) {
    const { uid, name, academyId, email } = file.trainee;
    trainees.set(uid, { trainee: { uid, name, academyId, email }, exportedAt: file.exportedAt });
    for (const frozen of file.outcomes) {
      const seen = outcomes.get(frozen.summary.uid);
      if (seen && !sameContent(seen.frozen, frozen)) {
        refusals.push(
          `${path}: attempt ${frozen.summary.uid} differs from the one in ${seen.path}; import both in the app to see the difference and keep one.`,
        );
        continue;
      }
      if (!seen) outcomes.set(frozen.summary.uid, { frozen, path });
    }
    for (const scenario of file.played) played.set(scenario.key, scenario);
  }
  if (refusals.length > 0) throw new RefusedError(refusals.join('\n'));
  return {
    trainees: [...trainees.values()].map(({ trainee }) => trainee).sort((a, b) => a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid)),
    outcomes: [...outcomes.values()].map(({ frozen }) => frozen.summary),
    played: [...played.values()],
  };
}

const itemName = (item: GradeItem) => `${item.title} (${item.key})`;

/** What a pre-flight problem says, in English. */
export function describeProblemInEnglish(problem: MoodleProblem): string {
  const field = (name: 'academyId' | 'email') => (name === 'academyId' ? 'academy ID' : 'e-mail address');
  switch (problem.kind) {
    case 'missing-identity':
      return `${problem.trainee.name} (${problem.trainee.uid}) has no ${field(problem.field)}.`;
    case 'unusable-identity':
      return {
        'not-an-email': `${problem.trainee.name}'s e-mail address "${problem.value}" is not one Moodle can match.`,
        zero: `${problem.trainee.name}'s academy ID is "0", which Moodle's CSV import takes for an empty cell.`,
        unwritable: `${problem.trainee.name}'s ${field(problem.field)} "${problem.value}" holds characters the file cannot carry as written.`,
      }[problem.reason];
    case 'duplicate-identity':
      return `${problem.trainees.map((trainee) => trainee.name).join(', ')} share the ${field(problem.field)} "${problem.value}".`;
    case 'missing-item-id':
      return `${itemName(problem.item)} has no grade item ID number in the map file.`;
    case 'unusable-item-id':
      return `the ID number of ${itemName(problem.item)} ${problem.reason === 'too-long' ? 'is longer than Moodle keeps (255 characters)' : 'holds characters the file cannot carry'}.`;
    case 'duplicate-item-id':
      return `${problem.items.map(itemName).join(', ')} have the same ID number "${problem.value}".`;
    case 'score-out-of-range':
      return `${problem.trainee.name}'s score ${problem.score} for ${itemName(problem.item)} is outside 0–100.`;
    case 'unwritable-feedback':
      return `the feedback for ${problem.trainee.name} on ${itemName(problem.item)} would be misread by Moodle (a backslash before a quote).`;
    case 'nothing-to-export':
      return 'nothing is left to export: no trainee with a grade and an identity, for a grade item with an ID number.';
  }
}

export interface ExportOutcome {
  text: string;
  /** One line for standard error: what was written. */
  summary: string;
  /** Problems the pre-flight found and that were left out (the export went on). */
  leftOut: string[];
}

/** Builds the export's text from merged records, or throws RefusedError with the pre-flight's findings. */
export function buildExport(
  records: Records,
  packs: readonly Pack[],
  options: { format: RecordsExportFormat; map: MapFile | null; language: string; leaveOut: boolean; now: number },
): ExportOutcome {
  const catalog = exportCatalog(packs, options.language, records.played);
  const outcomesByTrainee = byTrainee(records.outcomes);
  if (options.format === 'csv' || options.format === 'json') {
    const known = new Map(records.trainees.map((trainee) => [trainee.uid, trainee]));
    const rows = records.outcomes.map((summary) => attemptRecord(summary, known.get(summary.traineeUid), catalog)).sort(compareAttemptRecords);
    const text = options.format === 'csv' ? attemptsCsv(rows) : attemptsJson(rows, { exportedAt: options.now, academy: { name: null, iri: null } });
    return { text, summary: `${rows.length} attempt(s) of ${outcomesByTrainee.size} trainee(s)`, leftOut: [] };
  }
  const map = options.map;
  if (!map) throw new UsageError(`--format ${options.format} needs --map FILE: the Moodle grade item ID number of each course or scenario`);
  const items = gradeItemsOf(catalog, map.level);
  const graded = records.trainees
    .filter((trainee) => outcomesByTrainee.has(trainee.uid))
    .map((trainee) =>
      gradeTrainee(trainee, outcomesByTrainee.get(trainee.uid)!, items, { courseScore: map.courseScore, feedback: map.feedback ? englishFeedback : null }),
    );
  const format = options.format === 'moodle-csv' ? 'csv' : 'xml';
  const plan = planMoodleExport(graded, items, map.items, { format, identity: map.identity, feedback: map.feedback, leaveOutMissing: options.leaveOut });
  const findings = plan.problems.map(describeProblemInEnglish);
  if (!plan.ready) {
    const advice = plan.problems.some((problem) => problem.kind !== 'nothing-to-export')
      ? "\nFix them (the trainee's profile, the map file), or give --leave-out to write the rest."
      : '';
    throw new RefusedError(`the pre-flight found what Moodle would refuse; nothing was written:\n  ${findings.join('\n  ')}${advice}`);
  }
  const grades = moodleXmlResultCount(plan);
  return {
    text: format === 'csv' ? moodleCsv(plan) : moodleXml(plan),
    summary: `${plan.rows.length} trainee(s), ${plan.items.length} grade item(s), ${grades} grade(s) matched by ${plan.identity === 'academyId' ? 'academy ID' : 'e-mail'}`,
    leftOut: findings,
  };
}

/** Runs `records export` with its arguments (after the word "export"); resolves with the exit code. */
export async function runRecordsExport(args: readonly string[], now: () => number = Date.now): Promise<number> {
  const fail = (message: string) => {
    console.error(`records export: ${message}\n${EXPORT_USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        map: { type: 'string' },
        pack: { type: 'string', multiple: true, default: [] },
        language: { type: 'string', default: 'en' },
        'leave-out': { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(EXPORT_USAGE);
    return 0;
  }
  const format = values.format as RecordsExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) return fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (positionals.length === 0) return fail('no progress files given');
  if (!/^[a-z]{2}$/.test(values.language)) return fail(`--language is a two-letter code, e.g. en or ru, not "${values.language}"`);

  try {
    const map = values.map ? readMapFile(values.map) : null;
    const packs = [BUILTIN_PACK, ...values.pack].map(loadPackOrExplain);
    const records = mergeProgressFiles(positionals);
    const result = buildExport(records, packs, { format, map, language: values.language, leaveOut: values['leave-out'], now: now() });
    if (result.leftOut.length > 0) console.error(`Left out (--leave-out):\n  ${result.leftOut.join('\n  ')}`);
    if (values.out) writeFileSync(values.out, result.text, 'utf8');
    else process.stdout.write(result.text);
    console.error(`${format}: ${result.summary}${values.out ? ` → ${values.out}` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliInputError) return fail(error.message);
    if (error instanceof RefusedError) {
      console.error(`records export: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** The `export` entry of `npm run records` (scripts/records.ts lists its commands). */
export const exportCommand = {
  summary: 'Moodle gradebook CSV or XML, or every attempt as CSV or JSON, from progress files',
  usage: EXPORT_USAGE,
  run: (argv: string[]): Promise<number> => runRecordsExport(argv),
};
