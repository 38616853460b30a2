// Runtime: Node (Vitest, fake-indexeddb). Progress files saved from a trainee's profile and imported on
// the academy's machine: verified, re-graded, merged by uid in one transaction per file.
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedPublication } from '../core/engine/timeline';
import type { ProgressFileContent } from '../core/records/progress-file';
import { buildProgressFile, readProgressFile } from '../core/records/progress-file';
import type { AttacheDatabase } from '../db/database';
import { saveAcademy } from '../db/repositories/academy';
import { storeFrozenOutcome } from '../db/repositories/attempts';
import { createProfile } from '../db/repositories/profiles';
import { createLibrary } from '../library/library';
import { createTestDatabase } from '../test/database';
import { deviceKey, minimalPack, playedOutcome, progressContent, trainee } from '../test/progress-files';
import type { ImportResult, ImportedFile } from './progress-files';
import { createProgressImporter, saveProgressFile } from './progress-files';

const library = createLibrary([minimalPack]);
const anna = trainee('Anna');
const laptop = deviceKey('anna-laptop');
const academyKey = deviceKey('academy-desk');
const march = progressContent(anna, [
  { uid: 'attempt-1', drafts: 'poor', startedAt: Date.UTC(2026, 2, 2, 9) },
  { uid: 'attempt-2', startedAt: Date.UTC(2026, 2, 3, 9) },
]);
const marchFile = await buildProgressFile(march, laptop.signer);

let db: AttacheDatabase;
beforeEach(() => {
  db = createTestDatabase();
});

const importer = (localDeviceKey: string | null = null) => createProgressImporter(db, library, { localDeviceKey, now: () => Date.UTC(2026, 3, 1) });

function merged(result: ImportResult): ImportedFile {
  if (result.status !== 'merged') throw new Error(`refused: ${result.message}`);
  return result;
}

/** Every table the import writes, as plain rows. */
async function tables() {
  return {
    trainees: await db.trainees.toArray(),
    outcomes: await db.outcomes.toArray(),
    outcomeDetails: await db.outcomeDetails.toArray(),
    playedScenarios: await db.playedScenarios.toArray(),
    profiles: await db.profiles.toArray(),
  };
}

describe('saving a progress file on the trainee’s device', () => {
  it('holds the profile and its frozen outcomes with their scenarios, named after the trainee and the day', async () => {
    const profile = await createProfile(db, { name: 'Anna Petrova', academyId: 'ACD-7' });
    const content = progressContent({ uid: profile.uid, name: profile.name, academyId: 'ACD-7', email: null }, [
      { uid: 'attempt-1' },
      { uid: 'attempt-2', drafts: 'poor' },
    ]);
    await db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios], async () => {
      for (const outcome of content.outcomes) await storeFrozenOutcome(db, outcome, content.played[0]!);
    });
    const saved = await saveProgressFile(db, profile.id, laptop.signer, { appVersion: '0.1.0', now: () => Date.UTC(2026, 2, 14, 10) });
    expect(saved.fileName).toBe('Anna Petrova 2026-03-14.attache-progress');
    expect(saved.outcomes).toBe(2);
    const read = readProgressFile(saved.bytes);
    expect(read.trainee).toEqual({ uid: profile.uid, name: 'Anna Petrova', academyId: 'ACD-7', email: null });
    expect(read.deviceKey).toBe(laptop.publicKey);
    expect(read.outcomes).toEqual(content.outcomes);
    expect(read.played).toEqual(content.played);
  });

  it('saves a profile without outcomes too (the academy then knows the trainee)', async () => {
    const profile = await createProfile(db, { name: 'Boris', academyId: '' });
    const read = readProgressFile((await saveProgressFile(db, profile.id, laptop.signer, { appVersion: '0.1.0' })).bytes);
    expect(read.outcomes).toEqual([]);
    expect(read.trainee.name).toBe('Boris');
  });
});

