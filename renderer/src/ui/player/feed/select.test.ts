// Runtime: Node (Vitest, happy-dom). Which timeline items each view of the desk shows, checked on
// real scenarios played through the engine with their model answers.
import { describe, expect, it } from 'vitest';
import type { FeedItem, TimelineState } from '../../../core/engine/timeline';
import { loadPack } from '../../../core/pack/load';
import type { Scenario } from '../../../core/pack/schema';
import { modelAnswer, playScenario } from '../../../test/engine';
import { CORE_LIBRARY_DIR, readFolder } from '../../../test/packs';
import { feedItemsFor, feedThreads, foldReplies, inboxConversations, inboxItemsFor, injectsById, parentOf } from './select';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const scenarioById = (id: string): Scenario => pack.scenarios.find((scenario) => scenario.id === id)!;

function play(id: string, seed: number): { scenario: Scenario; state: TimelineState } {
  const scenario = scenarioById(id);
  const { state } = playScenario(scenario, 'en', pack.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'), seed);
  return { scenario, state };
}

const ids = (items: readonly FeedItem[]) => items.map((item) => item.id);
const earthquake = play('earthquake-consular', 7);
const flights = play('flights-suspended', 11);

describe('feedItemsFor and inboxItemsFor', () => {
  it.each([
    ['earthquake-consular', earthquake],
    ['flights-suspended', flights],
  ])('share out every item of %s between the feeds and the inbox, each exactly once', (_name, { scenario, state }) => {
    const views = [...scenario.accounts.map((account) => feedItemsFor(state, account.id)), inboxItemsFor(state)];
    const shown = views.flatMap(ids);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.sort()).toEqual(ids(state.feed).sort());
  });

  it.each([
    ['earthquake-consular', earthquake],
    ['flights-suspended', flights],
  ])('keep %s oldest first, each audience reply after what it answers and in the same view', (_name, { scenario, state }) => {
    for (const view of [...scenario.accounts.map((account) => feedItemsFor(state, account.id)), inboxItemsFor(state)]) {
      expect(view.map((item) => item.at)).toEqual(view.map((item) => item.at).sort((a, b) => a - b));
      for (const [index, item] of view.entries()) {
        if (item.source === 'audience') expect(ids(view.slice(0, index))).toContain(item.replyTo);
      }
    }
  });

  it("puts an account's public items in its feed and nothing private", () => {
    const { state } = earthquake;
    const x = feedItemsFor(state, 'embassy-x');
    for (const item of x) {
      if (item.source === 'inject') {
        expect(item.inject.account).toBe('embassy-x');
        expect(['post', 'reply', 'news', 'trend']).toContain(item.inject.type);
      } else {
        expect(item.accountId).toBe('embassy-x');
        if (item.source === 'trainee') expect(['post', 'reply', 'thread']).toContain(item.kind);
      }
    }
    // The trend, the reporter's question, the thread the trainee published and the replies it drew.
    expect(ids(x)).toEqual(expect.arrayContaining(['quake-trend', 'holt-casualties', 'troll-hiding', 'irena-son']));
    expect(x.some((item) => item.source === 'trainee' && item.kind === 'thread')).toBe(true);
    expect(x.some((item) => item.source === 'audience')).toBe(true);
    expect(ids(x)).not.toContain('maya-dorm');
    expect(ids(x)).not.toContain('hq-thread');
  });

  it('puts direct messages, requests from headquarters, the trainee’s messages and their answers in the inbox', () => {
    const inbox = inboxItemsFor(earthquake.state);
    expect(ids(inbox)).toEqual(expect.arrayContaining(['hq-first-post', 'maya-dorm', 'hq-thread', 'oleg-passport', 'hq-hiding']));
    const message = inbox.find((item) => item.source === 'trainee');
    expect(message).toMatchObject({ kind: 'direct-message', accountId: 'embassy-telegram' });
    expect(inbox.some((item) => item.source === 'audience' && item.replyTo === message!.id)).toBe(true);
    expect(inbox.some((item) => item.source === 'trainee' && item.kind !== 'direct-message' && item.kind !== 'mass-notification')).toBe(false);
  });

  it('puts mass notifications and the replies they draw in the inbox', () => {
    const inbox = inboxItemsFor(flights.state);
    const notifications = inbox.filter((item) => item.source === 'trainee' && item.kind === 'mass-notification');
    expect(notifications.length).toBeGreaterThan(0);
    expect(ids(notifications)).toEqual(ids(flights.state.feed.filter((item) => item.source === 'trainee' && item.kind === 'mass-notification')));
    for (const account of flights.scenario.accounts)
      expect(feedItemsFor(flights.state, account.id).some((item) => item.source === 'trainee' && item.kind === 'mass-notification')).toBe(false);
  });

  it('only ever grows at the newest end as the timeline grows', () => {
    const { state } = earthquake;
    const fullFeed = feedItemsFor(state, 'embassy-x');
    const fullInbox = inboxItemsFor(state);
    for (let length = 0; length <= state.feed.length; length += 1) {
      const partial = { feed: state.feed.slice(0, length) };
      const feed = feedItemsFor(partial, 'embassy-x');
      const inbox = inboxItemsFor(partial);
      expect(fullFeed.slice(0, feed.length)).toEqual(feed);
      expect(fullInbox.slice(0, inbox.length)).toEqual(inbox);
    }
  });
});

