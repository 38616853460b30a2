// Runtime: Node (Vitest, happy-dom). The inbox as the trainee sees it: conversations grouped by
// persona, headquarters marked, sent messages and notifications with their delivery, replies, and
// Russian.
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import type { FeedItem, FeedPublication } from '../../../core/engine/timeline';
import { loadPack } from '../../../core/pack/load';
import { createI18n } from '../../../i18n';
import { personasOf } from '../../../library/library';
import { modelAnswer, playScenario } from '../../../test/engine';
import { CORE_LIBRARY_DIR, readFolder } from '../../../test/packs';
import { theme } from '../../theme';
import type { InboxViewProps } from './InboxView';
import { InboxView } from './InboxView';
import { mediaResolverFor } from './media';
import { inboxItemsFor } from './select';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;

function played(scenarioId: string, language: string) {
  const scenario = pack.scenarios.find((candidate) => candidate.id === scenarioId)!;
  const state = playScenario(scenario, language, pack.manifest, (taskId) => modelAnswer(scenario, taskId, language), 5).state;
  return { scenario, state, personas: personasOf({ pack, scenario }), items: inboxItemsFor(state) };
}

const earthquake = played('earthquake-consular', 'en');
const flights = played('flights-suspended', 'en');

async function renderInbox(props: Partial<InboxViewProps> = {}, language: Language = 'en') {
  const i18n = await createI18n(language);
  const base: InboxViewProps = {
    items: earthquake.items,
    scenario: earthquake.scenario,
    personas: earthquake.personas,
    reactions: earthquake.state.reactions,
    now: earthquake.state.time,
    playLanguage: 'en',
    ...props,
  };
  const ui = (next: InboxViewProps) => (
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <InboxView {...next} />
      </I18nextProvider>
    </MantineProvider>
  );
  const user = userEvent.setup();
  const result = render(ui(base));
  return { ...result, user, rerender: (next: Partial<InboxViewProps>) => result.rerender(ui({ ...base, ...next })) };
}

const conversation = (name: string) => screen.getByRole('region', { name });
const messageIds = (element: HTMLElement) =>
  within(element)
    .getAllByTestId('inbox-item')
    .map((item) => item.dataset.itemId);
const flightsPlayed = flights;

