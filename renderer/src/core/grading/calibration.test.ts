// The built-in library's calibration drafts carry the verdicts experienced press officers gave:
// the grader must agree with every one of them, on every axis.
import { describe, expect, it } from 'vitest';
import enGrading from '../../i18n/locales/en/grading.json';
import ruGrading from '../../i18n/locales/ru/grading.json';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { AXES } from '../pack/schema';
import { agreementPerAxis, axesBelow, axisAgreement, calibratePack, cohensKappa, uncoveredRules } from './calibration';
import type { Message } from './types';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const report = calibratePack(pack);

describe('calibration of the core library', () => {
  it('grades every calibration draft', () => {
    expect(report.cases.length).toBeGreaterThanOrEqual(7 * 3 * 6);
  });

  it.each(AXES)('agrees with every verdict on %s', (axis) => {
    const disagreeing = report.cases
      .filter((item) => item.disagreements.includes(axis))
      .map(
        (item) =>
          `${item.scenarioId} › ${item.taskId} › ${item.draftId}: expected ${item.expected[axis]}, graded ${item.grade.axes[axis].score} (${item.grade.axes[axis].findings.map((f) => f.ruleId).join(', ') || 'no findings'})`,
      );
    expect(disagreeing).toEqual([]);
  });

  it('explains every point it takes: each message the grader gave has English and Russian text', () => {
    const keys = new Set<string>();
    const add = (message: Message | undefined) => message && keys.add(message.key);
    for (const item of report.cases) {
      for (const finding of item.grade.findings) {
        add(finding.message);
        add(finding.suggestion?.message);
      }
    }
    const has = (locale: Record<string, string>, key: string) => key in locale || `${key}_one` in locale || `${key}_other` in locale;
    const missing = [...keys].filter((key) => !has(enGrading as Record<string, string>, key) || !has(ruGrading as Record<string, string>, key));
    expect(missing).toEqual([]);
    expect(keys.size).toBeGreaterThan(10);
  });
});

describe('rater statistics', () => {
  it("computes Cohen's kappa from the confusion matrix", () => {
    // observed 0.7; the authors pass half, the grader 60 %: chance 0.5, so kappa 0.4.
    expect(cohensKappa({ passPass: 20, passFail: 5, failPass: 10, failFail: 15 })).toBeCloseTo(0.4, 10);
    expect(cohensKappa({ passPass: 10, passFail: 0, failPass: 0, failFail: 10 })).toBe(1);
    // Agreement no better than chance.
    expect(cohensKappa({ passPass: 25, passFail: 25, failPass: 25, failFail: 25 })).toBeCloseTo(0, 10);
    // Both sides passed everything: chance agreement is certain and kappa says nothing.
    expect(cohensKappa({ passPass: 12, passFail: 0, failPass: 0, failFail: 0 })).toBeNull();
  });

  it('counts agreement and the confusion matrix per verdict pair', () => {
    const result = axisAgreement([
      { expected: 'pass', graded: 'pass' },
      { expected: 'pass', graded: 'fail' },
      { expected: 'fail', graded: 'pass' },
      { expected: 'fail', graded: 'fail' },
      { expected: 'fail', graded: 'fail' },
    ]);
    expect(result).toMatchObject({ agree: 3, total: 5, percent: 60, confusion: { passPass: 1, passFail: 1, failPass: 1, failFail: 2 } });
  });

  it('names the axes below a required agreement', () => {
    const perAxis = agreementPerAxis(report.cases);
    expect(axesBelow(perAxis, 100)).toEqual([]);
    expect(axesBelow({ ...perAxis, tone: { ...perAxis.tone, percent: 94.9 } }, 95)).toEqual(['tone']);
  });

  it('lists the rules no draft makes fire', () => {
    const uncovered = uncoveredRules(report.cases);
    expect(uncovered).not.toContain('tone.insult');
    expect(uncoveredRules([])).toContain('tone.insult');
  });
});
