// Runtime: node (Vitest). A report to headquarters graded against the facts: the fixtures beside
// this file, in three languages, and what makes a report different from a post.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { createGradingContext, grade } from './grade';
import { REPORT_FIXTURES, fixtureFacts } from './report.fixtures';
import type { FixtureLanguage } from './report.fixtures';
import { reportSpec } from './report';

const { pack, diagnostics } = loadPack(readFolder(path.join(import.meta.dirname, '__fixtures__', 'report')), { appVersion: '0.1.0' });
const scenario = pack!.scenarios[0]!;
const task = scenario.tasks.find((candidate) => candidate.id === 'mood-report')!;
const context = (language: FixtureLanguage, withFacts = true) => ({
  ...createGradingContext({ scenario, task, playLanguage: language, pack: pack!.manifest }),
  ...(withFacts ? { monitoring: fixtureFacts(language) } : {}),
});
const fired = (text: string, language: FixtureLanguage, withFacts = true) => grade(text, context(language, withFacts));

describe('the report fixtures', () => {
  it('load as a sound pack', () => {
    expect(diagnostics).toEqual([]);
    expect(reportSpec(task)).toEqual({ asks: ['replies', 'moods', 'accounts', 'most-shared'], words: { min: 20, max: 120 } });
  });

  for (const fixture of REPORT_FIXTURES)
    it(`${fixture.id} (${fixture.language})`, () => {
      const result = fired(fixture.text, fixture.language);
      const ids = result.findings.map((finding) => finding.ruleId);
      for (const rule of fixture.fires) expect(ids, `${fixture.id} must give ${rule}`).toContain(rule);
      for (const rule of fixture.silent) expect(ids, `${fixture.id} must not give ${rule}`).not.toContain(rule);
      if (fixture.passes) {
        expect(ids).toEqual([]);
        expect(result.passed).toBe(true);
      }
    });
});

describe('a report is not a post', () => {
  const good = REPORT_FIXTURES.find((fixture) => fixture.id === 'good' && fixture.language === 'en')!.text;

  it('is held to no character limit of its platform (X takes 280)', () => {
    expect(good.length).toBeGreaterThan(280);
    expect(fired(good, 'en').axes.platform.passed).toBe(true);
  });

  it('is formal whatever the scenario asks of its public posts: an emoji is a register finding', () => {
    expect(scenario.policy.tone.target).toBe('empathetic');
    expect(fired(`${good} 🙏`, 'en').findings.map((finding) => finding.ruleId)).toContain('tone.register');
  });

  it('states, without judging or advising: three such phrases fail the tone axis, a quantity is no judgement', () => {
    const editorial = fired(`${good} The reaction is overwhelmingly hostile and very negative. I strongly recommend a firmer line.`, 'en');
    expect(editorial.findings.filter((finding) => finding.ruleId === 'tone.report-register')).toHaveLength(3);
    expect(editorial.axes.tone.passed).toBe(false);
    expect(fired(`${good} Very few replies mention the fares.`, 'en').findings.map((finding) => finding.ruleId)).not.toContain('tone.report-register');
  });

  it('states facts that fail the policy axis when wrong', () => {
    const wrong = fired(good.replace('46 replies', '64 replies'), 'en');
    expect(wrong.axes.policy.passed).toBe(false);
    const finding = wrong.findings.find((candidate) => candidate.ruleId === 'policy.report-fact-wrong')!;
    expect(finding.message).toEqual({ key: 'policy.report-fact-wrong.replies', params: { stated: '64', actual: 46 } });
    expect(wrong.passed).toBe(false);
  });

  it('without the facts (none known) is graded on everything else', () => {
    const ids = fired('46 replies.', 'en', false).findings.map((finding) => finding.ruleId);
    expect(ids).toContain('platform.report-length');
    expect(ids.filter((id) => id.startsWith('policy.report-'))).toEqual([]);
  });

  it('asks only what the task asks', () => {
    const onlyReplies = { ...task, report: { asks: ['replies' as const], words: { min: 1, max: 50 } } };
    const result = grade('There are 46 replies so far.', {
      ...createGradingContext({ scenario, task: onlyReplies, playLanguage: 'en', pack: pack!.manifest }),
      monitoring: fixtureFacts('en'),
    });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([]);
  });
});
