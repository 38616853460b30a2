// Runtime: Node (Vitest, happy-dom). The player opened from its address: a saved attempt resumes,
// one saved under other versions says it was rebuilt from its log, and a missing one says so.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createProfile } from '../../db/repositories/profiles';
import { readAttempt } from '../../db/repositories/attempts';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { renderApp, TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { startAttempt } from './session';

async function savedAttempt() {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena', academyId: '' });
  const ref = findScenario(loadBuiltinLibrary(TEST_APP_INFO.version), 'core-library', 'flights-suspended')!;
  const attemptId = await startAttempt(db, profile.id, ref, 'en', 5);
  return { db, attemptId };
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

  it('explains an attempt that is not on this device', async () => {
    const db = createTestDatabase();
    window.location.hash = '#/player/77';
    await renderApp({ db });
    await waitFor(() => expect(screen.getByTestId('player-open-failed').textContent).toContain('There is no such attempt on this device'));
  });
});
