// Runtime: any (pure core). Grades for Moodle's gradebook import, as a CSV for "Import › CSV file" and as
// the XML of "Import › XML file", built to the rules of Moodle's own importers (grade/import/csv,
// classes/load_data.php and lib/csvlib.class.php; grade/import/xml/lib.php):
// - Moodle aborts the WHOLE import on the first user or grade item it cannot find, so nothing is
//   written until a pre-flight has found every trainee without the identity the LMS matches by, every
//   duplicate identity, and every course or scenario without a grade item ID number. The
//   administrator fixes them or chooses to leave those out; the file never holds what Moodle refuses.
// - CSV: one identity column (ID number or e-mail, which the teacher maps to "ID number" or "Email
//   address"), then one column per grade item, each followed by its feedback column when asked for.
//   Every row has the same number of columns (Moodle refuses a file where they differ). An empty cell
//   means "no grade" (Moodle then clears that grade). No "Last downloaded from this course" column
//   (Moodle's `timeexported`): with it, Moodle refuses grades changed in the gradebook since. RFC 4180
//   quoting, UTF-8, numbers with a dot.
// - A row whose identity cell is empty (or "0", which PHP's empty() also takes for empty) is skipped by
//   Moodle's CSV reader while its grades go to the user of the row above: such a row is never written.
// - PHP's fgetcsv, which Moodle reads CSV with, takes a backslash inside quotes as an escape: a value
//   whose backslash would stand before a quote cannot be read back as written, and is reported.
// - XML: <results><result><assignment>grade item ID number</assignment><student>user ID number
//   </student><score>…</score><feedback>…</feedback></result></results>; Moodle matches the student by
//   ID number only, so the XML always identifies trainees by their academy ID. A trainee with no score
//   for an item gets no <result> for it (Moodle's <score> may not be empty).
import { XMLBuilder } from 'fast-xml-parser';
import Papa from 'papaparse';
import type { Course } from '../pack/schema';
import type { ExportCatalog, ExportTrainee, IdentityField } from './export-common';
import { MAX_ITEM_ID_LENGTH, type CourseScoreRule, type GradeItemLevel } from './moodle-settings';
import { courseProgress, progressByScenario, scenarioKey, type CourseProgress, type ProgressOutcome, type ScenarioProgress } from './progress';

export { MAX_ITEM_ID_LENGTH, type CourseScoreRule, type GradeItemLevel } from './moodle-settings';

export type MoodleFormat = 'csv' | 'xml';

/** Moodle's own names for the identity columns of its exports: the teacher maps them to "ID number" and "Email address". */
export const IDENTITY_HEADERS: Record<IdentityField, string> = { academyId: 'ID number', email: 'Email address' };

export interface GradeItem {
  /** gradeItemKey(level, packId, id): the key its Moodle ID number is remembered under. */
  key: string;
  level: GradeItemLevel;
  packId: string;
  packTitle: string;
  title: string;
  /** The course, for a course item. */
  course: Course | null;
  /** The scenario's id, for a scenario item. */
  scenarioId: string | null;
}

/** Moodle grade item ID number per grade item key. */
export type GradeItemMapping = Readonly<Record<string, string>>;

export function gradeItemKey(level: GradeItemLevel, packId: string, id: string): string {
  return `${level}:${packId}/${id}`;
}

/** The grade items a level offers: every course of the installed packs, or every scenario known. */
export function gradeItemsOf(catalog: ExportCatalog, level: GradeItemLevel): GradeItem[] {
  if (level === 'course') {
    return catalog.courses.map(({ packId, packTitle, course, title }) => ({
      key: gradeItemKey('course', packId, course.id),
      level,
      packId,
      packTitle,
      title,
      course,
      scenarioId: null,
    }));
  }
  return catalog.scenarios.map(({ packId, packTitle, scenarioId, title }) => ({
    key: gradeItemKey('scenario', packId, scenarioId),
    level,
    packId,
    packTitle,
    title,
    course: null,
    scenarioId,
  }));
}

export type ItemStanding = { level: 'course'; progress: CourseProgress } | { level: 'scenario'; progress: ScenarioProgress<never> };

/** Writes the feedback text of one trainee's grade for one item (in the academy's language). */
export type FeedbackWriter = (item: GradeItem, standing: ItemStanding) => string;

export interface GradingOptions {
  courseScore: CourseScoreRule;
  /** Null: no feedback. */
  feedback: FeedbackWriter | null;
}

/** A trainee's grade for each item, in the order of the items graded. */
export interface GradedTrainee {
  trainee: ExportTrainee;
  /** Null where there is no grade. */
  scores: (number | null)[];
  /** Empty where there is nothing to say. */
  feedback: string[];
}

/**
 * One trainee's grades. A course's score is the mean of the best scores of its scenarios
 * (courseProgress), when completed or always as asked; a scenario's is its best score.
 */
