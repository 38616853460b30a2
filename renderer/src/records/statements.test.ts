// Runtime: Node (Vitest, fake-indexeddb). Frozen outcomes become xAPI statements in the outbox once,
// byte for byte, as soon as the academy's settings and the trainee's identity allow.
import validateStatement from '@learninglocker/xapi-validation';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FrozenOutcome, PlayedScenario } from '../core/records/outcome';
import type { AttacheDatabase } from '../db/database';
import { saveAcademy, saveIncludeDraftText } from '../db/repositories/academy';
import { storeFrozenOutcome } from '../db/repositories/attempts';
import { allStatements, outboxCounts } from '../db/repositories/outbox';
import { createProfile, deleteProfile, saveActiveProfile, switchProfile } from '../db/repositories/profiles';
import { createLibrary } from '../library/library';
import { createTestDatabase } from '../test/database';
import { minimalPack, playedOutcome } from '../test/progress-files';
import { buildPendingStatements } from './statements';

const library = createLibrary([minimalPack]);
const now = () => Date.UTC(2026, 3, 1);
let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

async function store(...outcomes: { frozen: FrozenOutcome; played: PlayedScenario }[]) {
  await db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
    for (const { frozen, played } of outcomes) await storeFrozenOutcome(db, frozen, played);
  });
}

async function annaWithOutcomes(academyId: string | null = 'ACD-7') {
  const profile = await createProfile(db, { name: 'Anna Petrova', academyId: academyId ?? '' });
  await store(
    playedOutcome({ uid: 'attempt-1', traineeUid: profile.uid, drafts: 'poor', startedAt: Date.UTC(2026, 2, 2, 9) }),
    playedOutcome({ uid: 'attempt-2', traineeUid: profile.uid, startedAt: Date.UTC(2026, 2, 3, 9) }),
  );
  return profile;
}

describe('buildPendingStatements', () => {
  it('waits for the academy’s IRI, then builds every outcome’s statements and the course it completed', async () => {
    await annaWithOutcomes();
    expect(await buildPendingStatements(db, library, { now })).toEqual({ outcomes: 0, statements: 0, waiting: { 'no-academy-iri': 2 } });
    expect(await db.outbox.count()).toBe(0);

    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    const report = await buildPendingStatements(db, library, { now });
    expect(report.outcomes).toBe(2);
    expect(report.waiting).toEqual({});
    const rows = await allStatements(db);
    expect(rows.length).toBe(report.statements);
    expect(rows.map((row) => row.verb)).toContain('failed');
    expect(rows.map((row) => row.verb)).toContain('passed');
    // The course's completion comes after the attempt that met its rule.
    expect(rows.at(-1)).toMatchObject({ verb: 'satisfied', outcomeUid: null });
    for (const row of rows) {
      expect(row).toMatchObject({ state: 'pending', builtAt: now(), sentAt: null, problem: null });
      expect(validateStatement(JSON.parse(row.json))).toEqual([]);
    }
    expect(await outboxCounts(db)).toEqual({ pending: rows.length, sent: 0, dead: 0 });
  });

  it('never builds an outcome’s statements twice, and keeps their bytes when the settings change', async () => {
    await annaWithOutcomes();
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    await buildPendingStatements(db, library, { now });
    const first = await allStatements(db);

    await saveIncludeDraftText(db, true);
    await saveAcademy(db, { name: 'Academy', iri: 'https://other.example', identityField: 'academyId' });
    expect(await buildPendingStatements(db, library, { now: () => now() + 1 })).toEqual({ outcomes: 0, statements: 0, waiting: {} });
    expect(await allStatements(db)).toEqual(first);
  });

  it('waits for the trainee’s academy ID (or e-mail), and builds once it is given', async () => {
    const profile = await annaWithOutcomes(null);
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    expect((await buildPendingStatements(db, library, { now })).waiting).toEqual({ 'no-academy-id': 2 });
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'email' });
    expect((await buildPendingStatements(db, library, { now })).waiting).toEqual({ 'no-email': 2 });

    await switchProfile(db, profile.id);
    await saveActiveProfile(db, { name: 'Anna Petrova', academyId: '', email: 'anna@example.org' });
    const report = await buildPendingStatements(db, library, { now });
    expect(report.outcomes).toBe(2);
    expect(JSON.parse((await allStatements(db))[0]!.json).actor.account).toEqual({ homePage: 'https://academy.example', name: 'anna@example.org' });
  });

  it('builds only the outcomes named (the one just frozen)', async () => {
    await annaWithOutcomes();
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    const report = await buildPendingStatements(db, library, { now, outcomeUids: ['attempt-1'] });
    expect(report.outcomes).toBe(1);
    expect(new Set((await allStatements(db)).map((row) => row.outcomeUid))).toEqual(new Set(['attempt-1']));
  });

  it('erases a trainee’s statements with the trainee', async () => {
    const profile = await annaWithOutcomes();
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    await buildPendingStatements(db, library, { now });
    expect(await db.outbox.count()).toBeGreaterThan(0);
    await deleteProfile(db, profile.id);
    expect(await db.outbox.count()).toBe(0);
  });
});
