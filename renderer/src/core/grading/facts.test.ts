import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findEmails,
  compareDate,
  comparePhone,
  compareTime,
  compareUrl,
  editDistance,
  extractDates,
  extractFacts,
  extractNumbers,
  extractPhones,
  extractTimes,
  extractUrls,
  formatDate,
  formatNumber,
  mask,
  monthOf,
  nameKey,
  normaliseUrl,
  parseCount,
  parseIsoDate,
  phoneForms,
} from './facts';

const texts = <T extends { text: string }>(found: T[]) => found.map((f) => f.text);
const dateValues = (text: string) => extractDates(text).map((d) => d.value);
const JUNE_14 = parseIsoDate('2026-06-14') as Required<ReturnType<typeof parseIsoDate>>;

describe('phones', () => {
  it('finds international, local and trunk-prefixed forms and reads them as digits', () => {
    const text = 'Call +99 21 555 0147, +99215550147, (21) 555-01-47 or 8 21 555 01 47.';
    expect(extractPhones(text).map((p) => [p.text, p.value])).toEqual([
      ['+99 21 555 0147', '99215550147'],
      ['+99215550147', '99215550147'],
      ['(21) 555-01-47', '215550147'],
      ['8 21 555 01 47', '8215550147'],
    ]);
  });

  it('keeps each phone span exactly on the number, without the sentence around it', () => {
    const text = 'Горячая линия: +99 21 555 0147.';
    const [phone] = extractPhones(text);
    expect(text.slice(phone!.start, phone!.end)).toBe('+99 21 555 0147');
  });

  it('does not take counts, years or short numbers for phones', () => {
    expect(extractPhones('1 500 000 azur for 20 000 people in 2026, room 1204')).toEqual([]);
  });

  it('takes a thousands-like grouping for a phone when it is close to a known number', () => {
    expect(texts(extractPhones('Dial 123 456 789 now', ['+99 123 456 789']))).toEqual(['123 456 789']);
    expect(extractPhones('Dial 123 456 789 now')).toEqual([]);
  });

  it('knows a verified number by all its digits, its national part, or the national part after 0 or 8', () => {
    expect(phoneForms('+99 21 555 0147')).toEqual(['99215550147', '215550147', '0215550147', '8215550147']);
    for (const digits of ['99215550147', '215550147', '8215550147', '0099215550147']) expect(comparePhone(digits, '+99 21 555 0147')).toBe('equal');
  });

  it('calls one wrong digit, two swapped digits or one digit too many a near miss', () => {
    expect(comparePhone('99215550148', '+99 21 555 0147')).toBe('close');
    expect(comparePhone('99215550174', '+99 21 555 0147')).toBe('close');
    expect(comparePhone('992155501477', '+99 21 555 0147')).toBe('close');
    expect(comparePhone('99215550999', '+99 21 555 0147')).toBe('close');
  });

  it('calls an unrelated number another number', () => {
    expect(comparePhone('4412345678', '+99 21 555 0147')).toBe('other');
  });
});

