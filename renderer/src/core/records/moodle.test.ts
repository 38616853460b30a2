// Runtime: Node (Vitest). The Moodle gradebook files against Moodle's own import rules (see
// __fixtures__/moodle-import.ts, followed from grade/import/csv and grade/import/xml): column mapping,
// ID numbers, no `timeexported`, the pre-flight catching what would abort the import, RFC 4180 quoting
// of awkward text, Cyrillic, and a parse-back with papaparse and fast-xml-parser.
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Course } from '../pack/schema';
import { importMoodleCsv, importMoodleXml, phpFgetcsv, TIME_EXPORTED_HEADER, type MoodleSite } from './__fixtures__/moodle-import';
import { exportCatalog, type CatalogPack, type ExportTrainee } from './export-common';
import {
  englishFeedback,
  formatMoodleScore,
  gradeItemKey,
  gradeItemsOf,
  gradeTrainee,
  moodleCsv,
  moodleCsvHeader,
  moodleXml,
  moodleXmlResultCount,
  planMoodleExport,
  unwritableFor,
  type GradeItemLevel,
  type GradeItemMapping,
  type MoodlePlanOptions,
} from './moodle';
import type { ProgressOutcome } from './progress';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 9, 0);

const basics: Course = {
  id: 'basics',
  title: { en: 'Basics, part "one"', ru: 'Основы, часть «один»' },
  description: { en: '' },
  scenarios: ['alpha', 'beta'],
  completion: { rule: 'all-passed' },
};
const advanced: Course = {
  id: 'advanced',
  title: { en: 'Advanced', ru: 'Продвинутый курс' },
  description: { en: '' },
  scenarios: ['gamma'],
  completion: { rule: 'average-score', min: 70 },
};
const packs: CatalogPack[] = [
  {
    manifest: { id: 'core', title: { en: 'Core library', ru: 'Основная библиотека' } },
    courses: [basics, advanced],
    scenarios: [
      { id: 'alpha', title: { en: 'Alpha' } },
      { id: 'beta', title: { en: 'Beta, with a comma' } },
      { id: 'gamma', title: { en: 'Gamma' } },
    ],
  },
];
const catalog = exportCatalog(packs, 'en');

const ana: ExportTrainee = { uid: 'u-ana', name: 'Ana Lima', academyId: 'A-001', email: 'ana@academy.example' };
const boris: ExportTrainee = { uid: 'u-boris', name: 'Борис Петров', academyId: 'A-002', email: 'boris@academy.example' };
const chen: ExportTrainee = { uid: 'u-chen', name: 'Chen, "Wei"\nJr.', academyId: 'A-003', email: 'chen@academy.example' };
const idle: ExportTrainee = { uid: 'u-idle', name: 'Nobody Played', academyId: null, email: null };

function outcome(scenarioId: string, average: number, passed: boolean, finishedAt: number): ProgressOutcome {
  return { packId: 'core', scenarioId, average, passed, finishedAt, startedAt: finishedAt - 600_000, timeOnTaskMs: 300_000 };
}

const outcomesOf: Record<string, ProgressOutcome[]> = {
  'u-ana': [
    outcome('alpha', 62.5, false, T0),
    outcome('alpha', 88.3, true, T0 + DAY),
    outcome('beta', 91, true, T0 + 2 * DAY),
    outcome('gamma', 75, true, T0 + 3 * DAY),
  ],
  'u-boris': [outcome('alpha', 70, true, T0 + DAY)],
  'u-chen': [outcome('gamma', 64.4, false, T0 + 5 * DAY)],
  'u-idle': [],
};

const mappingFor = (level: GradeItemLevel): GradeItemMapping =>
  level === 'course'
    ? { [gradeItemKey('course', 'core', 'basics')]: 'ATT-BASICS', [gradeItemKey('course', 'core', 'advanced')]: 'ATT-ADV' }
    : {
        [gradeItemKey('scenario', 'core', 'alpha')]: 'ATT-ALPHA',
        [gradeItemKey('scenario', 'core', 'beta')]: 'ATT-BETA',
        [gradeItemKey('scenario', 'core', 'gamma')]: 'ATT-GAMMA',
      };

