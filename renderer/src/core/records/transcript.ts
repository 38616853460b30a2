// Runtime: any (pure core). A trainee's transcript: the academy, the trainee (name, academy ID, e-mail),
// each course begun (completed or not, and when) and each scenario played (its best attempt: date,
// score, pass), and when the transcript was made. The same data feeds the desktop app's PDF (this
// file's HTML, printed by the main process in a window without scripts) and the web's print view.
import type { ExportCatalog, ExportTrainee } from './export-common';
import { courseProgress, scenarioKey, type ProgressOutcome } from './progress';
import { formattingLocale } from '../locale';

export interface TranscriptCourse {
  packId: string;
  packTitle: string;
  courseId: string;
  title: string;
  completed: boolean;
  /** When the completion rule first held; null while it does not. */
  completedAt: number | null;
  passedScenarios: number;
  totalScenarios: number;
  /** Mean of the best scores of the scenarios finished so far. */
  averageScore: number | null;
}

export interface TranscriptScenario {
  packId: string;
  packTitle: string;
  scenarioId: string;
  title: string;
  /** Finished attempts. */
  attempts: number;
  /** The attempt with the highest score (the first of equals that passed, then the earliest). */
  best: { finishedAt: number; score: number; passed: boolean };
  /** When the scenario was first passed; null if never. */
  passedAt: number | null;
}

export interface TranscriptData {
  academy: { name: string | null };
  trainee: ExportTrainee;
  /** Milliseconds since the epoch. */
  generatedAt: number;
  courses: TranscriptCourse[];
  scenarios: TranscriptScenario[];
}

/** The transcript of one trainee from their frozen outcomes; courses and scenarios in the library's order. */
export function buildTranscript(
  trainee: ExportTrainee,
  outcomes: readonly ProgressOutcome[],
  catalog: ExportCatalog,
  academy: { name: string | null },
  generatedAt: number,
): TranscriptData {
  const courses: TranscriptCourse[] = [];
  for (const { packId, packTitle, course, title } of catalog.courses) {
    const progress = courseProgress(course, packId, outcomes);
    if (progress.status === 'not-started') continue;
    courses.push({
      packId,
      packTitle,
      courseId: course.id,
      title,
      completed: progress.completed,
      completedAt: progress.completedAt,
      passedScenarios: progress.passedScenarios,
      totalScenarios: progress.totalScenarios,
      averageScore: progress.averageScore,
    });
  }

  const grouped = new Map<string, ProgressOutcome[]>();
  for (const outcome of outcomes) {
    const key = scenarioKey(outcome.packId, outcome.scenarioId);
    grouped.set(key, [...(grouped.get(key) ?? []), outcome]);
  }
  const order = new Map(catalog.scenarios.map((scenario, index) => [scenarioKey(scenario.packId, scenario.scenarioId), index]));
  const scenarios = [...grouped.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b))
    .map(([, played]): TranscriptScenario => {
      const { packId, scenarioId } = played[0]!;
      const names = catalog.scenario(packId, scenarioId);
      const best = [...played].sort((a, b) => b.average - a.average || Number(b.passed) - Number(a.passed) || a.finishedAt - b.finishedAt)[0]!;
      const firstPass = played.filter((outcome) => outcome.passed).sort((a, b) => a.finishedAt - b.finishedAt)[0];
      return {
        packId,
        packTitle: names.packTitle,
        scenarioId,
        title: names.title,
        attempts: played.length,
        best: { finishedAt: best.finishedAt, score: best.average, passed: best.passed },
        passedAt: firstPass?.finishedAt ?? null,
      };
    });

  return { academy: { name: academy.name }, trainee, generatedAt, courses, scenarios };
}

/** The words of the transcript in the reader's language (the UI's translations, or English on the command line). */
export interface TranscriptLabels {
  /** The document's title, e.g. "Training transcript". */
  title: string;
  trainee: string;
  academyId: string;
  email: string;
  generated: string;
  courses: string;
  scenarios: string;
  course: string;
  scenario: string;
  status: string;
  completedOn: string;
  scenariosPassed: string;
  meanScore: string;
  bestScore: string;
  date: string;
  result: string;
  attempts: string;
  completed: string;
  notCompleted: string;
  passed: string;
  failed: string;
  noCourses: string;
  noScenarios: string;
  /** Shown where there is no value, e.g. "—". */
  none: string;
  /** e.g. "2 of 3". */
  passedOf(passed: number, total: number): string;
}

export interface TranscriptFormatOptions {
  /** BCP 47 language of the labels: dates and numbers are written in it. */
  language: string;
  /** IANA time zone of the dates; the system's when omitted. */
  timeZone?: string;
}

/** Formats a transcript's dates and scores the same way in the PDF and the print view. */
export function transcriptFormatters({ language, timeZone }: TranscriptFormatOptions) {
  const dates = new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) });
  const numbers = new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 1 });
  return { date: (timestamp: number) => dates.format(timestamp), score: (score: number) => numbers.format(score) };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/**
 * Fonts every desktop system has with Cyrillic (and Latin and Greek): Segoe UI on Windows, Helvetica
 * Neue on macOS, Noto, DejaVu or Liberation on Linux.
 */
