// Runtime: any (pure core). One description per platform, read by everything that treats platforms
// differently: the grader's norms (length, counting, hashtags, links, fold), the simulated audience's
// rates, and how the desk's feed presents the platform. A new platform, or a platform that changes,
// is one entry here instead of a switch in every part that cares.
import type { PackManifest, Platform } from '../pack/schema';
import { PLATFORMS } from '../pack/schema';

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
  /**
   * Where a reply stops reading as a comment in the platform's comment thread: a thread is scrolled,
   * a few sentences are read, and past about 800 characters (some 130 words, a phone screen of
   * comments) a reply is an article pasted under the post. Press officers answer in a few lines and
   * link the full text; unset where replies are not a comment thread.
   */
  replyMaxLength?: number;
}

/** How a public post travels (see core/engine/audience.ts, which models the curve). */
export interface AudienceRates {
  /** Share of followers an average post reaches. */
  organicReach: number;
  /** Likes per person reached. */
  likeRate: number;
  /** Shares per like. */
  shareRatio: number;
  /** Minutes for the reach to get about two thirds of the way to its total. */
  tau: number;
}

export type SkinId = 'x' | 'facebook' | 'vk' | 'telegram' | 'weibo' | 'instagram' | 'generic';

/** The figures the engine gives: replies, shares, likes and reach (shown as views or as reach). */
export type Metric = 'replies' | 'shares' | 'likes' | 'views';

/** What a platform calls a figure: a key of `feed:metric.*`. */
export type MetricLabel = 'replies' | 'comments' | 'reposts' | 'shares' | 'forwards' | 'boosts' | 'likes' | 'reactions' | 'favourites' | 'views' | 'reach';

export interface FeedPresentation {
  /** Which of our own skins the feed wears (our designs, not the platforms'). */
  skin: SkinId;
  /** The figures in the order the platform shows them. `views` appears only where the figure is known. */
  metrics: readonly Metric[];
  labels: Readonly<Record<Metric, MetricLabel>>;
  /** What the account's audience is called in the header. */
  audienceNoun: 'followers' | 'subscribers';
  /** A Telegram channel reads like a chat: oldest first, the newest at the bottom. */
  order: 'newest-first' | 'oldest-first';
  /**
   * Who posts in the account's feed: a Telegram channel posts alone and everyone else comments under
   * its posts; elsewhere anyone's post is a post.
   */
  posting: 'channel' | 'everyone';
  /** Answers sit under the post they answer (every platform we model threads them). */
  comments: 'threaded' | 'inline';
  /** Instagram shows the picture first and the caption under it. */
  media: 'optional' | 'image-first';
  /** X shows a thread as separate posts joined by a line; elsewhere a thread is one long post. */
  threads: 'linked-posts' | 'one-post';
  /**
   * X prints the figures under every post and every reply, a news outlet's too, zero as an empty
   * icon (`always`); elsewhere a comment or a report shows only what it has (`when-known`).
   */
  counts: 'always' | 'when-known';
  /**
   * Facebook shows no @handles: a page's username is in its address, written without an @, and
   * people are known by their names (`none`); elsewhere people are @handles (`at`).
   */
  handles: 'at' | 'none';
  /**
   * How a third party's news reaches the account's feed: as a report of its author (`report`), or,
   * in a Telegram channel where only the channel posts, as the channel's own post forwarded from
   * its source (`forwarded`).
   */
  news: 'report' | 'forwarded';
}

export interface PlatformDescriptor {
  id: Platform;
  rules: PlatformRules;
  audience: AudienceRates;
  feed: FeedPresentation;
}

const labels = (overrides: Partial<Record<Metric, MetricLabel>> = {}): Record<Metric, MetricLabel> => ({
  replies: 'replies',
  shares: 'reposts',
  likes: 'likes',
  views: 'views',
  ...overrides,
});

/**
 * The common case: newest first, anyone posts, answers threaded, picture optional, a thread as one
 * post, figures where known, @handles, news as its author's report.
 */
const feed = (presentation: Pick<FeedPresentation, 'skin' | 'metrics' | 'labels' | 'audienceNoun'> & Partial<FeedPresentation>): FeedPresentation => ({
  order: 'newest-first',
  posting: 'everyone',
  comments: 'threaded',
  media: 'optional',
  threads: 'one-post',
  counts: 'when-known',
  handles: 'at',
  news: 'report',
  ...presentation,
});

