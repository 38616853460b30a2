// Runtime: renderer (pure). Which of the timeline's items each view of the desk shows: the public
// feed of one trainee account, and the private inbox grouped into conversations. Both keep the
// timeline's order, which is the order things happened: the engine only ever appends, so a view
// only ever grows at its newest end — the feed relies on that to prepend without moving the reader.
import type { FeedItem, FeedPublication, TimelineState } from '../../../core/engine/timeline';
import type { Inject, Scenario } from '../../../core/pack/schema';

const PUBLIC_INJECTS: ReadonlySet<Inject['type']> = new Set(['post', 'reply', 'news', 'trend', 'live']);
const PRIVATE_INJECTS: ReadonlySet<Inject['type']> = new Set(['direct-message', 'hq-request']);
const PUBLIC_KINDS: ReadonlySet<FeedPublication['kind']> = new Set(['post', 'reply', 'thread']);
/** The kinds of publication that go to the inbox rather than to an account's feed. */
export const PRIVATE_KINDS: ReadonlySet<FeedPublication['kind']> = new Set(['direct-message', 'mass-notification', 'report']);

/** Everything in one account's public feed, oldest first, with the audience's answers to the trainee's posts. */
export function feedItemsFor(timeline: Pick<TimelineState, 'feed'>, accountId: string): FeedItem[] {
  return select(timeline.feed, (item) =>
    item.source === 'inject'
      ? item.inject.account === accountId && PUBLIC_INJECTS.has(item.inject.type)
      : item.accountId === accountId && PUBLIC_KINDS.has(item.kind),
  );
}

/** Everything private, from every account, oldest first: direct messages, headquarters' requests, notifications and their answers. */
export function inboxItemsFor(timeline: Pick<TimelineState, 'feed'>): FeedItem[] {
  return select(timeline.feed, (item) => (item.source === 'inject' ? PRIVATE_INJECTS.has(item.inject.type) : PRIVATE_KINDS.has(item.kind)), true);
}

/** Injects and publications that pass `keep`, and the audience replies to the publications kept. */
function select(
  feed: readonly FeedItem[],
  keep: (item: Exclude<FeedItem, { source: 'audience' | 'clearance' | 'live-comment' }>) => boolean,
  answers = false,
): FeedItem[] {
  const kept = new Set<string>();
  const result: FeedItem[] = [];
  // A live stream's comments, and the trainee's replies to the stream or its comments, are shown
  // inside the stream's card (LiveStreamCard), never as posts of the feed.
  const live = new Set<string>();
  for (const item of feed) {
    // Headquarters' answers to drafts sent for clearance belong to the inbox only.
    if (item.source === 'clearance') {
      if (answers) result.push(item);
      continue;
    }
    if (item.source === 'inject' && item.inject.type === 'live') live.add(item.id);
    if (item.source === 'live-comment') {
      live.add(item.id);
      live.add(item.streamId);
    } else if (item.source === 'trainee' && item.replyTo !== null && live.has(item.replyTo)) continue;
    else if (item.source === 'audience') {
      // A reply always arrives after what it answers, so one pass sees the publication first.
      if (kept.has(item.replyTo)) result.push(item);
    } else if (keep(item)) {
      if (item.source === 'trainee') kept.add(item.id);
      result.push(item);
    }
  }
  return result;
}

/** Every inject the scenario can show, timeline and branches alike, by id: what a reply refers to. */
export function injectsById(scenario: Pick<Scenario, 'timeline' | 'branches'>): Map<string, Inject> {
  const injects = new Map<string, Inject>();
  for (const inject of scenario.timeline) injects.set(inject.id, inject);
  for (const branch of scenario.branches) for (const inject of branch.then.injects) if (!injects.has(inject.id)) injects.set(inject.id, inject);
  return injects;
}

export type ConversationKind = 'persona' | 'notifications' | 'other';

