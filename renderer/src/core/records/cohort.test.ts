// Runtime: Node (Vitest). The records screen's rows: one per trainee and scenario (and per trainee and
// course), their standing by the core's rules, filters, sorting, search and the course completion
// summary; and that building and filtering them is linear in what they are built from.
import { describe, expect, it } from 'vitest';
import type { Course } from '../pack/schema';
import { sampleCohort } from '../../test/cohort';
import type { CohortActiveAttempt, CohortCatalogue, CohortFilter, CohortOutcome, CohortRow, CohortTrainee, CourseRow, ScenarioRow } from './cohort';
import { buildCohort, completionSummary, courseKey, filterRows, isFiltered, NO_FILTER, recordsOf, searchFold, sortRows } from './cohort';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 1);

function course(id: string, scenarios: string[], completion: Course['completion'] = { rule: 'all-passed' }): Course {
  return { id, title: { en: id }, description: { en: id }, scenarios, completion };
}

const catalogue: CohortCatalogue = {
  scenarios: [
    { packId: 'p', scenarioId: 'a', title: 'Alpha' },
    { packId: 'p', scenarioId: 'b', title: 'Bravo' },
    { packId: 'p', scenarioId: 'c', title: 'Charlie' },
  ],
  courses: [
    { packId: 'p', course: course('basics', ['a', 'b']), title: 'Basics' },
    { packId: 'p', course: course('mean', ['b', 'c'], { rule: 'average-score', min: 70 }), title: 'Mean course' },
  ],
};

const lena: CohortTrainee = { uid: 'u-lena', name: 'Lena Marsh', academyId: 'AC-1', email: 'lena@academy.example', source: 'local', importedAt: null };
const pavel: CohortTrainee = {
  uid: 'u-pavel',
  name: 'Pavel Holt',
  academyId: null,
  email: 'pavel@academy.example',
  source: 'imported',
  importedAt: T0 + 30 * DAY,
};
const elena: CohortTrainee = { uid: 'u-elena', name: 'Éléna Dubois', academyId: 'AC-3', email: null, source: 'local', importedAt: null };

let serial = 0;
function outcome(trainee: CohortTrainee, scenarioId: string, day: number, average: number, timeOnTaskMs = 10 * 60_000, packId = 'p'): CohortOutcome {
  serial += 1;
  const finishedAt = T0 + day * DAY;
  return {
    uid: `o${serial}`,
    traineeUid: trainee.uid,
    packId,
    scenarioId,
    passed: average >= 70,
    average,
    startedAt: finishedAt - timeOnTaskMs,
    finishedAt,
    timeOnTaskMs,
  };
}

function underWay(trainee: CohortTrainee, scenarioId: string, day: number, id: number): CohortActiveAttempt {
  return { id, traineeUid: trainee.uid, packId: 'p', scenarioId, startedAt: T0 + day * DAY, updatedAt: T0 + day * DAY + 1000 };
}

const outcomes: CohortOutcome[] = [
  outcome(lena, 'a', 1, 50, 20 * 60_000),
  outcome(lena, 'a', 3, 90, 15 * 60_000),
  outcome(lena, 'a', 5, 60),
  outcome(lena, 'b', 4, 80),
  outcome(pavel, 'b', 2, 40),
  outcome(pavel, 'c', 6, 95),
  // Not shown: its pack is not installed; its trainee is unknown.
  outcome(lena, 'x', 2, 99, 1, 'gone'),
  { ...outcome(lena, 'a', 2, 100), traineeUid: 'u-nobody' },
];
const active = [underWay(pavel, 'b', 7, 1), underWay(elena, 'c', 8, 2)];

const cohort = buildCohort({ trainees: [lena, pavel, elena], outcomes, active, catalogue });
const scenarioRow = (trainee: CohortTrainee, scenarioId: string) =>
  cohort.scenarioRows.find((row) => row.trainee === trainee && row.scenarioId === scenarioId)!;
const courseRow = (trainee: CohortTrainee, courseId: string) => cohort.courseRows.find((row) => row.trainee === trainee && row.courseId === courseId)!;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

