// Runtime: Node (Vitest, happy-dom). The composer's text arithmetic: spans carried across an edit,
// the marked runs drawn behind the textarea, replacements and the length counter's state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, FindingSeverity, Span } from '../../../core/grading/types';
import { applyReplacement, counterShown, counterState, mostSevere, rebaseSpans, segmentsOf } from './highlight';

function finding(ruleId: string, severity: FindingSeverity, span?: Span): Finding {
  return { ruleId, axis: 'tone', severity, message: { key: ruleId }, loss: 10, ...(span ? { span } : {}) };
}

const spanOf = (text: string, part: string, from = 0): Span => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" not in "${text}"`);
  return { start, end: start + part.length };
};

describe('rebaseSpans', () => {
  const before = 'STAY CALM. Call +99 123 456 780 now!!!';
  const spans = [
    { span: spanOf(before, 'STAY CALM'), item: 'shout' },
    { span: spanOf(before, '+99 123 456 780'), item: 'phone' },
    { span: spanOf(before, '!!!'), item: 'marks' },
  ];
  const texts = (after: string, rebased: ReturnType<typeof rebaseSpans<string>>) => rebased.map(({ span, item }) => [item, after.slice(span.start, span.end)]);

  it('keeps spans on their words when text is typed before, between or after them', () => {
    for (const after of [
      'Please STAY CALM. Call +99 123 456 780 now!!!',
      'STAY CALM. Do call +99 123 456 780 now!!!',
      'STAY CALM. Call +99 123 456 780 now!!! Thanks.',
      'STAY CALMLY. Call +99 123 456 780 now!!!',
    ]) {
      expect(texts(after, rebaseSpans(before, after, spans))).toEqual([
        ['shout', 'STAY CALM'],
        ['phone', '+99 123 456 780'],
        ['marks', '!!!'],
      ]);
    }
  });

  it('stretches a span over text typed inside it, and drops one whose text was deleted', () => {
    const typedInside = 'STAY CALM. Call +99 123 456 7890 now!!!';
    expect(texts(typedInside, rebaseSpans(before, typedInside, spans))).toContainEqual(['phone', '+99 123 456 7890']);
    const deleted = 'STAY CALM. Call  now!!!';
    expect(texts(deleted, rebaseSpans(before, deleted, spans)).map(([item]) => item)).toEqual(['shout', 'marks']);
  });

  it('returns copies when nothing changed', () => {
    const rebased = rebaseSpans(before, before, spans);
    expect(rebased).toEqual(spans);
    expect(rebased[0]!.span).not.toBe(spans[0]!.span);
  });
});

/** segmentsOf as first written: every run asks every mark whether it covers it. */
function segmentsByAskingEveryMark(text: string, allMarks: ReadonlyArray<{ span: Span; item: Finding }>) {
  const marks = allMarks.filter(({ span }) => span.end > span.start);
  const edges = [...new Set([0, text.length, ...marks.flatMap(({ span }) => [span.start, span.end])])]
    .filter((edge) => edge <= text.length)
    .sort((a, b) => a - b);
  return edges.slice(0, -1).map((start, index) => {
    const end = edges[index + 1]!;
    const findings = marks.filter(({ span }) => span.start <= start && span.end >= end).map(({ item }) => item);
    return { start, end, text: text.slice(start, end), findings, severity: mostSevere(findings) };
  });
}

