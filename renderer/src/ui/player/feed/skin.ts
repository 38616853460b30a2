// Runtime: renderer (pure). How each platform's feed looks and counts: which of our own skins it
// wears, which engagement figures it shows in what order, and what it calls them (a repost on X is
// a forward on Telegram and a boost on Mastodon). The skins are our designs, not the platforms'.
import type { Platform } from '../../../core/pack/schema';

export type SkinId = 'x' | 'facebook' | 'vk' | 'telegram' | 'weibo' | 'generic';

/** The figures the engine gives: replies, shares, likes and reach (shown as views or as reach). */
export type Metric = 'replies' | 'shares' | 'likes' | 'views';

/** What a platform calls a figure: a key of `feed:metric.*`. */
export type MetricLabel = 'replies' | 'comments' | 'reposts' | 'shares' | 'forwards' | 'boosts' | 'likes' | 'reactions' | 'favourites' | 'views' | 'reach';

export interface PlatformSkin {
  skin: SkinId;
  /** In the order the platform shows them. `views` appears only where the figure is known. */
  metrics: readonly Metric[];
  labels: Record<Metric, MetricLabel>;
  /** What the account's audience is called in the header. */
  audience: 'followers' | 'subscribers';
}

const labels = (overrides: Partial<Record<Metric, MetricLabel>> = {}): Record<Metric, MetricLabel> => ({
  replies: 'replies',
  shares: 'reposts',
  likes: 'likes',
  views: 'views',
  ...overrides,
});

const SKINS: Record<Platform, PlatformSkin> = {
  x: { skin: 'x', metrics: ['replies', 'shares', 'likes', 'views'], labels: labels(), audience: 'followers' },
  // Public reach is not shown on a Facebook page; its admin sees how many people a post reached.
  facebook: {
    skin: 'facebook',
    metrics: ['likes', 'replies', 'shares', 'views'],
    labels: labels({ likes: 'reactions', replies: 'comments', shares: 'shares', views: 'reach' }),
    audience: 'followers',
  },
  vk: { skin: 'vk', metrics: ['likes', 'replies', 'shares', 'views'], labels: labels({ replies: 'comments' }), audience: 'subscribers' },
  telegram: {
    skin: 'telegram',
    metrics: ['likes', 'shares', 'replies', 'views'],
    labels: labels({ likes: 'reactions', shares: 'forwards', replies: 'comments' }),
    audience: 'subscribers',
  },
  weibo: { skin: 'weibo', metrics: ['shares', 'replies', 'likes', 'views'], labels: labels({ replies: 'comments', views: 'reach' }), audience: 'followers' },
  youtube: { skin: 'generic', metrics: ['likes', 'replies', 'views'], labels: labels({ replies: 'comments' }), audience: 'subscribers' },
  instagram: {
    skin: 'generic',
    metrics: ['likes', 'replies', 'shares', 'views'],
    labels: labels({ replies: 'comments', shares: 'shares', views: 'reach' }),
    audience: 'followers',
  },
  threads: { skin: 'generic', metrics: ['likes', 'replies', 'shares', 'views'], labels: labels(), audience: 'followers' },
  mastodon: {
    skin: 'generic',
    metrics: ['replies', 'shares', 'likes', 'views'],
    labels: labels({ shares: 'boosts', likes: 'favourites', views: 'reach' }),
    audience: 'followers',
  },
  bluesky: { skin: 'generic', metrics: ['replies', 'shares', 'likes', 'views'], labels: labels({ views: 'reach' }), audience: 'followers' },
  linkedin: {
    skin: 'generic',
    metrics: ['likes', 'replies', 'shares', 'views'],
    labels: labels({ likes: 'reactions', replies: 'comments', views: 'reach' }),
    audience: 'followers',
  },
};

export function platformSkin(platform: Platform): PlatformSkin {
  return SKINS[platform];
}

/** A figure per metric; `views` is null where it is not known (an inject carries no views). */
export type Counts = Record<Exclude<Metric, 'views'>, number> & { views: number | null };

/** The figures to show, in the platform's order, leaving out views where they are unknown. */
export function visibleMetrics(skin: PlatformSkin, counts: Counts): Array<{ metric: Metric; label: MetricLabel; value: number }> {
  return skin.metrics.flatMap((metric) => {
    const value = counts[metric];
    return value === null ? [] : [{ metric, label: skin.labels[metric], value }];
  });
}

// The darkest shade of each hue: white initials on it keep a contrast of at least 5:1, light or dark.
const AVATAR_COLORS = ['blue.9', 'indigo.9', 'violet.9', 'grape.9', 'pink.9', 'red.9', 'cyan.9', 'teal.9'] as const;

/** The same person always gets the same colour: chosen from a hash of their id. */
export function avatarColor(id: string): (typeof AVATAR_COLORS)[number] {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (Math.imul(hash, 31) + id.charCodeAt(index)) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length]!;
}

/** A handle as people write it, with one leading @. */
export function atHandle(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`;
}
