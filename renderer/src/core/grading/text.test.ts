import { describe, expect, it } from 'vitest';
import { fold, PhraseMatcher, stem, tokenize } from './text';

describe('tokenize', () => {
  it('sees Cyrillic words, which \\b does not', () => {
    expect(/\bсанкции\b/iu.test('Введены санкции.')).toBe(false);
    expect(tokenize('Введены санкции.', 'ru').map((t) => t.text)).toEqual(['Введены', 'санкции']);
  });

  it('keeps offsets into the original text', () => {
    const text = '«Горячая линия»: +99 21 555 0147';
    for (const token of tokenize(text, 'ru')) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('keeps apostrophes inside Ukrainian words', () => {
    expect(tokenize("Об'єкт та м’ясо", 'uk').map((t) => t.folded)).toEqual(["об'єкт", 'та', "м'ясо"]);
  });
});

describe('fold and stem', () => {
  it('folds case and ё to е', () => {
    expect(fold('ЕЩЁ Ёлка')).toBe('еще елка');
  });

  it('gives inflected forms one stem in each language', () => {
    expect(stem(fold('посольства'), 'ru')).toBe(stem(fold('посольству'), 'ru'));
    expect(stem(fold('громадян'), 'uk')).toBe(stem(fold('громадянам'), 'uk'));
    expect(stem('flights', 'en')).toBe(stem('flight', 'en'));
  });

  it('leaves numbers and unknown languages as written', () => {
    expect(stem('2026', 'ru')).toBe('2026');
    expect(stem('bonjour', 'fr')).toBe('bonjour');
  });
});

describe('PhraseMatcher', () => {
  it('matches inflected Russian and Ukrainian phrases', () => {
    const ru = new PhraseMatcher([{ text: 'горячая линия', value: 'hotline' }], 'ru');
    expect(ru.find(tokenize('Звоните на горячую линию посольства', 'ru')).map((m) => m.value)).toEqual(['hotline']);
    const uk = new PhraseMatcher([{ text: 'гаряча лінія', value: 'hotline' }], 'uk');
    expect(uk.find(tokenize('Телефонуйте на гарячу лінію', 'uk')).map((m) => m.value)).toEqual(['hotline']);
  });

  it('matches forms a stemmer cuts differently (граждан → гражданам)', () => {
    const matcher = new PhraseMatcher([{ text: 'граждан', value: 1 }], 'ru');
    expect(matcher.find(tokenize('Обращение к гражданам', 'ru'))).toHaveLength(1);
  });

  it('matches proper names that a stemmer over-cuts (Киев → Киеве)', () => {
    const matcher = new PhraseMatcher([{ text: 'Киев', value: 1 }], 'ru');
    expect(matcher.find(tokenize('В Киеве тепло', 'ru'))).toHaveLength(1);
    expect(matcher.find(tokenize('Кино и театр', 'ru'))).toHaveLength(0);
  });

  it('matches ё and е alike, and reports the span', () => {
    const matcher = new PhraseMatcher([{ text: 'ещё раз', value: 1 }], 'ru');
    const text = 'Повторим еще раз.';
    const [match] = matcher.find(tokenize(text, 'ru'));
    expect(text.slice(match!.start, match!.end)).toBe('еще раз');
  });

  it('needs the words in order and adjacent', () => {
    const matcher = new PhraseMatcher([{ text: 'stay calm', value: 1 }], 'en');
    expect(matcher.find(tokenize('Please stay calm.', 'en'))).toHaveLength(1);
    expect(matcher.find(tokenize('Calm, stay home.', 'en'))).toHaveLength(0);
  });
});
