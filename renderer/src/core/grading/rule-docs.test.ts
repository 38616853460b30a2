// The rubric reference tested as a Vale style is: each rule's example, in English and Russian, is
// graded by the real grader in the small pack __fixtures__/rule-examples/ and must make its rule
// fire; every rule of the catalogue must have docs.
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { RULE_LEVELS } from '../pack/schema';
import { RULES } from './catalog';
import { createGradingContext, grade } from './grade';
import { DOC_LANGUAGES, EXAMPLE_SETTINGS, RULE_DOCS, documentedRules, hasDraftExample, ruleTuningYaml } from './rule-docs';

const { pack, diagnostics } = loadPack(readFolder(path.join(import.meta.dirname, '__fixtures__', 'rule-examples')), { appVersion: '0.1.0' });

function firedRules(setting: keyof typeof EXAMPLE_SETTINGS, language: string, text: string): string[] {
  const { scenario: scenarioId, task } = EXAMPLE_SETTINGS[setting];
  const scenario = pack!.scenarios.find((candidate) => candidate.id === scenarioId)!;
  return grade(text, createGradingContext({ scenario, task, playLanguage: language, pack: pack!.manifest })).findings.map((finding) => finding.ruleId);
}

describe('the rule examples pack', () => {
  it('loads without a problem, and every setting names a task in it', () => {
    expect(diagnostics).toEqual([]);
    for (const { scenario, task } of Object.values(EXAMPLE_SETTINGS))
      expect(pack!.scenarios.find((candidate) => candidate.id === scenario)?.tasks.some((candidate) => candidate.id === task)).toBe(true);
  });

  it('passes each task’s model answers with no finding at all: what an example adds is what fires', () => {
    for (const scenario of pack!.scenarios)
      for (const task of scenario.tasks)
        for (const [language, text] of Object.entries(task.modelAnswer)) {
          const result = grade(text, createGradingContext({ scenario, task, playLanguage: language, pack: pack!.manifest }));
          expect(
            result.findings.map((finding) => finding.ruleId),
            `${scenario.id} › ${task.id} (${language})`,
          ).toEqual([]);
        }
  });
});

describe('the rubric reference', () => {
  it('documents every rule of the catalogue, and no rule it does not have', () => {
    const undocumented = RULES.map((rule) => rule.id).filter((id) => !RULE_DOCS[id]);
    expect(undocumented, 'add an explanation and an example for each to core/grading/rule-docs.ts').toEqual([]);
    expect(Object.keys(RULE_DOCS).filter((id) => !RULES.some((rule) => rule.id === id))).toEqual([]);
    expect(documentedRules().map(({ spec }) => spec.id)).toEqual(RULES.map((rule) => rule.id));
  });

  it('fails loudly for a rule without docs', () => {
    const docs = RULE_DOCS as Record<string, unknown>;
    const saved = docs['tone.insult'];
    delete docs['tone.insult'];
    try {
      expect(() => documentedRules()).toThrow(/tone\.insult has no docs/);
    } finally {
      docs['tone.insult'] = saved;
    }
  });

  it('has a one-line explanation in every language', () => {
    for (const [id, doc] of Object.entries(RULE_DOCS))
      for (const language of DOC_LANGUAGES) {
        expect(doc.explanation[language].trim().length, `${id} (${language})`).toBeGreaterThan(20);
        expect(doc.explanation[language], `${id} (${language})`).not.toContain('\n');
      }
  });

  describe.each(DOC_LANGUAGES)('examples in %s', (language) => {
    // Rules graded on actions (moderation) are made to fire by the moderation grader's fixtures.
    it.each(RULES.map((rule) => rule.id).filter((id) => hasDraftExample(RULE_DOCS[id]!)))('%s: its example makes it fire', (id) => {
      const doc = RULE_DOCS[id]!;
      if (!hasDraftExample(doc)) throw new Error(`${id} has no draft example`);
      expect(firedRules(doc.setting, language, doc.example[language])).toContain(id);
    });
  });

  it('gives the YAML that tunes a rule, at its default level and weight', () => {
    for (const rule of RULES) {
      const yaml = parse(ruleTuningYaml(rule)) as { rubric: { rules: Record<string, { level: string; weight: number }> } };
      expect(yaml).toEqual({ rubric: { rules: { [rule.id]: { level: rule.level, weight: rule.weight } } } });
      expect(RULE_LEVELS).toContain(yaml.rubric.rules[rule.id]!.level);
    }
  });
});
