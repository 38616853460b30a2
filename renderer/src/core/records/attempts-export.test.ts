// Runtime: Node (Vitest). The plain CSV and JSON of attempts: documented columns in order, ISO 8601 UTC
// times, Cyrillic and awkward names read back unchanged, and nothing a spreadsheet would run.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ATTEMPT_COLUMNS, attemptRecord, attemptsCsv, attemptsJson, compareAttemptRecords, ATTEMPTS_EXPORT_FORMAT } from './attempts-export';
import { exportCatalog, type ExportTrainee } from './export-common';
import type { OutcomeSummary } from './outcome';

const catalog = exportCatalog(
  [
    {
      manifest: { id: 'core', title: { en: 'Core library', ru: 'Основная библиотека' } },
      courses: [],
      scenarios: [{ id: 'flights', title: { en: 'Flights suspended', ru: 'Рейсы отменены' } }],
    },
  ],
  'ru',
  [{ packId: 'old', packTitle: { en: 'Retired pack' }, scenario: { id: 'gone', title: { en: 'Removed scenario' } } as never }],
);

function summary(overrides: Partial<OutcomeSummary>): OutcomeSummary {
  return {
    uid: 'attempt-1',
    traineeUid: 'u-1',
    packId: 'core',
    packVersion: '1.2.0',
    packContentHash: 'ab'.repeat(32),
    scenarioId: 'flights',
    playedScenario: `core@${'ab'.repeat(32)}/flights`,
    playLanguage: 'ru',
    seed: 7,
    startedAt: Date.UTC(2026, 2, 1, 9, 0, 0, 250),
    finishedAt: Date.UTC(2026, 2, 1, 9, 42, 5, 900),
    timeOnTaskMs: 1_805_400,
    simulatedMinutes: 95,
    passed: true,
    average: 82.5,
    scores: { tone: 80, policy: 90.5, platform: 77 },
    versions: { app: '0.1.0', grader: '3', machine: 2, packFormat: 1, outcome: 1 },
    origin: 'played',
    ...overrides,
  };
}

const olga: ExportTrainee = { uid: 'u-1', name: 'Ольга Смирнова', academyId: 'A-7', email: 'olga@academy.example' };
const tricky: ExportTrainee = { uid: 'u-2', name: '=HYPERLINK("http://x"), "Bob"\nSmith', academyId: '-5', email: null };

describe('attempts CSV', () => {
  it('has the documented columns in order, a byte-order mark, and reads back unchanged', () => {
    const records = [attemptRecord(summary({}), olga, catalog)];
    const csv = attemptsCsv(records);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...ATTEMPT_COLUMNS]);
    expect(parsed.data).toEqual([
      {
        attempt_uid: 'attempt-1',
        trainee_uid: 'u-1',
        trainee_name: 'Ольга Смирнова',
        academy_id: 'A-7',
        email: 'olga@academy.example',
        pack_id: 'core',
        pack_title: 'Основная библиотека',
        pack_version: '1.2.0',
        pack_content_hash: 'ab'.repeat(32),
        scenario_id: 'flights',
        scenario_title: 'Рейсы отменены',
        play_language: 'ru',
        started_at: '2026-03-01T09:00:00Z',
        finished_at: '2026-03-01T09:42:05Z',
        time_on_task_seconds: '1805',
        simulated_minutes: '95',
        passed: 'true',
        average: '82.5',
        score_tone: '80',
        score_policy: '90.5',
        score_platform: '77',
        app_version: '0.1.0',
        grader_version: '3',
        origin: 'played',
      },
    ]);
  });

  it('quotes commas, quotes and new lines, and writes formula-like text so that a spreadsheet shows it instead of running it', () => {
    const csv = attemptsCsv([attemptRecord(summary({ traineeUid: 'u-2' }), tricky, catalog)]);
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(row!.trainee_name).toBe(`'=HYPERLINK("http://x"), "Bob"\nSmith`);
    expect(row!.academy_id).toBe("'-5");
    // Numbers are numbers, never escaped.
    expect(row!.average).toBe('82.5');
  });

  it('names scenarios of removed packs from the scenario as played, and unknown ones by id', () => {
    const removed = attemptRecord(summary({ packId: 'old', scenarioId: 'gone', packContentHash: null, origin: 'migrated' }), olga, catalog);
    expect(removed.pack).toEqual({ id: 'old', title: 'Retired pack', version: '1.2.0', contentHash: null });
    expect(removed.scenario).toEqual({ id: 'gone', title: 'Removed scenario' });
    const unknown = attemptRecord(summary({ packId: 'x', scenarioId: 'y' }), undefined, catalog);
    expect(unknown.scenario.title).toBe('y');
    expect(unknown.trainee).toEqual({ uid: 'u-1', name: '', academyId: null, email: null });
  });

  it('orders trainees by name, each one’s attempts by when they finished', () => {
    const records = [
      attemptRecord(summary({ uid: 'b', finishedAt: 2_000 }), olga, catalog),
      attemptRecord(summary({ uid: 'c', traineeUid: 'u-3' }), { uid: 'u-3', name: 'Anna', academyId: null, email: null }, catalog),
      attemptRecord(summary({ uid: 'a', finishedAt: 1_000 }), olga, catalog),
    ].sort(compareAttemptRecords);
    expect(records.map((record) => record.uid)).toEqual(['c', 'a', 'b']);
  });
});

describe('attempts JSON', () => {
  it('names its format and version, when and by whom it was exported, and holds every attempt whole', () => {
    const records = [attemptRecord(summary({}), olga, catalog)];
    const json = JSON.parse(
      attemptsJson(records, { exportedAt: Date.UTC(2026, 3, 2, 12), academy: { name: 'Академия', iri: 'https://academy.example/' } }),
    ) as Record<string, unknown>;
    expect(json).toEqual({
      format: ATTEMPTS_EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-04-02T12:00:00Z',
      academy: { name: 'Академия', iri: 'https://academy.example/' },
      attempts: [
        {
          uid: 'attempt-1',
          trainee: olga,
          pack: { id: 'core', title: 'Основная библиотека', version: '1.2.0', contentHash: 'ab'.repeat(32) },
          scenario: { id: 'flights', title: 'Рейсы отменены' },
          playLanguage: 'ru',
          startedAt: '2026-03-01T09:00:00Z',
          finishedAt: '2026-03-01T09:42:05Z',
          timeOnTaskSeconds: 1805,
          simulatedMinutes: 95,
          passed: true,
          average: 82.5,
          scores: { tone: 80, policy: 90.5, platform: 77 },
          versions: { app: '0.1.0', grader: '3', machine: 2, packFormat: 1, outcome: 1 },
          origin: 'played',
        },
      ],
    });
  });
});
