// Runtime: Node (Vitest). A trainee's transcript: the courses begun with their completion dates, each
// scenario's best attempt, and the HTML the PDF is printed from (every text escaped, Cyrillic kept).
import { describe, expect, it } from 'vitest';
import type { Course } from '../pack/schema';
import { exportCatalog, type ExportTrainee } from './export-common';
import type { ProgressOutcome } from './progress';
import { buildTranscript, ENGLISH_TRANSCRIPT_LABELS, escapeHtml, transcriptHtml, type TranscriptLabels } from './transcript';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 9, 0);

const course = (id: string, scenarios: string[]): Course => ({
  id,
  title: { en: `Course ${id}`, ru: `Курс ${id}` },
  description: { en: '' },
  scenarios,
  completion: { rule: 'all-passed' },
});
const catalog = exportCatalog(
  [
    {
      manifest: { id: 'core', title: { en: 'Core', ru: 'Основы' } },
      courses: [course('one', ['alpha', 'beta']), course('two', ['gamma']), course('three', ['delta'])],
      scenarios: ['alpha', 'beta', 'gamma', 'delta'].map((id) => ({ id, title: { en: id.toUpperCase(), ru: `Сценарий ${id}` } })),
    },
  ],
  'ru',
);

const outcome = (scenarioId: string, average: number, passed: boolean, finishedAt: number): ProgressOutcome => ({
  packId: 'core',
  scenarioId,
  average,
  passed,
  finishedAt,
  startedAt: finishedAt - 1000,
  timeOnTaskMs: 1000,
});

const trainee: ExportTrainee = { uid: 'u-1', name: 'Ольга Смирнова', academyId: 'A-7', email: 'olga@academy.example' };

describe('buildTranscript', () => {
  const data = buildTranscript(
    trainee,
    [
      outcome('beta', 91, true, T0 + 2 * DAY),
      outcome('alpha', 55, false, T0),
      outcome('alpha', 80, true, T0 + DAY),
      outcome('alpha', 80, true, T0 + 3 * DAY),
      outcome('gamma', 40, false, T0 + 4 * DAY),
    ],
    catalog,
    { name: 'Дипломатическая академия' },
    T0 + 10 * DAY,
  );

  it('lists each course begun, completed or not, with the date its rule first held', () => {
    expect(data.courses).toEqual([
      {
        packId: 'core',
        packTitle: 'Основы',
        courseId: 'one',
        title: 'Курс one',
        completed: true,
        completedAt: T0 + 2 * DAY,
        passedScenarios: 2,
        totalScenarios: 2,
        averageScore: 85.5,
      },
      {
        packId: 'core',
        packTitle: 'Основы',
        courseId: 'two',
        title: 'Курс two',
        completed: false,
        completedAt: null,
        passedScenarios: 0,
        totalScenarios: 1,
        averageScore: 40,
      },
    ]);
  });

  it("gives each scenario played its best attempt (the earliest of equal scores), in the library's order", () => {
    expect(data.scenarios.map(({ scenarioId, best, attempts, passedAt }) => ({ scenarioId, best, attempts, passedAt }))).toEqual([
      { scenarioId: 'alpha', best: { finishedAt: T0 + DAY, score: 80, passed: true }, attempts: 3, passedAt: T0 + DAY },
      { scenarioId: 'beta', best: { finishedAt: T0 + 2 * DAY, score: 91, passed: true }, attempts: 1, passedAt: T0 + 2 * DAY },
      { scenarioId: 'gamma', best: { finishedAt: T0 + 4 * DAY, score: 40, passed: false }, attempts: 1, passedAt: null },
    ]);
    expect(data.trainee).toBe(trainee);
    expect(data.academy).toEqual({ name: 'Дипломатическая академия' });
  });
});

describe('transcriptHtml', () => {
  const labels: TranscriptLabels = { ...ENGLISH_TRANSCRIPT_LABELS, title: 'Выписка об обучении', passedOf: (passed, total) => `${passed} из ${total}` };

  it('keeps Cyrillic as it is and writes dates and scores in the language asked', () => {
    const data = buildTranscript(trainee, [outcome('alpha', 80.25, true, T0), outcome('beta', 70, true, T0)], catalog, { name: 'Академия' }, T0);
    const html = transcriptHtml([data], labels, { language: 'ru', timeZone: 'UTC' });
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Ольга Смирнова');
    expect(html).toContain('Выписка об обучении — Ольга Смирнова');
    expect(html).toContain('1 марта 2026');
    expect(html).toContain('80,3');
    expect(html).toContain('2 из 2');
  });

  it('escapes every text, so a name cannot add markup or a script', () => {
    const hostile: ExportTrainee = { uid: 'x', name: '<script>alert("x")</script> & <img src=x onerror=y>', academyId: `"'><b>`, email: null };
    const data = buildTranscript(hostile, [outcome('alpha', 80, true, T0)], catalog, { name: '<i>Academy</i>' }, T0);
    const html = transcriptHtml([data], ENGLISH_TRANSCRIPT_LABELS, { language: 'en', timeZone: 'UTC' });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;');
    expect(html).toContain('&quot;&#39;&gt;&lt;b&gt;');
    expect(html).toContain('—'); // no e-mail
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('loads nothing from outside: its policy allows only its own styles', () => {
    const html = transcriptHtml([buildTranscript(trainee, [], catalog, { name: null }, T0)], ENGLISH_TRANSCRIPT_LABELS, { language: 'en' });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/src=|href=|url\(|@import/);
    expect(html).toContain(ENGLISH_TRANSCRIPT_LABELS.noCourses);
    expect(html).toContain(ENGLISH_TRANSCRIPT_LABELS.noScenarios);
    // An academy without a name set gets no line for it.
    expect(html).not.toContain('class="academy"');
  });

  it('puts each trainee of a batch on pages of their own', () => {
    const other = { ...trainee, uid: 'u-2', name: 'Second Trainee' };
    const html = transcriptHtml(
      [buildTranscript(trainee, [], catalog, { name: 'A' }, T0), buildTranscript(other, [], catalog, { name: 'A' }, T0)],
      ENGLISH_TRANSCRIPT_LABELS,
      { language: 'en' },
    );
    expect(html.match(/<section class="transcript">/g)).toHaveLength(2);
    expect(html).toContain('section.transcript + section.transcript { break-before: page; }');
    expect(html).toContain('<title>Training transcript</title>');
  });
});
