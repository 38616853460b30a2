// Runtime: any (pure core). The platform refuses what it would refuse, counted as the grader counts.
import { describe, expect, it } from 'vitest';

import { platformDescriptor } from './descriptors';
import { publishBlock } from './publishable';

const x = platformDescriptor('x').rules;
const telegram = platformDescriptor('telegram').rules;

describe('publishBlock', () => {
  it('lets a post at the limit through and refuses one character more', () => {
    expect(publishBlock('a'.repeat(280), 'post', x)).toBeNull();
    expect(publishBlock('a'.repeat(281), 'post', x)).toEqual({ key: 'too-long', length: 281, limit: 280 });
  });

  it('counts as the platform does: X weighs Cyrillic as one and CJK as two, and a link as 23', () => {
    expect(publishBlock('я'.repeat(280), 'post', x)).toBeNull();
    expect(publishBlock('中'.repeat(141), 'post', x)).toEqual({ key: 'too-long', length: 282, limit: 280 });
    // 257 letters, a space and a link of any length: 257 + 1 + 23 = 281.
    expect(publishBlock(`${'a'.repeat(257)} https://example.org/${'p'.repeat(80)}`, 'post', x)).toEqual({ key: 'too-long', length: 281, limit: 280 });
    // Telegram counts UTF-16 code units: an emoji is two.
    expect(publishBlock(`${'a'.repeat(4_095)}🙂`, 'post', telegram)).toEqual({ key: 'too-long', length: 4_097, limit: 4_096 });
  });

  it('holds a reply to the same limit as a post', () => {
    expect(publishBlock('a'.repeat(281), 'reply', x)?.key).toBe('too-long');
  });

  it('checks each part of a thread, split at blank lines as the grader splits it', () => {
    const long = 'b'.repeat(492);
    expect(publishBlock(`${'a'.repeat(200)}\n\n${'a'.repeat(280)}`, 'thread', x)).toBeNull();
    expect(publishBlock(`${'a'.repeat(200)}\n\n${long}\n\nend`, 'thread', x)).toEqual({ key: 'part-too-long', part: 2, length: 492, limit: 280 });
    // Blank parts do not count: the over-long one is still the second part the reader sees.
    expect(publishBlock(`one\n \n\n\n${long}`, 'thread', x)).toMatchObject({ key: 'part-too-long', part: 2 });
    // A whole thread longer than one post is fine as long as each part fits.
    expect(publishBlock(Array.from({ length: 5 }, () => 'c'.repeat(250)).join('\n\n'), 'thread', x)).toBeNull();
  });

  it('holds a direct message and a mass notification to the message limit', () => {
    expect(publishBlock('a'.repeat(9_000), 'direct-message', x)).toBeNull();
    expect(publishBlock('a'.repeat(10_001), 'direct-message', x)).toEqual({ key: 'too-long', length: 10_001, limit: 10_000 });
    const mastodon = platformDescriptor('mastodon').rules;
    expect(publishBlock('a'.repeat(501), 'mass-notification', mastodon)).toEqual({ key: 'too-long', length: 501, limit: 500 });
  });

  it('follows a pack’s own limit when the rules carry one', () => {
    expect(publishBlock('a'.repeat(200), 'post', { ...x, maxLength: 140 })).toEqual({ key: 'too-long', length: 200, limit: 140 });
  });
});