describe('buildCohort', () => {
  it('makes one row per trainee and installed scenario, and one per trainee and course', () => {
    expect(cohort.scenarioRows).toHaveLength(9);
    expect(cohort.courseRows).toHaveLength(6);
    expect(new Set(cohort.scenarioRows.map((row) => row.key)).size).toBe(9);
    expect(cohort.unplacedOutcomes).toBe(2);
  });

  it("gives each scenario row the trainee's standing: status, best score, attempts, first pass, time on task", () => {
    expect(scenarioRow(lena, 'a')).toMatchObject({
      status: 'passed',
      bestScore: 90,
      attempts: 3,
      completedAt: T0 + 3 * DAY,
      lastActivityAt: T0 + 5 * DAY,
      timeOnTaskMs: 45 * 60_000,
      scenarioTitle: 'Alpha',
      courseTitle: 'Basics',
    });
    expect(scenarioRow(pavel, 'b')).toMatchObject({ status: 'in-progress', bestScore: 40, attempts: 2, completedAt: null, courseTitle: 'Basics, Mean course' });
    expect(scenarioRow(pavel, 'a')).toMatchObject({
      status: 'not-started',
      bestScore: null,
      attempts: 0,
      completedAt: null,
      lastActivityAt: null,
      timeOnTaskMs: 0,
    });
    expect(scenarioRow(elena, 'c')).toMatchObject({ status: 'in-progress', bestScore: null, attempts: 1 });
    expect(scenarioRow(pavel, 'c').status).toBe('passed');
    const failed = buildCohort({ trainees: [pavel], outcomes: [outcome(pavel, 'a', 1, 30)], active: [], catalogue });
    expect(failed.scenarioRows[0]).toMatchObject({ status: 'failed', bestScore: 30, attempts: 1 });
  });

  it('gives each course row its completion under its rule, with the date the rule first held', () => {
    expect(courseRow(lena, 'basics')).toMatchObject({
      status: 'completed',
      completedAt: T0 + 4 * DAY,
      passedScenarios: 2,
      totalScenarios: 2,
      bestScore: 85,
      attempts: 4,
      timeOnTaskMs: 55 * 60_000,
      lastActivityAt: T0 + 5 * DAY,
    });
    // The average rule needs every scenario finished: b (40) and c (95) average 67.5, under 70.
    expect(courseRow(pavel, 'mean')).toMatchObject({ status: 'in-progress', completedAt: null, passedScenarios: 1, bestScore: 67.5, attempts: 3 });
    expect(courseRow(pavel, 'basics')).toMatchObject({ status: 'in-progress', passedScenarios: 0 });
    expect(courseRow(elena, 'basics')).toMatchObject({ status: 'not-started', bestScore: null, attempts: 0, lastActivityAt: null });
    expect(courseRow(elena, 'mean').status).toBe('in-progress');
  });

  it('shows a trainee known as a profile and from an import once, as the profile', () => {
    const both = buildCohort({ trainees: [{ ...lena, source: 'imported', importedAt: T0 }, lena], outcomes, active, catalogue });
    expect(both.trainees).toEqual([lena]);
    expect(both.scenarioRows.filter((row) => row.trainee.uid === lena.uid)).toHaveLength(3);
  });

  it("keeps each trainee's records of a scenario, the latest first, for opening them", () => {
    const records = recordsOf(cohort, lena.uid, 'p', 'a');
    expect(records.outcomes.map((found) => found.finishedAt)).toEqual([T0 + 5 * DAY, T0 + 3 * DAY, T0 + 1 * DAY]);
    expect(recordsOf(cohort, pavel.uid, 'p', 'b').active.map((found) => found.id)).toEqual([1]);
    expect(recordsOf(cohort, elena.uid, 'p', 'a')).toEqual({ outcomes: [], active: [] });
  });

  it('has no rows without trainees or without installed scenarios', () => {
    expect(buildCohort({ trainees: [], outcomes, active, catalogue }).scenarioRows).toEqual([]);
    const empty = buildCohort({ trainees: [lena], outcomes, active, catalogue: { scenarios: [], courses: [] } });
    expect(empty.scenarioRows).toEqual([]);
    expect(empty.unplacedOutcomes).toBe(outcomes.length);
  });
});

