import fc from 'fast-check';
import twitterText from 'twitter-text';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { hostileDrafts } from './__fixtures__/hostile-drafts';
import { extractEntitiesBounded, MAX_PARSED_RUN, overlongRuns, parsedSpans, weightedLengthBounded } from './bounded-twitter-text';
import { createGradingContext, DRAFT_CEILING, grade } from './grade';

// Characters twitter-text's patterns turn on, with every kind of white space it could be cut at.
const RISKY = [...'aw.-@#$/:_1é中😀', 'http://', 'www.', '.co', 'RT', ' ', '\n', '\u00a0', '\u3000', '\t'];
const riskyText = fc.array(fc.constantFrom(...RISKY), { maxLength: 60 }).map((parts) => parts.join(''));
const longestRun = (text: string) => Math.max(0, ...[...text.matchAll(/\S+/g)].map((match) => match[0].length));

afterEach(() => {
  vi.restoreAllMocks();
});

// Grading sixteen drafts of 100,000 characters, or checking thousands of generated texts, is work
// that takes longer than Vitest's default 5 s on a machine busy with other things.
const HEAVY = { timeout: 120_000 };

describe('twitter-text, bounded', () => {
  it('finds in the text cut around overlong runs exactly what twitter-text finds in the whole text outside them', HEAVY, () => {
    fc.assert(
      fc.property(riskyText, fc.integer({ min: 1, max: 12 }), (text, maxRun) => {
        const runs = overlongRuns(text, maxRun);
        const inRun = (entity: { indices: [number, number] }) => runs.some((run) => entity.indices[0] < run.end && run.start < entity.indices[1]);
        const whole = twitterText.extractEntitiesWithIndices(text).filter((entity) => !inRun(entity));
        expect(extractEntitiesBounded(text, maxRun)).toEqual(whole);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('counts X’s weighted length as twitter-text does, reading no link inside an overlong run', HEAVY, () => {
    fc.assert(
      fc.property(riskyText, fc.integer({ min: 1, max: 12 }), (text, maxRun) => {
        let withoutRunLinks = text;
        for (const run of overlongRuns(text, maxRun))
          withoutRunLinks = withoutRunLinks.slice(0, run.start) + text.slice(run.start, run.end).replaceAll('.', ',') + withoutRunLinks.slice(run.end);
        expect(weightedLengthBounded(text, maxRun)).toBe(twitterText.parseTweet(withoutRunLinks).weightedLength);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('hands a draft without overlong runs to twitter-text whole', () => {
    const text = 'See www.example.com and https://mfa.example/advice #travel @embassy $USD';
    expect(parsedSpans(text)).toEqual([{ start: 0, end: text.length }]);
    expect(extractEntitiesBounded(text)).toEqual(twitterText.extractEntitiesWithIndices(text));
    expect(weightedLengthBounded(text)).toBe(twitterText.parseTweet(text).weightedLength);
  });

  it('never hands twitter-text a run longer than MAX_PARSED_RUN, nor more than the draft, for any hostile draft', HEAVY, () => {
    for (const { name, text } of hostileDrafts(DRAFT_CEILING)) {
      const spans = parsedSpans(text);
      expect(
        spans.reduce((sum, span) => sum + span.end - span.start, 0),
        name,
      ).toBeLessThanOrEqual(text.length);
      for (const span of spans) expect(longestRun(text.slice(span.start, span.end)), name).toBeLessThanOrEqual(MAX_PARSED_RUN);
    }
  });
});

describe('the grader on hostile drafts', () => {
  const pack = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
  const context = () => createGradingContext({ scenario: pack.scenarios[0]!, task: 'publish-hotline', playLanguage: 'en', pack: pack.manifest });

  it('grades every hostile draft at the ceiling, giving twitter-text only bounded runs', HEAVY, () => {
    const extract = vi.spyOn(twitterText, 'extractEntitiesWithIndices');
    const parse = vi.spyOn(twitterText, 'parseTweet');
    for (const { name, text } of hostileDrafts(DRAFT_CEILING)) {
      extract.mockClear();
      parse.mockClear();
      const result = grade(text, context());
      expect(result.ungraded, name).toBeUndefined();
      expect(result.metrics.length, name).toBeGreaterThan(0);
      expect(extract.mock.calls.length + parse.mock.calls.length, name).toBeGreaterThan(0);
      for (const [input] of extract.mock.calls) expect(longestRun(input), name).toBeLessThanOrEqual(MAX_PARSED_RUN);
      // An overlong run is only ever counted, with no dot in it: twitter-text then looks for no link there.
      for (const [input = ''] of parse.mock.calls)
        expect(
          overlongRuns(input).filter((run) => input.slice(run.start, run.end).includes('.')),
          name,
        ).toEqual([]);
    }
  });

  it('refuses a 250,000-character paste without reading it: one finding, every axis failed', HEAVY, () => {
    const extract = vi.spyOn(twitterText, 'extractEntitiesWithIndices');
    for (const { name, text } of hostileDrafts(250_000)) {
      const result = grade(text, context());
      expect(result.ungraded, name).toEqual({ length: 250_000, ceiling: DRAFT_CEILING });
      expect(
        result.findings.map((finding) => [finding.ruleId, finding.message.key, finding.message.params]),
        name,
      ).toEqual([['draft.over-ceiling', 'draft.over-ceiling', { length: 250_000, ceiling: DRAFT_CEILING }]]);
      expect(result.passed).toBe(false);
      expect(Object.values(result.axes).every((axis) => !axis.passed && axis.score === 0)).toBe(true);
    }
    expect(extract).not.toHaveBeenCalled();
  });

  it('grades a draft of exactly the ceiling and refuses one character more', () => {
    const sentence = 'Stay calm: our hotline +99 123 456 789 is open around the clock. ';
    const atCeiling = sentence.repeat(Math.ceil(DRAFT_CEILING / sentence.length)).slice(0, DRAFT_CEILING);
    expect(grade(atCeiling, context()).ungraded).toBeUndefined();
    expect(grade(`${atCeiling}.`, context()).ungraded).toEqual({ length: DRAFT_CEILING + 1, ceiling: DRAFT_CEILING });
  });
});
