// Runtime: any (pure core). The descriptors are the one source of each platform's norms, rates and
// presentation: the grader's norms must stay exactly what they were (the grade is a record), and
// each platform must read the way its app does.
import { describe, expect, it } from 'vitest';

import { PLATFORMS } from '../pack/schema';
import { PLATFORM_DEFAULTS, platformRules } from '../grading/platforms';
import { platformDescriptor, platformDescriptors } from './descriptors';

describe('platform descriptors', () => {
  it('describe every platform once, under its own id', () => {
    expect(platformDescriptors().map((descriptor) => descriptor.id)).toEqual([...PLATFORMS]);
    for (const platform of PLATFORMS) expect(platformDescriptor(platform).id).toBe(platform);
  });

  it('give the grader the norms it has always used', () => {
    // A literal copy of the table the grader was calibrated with: a change here changes grades
    // (grader 1.1.0 added how long a reply in a comment thread may be on Facebook and Telegram).
    expect(PLATFORM_DEFAULTS).toEqual({
      x: { maxLength: 280, messageMaxLength: 10_000, counting: 'weighted', maxHashtags: 2, maxLinks: 1 },
      bluesky: { maxLength: 300, messageMaxLength: 1_000, counting: 'graphemes', maxHashtags: 3, maxLinks: 1 },
      mastodon: { maxLength: 500, messageMaxLength: 500, counting: 'characters', maxHashtags: 5, maxLinks: 2 },
      threads: { maxLength: 500, messageMaxLength: 1_000, counting: 'characters', maxHashtags: 1, maxLinks: 5 },
      facebook: { maxLength: 63_206, messageMaxLength: 2_000, counting: 'characters', maxHashtags: 3, maxLinks: 2, foldAt: 477, replyMaxLength: 800 },
      instagram: { maxLength: 2_200, messageMaxLength: 1_000, counting: 'characters', maxHashtags: 5, maxLinks: 1, foldAt: 125 },
      telegram: { maxLength: 4_096, messageMaxLength: 4_096, counting: 'utf16', maxHashtags: 3, maxLinks: 3, replyMaxLength: 800 },
      linkedin: { maxLength: 3_000, messageMaxLength: 8_000, counting: 'characters', maxHashtags: 3, maxLinks: 2, foldAt: 210 },
      weibo: { maxLength: 2_000, messageMaxLength: 2_000, counting: 'characters', maxHashtags: 2, maxLinks: 1, foldAt: 140 },
      vk: { maxLength: 15_895, messageMaxLength: 4_096, counting: 'characters', maxHashtags: 3, maxLinks: 2 },
      youtube: { maxLength: 5_000, messageMaxLength: 5_000, counting: 'characters', maxHashtags: 3, maxLinks: 5 },
    });
    for (const platform of PLATFORMS) expect(platformRules(platform)).toBe(platformDescriptor(platform).rules);
  });

  it('give the audience the rates it has always used', () => {
    expect(Object.fromEntries(platformDescriptors().map((descriptor) => [descriptor.id, descriptor.audience]))).toEqual({
      x: { organicReach: 0.08, likeRate: 0.025, shareRatio: 0.3, tau: 12 },
      threads: { organicReach: 0.07, likeRate: 0.035, shareRatio: 0.1, tau: 15 },
      bluesky: { organicReach: 0.1, likeRate: 0.04, shareRatio: 0.25, tau: 15 },
      mastodon: { organicReach: 0.12, likeRate: 0.04, shareRatio: 0.35, tau: 20 },
      weibo: { organicReach: 0.06, likeRate: 0.02, shareRatio: 0.4, tau: 15 },
      telegram: { organicReach: 0.35, likeRate: 0.012, shareRatio: 0.5, tau: 20 },
      vk: { organicReach: 0.09, likeRate: 0.03, shareRatio: 0.2, tau: 25 },
      instagram: { organicReach: 0.1, likeRate: 0.05, shareRatio: 0.06, tau: 30 },
      facebook: { organicReach: 0.06, likeRate: 0.03, shareRatio: 0.15, tau: 35 },
      linkedin: { organicReach: 0.07, likeRate: 0.025, shareRatio: 0.08, tau: 45 },
      youtube: { organicReach: 0.05, likeRate: 0.035, shareRatio: 0.05, tau: 60 },
    });
  });

  it('present each platform as its app does', () => {
    expect(platformDescriptor('telegram').feed).toMatchObject({ skin: 'telegram', order: 'oldest-first', posting: 'channel', audienceNoun: 'subscribers' });
    expect(platformDescriptor('instagram').feed).toMatchObject({ skin: 'instagram', media: 'image-first' });
    expect(platformDescriptor('x').feed).toMatchObject({ skin: 'x', threads: 'linked-posts', order: 'newest-first' });
    expect(platformDescriptor('facebook').feed).toMatchObject({ threads: 'one-post', comments: 'threaded' });
    for (const { id, feed } of platformDescriptors()) {
      expect(feed.comments, id).toBe('threaded');
      expect(new Set(feed.metrics).size, id).toBe(feed.metrics.length);
      if (id !== 'telegram') expect([feed.order, feed.posting], id).toEqual(['newest-first', 'everyone']);
      if (id !== 'instagram') expect(feed.media, id).toBe('optional');
    }
  });
});