describe('filterRows', () => {
  const filter = (change: Partial<CohortFilter>, rows: readonly CohortRow[] = cohort.scenarioRows) => filterRows(rows, { ...NO_FILTER, ...change });
  const names = (rows: readonly CohortRow[]) =>
    rows.map((row) => `${row.trainee.name.split(' ')[0]}:${row.kind === 'scenario' ? row.scenarioId : row.courseId}`);

  it('lets everything through without a filter', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(filter({})).toEqual(cohort.scenarioRows);
    expect(isFiltered({ ...NO_FILTER, search: '  ' })).toBe(false);
  });

  it('keeps the rows of one status', () => {
    expect(names(filter({ status: 'passed' }))).toEqual(['Lena:a', 'Lena:b', 'Pavel:c']);
    expect(names(filter({ status: 'in-progress' }))).toEqual(['Pavel:b', 'Éléna:c']);
    expect(names(filter({ status: 'completed' }, cohort.courseRows))).toEqual(['Lena:basics']);
    expect(filter({ status: 'not-started' })).toHaveLength(4);
  });

  it("keeps a course's scenarios, or that course's rows", () => {
    expect(names(filter({ course: courseKey('p', 'basics'), search: 'marsh' }))).toEqual(['Lena:a', 'Lena:b']);
    expect(names(filter({ course: courseKey('p', 'mean'), search: 'pavel' }))).toEqual(['Pavel:b', 'Pavel:c']);
    expect(names(filter({ course: courseKey('p', 'mean') }, cohort.courseRows))).toEqual(['Lena:mean', 'Pavel:mean', 'Éléna:mean']);
  });

  it('keeps rows whose completion, or last activity, falls in the range, both ends included', () => {
    expect(names(filter({ from: T0 + 3 * DAY, to: T0 + 4 * DAY }))).toEqual(['Lena:a', 'Lena:b']);
    expect(names(filter({ from: T0 + 5 * DAY }))).toEqual(['Pavel:c']);
    expect(names(filter({ to: T0 + 3 * DAY }))).toEqual(['Lena:a']);
    expect(names(filter({ dateField: 'activity', from: T0 + 6 * DAY }))).toEqual(['Pavel:b', 'Pavel:c', 'Éléna:c']);
    expect(names(filter({ dateField: 'activity', to: T0 + 4 * DAY }))).toEqual(['Lena:b']);
  });

  it('finds trainees by name, academy ID or e-mail, any case and accents, every word', () => {
    expect(new Set(names(filter({ search: 'ELENA' })))).toEqual(new Set(['Éléna:a', 'Éléna:b', 'Éléna:c']));
    expect(names(filter({ search: 'ac-1' }))).toEqual(['Lena:a', 'Lena:b', 'Lena:c']);
    expect(names(filter({ search: 'pavel@academy' }))).toHaveLength(3);
    expect(names(filter({ search: ' marsh   lena ' }))).toHaveLength(3);
    expect(filter({ search: 'lena holt' })).toEqual([]);
    expect(searchFold('Éléna DUBOIS')).toBe('elena dubois');
  });

  it('combines the filters', () => {
    expect(names(filter({ search: 'pavel', status: 'passed', course: courseKey('p', 'mean'), from: T0 }))).toEqual(['Pavel:c']);
  });
});

