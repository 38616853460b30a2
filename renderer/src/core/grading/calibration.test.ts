// The built-in library's calibration drafts carry the verdicts experienced press officers gave:
// the grader must agree with every one of them, on every axis.
import { describe, expect, it } from 'vitest';
import enGrading from '../../i18n/locales/en/grading.json';
import ruGrading from '../../i18n/locales/ru/grading.json';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { AXES } from '../pack/schema';
import { agreementPerAxis, axesBelow, uncoveredRules } from './agreement';
import { calibratePack } from './calibration';
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

describe('rater statistics on the library', () => {
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

  it('locates each draft in its scenario and reports progress after each one', () => {
    const seen: number[] = [];
    const again = calibratePack(pack, (done, total) => {
      seen.push(done);
      expect(total).toBe(report.cases.length);
    });
    expect(seen).toEqual(report.cases.map((_, index) => index + 1));
    for (const item of again.cases) {
      const task = pack.scenarios.find((scenario) => scenario.id === item.scenarioId)!.tasks[item.taskIndex]!;
      expect(task.id).toBe(item.taskId);
      expect(task.calibration[item.draftIndex]!.id).toBe(item.draftId);
    }
  });
});