export function gradeTrainee(
  trainee: ExportTrainee,
  outcomes: readonly ProgressOutcome[],
  items: readonly GradeItem[],
  options: GradingOptions,
): GradedTrainee {
  const scenarios = items.some((item) => item.level === 'scenario') ? progressByScenario<never>(outcomes) : null;
  const scores: (number | null)[] = [];
  const feedback: string[] = [];
  for (const item of items) {
    let standing: ItemStanding | null = null;
    let score: number | null = null;
    if (item.course) {
      const progress = courseProgress(item.course, item.packId, outcomes);
      if (progress.status !== 'not-started') standing = { level: 'course', progress };
      score = options.courseScore === 'always' || progress.completed ? progress.averageScore : null;
    } else if (item.scenarioId !== null) {
      const progress = scenarios?.get(scenarioKey(item.packId, item.scenarioId));
      if (progress) standing = { level: 'scenario', progress };
      score = progress?.bestScore ?? null;
    }
    scores.push(score);
    feedback.push(standing && options.feedback ? options.feedback(item, standing).trim() : '');
  }
  return { trainee, scores, feedback };
}

export type IdentityProblemReason = 'not-an-email' | 'zero' | 'unwritable';
export type ItemIdProblemReason = 'too-long' | 'unwritable';

export type MoodleProblem =
  | { kind: 'missing-identity'; field: IdentityField; trainee: ExportTrainee }
  | { kind: 'unusable-identity'; field: IdentityField; trainee: ExportTrainee; value: string; reason: IdentityProblemReason }
  | { kind: 'duplicate-identity'; field: IdentityField; value: string; trainees: ExportTrainee[] }
  | { kind: 'missing-item-id'; item: GradeItem }
  | { kind: 'unusable-item-id'; item: GradeItem; value: string; reason: ItemIdProblemReason }
  | { kind: 'duplicate-item-id'; value: string; items: GradeItem[] }
  | { kind: 'score-out-of-range'; trainee: ExportTrainee; item: GradeItem; score: number }
  | { kind: 'unwritable-feedback'; trainee: ExportTrainee; item: GradeItem }
  | { kind: 'nothing-to-export' };

export interface MoodlePlanOptions {
  format: MoodleFormat;
  /** The academy's identity field; the XML always uses the academy ID (Moodle's XML import matches ID numbers only). */
  identity: IdentityField;
  /** Write the feedback the trainees were graded with. */
  feedback: boolean;
  /** Leave out the trainees and items with a problem instead of stopping. */
  leaveOutMissing: boolean;
}

export interface MoodleRow {
  trainee: ExportTrainee;
  identity: string;
  /** Aligned with the plan's items. */
  scores: (number | null)[];
  feedback: string[];
}

export interface MoodlePlan {
  format: MoodleFormat;
  /** The identity the file matches trainees by. */
  identity: IdentityField;
  feedback: boolean;
  /** Everything that would make Moodle refuse the file, in the order: trainees, items, grades. */
  problems: MoodleProblem[];
  /** True when the file can be written: no problem, or the administrator chose to leave them out (and something is left). */
  ready: boolean;
  /** The grade items written, each with its Moodle ID number. */
  items: { item: GradeItem; idNumber: string }[];
  rows: MoodleRow[];
  /** What leaving out the problems leaves out (also filled when not leaving out, to say what would be). */
  leftOut: { trainees: ExportTrainee[]; items: GradeItem[] };
}

/** Characters XML 1.0 cannot carry at all, and UTF-16 halves that UTF-8 cannot encode. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Whether a value would not reach Moodle as written: in XML, a character XML cannot carry; in CSV, a
 * backslash that PHP's fgetcsv would take as escaping the closing or a doubled quote.
 */
