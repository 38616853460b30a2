import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { AXES } from '../pack/schema';
import { createGradingContext, grade, GradingContextError, QUOTE_MAX } from './grade';

const pack = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const contextIn = (playLanguage: string) => createGradingContext({ scenario, task: 'publish-hotline', playLanguage, pack: pack.manifest });

const GOOD_EN = 'We understand your worry. Stay calm: our hotline +99 123 456 789 is open around the clock.';
const GOOD_RU = 'Мы понимаем ваше беспокойство. Сохраняйте спокойствие: горячая линия +99 123 456 789 работает круглосуточно.';

describe('grade', () => {
  it('passes a good draft in each play language', () => {
    for (const [language, text] of [
      ['en', GOOD_EN],
      ['ru', GOOD_RU],
    ] as const) {
      const result = grade(text, contextIn(language));
      expect(result.passed, JSON.stringify(result.findings)).toBe(true);
      expect(result.language).toEqual({ expected: language, detected: language, supported: true });
    }
  });

  it('names the verified value when a hotline digit is wrong', () => {
    const result = grade(GOOD_EN.replace('789', '780'), contextIn('en'));
    const mismatch = result.findings.find((f) => f.ruleId === 'policy.fact-mismatch');
    expect(mismatch?.axis).toBe('policy');
    expect(JSON.stringify(mismatch?.message.params)).toContain('789');
    expect(result.axes.policy.passed).toBe(false);
    expect(result.axes.tone.passed).toBe(true);
  });

  it('fails platform fit for a draft in the wrong language for the audience', () => {
    const result = grade(GOOD_EN, contextIn('ru'));
    expect(result.findings.some((f) => f.ruleId === 'platform.wrong-language')).toBe(true);
    expect(result.axes.platform.passed).toBe(false);
  });

  it('fails a draft over X’s limit and marks where it stops fitting', () => {
    const text = `${GOOD_EN} ${'More details follow. '.repeat(12)}`;
    const result = grade(text, contextIn('en'));
    const tooLong = result.findings.find((f) => f.ruleId === 'platform.too-long')!;
    expect(tooLong.span!.end).toBe(text.length);
    expect(result.metrics.length).toBeGreaterThan(280);
  });

  it('says plainly when a draft is in a language it cannot grade', () => {
    const result = grade("Restez calmes : la ligne d'urgence +99 123 456 789 est ouverte jour et nuit.", contextIn('en'));
    expect(result.language.supported).toBe(false);
    expect(result.findings.some((f) => f.ruleId === 'platform.language-unsupported')).toBe(true);
  });

  it('refuses an unknown task with a clear error', () => {
    expect(() => createGradingContext({ scenario, task: 'nope', playLanguage: 'en' })).toThrow(GradingContextError);
  });

  it('lets a task switch a rule off', () => {
    const task = { ...scenario.tasks[0]!, rubric: { rules: { 'platform.wrong-language': { level: 'off' as const } } } };
    const result = grade(GOOD_EN, createGradingContext({ scenario, task, playLanguage: 'ru' }));
    expect(result.findings.some((f) => f.ruleId === 'platform.wrong-language')).toBe(false);
  });
});