describe('InboxView', () => {
  it('groups messages by persona, the most recently active conversation first', async () => {
    await renderInbox();
    const inbox = screen.getByTestId('inbox');
    expect(within(inbox).getByRole('heading', { level: 2, name: 'Inbox' })).toBeTruthy();
    const names = within(inbox)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(names).toContain('Maya Kern');
    const lastAts = within(inbox)
      .getAllByTestId('inbox-conversation')
      .map((element) =>
        Math.max(
          ...within(element)
            .getAllByTestId('inbox-item')
            .map((item) => earthquake.items.find((candidate) => candidate.id === item.dataset.itemId)!.at),
        ),
      );
    expect(lastAts).toEqual([...lastAts].sort((a, b) => b - a));
    expect(screen.getAllByTestId('inbox-item')).toHaveLength(earthquake.items.length);
  });

  it("shows a citizen's message, the trainee's answer with its grade and delivery, and the citizen's reply in one conversation", async () => {
    await renderInbox();
    const oleg = conversation(earthquake.personas.get('citizen-oleg')!.name.en!);
    const answer = earthquake.items.find((item): item is FeedPublication => item.source === 'trainee')!;
    expect(messageIds(oleg)).toEqual(['oleg-passport', answer.id, `${answer.id}-reply-1`]);
    const mine = within(oleg).getAllByTestId('inbox-item')[1]!;
    expect(mine.dataset.source).toBe('trainee');
    expect(within(mine).getByText('You')).toBeTruthy();
    expect(within(mine).getByTestId('inbox-status').textContent).toBe('Delivered');
    expect(within(mine).getByTestId('feed-grade').textContent).toMatch(answer.grade.passed ? /^Passed · \d+$/ : /^Failed · \d+$/);
    const reply = within(oleg).getAllByTestId('inbox-item')[2]!;
    // The mood a reply was drawn for is the debrief's statistic, not a label on the message.
    expect(within(reply).queryByTestId('inbox-mood')).toBeNull();
    expect(within(reply).queryByText(/Mood/)).toBeNull();
    expect(within(oleg).getByText('Telegram', { exact: false })).toBeTruthy();
  });

  it('marks headquarters and their requests, which are not answered in the inbox', async () => {
    await renderInbox({ onReply: vi.fn() });
    const headquarters = conversation('MFA Press Department');
    expect(headquarters.dataset.headquarters).toBe('true');
    expect(within(headquarters).getAllByText('Headquarters').length).toBeGreaterThan(1);
    expect(messageIds(headquarters)).toEqual(['hq-first-post', 'hq-thread', 'hq-hiding']);
    expect(within(headquarters).queryByTestId('inbox-reply')).toBeNull();
    expect(conversation('Maya Kern').dataset.headquarters).toBeUndefined();
  });

  it('offers a reply to direct messages from personas, by mouse and keyboard', async () => {
    const onReply = vi.fn();
    const { user } = await renderInbox({ onReply });
    const maya = conversation('Maya Kern');
    await user.click(within(maya).getAllByRole('button', { name: 'Reply to Maya Kern' })[0]!);
    expect(onReply).toHaveBeenCalledWith(earthquake.items.find((item) => item.id === 'maya-dorm'));

    const oleg = conversation(earthquake.personas.get('citizen-oleg')!.name.en!);
    const buttons = within(oleg).getAllByTestId('inbox-reply');
    // Oleg's message and Oleg's answer to the trainee; never the trainee's own message.
    expect(buttons).toHaveLength(2);
    buttons[0]!.focus();
    await user.keyboard('{Enter}');
    expect(onReply).toHaveBeenLastCalledWith(earthquake.items.find((item) => item.id === 'oleg-passport'));
  });

  it('has no reply buttons when replying is not possible', async () => {
    await renderInbox({ onReply: undefined });
    expect(screen.queryAllByTestId('inbox-reply')).toHaveLength(0);
  });

  it('highlights the message being answered', async () => {
    await renderInbox({ replyingTo: 'maya-dorm' });
    const maya = within(conversation('Maya Kern'))
      .getAllByTestId('inbox-item')
      .find((item) => item.dataset.itemId === 'maya-dorm')!;
    expect(maya.hasAttribute('data-replying')).toBe(true);
    expect(within(maya).getByText('You are replying to this')).toBeTruthy();
  });

  it('counts whom a mass notification reached, once it has gone out', async () => {
    const notification = flightsPlayed.items.find((item): item is FeedPublication => item.source === 'trainee' && item.kind === 'mass-notification')!;
    const props = { items: flightsPlayed.items, scenario: flightsPlayed.scenario, personas: flightsPlayed.personas, reactions: flightsPlayed.state.reactions };
    const { rerender } = await renderInbox({ ...props, now: notification.at });
    const notifications = conversation('Your notifications');
    expect(notifications.dataset.kind).toBe('notifications');
    const sent = () =>
      within(notifications)
        .getAllByTestId('inbox-item')
        .find((item) => item.dataset.itemId === notification.id)!;
    expect(within(sent()).getByText('Mass notification')).toBeTruthy();
    expect(within(sent()).getByTestId('inbox-status').textContent).toBe('Sending…');

    rerender({ ...props, now: notification.at + 1 });
    expect(within(sent()).getByTestId('inbox-status').textContent).toBe('Delivered to 48,000 subscribers');

    rerender({ ...props, reactions: undefined });
    expect(within(sent()).getByTestId('inbox-status').textContent).toBe('Sent');
  });

  it('says so when no message has arrived yet', async () => {
    await renderInbox({ items: [] });
    expect(screen.getByRole('heading', { name: 'No messages yet' })).toBeTruthy();
    expect(screen.queryAllByTestId('inbox-conversation')).toHaveLength(0);
  });
});

