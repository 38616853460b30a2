// Runtime: any (pure core). Grades every calibration draft of a pack and compares the verdicts
// with the ones its authors — experienced press officers — gave, axis by axis, as a rater study
// would: exact agreement, Cohen's kappa for pass/fail and the confusion matrix (agreement.ts).
import type { Pack } from '../pack/load';
import type { Axis } from '../pack/schema';
import { AXES } from '../pack/schema';
import type { AxisAgreement, GradedDraft } from './agreement';
import { agreementPerAxis, verdictOf } from './agreement';
import { createGradingContext, grade } from './grade';
import { withReferenceMonitoring } from './reference-context';
import type { Grade } from './types';

export interface CalibrationCase extends GradedDraft {
  scenarioId: string;
  taskId: string;
  /** Where the draft is in its scenario: `tasks[taskIndex].calibration[draftIndex]`. */
  taskIndex: number;
  draftIndex: number;
  draftId: string;
  language: string;
  text: string;
  why: string;
  grade: Grade;
  /** The axes on which the grader's verdict differs from the expected one. */
  disagreements: Axis[];
}

export interface CalibrationReport {
  cases: CalibrationCase[];
  perAxis: Record<Axis, AxisAgreement>;
  disagreements: CalibrationCase[];
}

/** How many calibration drafts the pack has: how many `calibratePack` grades. */
export const calibrationDraftCount = (pack: Pack): number =>
  pack.scenarios.reduce((sum, scenario) => sum + scenario.tasks.reduce((n, task) => n + task.calibration.length, 0), 0);

/** Grades every calibration draft of the pack; `onProgress` hears after each one how many are done. */
export function calibratePack(pack: Pack, onProgress?: (done: number, total: number) => void): CalibrationReport {
  const cases: CalibrationCase[] = [];
  const total = onProgress ? calibrationDraftCount(pack) : 0;
  for (const scenario of pack.scenarios) {
    scenario.tasks.forEach((task, taskIndex) => {
      const contexts = new Map<string, ReturnType<typeof createGradingContext>>();
      task.calibration.forEach((draft, draftIndex) => {
        let context = contexts.get(draft.language);
        if (!context) {
          context = withReferenceMonitoring(createGradingContext({ scenario, task, playLanguage: draft.language, pack: pack.manifest }), pack);
          contexts.set(draft.language, context);
        }
        const result = grade(draft.text, context);
        const disagreements = AXES.filter((axis) => verdictOf(result, axis) !== draft.expect[axis]);
        cases.push({
          scenarioId: scenario.id,
          taskId: task.id,
          taskIndex,
          draftIndex,
          draftId: draft.id,
          language: draft.language,
          text: draft.text,
          why: draft.why,
          expected: draft.expect,
          grade: result,
          disagreements,
        });
        onProgress?.(cases.length, total);
      });
    });
  }
  return { cases, perAxis: agreementPerAxis(cases), disagreements: cases.filter((c) => c.disagreements.length > 0) };
}
