// Runtime: renderer (browser). The exports' words in the UI's language: what each pre-flight problem
// says, the feedback written into the Moodle file, and the transcript's labels (the PDF's and the print
// view's alike).
import type { TFunction } from 'i18next';
import type { ExportTrainee, IdentityField } from '../../core/records/export-common';
import type { FeedbackWriter, GradeItem, MoodleProblem } from '../../core/records/moodle';
import { transcriptFormatters, type TranscriptLabels } from '../../core/records/transcript';
import { formatList } from '../format';
import { formattingLocale } from '../../core/locale';

export type ExportsT = TFunction<'exports'>;

/** At most this many names in one sentence; the rest are counted. */
const NAMES_SHOWN = 5;

export function identityName(t: ExportsT, field: IdentityField): string {
  return field === 'academyId' ? t('identity.academyId') : t('identity.email');
}

export function namesOf(t: ExportsT, trainees: readonly ExportTrainee[], language: string): string {
  const names = trainees.slice(0, NAMES_SHOWN).map((trainee) => trainee.name);
  const rest = trainees.length - names.length;
  return rest > 0 ? `${formatList(names, language)} ${t('problem.more', { count: rest })}` : formatList(names, language);
}

/** A value Moodle would refuse, every digit of it, written the reader's way (72,25 in Russian). */
const exactNumber = (value: number, language: string) =>
  new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 20, useGrouping: false }).format(value);

const itemTitle = (item: GradeItem) => `${item.title} (${item.packTitle})`;

/** What a pre-flight problem says, naming the trainee or the course or scenario concerned. */
export function describeProblem(t: ExportsT, problem: MoodleProblem, language: string): string {
  switch (problem.kind) {
    case 'missing-identity':
      return t('problem.missing-identity', { name: problem.trainee.name, field: identityName(t, problem.field) });
    case 'unusable-identity':
      return t(`problem.unusable-identity.${problem.reason}`, { name: problem.trainee.name, field: identityName(t, problem.field), value: problem.value });
    case 'duplicate-identity':
      return t('problem.duplicate-identity', { names: namesOf(t, problem.trainees, language), field: identityName(t, problem.field), value: problem.value });
    case 'missing-item-id':
      return t('problem.missing-item-id', { title: itemTitle(problem.item) });
    case 'unusable-item-id':
      return t(`problem.unusable-item-id.${problem.reason}`, { title: itemTitle(problem.item) });
    case 'duplicate-item-id':
      return t('problem.duplicate-item-id', { titles: formatList(problem.items.map(itemTitle), language), value: problem.value });
    case 'score-out-of-range':
      return t('problem.score-out-of-range', { name: problem.trainee.name, title: itemTitle(problem.item), score: exactNumber(problem.score, language) });
    case 'unwritable-feedback':
      return t('problem.unwritable-feedback', { name: problem.trainee.name, title: itemTitle(problem.item) });
    case 'nothing-to-export':
      return t('problem.nothing-to-export');
  }
}

/** The feedback Moodle shows beside each grade, in the UI's language. */
export function feedbackWriter(t: ExportsT, language: string): FeedbackWriter {
  const format = transcriptFormatters({ language });
  return (_item, standing) => {
    if (standing.level === 'course') {
      const { progress } = standing;
      const values = {
        passed: progress.passedScenarios,
        total: progress.totalScenarios,
        score: progress.averageScore === null ? '' : format.score(progress.averageScore),
      };
      if (progress.completedAt !== null) return t('feedback.courseCompleted', { ...values, date: format.date(progress.completedAt) });
      return progress.averageScore === null ? t('feedback.courseOpenNoScore', values) : t('feedback.courseOpen', values);
    }
    const { progress } = standing;
    const values = { count: progress.finishedAttempts, score: progress.bestScore === null ? '' : format.score(progress.bestScore) };
    return progress.completedAt !== null
      ? t('feedback.scenarioPassed', { ...values, date: format.date(progress.completedAt) })
      : t('feedback.scenarioOpen', values);
  };
}

export function transcriptLabels(t: ExportsT): TranscriptLabels {
  return {
    title: t('transcript.title'),
    trainee: t('transcript.trainee'),
    academyId: t('transcript.academyId'),
    email: t('transcript.email'),
    generated: t('transcript.generated'),
    courses: t('transcript.courses'),
    scenarios: t('transcript.scenarios'),
    course: t('transcript.course'),
    scenario: t('transcript.scenario'),
    status: t('transcript.status'),
    completedOn: t('transcript.completedOn'),
    scenariosPassed: t('transcript.scenariosPassed'),
    meanScore: t('transcript.meanScore'),
    bestScore: t('transcript.bestScore'),
    date: t('transcript.date'),
    result: t('transcript.result'),
    attempts: t('transcript.attempts'),
    completed: t('transcript.completed'),
    notCompleted: t('transcript.notCompleted'),
    passed: t('transcript.passed'),
    failed: t('transcript.failed'),
    noCourses: t('transcript.noCourses'),
    noScenarios: t('transcript.noScenarios'),
    none: t('transcript.none'),
    passedOf: (passed, total) => t('transcript.passedOf', { passed, total }),
  };
}
