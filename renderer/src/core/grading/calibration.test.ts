// The built-in library's calibration drafts carry the verdicts experienced press officers gave:
// the grader must agree with every one of them, on every axis, but for the few listed below with
// why — each reviewed, none settled by editing a draft. A new disagreement fails, and so does a
// listed one that has come to agree (take it off the list).
import { describe, expect, it } from 'vitest';
import enGrading from '../../i18n/locales/en/grading.json';
import ruGrading from '../../i18n/locales/ru/grading.json';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Axis } from '../pack/schema';
import { AXES } from '../pack/schema';
import { agreementPerAxis, axesBelow, uncoveredRules } from './agreement';
import { calibratePack } from './calibration';
import type { Message } from './types';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const report = calibratePack(pack);

/**
 * Disagreements reviewed and left open (README, "Where the grader and the instructors still disagree"):
 * "scenario › task › draft" → the axes and why.
 */
const KNOWN_DISAGREEMENTS: Record<string, { axes: Axis[]; why: string }> = {
  // The instructors' verdicts contradict other drafts' in the library: no rule can agree with both.
  'hq-coordination › kestria-statement › statement-3': {
    axes: ['tone', 'policy', 'platform'],
    why: 'a post in the wrong language, failed on tone and policy and passed on platform; the library judges wrong language once, on platform fit (chairmanship-bilingual › platform-ukrainian-on-x)',
  },
  'language-year-reception › announce-stream › announce-9': {
    axes: ['tone', 'platform'],
    why: 'the same wrong-language convention as statement-3',
  },
  'forged-letter › spread-report › spread-4': {
    axes: ['platform'],
    why: "a 33-word report passed on length by its writer, who failed spread-7 at 37 words against the task's minimum of 40",
  },
  'platform-tailoring › yt-stream-description › tone-en-moaners': {
    axes: ['platform'],
    why: 'a YouTube text with no title line passed on platform, where the new blind drafts (page-launch › video-4) fail one',
  },
  // Grader gaps: closing them needs a rule that would also fail sound drafts, or the drafts' own words.
  'detained-citizen › holding-statement › holding-4': { axes: ['tone'], why: '"we reject the rumours" is also an ordinary rebuttal formula' },
  'forged-letter › channel-notice › notice-8': { axes: ['tone'], why: 'a bare link and a hashtag wall: failed on policy and platform, not yet on tone' },
  'hq-coordination › reply-marta › marta-6': { axes: ['tone'], why: "a cold, bureaucratic reply whose officialese is only this draft's own words" },
  'hq-coordination › reply-marta › marta-8': {
    axes: ['tone'],
    why: '«не имеем права» shifts blame here but is proper elsewhere ("no right to disclose personal data")',
  },
  'language-year-reception › announce-stream › announce-5': {
    axes: ['tone'],
    why: 'a party register with two emoji under a warm target, which warm drafts may use',
  },
};

describe('calibration of the core library', () => {
  it('grades every calibration draft', () => {
    expect(report.cases.length).toBeGreaterThanOrEqual(7 * 3 * 6);
  });

  it.each(AXES)('agrees with every verdict on %s, but for the disagreements reviewed and listed', (axis) => {
    const disagreeing = report.cases.filter((item) => item.disagreements.includes(axis)).map((item) => `${item.scenarioId} › ${item.taskId} › ${item.draftId}`);
    const listed = Object.entries(KNOWN_DISAGREEMENTS)
      .filter(([, known]) => known.axes.includes(axis))
      .map(([draft]) => draft);
    const graded = (draft: string) => {
      const item = report.cases.find((candidate) => `${candidate.scenarioId} › ${candidate.taskId} › ${candidate.draftId}` === draft)!;
      return `${draft}: expected ${item.expected[axis]}, graded ${item.grade.axes[axis].score} (${item.grade.axes[axis].findings.map((f) => f.ruleId).join(', ') || 'no findings'})`;
    };
    expect(disagreeing.filter((draft) => !listed.includes(draft)).map(graded), 'new disagreements').toEqual([]);
    expect(
      listed.filter((draft) => !disagreeing.includes(draft)),
      'listed disagreements that now agree: take them off KNOWN_DISAGREEMENTS',
    ).toEqual([]);
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
    const axesListed = AXES.filter((axis) => Object.values(KNOWN_DISAGREEMENTS).some((known) => known.axes.includes(axis)));
    expect(axesBelow(perAxis, 100)).toEqual(axesListed);
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
