// Runtime: Node (Vitest, happy-dom). The feed as the trainee sees it: items of every source with
// their authors, badges and counts, in each platform's skin, the pill for new items, and Russian.
//
// happy-dom lays nothing out, and Virtuoso renders only what fits its measured viewport — nothing,
// with no sizes. The tests give it sizes through react-virtuoso's own VirtuosoMockContext (a fixed
// viewport and item height), so the real list logic runs: which window of items is rendered, what
// stays on screen when items are prepended. A tall viewport shows every item; a short one shows a
// window, as a scrolled reader would see it.
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { VirtuosoMockContext } from 'react-virtuoso';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import { summarizeAt } from '../../../core/engine/audience';
import type { FeedItem, FeedPublication } from '../../../core/engine/timeline';
import { threadParts } from '../../../core/grading/platform-fit';
import { loadPack } from '../../../core/pack/load';
import type { Platform } from '../../../core/pack/schema';
import { createI18n } from '../../../i18n';
import { personasOf } from '../../../library/library';
import { modelAnswer, playScenario } from '../../../test/engine';
import { CORE_LIBRARY_DIR, readFolder } from '../../../test/packs';
import { theme } from '../../theme';
import type { FeedViewProps } from './FeedView';
import { FeedView } from './FeedView';
import { mediaResolverFor } from './media';
import { feedItemsFor, feedThreads, foldReplies } from './select';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios.find((candidate) => candidate.id === 'earthquake-consular')!;
const personas = personasOf({ pack, scenario });
const played = (language: string) => playScenario(scenario, language, pack.manifest, (taskId) => modelAnswer(scenario, taskId, language), 7).state;
const state = played('en');
const account = scenario.accounts.find((candidate) => candidate.id === 'embassy-x')!;
const items = feedItemsFor(state, account.id);
const thread = items.find((item): item is FeedPublication => item.source === 'trainee' && item.kind === 'thread')!;
const replies = items.filter((item): item is Extract<FeedItem, { source: 'audience' }> => item.source === 'audience' && item.replyTo === thread.id);

interface Options {
  language?: Language;
  /** Pixels of the list's viewport; every item is 100 px tall. */
  viewport?: number;
}

async function renderFeed(props: Partial<FeedViewProps> = {}, { language = 'en', viewport = 100_000 }: Options = {}) {
  const i18n = await createI18n(language);
  const base: FeedViewProps = { items, account, scenario, personas, reactions: state.reactions, now: state.time, playLanguage: 'en', ...props };
  const ui = (next: FeedViewProps) => (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <VirtuosoMockContext.Provider value={{ viewportHeight: viewport, itemHeight: 100 }}>
          <FeedView {...next} />
        </VirtuosoMockContext.Provider>
      </I18nextProvider>
    </MantineProvider>
  );
  const user = userEvent.setup();
  const result = render(ui(base));
  return { ...result, user, rerender: (next: Partial<FeedViewProps>) => result.rerender(ui({ ...base, ...next })) };
}

const rendered = () => screen.queryAllByTestId('feed-item').map((element) => element.dataset.itemId);
/** Opens every row's earlier answers. */
const showAll = async (user: ReturnType<typeof userEvent.setup>) => {
  for (const button of screen.queryAllByTestId('feed-show-earlier')) await user.click(button);
};
/** The rows a feed of `list` shows, newest first, as the ids of their root. */
const rowIds = (list: readonly FeedItem[]) =>
  feedThreads(list)
    .map((row) => row.root.id)
    .reverse();
const article = (id: string) => screen.getAllByTestId('feed-item').find((element) => element.dataset.itemId === id)!;
const count = (element: HTMLElement, metric: string) =>
  within(element)
    .getAllByTestId('feed-count')
    .find((candidate) => candidate.dataset.metric === metric);
const average = (item: FeedPublication) => Math.round((item.grade.axes.tone.score + item.grade.axes.policy.score + item.grade.axes.platform.score) / 3);

