// Runtime: Node (Vitest). The language the UI starts in.
import { describe, expect, it } from 'vitest';
import { isLanguage, matchLanguage, resolveLanguage } from './locale';

describe('matchLanguage', () => {
  it.each([
    ['ru-RU', 'ru'],
    ['ru', 'ru'],
    ['RU', 'ru'],
    ['ru_RU.UTF-8', 'ru'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['en', 'en'],
  ])('matches %s to %s', (locale, language) => {
    expect(matchLanguage(locale)).toBe(language);
  });

  it.each(['uk', 'uk-UA', 'de-DE', 'zh-Hans-CN', '', '   '])('does not match %j', (locale) => {
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
    expect(resolveLanguage(undefined, 'en-GB')).toBe('en');
  });

  it('falls back to English for a language the UI does not speak', () => {
    expect(resolveLanguage(null, 'uk')).toBe('en');
    expect(resolveLanguage(null, '')).toBe('en');
  });
});

describe('isLanguage', () => {
  it('accepts only supported language codes', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('ru')).toBe(true);
    expect(isLanguage('uk')).toBe(false);
    expect(isLanguage(1)).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
