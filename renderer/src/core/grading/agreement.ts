// Runtime: any (pure core). How far the grader agrees with people, as a rater study measures it:
// per axis the exact agreement, Cohen's kappa for the pass/fail verdicts and the 2×2 confusion
// matrix; and "coverage" — the catalogue's rules that no graded draft made fire. Used by the
// calibrate CLI, the studio's calibration view and the publish checklist.
import type { Axis } from '../pack/schema';
import { AXES } from '../pack/schema';
import { RULES } from './catalog';
import type { Grade } from './types';

export type Verdict = 'pass' | 'fail';

/** A draft with the verdicts people gave it and the grade the grader gave it. */
export interface GradedDraft {
  expected: Record<Axis, Verdict>;
  grade: Pick<Grade, 'axes' | 'findings'>;
}

/** Expected (the people's verdict) against graded (the grader's). */
export interface Confusion {
  passPass: number;
  passFail: number;
  failPass: number;
  failFail: number;
}

/**
 * Why kappa has no value: no draft was compared, or both sides gave one verdict only (every draft
 * passed, or every draft failed, for people and grader alike), so agreement by chance is certain.
 */
export type KappaUndefined = 'no-drafts' | 'one-verdict';

export interface AxisAgreement {
  agree: number;
  total: number;
  /** Exact agreement in per cent (100 when there is nothing to compare). */
  percent: number;
  /** Cohen's kappa for the pass/fail verdicts; null when it is undefined (see kappaUndefined). */
  kappa: number | null;
  /** Set exactly when kappa is null: why it has no value. */
  kappaUndefined?: KappaUndefined;
  confusion: Confusion;
}

export const verdictOf = (result: Pick<Grade, 'axes'>, axis: Axis): Verdict => (result.axes[axis].passed ? 'pass' : 'fail');

export function agreementPerAxis(drafts: readonly GradedDraft[]): Record<Axis, AxisAgreement> {
  return Object.fromEntries(
    AXES.map((axis) => [axis, axisAgreement(drafts.map((item) => ({ expected: item.expected[axis], graded: verdictOf(item.grade, axis) })))]),
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
  const kappa = cohensKappa(confusion);
  return {
    agree,
    total,
    percent: total ? (100 * agree) / total : 100,
    kappa,
    ...(kappa === null ? { kappaUndefined: total ? 'one-verdict' : 'no-drafts' } : {}),
    confusion,
  };
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

/** The axes whose agreement falls below `minAgreement` per cent. */
export function axesBelow(perAxis: Record<Axis, AxisAgreement>, minAgreement: number): Axis[] {
  return AXES.filter((axis) => perAxis[axis].percent < minAgreement);
}

/** For each rule of the catalogue, in its order, how many of the drafts made it fire. */
export function ruleCoverage(drafts: readonly Pick<GradedDraft, 'grade'>[]): Array<{ ruleId: string; drafts: number }> {
  const counts = new Map<string, number>();
  for (const { grade } of drafts) {
    for (const ruleId of new Set(grade.findings.map((finding) => finding.ruleId))) counts.set(ruleId, (counts.get(ruleId) ?? 0) + 1);
  }
  return RULES.map(({ id }) => ({ ruleId: id, drafts: counts.get(id) ?? 0 }));
}

/** Rule ids of the catalogue that no graded draft made fire: rules the calibration drafts do not test. */
export function uncoveredRules(drafts: readonly Pick<GradedDraft, 'grade'>[]): string[] {
  return ruleCoverage(drafts)
    .filter((rule) => rule.drafts === 0)
    .map((rule) => rule.ruleId);
}