describe('InboxView in Russian', () => {
  const ru = played('earthquake-consular', 'ru');
  const ruFlights = played('flights-suspended', 'ru');

  it('speaks Russian: headings, headquarters, replies and delivery', async () => {
    await renderInbox({ items: ru.items, reactions: ru.state.reactions, now: ru.state.time, playLanguage: 'ru', onReply: vi.fn() }, 'ru');
    expect(screen.getByRole('heading', { level: 2, name: 'Входящие' })).toBeTruthy();
    const headquarters = conversation('Департамент информации МИД');
    expect(within(headquarters).getAllByText('Центр').length).toBeGreaterThan(1);
    const maya = conversation(ru.personas.get('student-maya')!.name.ru!);
    expect(within(maya).getAllByRole('button', { name: `Ответить: ${ru.personas.get('student-maya')!.name.ru!}` }).length).toBeGreaterThan(0);
    expect(within(conversation(ru.personas.get('citizen-oleg')!.name.ru!)).getByTestId('inbox-status').textContent).toBe('Доставлено');
  });

  it('counts notification recipients with Russian grammar', async () => {
    const notification = ruFlights.items.find((item) => item.source === 'trainee' && item.kind === 'mass-notification')!;
    await renderInbox(
      {
        items: ruFlights.items,
        scenario: ruFlights.scenario,
        personas: ruFlights.personas,
        reactions: ruFlights.state.reactions,
        now: notification.at + 5,
        playLanguage: 'ru',
      },
      'ru',
    );
    expect(within(conversation('Ваши оповещения')).getAllByTestId('inbox-status')[0]!.textContent).toBe('Доставлено 48\u00a0000 подписчикам');
  });
});

describe('InboxView: pictures', () => {
  it("shows a message's picture and the sender's avatar from the pack", async () => {
    const message = earthquake.items.find(
      (item): item is Extract<FeedItem, { source: 'inject' }> => item.source === 'inject' && item.inject.type === 'direct-message',
    )!;
    const withPhoto: FeedItem = {
      ...message,
      inject: { ...message.inject, media: [{ file: 'media/passport.jpg', alt: { en: 'A photo of the damaged passport' } }] },
    };
    const sender = earthquake.personas.get(message.inject.persona)!;
    const media = mediaResolverFor(
      new Map([
        ['media/passport.jpg', new Uint8Array([0xff, 0xd8, 0xff])],
        ['media/sender.webp', new Uint8Array([0x52, 0x49, 0x46, 0x46])],
      ]),
    );
    await renderInbox({
      items: earthquake.items.map((item) => (item.id === message.id ? withPhoto : item)),
      personas: new Map(earthquake.personas).set(sender.id, { ...sender, avatar: 'media/sender.webp' }),
      media,
    });
    const item = screen.getAllByTestId('inbox-item').find((element) => element.dataset.itemId === message.id)!;
    expect(within(item).getByRole('img', { name: 'A photo of the damaged passport' }).getAttribute('src')).toBe(media('media/passport.jpg')!.url);
    const heading = screen.getAllByTestId('inbox-conversation').find((element) => element.dataset.persona === sender.id)!;
    expect(heading.querySelector(`img[src="${media('media/sender.webp')!.url}"]`)).not.toBeNull();
  });
});

