// Runtime: Node (Vitest, happy-dom, fake-indexeddb). A finished attempt is a record: frozen when it
// ends, never recomputed from a newer pack, and frozen once (from what it was given) when it ended
// before outcomes were frozen.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../core/engine/machine';
import { GRADER_VERSION } from '../core/grading/version';
import type { Pack } from '../core/pack/load';
import { loadPack } from '../core/pack/load';
import type { AttacheDatabase } from '../db/database';
import { countUnfrozenAttempts, readAttempt, readFrozenOutcome, recordEvent } from '../db/repositories/attempts';
import { createProfile } from '../db/repositories/profiles';
import { createLibrary } from '../library/library';
import { createTestDatabase } from '../test/database';
import { modelAnswer, poorAnswer } from '../test/engine';
import { CORE_LIBRARY_DIR, readFolder } from '../test/packs';
import type { LoadedAttempt } from '../ui/player/session';
import { AttemptSession, loadAttempt, startAttempt } from '../ui/player/session';
import { freezeFinishedAttempts } from './freeze';

const APP_VERSION = '0.1.0';
const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: APP_VERSION }).pack!;
const library = createLibrary([pack]);
const SCENARIO_ID = 'flights-suspended';
const scenario = pack.scenarios.find((candidate) => candidate.id === SCENARIO_ID)!;

/** The same pack under a newer version whose scenario asks far more: every attempt would now fail. */
function stricterPack(): Pack {
  const scenarios = pack.scenarios.map((candidate) =>
    candidate.id === SCENARIO_ID
      ? {
          ...candidate,
          title: { ...candidate.title, en: 'Flights suspended (revised)' },
          passRule: { rule: 'average-score' as const, min: 100 },
        }
      : candidate,
  );
  return { ...pack, manifest: { ...pack.manifest, version: '9.0.0' }, scenarios, contentHash: 'f'.repeat(64) };
}

function publishEvent(taskId: string, text: string): EngineEvent {
  const task = scenario.tasks.find((candidate) => candidate.id === taskId)!;
  return { type: 'PUBLISH', draft: { accountId: task.account, kind: task.kind, text, taskId, replyTo: task.replyTo ?? null } };
}

/**
 * Plays the scenario to its end through a session, answering each task as it opens with `answer`.
 * `freeze: false` leaves the attempt as the app left it before outcomes were frozen: finished, with
 * its result, snapshot and log, and no outcome.
 */
async function play(db: AttacheDatabase, answer: (taskId: string) => string | null, { freeze = true } = {}) {
  const profile = await createProfile(db, { name: 'Lena', academyId: 'DA-1' });
  const attemptId = await startAttempt(db, profile.id, { pack, scenario }, 'en', 7);
  const loaded = (await loadAttempt(db, library, attemptId)) as LoadedAttempt;
  const session = new AttemptSession(db, loaded, { appVersion: APP_VERSION, onSaveError: (error) => expect.fail(String(error)) });
  for (let guard = 0; guard < 200 && session.snapshot.status !== 'done'; guard += 1) {
    const timeline = session.snapshot.context.timeline;
    for (const task of scenario.tasks.filter((candidate) => timeline.tasks[candidate.id]?.status === 'open')) {
      const text = answer(task.id);
      if (text) session.send(publishEvent(task.id, text));
    }
    session.send({ type: 'CLOCK.NEXT' });
  }
  if (session.snapshot.status !== 'done') session.send({ type: 'FINISH' });
  await session.flush();
  if (!freeze) {
    await db.outcomes.clear();
    await db.outcomeDetails.clear();
    await db.playedScenarios.clear();
  }
  return { attemptId, profile };
}