function graded(level: GradeItemLevel, trainees: ExportTrainee[], options: { courseScore?: 'completed' | 'always'; feedback?: boolean } = {}) {
  const items = gradeItemsOf(catalog, level);
  const rows = trainees.map((trainee) =>
    gradeTrainee(trainee, outcomesOf[trainee.uid] ?? [], items, {
      courseScore: options.courseScore ?? 'completed',
      feedback: options.feedback ? englishFeedback : null,
    }),
  );
  return { items, rows };
}

function plan(
  level: GradeItemLevel,
  trainees: ExportTrainee[],
  options: Partial<MoodlePlanOptions> & { courseScore?: 'completed' | 'always'; mapping?: GradeItemMapping } = {},
) {
  const { items, rows } = graded(level, trainees, { courseScore: options.courseScore, feedback: options.feedback });
  return planMoodleExport(rows, items, options.mapping ?? mappingFor(level), {
    format: options.format ?? 'csv',
    identity: options.identity ?? 'academyId',
    feedback: options.feedback ?? false,
    leaveOutMissing: options.leaveOutMissing ?? false,
  });
}

/** A Moodle course with the users and the grade items the mapping names. */
const site: MoodleSite = {
  users: [
    { id: 11, idnumber: 'A-001', email: 'ana@academy.example', username: 'ana' },
    { id: 12, idnumber: 'A-002', email: 'boris@academy.example', username: 'boris' },
    { id: 13, idnumber: 'A-003', email: 'chen@academy.example', username: 'chen' },
  ],
  gradeItems: [
    { id: 101, idnumber: 'ATT-BASICS', itemname: 'Basics' },
    { id: 102, idnumber: 'ATT-ADV', itemname: 'Advanced' },
    { id: 201, idnumber: 'ATT-ALPHA', itemname: 'Alpha' },
    { id: 202, idnumber: 'ATT-BETA', itemname: 'Beta' },
    { id: 203, idnumber: 'ATT-GAMMA', itemname: 'Gamma' },
  ],
};
const itemIdOf = (idNumber: string) => site.gradeItems.find((item) => item.idnumber === idNumber)!.id;

/** The mapping form as a teacher fills it for our header: column 0 is the user, each "[ID]" column its item. */
function teacherMapping(header: string[], mapto: 'useridnumber' | 'useremail') {
  const columns: Record<number, string> = {};
  header.forEach((title, index) => {
    if (index === 0) return;
    const idNumber = /\[([^\]]+)\]$/.exec(title)![1]!;
    columns[index] = title.startsWith('Feedback: ') ? `feedback_${itemIdOf(idNumber)}` : String(itemIdOf(idNumber));
  });
  return { mapfrom: 0, mapto, columns };
}

describe('grade items', () => {
  it('are the courses, or the scenarios, of the catalogue, keyed by level, pack and id', () => {
    expect(gradeItemsOf(catalog, 'course').map((item) => [item.key, item.title])).toEqual([
      ['course:core/basics', 'Basics, part "one"'],
      ['course:core/advanced', 'Advanced'],
    ]);
    expect(gradeItemsOf(catalog, 'scenario').map((item) => item.key)).toEqual(['scenario:core/alpha', 'scenario:core/beta', 'scenario:core/gamma']);
    expect(gradeItemsOf(exportCatalog(packs, 'ru'), 'course')[0]!.title).toBe('Основы, часть «один»');
  });
});

describe('grades', () => {
  it('give a course the mean of its best scores only once completed, unless asked always', () => {
    const completedOnly = graded('course', [ana, boris]).rows;
    expect(completedOnly[0]!.scores).toEqual([89.7, 75]);
    expect(completedOnly[1]!.scores).toEqual([null, null]);
    const always = graded('course', [boris], { courseScore: 'always' }).rows;
    expect(always[0]!.scores).toEqual([70, null]);
  });

  it('give a scenario its best score, and no grade when never finished', () => {
    expect(graded('scenario', [ana, chen]).rows.map((row) => row.scores)).toEqual([
      [88.3, 91, 75],
      [null, null, 64.4],
    ]);
  });

  it('write feedback only where the trainee has begun', () => {
    const [row] = graded('course', [boris], { feedback: true }).rows;
    expect(row!.feedback).toEqual(['Not completed yet: 1 of 2 scenarios passed, mean of best scores 70.', '']);
    const [done] = graded('scenario', [ana], { feedback: true }).rows;
    expect(done!.feedback[0]).toBe('Passed on 2026-03-02; best score 88.3 in 2 attempts.');
  });
});

