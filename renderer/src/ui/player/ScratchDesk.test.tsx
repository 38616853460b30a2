// Runtime: Node (Vitest, happy-dom). The desk on a scratch attempt (the studio's play-test): it plays
// as a trainee's desk does — started at an inject's time, a task answered through the composer, an
// inject sent before its time, the scenario finished — and the database is the same afterwards as
// before: no attempt, event, snapshot, composer draft, outcome or outbox row is written.
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offsetMinutes } from '../../core/pack/schema';
import type { AttacheDatabase } from '../../db/database';
import { createI18n } from '../../i18n';
import { loadBuiltinLibrary } from '../../library/builtin';
import type { ScenarioRef } from '../../library/library';
import { findScenario } from '../../library/library';
import { TEST_APP_INFO } from '../../test/app';
import { createTestDatabase } from '../../test/database';
import { inertPlatform } from '../../test/platform';
import { ServicesProvider } from '../services';
import { loadStartup } from '../startup';
import { StorageProblemsProvider } from '../storage-problems';
import { theme } from '../theme';
import { ScratchDesk } from './PlayerScreen';
import { useScratchAttempt } from './use-attempt';

const ref = findScenario(loadBuiltinLibrary(TEST_APP_INFO.version), 'core-library', 'flights-suspended')!;

let db: AttacheDatabase | null = null;
afterEach(async () => {
  // Unmounted before the database closes, so nothing on screen reads a closed database.
  cleanup();
  vi.useRealTimers();
  sessionStorage.clear();
  if (db) {
    db.close();
    await db.delete();
    db = null;
  }
});

const ATTEMPT_TABLES = new Set(['attempts', 'attemptEvents', 'attemptSnapshots', 'composerDrafts', 'outcomes', 'outcomeDetails', 'playedScenarios', 'outbox']);

/** Every row of every table, by table: what "nothing was written" is checked against. */
async function everyRow(database: AttacheDatabase): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of database.tables) rows[table.name] = await table.toArray();
  return rows;
}

function Harness({ scenario, startAt, onEnded }: { scenario: ScenarioRef; startAt: number; onEnded: () => void }) {
  const run = useScratchAttempt(scenario, 'en', { seed: 4, startAt });
  const waiting = run.snapshot.context.timeline.queue;
  return (
    <ScratchDesk
      loaded={run.loaded}
      snapshot={run.snapshot}
      send={run.send}
      onEnded={onEnded}
      banner={
        <div data-testid="test-banner">
          {waiting.map((item) => (
            <button key={item.inject.id} type="button" onClick={() => run.sendInject(item.inject.id)}>
              {`send ${item.inject.id}`}
            </button>
          ))}
        </div>
      }
    />
  );
}

async function renderScratch(startAt: number, onEnded = vi.fn()) {
  db = createTestDatabase();
  const startup = await loadStartup(db, inertPlatform());
  const i18n = await createI18n('en');
  await startup.services.library.load();
  // What startup itself wrote (settings it reads and keeps) is the baseline.
  const before = await everyRow(db);
  // Every write the attempts' tables are asked for, even one the repository would then decline.
  const attemptWrites: string[] = [];
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
    const tables = args
      .flatMap((arg) => (Array.isArray(arg) ? arg : [arg]))
      .map((arg) => (typeof arg === 'object' && arg && 'name' in arg ? String(arg.name) : ''));
    if (String(args[0]).startsWith('rw') && tables.some((name) => ATTEMPT_TABLES.has(name))) attemptWrites.push(tables.join(','));
    return transaction(...args);
  }) as never);
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={startup.services}>
          <StorageProblemsProvider>
            <Harness scenario={ref} startAt={startAt} onEnded={onEnded} />
          </StorageProblemsProvider>
        </ServicesProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return { before, onEnded, database: db, attemptWrites };
}

describe('the desk on a scratch attempt', () => {
  it('starts at an inject’s time with what came before it in the feed, marked as a play-test, without a save indicator', async () => {
    const inject = ref.scenario.timeline[2]!;
    const at = offsetMinutes(inject.at);
    await renderScratch(at);
    const player = await screen.findByTestId('player');
    expect(player.getAttribute('data-playtest')).toBe('true');
    expect(Number(player.getAttribute('data-time'))).toBe(at);
    expect(screen.getByTestId('test-banner')).toBeTruthy();
    expect(screen.queryByTestId('player-save')).toBeNull();
    // Everything up to that time has arrived; what comes later still waits to be sent.
    const later = ref.scenario.timeline.filter((candidate) => offsetMinutes(candidate.at) > at);
    for (const waiting of later) expect(screen.getByRole('button', { name: `send ${waiting.id}` })).toBeTruthy();
    expect(screen.queryByRole('button', { name: `send ${inject.id}` })).toBeNull();
  });

  it('plays, sends an inject now and finishes, writing nothing to the database', async () => {
    const task = ref.scenario.tasks.find((candidate) => candidate.opensAt !== undefined)!;
    // Real time runs; the timers still pending at the end are run at once instead of waited for.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const { before, onEnded, database, attemptWrites } = await renderScratch(offsetMinutes(task.opensAt!));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await screen.findByTestId('player');

    // The composer takes up the open task; its model answer is published as a trainee would.
    const text = await screen.findByTestId('composer-text');
    fireEvent.change(text, { target: { value: task.modelAnswer.en } });
    // A pause in typing: a trainee's desk would save the words now.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await everyRow(database)).toEqual(before);
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('composer-publish').disabled).toBe(false), { timeout: 10_000 });
    await user.click(screen.getByTestId('composer-publish'));
    await waitFor(() => expect(screen.getByTestId('player-tasks').textContent).toMatch(/passed|failed/i));

    // An inject sent before its time arrives at once.
    const next = screen.getAllByRole('button', { name: /^send / })[0]!;
    const injectId = next.textContent!.replace('send ', '');
    await user.click(next);
    expect(screen.queryByRole('button', { name: `send ${injectId}` })).toBeNull();

    await user.click(screen.getByTestId('player-finish'));
    await user.click(await screen.findByTestId('player-finish-confirm'));
    await waitFor(() => expect(onEnded).toHaveBeenCalled());
    expect(screen.getByTestId('player').getAttribute('data-state')).toBe('debrief');

    // A trainee's desk saves the composer's words 400 ms after typing: run every timer still pending.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await everyRow(database)).toEqual(before);
    expect(attemptWrites).toEqual([]);
    expect(sessionStorage.length).toBe(0);
  });
});
