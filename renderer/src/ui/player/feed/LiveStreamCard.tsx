// Runtime: renderer. A live stream in the feed, as the apps show one: the LIVE badge and how many
// watch, the embassy's words, a pinned comment on top, and the comment stream below, newest at the
// bottom. The stream follows the newest comment unless the reader has scrolled up to read, as the
// apps do; then a button brings them back down. Each comment can be hidden (it stays, greyed, for
// the trainee: "Hidden by you"), shown again, pinned, unpinned, or answered in the composer. Every
// control is a button with a name that says which comment it acts on.
import { Badge, Button, Group, Text } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedLiveComment, ModerationAction, ModerationState } from '../../../core/engine/live';
import { streamLength, viewersAt } from '../../../core/engine/live';
import type { FeedAudienceReply, FeedInject, FeedItem, FeedPublication } from '../../../core/engine/timeline';
import { AuthorAvatar, cx, RichText, SimTime } from './FeedItemCard';
import { fullCount } from './format';
import type { PeopleContext } from './people';
import { authorOf, itemText } from './people';
import classes from './LiveStreamCard.module.css';

/** What the desk knows of its live streams: their comments so far, the trainee's answers, and what was done. */
export interface LiveStreams {
  /** Every live comment that has arrived, oldest first. */
  comments: readonly FeedLiveComment[];
  /** The trainee's publications answering a stream or one of its comments. */
  replies: readonly FeedPublication[];
  /** The audience's replies to those answers: shown under the answer, as a comment's replies are elsewhere. */
  answers?: readonly FeedAudienceReply[] | undefined;
  moderation: Readonly<Record<string, ModerationState>>;
  /** Absent when nothing can be done (the attempt is over, or read only). */
  onModerate?: ((commentId: string, action: ModerationAction) => void) | undefined;
}

export interface LiveStreamCardProps {
  stream: FeedInject;
  live: LiveStreams;
  people: PeopleContext;
  now: number;
  onReply?: ((item: FeedItem) => void) | undefined;
  replyingTo?: string | null;
}

/** How close to the bottom, in pixels, still counts as following the stream. */
const FOLLOW_SLACK = 24;

export function LiveStreamCard({ stream, live, people, now, onReply, replyingTo = null }: LiveStreamCardProps) {
  const { t, i18n } = useTranslation('feed');
  const { inject } = stream;
  const ends = stream.at + streamLength(inject);
  const onAir = now >= stream.at && now < ends;
  const viewers = viewersAt(inject, Math.min(now, ends) - stream.at);
  const host = authorOf(stream, people);
  const comments = live.comments.filter((comment) => comment.streamId === stream.id);
  const ids = new Set([stream.id, ...comments.map((comment) => comment.id)]);
  const replies = live.replies.filter((reply) => reply.replyTo !== null && ids.has(reply.replyTo));
  // The stream as it reads: viewers' comments and the trainee's answers in the order they came.
  const entries: Array<FeedLiveComment | FeedPublication> = [...comments, ...replies].sort((a, b) => a.at - b.at);
  const own = new Set(replies.map((reply) => reply.id));
  const answers = (live.answers ?? []).filter((answer) => own.has(answer.replyTo));
  const pinned = comments.find((comment) => live.moderation[comment.id]?.pinned);
  const canModerate = onAir && live.onModerate !== undefined;

  const listRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  // Newest at the bottom: a new comment scrolls the stream down only for a reader who was there.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && following) list.scrollTop = list.scrollHeight;
  }, [entries.length, answers.length, following]);
  const onScroll = () => {
    const list = listRef.current;
    if (list) setFollowing(list.scrollHeight - list.scrollTop - list.clientHeight <= FOLLOW_SLACK);
  };

  const headingId = `live-${stream.id}-title`;
  return (
    <article className={classes.card} aria-labelledby={headingId} data-testid="live-stream" data-stream={stream.id} data-on-air={onAir || undefined}>
      <header className={classes.header}>
        <AuthorAvatar author={host} size={36} />
        <div className={classes.headerText}>
          <Group gap={6} wrap="nowrap">
            {onAir ? (
              <Badge color="red" variant="filled" size="sm" radius="sm" className={classes.badge} data-testid="live-badge">
                {t('live.badge')}
              </Badge>
            ) : (
              <Badge color="gray" variant="light" size="sm" radius="sm" data-testid="live-badge">
                {t('live.ended')}
              </Badge>
            )}
            <Text size="sm" fw={700} id={headingId} className={classes.host}>
              {host.name}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" data-testid="live-viewers">
            {t(onAir ? 'live.viewers' : 'live.viewersAtEnd', fullCount(viewers, i18n.language))} · <SimTime at={stream.at} />
          </Text>
        </div>
      </header>
      <RichText text={itemText(stream, people.playLanguage)} className={classes.text} />

      {pinned && !live.moderation[pinned.id]?.hidden && (
        <div className={classes.pinned} data-testid="live-pinned">
          <Text size="xs" fw={600} c="dimmed">
            {t('live.pinned')}
          </Text>
          <Text size="sm">
            <b>{authorOf(pinned, people).name}</b> {itemText(pinned, people.playLanguage)}
          </Text>
        </div>
      )}

      <div className={classes.streamWrap}>
        <div
          ref={listRef}
          className={classes.stream}
          onScroll={onScroll}
          role="log"
          aria-label={t('live.comments', { host: host.name })}
          // Polite: a screen reader hears new comments without losing its place; the region can be read with the keyboard.
          aria-live={following ? 'polite' : 'off'}
          tabIndex={0}
          data-testid="live-comments"
        >
          {entries.length === 0 && (
            <Text size="xs" c="dimmed" className={classes.none}>
              {t('live.noComments')}
            </Text>
          )}
          {entries.map((entry) =>
            entry.source === 'live-comment' ? (
              <CommentRow
                key={entry.id}
                comment={entry}
                state={live.moderation[entry.id]}
                people={people}
                canModerate={canModerate}
                onModerate={live.onModerate}
                onReply={onAir ? onReply : undefined}
                replying={replyingTo === entry.id}
              />
            ) : (
              <div key={entry.id} data-testid="live-own-thread">
                <div className={cx(classes.comment, classes.own)} data-testid="live-own-reply">
                  <Text size="sm">
                    <b>{authorOf(entry, people).name}</b> {entry.text}
                  </Text>
                  <SimTime at={entry.at} className={classes.time} />
                </div>
                {answers
                  .filter((answer) => answer.replyTo === entry.id)
                  .map((answer) => (
                    <div key={answer.id} className={cx(classes.comment, classes.answer)} data-testid="live-answer">
                      <Text size="sm" className={classes.commentText}>
                        <b>{authorOf(answer, people).name}</b> {itemText(answer, people.playLanguage)}
                      </Text>
                      <SimTime at={answer.at} className={classes.time} />
                    </div>
                  ))}
              </div>
            ),
          )}
        </div>
        {!following && (
          <Button
            size="compact-xs"
            radius="xl"
            className={classes.toNewest}
            onClick={() => {
              const list = listRef.current;
              if (list) list.scrollTop = list.scrollHeight;
              setFollowing(true);
            }}
            data-testid="live-to-newest"
          >
            {t('live.toNewest')}
          </Button>
        )}
      </div>
      {onAir && onReply && (
        <Button size="compact-xs" variant="subtle" onClick={() => onReply(stream)} className={classes.replyStream} data-testid="live-reply-stream">
          {t('live.replyToStream')}
        </Button>
      )}
    </article>
  );
}

