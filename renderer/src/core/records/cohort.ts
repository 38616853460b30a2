// Runtime: any (pure core). Every trainee known on this device against every scenario and course of the
// installed packs, as rows the records screen lists, filters, sorts and sums up. Standing comes from the
// rules in progress.ts; this file only arranges it. Building the rows reads each outcome and each
// attempt under way once (they are indexed by trainee and scenario first), so 500 trainees × 12
// scenarios cost what their records cost, not that times the number of trainees.
import type { Course } from '../pack/schema';
import type { OutcomeSummary } from './outcome';
import type { ActiveAttempt, ProgressOutcome, ScenarioProgress, ScenarioStatus } from './progress';
import { courseProgress, scenarioKey, scenarioProgress } from './progress';

/** A trainee as the records screen knows them: a profile of this device, or someone whose progress file was imported. */
export interface CohortTrainee {
  uid: string;
  name: string;
  academyId: string | null;
  email: string | null;
  source: 'local' | 'imported';
  /** When the last import that changed the trainee happened; null for a local profile. */
  importedAt: number | null;
}

/** What the rows read of a frozen outcome (its summary; never its detail). */
export type CohortOutcome = ProgressOutcome & Pick<OutcomeSummary, 'uid' | 'traineeUid'> & Partial<Pick<OutcomeSummary, 'origin'>>;

/** An attempt under way on this device, with its trainee. */
export interface CohortActiveAttempt extends ActiveAttempt<number> {
  traineeUid: string;
  startedAt: number;
}

/** A scenario of an installed pack, its title already in the reader's language. */
export interface CohortScenario {
  packId: string;
  scenarioId: string;
  title: string;
}

/** A course of an installed pack, its title already in the reader's language. */
export interface CohortCourse {
  packId: string;
  course: Course;
  title: string;
}

export interface CohortCatalogue {
  scenarios: readonly CohortScenario[];
  courses: readonly CohortCourse[];
}

export interface CohortInput {
  trainees: readonly CohortTrainee[];
  outcomes: readonly CohortOutcome[];
  active: readonly CohortActiveAttempt[];
  catalogue: CohortCatalogue;
}

export type CourseStatus = 'not-started' | 'in-progress' | 'completed';

interface RowBase {
  /** Unique among the rows of its kind. */
  key: string;
  trainee: CohortTrainee;
  /** The trainee's name, academy ID and e-mail folded for searching (see searchFold). */
  searchText: string;
  packId: string;
  /** Best score of a finished attempt (scenario), or the mean of the best scores so far (course); null before any finished. */
  bestScore: number | null;
  /** Finished attempts plus those under way. */
  attempts: number;
  /** When the scenario was first passed, or the course's rule first held; null until then. */
  completedAt: number | null;
  lastActivityAt: number | null;
  timeOnTaskMs: number;
}

export interface ScenarioRow extends RowBase {
  kind: 'scenario';
  scenarioId: string;
  scenarioTitle: string;
  /** The courses the scenario belongs to (courseKey) and their titles, in the catalogue's order. */
  courseKeys: readonly string[];
  courseTitle: string;
  status: ScenarioStatus;
}

export interface CourseRow extends RowBase {
  kind: 'course';
  courseId: string;
  courseKey: string;
  courseTitle: string;
  status: CourseStatus;
  passedScenarios: number;
  totalScenarios: number;
}

export type CohortRow = ScenarioRow | CourseRow;
export type RowStatus = ScenarioStatus | CourseStatus;

/** A trainee's outcomes of one scenario and their attempts of it under way. */
export interface ScenarioRecords {
  /** The latest finished first. */
  outcomes: CohortOutcome[];
  /** The latest touched first. */
  active: CohortActiveAttempt[];
}

export interface Cohort {
  trainees: CohortTrainee[];
  scenarioRows: ScenarioRow[];
  courseRows: CourseRow[];
  /** Every trainee's records, by recordsKey(traineeUid, packId, scenarioId). */
  records: Map<string, ScenarioRecords>;
  /** Outcomes no row shows: their pack or scenario is not installed here, or their trainee is unknown. */
  unplacedOutcomes: number;
}

