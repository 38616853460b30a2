// Runtime: Node (Vitest, fake-indexeddb). The records screen reads every trainee, local and imported,
// every outcome's summary and the attempts under way in one transaction, and never an outcome's
// detail; one outcome is read whole, with its trainee, only when it is opened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCoreTable } from 'dexie';
import { currentVersions } from '../core/engine/attempt';
import type { OutcomeDetail, PlayedScenario } from '../core/records/outcome';
import type { AttacheDatabase } from '../db/database';
import { createAttempt } from '../db/repositories/attempts';
import { createProfile } from '../db/repositories/profiles';
import { sampleCohort } from '../test/cohort';
import { createTestDatabase } from '../test/database';
import { readCohort, readOutcomeRecord } from './cohort';

let db: AttacheDatabase;
/** Every table a query touched, and how (get, query, openCursor…), recorded at Dexie's lowest layer. */
let touched: { table: string; operation: string; transaction: unknown }[];

beforeEach(() => {
  db = createTestDatabase();
  touched = [];
  db.use({
    stack: 'dbcore',
    name: 'touched-tables',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const watch = <K extends 'get' | 'getMany' | 'query' | 'openCursor' | 'count'>(operation: K) =>
          ((request: { trans: unknown }) => {
            touched.push({ table: name, operation, transaction: request.trans });
            return (table[operation] as (request: unknown) => unknown)(request);
          }) as DBCoreTable[K];
        return { ...table, get: watch('get'), getMany: watch('getMany'), query: watch('query'), openCursor: watch('openCursor'), count: watch('count') };
      },
    }),
  });
});

afterEach(async () => {
  await db.delete();
});

const sample = sampleCohort({ trainees: 3, packId: 'core-library', scenarioIds: ['flights-suspended', 'visa-free-launch'], seed: 3 });

async function seed() {
  const lena = await createProfile(db, { name: 'Lena Marsh', academyId: 'AC-9' }, () => 100);
  await db.profiles.update(lena.id, { email: 'lena@academy.example' });
  const pavel = await createProfile(db, { name: 'Pavel Holt', academyId: '' }, () => 200);
  await db.trainees.bulkAdd(sample.trainees.map((trainee) => ({ ...trainee, deviceKey: 'ab'.repeat(32), importedAt: 5_000 })));
  await db.outcomes.bulkAdd(sample.outcomes);
  await db.outcomeDetails.bulkAdd(sample.outcomes.map((outcome) => ({ uid: outcome.uid, marker: 'detail' }) as unknown as OutcomeDetail));
  const start = (profileId: number, scenarioId: string, at: number) =>
    createAttempt(
      db,
      {
        profileId,
        packId: 'core-library',
        packVersion: '1.0.0',
        scenarioId,
        playLanguage: 'en',
        seed: 1,
        versions: currentVersions('core-library', '1.0.0', scenarioId, 'en', 1),
        snapshot: { state: 'live' },
      },
      () => at,
    );
  const underWay = await start(lena.id, 'flights-suspended', 1_000);
  const finished = await start(pavel.id, 'visa-free-launch', 2_000);
  await db.attempts.update(finished.id, { status: 'finished', finishedAt: 3_000 });
  touched = [];
  return { lena, pavel, underWay };
}

describe('readCohort', () => {
  it('reads local and imported trainees, every outcome summary and the attempts under way', async () => {
    const { lena, pavel, underWay } = await seed();
    const cohort = await readCohort(db);
    expect(cohort.trainees.slice(0, 2)).toEqual([
      { uid: lena.uid, name: 'Lena Marsh', academyId: 'AC-9', email: 'lena@academy.example', source: 'local', importedAt: null },
      { uid: pavel.uid, name: 'Pavel Holt', academyId: null, email: null, source: 'local', importedAt: null },
    ]);
    expect(cohort.trainees.slice(2)).toEqual(sample.trainees.map((trainee) => ({ ...trainee, source: 'imported', importedAt: 5_000 })));
    expect(cohort.outcomes).toHaveLength(sample.outcomes.length);
    expect(new Set(cohort.outcomes.map((outcome) => outcome.uid))).toEqual(new Set(sample.outcomes.map((outcome) => outcome.uid)));
    expect(cohort.active).toEqual([
      { id: underWay.id, traineeUid: lena.uid, packId: 'core-library', scenarioId: 'flights-suspended', startedAt: 1_000, updatedAt: 1_000 },
    ]);
  });

  it('reads only summaries, in one transaction', async () => {
    await seed();
    await readCohort(db);
    const tables = new Set(touched.map((access) => access.table));
    expect(tables).toEqual(new Set(['profiles', 'trainees', 'outcomes', 'attempts']));
    expect(new Set(touched.map((access) => access.transaction)).size).toBe(1);
  });

  it('reads an empty device as no one', async () => {
    expect(await readCohort(db)).toEqual({ trainees: [], outcomes: [], active: [] });
  });
});

describe('readOutcomeRecord', () => {
  it('reads one outcome whole with the imported trainee it belongs to', async () => {
    await seed();
    const [first] = sample.outcomes;
    const played = { key: first!.playedScenario, scenario: { id: first!.scenarioId } } as unknown as PlayedScenario;
    await db.playedScenarios.add(played);
    const view = await readOutcomeRecord(db, first!.uid);
    expect(view?.frozen.summary).toEqual(first);
    expect(view?.frozen.detail).toEqual({ uid: first!.uid, marker: 'detail' });
    expect(view?.played).toEqual(played);
    expect(view?.trainee).toMatchObject({ uid: first!.traineeUid, source: 'imported', importedAt: 5_000 });
    expect(touched.filter((access) => access.table === 'outcomeDetails')).toHaveLength(1);
  });

  it("names a local trainee's profile, and says when the trainee or the outcome is unknown", async () => {
    const { lena } = await seed();
    const [first] = sample.outcomes;
    await db.outcomes.update(first!.uid, { traineeUid: lena.uid });
    expect((await readOutcomeRecord(db, first!.uid))?.trainee).toMatchObject({ name: 'Lena Marsh', source: 'local' });
    expect((await readOutcomeRecord(db, first!.uid))?.played).toBeNull();
    await db.outcomes.update(first!.uid, { traineeUid: 'nobody' });
    expect((await readOutcomeRecord(db, first!.uid))?.trainee).toBeNull();
    expect(await readOutcomeRecord(db, 'no-such-outcome')).toBeNull();
  });
});