describe('feedThreads', () => {
  const rowsOf = (items: readonly FeedItem[], channel = false) =>
    feedThreads(items, { channel }).map((row) => ({ root: row.root.id, replies: ids(row.replies), discussion: row.discussion }));

  it.each([
    ['earthquake-consular', earthquake],
    ['flights-suspended', flights],
  ])('puts every item of a feed of %s in exactly one row, answers under what they answer', (_name, { scenario, state }) => {
    for (const account of scenario.accounts) {
      const items = feedItemsFor(state, account.id);
      const rows = feedThreads(items, { channel: account.platform === 'telegram' });
      const placed = rows.flatMap((row) => [row.root, ...row.replies]);
      expect(ids(placed).sort()).toEqual(ids(items).sort());
      const rowOf = new Map(rows.flatMap((row) => [row.root, ...row.replies].map((item) => [item.id, row.root.id] as const)));
      for (const item of items) {
        const parent = parentOf(item);
        if (parent !== null && rowOf.has(parent) && item.source !== 'inject') expect(rowOf.get(item.id), item.id).toBe(rowOf.get(parent));
      }
      // Each row's answers read oldest first.
      for (const row of rows) expect(row.replies.map((item) => item.at)).toEqual(row.replies.map((item) => item.at).sort((a, b) => a - b));
    }
  });

  it('threads the audience under the trainee’s thread and a reply under the post it answers, on X', () => {
    const items = feedItemsFor(earthquake.state, 'embassy-x');
    const rows = feedThreads(items);
    const thread = rows.find((row) => row.root.source === 'trainee' && row.root.kind === 'thread')!;
    expect(thread.replies.length).toBeGreaterThan(0);
    expect(thread.replies.every((item) => item.source === 'audience')).toBe(true);
    // irena-son answers the troll's post: it is shown under it, with the trainee's answer to her.
    const troll = rows.find((row) => row.root.id === 'troll-hiding')!;
    expect(ids(troll.replies)[0]).toBe('irena-son');
    expect(rows.some((row) => row.root.id === 'irena-son')).toBe(false);
    // News and trends stand alone and nothing is a discussion outside Telegram.
    expect(rows.filter((row) => row.root.source === 'inject' && row.root.inject.type === 'trend').every((row) => row.replies.length === 0)).toBe(true);
    expect(rows.some((row) => row.discussion)).toBe(false);
  });

  it('grows only at its newest end as the feed grows', () => {
    const items = feedItemsFor(earthquake.state, 'embassy-x');
    let previous: string[] = [];
    for (let length = 0; length <= items.length; length += 1) {
      const roots = feedThreads(items.slice(0, length)).map((row) => row.root.id);
      expect(roots.slice(0, previous.length)).toEqual(previous);
      previous = roots;
    }
  });

  it('on a Telegram channel, makes citizens’ messages comments under the channel post before them', () => {
    const post = (id: string, at: number): FeedItem => ({
      source: 'trainee',
      id,
      at,
      accountId: 'tg',
      kind: 'post',
      text: id,
      taskId: null,
      replyTo: null,
      grade: null as never,
    });
    const citizen = (id: string, at: number, type: 'post' | 'reply' | 'news' = 'post', replyTo?: string): FeedItem =>
      ({ source: 'inject', id, at, inject: { id, type, account: 'tg', persona: 'p', replyTo, text: { en: id } } }) as unknown as FeedItem;
    const items = [
      citizen('early', 1),
      post('p1', 2),
      citizen('c1', 3),
      citizen('news', 4, 'news'),
      post('p2', 5),
      citizen('c2', 6, 'reply', 'hq-elsewhere'),
      citizen('c3', 7, 'reply', 'c1'),
    ];
    expect(rowsOf(items, true)).toEqual([
      { root: 'early', replies: [], discussion: true },
      { root: 'p1', replies: ['c1', 'c3'], discussion: false },
      { root: 'news', replies: [], discussion: false },
      { root: 'p2', replies: ['c2'], discussion: false },
    ]);
    // Elsewhere a post is a post: only what answers something in the feed goes under it.
    expect(rowsOf(items)).toEqual([
      { root: 'early', replies: [], discussion: false },
      { root: 'p1', replies: [], discussion: false },
      { root: 'c1', replies: ['c3'], discussion: false },
      { root: 'news', replies: [], discussion: false },
      { root: 'p2', replies: [], discussion: false },
      { root: 'c2', replies: [], discussion: false },
    ]);
  });
});

