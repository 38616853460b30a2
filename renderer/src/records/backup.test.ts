// Runtime: Node (Vitest, fake-indexeddb). Backing up a whole database and restoring it: into an empty
// install (every table equal), into an install that already holds some of it (merged by uid, conflicts
// kept and listed), twice (nothing changes), and onto a full disk (nothing half-written).
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttacheDatabase } from '../db/database';
import { StorageFullError } from '../db/errors';
import { saveAcademy, saveIncludeDraftText } from '../db/repositories/academy';
import { allStatements, markDead, markSent } from '../db/repositories/outbox';
import { createProfile } from '../db/repositories/profiles';
import { createLibrary } from '../library/library';
import { createTestDatabase } from '../test/database';
import { activeAttempt, finishedAttempt, minimalPack, seedRecords } from '../test/seed-records';
import type { BackupProgress } from './backup';
import { BackupError, backupFileName, createBackup, openBackup, previewRestore, restoreBackup } from './backup';
import { buildPendingStatements } from './statements';

let source: AttacheDatabase;
let target: AttacheDatabase;

beforeEach(() => {
  source = createTestDatabase();
  target = createTestDatabase();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await source.delete();
  await target.delete();
});

function byKey<Row>(key: (row: Row) => string): (a: Row, b: Row) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Every table's content as a device-independent picture: local ids replaced by uids, rows in key order. */
async function picture(db: AttacheDatabase) {
  const profiles = await db.profiles.toArray();
  const attempts = await db.attempts.toArray();
  const profileUid = new Map(profiles.map((row) => [row.id, row.uid]));
  const attemptUid = new Map(attempts.map((row) => [row.id, row.uid]));
  const ofAttempt = <T extends { attemptId: number }>(rows: T[]) => rows.map(({ attemptId, ...row }) => ({ attempt: attemptUid.get(attemptId), ...row }));
  return {
    settings: (await db.settings.toArray()).filter((row) => row.key !== 'activeProfileId').sort(byKey((row) => row.key)),
    profiles: profiles.map(({ id: _id, ...row }) => row).sort(byKey((row) => row.uid)),
    attempts: attempts.map(({ id: _id, profileId, ...row }) => ({ ...row, profile: profileUid.get(profileId) })).sort(byKey((row) => row.uid)),
    attemptSnapshots: ofAttempt(await db.attemptSnapshots.toArray()).sort(byKey((row) => row.attempt ?? '')),
    attemptEvents: ofAttempt(await db.attemptEvents.toArray()).sort(byKey((row) => `${row.attempt}#${String(row.seq).padStart(6, '0')}`)),
    composerDrafts: ofAttempt(await db.composerDrafts.toArray()).sort(byKey((row) => row.attempt ?? '')),
    playedScenarios: (await db.playedScenarios.toArray()).sort(byKey((row) => row.key)),
    outcomes: (await db.outcomes.toArray()).sort(byKey((row) => row.uid)),
    outcomeDetails: (await db.outcomeDetails.toArray()).sort(byKey((row) => row.uid)),
    trainees: (await db.trainees.toArray()).sort(byKey((row) => row.uid)),
    // In building order, which is the order they are sent in; the local order numbers are the device's own.
    outbox: (await db.outbox.orderBy('seq').toArray()).map(({ seq: _seq, ...row }) => row),
    packs: (await db.packs.toArray()).sort(byKey((row) => row.packId)),
  };
}

async function backupOf(db: AttacheDatabase): Promise<Uint8Array> {
  return (await createBackup(db, { appVersion: '0.1.0', now: () => Date.UTC(2026, 4, 14, 12) })).bytes;
}