describe('dates', () => {
  it('reads English day-month and month-day forms, with or without a year, and ignores the weekday', () => {
    expect(dateValues('Monday, 14 June; June 14; 14th of June 2026; June 14th, 2026; 14 Jun')).toEqual([
      { day: 14, month: 6, year: undefined },
      { day: 14, month: 6, year: undefined },
      { day: 14, month: 6, year: 2026 },
      { day: 14, month: 6, year: 2026 },
      { day: 14, month: 6, year: undefined },
    ]);
  });

  it('reads Russian month names in their cases, with "-го" and "года"', () => {
    expect(dateValues('14 июня, 14-го июня 2026 года, в июне, 1 мая, 3 марта')).toEqual([
      { day: 14, month: 6, year: undefined },
      { day: 14, month: 6, year: 2026 },
      { day: 1, month: 5, year: undefined },
      { day: 3, month: 3, year: undefined },
    ]);
  });

  it('reads Ukrainian month names', () => {
    expect(dateValues('14 червня 2026 р., 1 липня, 30 листопада, 2 лютого')).toEqual([
      { day: 14, month: 6, year: 2026 },
      { day: 1, month: 7, year: undefined },
      { day: 30, month: 11, year: undefined },
      { day: 2, month: 2, year: undefined },
    ]);
  });

  it('reads numeric and ISO forms', () => {
    expect(dateValues('14.06, 14.06.2026, 14.06.26, 14/06, 2026-06-14')).toEqual([
      { day: 14, month: 6, year: undefined },
      { day: 14, month: 6, year: 2026 },
      { day: 14, month: 6, year: 2026 },
      { day: 14, month: 6, year: undefined },
      { day: 14, month: 6, year: 2026 },
    ]);
  });

  it('reads both days of a range', () => {
    expect(dateValues('с 14 по 20 июня')).toEqual([
      { day: 14, month: 6, year: undefined },
      { day: 20, month: 6, year: undefined },
    ]);
    expect(dateValues('14–18 October 2026').map((d) => d.day)).toEqual([14, 18]);
    expect(dateValues('October 14–18').map((d) => d.day)).toEqual([14, 18]);
  });

  it('does not end a date on the full stop after it', () => {
    expect(texts(extractDates('Рейсы возобновятся 14 июня.'))).toEqual(['14 июня']);
    expect(texts(extractDates('Flights resume on 14 Sept.'))).toEqual(['14 Sept.']);
  });

  it('takes no year, decimal, clock time, schedule or impossible day for a date', () => {
    expect(extractDates('in 2026, 1.5 million, at 10.15, 24/7, 31 June, 1/2 of the seats, 9.30')).toEqual([]);
  });

  it('knows month names in three languages', () => {
    expect([monthOf('June'), monthOf('июня'), monthOf('червня'), monthOf('Sept.'), monthOf('flights')]).toEqual([6, 6, 6, 9, undefined]);
  });

  it('compares a date with the verified one: equal, near miss, or another date', () => {
    expect(compareDate({ day: 14, month: 6 }, JUNE_14)).toBe('equal');
    expect(compareDate({ day: 14, month: 6, year: 2026 }, JUNE_14)).toBe('equal');
    expect(compareDate({ day: 15, month: 6 }, JUNE_14)).toBe('close');
    expect(compareDate({ day: 7, month: 6 }, JUNE_14)).toBe('close');
    expect(compareDate({ day: 14, month: 7 }, JUNE_14)).toBe('close');
    expect(compareDate({ day: 14, month: 6, year: 2025 }, JUNE_14)).toBe('close');
    expect(compareDate({ day: 1, month: 9 }, JUNE_14)).toBe('other');
  });
});

describe('clock times', () => {
  it('reads 24-hour, am/pm, "h" and cued dot forms', () => {
    const found = extractTimes('09:30, 9:30, 9:30 am, 9.30 p.m., 09h30, в 9:30, at 9.05, 6 pm.');
    expect(found.map((t) => [t.text, t.value.hours, t.value.minutes])).toEqual([
      ['09:30', 9, 30],
      ['9:30', 9, 30],
      ['9:30 am', 9, 30],
      ['9.30 p.m.', 21, 30],
      ['09h30', 9, 30],
      ['9:30', 9, 30],
      ['9.05', 9, 5],
      ['6 pm', 18, 0],
    ]);
  });

  it('takes no decimal or amount for a time', () => {
    expect(extractTimes('1.5 million, 2.50 azur, 12.5%, 3 apples')).toEqual([]);
  });

  it('compares within three hours as a near miss', () => {
    expect(compareTime({ hours: 9, minutes: 30 }, { hours: 9, minutes: 30 })).toBe('equal');
    expect(compareTime({ hours: 10, minutes: 30 }, { hours: 9, minutes: 30 })).toBe('close');
    expect(compareTime({ hours: 17, minutes: 0 }, { hours: 9, minutes: 30 })).toBe('other');
  });
});

