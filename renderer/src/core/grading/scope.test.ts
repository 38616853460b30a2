import { describe, expect, it } from 'vitest';
import { isNegated, refusalSpans, reportedSpans } from './scope';
import { tokenize } from './text';

function negatedWord(text: string, word: string, language = 'en'): boolean {
  const tokens = tokenize(text, language);
  return isNegated(
    text,
    tokens,
    tokens.findIndex((token) => token.folded === word),
  );
}

describe('negation scope', () => {
  it('sees a negation a few words back in the same clause', () => {
    expect(negatedWord('A visa-free stay does not allow you to work.', 'allow')).toBe(true);
    expect(negatedWord('We never ask for your passport number.', 'passport')).toBe(true);
    expect(negatedWord('Безвізовий режим не дозволяє працювати.', 'дозволяє', 'uk')).toBe(true);
    expect(negatedWord('Посольство никогда не запрашивает данные карт.', 'данные', 'ru')).toBe(true);
  });

  it('stops at the end of the clause', () => {
    expect(negatedWord('If you do not hear from us, send your passport number.', 'passport')).toBe(false);
    expect(negatedWord('The stay allows you to work.', 'allow')).toBe(false);
  });
});

describe('reported speech', () => {
  const reported = (text: string, language = 'en') => reportedSpans(text, tokenize(text, language)).map((span) => text.slice(span.start, span.end));

  it('takes quotations and rebutted claims for someone else’s words', () => {
    expect(reported('The letter says «citizens will be deported». Nothing else.')).toEqual(['«citizens will be deported»']);
    expect(reported('Reports that the embassy will deport citizens are false. Call us.')).toEqual(['Reports that the embassy will deport citizens are false']);
    expect(reported('Письмо о том, что посольство лишит граждан вида на жительство, — подделка.', 'ru')).toHaveLength(1);
  });

  it('leaves the author’s own statements alone', () => {
    expect(reported('The embassy will deport citizens who overstay.')).toEqual([]);
  });
});

describe('a claim rebutted by the next sentence', () => {
  it('is reported whole', () => {
    const text = 'Some reports today suggest that visa-free visitors may work in Azuria. This is not the case. Work needs a work visa.';
    const spans = reportedSpans(text, tokenize(text, 'en')).map((span) => text.slice(span.start, span.end));
    expect(spans).toEqual(['Some reports today suggest that visa-free visitors may work in Azuria']);
  });
});

describe('negation over "or", and refusals', () => {
  it('carries a negation over a coordinated verb', () => {
    expect(negatedWord('Please do not follow the link in that post or enter any card details.', 'enter')).toBe(true);
    expect(negatedWord('Please follow the link in that post and enter your card details.', 'enter')).toBe(false);
  });

  it('finds sentences that refuse to speak of something', () => {
    const text = 'Who is behind it the investigation will establish. The hotline is open.';
    expect(refusalSpans(text, tokenize(text, 'en')).map((span) => text.slice(span.start, span.end))).toEqual([
      'Who is behind it the investigation will establish',
    ]);
  });
});