export const TRANSCRIPT_FONTS = `"Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
html { color: #1a1b1e; background: #fff; font-family: ${TRANSCRIPT_FONTS}; font-size: 10.5pt; line-height: 1.4; }
body { margin: 0; }
section.transcript + section.transcript { break-before: page; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; break-after: avoid; }
.academy { font-size: 12pt; color: #495057; margin: 0; }
dl.who { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 5mm 0; }
dl.who dt { color: #495057; }
dl.who dd { margin: 0; font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: start; vertical-align: top; padding: 1.5mm 2mm; border-bottom: 0.3mm solid #ced4da; }
th { font-size: 9pt; color: #495057; font-weight: 600; border-bottom-width: 0.5mm; }
td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pack { display: block; font-size: 8.5pt; color: #495057; }
.passed { color: #2b8a3e; font-weight: 600; }
.failed { color: #c92a2a; font-weight: 600; }
p.empty { color: #495057; font-style: italic; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #495057; }
`;

function transcriptSection(data: TranscriptData, labels: TranscriptLabels, format: ReturnType<typeof transcriptFormatters>): string {
  const value = (text: string | null) => (text ? escapeHtml(text) : escapeHtml(labels.none));
  const named = (title: string, packTitle: string) => `${escapeHtml(title)}<span class="pack">${escapeHtml(packTitle)}</span>`;
  const verdict = (ok: boolean, yes: string, no: string) => `<span class="${ok ? 'passed' : 'failed'}">${escapeHtml(ok ? yes : no)}</span>`;
  const score = (score: number | null) => (score === null ? escapeHtml(labels.none) : escapeHtml(format.score(score)));

  const courses =
    data.courses.length === 0
      ? `<p class="empty">${escapeHtml(labels.noCourses)}</p>`
      : `<table><thead><tr><th>${escapeHtml(labels.course)}</th><th>${escapeHtml(labels.status)}</th><th>${escapeHtml(labels.completedOn)}</th><th class="number">${escapeHtml(labels.scenariosPassed)}</th><th class="number">${escapeHtml(labels.meanScore)}</th></tr></thead><tbody>${data.courses
          .map(
            (course) =>
              `<tr><td>${named(course.title, course.packTitle)}</td><td>${verdict(course.completed, labels.completed, labels.notCompleted)}</td><td>${
                course.completedAt === null ? escapeHtml(labels.none) : escapeHtml(format.date(course.completedAt))
              }</td><td class="number">${escapeHtml(labels.passedOf(course.passedScenarios, course.totalScenarios))}</td><td class="number">${score(course.averageScore)}</td></tr>`,
          )
          .join('')}</tbody></table>`;

  const scenarios =
    data.scenarios.length === 0
      ? `<p class="empty">${escapeHtml(labels.noScenarios)}</p>`
      : `<table><thead><tr><th>${escapeHtml(labels.scenario)}</th><th>${escapeHtml(labels.date)}</th><th class="number">${escapeHtml(labels.bestScore)}</th><th>${escapeHtml(labels.result)}</th><th class="number">${escapeHtml(labels.attempts)}</th></tr></thead><tbody>${data.scenarios
          .map(
            (scenario) =>
              `<tr><td>${named(scenario.title, scenario.packTitle)}</td><td>${escapeHtml(format.date(scenario.best.finishedAt))}</td><td class="number">${score(
                scenario.best.score,
              )}</td><td>${verdict(scenario.best.passed, labels.passed, labels.failed)}</td><td class="number">${scenario.attempts}</td></tr>`,
          )
          .join('')}</tbody></table>`;

  return `<section class="transcript">
<h1>${escapeHtml(labels.title)}</h1>
${data.academy.name ? `<p class="academy">${escapeHtml(data.academy.name)}</p>\n` : ''}<dl class="who">
<dt>${escapeHtml(labels.trainee)}</dt><dd>${value(data.trainee.name)}</dd>
<dt>${escapeHtml(labels.academyId)}</dt><dd>${value(data.trainee.academyId)}</dd>
<dt>${escapeHtml(labels.email)}</dt><dd>${value(data.trainee.email)}</dd>
</dl>
<h2>${escapeHtml(labels.courses)}</h2>
${courses}
<h2>${escapeHtml(labels.scenarios)}</h2>
${scenarios}
<footer>${escapeHtml(labels.generated)}: ${escapeHtml(format.date(data.generatedAt))}</footer>
</section>`;
}

/**
 * A whole HTML document holding one transcript per page: every text escaped, no script, no link to
 * anything outside it (its policy forbids loading anything), so that the main process can print it
 * to PDF in a window with scripts turned off.
 */
export function transcriptHtml(transcripts: readonly TranscriptData[], labels: TranscriptLabels, options: TranscriptFormatOptions): string {
  const format = transcriptFormatters(options);
  const title = transcripts.length === 1 ? `${labels.title} — ${transcripts[0]!.trainee.name}` : labels.title;
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${transcripts.map((data) => transcriptSection(data, labels, format)).join('\n')}
</body>
</html>
`;
}

/** The transcript's words in English, for the command line and tests. */
export const ENGLISH_TRANSCRIPT_LABELS: TranscriptLabels = {
  title: 'Training transcript',
  trainee: 'Trainee',
  academyId: 'Academy ID',
  email: 'E-mail',
  generated: 'Generated',
  courses: 'Courses',
  scenarios: 'Scenarios',
  course: 'Course',
  scenario: 'Scenario',
  status: 'Status',
  completedOn: 'Completed on',
  scenariosPassed: 'Scenarios passed',
  meanScore: 'Mean of best scores',
  bestScore: 'Best score',
  date: 'Date',
  result: 'Result',
  attempts: 'Attempts',
  completed: 'Completed',
  notCompleted: 'Not completed',
  passed: 'Passed',
  failed: 'Failed',
  noCourses: 'No course begun yet.',
  noScenarios: 'No scenario finished yet.',
  none: '—',
  passedOf: (passed, total) => `${passed} of ${total}`,
};
