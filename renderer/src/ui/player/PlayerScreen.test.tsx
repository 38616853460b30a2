// Runtime: Node (Vitest, happy-dom). The player opened from its address: a saved attempt resumes,
// one saved under other versions says it was rebuilt from its log, one whose log is damaged opens
// read-only under a banner and can be deleted, and a missing one says so; Finish names the urgent
// messages still unanswered.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createProfile } from '../../db/repositories/profiles';
import type { EngineEvent } from '../../core/engine/machine';
import { readAttempt, readAttemptEvents } from '../../db/repositories/attempts';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { renderApp, TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import type { LoadedAttempt } from './session';
import { AttemptSession, loadAttempt, startAttempt } from './session';

async function savedAttempt() {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena', academyId: '' });
  const library = loadBuiltinLibrary(TEST_APP_INFO.version);
  const ref = findScenario(library, 'core-library', 'flights-suspended')!;
  const attemptId = await startAttempt(db, profile.id, ref, 'en', 5);
  return { db, attemptId, library, ref };
}

/**
 * An attempt that published the notification at 0:05, whose log then lost that publication's text
 * and whose snapshot was made under another pack version: opening it reads the damaged log.
 */
async function damagedAttempt() {
  const { db, attemptId, library, ref } = await savedAttempt();
  const session = new AttemptSession(db, (await loadAttempt(db, library, attemptId)) as LoadedAttempt, {
    appVersion: '0.1.0',
    onSaveError: (error) => expect.fail(String(error)),
  });
  const task = ref.scenario.tasks.find((candidate) => candidate.id === 'mass-notification')!;
  // The task opens at 0:05 ("Next event" would stop at the injects before it).
  session.send({ type: 'CLOCK.TICK', minutes: 5 });
  session.send({ type: 'PUBLISH', draft: { accountId: task.account, kind: task.kind, text: task.modelAnswer.en!, taskId: task.id, replyTo: null } });
  await session.flush();
  const row = (await db.attemptEvents.get([attemptId, 2]))!;
  const { draft } = row.event as Extract<EngineEvent, { type: 'PUBLISH' }>;
  await db.attemptEvents.put({
    ...row,
    event: { type: 'PUBLISH', draft: { accountId: draft.accountId, kind: draft.kind, taskId: draft.taskId, replyTo: draft.replyTo } } as unknown as EngineEvent,
  });
  const saved = (await readAttempt(db, attemptId))!;
  await db.attempts.put({ ...saved, versions: { ...saved.versions, packVersion: '0.9.0' } });
  return { db, attemptId, record: (await readAttempt(db, attemptId))! };
}

describe('the player screen', () => {
  it('resumes a saved attempt at its address, live and on time', async () => {
    const { db, attemptId } = await savedAttempt();
    window.location.hash = `#/player/${attemptId}`;
    await renderApp({ db });
    const player = await screen.findByTestId('player', {}, { timeout: 5000 });
    expect(player.getAttribute('data-state')).toBe('live');
    expect(screen.getByTestId('player-clock').textContent).toBe('T+0:00 of 3:00');
    expect(screen.getAllByTestId('player-task').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('player-restore-note')).toBeNull();
    // What a damaged attempt goes without.
    expect(player.getAttribute('data-read-only')).toBeNull();
    expect(screen.queryByTestId('attempt-damaged')).toBeNull();
    for (const part of ['composer', 'player-speed', 'player-next', 'player-finish', 'player-save']) expect(screen.queryByTestId(part)).not.toBeNull();
  });

  it('says when an attempt was rebuilt from its log', async () => {
    const { db, attemptId } = await savedAttempt();
    const saved = (await readAttempt(db, attemptId))!;
    await db.attempts.put({ ...saved, versions: { ...saved.versions, packVersion: '0.9.0' } });
    window.location.hash = `#/player/${attemptId}`;
    await renderApp({ db });
    expect((await screen.findByTestId('player-restore-note', {}, { timeout: 5000 })).textContent).toContain('rebuilt from its log');
    expect(screen.getByTestId('player').getAttribute('data-state')).toBe('live');
  });

  it('says when an attempt was rebuilt from its log because its saved state was damaged', async () => {
    const { db, attemptId } = await savedAttempt();
    await db.attemptSnapshots.put({ attemptId, snapshot: { status: 'active', value: 'live', context: 'lost' } });
    window.location.hash = `#/player/${attemptId}`;
    await renderApp({ db });
    expect((await screen.findByTestId('player-restore-note', {}, { timeout: 5000 })).textContent).toContain(
      'could not be read, so it was rebuilt from its log',
    );
    expect(screen.getByTestId('player').getAttribute('data-state')).toBe('live');
    expect(screen.queryByTestId('attempt-damaged')).toBeNull();
  });

  it('is offered from Home while the attempt is in progress', async () => {
    const { db, attemptId } = await savedAttempt();
    await renderApp({ db });
    const resume = await screen.findByTestId('home-resume', {}, { timeout: 5000 });
    expect(resume.textContent).toBe('Resume “Flights suspended at Coral Bay”');
    expect(resume.getAttribute('href')).toBe(`#/player/${attemptId}`);
  });

  it('lets the trainee write without a task: an empty composer stops following the open tasks once told to', async () => {
    const { db, attemptId } = await savedAttempt();
    window.location.hash = `#/player/${attemptId}`;
    await renderApp({ db });
    const task = (await screen.findByTestId('composer-task', {}, { timeout: 5000 })) as HTMLSelectElement;
    const clock = screen.getByTestId('player-clock');

    const jumpTo = async (time: string) => {
      while (clock.textContent !== `T+${time} of 3:00`) {
        const before = clock.textContent;
        fireEvent.click(screen.getByTestId('player-next'));
        await waitFor(() => expect(clock.textContent).not.toBe(before));
      }
    };

    // The notification task opens at 0:05; the empty composer takes it up.
    await jumpTo('0:05');
    await waitFor(() => expect(task.value).toBe('mass-notification'));

    fireEvent.change(task, { target: { value: '' } });
    await waitFor(() => expect(task.value).toBe(''));
    // Another task opening does not take the composer back.
    await jumpTo('0:12');
    expect(task.value).toBe('');
    expect([...task.options].map((option) => option.value)).toEqual(['', 'mass-notification', 'reply-pavel']);
  });

  it('opens an attempt whose log is damaged read-only, saying where and what, without the clock or the composer', async () => {
    const { db, attemptId, record } = await damagedAttempt();
    window.location.hash = `#/player/${attemptId}`;
    await renderApp({ db });
    const banner = await screen.findByRole('status', { name: "This attempt's record is damaged: it is shown read-only" }, { timeout: 5000 });
    expect(within(banner).getByTestId('attempt-damaged-where').textContent).toBe('Event 3 of 3 (publish at 0:05) has no text.');
    expect(banner.textContent).toContain('Nothing in it was changed.');

    const player = screen.getByTestId('player');
    expect(player.getAttribute('data-read-only')).toBe('true');
    // As it stood before the damaged event: at 0:05, the notification task still open.
    expect(screen.getByTestId('player-clock').textContent).toBe('T+0:05 of 3:00');
    expect(
      screen
        .getAllByTestId('player-task')
        .find((task) => task.getAttribute('data-task-id') === 'mass-notification')
        ?.getAttribute('data-status'),
    ).toBe('open');
    for (const part of ['composer', 'player-speed', 'player-next', 'player-finish', 'player-save', 'player-task-write'])
      expect(screen.queryByTestId(part)).toBeNull();
    expect(player.querySelector('textarea')).toBeNull();
    expect(await readAttempt(db, attemptId)).toEqual(record);
  });

  it('deletes a damaged attempt from its banner, once confirmed, with its log', async () => {
    const { db, attemptId } = await damagedAttempt();
    window.location.hash = `#/player/${attemptId}`;
    const { user } = await renderApp({ db });
    await user.click(await screen.findByRole('button', { name: 'Delete this attempt' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this damaged attempt?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete the attempt' }));
    await waitFor(() => expect(window.location.hash).toBe('#/history'));
    expect(await readAttempt(db, attemptId)).toBeNull();
    expect(await readAttemptEvents(db, attemptId)).toEqual([]);
  });

  it('explains an attempt that is not on this device', async () => {
    const db = createTestDatabase();
    window.location.hash = '#/player/77';
    await renderApp({ db });
    await waitFor(() => expect(screen.getByTestId('player-open-failed').textContent).toContain('There is no such attempt on this device'));
  });

  it('says in the finish dialog that an urgent message is still unanswered, and who wrote it', async () => {
    const { db, attemptId, library } = await savedAttempt();
    const session = new AttemptSession(db, (await loadAttempt(db, library, attemptId)) as LoadedAttempt, {
      appVersion: TEST_APP_INFO.version,
      onSaveError: (error) => expect.fail(String(error)),
    });
    // Lina Sarr's insulin message (urgent) arrives at 1:10; nobody answers it.
    session.send({ type: 'CLOCK.TICK', minutes: 70 });
    await session.flush();
    window.location.hash = `#/player/${attemptId}`;
    await renderApp({ db });
    await screen.findByTestId('player', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('player-finish'));
    const dialog = await screen.findByTestId('player-finish-dialog');
    expect(within(dialog).getByTestId('player-finish-urgent').textContent).toBe(
      '1 urgent message is still unanswered, from Lina Sarr: the debrief will say so.',
    );
  });
});