describe('backing up', () => {
  it('names the file after the day, and counts what it holds', async () => {
    await seedRecords(source);
    const progress: BackupProgress[] = [];
    const created = await createBackup(source, {
      appVersion: '0.1.0',
      now: () => new Date(2026, 4, 14, 12).getTime(),
      onProgress: (step) => progress.push(step),
    });
    expect(created.fileName).toBe('attache-backup-2026-05-14.attache-backup');
    expect(backupFileName(new Date(2026, 0, 2).getTime())).toBe('attache-backup-2026-01-02.attache-backup');
    expect(created.rows).toMatchObject({ profiles: 2, attempts: 3, outcomes: 3, outcomeDetails: 3, trainees: 1, packs: 1, composerDrafts: 1, settings: 2 });
    expect(created.leftOut).toBe(0);
    expect(progress.filter((step) => step.phase === 'reading').at(-1)).toEqual({ phase: 'reading', done: 12, total: 12 });
    const writing = progress.filter((step) => step.phase === 'writing');
    expect(writing.length).toBeGreaterThan(10);
    expect(writing.at(-1)!.done).toBe(writing.at(-1)!.total);
  });

  it('reads a table with more rows than one read takes whole and in order (an attempt’s log, under a two-part key)', async () => {
    const { ivan } = await seedRecords(source);
    const attemptId = await activeAttempt(source, ivan, 30_000_000, 'A long session.');
    const ticks = Array.from({ length: 650 }, (_, index) => ({
      attemptId,
      seq: index + 2,
      event: { type: 'CLOCK.TICK' as const, minutes: 1 },
      recordedAt: 30_000_000 + index,
    }));
    await source.attemptEvents.bulkAdd(ticks);
    const uid = (await source.attempts.get(attemptId))!.uid;
    const events = openBackup(await backupOf(source)).data.attemptEvents.filter((row) => row.attemptUid === uid);
    expect(events.map((row) => row.seq)).toEqual(Array.from({ length: 652 }, (_, index) => index));
  });

  it('writes the same bytes from the same database', async () => {
    await seedRecords(source);
    expect(await backupOf(source)).toEqual(await backupOf(source));
  });

  it('leaves out which profile is active and the packs-check cache', async () => {
    await seedRecords(source);
    await source.checkedPacks.put({
      installation: 'x',
      contentHash: null,
      appVersion: '0.1.0',
      packFormat: 1,
      checkFormat: 1,
      outcome: { kind: 'invalid', diagnostics: [] },
      checkedAt: 1,
    });
    const backup = openBackup(await backupOf(source));
    expect(backup.data.settings.map((row) => row.key)).toEqual(['language', 'theme']);
    expect(Object.keys(backup.data)).not.toContain('checkedPacks');
  });
});

