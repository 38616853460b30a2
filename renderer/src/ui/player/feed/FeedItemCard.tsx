// Runtime: renderer. One item of a trainee account's feed in the platform's skin: an inject from a
// persona (a post, a reply, news, a trend), one of the trainee's publications with its live counts
// and grade, or a reply from the audience. A pure view of its props. The mood a reply was drawn for
// stays in the data (the debrief counts it) and is never shown: people do not label their moods.
import { ActionIcon, Avatar, Badge, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactionPlan } from '../../../core/engine/audience';
import { summarizeAt } from '../../../core/engine/audience';
import type { FeedItem } from '../../../core/engine/timeline';
import { foldStart, threadParts } from '../../../core/grading/platform-fit';
import { localized } from '../../../library/library';
import { CheckIcon } from '../../icons';
import { formatSimTime } from '../../sim-time';
import base from './FeedView.module.css';
import { compactCount, compactNumber, fullCount, simDuration } from './format';
import {
  ChartIcon,
  EyeIcon,
  FailIcon,
  ForwardIcon,
  HeartIcon,
  ImageIcon,
  NewsIcon,
  ReplyArrowIcon,
  ReplyIcon,
  RepostIcon,
  ShareIcon,
  ThumbIcon,
  TrendIcon,
  VerifiedIcon,
} from './icons';
import type { MediaSource } from './media';
import type { Author, PeopleContext } from './people';
import { accountAuthor, authorOf, initialsOf, itemText, replyTargetOf } from './people';
import type { Counts, Metric, PlatformSkin } from './skin';
import { avatarColor, visibleMetrics } from './skin';

/** Joins class names, skipping the ones a skin does not define. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

export type SkinClasses = Readonly<Record<string, string>>;

export interface FeedItemCardProps {
  item: FeedItem;
  skin: PlatformSkin;
  skinClasses: SkinClasses;
  people: PeopleContext;
  reactions: Record<string, ReactionPlan>;
  now: number;
  onReply?: ((item: FeedItem) => void) | undefined;
  replying: boolean;
  /** Where the platform folds a long post behind "See more", if it does. */
  foldAt?: number | undefined;
  /** Shown under the post it answers, in a thread: drawn as a comment. */
  nested?: boolean;
  /** Whether to say whom it answers (a comment under the post it answers needs no such line on most platforms). */
  showTarget?: boolean;
  /** Telegram: a message in the channel's discussion, with no channel post to sit under. */
  discussion?: boolean;
}

type LabelKey =
  | 'post'
  | 'reply'
  | 'news'
  | 'trend'
  | 'live'
  | 'audience'
  | 'ownPost'
  | 'ownReply'
  | 'ownThread'
  | 'directMessage'
  | 'hqRequest'
  | 'ownMessage'
  | 'ownNotification'
  | 'ownReport';

export function labelKeyOf(item: FeedItem): LabelKey {
  if (item.source === 'clearance') return 'hqRequest';
  if (item.source === 'audience' || item.source === 'live-comment') return 'audience';
  if (item.source === 'inject') {
    const { type } = item.inject;
    return type === 'direct-message' ? 'directMessage' : type === 'hq-request' ? 'hqRequest' : type;
  }
  switch (item.kind) {
    case 'reply':
      return 'ownReply';
    case 'thread':
      return 'ownThread';
    case 'direct-message':
      return 'ownMessage';
    case 'mass-notification':
      return 'ownNotification';
    case 'report':
      return 'ownReport';
    default:
      return 'ownPost';
  }
}

const NO_COUNTS: Counts = { replies: 0, shares: 0, likes: 0, views: null };

/**
 * The figures an item shows now: an inject's fixed engagement, a publication's growing totals. Where
 * the platform prints figures under everything (`always`: X), what has none shows zeros, never
 * invented numbers; a trend is no post and has none.
 */
