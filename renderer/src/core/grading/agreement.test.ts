// Rater statistics checked against values computed by hand.
import { describe, expect, it } from 'vitest';
import { RULES } from './catalog';
import type { GradedDraft, Verdict } from './agreement';
import { agreementPerAxis, axesBelow, axisAgreement, cohensKappa, ruleCoverage, uncoveredRules } from './agreement';
import type { Finding } from './types';

const pairs = (spec: Array<[Verdict, Verdict, number]>) =>
  spec.flatMap(([expected, graded, count]) => Array.from({ length: count }, () => ({ expected, graded })));

function graded(
  expected: Record<'tone' | 'policy' | 'platform', Verdict>,
  passed: Record<'tone' | 'policy' | 'platform', boolean>,
  rules: string[] = [],
): GradedDraft {
  const findings = rules.map((ruleId) => ({ ruleId, axis: 'tone', severity: 'error', message: { key: ruleId }, loss: 10 }) as Finding);
  const axis = (name: 'tone' | 'policy' | 'platform') => ({ axis: name, score: passed[name] ? 100 : 0, passMark: 70, passed: passed[name], findings: [] });
  return { expected, grade: { axes: { tone: axis('tone'), policy: axis('policy'), platform: axis('platform') }, findings } };
}

describe("Cohen's kappa", () => {
  it('matches hand-computed values', () => {
    // observed 0.7; the authors pass half, the grader 60 %: chance 0.5·0.6 + 0.5·0.4 = 0.5, kappa (0.7−0.5)/0.5 = 0.4.
    expect(cohensKappa({ passPass: 20, passFail: 5, failPass: 10, failFail: 15 })).toBeCloseTo(0.4, 10);
    // observed 8/10; people pass 6/10, grader 6/10: chance 0.36 + 0.16 = 0.52, kappa 0.28/0.48 = 7/12.
    expect(cohensKappa({ passPass: 5, passFail: 1, failPass: 1, failFail: 3 })).toBeCloseTo(7 / 12, 10);
    // observed 2/4; people pass 3/4, grader 1/4: chance 3/16 + 3/16 = 0.375, kappa 0.125/0.625 = 0.2.
    expect(cohensKappa({ passPass: 1, passFail: 2, failPass: 0, failFail: 1 })).toBeCloseTo(0.2, 10);
    // Worse than chance: every verdict the other way round.
    expect(cohensKappa({ passPass: 0, passFail: 5, failPass: 5, failFail: 0 })).toBeCloseTo(-1, 10);
    expect(cohensKappa({ passPass: 10, passFail: 0, failPass: 0, failFail: 10 })).toBe(1);
    expect(cohensKappa({ passPass: 25, passFail: 25, failPass: 25, failFail: 25 })).toBeCloseTo(0, 10);
  });

  it('is undefined when both sides gave one verdict only, or nothing was compared', () => {
    expect(cohensKappa({ passPass: 12, passFail: 0, failPass: 0, failFail: 0 })).toBeNull();
    expect(cohensKappa({ passPass: 0, passFail: 0, failPass: 0, failFail: 7 })).toBeNull();
    expect(cohensKappa({ passPass: 0, passFail: 0, failPass: 0, failFail: 0 })).toBeNull();
    // One side all "pass" but the other mixed: chance agreement is not certain, kappa is 0.
    expect(cohensKappa({ passPass: 3, passFail: 1, failPass: 0, failFail: 0 })).toBeCloseTo(0, 10);
  });
});

describe('agreement on one axis', () => {
  it('counts agreement and the confusion matrix per verdict pair', () => {
    const result = axisAgreement(
      pairs([
        ['pass', 'pass', 1],
        ['pass', 'fail', 1],
        ['fail', 'pass', 1],
        ['fail', 'fail', 2],
      ]),
    );
    expect(result).toMatchObject({ agree: 3, total: 5, percent: 60, confusion: { passPass: 1, passFail: 1, failPass: 1, failFail: 2 } });
    // people pass 2/5, grader 2/5: chance 0.16 + 0.36 = 0.52; kappa (0.6 − 0.52)/0.48 = 1/6.
    expect(result.kappa).toBeCloseTo(1 / 6, 10);
    expect(result.kappaUndefined).toBeUndefined();
  });

  it('says why kappa has no value', () => {
    expect(axisAgreement([])).toMatchObject({ total: 0, percent: 100, kappa: null, kappaUndefined: 'no-drafts' });
    expect(axisAgreement(pairs([['fail', 'fail', 4]]))).toMatchObject({ percent: 100, kappa: null, kappaUndefined: 'one-verdict' });
  });
});

describe('agreement per axis and coverage', () => {
  const drafts = [
    graded({ tone: 'pass', policy: 'fail', platform: 'pass' }, { tone: true, policy: false, platform: true }, ['policy.fact-missing']),
    graded({ tone: 'fail', policy: 'fail', platform: 'pass' }, { tone: true, policy: false, platform: true }, ['policy.fact-missing', 'policy.fact-missing']),
    graded({ tone: 'fail', policy: 'pass', platform: 'pass' }, { tone: false, policy: false, platform: true }, ['tone.insult']),
  ];

  it('compares each axis apart', () => {
    const perAxis = agreementPerAxis(drafts);
    expect(perAxis.tone).toMatchObject({ agree: 2, total: 3, confusion: { passPass: 1, passFail: 0, failPass: 1, failFail: 1 } });
    // tone: observed 2/3; people pass 1/3, grader 2/3: chance 2/9 + 2/9 = 4/9; kappa (2/3 − 4/9)/(5/9) = 0.4.
    expect(perAxis.tone.kappa).toBeCloseTo(0.4, 10);
    expect(perAxis.policy).toMatchObject({ agree: 2, total: 3, confusion: { passFail: 1, failFail: 2 } });
    expect(perAxis.platform).toMatchObject({ agree: 3, percent: 100, kappa: null, kappaUndefined: 'one-verdict' });
    expect(axesBelow(perAxis, 100)).toEqual(['tone', 'policy']);
    expect(axesBelow(perAxis, 66)).toEqual([]);
  });

  it('counts each rule once per draft it fires in, and names the rules none fires', () => {
    const coverage = new Map(ruleCoverage(drafts).map((rule) => [rule.ruleId, rule.drafts]));
    expect(coverage.get('policy.fact-missing')).toBe(2);
    expect(coverage.get('tone.insult')).toBe(1);
    expect(coverage.get('tone.sarcasm')).toBe(0);
    expect([...coverage.keys()]).toEqual(RULES.map((rule) => rule.id));
    const uncovered = uncoveredRules(drafts);
    expect(uncovered).toHaveLength(RULES.length - 2);
    expect(uncovered).not.toContain('tone.insult');
  });
});
