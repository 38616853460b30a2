// Runtime: renderer. The feed of one trainee account in the platform's skin, with the account's
// header above it: each post a row with the answers under it, newest first (a Telegram channel
// oldest first, the newest at the bottom, as the app reads). The list is virtualised (thousands of
// rows stay smooth) and grows at its newest end without moving what the reader is looking at: read
// newest first, what arrived stays out of the list until the reader asks for it with the pill, in a
// strip of its own.
import { Button, UnstyledButton } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VirtuosoHandle } from 'react-virtuoso';
import { Virtuoso } from 'react-virtuoso';
import type { ReactionPlan } from '../../../core/engine/audience';
import type { FeedItem } from '../../../core/engine/timeline';
import type { Account, Persona, Scenario } from '../../../core/pack/schema';
import { AuthorAvatar, cx, FeedItemCard } from './FeedItemCard';
import type { LiveStreams } from './LiveStreamCard';
import { LiveStreamCard } from './LiveStreamCard';
import type { SkinClasses } from './FeedItemCard';
import base from './FeedView.module.css';
import { compactCount } from './format';
import { ArrowDownIcon, ArrowUpIcon } from './icons';
import type { PeopleContext } from './people';
import { accountAuthor, usePeopleContext } from './people';
import type { MediaResolver } from './media';
import type { PlatformSkin, SkinId } from './skin';
import { accountHandle, platformSkin } from './skin';
import type { FeedThread } from './select';
import { feedThreads, foldReplies, parentOf } from './select';
import facebook from './skins/facebook.module.css';
import generic from './skins/generic.module.css';
import instagram from './skins/instagram.module.css';
import telegram from './skins/telegram.module.css';
import vk from './skins/vk.module.css';
import weibo from './skins/weibo.module.css';
import x from './skins/x.module.css';
import { usePlatformName } from '../../platform-name';
import { ReachProgress } from '../ReachProgress';

const SKIN_CLASSES: Record<SkinId, SkinClasses> = { x, facebook, vk, telegram, weibo, instagram, generic };

export interface FeedViewProps {
  /** The account's items, oldest first, as `feedItemsFor` gives them: new ones only ever at the end. */
  items: FeedItem[];
  account: Account;
  scenario: Scenario;
  personas: Map<string, Persona>;
  reactions: Record<string, ReactionPlan>;
  /** The simulated minute: the trainee's publications show their totals as of now. */
  now: number;
  playLanguage: string;
  onReply?: ((item: FeedItem) => void) | undefined;
  /** The id of the item the composer is answering: it is highlighted. */
  replyingTo?: string | null;
  /** Where the platform folds a long post behind "See more" (the grader's fold), if it does. */
  foldAt?: number | undefined;
  /** The pack's pictures and clips, shown in posts and as avatars. */
  media?: MediaResolver | undefined;
  /** The live streams' comments and moderation: a live inject is drawn as its stream's card. */
  live?: LiveStreams | undefined;
  height?: number | string;
}

export function FeedView({
  items,
  account,
  scenario,
  personas,
  reactions,
  now,
  playLanguage,
  onReply,
  replyingTo = null,
  foldAt,
  media,
  live,
  height = 600,
}: FeedViewProps) {
  const { t, i18n } = useTranslation('feed');
  const platformName = usePlatformName();
  const skin = platformSkin(account.platform);
  const sk = SKIN_CLASSES[skin.skin];
  const owner = accountAuthor(account, playLanguage);
  const platform = platformName(account.platform);

  return (
    <div
      className={cx(base.feed, sk.feed)}
      style={{ height }}
      data-testid="feed"
      data-skin={skin.skin}
      data-platform={account.platform}
      data-account={account.id}
    >
      <header className={cx(base.header, sk.header)} data-testid="feed-header">
        <AuthorAvatar author={owner} size={36} className={sk.avatar} />
        <div className={base.headerText}>
          <h2 className={base.headerTitle}>{owner.name}</h2>
          <p className={base.headerMeta}>{t('header.where', { platform, handle: accountHandle(skin, account.handle) })}</p>
          <ReachProgress scenario={scenario} accountId={account.id} items={items} reactions={reactions} now={now} />
        </div>
        <span className={base.headerFollowers} data-testid="feed-followers">
          {t(`header.${skin.audienceNoun}`, compactCount(account.audience.followers, i18n.language))}
        </span>
      </header>
      {items.length === 0 ? (
        <div className={base.empty} data-testid="feed-empty">
          <h3 className={base.emptyTitle}>{t('empty.title')}</h3>
          <p className={base.emptyBody}>{t('empty.body')}</p>
        </div>
      ) : (
        // A list per account: its scroll position and what the reader has seen belong to that account.
        <FeedList
          key={account.id}
          items={items}
          skin={skin}
          skinClasses={sk}
          scenario={scenario}
          personas={personas}
          reactions={reactions}
          now={now}
          playLanguage={playLanguage}
          onReply={onReply}
          replyingTo={replyingTo}
          foldAt={foldAt}
          media={media}
          live={live}
          label={t('list', { account: owner.name, platform })}
        />
      )}
    </div>
  );
}

