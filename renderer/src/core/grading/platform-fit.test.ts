import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { analyseDraft, createGradingContext } from './grade';
import { extractEntities, foldStart, overflowStart, platformLength, platformRules, threadParts } from './platform-fit';
import type { PlatformRules } from './platforms';

/** overflowStart as first written: the longest prefix that fits, found by recounting prefixes. */
function overflowStartByPrefixes(text: string, limit: number, counting: PlatformRules['counting']): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (platformLength(text.slice(0, mid), counting) <= limit) low = mid;
    else high = mid - 1;
  }
  const code = text.charCodeAt(low - 1);
  return code >= 0xd800 && code <= 0xdbff ? low - 1 : low;
}

const MIXED = 'Hi 👍 Привет 👨‍👩‍👧 中文 🇺🇦 e\u0301 a\ud83db 🙂';

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

  it('counts code points and code units directly, as recounting every prefix would', () => {
    for (const counting of ['characters', 'utf16'] as const) {
      for (let limit = -1; limit <= MIXED.length + 2; limit += 1) {
        expect(overflowStart(MIXED, limit, counting), `${counting} ${limit}`).toBe(overflowStartByPrefixes(MIXED, limit, counting));
      }
    }
  });
});

describe('foldStart', () => {
  it('is null when the text fits above the fold, else where it folds, never inside a surrogate pair', () => {
    expect(foldStart('a👍b', 3)).toBeNull();
    expect(foldStart('a👍b', 2)).toBe(3);
    expect(foldStart('a👍b', 1)).toBe(1);
    for (let foldAt = 0; foldAt <= MIXED.length + 1; foldAt += 1) {
      const fits = platformLength(MIXED, 'characters') <= foldAt;
      expect(foldStart(MIXED, foldAt), String(foldAt)).toBe(fits ? null : overflowStartByPrefixes(MIXED, foldAt, 'characters'));
    }
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

describe('platform.title-missing', () => {
  const pack = loadPack(readFolder(path.join(import.meta.dirname, '__fixtures__', 'rule-examples')), { appVersion: '0.1.0' }).pack!;
  const scenario = pack.scenarios.find((candidate) => candidate.id === 'open-day')!;
  const fired = (text: string, task = 'video') => {
    const context = createGradingContext({ scenario, task, playLanguage: 'en' });
    return platformRules(analyseDraft(text, context), context).map((finding) => finding.ruleId);
  };
  const description = 'We are glad to invite you to our open day on 20 June 2026. Entry is free, and the whole family is welcome.';

  it('reads a YouTube post’s first line as its title', () => {
    expect(fired(`Open day at the embassy: 20 June 2026\n${description}`)).not.toContain('platform.title-missing');
    expect(fired(`Open day at the embassy: 20 June 2026\n\n${description}`)).not.toContain('platform.title-missing');
  });

  it('finds no title in one block, or in a first line longer than a title can be', () => {
    expect(fired(description)).toContain('platform.title-missing');
    expect(fired(`${description} ${description}\nMore on the website.`)).toContain('platform.title-missing');
  });

  it('asks no title of a post on a platform without titles', () => {
    expect(fired(description, 'post')).not.toContain('platform.title-missing');
  });
});

describe('platform.reply-too-long', () => {
  const pack = loadPack(readFolder(path.join(import.meta.dirname, '__fixtures__', 'rule-examples')), { appVersion: '0.1.0' }).pack!;
  const scenario = pack.scenarios.find((candidate) => candidate.id === 'open-day')!;
  const fired = (text: string, task = 'reply') => {
    const context = createGradingContext({ scenario, task, playLanguage: 'en' });
    return platformRules(analyseDraft(text, context), context).map((finding) => finding.ruleId);
  };
  const sentence = 'Yes, entry to the open day on 20 June 2026 is free for all visitors, and no ticket is needed. ';

  it('lets a reply of a few sentences be', () => {
    expect(fired(`Dear Ana, ${sentence.repeat(3)}`)).not.toContain('platform.reply-too-long');
  });

  it('finds a reply in a comment thread that is an article (over 800 characters on Facebook)', () => {
    expect(fired(`Dear Ana, ${sentence.repeat(9)}`)).toContain('platform.reply-too-long');
  });

  it('holds a post to no comment length', () => {
    expect(fired(sentence.repeat(9), 'post')).not.toContain('platform.reply-too-long');
  });
});