describe('segmentsOf', () => {
  it('cuts the text as asking every mark for every run does, in one sweep, for marks in any order, nested or overlapping', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const mark = fc
      .tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: 12 }), fc.constantFrom<FindingSeverity>('error', 'warning', 'suggestion'))
      .map(([start, length, severity]) => ({
        span: { start, end: Math.min(text.length, start + length) },
        item: finding(`rule.${start}.${length}`, severity, { start, end: start + length }),
      }));
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 40 }), (marks) => {
        expect(segmentsOf(text, marks)).toEqual(segmentsByAskingEveryMark(text, marks));
      }),
      { numRuns: 1000, seed: 5 },
    );
  });

  it('cuts the text at span edges, marking each run with the most severe finding over it', () => {
    const text = 'Stay calm!!! Or else.';
    const shout = finding('tone.shouting', 'warning', spanOf(text, '!!!'));
    const long = finding('platform.too-long', 'error', { start: 10, end: text.length });
    const segments = segmentsOf(text, [
      { span: shout.span!, item: shout },
      { span: long.span!, item: long },
    ]);
    expect(segments.map((segment) => [segment.text, segment.severity, segment.findings.map((f) => f.ruleId)])).toEqual([
      ['Stay calm', null, []],
      ['!', 'warning', ['tone.shouting']],
      ['!!', 'error', ['tone.shouting', 'platform.too-long']],
      [' Or else.', 'error', ['platform.too-long']],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });

  it('counts offsets in UTF-16 units and never splits a surrogate pair', () => {
    const text = 'Hi 🌍 ЗАЧЕМ?';
    const shout = finding('tone.shouting', 'warning', spanOf(text, 'ЗАЧЕМ'));
    expect(segmentsOf(text, [{ span: shout.span!, item: shout }]).find((segment) => segment.severity)?.text).toBe('ЗАЧЕМ');
    // An end offset between the two halves of 🌍 moves back to before the emoji.
    const odd = finding('x', 'error', { start: 0, end: 4 });
    expect(segmentsOf(text, [{ span: odd.span!, item: odd }]).map((segment) => segment.text)).toEqual(['Hi ', '🌍 ЗАЧЕМ?']);
  });

  it('clamps spans past the end of the text and ignores empty ones', () => {
    const text = 'Short';
    const past = finding('a', 'error', { start: 3, end: 40 });
    const empty = finding('b', 'error', { start: 2, end: 2 });
    expect(
      segmentsOf(text, [
        { span: past.span!, item: past },
        { span: empty.span!, item: empty },
      ]).map((segment) => [segment.text, segment.severity]),
    ).toEqual([
      ['Sho', null],
      ['rt', 'error'],
    ]);
  });

  it('gives an empty text no segments', () => {
    expect(segmentsOf('', [])).toEqual([]);
  });
});

describe('applyReplacement', () => {
  it('replaces the span and puts the caret after the replacement', () => {
    const text = 'STAY CALM!!! Call us.';
    expect(applyReplacement(text, spanOf(text, 'STAY CALM'), 'Stay calm')).toEqual({ text: 'Stay calm!!! Call us.', caret: 9 });
    expect(applyReplacement(text, spanOf(text, '!!!'), '!')).toEqual({ text: 'STAY CALM! Call us.', caret: 10 });
    expect(applyReplacement(text, spanOf(text, ' Call us.'), '')).toEqual({ text: 'STAY CALM!!!', caret: 12 });
  });
});

describe('mostSevere and counterState', () => {
  it('ranks errors over warnings over suggestions', () => {
    expect(mostSevere([finding('a', 'suggestion'), finding('b', 'error'), finding('c', 'warning')])).toBe('error');
    expect(mostSevere([finding('a', 'suggestion'), finding('c', 'warning')])).toBe('warning');
    expect(mostSevere([])).toBeNull();
  });

  it('warns from nine tenths of the limit and flags anything over it', () => {
    expect(counterState(0, 280)).toBe('ok');
    expect(counterState(251, 280)).toBe('ok');
    expect(counterState(252, 280)).toBe('near');
    expect(counterState(280, 280)).toBe('near');
    expect(counterState(281, 280)).toBe('over');
  });
});

describe('counterShown', () => {
  it('always shows a short limit, as X shows its 280 from the first character', () => {
    expect(counterShown(0, 280)).toBe(true);
    expect(counterShown(0, 500)).toBe(true);
  });

  it('shows a long limit only past four fifths of it, and always when over', () => {
    expect(counterShown(0, 63_206)).toBe(false);
    expect(counterShown(12_715, 15_895)).toBe(false);
    expect(counterShown(12_716, 15_895)).toBe(true);
    expect(counterShown(63_207, 63_206)).toBe(true);
    expect(counterShown(3_276, 4_096)).toBe(false);
    expect(counterShown(3_277, 4_096)).toBe(true);
  });
});