export interface Conversation {
  /** Stable across renders: `persona:<id>`, `notifications:<account>` or `other:<account>`. */
  key: string;
  kind: ConversationKind;
  /** The person on the other side, for a `persona` conversation. */
  personaId: string | null;
  /** The trainee account the conversation happens on; null when it spans several (headquarters write about all of them). */
  accountId: string | null;
  /** Whether headquarters wrote in it: their requests are instructions, not messages to answer. */
  headquarters: boolean;
  /** Oldest first, as a chat reads. */
  items: FeedItem[];
  /** Minute of its newest item. */
  lastAt: number;
}

/**
 * The inbox as conversations, the most recently active first: each persona's direct messages (and
 * headquarters' requests) with the trainee's answers to them and theirs back; the trainee's mass
 * notifications per account, with the replies they drew. `itemsById` is `items` by id, for a
 * caller that has the map already (the inbox's people context).
 */
export function inboxConversations(
  items: readonly FeedItem[],
  scenario: Pick<Scenario, 'tasks'>,
  itemsById: ReadonlyMap<string, FeedItem> = new Map(items.map((item) => [item.id, item])),
): Conversation[] {
  const byKey = new Map<string, Conversation & { order: number }>();
  const keyOfItem = new Map<string, string>();
  const tasks = new Map(scenario.tasks.map((task) => [task.id, task]));
  let order = 0;

  const keyFor = (item: FeedItem): { key: string; kind: ConversationKind; personaId: string | null } => {
    if (item.source === 'clearance') return { key: `persona:${item.personaId}`, kind: 'persona', personaId: item.personaId };
    if (item.source === 'inject') return { key: `persona:${item.inject.persona}`, kind: 'persona', personaId: item.inject.persona };
    if (item.source === 'live-comment') return { key: `other:${item.accountId}`, kind: 'other', personaId: null };
    if (item.source === 'audience') {
      const key = keyOfItem.get(item.replyTo);
      const conversation = key === undefined ? undefined : byKey.get(key);
      if (conversation) return { key: conversation.key, kind: conversation.kind, personaId: conversation.personaId };
      return item.personaId
        ? { key: `persona:${item.personaId}`, kind: 'persona', personaId: item.personaId }
        : { key: `other:${item.accountId}`, kind: 'other', personaId: null };
    }
    if (item.kind === 'mass-notification') return { key: `notifications:${item.accountId}`, kind: 'notifications', personaId: null };
    // A report goes into the conversation with headquarters: the one that wrote to its account last, else to any account.
    if (item.kind === 'report') {
      const hq = headquartersOf.get(item.accountId) ?? lastHeadquarters;
      return hq ? { key: `persona:${hq}`, kind: 'persona', personaId: hq } : { key: `headquarters:${item.accountId}`, kind: 'other', personaId: null };
    }
    // A direct message goes to its task's recipient, else to whoever wrote what it answers.
    const recipient = (item.taskId === null ? undefined : tasks.get(item.taskId)?.recipient) ?? personaOf(item.replyTo);
    return recipient
      ? { key: `persona:${recipient}`, kind: 'persona', personaId: recipient }
      : { key: `other:${item.accountId}`, kind: 'other', personaId: null };
  };
  const personaOf = (id: string | null): string | null => {
    const target = id === null ? undefined : itemsById.get(id);
    if (!target) return null;
    if (target.source === 'inject') return target.inject.persona;
    if (target.source === 'audience') return target.personaId;
    return null;
  };

  // Who speaks for headquarters to each account (their requests), for the reports sent back.
  const headquartersOf = new Map<string, string>();
  let lastHeadquarters: string | null = null;
  for (const item of items) {
    if (item.source === 'inject' && item.inject.type === 'hq-request') {
      headquartersOf.set(item.inject.account, item.inject.persona);
      lastHeadquarters = item.inject.persona;
    }
    const { key, kind, personaId } = keyFor(item);
    keyOfItem.set(item.id, key);
    let conversation = byKey.get(key);
    if (!conversation) {
      const accountId = item.source === 'inject' ? item.inject.account : item.accountId;
      conversation = { key, kind, personaId, accountId, headquarters: false, items: [], lastAt: item.at, order: 0 };
      byKey.set(key, conversation);
    }
    if (conversation.accountId !== (item.source === 'inject' ? item.inject.account : item.accountId)) conversation.accountId = null;
    conversation.items.push(item);
    conversation.lastAt = item.at;
    conversation.order = order++;
    if ((item.source === 'inject' && item.inject.type === 'hq-request') || item.source === 'clearance' || (item.source === 'trainee' && item.kind === 'report'))
      conversation.headquarters = true;
  }

  return [...byKey.values()].sort((a, b) => b.lastAt - a.lastAt || b.order - a.order).map(({ order: _order, ...conversation }) => conversation);
}

