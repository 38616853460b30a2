// Runtime: renderer. The feed of one trainee account, newest first, in the platform's skin, with the
// account's header above it. The list is virtualised (thousands of items stay smooth) and grows at
// the top without moving what the reader is looking at: Virtuoso's `firstItemIndex` goes down by
// the number of items that arrive, which tells it they were prepended, and a pill offers the new ones.
import { Button } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListRange, VirtuosoHandle } from 'react-virtuoso';
import { Virtuoso } from 'react-virtuoso';
import type { ReactionPlan } from '../../../core/engine/audience';
import type { FeedItem } from '../../../core/engine/timeline';
import type { Account, Persona, Scenario } from '../../../core/pack/schema';
import { AuthorAvatar, cx, FeedItemCard } from './FeedItemCard';
import type { SkinClasses } from './FeedItemCard';
import base from './FeedView.module.css';
import { compactCount } from './format';
import { ArrowUpIcon } from './icons';
import type { PeopleContext } from './people';
import { accountAuthor, usePeopleContext } from './people';
import type { MediaResolver } from './media';
import type { PlatformSkin, SkinId } from './skin';
import { platformSkin } from './skin';
import facebook from './skins/facebook.module.css';
import generic from './skins/generic.module.css';
import instagram from './skins/instagram.module.css';
import telegram from './skins/telegram.module.css';
import vk from './skins/vk.module.css';
import weibo from './skins/weibo.module.css';
import x from './skins/x.module.css';
import { usePlatformName } from '../../platform-name';

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
          <p className={base.headerMeta}>{t('header.where', { platform, handle: owner.handle ?? '' })}</p>
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
          label={t('list', { account: owner.name, platform })}
        />
      )}
    </div>
  );
}

/** Virtuoso needs a positive first index that can go down by every item that will ever arrive. */
const FIRST_INDEX = 1_000_000_000;

interface ListContext {
  skin: PlatformSkin;
  skinClasses: SkinClasses;
  people: PeopleContext;
  reactions: Record<string, ReactionPlan>;
  now: number;
  onReply: ((item: FeedItem) => void) | undefined;
  replyingTo: string | null;
  foldAt: number | undefined;
}

function renderItem(_index: number, item: FeedItem, context: ListContext) {
  return (
    // Spacing between cards lives in this padded slot: Virtuoso measures it, margins it would not.
    <div className={cx(base.slot, context.skinClasses.slot)}>
      <FeedItemCard
        item={item}
        skin={context.skin}
        skinClasses={context.skinClasses}
        people={context.people}
        reactions={context.reactions}
        now={context.now}
        onReply={context.onReply}
        replying={context.replyingTo === item.id}
        foldAt={context.foldAt}
      />
    </div>
  );
}

const itemKey = (_index: number, item: FeedItem) => item.id;

interface FeedListProps extends Omit<FeedViewProps, 'account' | 'height' | 'replyingTo'> {
  skin: PlatformSkin;
  skinClasses: SkinClasses;
  replyingTo: string | null;
  label: string;
}

function FeedList({ items, skin, skinClasses, scenario, personas, reactions, now, playLanguage, onReply, replyingTo, foldAt, media, label }: FeedListProps) {
  const { t } = useTranslation('feed');
  const virtuoso = useRef<VirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const reduceMotion = useReducedMotion();
  // How many items the reader has had in front of them; the rest arrived above what they are reading.
  const [seen, setSeen] = useState(items.length);
  const unseen = Math.max(0, items.length - seen);
  const firstItemIndex = FIRST_INDEX - items.length;

  const newestFirst = useMemo(() => items.toReversed(), [items]);
  const people = usePeopleContext({ scenario, personas, playLanguage, items, media });
  const context = useMemo<ListContext>(
    () => ({ skin, skinClasses, people, reactions, now, onReply, replyingTo, foldAt }),
    [skin, skinClasses, people, reactions, now, onReply, replyingTo, foldAt],
  );

  const markSeen = () => setSeen((previous) => (previous === items.length ? previous : items.length));
  // The newest item is on screen: whatever arrived is in front of the reader.
  const onRange = (range: ListRange) => {
    if (range.startIndex <= firstItemIndex) markSeen();
  };
  const showNewest = () => {
    virtuoso.current?.scrollToIndex({ index: 0, align: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
    markSeen();
    // The pill goes away; keyboard focus stays in the feed rather than falling to the page.
    scroller.current?.focus({ preventScroll: true });
  };

  return (
    <div className={base.list}>
      {unseen > 0 && (
        <Button className={base.pill} size="xs" radius="xl" leftSection={<ArrowUpIcon size={14} />} onClick={showNewest} data-testid="feed-new-items">
          {t('newItems', { count: unseen })}
        </Button>
      )}
      <Virtuoso<FeedItem, ListContext>
        ref={virtuoso}
        scrollerRef={(element) => {
          scroller.current = element instanceof HTMLElement ? element : null;
        }}
        className={base.scroller}
        style={{ height: '100%' }}
        data={newestFirst}
        firstItemIndex={firstItemIndex}
        initialTopMostItemIndex={0}
        computeItemKey={itemKey}
        context={context}
        itemContent={renderItem}
        atTopStateChange={(atTop) => {
          if (atTop) markSeen();
        }}
        rangeChanged={onRange}
        increaseViewportBy={{ top: 0, bottom: 600 }}
        tabIndex={0}
        role="region"
        aria-label={label}
        data-testid="feed-list"
      />
    </div>
  );
}
