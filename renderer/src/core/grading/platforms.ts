// Runtime: any (pure core). Platform norms as data: built-in defaults (see the notes in the README),
// which a pack or scenario overrides per platform.
import type { PackManifest, Platform } from '../pack/schema';

/** The ways of counting length that a pack may name (pack.yaml `platforms.<id>.counting`). */
export type Counting = NonNullable<NonNullable<NonNullable<PackManifest['platforms']>[Platform]>['counting']>;

export interface PlatformRules {
  maxLength: number;
  /**
   * How the platform counts: `weighted` as X does (twitter-text: CJK and emoji 2, URLs 23),
   * `graphemes` (what a person sees as one character), `utf16` (code units, as Telegram's API),
   * `characters` (code points).
   */
  counting: Counting;
  maxHashtags: number;
  maxLinks: number;
  /** Limit of one direct message (and of each message of a mass notification), counted the same way. */
  messageMaxLength: number;
  /** Where the feed folds a long text behind "See more". */
  foldAt?: number;
}

export const PLATFORM_DEFAULTS: Readonly<Record<Platform, PlatformRules>> = {
  x: { maxLength: 280, messageMaxLength: 10_000, counting: 'weighted', maxHashtags: 2, maxLinks: 1 },
  bluesky: { maxLength: 300, messageMaxLength: 1_000, counting: 'graphemes', maxHashtags: 3, maxLinks: 1 },
  mastodon: { maxLength: 500, messageMaxLength: 500, counting: 'characters', maxHashtags: 5, maxLinks: 2 },
  threads: { maxLength: 500, messageMaxLength: 1_000, counting: 'characters', maxHashtags: 1, maxLinks: 5 },
  facebook: { maxLength: 63_206, messageMaxLength: 2_000, counting: 'characters', maxHashtags: 3, maxLinks: 2, foldAt: 477 },
  instagram: { maxLength: 2_200, messageMaxLength: 1_000, counting: 'characters', maxHashtags: 5, maxLinks: 1, foldAt: 125 },
  telegram: { maxLength: 4_096, messageMaxLength: 4_096, counting: 'utf16', maxHashtags: 3, maxLinks: 3 },
  linkedin: { maxLength: 3_000, messageMaxLength: 8_000, counting: 'characters', maxHashtags: 3, maxLinks: 2, foldAt: 210 },
  weibo: { maxLength: 2_000, messageMaxLength: 2_000, counting: 'characters', maxHashtags: 2, maxLinks: 1, foldAt: 140 },
  vk: { maxLength: 15_895, messageMaxLength: 4_096, counting: 'characters', maxHashtags: 3, maxLinks: 2 },
  youtube: { maxLength: 5_000, messageMaxLength: 5_000, counting: 'characters', maxHashtags: 3, maxLinks: 5 },
};

export type PlatformOverrides = Partial<Record<Platform, Partial<PlatformRules>>>;

export function platformRules(platform: Platform, ...overrides: Array<PlatformOverrides | undefined>): PlatformRules {
  let rules: PlatformRules = PLATFORM_DEFAULTS[platform];
  for (const set of overrides) {
    const own = set?.[platform];
    if (own) rules = { ...rules, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
  }
  return rules;
}
