import { describe, expect, it } from 'vitest';
import { extractEntities, overflowStart, platformLength, threadParts } from './platform-fit';

describe('platformLength', () => {
  it('counts X weighted length: Latin and Cyrillic 1, CJK 2, emoji 2, any link 23', () => {
    expect(platformLength('Hello', 'weighted')).toBe(5);
    expect(platformLength('Привет', 'weighted')).toBe(6);
    expect(platformLength('中文', 'weighted')).toBe(4);
    expect(platformLength('👍', 'weighted')).toBe(2);
    expect(platformLength('👨‍👩‍👧', 'weighted')).toBe(2);
    expect(platformLength('See https://mfa.azuria.example/a/very/long/path/to/the/travel/advice', 'weighted')).toBe(4 + 23);
    expect(platformLength('See https://example.com/x', 'weighted')).toBe(4 + 23);
  });

  it('counts graphemes, UTF-16 units and code points', () => {
    expect(platformLength('👨‍👩‍👧 é', 'graphemes')).toBe(3);
    expect(platformLength('👍', 'utf16')).toBe(2);
    expect(platformLength('👍', 'characters')).toBe(1);
  });
});

describe('overflowStart', () => {
  it('is where the text stops fitting, never inside a surrogate pair', () => {
    const text = `${'a'.repeat(278)}👍👍`;
    const start = overflowStart(text, 280, 'weighted');
    expect(platformLength(text.slice(0, start), 'weighted')).toBeLessThanOrEqual(280);
    expect(text.slice(start)).toBe('👍');
  });
});

describe('extractEntities', () => {
  it('finds hashtags (Cyrillic too), mentions and links with their spans', () => {
    const text = 'Читайте https://mfa.azuria.example/visa #БезвизАзурия @mira_holt';
    const { hashtags, mentions, urls } = extractEntities(text);
    expect(hashtags.map((h) => h.text)).toEqual(['#БезвизАзурия']);
    expect(mentions.map((m) => m.text)).toEqual(['@mira_holt']);
    expect(urls.map((u) => text.slice(u.start, u.end))).toEqual(['https://mfa.azuria.example/visa']);
  });

  it('does not take a link’s fragment for a hashtag', () => {
    expect(extractEntities('https://mfa.azuria.example/page#section').hashtags).toEqual([]);
  });
});

describe('threadParts', () => {
  it('splits on blank lines', () => {
    expect(threadParts('1/ First\n\n2/ Second\n \n\n3/ Third').map((p) => p.text)).toEqual(['1/ First', '2/ Second', '3/ Third']);
  });
});