describe('FeedView: items', () => {
  it('shows every post newest first, with the latest answers under the post they answer and the earlier ones on request', async () => {
    const { user } = await renderFeed();
    const rows = feedThreads(items).reverse();
    expect(rows.length).toBeLessThan(items.length);
    expect(rendered()).toEqual(rows.flatMap((row) => [row.root.id, ...foldReplies(row.replies, 3).shown.map((item) => item.id)]));
    // Irena's question is answered by one of the latest replies: it stays in view with its answer.
    expect(rendered()).toContain('irena-son');
    const busy = rows.find((row) => foldReplies(row.replies, 3).hidden > 0)!;
    const { hidden } = foldReplies(busy.replies, 3);
    expect(screen.getAllByTestId('feed-show-earlier').map((element) => element.textContent)).toContain(
      `Show ${hidden} earlier ${hidden === 1 ? 'reply' : 'replies'}`,
    );
    await showAll(user);
    expect(rendered()).toEqual(rows.flatMap((row) => [row.root.id, ...row.replies.map((item) => item.id)]));
    // A reply is drawn under its post, in the same row.
    const row = screen.getAllByTestId('feed-row').find((element) => element.dataset.root === 'troll-hiding')!;
    expect(
      within(row)
        .getAllByTestId('feed-item')
        .map((element) => element.dataset.itemId),
    ).toContain('irena-son');
    expect(screen.getByRole('region', { name: 'Feed of Embassy of Azuria in Tallvik on X' })).toBeTruthy();
  });

  it("shows a persona's post with their name, handle, verified badge, simulated time and fixed engagement", async () => {
    await renderFeed();
    const post = screen.getByRole('article', { name: 'Post by Mira Holt, Meridian Wire, T+0:35' });
    expect(within(post).getByTestId('feed-author').textContent).toBe('Mira Holt, Meridian Wire');
    expect(within(post).getByText('@mira_holt')).toBeTruthy();
    expect(within(post).getByText('Verified account')).toBeTruthy();
    expect(within(post).getByText('T+0:35').getAttribute('datetime')).toBe('PT0H35M');
    expect(count(post, 'replies')!.textContent).toBe('1414 replies');
    expect(count(post, 'shares')!.textContent).toBe('9595 reposts');
    expect(count(post, 'likes')!.textContent).toBe('120120 likes');
    // An inject's views are unknown: none shown.
    expect(count(post, 'views')).toBeUndefined();
    expect(within(post).queryByTestId('feed-grade')).toBeNull();
  });

  it('shows large counts compactly, in full for screen readers', async () => {
    await renderFeed();
    const troll = article('troll-hiding');
    expect(within(count(troll, 'shares')!).getByText('7.4K')).toBeTruthy();
    expect(within(count(troll, 'shares')!).getByText('7,400 reposts')).toBeTruthy();
    // Not verified: no badge.
    expect(within(troll).queryByTestId('feed-verified')).toBeNull();
  });

  it('says whom a reply answers', async () => {
    const { user } = await renderFeed();
    await showAll(user);
    expect(within(article('irena-son')).getByTestId('feed-replying-to').textContent).toBe('Replying to @truthseeker_88');
    expect(within(article('holt-casualties')).queryByTestId('feed-replying-to')).toBeNull();
  });

  it('shows a trend as a trend, with no reply action', async () => {
    await renderFeed();
    const trend = screen.getByRole('article', { name: 'Trend, T+0:25' });
    expect(within(trend).getByText('Trending')).toBeTruthy();
    expect(within(trend).getByText(/#TallvikEarthquake/)).toBeTruthy();
    expect(within(trend).queryByTestId('feed-reply')).toBeNull();
    // The platform's own card: written by nobody, no name, no @handle, no avatar.
    expect(within(trend).queryByTestId('feed-author')).toBeNull();
    expect(trend.textContent).not.toMatch(/@trends|Trending in Tallvik ·/);
    expect(trend.querySelector('.mantine-Avatar-root')).toBeNull();
  });

  it("shows the trainee's thread on X as separate linked posts: the account on each, numbered, the grade and live counts", async () => {
    await renderFeed();
    const own = screen.getByRole('article', { name: 'Your thread, T+0:45' });
    expect(own.dataset.source).toBe('trainee');
    expect(within(own).getAllByTestId('feed-author')[0]!.textContent).toBe('Embassy of Azuria in Tallvik');
    expect(within(own).getAllByText('@AzuriaInTallvik')[0]).toBeTruthy();
    expect(within(own).getAllByTestId('feed-own')[0]!.textContent).toBe('You');
    const parts = threadParts(thread.text);
    expect(parts.length).toBeGreaterThan(1);
    const chain = within(own).getByRole('list', { name: `Thread of ${parts.length} parts` });
    expect(within(chain).getAllByRole('listitem')).toHaveLength(parts.length);
    const posts = within(chain).getAllByTestId('feed-thread-part');
    expect(posts).toHaveLength(parts.length);
    posts.forEach((post, index) => {
      expect(post.getAttribute('aria-label')).toBe(`Part ${index + 1} of ${parts.length}`);
      expect(within(post).getByTestId('feed-author').textContent).toBe('Embassy of Azuria in Tallvik');
      // Numbered "n/total" once: by the author if they did, otherwise by the feed.
      expect(post.textContent!.match(new RegExp(`${index + 1}/${parts.length}`, 'g'))).toHaveLength(1);
      expect(post.textContent).toContain(parts[index]!.text.trim().slice(0, 30));
    });
    // The figures and the grade belong to the thread's first post.
    expect(within(posts[0]!).getByTestId('feed-grade')).toBeTruthy();
    expect(within(posts[1]!).queryByTestId('feed-grade')).toBeNull();
    expect(within(posts[1]!).queryAllByTestId('feed-count')).toHaveLength(0);
    const grade = within(own).getByTestId('feed-grade');
    expect(grade.textContent).toBe(`${thread.grade.passed ? 'Passed' : 'Failed'} · ${average(thread)}`);
    const totals = summarizeAt(state.reactions[thread.id]!, state.time);
    expect(count(own, 'views')!.dataset.value).toBe(String(totals.reach));
    expect(count(own, 'likes')!.dataset.value).toBe(String(totals.likes));
    expect(count(own, 'replies')!.dataset.value).toBe(String(replies.length));
    // Nobody replies to themselves.
    expect(within(own).queryByTestId('feed-reply')).toBeNull();
  });

  it('numbers the parts of a thread its author did not number', async () => {
    const plain: FeedPublication = { ...thread, id: 'plain-thread', text: 'Stay inside.\n\nCall the hotline.' };
    await renderFeed({ items: [plain] });
    const posts = within(article('plain-thread')).getAllByTestId('feed-thread-part');
    expect(posts.map((post) => within(post).getByText(/^\d\/2$/).textContent)).toEqual(['1/2', '2/2']);
  });

  it('shows replies from the audience as people answering: a name and handle, whom they answer, and no mood label', async () => {
    const { user } = await renderFeed();
    await showAll(user);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      const element = article(reply.id);
      expect(element.dataset.source).toBe('audience');
      expect(within(element).getByTestId('feed-replying-to').textContent).toBe('Replying to @AzuriaInTallvik');
      // The mood is kept for the debrief, not printed.
      expect(element.dataset.mood).toBe(reply.mood);
      expect(element.textContent).not.toMatch(/Mood|Supportive|Grateful|Confused|Critical|Hostile/);
      const name = within(element).getByTestId('feed-author').textContent;
      if (reply.author) {
        expect(name).toBe(reply.author.name);
        expect(within(element).getByText(`@${reply.author.handle.replace(/^@/, '')}`)).toBeTruthy();
      } else {
        expect(name).toBe(personas.get(reply.personaId!)?.name.en ?? reply.personaId);
      }
      expect(within(element).getByText(reply.text.split('\n')[0]!.slice(0, 20), { exact: false })).toBeTruthy();
    }
  });

  it('shows a generated member of the public as a person, never as "A follower"', async () => {
    const reply = { ...replies[0]!, personaId: null, author: { name: 'Lena Varga', handle: 'lenavarga' } };
    await renderFeed({ items: [thread, reply] });
    expect(within(article(reply.id)).getByTestId('feed-author').textContent).toBe('Lena Varga');
    expect(within(article(reply.id)).getByText('@lenavarga')).toBeTruthy();
    expect(screen.queryByText('A follower')).toBeNull();
  });

  it('moves the counts of a publication as simulated time passes', async () => {
    const plan = state.reactions[thread.id]!;
    const { rerender } = await renderFeed({ items: [thread], now: thread.at + 1 });
    const early = summarizeAt(plan, thread.at + 1);
    const late = summarizeAt(plan, thread.at + 60);
    expect(late.reach).toBeGreaterThan(early.reach);
    expect(count(article(thread.id), 'views')!.dataset.value).toBe(String(early.reach));

    rerender({ items: [thread], now: thread.at + 60 });
    expect(count(article(thread.id), 'views')!.dataset.value).toBe(String(late.reach));
    expect(count(article(thread.id), 'likes')!.dataset.value).toBe(String(late.likes));
    expect(count(article(thread.id), 'replies')!.dataset.value).toBe(String(late.replies));
  });

  it('offers to reply to injects and audience replies, and highlights the item being answered', async () => {
    const onReply = vi.fn();
    const { user, rerender } = await renderFeed({ onReply });
    await showAll(user);
    await user.click(screen.getByRole('button', { name: 'Reply to Mira Holt, Meridian Wire' }));
    expect(onReply).toHaveBeenCalledWith(items.find((item) => item.id === 'holt-casualties'));

    const reply = replies.at(-1)!;
    await user.click(within(article(reply.id)).getByTestId('feed-reply'));
    expect(onReply).toHaveBeenLastCalledWith(reply);

    expect(screen.queryByText('You are replying to this')).toBeNull();
    rerender({ onReply, replyingTo: 'holt-casualties' });
    expect(article('holt-casualties').hasAttribute('data-replying')).toBe(true);
    expect(within(article('holt-casualties')).getByText('You are replying to this')).toBeTruthy();
    expect(article('irena-son').hasAttribute('data-replying')).toBe(false);
  });

  it('has no reply actions when replying is not possible', async () => {
    await renderFeed({ onReply: undefined });
    expect(screen.queryAllByTestId('feed-reply')).toHaveLength(0);
  });

  it('says so when nothing has arrived yet', async () => {
    await renderFeed({ items: [] });
    expect(screen.getByRole('heading', { name: 'Nothing here yet' })).toBeTruthy();
    expect(screen.queryByTestId('feed-list')).toBeNull();
  });

  it('names the account above the feed: name, platform, handle and followers', async () => {
    await renderFeed();
    const header = screen.getByTestId('feed-header');
    expect(within(header).getByRole('heading', { level: 2, name: 'Embassy of Azuria in Tallvik' })).toBeTruthy();
    expect(within(header).getByText('X · @AzuriaInTallvik')).toBeTruthy();
    expect(screen.getByTestId('feed-followers').textContent).toBe('34K followers');
  });
});

describe('FeedView: new items', () => {
  const template = items.find((item) => item.id === 'holt-casualties') as Extract<FeedItem, { source: 'inject' }>;
  /** Posts by others, one a row. */
  const others: FeedItem[] = Array.from({ length: 6 }, (_, index) => ({
    ...template,
    id: `other-${index}`,
    at: index,
    inject: { ...template.inject, id: `other-${index}` },
  }));
  it('keeps what the reader is looking at and offers the items that arrived above it', async () => {
    // Others' posts: the trainee's own show at once (see below).
    const upTo = (count: number) => others.slice(0, count);
    // Three rows fit: the reader sees the first three posts, newest first.
    const { user, rerender } = await renderFeed({ items: upTo(3) }, { viewport: 300 });
    const before = rendered();
    expect(before).toEqual(rowIds(upTo(3)));
    expect(screen.queryByTestId('feed-new-items')).toBeNull();
    // The pill's strip is there already, quiet: the pill takes its place without moving the feed.
    expect(screen.getByTestId('feed-up-to-date').textContent).toBe('No new posts');

    // New posts arrive above: counted as posts; an answer joining its post's row is no new post.
    rerender({ items: upTo(5) });
    expect(rendered()).toEqual(before);
    expect(screen.getByTestId('feed-new-items').textContent).toBe('2 new posts');
    expect(screen.queryByTestId('feed-up-to-date')).toBeNull();

    rerender({ items: upTo(6) });
    expect(rendered()).toEqual(before);
    expect(screen.getByTestId('feed-new-items').textContent).toBe('3 new posts');

    await user.click(screen.getByRole('button', { name: '3 new posts' }));
    expect(screen.queryByTestId('feed-new-items')).toBeNull();
    // The pill is gone; the keyboard stays in the feed.
    expect(document.activeElement).toBe(screen.getByTestId('feed-list'));
  });

  it('draws nothing of what arrived until the reader asks for it, even where the viewport has room', async () => {
    const upTo = (count: number) => others.slice(0, count);
    // A viewport with room for everything: a row drawn above the reader could show, so none is drawn.
    const { user, rerender } = await renderFeed({ items: upTo(3) });
    const before = rendered();
    rerender({ items: upTo(5) });
    expect(rendered()).toEqual(before);
    const arrived = rowIds(upTo(5)).slice(0, 2);
    for (const id of arrived) expect(screen.queryAllByTestId('feed-row').some((row) => row.dataset.root === id)).toBe(false);
    await user.click(screen.getByRole('button', { name: '2 new posts' }));
    expect(screen.getAllByTestId('feed-row').map((row) => row.dataset.root)).toEqual(rowIds(upTo(5)));
  });

  it("shows the trainee's own publication at once, at the top, with what arrived before it", async () => {
    const at = items.indexOf(thread);
    const before = items.slice(0, at).filter((item) => item.source !== 'trainee');
    const { rerender } = await renderFeed({ items: before.slice(0, 2) }, { viewport: 300 });
    rerender({ items: [...before, thread] });
    expect(screen.queryByTestId('feed-new-items')).toBeNull();
    expect(rendered()[0]).toBe(thread.id);
  });

  it('renders only a window of a long feed, and still offers new items without moving it', async () => {
    const template = items.find((item) => item.id === 'holt-casualties') as Extract<FeedItem, { source: 'inject' }>;
    const many: FeedItem[] = Array.from({ length: 5000 }, (_, index) => ({
      ...template,
      id: `bulk-${index}`,
      at: index,
      inject: { ...template.inject, id: `bulk-${index}` },
    }));
    const { rerender } = await renderFeed({ items: many }, { viewport: 1000 });
    const window = rendered();
    expect(window.length).toBeGreaterThan(0);
    expect(window.length).toBeLessThanOrEqual(20);
    expect(window[0]).toBe('bulk-4999');

    rerender({ items: [...many, { ...template, id: 'bulk-5000', at: 5000, inject: { ...template.inject, id: 'bulk-5000' } }] });
    expect(rendered()).toEqual(window);
    expect(screen.getByTestId('feed-new-items').textContent).toBe('1 new post');
  });

  it('keeps the window a reader scrolled to in the middle of a long feed when a batch arrives above it', async () => {
    const template = items.find((item) => item.id === 'holt-casualties') as Extract<FeedItem, { source: 'inject' }>;
    const bulk = (index: number): FeedItem => ({ ...template, id: `bulk-${index}`, at: index, inject: { ...template.inject, id: `bulk-${index}` } });
    const first = Array.from({ length: 2500 }, (_, index) => bulk(index));
    const { user, rerender } = await renderFeed({ items: first }, { viewport: 1000 });
    const list = screen.getByTestId('feed-list');
    // Halfway down, newest first: 1,250 items of 100 px above the reader.
    act(() => {
      list.scrollTop = 125_000;
      list.dispatchEvent(new Event('scroll'));
    });
    const window = rendered();
    expect(window[0]).toBe('bulk-1249');

    rerender({ items: [...first, ...Array.from({ length: 2500 }, (_, index) => bulk(2500 + index))] });
    expect(rendered()).toEqual(window);
    expect(screen.getByTestId('feed-new-items').textContent).toBe('2500 new posts');

    await user.click(screen.getByRole('button', { name: '2500 new posts' }));
    expect(screen.queryByTestId('feed-new-items')).toBeNull();
    // The list opens at its newest post, the keyboard in it.
    expect(rendered()[0]).toBe('bulk-4999');
    expect(document.activeElement).toBe(screen.getByTestId('feed-list'));
  });
});

describe('FeedView: skins', () => {
  const holt = () => article('holt-casualties');
  const own = () => article(thread.id);
  const on = (platform: Platform) => ({ account: { ...account, platform } });

  it.each<[Platform, string]>([
    ['x', 'x'],
    ['facebook', 'facebook'],
    ['vk', 'vk'],
    ['telegram', 'telegram'],
    ['weibo', 'weibo'],
    ['youtube', 'generic'],
    ['instagram', 'instagram'],
    ['threads', 'generic'],
    ['mastodon', 'generic'],
    ['bluesky', 'generic'],
    ['linkedin', 'generic'],
  ])('dresses a %s account in the %s skin', async (platform, skin) => {
    await renderFeed(on(platform));
    expect(screen.getByTestId('feed').dataset.skin).toBe(skin);
  });

  it('X-like: replies, reposts, likes and views', async () => {
    await renderFeed(on('x'));
    expect(
      within(own())
        .getAllByTestId('feed-count')
        .map((element) => element.dataset.metric),
    ).toEqual(['replies', 'shares', 'likes', 'views']);
    expect(within(own()).getByText(/^\d[\d,]* views?$/)).toBeTruthy();
  });

  it('Facebook-like: reactions, a line of comments and shares, and Like · Comment · Share', async () => {
    const onReply = vi.fn();
    const { user } = await renderFeed({ ...on('facebook'), onReply });
    expect(within(holt()).getByText('120 reactions')).toBeTruthy();
    expect(within(holt()).getByText('14 comments')).toBeTruthy();
    expect(within(holt()).getByText('95 shares')).toBeTruthy();
    expect(within(holt()).getByText('Like')).toBeTruthy();
    expect(within(holt()).getByText('Share')).toBeTruthy();
    await user.click(within(holt()).getByRole('button', { name: 'Comment on the post by Mira Holt, Meridian Wire' }));
    expect(onReply).toHaveBeenCalledWith(expect.objectContaining({ id: 'holt-casualties' }));
    // A page's admin sees how many people a post reached.
    expect(within(own()).getByText(/^Reached [\d.,]+K? (person|people)$/)).toBeTruthy();
  });

  it('Facebook-like: no @handles — the page\'s username as it is, names alone on posts and comments, and a comment\'s foot "Like · Reply · time"', async () => {
    const onReply = vi.fn();
    const { user } = await renderFeed({ ...on('facebook'), onReply });
    await showAll(user);
    expect(within(screen.getByTestId('feed-header')).getByText('Facebook · AzuriaInTallvik')).toBeTruthy();
    // The line with the author's name: no handle on any post or comment (mentions in a text stay).
    const metas = screen.getAllByTestId('feed-author').map((name) => name.parentElement!.textContent);
    expect(metas.length).toBeGreaterThan(5);
    for (const meta of metas) expect(meta).not.toContain('@');
    // A visitor's post is a post: Like · Comment · Share. A comment under it: Like · Reply · time.
    expect(within(holt()).getByText('Share')).toBeTruthy();
    const comment = article('irena-son');
    const foot = within(comment).getByTestId('feed-comment-foot');
    expect(within(foot).getByText('Like')).toBeTruthy();
    expect(within(foot).getByRole('button', { name: /^Reply to / })).toBeTruthy();
    expect(within(foot).getByText(/^T\+\d+:\d\d$/)).toBeTruthy();
    expect(within(comment).queryByText('Share')).toBeNull();
    // Whom a comment answers is said by name.
    const target = within(comment).queryByTestId('feed-replying-to');
    if (target) expect(target.textContent).not.toContain('@');
  });

  it('VK-like: likes, comments, reposts and views', async () => {
    await renderFeed(on('vk'));
    expect(
      within(own())
        .getAllByTestId('feed-count')
        .map((element) => element.dataset.metric),
    ).toEqual(['likes', 'replies', 'shares', 'views']);
    expect(within(holt()).getByText('14 comments')).toBeTruthy();
  });

  it('Telegram-like: the channel posts, with forwards, views and the time at the foot of the bubble; everyone else comments', async () => {
    await renderFeed(on('telegram'));
    const post = own();
    expect(within(post).getByText(/^[\d,]+ views?$/)).toBeTruthy();
    const time = within(post).getByText('T+0:45');
    expect(within(time.parentElement!).getByText(/^[\d,]+ forwards?$/)).toBeTruthy();
    // A persona's post on a channel is a message of its discussion (the channel had not posted yet)
    // or a comment under the channel's post: no forwards, no views.
    expect(within(holt()).getByText("In the channel's discussion")).toBeTruthy();
    expect(within(holt()).queryByText(/forwards?$/)).toBeNull();
    // Oldest first: the channel's post stands below what came before it.
    const ids = rendered();
    expect(ids.indexOf('holt-casualties')).toBeLessThan(ids.indexOf(thread.id));
  });

  it('Telegram: third-party news reaches the channel forwarded — the channel\'s post, "Forwarded from" its source, nothing to reply to', async () => {
    await renderFeed({ ...on('telegram'), onReply: vi.fn() });
    const news = article('aftershock-news');
    expect(news.dataset.forwarded).toBe('true');
    expect(within(news).getByTestId('feed-author').textContent).toBe('Embassy of Azuria in Tallvik');
    const source = items.find((item) => item.id === 'aftershock-news') as Extract<FeedItem, { source: 'inject' }>;
    expect(within(news).getByTestId('feed-forwarded').textContent).toBe(`Forwarded from ${personas.get(source.inject.persona)!.name.en}`);
    expect(within(news).queryByTestId('feed-reply')).toBeNull();
    expect(within(news).queryByTestId('feed-own')).toBeNull();
    expect(within(news).getByText(/^T\+\d+:\d\d$/)).toBeTruthy();
    // Elsewhere the report stays its author's, with the desk's Reply.
    cleanup();
    await renderFeed({ ...on('vk'), onReply: vi.fn() });
    expect(within(article('aftershock-news')).queryByTestId('feed-forwarded')).toBeNull();
    expect(within(article('aftershock-news')).getByTestId('feed-reply')).toBeTruthy();
  });

  it('Weibo-like: named cells for reposts, comments and likes', async () => {
    await renderFeed({ ...on('weibo'), onReply: vi.fn() });
    const row = within(holt());
    expect(row.getByText('Repost 95')).toBeTruthy();
    expect(row.getByText('Like 120')).toBeTruthy();
    expect(row.getByRole('button', { name: 'Comment on the post by Mira Holt, Meridian Wire' })).toBeTruthy();
    expect(within(own()).getByText(/^Comment \d+$/)).toBeTruthy();
  });

  it('Instagram-like: the picture first (a described placeholder when there is none), then the figures and the caption', async () => {
    await renderFeed(on('instagram'));
    const post = own();
    const picture = within(post).getByRole('img', { name: 'A placeholder picture: this post came without an image' });
    const caption = within(post).getAllByText(threadParts(thread.text)[0]!.text.trim().slice(0, 20), { exact: false })[0]!;
    expect(picture.compareDocumentPosition(caption) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(picture.compareDocumentPosition(count(post, 'likes')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Comments are not pictures.
    expect(within(article(replies.at(-1)!.id)).queryByTestId('feed-placeholder')).toBeNull();
    // A news outlet posts pictures too: its report is a picture (here a placeholder) with a caption.
    const news = article('aftershock-news');
    const newsPicture = within(news).getByTestId('feed-placeholder');
    expect(newsPicture.compareDocumentPosition(within(news).getByText('News')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // A trend is no post: no picture.
    expect(within(article('quake-trend')).queryByTestId('feed-placeholder')).toBeNull();
  });

  it("X: every post and reply shows its figures — a news outlet's post and the audience's replies too, zeros where nothing is known", async () => {
    const { user } = await renderFeed({ onReply: vi.fn() });
    await showAll(user);
    const news = items.find((item) => item.id === 'aftershock-news') as Extract<FeedItem, { source: 'inject' }>;
    const expected = news.inject.engagement ?? { replies: 0, shares: 0, likes: 0 };
    const figures = (element: HTMLElement) =>
      Object.fromEntries(
        within(element)
          .getAllByTestId('feed-count')
          .map((candidate) => [candidate.dataset.metric, Number(candidate.dataset.value)]),
      );
    expect(figures(article('aftershock-news'))).toEqual({ replies: expected.replies, shares: expected.shares, likes: expected.likes });
    for (const reply of replies) expect(figures(article(reply.id))).toEqual({ replies: 0, shares: 0, likes: 0 });
    // At zero X prints the icon alone; a screen reader still hears the figure.
    const zero = count(article(replies[0]!.id), 'likes')!;
    expect(zero.querySelector('[aria-hidden="true"]')!.textContent).toBe('');
    expect(within(zero).getByText('0 likes')).toBeTruthy();
    // A trend is still no post: no figures.
    expect(within(article('quake-trend')).queryAllByTestId('feed-count')).toHaveLength(0);
  });

  it.each<Platform>(['facebook', 'vk', 'telegram', 'weibo', 'instagram', 'youtube'])(
    '%s: news and trends carry no social buttons and no figures',
    async (platform) => {
      await renderFeed({ ...on(platform), onReply: vi.fn() });
      for (const id of ['quake-trend', 'aftershock-news']) {
        const report = article(id);
        expect(within(report).queryAllByTestId('feed-count')).toHaveLength(0);
        expect(within(report).queryByText(/^(Like|Comment|Share)$/)).toBeNull();
        if (platform !== 'instagram' || id === 'quake-trend') expect(within(report).queryByTestId('feed-placeholder')).toBeNull();
      }
      expect(within(article('quake-trend')).queryByTestId('feed-reply')).toBeNull();
    },
  );

  it('separates the figures a platform lists in words', async () => {
    await renderFeed(on('facebook'));
    const summary = within(holt()).getByText('14 comments').parentElement!;
    expect(summary.textContent).toBe('14 comments·95 shares');
    expect(within(summary).getByText('·').getAttribute('aria-hidden')).toBe('true');
  });

  it('calls the audience of a Telegram channel subscribers', async () => {
    await renderFeed({ account: scenario.accounts.find((candidate) => candidate.id === 'embassy-telegram')!, items: feedItemsFor(state, 'embassy-telegram') });
    expect(screen.getByTestId('feed-followers').textContent).toBe('21K subscribers');
    expect(screen.getByText('Telegram · @AzuriaEmbassyTallvik')).toBeTruthy();
  });
});

describe('FeedView: the fold', () => {
  // 139 letters, a space, then what a reader of the feed does not see without a click.
  const head = 'Consular update. '.padEnd(139, 'z');
  const long: FeedPublication = { ...thread, id: 'long-post', kind: 'post', text: `${head} Registration closes at noon.` };
  const withLong = [...items, long];

  it('cuts a long post where the platform folds it, and "See more" shows the rest', async () => {
    const { user } = await renderFeed({ items: withLong, foldAt: 140 });
    const post = article('long-post');
    expect(within(post).getByTestId('feed-folded').querySelector('p')!.textContent).toBe(`${head}…`);
    expect(post.textContent).not.toContain('Registration closes at noon.');
    await user.click(within(post).getByRole('button', { name: 'See more' }));
    expect(article('long-post').textContent).toContain(`${head} Registration closes at noon.`);
    expect(within(article('long-post')).queryByTestId('feed-see-more')).toBeNull();
  });

  it('folds neither a post that fits nor a comment', async () => {
    const short: FeedPublication = { ...long, id: 'short-post', text: head };
    const comment = { ...replies[0]!, id: 'long-comment', text: `${head} Registration closes at noon.` };
    await renderFeed({ items: [...withLong, short, comment], foldAt: 140 });
    expect(within(article('short-post')).queryByTestId('feed-see-more')).toBeNull();
    expect(within(article('long-comment')).queryByTestId('feed-see-more')).toBeNull();
    expect(article('long-comment').textContent).toContain('Registration closes at noon.');
  });

  it('shows the whole post where the platform does not fold', async () => {
    await renderFeed({ items: withLong });
    expect(screen.queryAllByTestId('feed-see-more')).toEqual([]);
    expect(article('long-post').textContent).toContain('Registration closes at noon.');
  });

  it('says "See more" in Russian', async () => {
    await renderFeed({ items: withLong, foldAt: 140 }, { language: 'ru' });
    expect(within(article('long-post')).getByRole('button', { name: 'Показать полностью' })).toBeTruthy();
  });
});

describe('FeedView: pictures', () => {
  const holt = items.find((item): item is Extract<FeedItem, { source: 'inject' }> => item.source === 'inject' && item.id === 'holt-casualties')!;
  const withPhoto: FeedItem = {
    ...holt,
    inject: { ...holt.inject, media: [{ file: 'media/terminal.png', alt: { en: 'Crowds at the terminal', ru: 'Толпы в терминале' } }] },
  };
  const withPictures = items.map((item) => (item.id === holt.id ? withPhoto : item));
  const holtPersona = personas.get(holt.inject.persona)!;
  const personasWithAvatar = new Map(personas).set(holtPersona.id, { ...holtPersona, avatar: 'media/holt.png' });
  const media = mediaResolverFor(
    new Map([
      ['media/terminal.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])],
      ['media/holt.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])],
    ]),
  );

  it("shows an inject's picture with its description, and the persona's own avatar", async () => {
    await renderFeed({ items: withPictures, personas: personasWithAvatar, media });
    const picture = within(article(holt.id)).getByRole('img', { name: 'Crowds at the terminal' });
    expect(picture.getAttribute('src')).toBe(media('media/terminal.png')!.url);
    expect(article(holt.id).querySelector(`img[src="${media('media/holt.png')!.url}"]`)).not.toBeNull();
  });

  it('describes the picture in words when the pack has no such file', async () => {
    await renderFeed({ items: withPictures, personas: personasWithAvatar, media: mediaResolverFor(new Map()) });
    expect(article(holt.id).textContent).toContain('Image: Crowds at the terminal');
    expect(within(article(holt.id)).queryByTestId('feed-media')).toBeNull();
  });
});

describe('FeedView in Russian', () => {
  const ruState = played('ru');
  const ruItems = feedItemsFor(ruState, account.id);
  const ruThread = ruItems.find((item): item is FeedPublication => item.source === 'trainee' && item.kind === 'thread')!;

  it('speaks Russian: header, items, counts, grade, replies and the pill', async () => {
    const { rerender, user } = await renderFeed(
      { items: ruItems, reactions: ruState.reactions, now: ruState.time, playLanguage: 'ru', onReply: vi.fn() },
      { language: 'ru' },
    );
    await showAll(user);
    expect(screen.getByTestId('feed-followers').textContent).toBe('34\u00a0тыс. подписчиков');
    expect(screen.getByRole('region', { name: 'Лента: Посольство Азурии в Таллвике (X)' })).toBeTruthy();
    const post = screen.getByRole('article', { name: 'Пост: Мира Холт, агентство «Меридиан», T+0:35' });
    expect(within(post).getByText('Подтверждённый аккаунт')).toBeTruthy();
    expect(within(post).getByText('14 ответов')).toBeTruthy();
    expect(within(post).getByText('95 репостов')).toBeTruthy();
    expect(within(post).getByText('120 отметок «Нравится»')).toBeTruthy();
    expect(within(post).getByRole('button', { name: 'Ответить: Мира Холт, агентство «Меридиан»' })).toBeTruthy();
    expect(within(article('irena-son')).getByText('В ответ @truthseeker_88')).toBeTruthy();
    const own = screen.getByRole('article', { name: 'Ваш тред, T+0:45' });
    expect(within(own).getAllByTestId('feed-own')[0]!.textContent).toBe('Вы');
    expect(within(own).getByTestId('feed-grade').textContent).toBe(`${ruThread.grade.passed ? 'Зачтено' : 'Не зачтено'} · ${average(ruThread)}`);
    const reply = ruItems.findLast((item) => item.source === 'audience')!;
    expect(within(article(reply.id)).getByText('В ответ @AzuriaInTallvik')).toBeTruthy();

    rerender({ items: ruItems.slice(0, 1), reactions: ruState.reactions, now: ruState.time, playLanguage: 'ru', account: { ...account, platform: 'vk' } });
    expect(screen.getByText('ВКонтакте · @AzuriaInTallvik')).toBeTruthy();
  });

  it('counts new posts with Russian plural forms', async () => {
    // Posts of a long feed: each stands alone.
    const template = ruItems.find((item) => item.id === 'holt-casualties') as Extract<FeedItem, { source: 'inject' }>;
    const bulk = Array.from({ length: 8 }, (_, index): FeedItem => ({
      ...template,
      id: `bulk-${index}`,
      at: index,
      inject: { ...template.inject, id: `bulk-${index}` },
    }));
    const { rerender } = await renderFeed({ items: bulk.slice(0, 3), playLanguage: 'ru' }, { language: 'ru', viewport: 300 });
    rerender({ items: bulk.slice(0, 5), playLanguage: 'ru' });
    expect(screen.getByTestId('feed-new-items').textContent).toBe('2 новые публикации');
    rerender({ items: bulk.slice(0, 8), playLanguage: 'ru' });
    expect(screen.getByTestId('feed-new-items').textContent).toBe('5 новых публикаций');
  });

  it('says so in Russian when nothing has arrived yet', async () => {
    await renderFeed({ items: [] }, { language: 'ru' });
    expect(screen.getByRole('heading', { name: 'Пока ничего нет' })).toBeTruthy();
  });
});
