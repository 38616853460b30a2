// Runtime: any (pure core). Grades every calibration draft of a pack and compares the verdicts
// with the ones its authors — experienced press officers — gave, axis by axis.
import type { Pack } from '../pack/load';
import type { Axis } from '../pack/schema';
import { AXES } from '../pack/schema';
import { createGradingContext, grade } from './grade';
import type { Grade } from './types';

export interface CalibrationCase {
  scenarioId: string;
  taskId: string;
  draftId: string;
  language: string;
  text: string;
  why: string;
  expected: Record<Axis, 'pass' | 'fail'>;
  grade: Grade;
  /** The axes on which the grader's verdict differs from the expected one. */
  disagreements: Axis[];
}

export interface CalibrationReport {
  cases: CalibrationCase[];
  perAxis: Record<Axis, { agree: number; total: number }>;
  disagreements: CalibrationCase[];
}

export function calibratePack(pack: Pack): CalibrationReport {
  const cases: CalibrationCase[] = [];
  for (const scenario of pack.scenarios) {
    for (const task of scenario.tasks) {
      const contexts = new Map<string, ReturnType<typeof createGradingContext>>();
      for (const draft of task.calibration) {
        let context = contexts.get(draft.language);
        if (!context) {
          context = createGradingContext({ scenario, task, playLanguage: draft.language, pack: pack.manifest });
          contexts.set(draft.language, context);
        }
        const result = grade(draft.text, context);
        const disagreements = AXES.filter((axis) => (result.axes[axis].passed ? 'pass' : 'fail') !== draft.expect[axis]);
        cases.push({ scenarioId: scenario.id, taskId: task.id, draftId: draft.id, language: draft.language, text: draft.text, why: draft.why, expected: draft.expect, grade: result, disagreements });
      }
    }
  }
  const perAxis = Object.fromEntries(AXES.map((axis) => [axis, { agree: cases.filter((c) => !c.disagreements.includes(axis)).length, total: cases.length }])) as CalibrationReport['perAxis'];
  return { cases, perAxis, disagreements: cases.filter((c) => c.disagreements.length > 0) };
}