/** Virtuoso needs a positive first index that can go down by every row that will ever arrive. */
const FIRST_INDEX = 1_000_000_000;

/**
 * Answers shown under a post before "Show N earlier": the latest few, as the platforms show a busy
 * post, with whatever they answer (see `foldReplies`).
 */
const REPLIES_SHOWN = 3;

interface ListContext {
  skin: PlatformSkin;
  skinClasses: SkinClasses;
  people: PeopleContext;
  reactions: Record<string, ReactionPlan>;
  now: number;
  onReply: ((item: FeedItem) => void) | undefined;
  replyingTo: string | null;
  foldAt: number | undefined;
  /** Rows whose earlier answers the reader opened. */
  expanded: ReadonlySet<string>;
  expand: (rootId: string) => void;
  live: LiveStreams | undefined;
}

function ThreadRow({ row, context }: { row: FeedThread; context: ListContext }) {
  const { t } = useTranslation('feed');
  const { root, replies, discussion } = row;
  const { skin } = context;
  // A live stream is a card of its own: its comments and the trainee's answers are inside it.
  if (root.source === 'inject' && root.inject.type === 'live' && context.live)
    return (
      <div className={cx(base.slot, context.skinClasses.slot)} data-testid="feed-row" data-root={root.id}>
        <LiveStreamCard stream={root} live={context.live} people={context.people} now={context.now} onReply={context.onReply} replyingTo={context.replyingTo} />
      </div>
    );
  const open = context.expanded.has(root.id) || replies.some((reply) => reply.id === context.replyingTo);
  const { shown, hidden } = open ? { shown: replies, hidden: 0 } : foldReplies(replies, REPLIES_SHOWN);
  const inRow = new Set([root.id, ...replies.map((reply) => reply.id)]);

  const card = (item: FeedItem, nested: boolean) => {
    const parent = parentOf(item);
    // Under the post it answers, a comment needs no "Replying to" line, except where the platform
    // prints one (X); under another comment it says whom it answers.
    const showTarget = nested ? parent !== null && inRow.has(parent) && (parent !== root.id || skin.threads === 'linked-posts') : !discussion;
    return (
      <FeedItemCard
        key={item.id}
        item={item}
        skin={skin}
        skinClasses={context.skinClasses}
        people={context.people}
        reactions={context.reactions}
        now={context.now}
        onReply={context.onReply}
        replying={context.replyingTo === item.id}
        foldAt={context.foldAt}
        nested={nested}
        showTarget={showTarget}
        discussion={!nested && discussion}
      />
    );
  };

  const noun = skin.labels.replies === 'comments' ? 'comments' : 'replies';
  return (
    // Spacing between rows lives in this padded slot: Virtuoso measures it, margins it would not.
    <div className={cx(base.slot, context.skinClasses.slot)} data-testid="feed-row" data-root={root.id}>
      {card(root, false)}
      {replies.length > 0 && (
        <div className={cx(base.replies, context.skinClasses.replies)} data-testid="feed-replies">
          {hidden > 0 && (
            <UnstyledButton className={base.showEarlier} onClick={() => context.expand(root.id)} data-testid="feed-show-earlier">
              {t(`thread.earlier.${noun}`, { count: hidden })}
            </UnstyledButton>
          )}
          {shown.map((reply) => card(reply, true))}
        </div>
      )}
    </div>
  );
}

function renderRow(_index: number, row: FeedThread, context: ListContext) {
  return <ThreadRow row={row} context={context} />;
}

const rowKey = (_index: number, row: FeedThread) => row.root.id;

interface FeedListProps extends Omit<FeedViewProps, 'account' | 'height' | 'replyingTo'> {
  skin: PlatformSkin;
  skinClasses: SkinClasses;
  replyingTo: string | null;
  label: string;
}