function CommentRow({
  comment,
  state,
  people,
  canModerate,
  onModerate,
  onReply,
  replying,
}: {
  comment: FeedLiveComment;
  state: ModerationState | undefined;
  people: PeopleContext;
  canModerate: boolean;
  onModerate: LiveStreams['onModerate'];
  onReply: ((item: FeedItem) => void) | undefined;
  replying: boolean;
}) {
  const { t } = useTranslation('feed');
  const author = authorOf(comment, people).name;
  const hidden = state?.hidden ?? false;
  const pinned = state?.pinned ?? false;
  const act = (action: ModerationAction) => () => onModerate?.(comment.id, action);
  return (
    <div
      className={cx(classes.comment, hidden && classes.hidden, replying && classes.replying)}
      data-testid="live-comment"
      data-comment={comment.id}
      data-hidden={hidden || undefined}
      data-pinned={pinned || undefined}
    >
      <Text size="sm" className={classes.commentText}>
        <b>{author}</b> {hidden ? <span className={classes.hiddenNote}>{t('live.hiddenByYou')}</span> : null}{' '}
        <span className={hidden ? classes.hiddenText : undefined}>{itemText(comment, people.playLanguage)}</span>
      </Text>
      <div className={classes.meta}>
        <SimTime at={comment.at} className={classes.time} />
        {canModerate && (
          <Group gap={2} wrap="nowrap" className={classes.actions}>
            <Button
              size="compact-xs"
              variant="subtle"
              color={hidden ? 'blue' : 'red'}
              onClick={act(hidden ? 'unhide' : 'hide')}
              aria-label={t(hidden ? 'live.unhideLabel' : 'live.hideLabel', { author })}
            >
              {t(hidden ? 'live.unhide' : 'live.hide')}
            </Button>
            {!hidden && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={act(pinned ? 'unpin' : 'pin')}
                aria-label={t(pinned ? 'live.unpinLabel' : 'live.pinLabel', { author })}
              >
                {t(pinned ? 'live.unpin' : 'live.pin')}
              </Button>
            )}
            {onReply && !hidden && (
              <Button size="compact-xs" variant="subtle" onClick={() => onReply(comment)} aria-label={t('live.replyLabel', { author })} aria-pressed={replying}>
                {t('live.reply')}
              </Button>
            )}
          </Group>
        )}
      </div>
    </div>
  );
}
