// Runtime: Node (Vitest). The rubric reference in Ukrainian is complete: every rule of the catalogue
// is explained, every rule graded on actions says in Ukrainian what makes it fire, every example
// setting is described, nothing is left over, and it is written in Ukrainian letters.
import { describe, expect, it } from 'vitest';
import { RULES } from './catalog';
import { EXAMPLE_SETTINGS, RULE_DOCS, hasDraftExample } from './rule-docs';
import { EXAMPLE_SETTINGS_UK, RULE_ACTIONS_UK, RULE_EXPLANATIONS_UK } from './rule-docs-uk';

const ukrainianText = (text: string | undefined) => {
  expect(text?.trim()).toBeTruthy();
  expect(text).toMatch(/[а-яіїєґ]{3}/iu);
  // Letters Ukrainian does not have: a Russian word left in by mistake.
  expect(text).not.toMatch(/[ыэъё]/iu);
};

describe('the rubric reference in Ukrainian', () => {
  it('explains every rule of the catalogue, and no rule the catalogue does not have', () => {
    expect(Object.keys(RULE_EXPLANATIONS_UK).sort()).toEqual(RULES.map((rule) => rule.id).sort());
    for (const rule of RULES) ukrainianText(RULE_EXPLANATIONS_UK[rule.id]);
  });

  it('says what makes each action-graded rule fire, and describes every example setting', () => {
    const actionRules = Object.entries(RULE_DOCS)
      .filter(([, doc]) => !hasDraftExample(doc))
      .map(([id]) => id);
    expect(Object.keys(RULE_ACTIONS_UK).sort()).toEqual(actionRules.sort());
    for (const id of actionRules) ukrainianText(RULE_ACTIONS_UK[id]);
    expect(Object.keys(EXAMPLE_SETTINGS_UK).sort()).toEqual(Object.keys(EXAMPLE_SETTINGS).sort());
    for (const text of Object.values(EXAMPLE_SETTINGS_UK)) ukrainianText(text);
  });

  it('keeps the figures of the English explanations (limits, counts, numbers)', () => {
    for (const [id, doc] of Object.entries(RULE_DOCS)) {
      const figures = (text: string) => (text.match(/\d+/gu) ?? []).sort();
      expect(figures(RULE_EXPLANATIONS_UK[id] ?? ''), id).toEqual(figures(doc.explanation.en));
    }
  });
});
