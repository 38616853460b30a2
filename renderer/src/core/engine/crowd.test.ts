// Runtime: Node (tests). Generated members of the public: the same for the same seed, plausible in each language.
import { describe, expect, it } from 'vitest';
import { CROWD_LANGUAGES, crowdAuthor } from './crowd';
import { CROWD_NAMES } from './crowd-names';

const SEEDS = Array.from({ length: 200 }, (_, index) => index + 1);

describe('crowdAuthor', () => {
  it('gives the same person for the same seed and reply, and many different people otherwise', () => {
    expect(crowdAuthor(7, 'pub-1-reply-1', 'en')).toEqual(crowdAuthor(7, 'pub-1-reply-1', 'en'));
    const people = SEEDS.map((seed) => crowdAuthor(seed, 'pub-1-reply-1', 'en'));
    expect(new Set(people.map((person) => person.handle)).size).toBeGreaterThan(150);
    const replies = SEEDS.map((index) => crowdAuthor(7, `pub-1-reply-${index}`, 'en'));
    expect(new Set(replies.map((person) => person.name)).size).toBeGreaterThan(100);
  });

  it('is ready for English, Russian and Ukrainian audiences', () => {
    expect([...CROWD_LANGUAGES].sort()).toEqual(['en', 'ru', 'uk']);
  });

  it.each([
    ['en', /^[A-Z][a-z]+ [A-Z][a-z]*\.?$/u],
    ['ru', /^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]*\.?$/u],
    ['uk', /^[А-ЩЬЮЯІЇЄҐ][а-щьюяіїєґ’]+ [А-ЩЬЮЯІЇЄҐ][а-щьюяіїєґ’]*\.?$/u],
  ])('names a %s speaker in that script, with a handle a platform accepts', (language, pattern) => {
    for (const seed of SEEDS) {
      const person = crowdAuthor(seed, 'r', language);
      expect(person.name).toMatch(pattern);
      expect(person.handle).toMatch(/^[a-z][a-z0-9_]{2,14}$/);
    }
  });

  it('gives a Russian woman the feminine form of her surname', () => {
    const femaleNames = new Set(CROWD_NAMES['ru']!.female.map(([name]) => name));
    const feminine = new Set(CROWD_NAMES['ru']!.surnames.map(([, female]) => female));
    const masculineOnly = new Set(CROWD_NAMES['ru']!.surnames.filter(([male, female]) => male !== female).map(([male]) => male));
    let women = 0;
    for (const seed of SEEDS) {
      const [given = '', surname = ''] = crowdAuthor(seed, 'r', 'ru').name.split(' ');
      if (!femaleNames.has(given) || surname.endsWith('.')) continue;
      women += 1;
      expect(feminine.has(surname), surname).toBe(true);
      expect(masculineOnly.has(surname), surname).toBe(false);
    }
    expect(women).toBeGreaterThan(40);
  });

  it('names speakers of other languages from the English lists', () => {
    expect(crowdAuthor(3, 'r', 'de').name).toMatch(/^[A-Z][a-z]+ /);
  });
});
