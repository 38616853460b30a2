// Runtime: Node (Vitest, happy-dom). The debrief opened from its address when its attempt cannot be:
// it explains why, as the player does, with the way back to the history; a damaged attempt says so
// above its debrief, or above a way to see what could be read.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../core/engine/machine';
import { readAttempt } from '../../db/repositories/attempts';
import { createProfile } from '../../db/repositories/profiles';
import { loadBuiltinLibrary } from '../../library/builtin';
import { findScenario } from '../../library/library';
import { renderApp, TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import type { LoadedAttempt } from '../player/session';
import { AttemptSession, loadAttempt, startAttempt } from '../player/session';

/**
 * A finished attempt (START, NEXT, FINISH) with one row of its log replaced, whose snapshot no longer
 * fits. `frozen: false` makes it one that ended before outcomes were frozen, with an unreadable snapshot
 * too, so only its log is left to read.
 */
async function finishedWithDamage(seq: number, event: unknown, { frozen = false } = {}) {
  const db = createTestDatabase();
  const profile = await createProfile(db, { name: 'Lena', academyId: '' });
  const library = loadBuiltinLibrary(TEST_APP_INFO.version);
  const attemptId = await startAttempt(db, profile.id, findScenario(library, 'core-library', 'flights-suspended')!, 'en', 5);
  const session = new AttemptSession(db, (await loadAttempt(db, library, attemptId)) as LoadedAttempt, {
    appVersion: '0.1.0',
    onSaveError: (error) => expect.fail(String(error)),
  });
  session.send({ type: 'CLOCK.NEXT' });
  session.send({ type: 'FINISH' });
  await session.flush();
  const saved = (await readAttempt(db, attemptId))!;
  await db.attempts.put({ ...saved, versions: { ...saved.versions, packVersion: '0.9.0' }, eventCount: Math.max(saved.eventCount, seq + 1) });
  // Stored as it was damaged: not an event the types allow.
  await db.attemptEvents.put({ attemptId, seq, event: event as EngineEvent, recordedAt: 0 });
  if (!frozen) {
    await db.outcomes.delete(saved.uid);
    await db.outcomeDetails.delete(saved.uid);
    await db.attemptSnapshots.put({ attemptId, snapshot: { damaged: true } });
  }
  return { db, attemptId };
}

describe('DebriefScreen', () => {
  it('explains an attempt that is not on this device', async () => {
    window.location.hash = '#/debrief/77';
    await renderApp({ db: createTestDatabase() });
    const alert = await screen.findByTestId('player-open-failed', {}, { timeout: 5000 });
    await waitFor(() => expect(alert.textContent).toContain('There is no such attempt on this device'));
    expect(within(alert).getByRole('link').getAttribute('href')).toBe('#/history');
    expect(screen.queryByTestId('debrief-page')).toBeNull();
  });

  it('shows a finished attempt from its frozen outcome, whatever has happened to its log since', async () => {
    const { db, attemptId } = await finishedWithDamage(3, { type: 'CLOCK.NEXT' }, { frozen: true });
    window.location.hash = `#/debrief/${attemptId}`;
    await renderApp({ db });
    const page = await screen.findByTestId('debrief-page', {}, { timeout: 5000 });
    expect(page.hasAttribute('data-frozen')).toBe(true);
    expect(within(page).getByTestId('debrief-title').textContent).toBe('Debrief: Flights suspended at Coral Bay');
    expect(screen.queryByTestId('attempt-damaged-where')).toBeNull();
  });

  it('shows a damaged attempt whose good events reach the end with its debrief, under the banner', async () => {
    const { db, attemptId } = await finishedWithDamage(3, { type: 'CLOCK.NEXT' });
    window.location.hash = `#/debrief/${attemptId}`;
    await renderApp({ db });
    const banner = await screen.findByRole('status', { name: "This attempt's record is damaged: it is shown read-only" }, { timeout: 5000 });
    expect(within(banner).getByTestId('attempt-damaged-where').textContent).toBe(
      'Event 4 of 4 (jump to the next event at 0:02) comes after the scenario had ended.',
    );
    expect(await screen.findByTestId('debrief-page')).toBeTruthy();
  });

  it('offers a damaged attempt that stops short of the end read-only in the player', async () => {
    const { db, attemptId } = await finishedWithDamage(1, { type: 'CLOCK.TICK', minutes: 'soon' });
    window.location.hash = `#/debrief/${attemptId}`;
    await renderApp({ db });
    expect((await screen.findByTestId('attempt-damaged-where', {}, { timeout: 5000 })).textContent).toBe(
      'Event 2 of 3 (clock tick at 0:00) moves the clock by no time or backwards.',
    );
    expect(screen.queryByTestId('debrief-page')).toBeNull();
    expect(within(screen.getByTestId('debrief-damaged')).getByRole('link', { name: 'See what could be read' }).getAttribute('href')).toBe(
      `#/player/${attemptId}`,
    );
  });
});