describe('importing progress files on the academy’s machine', () => {
  it('adds the trainee and the outcomes (imported), and computes completion by the academy’s own rules', async () => {
    const result = merged(await importer().importFile(marchFile));
    expect(result.trainee).toEqual(anna);
    expect(result.merge).toMatchObject({ trainee: { status: 'new' }, added: 2, unchanged: 0, conflicts: [], withheld: 0 });
    expect(result.regrade).toMatchObject({ consistent: 2, flagged: [], notCompared: [] });
    expect(result.regrade.drafts).toBeGreaterThan(1);
    const passed = march.outcomes[1]!.summary;
    expect(result.courses).toEqual([
      expect.objectContaining({
        packId: 'minimal',
        courseId: 'basics',
        progress: expect.objectContaining({ completed: true, completedAt: passed.finishedAt }),
      }),
    ]);

    const rows = await tables();
    expect(rows.trainees).toEqual([{ ...anna, deviceKey: laptop.publicKey, importedAt: Date.UTC(2026, 3, 1), detailsExportedAt: march.exportedAt }]);
    expect(rows.outcomes.map((o) => [o.uid, o.origin])).toEqual([
      ['attempt-1', 'imported'],
      ['attempt-2', 'imported'],
    ]);
    expect(rows.playedScenarios.map((p) => p.key)).toEqual([march.played[0]!.key]);
    expect(rows.profiles).toEqual([]);
  });

  it('changes nothing when the same file is imported twice', async () => {
    await importer().importFile(marchFile);
    const before = await tables();
    const again = merged(await importer().importFile(marchFile));
    expect(again.merge).toMatchObject({ trainee: { status: 'unchanged' }, added: 0, unchanged: 2, conflicts: [] });
    expect(await tables()).toEqual(before);
  });

  it('builds the imported records’ xAPI statements for the academy’s LRS, once', async () => {
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    merged(await importer().importFile(marchFile));
    const rows = await db.outbox.toArray();
    expect(new Set(rows.map((row) => row.outcomeUid))).toEqual(new Set(['attempt-1', 'attempt-2', null]));
    expect(rows.every((row) => row.traineeUid === anna.uid && JSON.parse(row.json).actor.account.name === anna.academyId)).toBe(true);
    merged(await importer().importFile(marchFile));
    expect(await db.outbox.toArray()).toEqual(rows);
  });

  it('shows a conflict, and keeps the stored record, when the same uid comes with other content', async () => {
    await importer().importFile(marchFile);
    const before = await tables();
    const other = progressContent(anna, [{ uid: 'attempt-2', drafts: 'poor', startedAt: Date.UTC(2026, 2, 3, 9) }], Date.UTC(2026, 2, 21));
    const result = merged(await importer().importFile(await buildProgressFile(other, laptop.signer)));
    expect(result.merge.added).toBe(0);
    expect(result.merge.conflicts).toEqual([
      expect.objectContaining({ uid: 'attempt-2', reason: 'content', stored: expect.objectContaining({ passed: true }) }),
    ]);
    expect((await tables()).outcomes).toEqual(before.outcomes);
  });

  it('flags a grade edited before the file was saved (the signature is the trainee’s own), and still shows the record', async () => {
    const edited: ProgressFileContent = structuredClone(march);
    const publication = edited.outcomes[0]!.detail.timeline.feed.find((item): item is FeedPublication => item.source === 'trainee')!;
    publication.grade.passed = true;
    publication.grade.axes.policy.score = 100;
    const result = merged(await importer().importFile(await buildProgressFile(edited, laptop.signer)));
    expect(result.regrade.consistent).toBe(1);
    expect(result.regrade.flagged).toEqual([
      expect.objectContaining({
        uid: 'attempt-1',
        verdict: 'flagged',
        flags: expect.arrayContaining([expect.objectContaining({ kind: 'grade-edited', publicationId: publication.id })]),
      }),
    ]);
  });

  it('refuses a damaged file and writes nothing', async () => {
    const damaged = marchFile.slice();
    damaged[damaged.length - 200]! ^= 0xff;
    const result = await importer().importFile(damaged);
    expect(result).toMatchObject({ status: 'refused' });
    expect(await tables()).toEqual({ trainees: [], outcomes: [], outcomeDetails: [], playedScenarios: [], profiles: [] });
  });

  it('merges nothing from a file signed by another device until the administrator trusts it', async () => {
    await importer().importFile(marchFile);
    const april = progressContent(anna, [{ uid: 'attempt-3', startedAt: Date.UTC(2026, 3, 2, 9) }], Date.UTC(2026, 3, 5));
    const fromDesktop = await buildProgressFile(april, deviceKey('anna-desktop').signer);
    const withheld = merged(await importer().importFile(fromDesktop));
    expect(withheld.merge).toMatchObject({ trainee: { status: 'other-device', knownKey: laptop.publicKey }, added: 0, withheld: 1 });
    expect(await db.outcomes.count()).toBe(2);

    const trusted = merged(await importer().importFile(fromDesktop, { trustDevice: true }));
    expect(trusted.merge).toMatchObject({ trainee: { status: 'device-trusted' }, added: 1 });
    expect((await db.trainees.get(anna.uid))?.deviceKey).toBe(deviceKey('anna-desktop').publicKey);
  });

  it("treats a file naming one of this device's profiles as another device's unless this device signed it", async () => {
    const profile = await createProfile(db, { name: 'Anna', academyId: '' });
    const own = progressContent({ uid: profile.uid, name: 'Anna', academyId: null, email: null }, [{ uid: 'attempt-9' }]);
    const signedHere = await buildProgressFile(own, academyKey.signer);
    expect(merged(await importer(academyKey.publicKey).importFile(signedHere)).merge).toMatchObject({ isProfile: true, added: 1 });
    expect(await db.trainees.count()).toBe(0);
    const signedElsewhere = await buildProgressFile(
      { ...own, outcomes: [playedOutcome({ uid: 'attempt-10', traineeUid: profile.uid }).frozen] },
      laptop.signer,
    );
    expect(merged(await importer(academyKey.publicKey).importFile(signedElsewhere)).merge).toMatchObject({ trainee: { status: 'other-device' }, added: 0 });
  });

  it('computes no completion for courses of packs the academy has not installed', async () => {
    const bare = createProgressImporter(db, createLibrary([]), { localDeviceKey: null });
    expect(merged(await bare.importFile(marchFile)).courses).toEqual([]);
  });
});
