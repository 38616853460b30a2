// Runtime: Node (Vitest, fake-indexeddb). The exports service: who and what it reads, the per-trainee
// work done a chunk at a time with the progress told and the page given its turn (counted, not timed),
// cancelling, the remembered grade item ID numbers, and each file it hands back for saving.
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_COLUMNS } from '../core/records/attempts-export';
import { englishFeedback, gradeItemKey, planMoodleExport } from '../core/records/moodle';
import { DEFAULT_MOODLE_EXPORT_SETTINGS } from '../core/records/moodle-settings';
import { ENGLISH_TRANSCRIPT_LABELS } from '../core/records/transcript';
import type { AttacheDatabase } from '../db/database';
import { saveAcademy } from '../db/repositories/academy';
import { readMoodleExportSettings, saveMoodleExportSettings } from '../db/repositories/moodle-export';
import { createProfile } from '../db/repositories/profiles';
import { loadBuiltinLibrary } from '../library/builtin';
import type { Library } from '../library/library';
import { TEST_APP_INFO } from '../test/app';
import { sampleCohort } from '../test/cohort';
import { createTestDatabase } from '../test/database';
import {
  attemptsFile,
  ExportCancelledError,
  fileNamePart,
  gradeForMoodle,
  inChunks,
  moodleFile,
  readExportSource,
  traineesWithoutIdentity,
  traineesWithRecords,
  transcriptFileName,
  transcripts,
} from './exports';

let db: AttacheDatabase;
let library: Library;
const NOW = Date.UTC(2026, 2, 14, 12);
const SCENARIOS = ['flights-suspended', 'visa-free-launch'];
const sample = sampleCohort({ trainees: 30, packId: 'core-library', scenarioIds: SCENARIOS, seed: 9 });

beforeAll(() => {
  library = loadBuiltinLibrary(TEST_APP_INFO.version);
});

beforeEach(async () => {
  db = createTestDatabase();
  await db.trainees.bulkAdd(sample.trainees.map((trainee) => ({ ...trainee, deviceKey: 'ab'.repeat(32), importedAt: 1 })));
  await db.outcomes.bulkAdd(sample.outcomes);
  await createProfile(db, { name: 'Ольга Смирнова', academyId: 'AC-9000' });
});

afterEach(async () => {
  await db.delete();
});

const noPause = () => Promise.resolve();

describe('readExportSource', () => {
  it('reads every trainee, local and imported, by name, with their outcomes, the academy and titles in the language asked', async () => {
    const source = await readExportSource(db, library, 'ru');
    expect(source.trainees).toHaveLength(31);
    expect(source.trainees.map((trainee) => trainee.name)).toEqual(
      [...source.trainees.map((trainee) => trainee.name)].sort((a, b) => a.localeCompare(b, 'ru')),
    );
    expect(source.outcomes).toHaveLength(sample.outcomes.length);
    expect(source.academy.identityField).toBe('academyId');
    expect(source.catalog.scenario('core-library', 'flights-suspended').title).toMatch(/[а-я]/);
    const withRecords = traineesWithRecords(source);
    expect(withRecords.every((trainee) => source.outcomesByTrainee.has(trainee.uid))).toBe(true);
    expect(withRecords.some((trainee) => trainee.name === 'Ольга Смирнова')).toBe(false);
  });

  it('lists trainees with records but without the identity field the academy chose', async () => {
    await saveAcademy(db, { name: 'Academy', iri: '', identityField: 'email' });
    const source = await readExportSource(db, library, 'en');
    expect(source.academy.identityField).toBe('email');
    const missing = traineesWithoutIdentity(source, 'email');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((trainee) => trainee.email === null && source.outcomesByTrainee.has(trainee.uid))).toBe(true);
  });
});