describe('counts', () => {
  it('reads every common separator, thin and no-break spaces included', () => {
    const found = extractNumbers('20,000 · 20 000 · 20\u2009000 · 20\u00a0000 · 20\u202f000 · 20.000 · 20000');
    expect(found.map((n) => n.value)).toEqual([20000, 20000, 20000, 20000, 20000, 20000, 20000]);
  });

  it('reads multipliers in three languages', () => {
    const found = extractNumbers('20k, 20 thousand, 20 тысяч, 20 тыс., 20 тис., 1,5 млн, 2.5 million, 3 мільйони');
    expect(found.map((n) => n.value)).toEqual([20000, 20000, 20000, 20000, 20000, 1_500_000, 2_500_000, 3_000_000]);
    expect(texts(found)[3]).toBe('20 тыс.');
  });

  it('marks years, percentages and hyphenated words, and skips numbers glued to letters', () => {
    const found = extractNumbers('In 2026, 45% of 90-day visas; G20, 3rd, 14-го');
    expect(found.map((n) => [n.value, n.yearLike, n.percent, n.compound])).toEqual([
      [2026, true, false, false],
      [45, false, true, false],
      [90, false, false, true],
      [14, false, false, true],
    ]);
  });

  it('parses digits as written', () => {
    expect([parseCount('1,500,000'), parseCount('20 000'), parseCount('1,5'), parseCount('20,000.50'), parseCount('7')]).toEqual([
      1_500_000, 20000, 1.5, 20000.5, 7,
    ]);
  });
});

describe('links', () => {
  it('normalises scheme, host case, "www." and a trailing slash', () => {
    const expected = { host: 'mfa.azuria.example', path: '/travel' };
    for (const raw of [
      'https://mfa.azuria.example/travel',
      'HTTPS://WWW.MFA.azuria.example/travel/',
      'http://mfa.azuria.example/Travel/',
      'mfa.azuria.example/travel.',
    ]) {
      expect(normaliseUrl(raw)).toEqual(expected);
    }
    expect(normaliseUrl('https://mfa.azuria.example/')).toEqual({ host: 'mfa.azuria.example', path: '' });
  });

  it('finds links with a scheme, "www." or a bare fictional host, without the punctuation after them', () => {
    const text = 'See https://mfa.azuria.example/travel/, www.azuria.example or mfa.azuria.example/visa. Mail consul@mfa.azuria.example';
    expect(texts(extractUrls(text))).toEqual(['https://mfa.azuria.example/travel/', 'www.azuria.example', 'mfa.azuria.example/visa']);
  });

  it('compares: same page, another page of the site or a misspelt host (near misses), another site', () => {
    const fact = normaliseUrl('https://mfa.azuria.example/travel')!;
    expect(compareUrl(normaliseUrl('mfa.azuria.example/travel/')!, fact)).toBe('equal');
    expect(compareUrl(normaliseUrl('https://mfa.azuria.example/travels')!, fact)).toBe('close');
    expect(compareUrl(normaliseUrl('https://mfa.azuira.example/travel')!, fact)).toBe('close');
    expect(compareUrl(normaliseUrl('https://news.veland.example/travel')!, fact)).toBe('other');
  });
});

