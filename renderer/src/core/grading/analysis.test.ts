import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapsAny, SpanIndex } from './analysis';
import type { Span } from './types';

const span = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 })).map(([start, length]): Span => ({ start, end: start + length }));
const withinAny = (inner: Span, spans: readonly Span[]) => spans.some((other) => inner.start >= other.start && inner.end <= other.end);

describe('SpanIndex', () => {
  it('answers overlap and containment exactly as walking the list does, for spans in any order, overlapping or empty', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(span, { minLength: 1, maxLength: 20 }), (spans, questions) => {
        const index = new SpanIndex(spans);
        for (const question of questions) {
          expect(index.overlaps(question)).toBe(overlapsAny(question, spans));
          expect(index.contains(question)).toBe(withinAny(question, spans));
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('knows nothing when empty', () => {
    const index = new SpanIndex([]);
    expect(index.overlaps({ start: 0, end: 5 })).toBe(false);
    expect(index.contains({ start: 0, end: 0 })).toBe(false);
  });
});