export function unwritableFor(format: MoodleFormat, value: string): boolean {
  if (format === 'xml') return NOT_XML.test(value);
  if (LONE_SURROGATE.test(value)) return true;
  const quoted = /[",\r\n]/.test(value) || value !== value.trim();
  return quoted && (value.includes('\\"') || value.endsWith('\\'));
}

/** A score as Moodle reads it: a dot for the decimal point, at most two decimals, never an exponent. */
export function formatMoodleScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

const lower = (value: string) => value.toLocaleLowerCase('en');

function identityOf(trainee: ExportTrainee, field: IdentityField): string {
  return (field === 'academyId' ? trainee.academyId : trainee.email)?.trim() ?? '';
}

/**
 * The pre-flight and the content of the file at once: what would make Moodle refuse it, and what is
 * written when nothing does (or when the administrator leaves it out). `graded` are aligned with `items`.
 * Only trainees with a grade, and items someone has a grade for, are considered: a row or a column of
 * empty cells would only clear grades in Moodle.
 */
export function planMoodleExport(
  graded: readonly GradedTrainee[],
  items: readonly GradeItem[],
  mapping: GradeItemMapping,
  options: MoodlePlanOptions,
): MoodlePlan {
  const { format } = options;
  const field: IdentityField = format === 'xml' ? 'academyId' : options.identity;
  const problems: MoodleProblem[] = [];
  const badTrainees = new Set<string>();
  const badItems = new Set<number>();

  const hasScore = (row: GradedTrainee, index: number) => row.scores[index] !== null && row.scores[index] !== undefined;
  const relevantTrainees = graded.filter((row) => items.some((_, index) => hasScore(row, index)));
  const relevantItems = items.map((_, index) => index).filter((index) => relevantTrainees.some((row) => hasScore(row, index)));

  // Trainees: an identity Moodle can find, and only one trainee per identity.
  const byIdentity = new Map<string, GradedTrainee[]>();
  for (const row of relevantTrainees) {
    const value = identityOf(row.trainee, field);
    let reason: IdentityProblemReason | null = null;
    if (!value) {
      problems.push({ kind: 'missing-identity', field, trainee: row.trainee });
      badTrainees.add(row.trainee.uid);
      continue;
    }
    if (field === 'email' && !EMAIL.test(value)) reason = 'not-an-email';
    else if (format === 'csv' && value === '0') reason = 'zero';
    else if (unwritableFor(format, value)) reason = 'unwritable';
    if (reason) {
      problems.push({ kind: 'unusable-identity', field, trainee: row.trainee, value, reason });
      badTrainees.add(row.trainee.uid);
      continue;
    }
    // Compared without case, as a Moodle on MySQL compares them: two such trainees would meet one user.
    const key = lower(value);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), row]);
  }
  for (const rows of byIdentity.values()) {
    if (rows.length < 2) continue;
    problems.push({ kind: 'duplicate-identity', field, value: identityOf(rows[0]!.trainee, field), trainees: rows.map((row) => row.trainee) });
    for (const row of rows) badTrainees.add(row.trainee.uid);
  }

  // Items: an ID number Moodle can find, each for one item only (two columns mapped to one item are refused).
  const idNumbers = new Map<number, string>();
  const byIdNumber = new Map<string, number[]>();
  for (const index of relevantItems) {
    const item = items[index]!;
    const value = mapping[item.key]?.trim() ?? '';
    let reason: ItemIdProblemReason | null = null;
    if (!value) {
      problems.push({ kind: 'missing-item-id', item });
      badItems.add(index);
      continue;
    }
    if (value.length > MAX_ITEM_ID_LENGTH) reason = 'too-long';
    else if (unwritableFor(format, value) || unwritableFor('xml', value)) reason = 'unwritable';
    if (reason) {
      problems.push({ kind: 'unusable-item-id', item, value, reason });
      badItems.add(index);
      continue;
    }
    idNumbers.set(index, value);
    const key = lower(value);
    byIdNumber.set(key, [...(byIdNumber.get(key) ?? []), index]);
  }
  for (const indexes of byIdNumber.values()) {
    if (indexes.length < 2) continue;
    problems.push({ kind: 'duplicate-item-id', value: idNumbers.get(indexes[0]!)!, items: indexes.map((index) => items[index]!) });
    for (const index of indexes) badItems.add(index);
  }

  // Grades: within what Moodle accepts (it refuses a grade over 100 unless the site allows more), and writable feedback.
  const emptiedFeedback = new Set<string>();
  for (const row of relevantTrainees) {
    for (const index of relevantItems) {
      const score = row.scores[index];
      if (score !== null && score !== undefined && !(Number.isFinite(score) && score >= 0 && score <= 100)) {
        problems.push({ kind: 'score-out-of-range', trainee: row.trainee, item: items[index]!, score });
        badTrainees.add(row.trainee.uid);
      }
      const text = row.feedback[index] ?? '';
      if (options.feedback && text && unwritableFor(format, text)) {
        problems.push({ kind: 'unwritable-feedback', trainee: row.trainee, item: items[index]! });
        emptiedFeedback.add(`${row.trainee.uid}\u0000${index}`);
      }
    }
  }

  const keptTrainees = relevantTrainees.filter((row) => !badTrainees.has(row.trainee.uid));
  const candidateItems = relevantItems.filter((index) => !badItems.has(index));
  const rowsWithGrades = keptTrainees.filter((row) => candidateItems.some((index) => hasScore(row, index)));
  const keptItems = candidateItems.filter((index) => rowsWithGrades.some((row) => hasScore(row, index)));

  if (rowsWithGrades.length === 0 || keptItems.length === 0) problems.push({ kind: 'nothing-to-export' });
  const blocked = problems.some((problem) => problem.kind === 'nothing-to-export');

  const kept = new Set(rowsWithGrades.map((row) => row.trainee.uid));
  const keptItemSet = new Set(keptItems);
  return {
    format,
    identity: field,
    feedback: options.feedback,
    problems,
    ready: !blocked && (problems.length === 0 || options.leaveOutMissing),
    items: keptItems.map((index) => ({ item: items[index]!, idNumber: idNumbers.get(index)! })),
    rows: rowsWithGrades.map((row) => ({
      trainee: row.trainee,
      identity: identityOf(row.trainee, field),
      scores: keptItems.map((index) => row.scores[index] ?? null),
      feedback: keptItems.map((index) => (emptiedFeedback.has(`${row.trainee.uid}\u0000${index}`) ? '' : (row.feedback[index] ?? ''))),
    })),
    leftOut: {
      trainees: relevantTrainees.filter((row) => !kept.has(row.trainee.uid)).map((row) => row.trainee),
      items: relevantItems.filter((index) => !keptItemSet.has(index)).map((index) => items[index]!),
    },
  };
}

