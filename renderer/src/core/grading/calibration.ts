// Runtime: any (pure core). Grades every calibration draft of a pack and compares the verdicts
// with the ones its authors — experienced press officers — gave, axis by axis, as a rater study
// would: exact agreement, Cohen's kappa for pass/fail and the confusion matrix.
import type { Pack } from '../pack/load';
import type { Axis } from '../pack/schema';
import { AXES } from '../pack/schema';
import { RULES } from './catalog';
import { createGradingContext, grade } from './grade';
import type { Grade } from './types';

export type Verdict = 'pass' | 'fail';

export interface CalibrationCase {
  scenarioId: string;
  taskId: string;
  draftId: string;
  language: string;
  text: string;
  why: string;
  expected: Record<Axis, Verdict>;
  grade: Grade;
  /** The axes on which the grader's verdict differs from the expected one. */
  disagreements: Axis[];
}

/** Expected (the people's verdict) against graded (the grader's). */
export interface Confusion {
  passPass: number;
  passFail: number;
  failPass: number;
  failFail: number;
}

export interface AxisAgreement {
  agree: number;
  total: number;
  /** Exact agreement in per cent (100 when there is nothing to compare). */
  percent: number;
  /** Cohen's kappa for the pass/fail verdicts; null when it is undefined (every verdict on both sides the same). */
  kappa: number | null;
  confusion: Confusion;
}

export interface CalibrationReport {
  cases: CalibrationCase[];
  perAxis: Record<Axis, AxisAgreement>;
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
        const disagreements = AXES.filter((axis) => verdictOf(result, axis) !== draft.expect[axis]);
        cases.push({
          scenarioId: scenario.id,
          taskId: task.id,
          draftId: draft.id,
          language: draft.language,
          text: draft.text,
          why: draft.why,
          expected: draft.expect,
          grade: result,
          disagreements,
        });
      }
    }
  }
  return { cases, perAxis: agreementPerAxis(cases), disagreements: cases.filter((c) => c.disagreements.length > 0) };
}

export const verdictOf = (result: Grade, axis: Axis): Verdict => (result.axes[axis].passed ? 'pass' : 'fail');

export function agreementPerAxis(cases: readonly CalibrationCase[]): Record<Axis, AxisAgreement> {
  return Object.fromEntries(
    AXES.map((axis) => [axis, axisAgreement(cases.map((item) => ({ expected: item.expected[axis], graded: verdictOf(item.grade, axis) })))]),
  ) as Record<Axis, AxisAgreement>;
}

export function axisAgreement(pairs: ReadonlyArray<{ expected: Verdict; graded: Verdict }>): AxisAgreement {
  const confusion: Confusion = { passPass: 0, passFail: 0, failPass: 0, failFail: 0 };
  for (const { expected, graded } of pairs) {
    if (expected === 'pass') confusion[graded === 'pass' ? 'passPass' : 'passFail'] += 1;
    else confusion[graded === 'pass' ? 'failPass' : 'failFail'] += 1;
  }
  const total = pairs.length;
  const agree = confusion.passPass + confusion.failFail;
  return { agree, total, percent: total ? (100 * agree) / total : 100, kappa: cohensKappa(confusion), confusion };
}

/**
 * Cohen's kappa: agreement beyond what two raters with these pass rates would reach by chance.
 * Undefined (null) when chance agreement is certain: both sides gave one verdict only.
 */
export function cohensKappa({ passPass, passFail, failPass, failFail }: Confusion): number | null {
  const total = passPass + passFail + failPass + failFail;
  if (!total) return null;
  const observed = (passPass + failFail) / total;
  const expectedPass = (passPass + passFail) / total;
  const gradedPass = (passPass + failPass) / total;
  const chance = expectedPass * gradedPass + (1 - expectedPass) * (1 - gradedPass);
  if (chance >= 1) return null;
  return (observed - chance) / (1 - chance);
}

/** Rule ids of the catalogue that no graded draft made fire: rules the calibration drafts do not test. */
export function uncoveredRules(cases: readonly CalibrationCase[]): string[] {
  const fired = new Set(cases.flatMap((item) => item.grade.findings.map((finding) => finding.ruleId)));
  return RULES.map((rule) => rule.id).filter((id) => !fired.has(id));
}

/** The axes whose agreement falls below `minAgreement` per cent. */
export function axesBelow(perAxis: Record<Axis, AxisAgreement>, minAgreement: number): Axis[] {
  return AXES.filter((axis) => perAxis[axis].percent < minAgreement);
}
