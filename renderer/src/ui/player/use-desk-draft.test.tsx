// Runtime: Node (Vitest, happy-dom). The composer on a trainee's desk aims where the trainee aims: on the
// X feed it writes for X, and a task opening on another account is offered, never taken, so Ctrl+Enter
// publishes on X; the whole target shows in one line; after a reply goes out the composer is a post
// again, answering nothing; the desk's own Ctrl+Enter refuses what the composer refuses; in the inbox a
// draft nobody aimed publishes nothing; a reload brings the draft back, still the trainee's to aim.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VirtuosoMockContext } from 'react-virtuoso';
import { describe, expect, it } from 'vitest';
import { createProfile } from '../../db/repositories/profiles';
import { createI18n } from '../../i18n';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { createFakePlatform, TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { App } from '../App';
import { loadStartup } from '../startup';
import { startAttempt } from './session';

async function newAttempt() {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena', academyId: '' });
  const ref = findScenario(loadBuiltinLibrary(TEST_APP_INFO.version), 'core-library', 'flights-suspended')!;
  return { db, attemptId: await startAttempt(db, profile.id, ref, 'en', 5) };
}

/** The app on the player's address of a new attempt (or of `existing`, as after a reload). */
async function openDesk(existing?: Awaited<ReturnType<typeof newAttempt>>) {
  const { db, attemptId } = existing ?? (await newAttempt());
  window.location.hash = `#/player/${attemptId}`;
  const startup = await loadStartup(db, createFakePlatform());
  const i18n = await createI18n(startup.language);
  await startup.services.library.load();
  // happy-dom lays nothing out: the feed's list is given a tall viewport, so every post is drawn.
  const view = render(
    <VirtuosoMockContext.Provider value={{ viewportHeight: 100_000, itemHeight: 100 }}>
      <App services={startup.services} i18n={i18n} initialTheme={startup.theme} initialProblem={startup.problem} />
    </VirtuosoMockContext.Provider>,
  );
  await screen.findByTestId('composer', {}, { timeout: 5000 });
  return { user: userEvent.setup(), db, attemptId, unmount: view.unmount };
}

const clock = () => screen.getByTestId('player-clock');
const text = () => screen.getByTestId<HTMLTextAreaElement>('composer-text');
const target = () => screen.getByTestId('composer-target');
/** What the line aims at (read as attributes: happy-dom's dataset leaves out empty values). */
const aim = () => {
  const line = target();
  return {
    account: line.getAttribute('data-account'),
    kind: line.getAttribute('data-kind'),
    task: line.getAttribute('data-task'),
    replyTo: line.getAttribute('data-reply-to'),
  };
};
const taskStatus = (id: string) => screen.getAllByTestId('player-task').find((task) => task.dataset.taskId === id)?.dataset.status;

async function jumpTo(time: string) {
  while (!clock().textContent?.startsWith(`T+${time} `)) {
    const before = clock().textContent;
    fireEvent.click(screen.getByTestId('player-next'));
    await waitFor(() => expect(clock().textContent).not.toBe(before));
  }
}

function publishWithKeyboard(words: string) {
  fireEvent.change(text(), { target: { value: words } });
  fireEvent.keyDown(text(), { key: 'Enter', ctrlKey: true });
}

describe('the composer on the desk', () => {
  it('stays on the X feed’s account when a task opens on another account, offers it, and Ctrl+Enter publishes on X', async () => {
    const { user } = await openDesk();
    await user.click(screen.getByTestId('player-account-embassy-x'));
    // The notification task opens at 0:05 on VK, the reply to Pavel at 0:12 on Telegram.
    await jumpTo('0:12');
    expect(taskStatus('mass-notification')).toBe('open');
    publishWithKeyboard('Flights from Coral Bay are suspended; our hotline is open.');
    await waitFor(() => expect(text().value).toBe(''));
    // Nothing was spent: both tasks are still open.
    expect(taskStatus('mass-notification')).toBe('open');
    expect(taskStatus('reply-pavel')).toBe('open');
    expect(aim()).toMatchObject({ account: 'embassy-x', kind: 'post', task: '' });
    const offers = screen.getAllByTestId('composer-offer');
    expect(offers.map((offer) => offer.dataset.taskId)).toEqual(['mass-notification', 'reply-pavel']);
    expect(offers[1]!.textContent).toContain('New task on Telegram · @AzuriaEmbassyMarenia');
    // Where it went: the X feed, as the line said.
    expect(screen.getAllByTestId('feed-item').some((item) => item.dataset.source === 'trainee')).toBe(true);
    expect(screen.getByTestId('player-account-embassy-x').getAttribute('aria-current')).toBe('true');
  }, 30_000);

  it('in the inbox with nothing chosen, says to choose a message or a feed, publishes nothing, and follows the feed opened next', async () => {
    const { user } = await openDesk();
    await user.click(screen.getByTestId('player-inbox'));
    expect(target().textContent).toContain('Nothing chosen yet — Choose a message to answer, or open an account’s feed to post.');
    expect(target().getAttribute('data-needs-target')).toBe('true');
    publishWithKeyboard('Flights from Coral Bay are suspended.');
    // Neither the composer's Ctrl+Enter nor the desk's publishes it.
    fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
    expect(text().value).toBe('Flights from Coral Bay are suspended.');
    expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(true);
    // Opening a feed is the other choice the line offers: the words go there.
    await user.click(screen.getByTestId('player-account-embassy-telegram'));
    expect(aim()).toMatchObject({ account: 'embassy-telegram', kind: 'post', task: '' });
    expect(target().getAttribute('data-needs-target')).toBeNull();
    expect(text().value).toBe('Flights from Coral Bay are suspended.');
  }, 30_000);

  it('takes an offered task only when asked, and then writes for its account', async () => {
    const { user } = await openDesk();
    await user.click(screen.getByTestId('player-account-embassy-x'));
    await jumpTo('0:12');
    const offer = screen.getAllByTestId('composer-offer').find((candidate) => candidate.dataset.taskId === 'reply-pavel')!;
    await user.click(within(offer).getByRole('button', { name: /Write it/ }));
    expect(aim()).toMatchObject({ account: 'embassy-telegram', kind: 'reply', task: 'reply-pavel', replyTo: 'pavel-comment' });
    expect(screen.getByTestId('player-account-embassy-telegram').getAttribute('aria-current')).toBe('true');
    expect(screen.getAllByTestId('composer-offer').map((candidate) => candidate.dataset.taskId)).toEqual(['mass-notification']);
  }, 30_000);

  it('names the account with its platform and handle in one line: every account has the same name', async () => {
    const { user } = await openDesk();
    await user.click(screen.getByTestId('player-account-embassy-telegram'));
    expect(target().textContent).toContain('Post on Telegram');
    expect(target().textContent).toContain('Embassy of Azuria in Marenia @AzuriaEmbassyMarenia');
    expect(target().textContent).toContain('own publication');
    expect(screen.getByTestId('composer-publish').textContent).toBe('Publish post on Telegram');
    await user.click(screen.getByTestId('player-account-embassy-x'));
    expect(target().textContent).toContain('Embassy of Azuria in Marenia @AzuriaInMarenia');
  }, 30_000);

  it('is a post again, answering nothing, once a reply has been published', async () => {
    const { user } = await openDesk();
    await user.click(screen.getByTestId('player-account-embassy-x'));
    await jumpTo('0:02');
    const news = screen.getAllByTestId('feed-item').find((item) => item.dataset.itemId === 'airport-closed')!;
    await user.click(within(news).getByTestId('feed-reply'));
    expect(screen.getByTestId<HTMLSelectElement>('composer-kind').value).toBe('reply');
    expect(screen.getByTestId('composer-reply-target')).toBeTruthy();

    publishWithKeyboard('We are following the closure and will post updates here.');
    await waitFor(() => expect(screen.getAllByTestId('feed-item').some((item) => item.dataset.source === 'trainee')).toBe(true));
    expect(screen.getByTestId<HTMLSelectElement>('composer-kind').value).toBe('post');
    expect(screen.queryByTestId('composer-reply-target')).toBeNull();
    expect(aim()).toMatchObject({ account: 'embassy-x', kind: 'post', task: '', replyTo: '' });
  }, 30_000);

  it('refuses at the desk’s own Ctrl+Enter what the composer refuses: a post over X’s limit stays unpublished', async () => {
    const { user } = await openDesk();
    await user.click(screen.getByTestId('player-account-embassy-x'));
    await jumpTo('0:02');
    fireEvent.change(text(), { target: { value: 'b'.repeat(492) } });
    expect(screen.getByTestId('composer-refusal').getAttribute('data-key')).toBe('too-long');
    // Focus elsewhere on the desk: the player's own shortcut answers, and must refuse too.
    screen.getByTestId('player-title').focus();
    fireEvent.keyDown(document.body, { key: 'Enter', code: 'Enter', ctrlKey: true });
    fireEvent.keyDown(screen.getByTestId('player-title'), { key: 'Enter', code: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('player').getAttribute('data-draft-saved')).toBe('true'));
    expect(text().value).toHaveLength(492);
    expect(screen.getAllByTestId('feed-item').some((item) => item.dataset.source === 'trainee')).toBe(false);
  }, 30_000);

  it('comes back after a reload as the trainee left it, and a draft they had touched still follows no feed', async () => {
    const attempt = await newAttempt();
    const first = await openDesk(attempt);
    await first.user.click(screen.getByTestId('player-account-embassy-x'));
    fireEvent.change(text(), { target: { value: 'Half a statement' } });
    await waitFor(() => expect(screen.getByTestId('player').getAttribute('data-draft-saved')).toBe('true'), { timeout: 5000 });
    first.unmount();

    const again = await openDesk(attempt);
    await waitFor(() => expect(text().value).toBe('Half a statement'));
    expect(aim()).toMatchObject({ account: 'embassy-x', kind: 'post', task: '' });
    await again.user.click(screen.getByTestId('player-account-embassy-telegram'));
    expect(aim().account).toBe('embassy-x');
  }, 30_000);
});