describe('InboxView: urgent messages', () => {
  // Lina's insulin message (1:10) is urgent and no task asks for an answer; the model play sends none.
  const lina = () => within(conversation(flights.personas.get('tourist-lina')!.name.en!));
  const props = (items: FeedItem[]): Partial<InboxViewProps> => ({
    items,
    scenario: flights.scenario,
    personas: flights.personas,
    reactions: flights.state.reactions,
    now: flights.state.time,
    onReply: vi.fn(),
  });
  const answer = (at: number): FeedPublication => {
    const sent = flights.items.find((item): item is FeedPublication => item.source === 'trainee')!;
    return {
      ...sent,
      id: 'pub-answer',
      at,
      accountId: 'embassy-vk',
      kind: 'direct-message',
      taskId: null,
      replyTo: 'lina-insulin',
      text: 'Call the consul now.',
    };
  };

  // A reply to the mass notification arriving after Lina's message: that conversation is the most recently active.
  const later = (): FeedItem[] => {
    const reply = flights.items.filter((item) => item.source === 'audience').at(-1)!;
    return [...flights.items, { ...reply, id: 'late-reply', at: 95 }];
  };

  it('marks it urgent, in words and in its accessible name, and raises its conversation to the top while unanswered', async () => {
    await renderInbox(props(later()));
    const conversations = screen.getAllByTestId('inbox-conversation');
    expect(conversations[0]!.dataset.persona).toBe('tourist-lina');
    expect(conversations[1]!.dataset.kind).toBe('notifications');
    expect(conversations[0]!.dataset.urgent).toBe('true');
    expect(lina().getByTestId('inbox-awaiting-answer').textContent).toBe('Urgent: not answered yet');
    const message = lina().getByRole('article', { name: 'Urgent. Message from Lina Sarr, T+1:10' });
    expect(message.dataset.urgent).toBe('unanswered');
    expect(within(message).getByTestId('inbox-urgent').textContent).toBe('Urgent');
    // Other messages are not urgent.
    expect(screen.getAllByTestId('inbox-urgent')).toHaveLength(1);
  });

  it('says when it was answered, and lets its conversation fall back into order', async () => {
    const items = [...later().filter((item) => item.at <= 80), answer(80), ...later().filter((item) => item.at > 80)];
    await renderInbox(props(items));
    expect(lina().queryByTestId('inbox-awaiting-answer')).toBeNull();
    const message = lina().getByRole('article', { name: 'Urgent. Message from Lina Sarr, T+1:10' });
    expect(message.dataset.urgent).toBe('answered');
    expect(within(message).getByTestId('inbox-urgent').textContent).toBe('Urgent · answered at 1:20');
    const conversations = screen.getAllByTestId('inbox-conversation');
    expect(conversations.every((element) => element.dataset.urgent === undefined)).toBe(true);
    const lastAts = conversations.map((element) =>
      Math.max(
        ...within(element)
          .getAllByTestId('inbox-item')
          .map((item) => items.find((candidate) => candidate.id === item.dataset.itemId)!.at),
      ),
    );
    expect(lastAts).toEqual([...lastAts].sort((a, b) => b - a));
    expect(conversations[0]!.dataset.kind).toBe('notifications');
  });

  it('speaks Russian', async () => {
    const ru = played('flights-suspended', 'ru');
    await renderInbox({ ...props(ru.items), personas: ru.personas, playLanguage: 'ru' }, 'ru');
    const name = ru.personas.get('tourist-lina')!.name.ru!;
    expect(within(conversation(name)).getByTestId('inbox-awaiting-answer').textContent).toBe('Срочно: ответа ещё нет');
    expect(within(conversation(name)).getByRole('article', { name: `Срочно. Сообщение: ${name}, T+1:10` })).toBeTruthy();
  });
});

describe('a request from headquarters', () => {
  const request = earthquake.items.find((item) => item.source === 'inject' && item.inject.type === 'hq-request')!;
  const account = request.source === 'inject' ? request.inject.account : '';

  it('offers no "Write the report" while its account has no open report task (a request to publish is answered by publishing)', async () => {
    await renderInbox({ onReply: vi.fn() });
    expect(screen.queryAllByTestId('inbox-report')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /^Write the report/ })).toBeNull();
  });

  it('offers "Write the report" when its account has an open report task, and answers that request', async () => {
    const onReply = vi.fn();
    const { user } = await renderInbox({ onReply, reportAccounts: new Set([account]) });
    const message = screen.getAllByTestId('inbox-item').find((element) => element.dataset.itemId === request.id)!;
    await user.click(within(message).getByRole('button', { name: /^Write the report to / }));
    expect(onReply).toHaveBeenCalledWith(expect.objectContaining({ id: request.id }));
  });
});