describe('grade, for any draft', () => {
  const drafts = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc
      .array(
        fc.constantFrom(
          'Stay',
          'calm',
          'IDIOTS',
          '!!!',
          'hotline',
          '+99 123 456 780',
          'горячая',
          'линия',
          '#tag',
          'https://mfa.azuria.example/x',
          '😂',
          '\n\n',
          'катастрофа',
        ),
        { maxLength: 60 },
      )
      .map((words) => words.join(' ')),
  );

  it('is deterministic', () => {
    fc.assert(
      fc.property(drafts, fc.constantFrom('en', 'ru'), (text, language) => {
        expect(grade(text, contextIn(language))).toEqual(grade(text, contextIn(language)));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every span inside the text, and each axis score is 100 minus the points its findings lose', () => {
    fc.assert(
      fc.property(drafts, fc.constantFrom('en', 'ru'), (text, language) => {
        const result = grade(text, contextIn(language));
        for (const finding of result.findings) {
          if (finding.span) {
            expect(finding.span.start).toBeGreaterThanOrEqual(0);
            expect(finding.span.end).toBeLessThanOrEqual(text.length);
            expect(finding.span.start).toBeLessThanOrEqual(finding.span.end);
          }
          expect(finding.loss).toBeGreaterThanOrEqual(0);
        }
        for (const axis of AXES) {
          const lost = result.axes[axis].findings.reduce((sum, finding) => sum + finding.loss, 0);
          expect(result.axes[axis].score).toBe(100 - lost);
          expect(result.axes[axis].score).toBeGreaterThanOrEqual(0);
          expect(result.axes[axis].passed).toBe(result.axes[axis].score >= result.axes[axis].passMark);
        }
        if (result.findings.every((finding) => finding.loss === 0)) expect(AXES.every((axis) => result.axes[axis].score === 100)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('grade: what a finding quotes', () => {
  it('cuts a quoted wall of emoji or link-like text to QUOTE_MAX characters, whole code points and an ellipsis', () => {
    const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
    const criticism = library.scenarios.find((candidate) => candidate.id === 'answering-criticism')!;
    const journalistReply = createGradingContext({ scenario: criticism, task: 'journalist-dm', playLanguage: 'en', pack: library.manifest });
    const cases = [
      { text: `${GOOD_EN} ${'🙂🎉🇺🇦'.repeat(400)}`, context: contextIn('en') },
      { text: 'https://a.b/'.repeat(400), context: journalistReply },
    ];
    for (const { text, context } of cases) {
      const result = grade(text, context);
      const quoted = result.findings
        .flatMap((finding) => Object.values(finding.message.params ?? {}))
        .filter((value): value is string => typeof value === 'string');
      expect(quoted.length).toBeGreaterThan(0);
      for (const value of quoted) {
        expect(Array.from(value).length).toBeLessThanOrEqual(QUOTE_MAX);
        expect(value).not.toMatch(/[\uD800-\uDBFF]$/);
      }
      expect(quoted.some((value) => value.endsWith('…'))).toBe(true);
    }
  });

  it('leaves short quotes as they are', () => {
    const result = grade(GOOD_EN.replace('789', '780'), contextIn('en'));
    expect(result.findings.find((f) => f.ruleId === 'policy.fact-mismatch')?.message.params?.found).toBe('+99 123 456 780');
  });
});

describe('grade: severities', () => {
  it('fails the policy axis on a wrong fact whatever the score, and takes the points to below the pass mark', () => {
    const result = grade('We understand your worry. Stay calm: our hotline +99 123 456 780 is open around the clock.', contextIn('en'));
    const mismatch = result.axes.policy.findings.find((finding) => finding.ruleId === 'policy.fact-mismatch')!;
    expect(mismatch.blocks).toBe('axis');
    expect(result.axes.policy.passed).toBe(false);
    expect(result.axes.policy.score).toBeLessThan(result.axes.policy.passMark);
    // Every point lost is attached to a finding.
    expect(100 - result.axes.policy.findings.reduce((sum, finding) => sum + finding.loss, 0)).toBe(result.axes.policy.score);
    expect(result.critical).toBe(false);
  });

  it('lists the gravest findings first', () => {
    const result = grade('LOL our hotline +99 123 456 780 is open!!!', contextIn('en'));
    const ranks = result.findings.map((finding) => (finding.blocks ? 0 : finding.severity === 'error' ? 1 : finding.severity === 'warning' ? 2 : 3));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(result.findings[0]!.ruleId).toBe('policy.fact-mismatch');
  });
});

describe('grade: the fold', () => {
  const facebook = { ...scenario, accounts: scenario.accounts.map((account) => ({ ...account, platform: 'facebook' as const })) };
  const onFacebook = createGradingContext({ scenario: facebook, task: 'publish-hotline', playLanguage: 'en', pack: pack.manifest });
  const preamble = 'We understand your worry, and we want to thank everyone who has written to us today. '.repeat(7);

  it('fails platform fit when every practical fact is hidden behind "See more"', () => {
    const result = grade(`${preamble}Stay calm: our hotline +99 123 456 789 is open around the clock, and the consulate opens at 09:00.`, onFacebook);
    expect(result.axes.platform.findings.map((finding) => finding.ruleId)).toEqual(['platform.essentials-below-fold']);
    expect(result.axes.platform.passed).toBe(false);
  });

  it('only suggests moving things up when the facts come first', () => {
    const result = grade(`Stay calm: our hotline +99 123 456 789 is open around the clock, and the consulate opens at 09:00. ${preamble}`, onFacebook);
    expect(result.axes.platform.findings.map((finding) => finding.ruleId)).toEqual(['platform.below-fold']);
    expect(result.axes.platform.passed).toBe(true);
  });
});

describe('grade: a pile of hashtags', () => {
  it('is one finding over the ones past the platform norm', () => {
    const result = grade(`${GOOD_EN} #a #b #c #d #e #f`, contextIn('en'));
    expect(result.axes.platform.findings.filter((finding) => finding.ruleId === 'platform.too-many-hashtags')).toHaveLength(1);
  });
});

describe('grade: an axis past 0', () => {
  it('keeps the real cost of what fails the axis or the scenario, and takes it back from the least grave findings', () => {
    const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
    const flights = library.scenarios.find((s) => s.id === 'flights-suspended')!;
    const context = createGradingContext({ scenario: flights, task: flights.tasks[0]!, playLanguage: 'en', pack: library.manifest });
    const result = grade('Flights are suspended. Call our hotline +99 21 555 0184. It was probably a terrorist attack.', context);
    const policy = result.axes.policy;
    expect(policy.score).toBe(0);
    expect(policy.findings.reduce((sum, finding) => sum + finding.loss, 0)).toBe(100);
    const blocking = policy.findings.filter((finding) => finding.blocks);
    expect(blocking.length).toBeGreaterThanOrEqual(2);
    for (const finding of blocking) expect(finding.loss, finding.ruleId).toBeGreaterThan(0);
  });
});