// Norms: see the README's notes on platform limits. Audience rates: rough public benchmarks of organic
// reach and engagement per platform; they shape a simulation, not a forecast.
const DESCRIPTORS: Readonly<Record<Platform, PlatformDescriptor>> = {
  x: {
    id: 'x',
    rules: { maxLength: 280, messageMaxLength: 10_000, counting: 'weighted', maxHashtags: 2, maxLinks: 1 },
    audience: { organicReach: 0.08, likeRate: 0.025, shareRatio: 0.3, tau: 12 },
    feed: feed({
      skin: 'x',
      metrics: ['replies', 'shares', 'likes', 'views'],
      labels: labels(),
      audienceNoun: 'followers',
      threads: 'linked-posts',
      counts: 'always',
    }),
  },
  bluesky: {
    id: 'bluesky',
    rules: { maxLength: 300, messageMaxLength: 1_000, counting: 'graphemes', maxHashtags: 3, maxLinks: 1 },
    audience: { organicReach: 0.1, likeRate: 0.04, shareRatio: 0.25, tau: 15 },
    // Bluesky, Mastodon and Threads all show a thread as posts chained one under another.
    feed: feed({
      skin: 'generic',
      metrics: ['replies', 'shares', 'likes', 'views'],
      labels: labels({ views: 'reach' }),
      audienceNoun: 'followers',
      threads: 'linked-posts',
    }),
  },
  mastodon: {
    id: 'mastodon',
    rules: { maxLength: 500, messageMaxLength: 500, counting: 'characters', maxHashtags: 5, maxLinks: 2 },
    audience: { organicReach: 0.12, likeRate: 0.04, shareRatio: 0.35, tau: 20 },
    feed: feed({
      skin: 'generic',
      metrics: ['replies', 'shares', 'likes', 'views'],
      labels: labels({ shares: 'boosts', likes: 'favourites', views: 'reach' }),
      audienceNoun: 'followers',
      threads: 'linked-posts',
    }),
  },
  threads: {
    id: 'threads',
    rules: { maxLength: 500, messageMaxLength: 1_000, counting: 'characters', maxHashtags: 1, maxLinks: 5 },
    audience: { organicReach: 0.07, likeRate: 0.035, shareRatio: 0.1, tau: 15 },
    feed: feed({ skin: 'generic', metrics: ['likes', 'replies', 'shares', 'views'], labels: labels(), audienceNoun: 'followers', threads: 'linked-posts' }),
  },
  facebook: {
    id: 'facebook',
    rules: { maxLength: 63_206, messageMaxLength: 2_000, counting: 'characters', maxHashtags: 3, maxLinks: 2, foldAt: 477, replyMaxLength: 800 },
    audience: { organicReach: 0.06, likeRate: 0.03, shareRatio: 0.15, tau: 35 },
    // Public reach is not shown on a Facebook page; its admin sees how many people a post reached.
    feed: feed({
      skin: 'facebook',
      metrics: ['likes', 'replies', 'shares', 'views'],
      labels: labels({ likes: 'reactions', replies: 'comments', shares: 'shares', views: 'reach' }),
      audienceNoun: 'followers',
      handles: 'none',
    }),
  },
  instagram: {
    id: 'instagram',
    rules: { maxLength: 2_200, messageMaxLength: 1_000, counting: 'characters', maxHashtags: 5, maxLinks: 1, foldAt: 125 },
    audience: { organicReach: 0.1, likeRate: 0.05, shareRatio: 0.06, tau: 30 },
    feed: feed({
      skin: 'instagram',
      metrics: ['likes', 'replies', 'shares', 'views'],
      labels: labels({ replies: 'comments', shares: 'shares', views: 'reach' }),
      audienceNoun: 'followers',
      media: 'image-first',
    }),
  },
  telegram: {
    id: 'telegram',
    rules: { maxLength: 4_096, messageMaxLength: 4_096, counting: 'utf16', maxHashtags: 3, maxLinks: 3, replyMaxLength: 800 },
    audience: { organicReach: 0.35, likeRate: 0.012, shareRatio: 0.5, tau: 20 },
    feed: feed({
      skin: 'telegram',
      metrics: ['likes', 'shares', 'replies', 'views'],
      labels: labels({ likes: 'reactions', shares: 'forwards', replies: 'comments' }),
      audienceNoun: 'subscribers',
      order: 'oldest-first',
      posting: 'channel',
      news: 'forwarded',
    }),
  },
  linkedin: {
    id: 'linkedin',
    rules: { maxLength: 3_000, messageMaxLength: 8_000, counting: 'characters', maxHashtags: 3, maxLinks: 2, foldAt: 210 },
    audience: { organicReach: 0.07, likeRate: 0.025, shareRatio: 0.08, tau: 45 },
    feed: feed({
      skin: 'generic',
      metrics: ['likes', 'replies', 'shares', 'views'],
      labels: labels({ likes: 'reactions', replies: 'comments', views: 'reach' }),
      audienceNoun: 'followers',
    }),
  },
  weibo: {
    id: 'weibo',
    rules: { maxLength: 2_000, messageMaxLength: 2_000, counting: 'characters', maxHashtags: 2, maxLinks: 1, foldAt: 140 },
    audience: { organicReach: 0.06, likeRate: 0.02, shareRatio: 0.4, tau: 15 },
    feed: feed({
      skin: 'weibo',
      metrics: ['shares', 'replies', 'likes', 'views'],
      labels: labels({ replies: 'comments', views: 'reach' }),
      audienceNoun: 'followers',
    }),
  },
  vk: {
    id: 'vk',
    rules: { maxLength: 15_895, messageMaxLength: 4_096, counting: 'characters', maxHashtags: 3, maxLinks: 2 },
    audience: { organicReach: 0.09, likeRate: 0.03, shareRatio: 0.2, tau: 25 },
    feed: feed({ skin: 'vk', metrics: ['likes', 'replies', 'shares', 'views'], labels: labels({ replies: 'comments' }), audienceNoun: 'subscribers' }),
  },
  youtube: {
    id: 'youtube',
    rules: { maxLength: 5_000, messageMaxLength: 5_000, counting: 'characters', maxHashtags: 3, maxLinks: 5 },
    audience: { organicReach: 0.05, likeRate: 0.035, shareRatio: 0.05, tau: 60 },
    feed: feed({ skin: 'generic', metrics: ['likes', 'replies', 'views'], labels: labels({ replies: 'comments' }), audienceNoun: 'subscribers' }),
  },
};

export function platformDescriptor(platform: Platform): PlatformDescriptor {
  return DESCRIPTORS[platform];
}

/** Every descriptor, in the order of PLATFORMS. */
export function platformDescriptors(): PlatformDescriptor[] {
  return PLATFORMS.map((platform) => DESCRIPTORS[platform]);
}