describe('foldReplies', () => {
  const answer = (id: string, replyTo: string): FeedItem =>
    ({ source: 'inject', id, at: 0, inject: { id, type: 'reply', account: 'a', persona: 'p', replyTo, text: { en: id } } }) as unknown as FeedItem;

  it('folds the earliest answers and shows the latest', () => {
    const replies = ['a', 'b', 'c', 'd', 'e'].map((id) => answer(id, 'root'));
    const { shown, hidden } = foldReplies(replies, 3);
    expect(ids(shown)).toEqual(['c', 'd', 'e']);
    expect(hidden).toBe(2);
    expect(foldReplies(replies.slice(0, 3), 3)).toEqual({ shown: replies.slice(0, 3), hidden: 0 });
  });

  it('never folds what a shown answer answers, however far up', () => {
    // "q" is a question; "e" (shown) answers "r", which answers "q": both stay with it, in order.
    const replies = [answer('q', 'root'), answer('x', 'root'), answer('r', 'q'), answer('y', 'root'), answer('z', 'root'), answer('e', 'r')];
    const { shown, hidden } = foldReplies(replies, 3);
    expect(ids(shown)).toEqual(['q', 'r', 'y', 'z', 'e']);
    expect(hidden).toBe(1);
  });

  it.each([
    ['earthquake-consular', earthquake],
    ['flights-suspended', flights],
  ])('leaves no shown answer of %s without what it answers', (_name, { scenario, state }) => {
    for (const account of scenario.accounts) {
      for (const row of feedThreads(feedItemsFor(state, account.id), { channel: account.platform === 'telegram' })) {
        const inRow = new Set(ids(row.replies));
        const { shown } = foldReplies(row.replies, 3);
        const visible = new Set([row.root.id, ...ids(shown)]);
        for (const item of shown) {
          const parent = parentOf(item);
          if (parent !== null && inRow.has(parent)) expect(visible.has(parent), `${item.id} answers ${parent}`).toBe(true);
        }
      }
    }
  });
});

describe('injectsById', () => {
  it("holds the timeline's injects and those branches add", () => {
    const injects = injectsById(earthquake.scenario);
    expect(injects.get('irena-son')?.persona).toBe('citizen-irena');
    expect(injects.get('maya-silent')?.type).toBe('direct-message');
  });
});

describe('inboxConversations', () => {
  const conversations = inboxConversations(inboxItemsFor(earthquake.state), earthquake.scenario);
  const byKey = new Map(conversations.map((conversation) => [conversation.key, conversation]));

  it('groups a direct message, the trainee’s answer and the reply to it in one conversation with the persona', () => {
    const oleg = byKey.get('persona:citizen-oleg')!;
    expect(oleg.kind).toBe('persona');
    expect(oleg.accountId).toBe('embassy-telegram');
    expect(oleg.items.map((item) => item.source)).toEqual(['inject', 'trainee', 'audience']);
    expect(oleg.items[2]).toMatchObject({ source: 'audience', personaId: 'citizen-oleg' });
  });

  it('marks the conversation headquarters write in, across the accounts they write about', () => {
    const headquarters = byKey.get('persona:hq-press')!;
    expect(headquarters.headquarters).toBe(true);
    expect(headquarters.accountId).toBeNull();
    expect(ids(headquarters.items)).toEqual(['hq-first-post', 'hq-thread', 'hq-hiding']);
    expect(byKey.get('persona:student-maya')!.headquarters).toBe(false);
  });

  it('orders conversations by their newest item, the most recent first', () => {
    const lastAts = conversations.map((conversation) => conversation.lastAt);
    expect(lastAts).toEqual([...lastAts].sort((a, b) => b - a));
    for (const conversation of conversations) expect(conversation.lastAt).toBe(conversation.items.at(-1)!.at);
  });

  it('gathers mass notifications per account, with the replies they drew', () => {
    const flightsConversations = inboxConversations(inboxItemsFor(flights.state), flights.scenario);
    const notifications = flightsConversations.filter((conversation) => conversation.kind === 'notifications');
    expect(notifications.length).toBeGreaterThan(0);
    for (const conversation of notifications) {
      expect(conversation.key).toBe(`notifications:${conversation.accountId}`);
      for (const item of conversation.items) {
        if (item.source === 'trainee') expect(item.kind).toBe('mass-notification');
        else expect(item.source).toBe('audience');
      }
    }
    const all = notifications.flatMap((conversation) => conversation.items);
    expect(all.some((item) => item.source === 'trainee')).toBe(true);
    expect(all.some((item) => item.source === 'audience')).toBe(true);
  });

  it('files a direct message that answers a persona’s message under that persona when it has no task', () => {
    const dm = earthquake.state.feed.find((item) => item.id === 'maya-dorm')!;
    const answer: FeedItem = {
      ...(inboxItemsFor(earthquake.state).find((item) => item.source === 'trainee')! as Extract<FeedItem, { source: 'trainee' }>),
      id: 'pub-x',
      taskId: null,
      replyTo: 'maya-dorm',
      at: dm.at + 1,
    };
    const grouped = inboxConversations([dm, answer], earthquake.scenario);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]).toMatchObject({ key: 'persona:student-maya', lastAt: dm.at + 1 });
    expect(inboxConversations([{ ...answer, replyTo: null }], earthquake.scenario)[0]!.kind).toBe('other');
  });
});