describe('Moodle CSV', () => {
  it('has one identity column, one column per grade item and never a timeexported column', () => {
    const ready = plan('course', [ana, boris, chen]);
    expect(ready.problems).toEqual([]);
    expect(ready.ready).toBe(true);
    const [header, ...rows] = Papa.parse<string[]>(moodleCsv(ready), { skipEmptyLines: true }).data;
    expect(header).toEqual(['ID number', 'Basics, part "one" [ATT-BASICS]', 'Advanced [ATT-ADV]']);
    expect(header).not.toContain(TIME_EXPORTED_HEADER);
    expect(header!.some((title) => /timeexported/i.test(title))).toBe(false);
    // Boris and Chen have completed nothing: only Ana has a grade to give.
    expect(rows).toEqual([['A-001', '89.7', '75']]);
  });

  it("is accepted by Moodle's CSV import with the ID number mapping, every grade landing on its user and item", () => {
    const ready = plan('scenario', [ana, boris, chen], { feedback: true });
    const csv = moodleCsv(ready);
    const result = importMoodleCsv(csv, site, teacherMapping(moodleCsvHeader(ready), 'useridnumber'));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.grades).toEqual([
      { userId: 11, itemId: 201, finalgrade: 88.3 },
      { userId: 11, itemId: 202, finalgrade: 91 },
      { userId: 11, itemId: 203, finalgrade: 75 },
      { userId: 12, itemId: 201, finalgrade: 70 },
      { userId: 12, itemId: 202, finalgrade: null },
      { userId: 12, itemId: 203, finalgrade: null },
      { userId: 13, itemId: 201, finalgrade: null },
      { userId: 13, itemId: 202, finalgrade: null },
      { userId: 13, itemId: 203, finalgrade: 64.4 },
    ]);
    expect(result.feedback).toContainEqual({ userId: 13, itemId: 203, feedback: 'Not passed yet; best score 64.4 in 1 attempt.' });
  });

  it('identifies trainees by e-mail when the academy says so, and Moodle finds them by Email address', () => {
    const ready = plan('course', [ana], { identity: 'email' });
    expect(moodleCsvHeader(ready)[0]).toBe('Email address');
    const result = importMoodleCsv(moodleCsv(ready), site, teacherMapping(moodleCsvHeader(ready), 'useremail'));
    expect(result).toEqual({
      ok: true,
      grades: [
        { userId: 11, itemId: 101, finalgrade: 89.7 },
        { userId: 11, itemId: 102, finalgrade: 75 },
      ],
      feedback: [],
    });
  });

  it('writes numbers with a dot whatever the language, never an exponent', () => {
    expect(formatMoodleScore(82.5)).toBe('82.5');
    expect(formatMoodleScore(100)).toBe('100');
    expect(formatMoodleScore(0.1 + 0.2)).toBe('0.3');
    expect(formatMoodleScore(0.001)).toBe('0');
    expect(formatMoodleScore(66.666666)).toBe('66.67');
  });

  it('quotes commas, quotes, new lines and keeps Cyrillic, read back the same by papaparse and by PHP', () => {
    const awkward: Course = { ...basics, title: { en: 'Кризис, "горячая линия"\nчасть 2' } };
    const awkwardCatalog = exportCatalog([{ ...packs[0]!, courses: [awkward] }], 'en');
    const items = gradeItemsOf(awkwardCatalog, 'course');
    const writer = () => 'Зачтено, "отлично"\nс первой попытки; 1,5 часа';
    const rows = [gradeTrainee({ ...ana, academyId: 'A,001 "x"' }, outcomesOf['u-ana']!, items, { courseScore: 'completed', feedback: writer })];
    const ready = planMoodleExport(
      rows,
      items,
      { [items[0]!.key]: 'ATT-КРИЗИС' },
      { format: 'csv', identity: 'academyId', feedback: true, leaveOutMissing: false },
    );
    expect(ready.problems).toEqual([]);
    const csv = moodleCsv(ready);
    const expected = [
      ['ID number', 'Кризис, "горячая линия"\nчасть 2 [ATT-КРИЗИС]', 'Feedback: Кризис, "горячая линия"\nчасть 2 [ATT-КРИЗИС]'],
      ['A,001 "x"', '89.7', 'Зачтено, "отлично"\nс первой попытки; 1,5 часа'],
    ];
    expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data).toEqual(expected);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(phpFgetcsv(csv.replace(/\r\n/g, '\n'))).toEqual(expected);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(csv))).toBe(csv);
  });

  it('refuses to write a plan that is not ready', () => {
    const blocked = plan('course', [{ ...ana, academyId: null }]);
    expect(blocked.ready).toBe(false);
    expect(() => moodleCsv(blocked)).toThrow(/cannot be written/);
    expect(() => moodleXml(plan('course', [ana]))).toThrow(/cannot be written/);
  });
});