function FeedList({
  items,
  skin,
  skinClasses,
  scenario,
  personas,
  reactions,
  now,
  playLanguage,
  onReply,
  replyingTo,
  foldAt,
  media,
  live,
  label,
}: FeedListProps) {
  const { t } = useTranslation('feed');
  const virtuoso = useRef<VirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const reduceMotion = useReducedMotion();
  const oldestFirst = skin.order === 'oldest-first';
  // A post and its answers are one row: an answer grows its row, a new post adds a row at the newest end.
  const rows = useMemo(() => feedThreads(items, { channel: skin.posting === 'channel' }), [items, skin.posting]);
  // How many rows the reader has had in front of them; the rest arrived beyond what they are reading.
  const [seen, setSeen] = useState(rows.length);
  const unseen = Math.max(0, rows.length - seen);
  // Newest first, what arrived is not drawn at all until the reader asks for it: a row prepended above
  // the reader is measured only once drawn, and until then it can show its lower half above the post
  // being read. Asked for, the list opens afresh at its newest post (a new `generation`): Virtuoso
  // would otherwise keep the reader where they were once it has measured the rows revealed, after
  // any scroll asked of it. Oldest first (a channel), rows append below, out of sight.
  const shown = oldestFirst ? rows.length : Math.min(seen, rows.length);
  const firstItemIndex = oldestFirst ? FIRST_INDEX : FIRST_INDEX - shown;
  const data = useMemo(() => (oldestFirst ? rows : rows.slice(0, shown).toReversed()), [rows, oldestFirst, shown]);
  const [generation, setGeneration] = useState(0);

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const expand = useCallback((rootId: string) => setExpanded((previous) => new Set(previous).add(rootId)), []);
  const people = usePeopleContext({ scenario, personas, playLanguage, items, media });
  const context = useMemo<ListContext>(
    () => ({ skin, skinClasses, people, reactions, now, onReply, replyingTo, foldAt, expanded, expand, live }),
    [skin, skinClasses, people, reactions, now, onReply, replyingTo, foldAt, expanded, expand, live],
  );

  const markSeen = () => setSeen((previous) => (previous === rows.length ? previous : rows.length));
  const showNewest = () => {
    if (oldestFirst) {
      virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end', behavior: reduceMotion ? 'auto' : 'smooth' });
    } else {
      setGeneration((previous) => previous + 1);
    }
    markSeen();
    // The pill goes away; keyboard focus stays in the feed rather than falling to the page.
    scroller.current?.focus({ preventScroll: true });
  };
  // The trainee's own publication is no news to them: as on every platform, it shows at once at the
  // top of the feed, with whatever arrived before it.
  // (Adjusted while rendering, as React advises for state that follows props: no frame shows it held.)
  if (!oldestFirst && rows.slice(seen).some((row) => row.root.source === 'trainee')) {
    setSeen(rows.length);
    setGeneration((previous) => previous + 1);
  }
  // The list opened afresh at its newest post: the keyboard stays in it.
  useEffect(() => {
    if (generation > 0) scroller.current?.focus({ preventScroll: true });
  }, [generation]);

  // A channel opens at its newest post, at the bottom, as the app does. (Virtuoso's initial index
  // would do the same, but renders nothing until the browser reports a scroll; this works at once.)
  // Once, when the list opens (a list is its account's, so its order never changes): afterwards the
  // reader scrolls and followOutput keeps the bottom.
  useLayoutEffect(() => {
    if (oldestFirst) virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end' });
  }, [oldestFirst]);

  // The pill has a strip of its own at the newest end: it never covers a post. Above a feed read
  // newest first the strip is always there, quiet when nothing is new, so that the pill appearing
  // moves nothing the reader looks at; below a channel it opens under posts that stay put.
  const pill =
    unseen > 0 ? (
      <div className={base.pillRow}>
        <Button
          className={base.pill}
          size="xs"
          radius="xl"
          leftSection={oldestFirst ? <ArrowDownIcon size={14} /> : <ArrowUpIcon size={14} />}
          onClick={showNewest}
          data-testid="feed-new-items"
        >
          {t('newItems', { count: unseen })}
        </Button>
      </div>
    ) : (
      !oldestFirst && (
        <div className={base.pillRow}>
          <span className={base.upToDate} data-testid="feed-up-to-date">
            {t('upToDate')}
          </span>
        </div>
      )
    );

  return (
    <div className={base.list} data-order={skin.order}>
      {!oldestFirst && pill}
      <div className={base.listBody}>
        <Virtuoso<FeedThread, ListContext>
          key={generation}
          ref={virtuoso}
          scrollerRef={(element) => {
            scroller.current = element instanceof HTMLElement ? element : null;
          }}
          className={base.scroller}
          style={{ height: '100%' }}
          data={data}
          firstItemIndex={firstItemIndex}
          initialTopMostItemIndex={0}
          alignToBottom={oldestFirst}
          // A channel reads like a chat: a reader at the bottom stays at the bottom as posts arrive.
          followOutput={oldestFirst ? (atBottom: boolean) => (atBottom ? 'auto' : false) : undefined}
          computeItemKey={rowKey}
          context={context}
          itemContent={renderRow}
          // A channel's reader at the bottom has what arrived in front of them. (Newest first, what
          // arrived is not in the list until the pill is pressed.)
          atBottomStateChange={(atBottom) => {
            if (atBottom && oldestFirst) markSeen();
          }}
          increaseViewportBy={oldestFirst ? { top: 600, bottom: 0 } : { top: 0, bottom: 600 }}
          tabIndex={0}
          role="region"
          aria-label={label}
          data-testid="feed-list"
        />
      </div>
      {oldestFirst && pill}
    </div>
  );
}
