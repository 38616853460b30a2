// Runtime: Node (Vitest, happy-dom). Time and counts on the desk: the opening inject is there at
// T+0:00, "Next event" stops where the engine says and becomes "Skip to the end" once nothing is left,
// the clock runs up to 60×, the finish dialog counts as the debrief does, badges read "99+" above 99
// and a reload brings back no badge already read.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { replay } from '../../core/engine/attempt';
import type { EngineEvent } from '../../core/engine/machine';
import { scenarioOutcome } from '../../core/engine/outcome';
import { advanceTo, finish, finishAccounting, initialTimeline, nextEventTime, start } from '../../core/engine/timeline';
import { readAttemptEvents } from '../../db/repositories/attempts';
import { getDeskState } from '../../db/repositories/desk-states';
import { createProfile } from '../../db/repositories/profiles';
import { createI18n } from '../../i18n';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { renderApp, TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { theme } from '../theme';
import { DeskNav, unreadLabel } from './DeskNav';
import { TaskList } from './TaskList';
import { AttemptSession, loadAttempt, startAttempt } from './session';
import type { LoadedAttempt } from './session';

const library = loadBuiltinLibrary(TEST_APP_INFO.version);
const ref = findScenario(library, 'core-library', 'flights-suspended')!;

async function openDesk() {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena', academyId: '' });
  const attemptId = await startAttempt(db, profile.id, ref, 'en', 5);
  window.location.hash = `#/player/${attemptId}`;
  const app = await renderApp({ db });
  await screen.findByTestId('player', {}, { timeout: 5000 });
  return { ...app, db, attemptId };
}

const clockText = () => screen.getByTestId('player-clock').textContent;
const player = () => screen.getByTestId('player');

/** Clicks "Next event" and waits for the clock to move. */
async function next() {
  const before = player().getAttribute('data-time');
  fireEvent.click(screen.getByTestId('player-next'));
  await waitFor(() => expect(player().getAttribute('data-time')).not.toBe(before));
  return Number(player().getAttribute('data-time'));
}

describe('the desk clock', () => {
  it('shows the T+0:00 inject at once, and stops at each event the engine names, in order', async () => {
    await openDesk();
    expect(clockText()).toBe('T+0:00 of 3:00');
    // The first account is VK; the opening news is on X: its badge says so before any tick.
    const x = screen.getByTestId('player-account-embassy-x');
    expect(within(x).getByTestId('player-unread').textContent).toBe('1');
    fireEvent.click(x);
    // Its feed is not the empty one ("Nothing here yet"), and what it shows is now seen.
    await waitFor(() => expect(within(x).queryByTestId('player-unread')).toBeNull());
    expect(screen.queryByTestId('feed-empty')).toBeNull();

    const engine = { scenario: ref.scenario };
    const input = { scenario: ref.scenario, playLanguage: 'en', manifest: ref.pack.manifest, seed: 5 };
    let state = start(input, initialTimeline(input));
    const stops: number[] = [];
    for (let step = 0; step < 4; step += 1) {
      const expected = nextEventTime(engine, state)!;
      stops.push(await next());
      expect(stops.at(-1)).toBe(expected);
      state = advanceTo(input, state, expected);
    }
    // The inject due at 0:02 is a stop of its own, before the first task opens at 0:05.
    expect(stops.slice(0, 2)).toEqual([2, 5]);
  });

  it('runs at up to 60×, chosen from a compact list', async () => {
    const { db, attemptId } = await openDesk();
    const speed = screen.getByTestId('player-speed') as HTMLSelectElement;
    expect([...speed.options].map((option) => option.textContent)).toEqual(['Pause', '1×', '2×', '4×', '8×', '15×', '30×', '60×']);
    fireEvent.change(speed, { target: { value: '60' } });
    await waitFor(() => expect(speed.value).toBe('60'));
    await waitFor(async () => expect(await readAttemptEvents(db, attemptId)).toContainEqual({ type: 'CLOCK.SET_SPEED', speed: 60 }));
  });

  it('once nothing is left to happen, offers to skip to the end or finish', async () => {
    // Every task answered with its model answer as it opens, up to the last event.
    const { db, attemptId } = await preparedAttempt((loaded, send) => {
      for (let guard = 0; guard < 100; guard += 1) {
        const timeline = send(null).context.timeline;
        for (const task of ref.scenario.tasks) if (timeline.tasks[task.id]!.status === 'open') send(answer(task.id));
        if (nextEventTime(loaded.input, send(null).context.timeline) === null) return;
        send({ type: 'CLOCK.NEXT' });
      }
    });
    await openAt(db, attemptId);
    expect(screen.queryByTestId('player-next')).toBeNull();
    const skip = screen.getByTestId('player-skip');
    expect(skip.textContent).toBe('Skip to the end');
    expect((skip as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(skip);
    const dialog = await screen.findByTestId('player-skip-dialog');
    expect(dialog.textContent).toContain('No more messages, tasks or deadlines come before the scenario ends at T+3:00.');
    expect(within(dialog).getByRole('button', { name: 'Finish now' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Skip to T+3:00' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/debrief/${attemptId}`), { timeout: 5000 });
    const events = await readAttemptEvents(db, attemptId);
    expect(events.at(-1)).toEqual({ type: 'CLOCK.NEXT' });
  });

  it('lists the speeds in the shortcuts, Alt+0 to Alt+7', async () => {
    await openDesk();
    fireEvent.click(screen.getByTestId('player-shortcuts'));
    const dialog = await screen.findByTestId('player-shortcuts-dialog');
    expect(dialog.textContent).toContain('Clock speed 1×, 2×, 4×, 8×, 15×, 30×, 60×');
    expect(dialog.textContent).toContain('1–7');
  });
});

describe('the finish dialog', () => {
  it('counts missed and not reached tasks as the debrief then does', async () => {
    // At 0:12 two tasks are open, one already answered; the others have not opened.
    const { db, attemptId } = await preparedAttempt((_loaded, send) => {
      send({ type: 'CLOCK.TICK', minutes: 12 });
      send(answer('mass-notification'));
    });
    await openAt(db, attemptId);
    const loaded = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    const expected = finishAccounting(loaded.input, loaded.snapshot.context.timeline);
    expect(expected.missed.length).toBe(1);
    expect(expected.notReached.length).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('player-finish'));
    const dialog = await screen.findByTestId('player-finish-dialog');
    expect(within(dialog).getByTestId('player-finish-missed').textContent).toBe('1 open task will count as missed.');
    expect(within(dialog).getByTestId('player-finish-not-reached').textContent).toBe(
      `${expected.notReached.length} tasks that have not opened yet will count as not reached, scoring 0.`,
    );
    fireEvent.click(within(dialog).getByTestId('player-finish-confirm'));
    await waitFor(() => expect(window.location.hash).toBe(`#/debrief/${attemptId}`), { timeout: 5000 });

    const finished = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
    const outcome = scenarioOutcome(finished.input, finished.snapshot.context.timeline);
    expect(outcome.tasks.filter((task) => task.result === 'missed').length).toBe(expected.missed.length);
    expect(outcome.tasks.filter((task) => task.notReachedBecause === 'finished-early').length).toBe(expected.notReached.length);
    // The debrief on screen says the same.
    const counts = await screen.findByTestId('debrief-task-counts', {}, { timeout: 5000 });
    expect(counts.getAttribute('data-missed')).toBe(String(expected.missed.length));
    expect(counts.getAttribute('data-not-reached')).toBe(String(expected.notReached.length));
  });
});

describe('the task list after the end', () => {
  const input = { scenario: ref.scenario, playLanguage: 'en', manifest: ref.pack.manifest, seed: 5 };
  async function renderTasks(timeline: ReturnType<typeof start>) {
    const i18n = await createI18n('en');
    const loaded = { input, ref } as unknown as LoadedAttempt;
    render(
      <MantineProvider theme={theme}>
        <I18nextProvider i18n={i18n}>
          <TaskList loaded={loaded} timeline={timeline} selectedTaskId={null} onChoose={undefined} />
        </I18nextProvider>
      </MantineProvider>,
    );
    return Object.fromEntries(
      screen.getAllByTestId('player-task').map((task) => [task.dataset.taskId, [task.dataset.status, within(task).getAllByText(/./)[1]!.textContent]]),
    );
  }

  it('says "Not reached" of the tasks that never opened when the trainee finished at 0:00, never "Missed at"', async () => {
    const shown = await renderTasks(finish(input, start(input, initialTimeline(input))));
    const scheduled = ref.scenario.tasks.filter((task) => task.opensAt !== undefined).map((task) => task.id);
    expect(Object.keys(shown).sort()).toEqual([...scheduled].sort());
    for (const id of scheduled) expect(shown[id]).toEqual(['not-reached', 'Not reached']);
  });

  it('dates a task missed by Finish at the minute of the finish, and one missed by its deadline at the deadline', async () => {
    const at50 = advanceTo(input, start(input, initialTimeline(input)), 50);
    expect(at50.tasks['mass-notification']).toMatchObject({ status: 'missed', due: 35 });
    expect(at50.tasks['rumour-post']!.status).toBe('open');
    const shown = await renderTasks(finish(input, at50));
    expect(shown['mass-notification']).toEqual(['missed', 'Missed at 0:35']);
    expect(shown['rumour-post']).toEqual(['missed', 'Missed at 0:50']);
  });
});

describe('unread badges', () => {
  it('are not back after a reload once read, and the desk reopens on the view it was on', async () => {
    const { db, attemptId } = await openDesk();
    fireEvent.click(await screen.findByTestId('player-next'));
    await waitFor(() => expect(within(screen.getByTestId('player-account-embassy-x')).getByTestId('player-unread').textContent).toBe('2'));
    fireEvent.click(screen.getByTestId('player-account-embassy-x'));
    await waitFor(() => expect(within(screen.getByTestId('player-account-embassy-x')).queryByTestId('player-unread')).toBeNull());
    fireEvent.click(screen.getByTestId('player-account-embassy-telegram'));
    await waitFor(() => expect(player().getAttribute('data-desk-saved')).toBe('true'));
    expect(await getDeskState(db, attemptId)).toMatchObject({ view: 'embassy-telegram', seen: { 'embassy-x': 2 } });

    cleanup();
    await openAt(db, attemptId);
    expect(screen.getByTestId('player-account-embassy-telegram').getAttribute('aria-current')).toBe('true');
    expect(within(screen.getByTestId('player-account-embassy-x')).queryByTestId('player-unread')).toBeNull();
  });

  it('read "99+" above 99, with the whole number in their name', async () => {
    expect([1, 9, 10, 99, 100, 2500].map(unreadLabel)).toEqual(['1', '9', '10', '99', '99+', '99+']);
    const i18n = await createI18n('en');
    render(
      <MantineProvider theme={theme}>
        <I18nextProvider i18n={i18n}>
          <DeskNav
            accounts={ref.scenario.accounts}
            playLanguage="en"
            desk={{ kind: 'account', accountId: 'embassy-vk' }}
            onSelect={() => undefined}
            unread={(view) => (view.kind === 'inbox' ? 12 : view.accountId === 'embassy-x' ? 150 : 0)}
          />
        </I18nextProvider>
      </MantineProvider>,
    );
    const x = within(screen.getByTestId('player-account-embassy-x')).getByTestId('player-unread');
    expect(x.textContent).toBe('99+');
    expect(x.getAttribute('aria-label')).toBe('150 new items');
    expect(within(screen.getByTestId('player-inbox')).getByTestId('player-unread').textContent).toBe('12');
  });
});

const answer = (taskId: string): EngineEvent => {
  const task = ref.scenario.tasks.find((candidate) => candidate.id === taskId)!;
  return {
    type: 'PUBLISH',
    draft: { accountId: task.account, kind: task.kind, text: task.modelAnswer.en!, taskId, replyTo: task.replyTo ?? null },
  };
};

/** An attempt played by `play` (send(null) reads the state) and saved, not yet opened on screen. */
async function preparedAttempt(play: (loaded: LoadedAttempt, send: (event: EngineEvent | null) => ReturnType<typeof replay>) => void) {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena', academyId: '' });
  const attemptId = await startAttempt(db, profile.id, ref, 'en', 5);
  const loaded = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
  const session = new AttemptSession(db, loaded, { appVersion: TEST_APP_INFO.version, onSaveError: (error) => expect.fail(String(error)) });
  play(loaded, (event) => (event ? session.send(event) : session.snapshot));
  await session.flush();
  return { db, attemptId };
}

async function openAt(db: ReturnType<typeof createTestDatabase>, attemptId: number) {
  window.location.hash = `#/player/${attemptId}`;
  const app = await renderApp({ db });
  await screen.findByTestId('player', {}, { timeout: 5000 });
  return app;
}