describe('pre-flight', () => {
  it('names each trainee without the identity field (written anyway, Moodle would give their grades to the row above)', () => {
    const noId = { ...ana, academyId: '  ' };
    const blocked = plan('course', [noId, boris], { courseScore: 'always' });
    expect(blocked.problems).toEqual([{ kind: 'missing-identity', field: 'academyId', trainee: noId }]);
    expect(blocked.ready).toBe(false);
    expect(blocked.leftOut.trainees).toEqual([noId]);

    // Written anyway, the row without an ID would put Ana's grades on the user of the row above.
    const naive = Papa.unparse([
      ['ID number', 'Basics [ATT-BASICS]'],
      ['A-002', '70'],
      ['', '89.7'],
    ]);
    const result = importMoodleCsv(naive, site, { mapfrom: 0, mapto: 'useridnumber', columns: { 1: String(itemIdOf('ATT-BASICS')) } });
    expect(result.ok && result.grades).toEqual([
      { userId: 12, itemId: 101, finalgrade: 70 },
      { userId: 12, itemId: 101, finalgrade: 89.7 },
    ]);
  });

  it('leaves those trainees out when asked, and the rest is accepted', () => {
    const noId = { ...ana, academyId: null };
    const ready = plan('course', [noId, boris], { courseScore: 'always', leaveOutMissing: true });
    expect(ready.ready).toBe(true);
    expect(ready.rows.map((row) => row.trainee.uid)).toEqual(['u-boris']);
    expect(importMoodleCsv(moodleCsv(ready), site, teacherMapping(moodleCsvHeader(ready), 'useridnumber')).ok).toBe(true);
  });

  it('catches duplicate identities, compared without case, and an ID of "0" that PHP takes for empty', () => {
    const twin = { ...boris, academyId: 'a-001' };
    const zero = { ...chen, academyId: '0' };
    const blocked = plan('scenario', [ana, twin, zero]);
    expect(blocked.problems).toEqual([
      { kind: 'unusable-identity', field: 'academyId', trainee: zero, value: '0', reason: 'zero' },
      { kind: 'duplicate-identity', field: 'academyId', value: 'A-001', trainees: [ana, twin] },
      { kind: 'nothing-to-export' },
    ]);
    expect(blocked.ready).toBe(false);
    expect(plan('scenario', [ana, twin, zero], { leaveOutMissing: true }).ready).toBe(false);
  });

  it('catches e-mail addresses Moodle cannot match', () => {
    const bad = { ...ana, email: 'ana at academy' };
    expect(plan('course', [bad], { identity: 'email' }).problems[0]).toMatchObject({
      kind: 'unusable-identity',
      reason: 'not-an-email',
      value: 'ana at academy',
    });
  });

  it('asks for a grade item ID number only for items someone has a grade for, and for each of them', () => {
    const { [gradeItemKey('scenario', 'core', 'beta')]: _beta, ...withoutBeta } = mappingFor('scenario');
    const blocked = plan('scenario', [boris, chen], { mapping: withoutBeta });
    // Nobody has finished Beta: its missing ID number is no problem.
    expect(blocked.problems).toEqual([]);
    const missing = plan('scenario', [ana, boris], { mapping: withoutBeta });
    expect(missing.problems).toEqual([{ kind: 'missing-item-id', item: expect.objectContaining({ key: 'scenario:core/beta' }) }]);
    const left = plan('scenario', [ana, boris], { mapping: withoutBeta, leaveOutMissing: true });
    expect(left.items.map(({ idNumber }) => idNumber)).toEqual(['ATT-ALPHA', 'ATT-GAMMA']);
    expect(left.leftOut.items.map((item) => item.key)).toEqual(['scenario:core/beta']);
  });

  it('refuses one ID number for two items (Moodle refuses two columns mapped to one item)', () => {
    const mapping = { ...mappingFor('scenario'), [gradeItemKey('scenario', 'core', 'gamma')]: 'att-alpha' };
    const blocked = plan('scenario', [ana], { mapping });
    expect(blocked.problems).toEqual([
      {
        kind: 'duplicate-item-id',
        value: 'ATT-ALPHA',
        items: [expect.objectContaining({ scenarioId: 'alpha' }), expect.objectContaining({ scenarioId: 'gamma' })],
      },
    ]);
    const left = plan('scenario', [ana], { mapping, leaveOutMissing: true });
    expect(left.items.map(({ idNumber }) => idNumber)).toEqual(['ATT-BETA']);
  });

  it('refuses ID numbers longer than Moodle keeps', () => {
    const mapping = { ...mappingFor('course'), [gradeItemKey('course', 'core', 'basics')]: 'X'.repeat(256) };
    expect(plan('course', [ana], { mapping }).problems[0]).toMatchObject({ kind: 'unusable-item-id', reason: 'too-long' });
  });

  it('says when nothing is left to export, even when leaving out', () => {
    expect(plan('course', [idle], { leaveOutMissing: true }).problems).toEqual([{ kind: 'nothing-to-export' }]);
    expect(plan('course', [idle], { leaveOutMissing: true }).ready).toBe(false);
  });

  it('finds a feedback text that PHP would misread and leaves only that text out', () => {
    expect(unwritableFor('csv', 'C:\\path, ending\\')).toBe(true);
    expect(unwritableFor('csv', 'plain\\text')).toBe(false);
    expect(unwritableFor('csv', 'say \\"hi\\", ok')).toBe(true);
    const items = gradeItemsOf(catalog, 'course');
    const rows = [gradeTrainee(ana, outcomesOf['u-ana']!, items, { courseScore: 'completed', feedback: () => 'Saved in C:\\records, see folder\\' })];
    const options = { format: 'csv' as const, identity: 'academyId' as const, feedback: true, leaveOutMissing: false };
    const blocked = planMoodleExport(rows, items, mappingFor('course'), options);
    expect(blocked.problems.map((problem) => problem.kind)).toEqual(['unwritable-feedback', 'unwritable-feedback']);
    const left = planMoodleExport(rows, items, mappingFor('course'), { ...options, leaveOutMissing: true });
    expect(left.rows[0]!.feedback).toEqual(['', '']);
    expect(left.rows[0]!.scores).toEqual([89.7, 75]);
  });

  it('refuses a score Moodle would refuse (over 100)', () => {
    const items = gradeItemsOf(catalog, 'scenario');
    const rows = [gradeTrainee(ana, [outcome('alpha', 130, true, T0)], items, { courseScore: 'completed', feedback: null })];
    const blocked = planMoodleExport(rows, items, mappingFor('scenario'), { format: 'csv', identity: 'academyId', feedback: false, leaveOutMissing: false });
    expect(blocked.problems[0]).toMatchObject({ kind: 'score-out-of-range', score: 130 });
  });
});