export class MoodlePlanNotReadyError extends Error {
  constructor(plan: MoodlePlan) {
    super(
      `The Moodle ${plan.format.toUpperCase()} cannot be written: ${plan.problems.length} problem(s) found by the pre-flight are neither fixed nor left out.`,
    );
    this.name = 'MoodlePlanNotReadyError';
  }
}

/** The column headers of the CSV: the identity, then each item (and its feedback right after it). */
export function moodleCsvHeader(plan: MoodlePlan): string[] {
  const header = [IDENTITY_HEADERS[plan.identity]];
  for (const { item, idNumber } of plan.items) {
    header.push(`${item.title} [${idNumber}]`);
    if (plan.feedback) header.push(`Feedback: ${item.title} [${idNumber}]`);
  }
  return header;
}

/** The CSV for Moodle's "Import › CSV file" (UTF-8, comma-separated). Throws unless the plan is ready. */
export function moodleCsv(plan: MoodlePlan): string {
  if (!plan.ready || plan.format !== 'csv') throw new MoodlePlanNotReadyError(plan);
  const data = plan.rows.map((row) => {
    const cells = [row.identity];
    row.scores.forEach((score, index) => {
      cells.push(score === null ? '' : formatMoodleScore(score));
      if (plan.feedback) cells.push(row.feedback[index] ?? '');
    });
    return cells;
  });
  // No formula escaping: an apostrophe in front of an ID number would stop Moodle from finding the user.
  return `${Papa.unparse({ fields: moodleCsvHeader(plan), data }, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`;
}

/** How many <result> elements the XML holds: one per trainee and item with a score. */
export function moodleXmlResultCount(plan: MoodlePlan): number {
  return plan.rows.reduce((sum, row) => sum + row.scores.filter((score) => score !== null).length, 0);
}

/** The XML for Moodle's "Import › XML file". Throws unless the plan is ready. */
export function moodleXml(plan: MoodlePlan): string {
  if (!plan.ready || plan.format !== 'xml') throw new MoodlePlanNotReadyError(plan);
  const result: Record<string, string>[] = [];
  for (const row of plan.rows) {
    row.scores.forEach((score, index) => {
      if (score === null) return;
      const entry: Record<string, string> = { assignment: plan.items[index]!.idNumber, student: row.identity, score: formatMoodleScore(score) };
      const feedback = row.feedback[index] ?? '';
      if (plan.feedback && feedback) entry.feedback = feedback;
      result.push(entry);
    });
  }
  const builder = new XMLBuilder({ format: true, indentBy: '  ', processEntities: true, suppressEmptyNode: false });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${(builder.build({ results: { result } }) as string).trimEnd()}\n`;
}

/** ISO date (UTC) for feedback written without a locale. */
const isoDate = (timestamp: number) => new Date(timestamp).toISOString().slice(0, 10);

/** Feedback in English, for the command line (the app writes it in the academy's language). */
export const englishFeedback: FeedbackWriter = (_item, standing) => {
  if (standing.level === 'course') {
    const { progress } = standing;
    const mean = progress.averageScore === null ? '' : `, mean of best scores ${formatMoodleScore(progress.averageScore)}`;
    const passed = `${progress.passedScenarios} of ${progress.totalScenarios} scenarios passed${mean}`;
    return progress.completedAt !== null ? `Completed on ${isoDate(progress.completedAt)}: ${passed}.` : `Not completed yet: ${passed}.`;
  }
  const { progress } = standing;
  const attempts = `${progress.finishedAttempts} attempt${progress.finishedAttempts === 1 ? '' : 's'}`;
  const best = progress.bestScore === null ? '' : `best score ${formatMoodleScore(progress.bestScore)} in `;
  return progress.completedAt !== null ? `Passed on ${isoDate(progress.completedAt)}; ${best}${attempts}.` : `Not passed yet; ${best}${attempts}.`;
};