describe('freezing an attempt when it ends', () => {
  it('stores the outcome the debrief showed, with the pack content and the versions that graded it', async () => {
    const db = createTestDatabase();
    const { attemptId, profile } = await play(db, (taskId) => modelAnswer(scenario, taskId, 'en'));
    const attempt = (await readAttempt(db, attemptId))!;
    const read = (await readFrozenOutcome(db, attempt.uid))!;
    expect(read.frozen.summary).toMatchObject({
      uid: attempt.uid,
      traineeUid: profile.uid,
      packId: 'core-library',
      packVersion: pack.manifest.version,
      packContentHash: pack.contentHash,
      scenarioId: SCENARIO_ID,
      playLanguage: 'en',
      seed: 7,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      passed: true,
      origin: 'played',
      versions: { app: APP_VERSION, grader: GRADER_VERSION, outcome: 1 },
    });
    expect(read.frozen.summary.average).toBe(attempt.result?.average);
    expect(read.frozen.detail.outcome.tasks.every((task) => task.result === 'passed' || task.result === 'not-reached')).toBe(true);
    expect(read.played?.scenario).toEqual(scenario);
    expect(read.played?.key).toBe(read.frozen.summary.playedScenario);
    expect(await countUnfrozenAttempts(db)).toBe(0);
  });

  it('is never recomputed: a newer pack that would fail the attempt changes nothing in its record', async () => {
    const db = createTestDatabase();
    const { attemptId } = await play(db, (taskId) => modelAnswer(scenario, taskId, 'en'));
    const uid = (await readAttempt(db, attemptId))!.uid;
    const before = await readFrozenOutcome(db, uid);

    const newer = createLibrary([stricterPack()]);
    expect(await freezeFinishedAttempts(db, newer, '0.2.0')).toEqual({ frozen: 0, waiting: 0 });
    // A finishing write can never replace a record either.
    await expect(recordEvent(db, attemptId, { seq: 999, event: { type: 'FINISH' }, snapshot: null, finished: true, result: null })).rejects.toThrow();

    expect(await readFrozenOutcome(db, uid)).toEqual(before);
    expect(before?.frozen.summary.passed).toBe(true);
    expect(before?.played?.scenario.title.en).toBe(scenario.title.en);
  });
});

describe('freezing attempts that ended before outcomes were frozen', () => {
  it('freezes each once, from the snapshot the attempt ended with', async () => {
    const db = createTestDatabase();
    const { attemptId } = await play(db, (taskId) => poorAnswer(scenario, taskId), { freeze: false });
    const attempt = (await readAttempt(db, attemptId))!;
    expect(attempt.status).toBe('finished');
    expect(await countUnfrozenAttempts(db)).toBe(1);

    expect(await freezeFinishedAttempts(db, library, APP_VERSION)).toEqual({ frozen: 1, waiting: 0 });
    const read = (await readFrozenOutcome(db, attempt.uid))!;
    expect(read.frozen.summary).toMatchObject({
      origin: 'migrated',
      packContentHash: pack.contentHash,
      passed: attempt.result?.passed,
      average: attempt.result?.average,
    });
    expect(read.frozen.summary.timeOnTaskMs).toBeGreaterThanOrEqual(0);

    expect(await freezeFinishedAttempts(db, library, APP_VERSION)).toEqual({ frozen: 0, waiting: 0 });
    expect(await readFrozenOutcome(db, attempt.uid)).toEqual(read);
  });

  it('keeps the result the attempt was given when its pack has changed since, and says the content played is gone', async () => {
    const db = createTestDatabase();
    const { attemptId } = await play(db, (taskId) => modelAnswer(scenario, taskId, 'en'), { freeze: false });
    const attempt = (await readAttempt(db, attemptId))!;
    expect(attempt.result?.passed).toBe(true);

    expect(await freezeFinishedAttempts(db, createLibrary([stricterPack()]), APP_VERSION)).toEqual({ frozen: 1, waiting: 0 });
    const read = (await readFrozenOutcome(db, attempt.uid))!;
    // The stricter rule would fail it; the record keeps what it was given when it ended.
    expect(read.frozen.summary).toMatchObject({ origin: 'migrated', packContentHash: null, packVersion: attempt.packVersion, passed: true });
    expect(read.frozen.detail.outcome.passed).toBe(true);
    expect(read.frozen.summary.scores).toEqual(attempt.result?.scores);
  });

  it('waits for a pack that is not installed', async () => {
    const db = createTestDatabase();
    await play(db, (taskId) => modelAnswer(scenario, taskId, 'en'), { freeze: false });
    expect(await freezeFinishedAttempts(db, createLibrary([]), APP_VERSION)).toEqual({ frozen: 0, waiting: 1 });
    expect(await countUnfrozenAttempts(db)).toBe(1);
  });
});