describe('restoring', () => {
  it('restores an imported trainee as an import of progress files leaves them (with when their details were saved)', async () => {
    await seedRecords(source);
    await source.trainees.toCollection().modify({ detailsExportedAt: 5_500_000 });
    await restoreBackup(target, openBackup(await backupOf(source)));
    expect((await target.trainees.toArray()).map((row) => row.detailsExportedAt)).toEqual([5_500_000]);
    expect(await picture(target)).toEqual(await picture(source));
  });

  it('restores into an empty install with every table equal', async () => {
    await seedRecords(source);
    const report = await restoreBackup(target, openBackup(await backupOf(source)));
    expect(await picture(target)).toEqual(await picture(source));
    expect(report.conflicts).toEqual([]);
    expect(report.tables).toMatchObject({
      profiles: { added: 2 },
      attempts: { added: 3 },
      outcomes: { added: 3 },
      packs: { added: 1 },
      settings: { added: 2 },
    });
  });

  it('changes nothing when the same backup is restored twice', async () => {
    await seedRecords(source);
    const backup = openBackup(await backupOf(source));
    await restoreBackup(target, backup);
    const once = await picture(target);
    const attemptIds = (await target.attempts.toCollection().primaryKeys()).sort();
    const report = await restoreBackup(target, openBackup(await backupOf(source)));
    expect(await picture(target)).toEqual(once);
    expect((await target.attempts.toCollection().primaryKeys()).sort()).toEqual(attemptIds);
    expect(report.conflicts).toEqual([]);
    for (const counts of Object.values(report.tables)) expect(counts.added).toBe(0);
    expect(report.tables.attempts.unchanged).toBe(3);
  });

  it('gives a restored attempt a new local id, its log, snapshot and draft following it', async () => {
    await seedRecords(source);
    // The target's own trainee takes every id the source's three attempts had.
    const own = await createProfile(target, { name: 'Maria Lopez', academyId: '' });
    await finishedAttempt(target, own, 500);
    await finishedAttempt(target, own, 700);
    await activeAttempt(target, own, 1_000, 'Maria’s own draft');
    await restoreBackup(target, openBackup(await backupOf(source)));
    const sourceAnna = (await source.profiles.filter((profile) => profile.name === 'Anna Petrova').first())!;
    const targetAnna = (await target.profiles.where('uid').equals(sourceAnna.uid).first())!;
    const active = (await target.attempts.where('profileId').equals(targetAnna.id).toArray()).find((attempt) => attempt.status === 'active')!;
    expect(active.id).not.toBe((await source.attempts.where('uid').equals(active.uid).first())!.id);
    expect((await target.composerDrafts.get(active.id))?.text).toBe('Our hotline is open around the clock.');
    expect((await target.attemptEvents.where('attemptId').equals(active.id).toArray()).map((row) => row.event.type)).toEqual(['START', 'CLOCK.TICK']);
    expect(await target.attemptSnapshots.get(active.id)).toMatchObject({ snapshot: { state: 'live', at: 5 } });
    expect((await target.composerDrafts.toArray()).map((row) => row.text).sort()).toEqual(['Maria’s own draft', 'Our hotline is open around the clock.']);
  });

  it('merges into an existing install: overlapping rows left, conflicting ones kept as they are and listed', async () => {
    const seeded = await seedRecords(source);
    const backup = openBackup(await backupOf(source));
    await restoreBackup(target, backup);

    // The install moves on after the backup: an attempt continues, a setting changes, a pack is updated,
    // and an imported trainee's name is corrected.
    const active = (await target.attempts.filter((attempt) => attempt.status === 'active').first())!;
    await target.attemptEvents.add({ attemptId: active.id, seq: 2, event: { type: 'CLOCK.NEXT' }, recordedAt: 99 });
    await target.attempts.update(active.id, { eventCount: 3 });
    await target.settings.put({ key: 'language', value: 'en' });
    await target.packs.update(seeded.pack.manifest.id, { version: '2.0.0' });
    await target.trainees.update(seeded.trainee.uid, { name: 'Olga I. Ivanova' });
    const outcomeUid = (await target.outcomes.toCollection().first())!.uid;
    await target.outcomes.update(outcomeUid, { average: 41.7, passed: false });
    const before = await picture(target);

    const report = await restoreBackup(target, openBackup(await backupOf(source)));
    expect(await picture(target)).toEqual(before);
    expect(report.conflicts.map((conflict) => `${conflict.table}:${conflict.kind}`).sort()).toEqual([
      'attempts:other-content',
      'outcomes:other-content',
      'packs:other-version',
      'settings:other-value',
      'trainees:other-content',
    ]);
    expect(report.conflicts).toContainEqual({
      table: 'packs',
      key: seeded.pack.manifest.id,
      installedVersion: '2.0.0',
      backupVersion: '1.0.0',
      kind: 'other-version',
    });
    expect(report.tables.profiles).toEqual({ added: 0, unchanged: 2, conflicts: 0 });
    expect(report.tables.attempts).toEqual({ added: 0, unchanged: 2, conflicts: 1 });
  });

  it('adds what is new beside what the install holds, renaming a profile whose name is taken', async () => {
    await seedRecords(source);
    await createProfile(target, { name: 'Ivan Sokolov', academyId: 'OTHER-1' });
    const preview = await previewRestore(target, openBackup(await backupOf(source)));
    expect(await target.profiles.count()).toBe(1);
    const report = await restoreBackup(target, openBackup(await backupOf(source)));
    expect(report).toEqual(preview);
    expect((await target.profiles.toArray()).map((profile) => profile.name).sort()).toEqual(['Anna Petrova', 'Ivan Sokolov', 'Ivan Sokolov (2)']);
    expect(report.conflicts).toContainEqual(
      expect.objectContaining({ table: 'profiles', name: 'Ivan Sokolov', kind: 'renamed', restoredAs: 'Ivan Sokolov (2)' }),
    );
    const restoredIvan = (await target.profiles.filter((profile) => profile.name === 'Ivan Sokolov (2)').first())!;
    expect(await target.attempts.where('profileId').equals(restoredIvan.id).count()).toBe(1);
  });

  it('carries the outbox: its statements come back byte for byte, in order, sent, dead or pending as they were, and are never built again', async () => {
    await seedRecords(source);
    await saveAcademy(source, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    await saveIncludeDraftText(source, true);
    const library = createLibrary([minimalPack().pack]);
    await buildPendingStatements(source, library, { now: () => 7_000_000 });
    const built = await allStatements(source);
    expect(built.length).toBeGreaterThan(10);
    await markSent(
      source,
      built.slice(0, 5).map((row) => row.id),
      7_100_000,
    );
    await markDead(source, built[5]!.id, { kind: 'conflict', status: 409, reply: `${built[5]!.id} is conflicting`, at: 7_200_000 });

    const report = await restoreBackup(target, openBackup(await backupOf(source)));
    expect(report.statements).toEqual({ added: built.length, unchanged: 0, conflicts: 0 });
    expect((await picture(target)).outbox).toEqual((await picture(source)).outbox);
    expect((await allStatements(target)).map((row) => row.json)).toEqual(built.map((row) => row.json));

    // The restored install has other settings now: what it holds is not built again, so its bytes stay the ones the LRS may have.
    await saveAcademy(target, { name: 'Academy', iri: 'https://other.example', identityField: 'academyId' });
    expect((await buildPendingStatements(target, library, { now: () => 8_000_000 })).statements).toBe(0);
    const again = await restoreBackup(target, openBackup(await backupOf(source)));
    expect(again.statements).toEqual({ added: 0, unchanged: built.length, conflicts: 0 });
    expect((await picture(target)).outbox).toEqual((await picture(source)).outbox);
  });

  it('keeps the install’s statements where it built the same ids with other bytes, and counts them', async () => {
    await seedRecords(source);
    const library = createLibrary([minimalPack().pack]);
    await saveAcademy(source, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    await buildPendingStatements(source, library, { now: () => 7_000_000 });
    await restoreBackup(target, openBackup(await backupOf(source)));
    const ours = await allStatements(target);
    // The install's copy differs (as if built under other settings before the restore).
    await target.outbox.update(ours[0]!.seq!, { json: ours[0]!.json.replace('https://academy.example', 'https://other.example') });
    const before = await picture(target);
    const report = await restoreBackup(target, openBackup(await backupOf(source)));
    expect(report.statements).toEqual({ added: 0, unchanged: ours.length - 1, conflicts: 1 });
    expect(await picture(target)).toEqual(before);
  });

  it('reports a full disk with nothing half-written', async () => {
    await seedRecords(source);
    await createProfile(target, { name: 'Maria Lopez', academyId: '' });
    const before = await picture(target);
    vi.spyOn(target.attemptEvents, 'bulkAdd').mockRejectedValue(new Dexie.QuotaExceededError('Quota exceeded'));
    await expect(restoreBackup(target, openBackup(await backupOf(source)))).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await picture(target)).toEqual(before);
  });

  it('refuses a damaged file before touching the database', async () => {
    await seedRecords(source);
    const bytes = (await backupOf(source)).slice(0, 1_000);
    expect(() => openBackup(bytes)).toThrow(BackupError);
  });
});
