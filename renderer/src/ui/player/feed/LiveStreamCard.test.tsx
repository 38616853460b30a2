// Runtime: Node (Vitest, happy-dom). The live stream card as the trainee sees it: the LIVE badge and
// the viewer count in the interface's language, the comments newest at the bottom, the controls on
// each comment by name (hide, unhide, pin, unpin, reply), a hidden comment greyed "Hidden by you",
// a pinned one on top, the stream following its newest comment unless the reader scrolled up, and
// no controls once the stream has ended. The stream is played through the real machine.
import path from 'node:path';
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../electron/contract/api';
import { replay, step } from '../../../core/engine/attempt';
import type { ScenarioSnapshot } from '../../../core/engine/attempt';
import type { EngineEvent } from '../../../core/engine/machine';
import { createScenarioMachine } from '../../../core/engine/machine';
import type { FeedInject } from '../../../core/engine/timeline';
import { loadPack } from '../../../core/pack/load';
import { createI18n } from '../../../i18n';
import { personasOf } from '../../../library/library';
import { readFolder } from '../../../test/packs';
import { theme } from '../../theme';
import type { LiveStreams } from './LiveStreamCard';
import { LiveStreamCard } from './LiveStreamCard';
import { usePeopleContext } from './people';

const pack = loadPack(readFolder(path.resolve(import.meta.dirname, '../../../core/engine/__fixtures__/live')), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const personas = personasOf({ pack, scenario });
const machine = createScenarioMachine({ scenario, playLanguage: 'en', manifest: pack.manifest, seed: 3 });

/** The attempt at `minute`, after `events` sent then. */
function playTo(minute: number, events: EngineEvent[] = []): ScenarioSnapshot {
  let snapshot = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: minute }]);
  for (const event of events) snapshot = step(machine, snapshot, event);
  return snapshot;
}

function Card(props: { snapshot: ScenarioSnapshot; onModerate?: LiveStreams['onModerate']; onReply?: (item: unknown) => void; playLanguage: string }) {
  const { feed, moderation, time } = props.snapshot.context.timeline;
  const people = usePeopleContext({ scenario, personas, playLanguage: props.playLanguage, items: feed });
  const stream = feed.find((item): item is FeedInject => item.source === 'inject' && item.id === 'reception')!;
  const live: LiveStreams = {
    comments: feed.flatMap((item) => (item.source === 'live-comment' ? [item] : [])),
    replies: feed.flatMap((item) => (item.source === 'trainee' ? [item] : [])),
    answers: feed.flatMap((item) => (item.source === 'audience' ? [item] : [])),
    moderation,
    onModerate: props.onModerate,
  };
  return <LiveStreamCard stream={stream} live={live} people={people} now={time} onReply={props.onReply} />;
}

async function renderCard(snapshot: ScenarioSnapshot, { language = 'en' as Language, onModerate = vi.fn(), onReply = vi.fn() } = {}) {
  const i18n = await createI18n(language);
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <Card snapshot={snapshot} onModerate={onModerate} onReply={onReply} playLanguage={language} />
      </I18nextProvider>
    </MantineProvider>,
  );
  return { onModerate, onReply, user: userEvent.setup() };
}

const commentIds = () => screen.getAllByTestId('live-comment').map((row) => row.dataset.comment);

afterEach(cleanup);

