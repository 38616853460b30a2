// Runtime: Node (Vitest). Platform facts, scores, language names and lists as a person reads them.
import { describe, expect, it } from 'vitest';
import { capitalized, engineSummary, formatDate, formatList, formatScore, languageName, osName } from './format';

describe('format', () => {
  it('names operating systems', () => {
    expect(osName('darwin')).toBe('macOS');
    expect(osName('win32')).toBe('Windows');
    expect(osName('linux')).toBe('Linux');
    expect(osName('Linux x86_64')).toBe('Linux x86_64');
  });

  it('summarises engine versions in order, or nothing', () => {
    expect(engineSummary({ electron: '45.4.1', chrome: '140.0', node: '22.19.0' })).toBe('Electron 45.4.1 · Chrome 140.0 · Node.js 22.19.0');
    expect(engineSummary({ Chromium: '156' })).toBe('Chromium 156');
    expect(engineSummary({})).toBe('');
  });

  it('writes dates in the UI language', () => {
    const date = Date.UTC(2026, 10, 21, 12);
    expect(formatDate(date, 'en')).toBe('21 November 2026');
    expect(formatDate(date, 'ru')).toBe('21 ноября 2026 г.');
  });

  it('writes scores with one decimal at most, in the UI language', () => {
    expect(formatScore(72.5, 'en')).toBe('72.5');
    expect(formatScore(72.46, 'en')).toBe('72.5');
    expect(formatScore(73, 'en')).toBe('73');
    expect(formatScore(72.5, 'ru')).toBe('72,5');
  });

  it('names languages, with a capital where they stand alone, and joins lists', () => {
    expect(languageName('uk', 'en')).toBe('Ukrainian');
    expect(languageName('ru', 'ru')).toBe('русский');
    expect(capitalized(languageName('ru', 'ru'), 'ru')).toBe('Русский');
    expect(formatList(['X', 'VK', 'Telegram'], 'en')).toBe('X, VK and Telegram');
    expect(formatList(['X', 'VK'], 'ru')).toBe('X и VK');
  });
});