export function courseKey(packId: string, courseId: string): string {
  return `${packId}/${courseId}`;
}

export function recordsKey(traineeUid: string, packId: string, scenarioId: string): string {
  return `${traineeUid}\n${scenarioKey(packId, scenarioId)}`;
}

/** Lower case without accents, so that "elena" finds "Éléna" and "LENA@" finds "lena@". */
export function searchFold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const NO_RECORDS: ScenarioRecords = { outcomes: [], active: [] };

/**
 * The rows of every trainee against every installed scenario and course. A trainee known both as a
 * profile and from an import (the same uid) is the profile. Work: one pass over the outcomes and the
 * attempts under way, then one step per row (a course row reads only its scenarios' records).
 */
export function buildCohort({ trainees, outcomes, active, catalogue }: CohortInput): Cohort {
  const byUid = new Map<string, CohortTrainee>();
  for (const trainee of trainees) {
    const known = byUid.get(trainee.uid);
    if (!known || (known.source === 'imported' && trainee.source === 'local')) byUid.set(trainee.uid, trainee);
  }

  const installed = new Set(catalogue.scenarios.map((scenario) => scenarioKey(scenario.packId, scenario.scenarioId)));
  const records = new Map<string, ScenarioRecords>();
  const recordsOf = (key: string) => {
    let found = records.get(key);
    if (!found) records.set(key, (found = { outcomes: [], active: [] }));
    return found;
  };
  let unplacedOutcomes = 0;
  for (const outcome of outcomes) {
    if (!byUid.has(outcome.traineeUid) || !installed.has(scenarioKey(outcome.packId, outcome.scenarioId))) unplacedOutcomes += 1;
    recordsOf(recordsKey(outcome.traineeUid, outcome.packId, outcome.scenarioId)).outcomes.push(outcome);
  }
  for (const attempt of active) recordsOf(recordsKey(attempt.traineeUid, attempt.packId, attempt.scenarioId)).active.push(attempt);
  for (const found of records.values()) {
    found.outcomes.sort((a, b) => b.finishedAt - a.finishedAt || (a.uid < b.uid ? -1 : 1));
    found.active.sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
  }

  const coursesOfScenario = new Map<string, CohortCourse[]>();
  for (const entry of catalogue.courses) {
    for (const scenarioId of entry.course.scenarios) {
      const key = scenarioKey(entry.packId, scenarioId);
      const courses = coursesOfScenario.get(key);
      if (courses) courses.push(entry);
      else coursesOfScenario.set(key, [entry]);
    }
  }
  const scenarioColumns = catalogue.scenarios.map((scenario) => {
    const courses = coursesOfScenario.get(scenarioKey(scenario.packId, scenario.scenarioId)) ?? [];
    return {
      scenario,
      courseKeys: courses.map((entry) => courseKey(entry.packId, entry.course.id)),
      courseTitle: courses.map((entry) => entry.title).join(', '),
    };
  });

  const cohortTrainees = [...byUid.values()];
  const scenarioRows: ScenarioRow[] = [];
  const courseRows: CourseRow[] = [];
  for (const trainee of cohortTrainees) {
    const searchText = searchFold([trainee.name, trainee.academyId ?? '', trainee.email ?? ''].join('\n'));
    const standing = new Map<string, ScenarioProgress<number>>();
    for (const { scenario, courseKeys, courseTitle } of scenarioColumns) {
      const key = scenarioKey(scenario.packId, scenario.scenarioId);
      const found = records.get(recordsKey(trainee.uid, scenario.packId, scenario.scenarioId)) ?? NO_RECORDS;
      const progress = scenarioProgress(found.outcomes, found.active);
      standing.set(key, progress);
      scenarioRows.push({
        kind: 'scenario',
        key: `${trainee.uid}\n${key}`,
        trainee,
        searchText,
        packId: scenario.packId,
        scenarioId: scenario.scenarioId,
        scenarioTitle: scenario.title,
        courseKeys,
        courseTitle,
        status: progress.status,
        bestScore: progress.bestScore,
        attempts: progress.attempts,
        completedAt: progress.completedAt,
        lastActivityAt: progress.lastActivityAt,
        timeOnTaskMs: progress.timeOnTaskMs,
      });
    }
    for (const entry of catalogue.courses) {
      const { course, packId } = entry;
      const inCourse: CohortOutcome[] = [];
      const underWay: CohortActiveAttempt[] = [];
      let attempts = 0;
      let timeOnTaskMs = 0;
      let lastActivityAt: number | null = null;
      for (const scenarioId of course.scenarios) {
        const found = records.get(recordsKey(trainee.uid, packId, scenarioId)) ?? NO_RECORDS;
        inCourse.push(...found.outcomes);
        underWay.push(...found.active);
        const progress = standing.get(scenarioKey(packId, scenarioId)) ?? scenarioProgress(found.outcomes, found.active);
        attempts += progress.attempts;
        timeOnTaskMs += progress.timeOnTaskMs;
        if (progress.lastActivityAt !== null) lastActivityAt = Math.max(lastActivityAt ?? progress.lastActivityAt, progress.lastActivityAt);
      }
      const progress = courseProgress(course, packId, inCourse, underWay);
      const key = courseKey(packId, course.id);
      courseRows.push({
        kind: 'course',
        key: `${trainee.uid}\n${key}`,
        trainee,
        searchText,
        packId,
        courseId: course.id,
        courseKey: key,
        courseTitle: entry.title,
        status: progress.status,
        passedScenarios: progress.passedScenarios,
        totalScenarios: progress.totalScenarios,
        bestScore: progress.averageScore,
        attempts,
        completedAt: progress.completedAt,
        lastActivityAt,
        timeOnTaskMs,
      });
    }
  }
  return { trainees: cohortTrainees, scenarioRows, courseRows, records, unplacedOutcomes };
}

