// Runtime: Node (Vitest). The language the UI starts in, and the locale it writes dates and numbers in.
import { describe, expect, it } from 'vitest';
import { formattingLocale, isLanguage, LANGUAGE_ENDONYMS, matchLanguage, resolveLanguage, SUPPORTED_LANGUAGES } from './locale';

describe('matchLanguage', () => {
  it.each([
    ['ru-RU', 'ru'],
    ['ru', 'ru'],
    ['RU', 'ru'],
    ['ru_RU.UTF-8', 'ru'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['uk-UA', 'uk'],
    ['uk', 'uk'],
    ['uk_UA.UTF-8', 'uk'],
  ])('matches %s to %s', (locale, language) => {
    expect(matchLanguage(locale)).toBe(language);
  });

  it.each(['de-DE', 'be-BY', 'zh-Hans-CN', '', '   '])('does not match %j', (locale) => {
    expect(matchLanguage(locale)).toBeNull();
  });

  it('does not match a missing locale', () => {
    expect(matchLanguage(undefined)).toBeNull();
    expect(matchLanguage(null)).toBeNull();
  });
});

describe('resolveLanguage', () => {
  it('prefers the saved choice over the system locale', () => {
    expect(resolveLanguage('en', 'ru-RU')).toBe('en');
    expect(resolveLanguage('ru', 'en-GB')).toBe('ru');
  });

  it('follows the system locale until the user chooses', () => {
    expect(resolveLanguage(null, 'ru-RU')).toBe('ru');
    expect(resolveLanguage(null, 'uk-UA')).toBe('uk');
    expect(resolveLanguage(undefined, 'en-GB')).toBe('en');
  });

  it('falls back to English for a language the UI does not speak', () => {
    expect(resolveLanguage(null, 'de')).toBe('en');
    expect(resolveLanguage(null, '')).toBe('en');
  });
});

describe('isLanguage', () => {
  it('accepts only supported language codes', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('ru')).toBe(true);
    expect(isLanguage('uk')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(1)).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});

describe('formattingLocale', () => {
  const at = Date.UTC(2026, 11, 6, 14, 5);
  const format = (language: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(formattingLocale(language), { timeZone: 'UTC', ...options }).format(at);

  it('writes English as British English and every other language as given', () => {
    expect(formattingLocale('en')).toBe('en-GB');
    expect(formattingLocale('ru')).toBe('ru');
    expect(formattingLocale('uk')).toBe('uk');
    expect(formattingLocale('en-US')).toBe('en-US');
  });

  it('puts the day before the month in long and medium dates', () => {
    expect(format('en', { dateStyle: 'long' })).toBe('6 December 2026');
    expect(format('ru', { dateStyle: 'long' })).toBe('6 декабря 2026 г.');
    expect(format('en', { dateStyle: 'medium' })).toBe('6 Dec 2026');
    expect(format('ru', { dateStyle: 'medium' })).toBe('6 дек. 2026 г.');
    expect(format('uk', { dateStyle: 'long' })).toBe('6 грудня 2026 р.');
    expect(format('uk', { dateStyle: 'medium' })).toBe('6 груд. 2026 р.');
  });

  it('tells the time on a 24-hour clock', () => {
    expect(format('en', { timeStyle: 'short' })).toBe('14:05');
    expect(format('ru', { timeStyle: 'short' })).toBe('14:05');
    expect(format('uk', { timeStyle: 'short' })).toBe('14:05');
    expect(format('en', { dateStyle: 'medium', timeStyle: 'short' })).toBe('6 Dec 2026, 14:05');
  });

  it('groups digits and joins lists the way each language does', () => {
    expect(new Intl.NumberFormat(formattingLocale('en')).format(12345.5)).toBe('12,345.5');
    expect(new Intl.NumberFormat(formattingLocale('ru')).format(12345.5)).toBe('12\u00a0345,5');
    expect(new Intl.ListFormat(formattingLocale('en'), { type: 'conjunction' }).format(['X', 'VK', 'Telegram'])).toBe('X, VK and Telegram');
    expect(new Intl.ListFormat(formattingLocale('ru'), { type: 'conjunction' }).format(['X', 'VK', 'Telegram'])).toBe('X, VK и Telegram');
    expect(new Intl.NumberFormat(formattingLocale('uk')).format(12345.5)).toBe('12\u00a0345,5');
    expect(new Intl.ListFormat(formattingLocale('uk'), { type: 'conjunction' }).format(['X', 'VK', 'Telegram'])).toBe('X, VK і Telegram');
  });
});

describe('LANGUAGE_ENDONYMS', () => {
  it('names every language the interface speaks in that language itself', () => {
    expect(Object.keys(LANGUAGE_ENDONYMS).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(LANGUAGE_ENDONYMS).toEqual({ en: 'English', ru: 'Русский', uk: 'Українська' });
  });

  it('agrees with what Intl calls each language in itself, capitalised as a menu item', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const own = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? '';
      expect(LANGUAGE_ENDONYMS[language].toLocaleLowerCase(language)).toBe(own.toLocaleLowerCase(language));
    }
  });
});