describe('inChunks', () => {
  it('does the work a chunk at a time, telling the progress and giving the page its turn between chunks', async () => {
    const progress: [number, number][] = [];
    const pause = vi.fn(noPause);
    const work = vi.fn((n: number) => n * 2);
    const result = await inChunks([...Array(60).keys()], work, {
      chunkSize: 25,
      onProgress: (done, total) => progress.push([done, total]),
      yieldToPage: pause,
    });
    expect(result).toEqual([...Array(60).keys()].map((n) => n * 2));
    expect(progress).toEqual([
      [0, 60],
      [25, 60],
      [50, 60],
      [60, 60],
    ]);
    expect(pause).toHaveBeenCalledTimes(2);
    expect(work).toHaveBeenCalledTimes(60);
  });

  it('stops before the next chunk once cancelled, with nothing returned', async () => {
    const controller = new AbortController();
    const work = vi.fn((n: number) => n);
    const running = inChunks([...Array(100).keys()], work, {
      chunkSize: 10,
      signal: controller.signal,
      yieldToPage: async () => {
        if (work.mock.calls.length === 20) controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(ExportCancelledError);
    expect(work).toHaveBeenCalledTimes(20);
  });
});

describe('Moodle export', () => {
  it('grades each trainee with records once, and the file is the plan written out with a dated name', async () => {
    const source = await readExportSource(db, library, 'en');
    const progress: number[] = [];
    const { items, graded } = await gradeForMoodle(
      source,
      'scenario',
      { courseScore: 'completed', feedback: englishFeedback },
      {
        yieldToPage: noPause,
        onProgress: (done) => progress.push(done),
      },
    );
    expect(graded).toHaveLength(traineesWithRecords(source).length);
    expect(progress.at(-1)).toBe(graded.length);
    const mapping = Object.fromEntries(items.map((item, index) => [item.key, `ATT-${index}`]));
    const plan = planMoodleExport(graded, items, mapping, { format: 'csv', identity: 'academyId', feedback: true, leaveOutMissing: true });
    expect(plan.ready).toBe(true);
    // A seventh of the sample has no academy ID: the pre-flight names them, and they are left out.
    expect(plan.problems.some((problem) => problem.kind === 'missing-identity')).toBe(true);
    const file = moodleFile(plan, NOW);
    expect(file.suggestedName).toMatch(/^moodle-grades-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(file.bytes), { skipEmptyLines: true }).data;
    expect(rows[0]![0]).toBe('ID number');
    expect(rows).toHaveLength(plan.rows.length + 1);
    expect(rows.slice(1).every((row) => row[0]!.startsWith('AC-'))).toBe(true);
  });

  it('remembers the ID numbers and options, trimmed, forgetting emptied ones, and refuses what it could not read back', async () => {
    expect(await readMoodleExportSettings(db)).toEqual(DEFAULT_MOODLE_EXPORT_SETTINGS);
    const key = gradeItemKey('course', 'core-library', 'press-attache-foundations');
    const saved = await saveMoodleExportSettings(db, {
      level: 'scenario',
      courseScore: 'always',
      feedback: true,
      items: { [key]: '  ATT-FOUND ', other: '   ' },
    });
    expect(saved.items).toEqual({ [key]: 'ATT-FOUND' });
    expect(await readMoodleExportSettings(db)).toEqual({ level: 'scenario', courseScore: 'always', feedback: true, items: { [key]: 'ATT-FOUND' } });
    await expect(saveMoodleExportSettings(db, { ...saved, items: { [key]: 'X'.repeat(256) } })).rejects.toThrow(/255 characters/);
    await db.settings.put({ key: 'moodleExport', value: { level: 'sideways' } });
    expect(await readMoodleExportSettings(db)).toEqual(DEFAULT_MOODLE_EXPORT_SETTINGS);
  });
});

describe('attempts export', () => {
  it('writes every outcome once, as CSV with the documented columns or as JSON', async () => {
    const source = await readExportSource(db, library, 'en');
    const csv = await attemptsFile(source, 'csv', NOW, { yieldToPage: noPause });
    expect(csv.suggestedName).toMatch(/^attempts-\d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(csv.bytes), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...ATTEMPT_COLUMNS]);
    expect(new Set(parsed.data.map((row) => row.attempt_uid))).toEqual(new Set(sample.outcomes.map((outcome) => outcome.uid)));

    const json = await attemptsFile(source, 'json', NOW, { yieldToPage: noPause });
    const document = JSON.parse(new TextDecoder().decode(json.bytes)) as { attempts: { uid: string }[]; exportedAt: string };
    expect(document.attempts).toHaveLength(sample.outcomes.length);
    expect(document.exportedAt).toBe('2026-03-14T12:00:00Z');
  });
});

describe('transcripts', () => {
  it('are built for the trainees asked for, in one document, with a name to suggest', async () => {
    const source = await readExportSource(db, library, 'en');
    const [first, second] = traineesWithRecords(source);
    const one = await transcripts(source, [first!.uid], ENGLISH_TRANSCRIPT_LABELS, 'en', NOW, { yieldToPage: noPause });
    expect(one.data.map((data) => data.trainee.uid)).toEqual([first!.uid]);
    expect(one.html).toContain(first!.name);
    expect(transcriptFileName(one.data, NOW)).toBe(`transcript-${first!.name}-2026-03-14.pdf`);
    const both = await transcripts(source, [second!.uid, first!.uid], ENGLISH_TRANSCRIPT_LABELS, 'en', NOW, { yieldToPage: noPause });
    expect(both.data).toHaveLength(2);
    expect(transcriptFileName(both.data, NOW)).toBe('transcripts-2026-03-14.pdf');
  });

  it('keep a trainee’s name in the file name without what file systems refuse', () => {
    expect(fileNamePart('Ольга: "Смирнова" / 2')).toBe('Ольга- -Смирнова- - 2');
    expect(fileNamePart('   ')).toBe('trainee');
  });
});