/** A trainee's outcomes of a scenario (the latest first) and attempts of it under way. */
export function recordsOf(cohort: Pick<Cohort, 'records'>, traineeUid: string, packId: string, scenarioId: string): ScenarioRecords {
  return cohort.records.get(recordsKey(traineeUid, packId, scenarioId)) ?? NO_RECORDS;
}

/** Which date the date range applies to: when the scenario or course was completed, or when the trainee last worked on it. */
export type DateField = 'completed' | 'activity';

export interface CohortFilter {
  /** Words that must each appear in the trainee's name, academy ID or e-mail (any case, any accents). */
  search: string;
  /** courseKey of the course whose scenarios (or which course) to show; null for all. */
  course: string | null;
  status: RowStatus | null;
  dateField: DateField;
  /** Milliseconds since the epoch, both ends included; null for an open end. A row without the date is left out when either end is set. */
  from: number | null;
  to: number | null;
}

export const NO_FILTER: CohortFilter = Object.freeze({ search: '', course: null, status: null, dateField: 'completed', from: null, to: null });

export function isFiltered(filter: CohortFilter): boolean {
  return filter.search.trim() !== '' || filter.course !== null || filter.status !== null || filter.from !== null || filter.to !== null;
}

export function rowDate(row: CohortRow, field: DateField): number | null {
  return field === 'completed' ? row.completedAt : row.lastActivityAt;
}

/** The rows the filter lets through, in their order. One test per row and criterion. */
export function filterRows<Row extends CohortRow>(rows: readonly Row[], filter: CohortFilter): Row[] {
  if (!isFiltered(filter)) return [...rows];
  const words = searchFold(filter.search).split(/\s+/).filter(Boolean);
  const dated = filter.from !== null || filter.to !== null;
  return rows.filter((row) => {
    if (filter.status !== null && row.status !== filter.status) return false;
    if (filter.course !== null && (row.kind === 'course' ? row.courseKey !== filter.course : !row.courseKeys.includes(filter.course))) return false;
    if (dated) {
      const date = rowDate(row, filter.dateField);
      if (date === null || (filter.from !== null && date < filter.from) || (filter.to !== null && date > filter.to)) return false;
    }
    return words.every((word) => row.searchText.includes(word));
  });
}