describe('the live stream card', () => {
  it('shows LIVE, how many watch, and the comments so far, newest at the bottom', async () => {
    await renderCard(playTo(12));
    expect(screen.getByTestId('live-badge').textContent).toContain('LIVE');
    // Two minutes in, between 120 and 640 at five: 328.
    expect(screen.getByTestId('live-viewers').textContent).toContain('328 watching');
    expect(commentIds()).toEqual(['c-praise', 'c-question', 'c-abuse', 'c-spam']);
    expect(screen.getByRole('log', { name: 'Comments on the live stream by Embassy of Azuria' })).toBeTruthy();
    expect(screen.getByText('You are all liars and idiots.')).toBeTruthy();
  });

  it('hides, pins and answers a comment from buttons named after its author', async () => {
    const { onModerate, onReply, user } = await renderCard(playTo(12));
    await user.click(screen.getByRole('button', { name: 'Hide the comment by Max Payne' }));
    expect(onModerate).toHaveBeenCalledWith('c-abuse', 'hide');
    await user.click(screen.getByRole('button', { name: 'Pin the comment by Irena Novak' }));
    expect(onModerate).toHaveBeenCalledWith('c-praise', 'pin');
    await user.click(screen.getByRole('button', { name: 'Reply to Irena Novak' }));
    expect(onReply).toHaveBeenCalledWith(expect.objectContaining({ source: 'live-comment', id: 'c-praise' }));
  });

  it('is used by keyboard: Tab reaches the stream and each comment’s buttons, Enter acts', async () => {
    const { onModerate, user } = await renderCard(playTo(12));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('log'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hide the comment by Irena Novak' }));
    await user.keyboard('{Enter}');
    expect(onModerate).toHaveBeenCalledWith('c-praise', 'hide');
  });

  it('greys a hidden comment "Hidden by you" with Unhide, and puts a pinned one on top', async () => {
    const snapshot = playTo(12, [
      { type: 'MODERATE', commentId: 'c-abuse', action: 'hide' },
      { type: 'MODERATE', commentId: 'c-question', action: 'pin' },
    ]);
    const { onModerate, user } = await renderCard(snapshot);
    const hidden = screen.getAllByTestId('live-comment').find((row) => row.dataset.comment === 'c-abuse')!;
    expect(hidden.getAttribute('data-hidden')).toBe('true');
    expect(within(hidden).getByText('Hidden by you')).toBeTruthy();
    expect(within(hidden).queryByRole('button', { name: /Pin/ })).toBeNull();
    await user.click(within(hidden).getByRole('button', { name: 'Unhide the comment by Max Payne' }));
    expect(onModerate).toHaveBeenCalledWith('c-abuse', 'unhide');
    expect(within(screen.getByTestId('live-pinned')).getByText('Where can I borrow Azurian books?')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Unpin the comment by / })).toHaveLength(1);
  });

  it('follows the newest comment, and offers a way back down to a reader who scrolled up', async () => {
    const { user } = await renderCard(playTo(12));
    const log = screen.getByRole('log');
    // happy-dom lays nothing out: the stream is given a size, and the reader scrolls it up.
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 800 });
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 280 });
    log.scrollTop = 100;
    fireEvent.scroll(log);
    expect(log.getAttribute('aria-live')).toBe('off');
    await user.click(screen.getByRole('button', { name: 'New comments ↓' }));
    expect(log.scrollTop).toBe(800);
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(screen.queryByTestId('live-to-newest')).toBeNull();
  });

  it('shows the audience’s replies to the trainee’s answer under that answer (the replies a report counts)', async () => {
    let snapshot = playTo(12, [
      {
        type: 'PUBLISH',
        draft: {
          accountId: 'embassy-fb',
          kind: 'reply',
          text: 'Our library lends Azurian books free of charge: the catalogue is on our website.',
          taskId: 'answer-question',
          replyTo: 'c-question',
        },
      },
    ]);
    snapshot = step(machine, snapshot, { type: 'CLOCK.TICK', minutes: 40 });
    expect(snapshot.context.refused).toBeNull();
    const answer = snapshot.context.timeline.feed.find((item) => item.source === 'trainee')!;
    const audience = snapshot.context.timeline.feed.filter((item) => item.source === 'audience' && item.replyTo === answer.id);
    expect(audience.length).toBeGreaterThan(0);
    await renderCard(snapshot);
    const thread = screen.getByTestId('live-own-thread');
    expect(within(thread).getByTestId('live-own-reply').textContent).toContain('Our library lends Azurian books');
    const shown = within(thread).getAllByTestId('live-answer');
    expect(shown).toHaveLength(audience.length);
    expect(shown[0]!.textContent).toContain(audience[0]!.source === 'audience' ? audience[0]!.text : '');
  });

  it('once the stream has ended, says so and offers nothing to do', async () => {
    await renderCard(playTo(21));
    expect(screen.getByTestId('live-badge').textContent).toContain('Stream ended');
    expect(screen.getByTestId('live-viewers').textContent).toContain('410 watched at the end');
    expect(commentIds()).toHaveLength(6);
    expect(screen.queryByRole('button', { name: /Hide|Pin|Reply/ })).toBeNull();
  });

  it('speaks Russian, with Russian plurals and digit grouping', async () => {
    await renderCard(playTo(15), { language: 'ru' });
    expect(screen.getByTestId('live-badge').textContent).toContain('В ЭФИРЕ');
    expect(screen.getByTestId('live-viewers').textContent).toContain('640 зрителей');
    expect(screen.getByRole('button', { name: 'Скрыть комментарий: Макс Пейн' })).toBeTruthy();
    expect(screen.getByText('Вы все лжецы и идиоты.')).toBeTruthy();
  });
});