/** One row of a feed: a post and the answers shown under it. */
export interface FeedThread {
  /** What the row starts with; its id keys the row. */
  root: FeedItem;
  /** Answers to the root or to one another, oldest first (one level, as the platforms show them in a feed). */
  replies: FeedItem[];
  /**
   * Telegram: a message in the channel's discussion with no channel post before it to sit under
   * (the channel's own history is not part of the scenario).
   */
  discussion: boolean;
}

/** What an item answers, if anything. */
export function parentOf(item: FeedItem): string | null {
  if (item.source === 'live-comment') return item.streamId;
  return item.source === 'inject' ? (item.inject.replyTo ?? null) : item.source === 'clearance' ? null : item.replyTo;
}

/** News and trends are the world's, not a conversation: they always stand alone. */
const standsAlone = (item: FeedItem): boolean => item.source === 'inject' && (item.inject.type === 'news' || item.inject.type === 'trend');

/** A post of the channel itself: on Telegram only the channel (the trainee's account) posts; everyone else comments. */
const isChannelPost = (item: FeedItem): boolean => item.source === 'trainee' && (item.kind === 'post' || item.kind === 'thread');

/**
 * A feed's items (oldest first, as `feedItemsFor` gives them) as rows, oldest first: each answer
 * sits under the post it answers, answers to answers too. Rows only ever grow at the end, since
 * what an item answers always arrived before it: a view that prepends new rows never moves.
 *
 * On Telegram (`channel`) only the channel posts: a citizen's message that answers nothing in the
 * feed is a comment under the channel post it arrived after, or, before the channel's first post in
 * the scenario, a message of the channel's discussion.
 */
export function feedThreads(items: readonly FeedItem[], { channel = false }: { channel?: boolean } = {}): FeedThread[] {
  const rows: FeedThread[] = [];
  const rowOf = new Map<string, FeedThread>();
  let lastChannelPost: FeedThread | null = null;
  for (const item of items) {
    const parent = parentOf(item);
    let row = standsAlone(item) || parent === null ? undefined : rowOf.get(parent);
    if (!row && channel && !standsAlone(item) && !isChannelPost(item)) row = lastChannelPost ?? undefined;
    if (row) {
      row.replies.push(item);
    } else {
      row = { root: item, replies: [], discussion: channel && !standsAlone(item) && !isChannelPost(item) };
      rows.push(row);
      if (channel && isChannelPost(item)) lastChannelPost = row;
    }
    rowOf.set(item.id, row);
  }
  return rows;
}

/**
 * Which of a row's answers show before "Show N earlier": the latest `latest`, and every earlier one
 * a shown answer answers, however far up — an answer is never shown without what it answers.
 * `shown` keeps the row's order; `hidden` counts the rest.
 */
export function foldReplies(replies: readonly FeedItem[], latest: number): { shown: FeedItem[]; hidden: number } {
  if (replies.length <= latest) return { shown: [...replies], hidden: 0 };
  const byId = new Map(replies.map((reply) => [reply.id, reply]));
  const keep = new Set<string>();
  for (const reply of replies.slice(replies.length - latest)) {
    for (let current: FeedItem | undefined = reply; current && !keep.has(current.id);) {
      keep.add(current.id);
      const parent = parentOf(current);
      current = parent === null ? undefined : byId.get(parent);
    }
  }
  const shown = replies.filter((reply) => keep.has(reply.id));
  return { shown, hidden: replies.length - shown.length };
}