describe('Moodle XML', () => {
  const xmlParser = new XMLParser({ isArray: (name) => name === 'result', parseTagValue: false });

  it('holds one result per trainee and item with a score, the item ID number and the user ID number', () => {
    const ready = plan('scenario', [ana, boris, chen], { format: 'xml' });
    const xml = moodleXml(ready);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<results>')).toBe(true);
    const parsed = xmlParser.parse(xml) as { results: { result: Record<string, string>[] } };
    expect(parsed.results.result).toEqual([
      { assignment: 'ATT-ALPHA', student: 'A-001', score: '88.3' },
      { assignment: 'ATT-BETA', student: 'A-001', score: '91' },
      { assignment: 'ATT-GAMMA', student: 'A-001', score: '75' },
      { assignment: 'ATT-ALPHA', student: 'A-002', score: '70' },
      { assignment: 'ATT-GAMMA', student: 'A-003', score: '64.4' },
    ]);
    expect(moodleXmlResultCount(ready)).toBe(5);
    expect(importMoodleXml(xml, site)).toMatchObject({ ok: true, grades: expect.arrayContaining([{ userId: 13, itemId: 203, finalgrade: 64.4 }]) });
  });

  it('always matches users by academy ID, as Moodle’s XML import does, even when the academy uses e-mail', () => {
    const noId = { ...boris, academyId: null };
    const blocked = plan('scenario', [ana, noId], { format: 'xml', identity: 'email' });
    expect(blocked.identity).toBe('academyId');
    expect(blocked.problems).toEqual([{ kind: 'missing-identity', field: 'academyId', trainee: noId }]);
  });

  it('escapes markup in feedback and ID numbers, keeps Cyrillic, and Moodle reads back exactly the text', () => {
    const items = gradeItemsOf(catalog, 'course');
    const feedback = () => 'Зачёт <b>&amp;</b> "кавычки" & \'апостроф\' — ok';
    const rows = [gradeTrainee({ ...ana, academyId: 'A<&>"1' }, outcomesOf['u-ana']!, items, { courseScore: 'completed', feedback })];
    const mapping = { ...mappingFor('course'), [items[0]!.key]: 'ATT&<BASICS>' };
    const ready = planMoodleExport(rows, items, mapping, { format: 'xml', identity: 'academyId', feedback: true, leaveOutMissing: false });
    const xml = moodleXml(ready);
    expect(xml).not.toContain('<b>');
    const result = importMoodleXml(xml, {
      users: [{ id: 1, idnumber: 'A<&>"1', email: '', username: 'x' }],
      gradeItems: [
        { id: 7, idnumber: 'ATT&<BASICS>', itemname: 'Basics' },
        { id: 8, idnumber: 'ATT-ADV', itemname: 'Advanced' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      grades: [
        { userId: 1, itemId: 7, finalgrade: 89.7 },
        { userId: 1, itemId: 8, finalgrade: 75 },
      ],
      feedback: [
        { userId: 1, itemId: 7, feedback: 'Зачёт <b>&amp;</b> "кавычки" & \'апостроф\' — ok' },
        { userId: 1, itemId: 8, feedback: 'Зачёт <b>&amp;</b> "кавычки" & \'апостроф\' — ok' },
      ],
    });
  });

  it('is refused by Moodle when a user or an item is unknown: what the pre-flight exists for', () => {
    const xml = moodleXml(plan('scenario', [ana], { format: 'xml' }));
    expect(importMoodleXml(xml, { ...site, users: site.users.slice(1) })).toEqual({ ok: false, error: 'errincorrectuseridnumber "A-001"' });
    expect(importMoodleXml(xml, { ...site, gradeItems: site.gradeItems.slice(0, 3) })).toEqual({ ok: false, error: 'errincorrectgradeidnumber "ATT-BETA"' });
  });

  it('reports characters XML cannot carry instead of writing them', () => {
    expect(unwritableFor('xml', 'bell\u0007')).toBe(true);
    expect(unwritableFor('xml', 'Привет, мир')).toBe(false);
    expect(plan('scenario', [{ ...ana, academyId: 'A\u0001' }], { format: 'xml' }).problems[0]).toMatchObject({
      kind: 'unusable-identity',
      reason: 'unwritable',
    });
  });
});