describe('sortRows', () => {
  const order = (rows: readonly CohortRow[]) =>
    rows.map((row) => `${row.trainee.name.split(' ')[0]}:${row.kind === 'scenario' ? row.scenarioId : row.courseId}`);
  const sorted = (
    column: Parameters<typeof sortRows>[1]['column'],
    direction: 'ascending' | 'descending' = 'ascending',
    rows: readonly CohortRow[] = cohort.scenarioRows,
  ) => order(sortRows(rows, { column, direction }, collator));

  it("sorts by trainee in the reader's collation, then course and scenario", () => {
    expect(sorted('trainee')).toEqual(['Éléna:a', 'Éléna:b', 'Éléna:c', 'Lena:a', 'Lena:b', 'Lena:c', 'Pavel:a', 'Pavel:b', 'Pavel:c']);
    expect(sorted('trainee', 'descending').slice(0, 3)).toEqual(['Pavel:a', 'Pavel:b', 'Pavel:c']);
  });

  it('sorts by scenario and by course title', () => {
    expect(sorted('scenario', 'descending').slice(0, 3)).toEqual(['Éléna:c', 'Lena:c', 'Pavel:c']);
    expect(sorted('course').slice(0, 3)).toEqual(['Éléna:a', 'Lena:a', 'Pavel:a']);
  });

  it('puts missing scores and dates last in both directions', () => {
    const scores = (direction: 'ascending' | 'descending') =>
      sortRows(cohort.scenarioRows, { column: 'bestScore', direction }, collator).map((row) => row.bestScore);
    expect(scores('ascending')).toEqual([40, 80, 90, 95, null, null, null, null, null]);
    expect(scores('descending')).toEqual([95, 90, 80, 40, null, null, null, null, null]);
    expect(sortRows(cohort.scenarioRows, { column: 'completedAt', direction: 'descending' }, collator).map((row) => row.completedAt)).toEqual([
      T0 + 6 * DAY,
      T0 + 4 * DAY,
      T0 + 3 * DAY,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('sorts by status from not started to passed, by attempts and by time on task', () => {
    expect(sortRows(cohort.scenarioRows, { column: 'status', direction: 'ascending' }, collator).map((row) => row.status)).toEqual([
      'not-started',
      'not-started',
      'not-started',
      'not-started',
      'in-progress',
      'in-progress',
      'passed',
      'passed',
      'passed',
    ]);
    expect(sorted('attempts', 'descending').slice(0, 2)).toEqual(['Lena:a', 'Pavel:b']);
    expect(sorted('timeOnTask', 'descending')[0]).toBe('Lena:a');
  });

  it('sorts course rows by the share of scenarios passed', () => {
    expect(sorted('scenario', 'descending', cohort.courseRows).slice(0, 2)).toEqual(['Lena:basics', 'Lena:mean']);
  });

  it('never changes the rows it is given', () => {
    const before = [...cohort.scenarioRows];
    sortRows(cohort.scenarioRows, { column: 'status', direction: 'descending' }, collator);
    expect(cohort.scenarioRows).toEqual(before);
  });
});

describe('completionSummary', () => {
  it('counts per course how many trainees completed it, are on their way, have not begun', () => {
    expect(completionSummary(cohort.courseRows, catalogue)).toEqual([
      { courseKey: 'p/basics', packId: 'p', courseId: 'basics', title: 'Basics', completed: 1, inProgress: 1, notStarted: 1, total: 3 },
      { courseKey: 'p/mean', packId: 'p', courseId: 'mean', title: 'Mean course', completed: 0, inProgress: 3, notStarted: 0, total: 3 },
    ]);
  });

  it('lists every course, with zeros when nobody is counted', () => {
    expect(completionSummary([], catalogue).map((entry) => entry.total)).toEqual([0, 0]);
  });
});

/** Wraps each object so that every property read is counted. */
function counted<T extends object>(items: readonly T[]): { items: T[]; reads: () => number } {
  let reads = 0;
  const handler: ProxyHandler<T> = {
    get(target, property, receiver) {
      reads += 1;
      return Reflect.get(target, property, receiver) as unknown;
    },
  };
  return { items: items.map((item) => new Proxy(item, handler)), reads: () => reads };
}

describe('work done for 500 trainees × 12 scenarios', () => {
  const scenarioIds = Array.from({ length: 12 }, (_, index) => `s${index + 1}`);
  const bigCatalogue: CohortCatalogue = {
    scenarios: scenarioIds.map((scenarioId) => ({ packId: 'big', scenarioId, title: scenarioId })),
    courses: [0, 1, 2].map((index) => ({ packId: 'big', course: course(`c${index}`, scenarioIds.slice(index * 4, index * 4 + 4)), title: `Course ${index}` })),
  };

  function measure(trainees: number) {
    const sample = sampleCohort({ trainees, packId: 'big', scenarioIds, seed: 7 });
    const people = counted<CohortTrainee>(sample.trainees.map((trainee) => ({ ...trainee, source: 'imported', importedAt: T0 })));
    const records = counted<CohortOutcome>(sample.outcomes);
    const built = buildCohort({ trainees: people.items, outcomes: records.items, active: [], catalogue: bigCatalogue });
    const rows = counted<ScenarioRow>(built.scenarioRows);
    const courseRows = counted<CourseRow>(built.courseRows);
    const filtered = filterRows(rows.items, { ...NO_FILTER, search: 'lena', status: 'passed', course: 'big/c1', from: T0 });
    filterRows(courseRows.items, { ...NO_FILTER, status: 'completed', dateField: 'activity', to: Date.UTC(2030, 0, 1) });
    return {
      built,
      filtered,
      outcomes: sample.outcomes.length,
      outcomeReads: records.reads(),
      traineeReads: people.reads(),
      rowReads: rows.reads() + courseRows.reads(),
    };
  }

  const small = measure(50);
  const large = measure(500);

  it('builds 6,000 scenario rows and 1,500 course rows', () => {
    expect(large.built.scenarioRows).toHaveLength(6000);
    expect(large.built.courseRows).toHaveLength(1500);
    expect(large.filtered.length).toBeGreaterThan(0);
    expect(large.filtered.every((row) => row.status === 'passed' && row.searchText.includes('lena'))).toBe(true);
  });

  it('reads each outcome a bounded number of times, however many trainees there are', () => {
    // Indexing reads an outcome's keys once; sorting and the rules read a few fields more.
    expect(large.outcomeReads / large.outcomes).toBeLessThan(40);
    expect(large.outcomeReads / large.outcomes).toBeLessThan((small.outcomeReads / small.outcomes) * 1.5);
    expect(large.traineeReads).toBeLessThanOrEqual(10 * small.traineeReads);
  });

  it('tests each row a bounded number of times when filtering', () => {
    const rows = 500 * 12 + 500 * 3;
    expect(large.rowReads).toBeLessThan(rows * 4);
    expect(large.rowReads).toBeLessThanOrEqual(10 * small.rowReads * 1.1);
  });
});