export type SortColumn = 'trainee' | 'course' | 'scenario' | 'status' | 'bestScore' | 'attempts' | 'completedAt' | 'timeOnTask';
export type SortDirection = 'ascending' | 'descending';

export interface CohortSort {
  column: SortColumn;
  direction: SortDirection;
}

/** Least advanced first, so that ascending brings those who have not begun to the top. */
const STATUS_ORDER: Record<RowStatus, number> = { 'not-started': 0, 'in-progress': 1, failed: 2, passed: 3, completed: 3 };

type Comparator = (a: CohortRow, b: CohortRow) => number;

/** Compares values that may be missing: a missing one goes last whichever the direction. */
function numbers(read: (row: CohortRow) => number | null): (direction: number) => Comparator {
  return (direction) => (a, b) => {
    const x = read(a);
    const y = read(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x - y) * direction;
  };
}

/**
 * The rows in the order asked for; ties are broken by trainee, course, scenario, so the order is the
 * same every time. `collator` compares names and titles in the reader's language.
 */
export function sortRows<Row extends CohortRow>(rows: readonly Row[], sort: CohortSort, collator: Intl.Collator): Row[] {
  const text = (read: (row: CohortRow) => string) => (direction: number) => (a: CohortRow, b: CohortRow) => collator.compare(read(a), read(b)) * direction;
  const byTrainee = text((row) => row.trainee.name);
  const byIdentity = text((row) => row.trainee.academyId ?? row.trainee.email ?? '');
  const byCourse = text((row) => row.courseTitle);
  const byScenario =
    (direction: number): Comparator =>
    (a, b) =>
      a.kind === 'course' && b.kind === 'course'
        ? (a.passedScenarios / a.totalScenarios - b.passedScenarios / b.totalScenarios) * direction
        : a.kind === 'scenario' && b.kind === 'scenario'
          ? collator.compare(a.scenarioTitle, b.scenarioTitle) * direction
          : 0;
  const columns: Record<SortColumn, (direction: number) => Comparator> = {
    trainee: (direction) => {
      const name = byTrainee(direction);
      const identity = byIdentity(direction);
      return (a, b) => name(a, b) || identity(a, b);
    },
    course: byCourse,
    scenario: byScenario,
    status: (direction) => (a, b) => (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) * direction,
    bestScore: numbers((row) => row.bestScore),
    attempts: numbers((row) => row.attempts),
    completedAt: numbers((row) => row.completedAt),
    timeOnTask: numbers((row) => row.timeOnTaskMs),
  };
  const primary = columns[sort.column](sort.direction === 'ascending' ? 1 : -1);
  const ties = [columns.trainee(1), byCourse(1), byScenario(1)];
  return [...rows].sort((a, b) => {
    const first = primary(a, b);
    if (first !== 0) return first;
    for (const tie of ties) {
      const next = tie(a, b);
      if (next !== 0) return next;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}

/** How many trainees stand where in one course. */
export interface CourseCompletion {
  courseKey: string;
  packId: string;
  courseId: string;
  title: string;
  completed: number;
  inProgress: number;
  notStarted: number;
  /** Trainees counted. */
  total: number;
}

/** Per course of the catalogue, in its order: how many of the trainees in `rows` completed it, are on their way, have not begun. */
export function completionSummary(rows: readonly CourseRow[], catalogue: Pick<CohortCatalogue, 'courses'>): CourseCompletion[] {
  const summary = new Map<string, CourseCompletion>(
    catalogue.courses.map((entry) => {
      const key = courseKey(entry.packId, entry.course.id);
      return [
        key,
        { courseKey: key, packId: entry.packId, courseId: entry.course.id, title: entry.title, completed: 0, inProgress: 0, notStarted: 0, total: 0 },
      ];
    }),
  );
  for (const row of rows) {
    const entry = summary.get(row.courseKey);
    if (!entry) continue;
    entry.total += 1;
    if (row.status === 'completed') entry.completed += 1;
    else if (row.status === 'in-progress') entry.inProgress += 1;
    else entry.notStarted += 1;
  }
  return [...summary.values()];
}