export function countsOf(item: FeedItem, reactions: Record<string, ReactionPlan>, now: number, always = false): Counts | null {
  if (item.source === 'inject') {
    if (item.inject.type === 'trend') return null;
    const engagement = item.inject.engagement;
    if (engagement) return { replies: engagement.replies, shares: engagement.shares, likes: engagement.likes, views: null };
    return always ? NO_COUNTS : null;
  }
  if (item.source === 'audience') return always ? NO_COUNTS : null;
  const plan = reactions[item.id];
  const totals = plan ? summarizeAt(plan, now) : { likes: 0, shares: 0, replies: 0, reach: 0 };
  return { replies: totals.replies, shares: totals.shares, likes: totals.likes, views: totals.reach };
}

/** The average of the three axis scores, to whole points: a badge in the feed has no room for the debrief's decimal. */
export function averageScore(item: Extract<FeedItem, { source: 'trainee' }>): number {
  const { tone, policy, platform } = item.grade.axes;
  return Math.round((tone.score + policy.score + platform.score) / 3);
}

// Links, hashtags and mentions stand out as on any platform; a URL's closing punctuation stays text.
const TOKEN = /(https?:\/\/\S*[^\s.,;:!?)»"'’]|[#@][\p{L}\p{N}_]+)/u;

export function RichText({ text, className }: { text: string; className?: string | undefined }) {
  const parts = text.split(new RegExp(TOKEN.source, 'gu'));
  return (
    <p className={cx(base.text, className)}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className={base.token}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}

/**
 * A long post as the platform's feed first shows it: cut where the grader says the fold is, with
 * "See more" to read the rest. The trainee sees what their readers see without a click.
 */
export function FoldedText({ text, foldAt }: { text: string; foldAt: number | undefined }) {
  const { t } = useTranslation('feed');
  const [unfolded, setUnfolded] = useState(false);
  const fold = foldAt === undefined ? null : foldStart(text, foldAt);
  if (fold === null || unfolded) return <RichText text={text} />;
  return (
    <div data-testid="feed-folded">
      <RichText text={`${text.slice(0, fold).trimEnd()}…`} />
      <UnstyledButton className={base.seeMore} onClick={() => setUnfolded(true)} aria-expanded={false} data-testid="feed-see-more">
        {t('action.seeMore')}
      </UnstyledButton>
    </div>
  );
}

/** A picture, sound or clip an inject carries, with its description; the description alone when it cannot be shown. */
export function InjectMedia({ source, alt }: { source: MediaSource | null; alt: string }) {
  const { t } = useTranslation('feed');
  if (source?.kind === 'image') return <img className={base.mediaImage} src={source.url} alt={alt} loading="lazy" data-testid="feed-media" />;
  if (source?.kind === 'video')
    return <video className={base.mediaImage} src={source.url} controls preload="metadata" aria-label={alt} data-testid="feed-media" />;
  if (source?.kind === 'audio')
    return <audio className={base.mediaAudio} src={source.url} controls preload="metadata" aria-label={alt} data-testid="feed-media" />;
  return (
    <p className={base.media}>
      <ImageIcon size={18} />
      {t('media', { alt })}
    </p>
  );
}

export function AuthorAvatar({ author, size, className }: { author: Author; size: number; className?: string | undefined }) {
  return (
    <Avatar
      className={cx(base.avatar, className)}
      size={size}
      color={avatarColor(author.id)}
      variant="filled"
      src={author.avatar ?? null}
      alt=""
      aria-hidden="true"
    >
      {initialsOf(author.name)}
    </Avatar>
  );
}

export function SimTime({ at, className }: { at: number; className?: string | undefined }) {
  const { t } = useTranslation('feed');
  return (
    <time className={cx(base.time, className)} dateTime={simDuration(at)}>
      {t('time', { time: formatSimTime(at) })}
    </time>
  );
}

export function VerifiedMark() {
  const { t } = useTranslation('feed');
  return (
    <span className={base.verified} data-testid="feed-verified">
      <VerifiedIcon size={16} />
      <VisuallyHidden>{t('verified')}</VisuallyHidden>
    </span>
  );
}

export function GradeBadge({ item }: { item: Extract<FeedItem, { source: 'trainee' }> }) {
  const { t } = useTranslation('feed');
  const score = averageScore(item);
  const passed = item.grade.passed;
  return (
    <span className={base.grade} title={t('grade.title', { score })} data-testid="feed-grade" data-passed={passed}>
      {passed ? <CheckIcon size={12} /> : <FailIcon size={12} />}
      {passed ? t('grade.passed', { score }) : t('grade.failed', { score })}
    </span>
  );
}

const METRIC_ICONS: Record<Metric, (skin: PlatformSkin) => ReactNode> = {
  replies: () => <ReplyIcon size={16} />,
  shares: (skin) => (skin.skin === 'telegram' ? <ForwardIcon size={16} /> : skin.skin === 'facebook' ? <ShareIcon size={16} /> : <RepostIcon size={16} />),
  likes: (skin) => (skin.skin === 'facebook' || skin.skin === 'weibo' ? <ThumbIcon size={16} /> : <HeartIcon size={16} />),
  views: (skin) => (skin.skin === 'x' ? <ChartIcon size={16} /> : <EyeIcon size={16} />),
};

/** A figure: what is printed (compact) is hidden from screen readers, which hear it in full with its name. */
function Count({ skin, metric, value, visibleLabel }: { skin: PlatformSkin; metric: Metric; value: number; visibleLabel?: string }) {
  const { t, i18n } = useTranslation('feed');
  const label = skin.labels[metric];
  return (
    <span className={base.count} data-testid="feed-count" data-metric={metric} data-value={value}>
      {METRIC_ICONS[metric](skin)}
      <span aria-hidden="true">
        {visibleLabel ? `${visibleLabel} ` : ''}
        {/* X prints nothing beside an icon at zero. */}
        {value === 0 && skin.counts === 'always' ? '' : compactNumber(value, i18n.language)}
      </span>
      <VisuallyHidden>{t(`metric.${label}`, fullCount(value, i18n.language))}</VisuallyHidden>
    </span>
  );
}

function ReplyButton({
  item,
  author,
  style,
  onReply,
}: {
  item: FeedItem;
  author: Author;
  style: 'icon' | 'comment' | 'reply';
  onReply: (item: FeedItem) => void;
}) {
  const { t } = useTranslation('feed');
  if (style === 'icon') {
    return (
      <ActionIcon
        variant="subtle"
        color="gray"
        className={base.replyButton}
        aria-label={t('action.replyTo', { author: author.name })}
        data-testid="feed-reply"
        onClick={() => onReply(item)}
      >
        <ReplyArrowIcon size={18} />
      </ActionIcon>
    );
  }
  const text = style === 'comment' ? t('action.comment') : t('action.reply');
  const label = style === 'comment' ? t('action.commentOn', { author: author.name }) : t('action.replyTo', { author: author.name });
  return (
    <UnstyledButton className={cx(base.action, base.textButton)} aria-label={label} data-testid="feed-reply" onClick={() => onReply(item)}>
      {style === 'comment' && <ReplyIcon size={16} />}
      {text}
    </UnstyledButton>
  );
}

interface EngagementProps {
  item: FeedItem;
  skin: PlatformSkin;
  counts: Counts | null;
  author: Author;
  onReply?: ((item: FeedItem) => void) | undefined;
  replyable: boolean;
  /** Drawn as a comment under a post or in a discussion. */
  comment: boolean;
}

/** The figures and the reply action, laid out as the platform lays them out. */
function Engagement({ item, skin, counts, author, onReply, replyable, comment }: EngagementProps) {
  const { t, i18n } = useTranslation('feed');
  const metrics = counts ? visibleMetrics(skin, counts) : [];
  const canReply = replyable && onReply !== undefined;

  // A comment (under a post, or in a channel's discussion) is no post: no forwards, views or
  // comment counts of its own, only its likes where it has them and "Reply". On X and the
  // microblogs a reply is a post like any other and keeps its figures; X prints them under
  // everyone's replies, the audience's too.
  if ((item.source === 'audience' && skin.counts !== 'always') || (comment && skin.threads !== 'linked-posts')) {
    const likes = metrics.find((metric) => metric.metric === 'likes');
    if (skin.skin === 'telegram') {
      return (
        <div className={base.bubbleFoot}>
          {likes && likes.value > 0 && (
            <span className={base.chip}>
              <Count skin={skin} metric="likes" value={likes.value} />
            </span>
          )}
          {canReply && <ReplyButton item={item} author={author} style="reply" onReply={onReply} />}
          <span className={base.bubbleStats}>
            <SimTime at={item.at} />
          </span>
        </div>
      );
    }
    if (skin.skin === 'facebook') {
      // As Facebook words a comment's foot: "Like · Reply · the time", its reactions after them.
      return (
        <div className={cx(base.footer, base.commentFoot)} data-testid="feed-comment-foot">
          <span className={base.commentLike} aria-hidden="true">
            {t('action.like')}
          </span>
          {canReply && <ReplyButton item={item} author={author} style="reply" onReply={onReply} />}
          <SimTime at={item.at} />
          {likes && likes.value > 0 && <Count skin={skin} metric="likes" value={likes.value} />}
        </div>
      );
    }
    return likes || canReply ? (
      <div className={base.footer}>
        {likes && <Count skin={skin} metric="likes" value={likes.value} />}
        {canReply && <ReplyButton item={item} author={author} style="reply" onReply={onReply} />}
      </div>
    ) : null;
  }

  // News and trends are reports, not conversations: no figures, no Like, Comment or Share. The
  // trainee may still answer a news report (the desk's own action, not a social button). On X a news
  // outlet's post is a post like any other, with its figures.
  if (item.source === 'inject' && (item.inject.type === 'trend' || (item.inject.type === 'news' && skin.counts !== 'always'))) {
    return canReply ? (
      <div className={base.footer}>
        <ReplyButton item={item} author={author} style="reply" onReply={onReply} />
      </div>
    ) : null;
  }

  switch (skin.skin) {
    case 'facebook': {
      const likes = metrics.find((metric) => metric.metric === 'likes');
      const rest = metrics.filter((metric) => metric.metric !== 'likes');
      return (
        <>
          {counts && (
            <div className={base.summary}>
              <span className={base.summaryPart}>{likes && <Count skin={skin} metric="likes" value={likes.value} />}</span>
              <span className={base.summaryPart}>
                {rest.map((metric, index) => (
                  <Fragment key={metric.metric}>
                    {index > 0 && (
                      <span className={base.separator} aria-hidden="true">
                        ·
                      </span>
                    )}
                    <span className={base.count} data-testid="feed-count" data-metric={metric.metric} data-value={metric.value}>
                      {t(`metric.${metric.label}`, compactCount(metric.value, i18n.language))}
                    </span>
                  </Fragment>
                ))}
              </span>
            </div>
          )}
          <div className={base.actions}>
            <span className={base.action} aria-hidden="true">
              <ThumbIcon size={16} />
              {t('action.like')}
            </span>
            {canReply ? (
              <ReplyButton item={item} author={author} style="comment" onReply={onReply} />
            ) : (
              <span className={base.action} aria-hidden="true">
                <ReplyIcon size={16} />
                {t('action.comment')}
              </span>
            )}
            <span className={base.action} aria-hidden="true">
              <ShareIcon size={16} />
              {t('action.share')}
            </span>
          </div>
        </>
      );
    }
    case 'telegram': {
      const value = (metric: Metric) => metrics.find((candidate) => candidate.metric === metric)?.value;
      const likes = value('likes');
      const shares = value('shares');
      const views = value('views');
      const replies = value('replies');
      return (
        <>
          <div className={base.bubbleFoot}>
            {likes !== undefined && likes > 0 && (
              <span className={base.chip}>
                <Count skin={skin} metric="likes" value={likes} />
              </span>
            )}
            <span className={base.bubbleStats}>
              {shares !== undefined && <Count skin={skin} metric="shares" value={shares} />}
              {views !== undefined && <Count skin={skin} metric="views" value={views} />}
              <SimTime at={item.at} />
            </span>
          </div>
          {(replies !== undefined || canReply) && (
            <div className={base.commentsBar}>
              {replies !== undefined ? <Count skin={skin} metric="replies" value={replies} /> : <span />}
              {canReply && <ReplyButton item={item} author={author} style="comment" onReply={onReply} />}
            </div>
          )}
        </>
      );
    }
    case 'weibo': {
      const value = (metric: Metric) => metrics.find((candidate) => candidate.metric === metric)?.value ?? 0;
      const views = metrics.find((candidate) => candidate.metric === 'views');
      return (
        <>
          {views && (
            <div className={base.rowReach} data-testid="feed-count" data-metric="views" data-value={views.value}>
              {t(`metric.${views.label}`, compactCount(views.value, i18n.language))}
            </div>
          )}
          <div className={base.row}>
            <span className={base.rowCell}>
              <Count skin={skin} metric="shares" value={value('shares')} visibleLabel={t('row.reposts')} />
            </span>
            {canReply ? (
              <ReplyButton item={item} author={author} style="comment" onReply={onReply} />
            ) : (
              <span className={base.rowCell}>
                <Count skin={skin} metric="replies" value={value('replies')} visibleLabel={t('row.comments')} />
              </span>
            )}
            <span className={base.rowCell}>
              <Count skin={skin} metric="likes" value={value('likes')} visibleLabel={t('row.likes')} />
            </span>
          </div>
        </>
      );
    }
    default:
      if (!metrics.length && !canReply) return null;
      return (
        <div className={base.footer}>
          {metrics.map((metric) => (
            <Count key={metric.metric} skin={skin} metric={metric.metric} value={metric.value} />
          ))}
          {canReply && <ReplyButton item={item} author={author} style="icon" onReply={onReply} />}
        </div>
      );
  }
}

/** A part the author numbered already ("1/4 …", "… 2/4"): the feed does not number it again. */
const NUMBERED = /^\s*\d+\s*\/\s*\d*|\d+\s*\/\s*\d+\s*$/u;

/** A picture for an image-first platform's post that came without one: a neutral drawing, described as what it is. */
export function PicturePlaceholder({ seed }: { seed: string }) {
  const { t } = useTranslation('feed');
  return (
    <div
      className={base.placeholder}
      role="img"
      aria-label={t('placeholder')}
      data-testid="feed-placeholder"
      style={{ '--placeholder-hue': `var(--mantine-color-${avatarColor(seed).split('.')[0]}-5)` } as CSSProperties}
    >
      <ImageIcon size={40} />
    </div>
  );
}

/** The pictures an inject carries, or on an image-first platform a placeholder where it has none. */
function Pictures({ item, people, imageFirst }: { item: FeedItem; people: PeopleContext; imageFirst: boolean }) {
  const media = item.source === 'inject' ? (item.inject.media ?? []) : [];
  if (media.length === 0) return imageFirst ? <PicturePlaceholder seed={item.id} /> : null;
  return (
    <>
      {media.map((entry) => (
        <InjectMedia key={entry.file} source={people.media?.(entry.file) ?? null} alt={localized(entry.alt, people.playLanguage)} />
      ))}
    </>
  );
}

/** Name, badges, handle (where the platform shows handles) and, unless the skin puts it at the foot, the time. */
function Meta({
  author,
  at,
  timeInFoot,
  nameClass,
  handles = true,
}: {
  author: Author;
  at: number;
  timeInFoot: boolean;
  nameClass?: string | undefined;
  handles?: boolean;
}) {
  const { t } = useTranslation('feed');
  return (
    <div className={base.meta}>
      <span className={cx(base.name, nameClass)} data-testid="feed-author">
        {author.name}
      </span>
      {author.verified && <VerifiedMark />}
      {author.own && (
        <Badge size="xs" variant="outline" data-testid="feed-own">
          {t('you')}
        </Badge>
      )}
      {handles && author.handle && <span className={base.handle}>{author.handle}</span>}
      {!timeInFoot && <SimTime at={at} />}
    </div>
  );
}

export function FeedItemCard({
  item,
  skin,
  skinClasses: sk,
  people,
  reactions,
  now,
  onReply,
  replying,
  foldAt,
  nested = false,
  showTarget = true,
  discussion = false,
}: FeedItemCardProps) {
  const { t } = useTranslation('feed');
  const author = authorOf(item, people);
  const target = showTarget ? replyTargetOf(item, people) : null;
  const time = t('time', { time: formatSimTime(item.at) });
  const labelKey = labelKeyOf(item);
  const text = itemText(item, people.playLanguage);
  const injectType = item.source === 'inject' ? item.inject.type : null;
  // In a Telegram channel only the channel posts: a third party's news reaches it forwarded by the
  // channel, a post of its own with the source named above the text, nothing to reply to.
  const forwarded = injectType === 'news' && skin.news === 'forwarded';
  const replyable = item.source === 'audience' || (item.source === 'inject' && injectType !== 'trend' && !forwarded);
  const counts = countsOf(item, reactions, now, skin.counts === 'always');
  // Drawn as a comment: an answer under its post, anything from the audience, a message in a channel's discussion.
  const comment = nested || item.source === 'audience' || discussion;
  // Telegram puts the time at the foot of a bubble, Facebook at the foot of a comment, after "Like · Reply".
  const timeInFoot = skin.skin === 'telegram' || (skin.skin === 'facebook' && comment);
  const handles = skin.handles !== 'none';
  const parts = item.source === 'trainee' && item.kind === 'thread' ? threadParts(text) : null;
  // Instagram is pictures for everyone, a news outlet too; a trend is the platform's own card, no post.
  const imageFirst = skin.media === 'image-first' && !comment && injectType !== 'trend';

  const engagement = <Engagement item={item} skin={skin} counts={counts} author={author} onReply={onReply} replyable={replyable} comment={comment} />;
  const badges = (item.source === 'trainee' || replying) && (
    <div className={base.badges}>
      {item.source === 'trainee' && <GradeBadge item={item} />}
      {replying && (
        <Badge size="sm" variant="filled" data-testid="feed-replying-now">
          {t('replyingNow')}
        </Badge>
      )}
    </div>
  );
  const articleProps = {
    className: cx(base.item, sk.item, comment && base.comment, comment && sk.comment, imageFirst && base.imageFirst),
    'aria-label': t(`item.${labelKey}`, { author: author.name, time }),
    'data-testid': 'feed-item',
    'data-item-id': item.id,
    'data-source': item.source,
    'data-kind': item.source === 'inject' ? item.inject.type : item.source === 'trainee' ? item.kind : 'comment',
    // What the reply was drawn for: kept for the record, never shown.
    'data-mood': item.source === 'audience' ? item.mood : undefined,
    'data-replying': replying || undefined,
  };

  // X and its kind: a thread is separate posts, one under another, joined by a line between the avatars.
  if (parts && parts.length > 1 && skin.threads === 'linked-posts') {
    return (
      <article {...articleProps} className={cx(articleProps.className, base.linkedThread)}>
        <ol className={base.linked} aria-label={t('thread.label', { count: parts.length })} data-testid="feed-thread">
          {parts.map((part, index) => (
            <li key={part.start} className={base.linkedPart}>
              <article
                className={base.linkedPost}
                aria-label={t('thread.partLabel', { index: index + 1, total: parts.length })}
                data-testid="feed-thread-part"
                data-part={index + 1}
              >
                <AuthorAvatar author={author} size={40} className={sk.avatar} />
                <div className={cx(base.main, sk.main)}>
                  <Meta author={author} at={item.at} timeInFoot={timeInFoot} nameClass={sk.name} handles={handles} />
                  <RichText text={part.text.trim()} />
                  {!NUMBERED.test(part.text) && <span className={base.partNumber}>{t('thread.part', { index: index + 1, total: parts.length })}</span>}
                  {index === 0 && badges}
                  {index === 0 && engagement}
                </div>
              </article>
            </li>
          ))}
        </ol>
      </article>
    );
  }

  let body: ReactNode;
  if (injectType === 'news') {
    body = (
      <div className={base.newsCard}>
        <div className={base.newsBand} />
        <div className={base.newsBody}>
          <span className={base.kicker}>
            <NewsIcon size={14} />
            {t('kind.news')}
          </span>
          <RichText text={text} />
        </div>
      </div>
    );
  } else if (injectType === 'trend') {
    body = <RichText text={text} />;
  } else if (parts && parts.length > 1) {
    body = (
      <ol className={base.thread} aria-label={t('thread.label', { count: parts.length })} data-testid="feed-thread">
        {parts.map((part, index) => (
          <li key={part.start} className={base.threadPart}>
            <span className={base.threadNumber} aria-hidden="true">
              {t('thread.part', { index: index + 1, total: parts.length })}
            </span>
            <RichText text={part.text.trim()} />
          </li>
        ))}
      </ol>
    );
  } else if (comment) {
    body = <RichText text={text} />;
  } else {
    body = <FoldedText text={text} foldAt={foldAt} />;
  }

  const replyingTo = target && (
    <p className={base.replyingTo} data-testid="feed-replying-to">
      {target.handle && handles ? t('replyingTo', { handle: target.handle }) : t('replyingToName', { name: target.name })}
    </p>
  );

  // Instagram and its kind: the author, the picture edge to edge, the figures, then the caption.
  if (imageFirst) {
    return (
      <article {...articleProps}>
        <div className={base.imageHead}>
          <AuthorAvatar author={author} size={32} className={sk.avatar} />
          <Meta author={author} at={item.at} timeInFoot={false} nameClass={sk.name} handles={handles} />
        </div>
        <Pictures item={item} people={people} imageFirst />
        <div className={base.imageBody}>
          {engagement}
          {replyingTo}
          {injectType === 'news' && (
            <span className={base.kicker}>
              <NewsIcon size={14} />
              {t('kind.news')}
            </span>
          )}
          <FoldedText text={text} foldAt={foldAt} />
          {badges}
        </div>
      </article>
    );
  }

  if (forwarded && item.source === 'inject') {
    const account = people.scenario.accounts.find((candidate) => candidate.id === item.inject.account);
    // The channel's name, without "You": the scenario forwarded it, not the trainee.
    const channel = account ? { ...accountAuthor(account, people.playLanguage), own: false } : author;
    return (
      <article {...articleProps} data-forwarded="true">
        <AuthorAvatar author={channel} size={40} className={sk.avatar} />
        <div className={cx(base.main, sk.main)}>
          <Meta author={channel} at={item.at} timeInFoot={timeInFoot} nameClass={sk.name} handles={handles} />
          <p className={base.forwarded} data-testid="feed-forwarded">
            {t('forwardedFrom', { name: author.name })}
          </p>
          <FoldedText text={text} foldAt={foldAt} />
          <Pictures item={item} people={people} imageFirst={false} />
          {timeInFoot && (
            <div className={base.bubbleFoot}>
              <span className={base.bubbleStats}>
                <SimTime at={item.at} />
              </span>
            </div>
          )}
        </div>
      </article>
    );
  }

  // A trend is the platform's own card, written by nobody: what is trending, how many posts, when.
  if (injectType === 'trend') {
    return (
      <article {...articleProps} className={cx(articleProps.className, base.trendCard)}>
        <span className={base.trendIcon} aria-hidden="true">
          <TrendIcon size={22} />
        </span>
        <div className={cx(base.main, sk.main)}>
          <div className={base.meta}>
            <span className={base.kicker}>{t('kind.trend')}</span>
            <SimTime at={item.at} />
          </div>
          <div className={base.trendBox}>{body}</div>
        </div>
      </article>
    );
  }

  return (
    <article {...articleProps}>
      <AuthorAvatar author={author} size={comment ? 32 : 40} className={sk.avatar} />
      <div className={cx(base.main, sk.main)}>
        <Meta author={author} at={item.at} timeInFoot={timeInFoot} nameClass={sk.name} handles={handles} />
        {discussion && <p className={base.replyingTo}>{t('discussion')}</p>}
        {replyingTo}
        {body}
        <Pictures item={item} people={people} imageFirst={false} />
        {badges}
        {engagement}
      </div>
    </article>
  );
}