describe('names', () => {
  it('brings inflected surnames and possessives to one key', () => {
    expect(['Петрова', 'Петровой', 'Петровою', 'Петрову', 'Petrova', "Petrova's"].map(nameKey)).toEqual([
      'петров',
      'петров',
      'петров',
      'петров',
      'petrov',
      'petrov',
    ]);
    expect(nameKey('Petrovna')).not.toBe(nameKey('Petrova'));
  });

  it('measures edit distance, stopping early past the limit', () => {
    expect(editDistance('petrovn', 'petrov')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('extractFacts', () => {
  it('claims each character once: dates and times are not counts or phones', () => {
    const facts = extractFacts('On 14.06.2026 at 09:30 call +99 21 555 0147: 12 flights for 20 000 people, see mfa.azuria.example/travel.');
    expect(texts(facts.dates)).toEqual(['14.06.2026']);
    expect(texts(facts.times)).toEqual(['09:30']);
    expect(texts(facts.phones)).toEqual(['+99 21 555 0147']);
    expect(facts.numbers.map((n) => n.value)).toEqual([12, 20000]);
    expect(texts(facts.urls)).toEqual(['mfa.azuria.example/travel']);
  });

  it('finds nothing in hashtags, mentions or e-mail addresses it is told to skip', () => {
    const text = '#Flights2026 @consul_14 consul14@mfa.azuria.example';
    const facts = extractFacts(text, {
      exclude: [
        { start: 0, end: 12 },
        { start: 13, end: 23 },
      ],
    });
    expect([facts.dates, facts.times, facts.phones, facts.numbers, facts.urls].flat()).toEqual([]);
  });

  it('reads "24/7" as a schedule', () => {
    const facts = extractFacts('The hotline is open 24/7.');
    expect([facts.dates, facts.numbers].flat()).toEqual([]);
  });
});

describe('writing facts for people', () => {
  it('writes dates per language and in the form the draft used', () => {
    expect(formatDate(JUNE_14, 'en')).toBe('14 June 2026');
    expect(formatDate(JUNE_14, 'ru')).toBe('14 июня 2026\u00a0г.');
    expect(formatDate({ day: 14, month: 6 }, 'uk')).toBe('14 червня');
    expect(formatDate({ day: 14, month: 6 }, 'en', 'month-day')).toBe('June 14');
    expect(formatDate({ day: 14, month: 6 }, 'ru', 'numeric', '.')).toBe('14.06');
  });

  it('groups digits per language', () => {
    expect(formatNumber(20000, 'en')).toBe('20,000');
    expect(formatNumber(20000, 'ru')).toBe('20\u00a0000');
    expect(formatNumber(1500, 'ru')).toBe('1500');
    expect(formatNumber(1500, 'en')).toBe('1,500');
    expect(formatNumber(2.5, 'uk')).toBe('2,5');
  });

  it('masks without moving offsets', () => {
    expect(mask('abc 123 def', [{ start: 4, end: 7 }])).toHaveLength(11);
    expect(mask('abc 123 def', [{ start: 4, end: 7 }])).not.toMatch(/\d/);
  });
});

describe('e-mail addresses and masking, linear on any draft', () => {
  // The pattern the finder replaces: right on every text, but tried at every position of a long
  // run of letters and dots, which made a pasted wall of such text cost seconds.
  const byPattern = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

  it('finds what the pattern finds, wherever addresses stand', () => {
    const pieces = fc.constantFrom('a', 'b.', 'x-', '@', '.', 'consul', 'mfa.example', ' ', '9', '%+', 'ж', '@@');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(findEmails(text)).toEqual(byPattern(text));
      }),
      { numRuns: 3000, seed: 5 },
    );
    expect(findEmails('Write to consul@mfa.example or visa.desk@embassy.azuria.example.')).toEqual([
      { start: 9, end: 27 },
      { start: 31, end: 63 },
    ]);
  });

  it('masks spans in any order, overlapping or not, keeping every offset', () => {
    expect(
      mask('abcdefghij', [
        { start: 6, end: 8 },
        { start: 1, end: 3 },
        { start: 2, end: 4 },
      ]),
    ).toBe('a\u0001\u0001\u0001ef\u0001\u0001ij');
    expect(
      mask('abc', [
        { start: -2, end: 1 },
        { start: 2, end: 9 },
      ]),
    ).toBe('\u0001b\u0001');
    expect(mask('abc', [])).toBe('abc');
  });
});
