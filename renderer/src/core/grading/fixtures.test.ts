// The grader's clause-level signals tested by fixtures beside them (as a Vale style is): a press
// officer's sentences that cross each red-line concept or carry each tone signal, and near misses
// that must stay clean. No clean sentence may be flagged; of the others, at least as many must be
// caught as when these fixtures were adopted: a floor against regressions. The ones still missed
// are the grader's real limits, left in the fixtures on purpose.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { RedLineConcept, Scenario } from '../pack/schema';
import { RED_LINE_CONCEPTS } from '../pack/schema';
import { findConcepts } from './concepts';
import { analyseDraft, createGradingContext } from './grade';
import { reportedSpans } from './scope';
import { tokenize } from './text';
import { toneRules } from './tone';

const read = <T>(name: string) => parse(readFileSync(path.join(import.meta.dirname, '__fixtures__', name), 'utf8')) as T;
const concepts = read<Record<RedLineConcept, Record<'en' | 'ru' | 'uk', { crosses: string[]; respects: string[] }>>>('red-line-concepts.yaml');
const tone = read<Record<string, Record<'en' | 'ru' | 'uk', { bad: string[]; fine: string[] }>>>('tone-signals.yaml');

function crosses(concept: RedLineConcept, language: string, text: string): boolean {
  const tokens = tokenize(text, language);
  const mentions = [...text.matchAll(/@\w+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return (
    findConcepts(text, tokens, language, [concept], {
      reply: concept === 'arguing-with-account',
      names: new Set(),
      mentions,
      reported: reportedSpans(text, tokens),
    }).length > 0
  );
}

describe('red-line concept fixtures', () => {
  it('cover every concept in every language', () => {
    expect(Object.keys(concepts).sort()).toEqual([...RED_LINE_CONCEPTS].sort());
    for (const concept of RED_LINE_CONCEPTS) expect(Object.keys(concepts[concept]).sort()).toEqual(['en', 'ru', 'uk']);
  });

  it('flag no sentence that respects the line', () => {
    const flagged = RED_LINE_CONCEPTS.flatMap((concept) =>
      Object.entries(concepts[concept]).flatMap(([language, { respects }]) =>
        respects.filter((text) => crosses(concept, language, text)).map((text) => `${concept} (${language}): ${text}`),
      ),
    );
    expect(flagged).toEqual([]);
  });

  it('catch at least as many crossing sentences as when adopted (190 of 240)', () => {
    const caught = RED_LINE_CONCEPTS.reduce(
      (sum, concept) =>
        sum + Object.entries(concepts[concept]).reduce((n, [language, sets]) => n + sets.crosses.filter((text) => crosses(concept, language, text)).length, 0),
      0,
    );
    expect(caught).toBeGreaterThanOrEqual(190);
  });
});

const base = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!.scenarios[0]!;

/** The tone target and the kind of task each signal's sentences are graded under (calm-firm posts unless named). */
const SETTINGS: Readonly<Record<string, { target: Scenario['policy']['tone']['target']; kind: 'post' | 'reply' | 'thread' | 'direct-message' }>> = {
  cold: { target: 'empathetic', kind: 'direct-message' },
  // A thread is not checked for warmth: the officialese sentences are graded for officialese alone.
  officialese: { target: 'warm', kind: 'thread' },
  unwelcoming: { target: 'warm', kind: 'post' },
  dismissive: { target: 'calm-firm', kind: 'reply' },
};

function toneFindings(category: string, language: string, text: string): string[] {
  const setting = SETTINGS[category] ?? { target: 'calm-firm', kind: 'post' };
  const scenario: Scenario = {
    ...base,
    languages: ['en', 'ru', 'uk'],
    kind: category === 'panic' ? 'crisis' : 'outreach',
    policy: { ...base.policy, tone: { target: setting.target } },
  };
  const task = { ...base.tasks[0]!, kind: setting.kind };
  const context = createGradingContext({ scenario, task, playLanguage: language });
  return toneRules(analyseDraft(text, context), context).map((finding) => finding.ruleId);
}

describe('tone signal fixtures', () => {
  it('flag no fine sentence', () => {
    const flagged = Object.entries(tone).flatMap(([category, languages]) =>
      Object.entries(languages).flatMap(([language, { fine }]) =>
        fine.filter((text) => toneFindings(category, language, text).length > 0).map((text) => `${category} (${language}): ${text}`),
      ),
    );
    expect(flagged).toEqual([]);
  });

  it('catch at least as many bad sentences as when adopted (174 of 177)', () => {
    const caught = Object.entries(tone).reduce(
      (sum, [category, languages]) =>
        sum +
        Object.entries(languages).reduce((n, [language, { bad }]) => n + bad.filter((text) => toneFindings(category, language, text).length > 0).length, 0),
      0,
    );
    expect(caught).toBeGreaterThanOrEqual(174);
  });
});
