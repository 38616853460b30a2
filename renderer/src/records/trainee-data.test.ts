// Runtime: Node (Vitest, fake-indexeddb). One trainee's data: the export holds everything about them
// (and nothing about anyone else), reads in their language, and erasing leaves no row of theirs in any
// table while everyone else's stays.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttacheDatabase } from '../db/database';
import { createI18n } from '../i18n';
import { createTestDatabase } from '../test/database';
import { seedRecords, type SeededRecords } from '../test/seed-records';
import type { SummaryWriter, TraineeDataExport } from './trainee-data';
import {
  TRAINEE_DATA_JSON,
  TRAINEE_SUMMARY_TEXT,
  collectTraineeData,
  eraseTraineeData,
  listTrainees,
  readTraineeHoldings,
  traineeDataArchive,
  traineeDataFileName,
  traineeSummaryText,
} from './trainee-data';

let db: AttacheDatabase;
let seeded: SeededRecords;

beforeEach(async () => {
  db = createTestDatabase();
  seeded = await seedRecords(db);
});

afterEach(async () => {
  await db.delete();
});

async function writer(language: 'en' | 'ru'): Promise<SummaryWriter> {
  const i18n = await createI18n(language);
  const t = i18n.getFixedT(language, 'backup', 'summary') as unknown as (key: string, params?: Record<string, unknown>) => string;
  return { translate: (key, params) => t(key, params), language };
}

/** Every row of every table of the database, as text, with the table it is in. */
async function everyRow(database: AttacheDatabase): Promise<{ table: string; text: string; row: unknown }[]> {
  const rows: { table: string; text: string; row: unknown }[] = [];
  for (const table of database.tables) {
    for (const row of await table.toArray()) {
      rows.push({
        table: table.name,
        text: JSON.stringify(row, (_key, value: unknown) => (value instanceof Uint8Array ? `bytes:${value.length}` : value)),
        row,
      });
    }
  }
  return rows;
}

describe('a trainee’s data', () => {
  it('lists the profiles of this device, then the trainees of imported progress files', async () => {
    const trainees = await listTrainees(db);
    expect(trainees.map((entry) => [entry.name, entry.ref.kind])).toEqual([
      ['Anna Petrova', 'profile'],
      ['Ivan Sokolov', 'profile'],
      ['Olga Ivanova', 'imported'],
    ]);
  });

  it('counts what erasing would remove', async () => {
    expect(await readTraineeHoldings(db, { kind: 'profile', profileId: seeded.anna.id })).toEqual({ attempts: 2, unfinished: 1, outcomes: 1, drafts: 1 });
    expect(await readTraineeHoldings(db, { kind: 'imported', uid: seeded.trainee.uid })).toEqual({ attempts: 0, unfinished: 0, outcomes: 1, drafts: 0 });
    expect(await readTraineeHoldings(db, { kind: 'profile', profileId: 999 })).toBeNull();
  });

  it('exports everything about a profile: its fields, every attempt with its log and draft, every record whole — and nobody else’s', async () => {
    const data = (await collectTraineeData(db, { kind: 'profile', profileId: seeded.anna.id }, { appVersion: '0.1.0', now: () => 7 }))!;
    expect(data.trainee).toEqual({
      uid: seeded.anna.uid,
      name: 'Anna Petrova',
      academyId: 'DA-7',
      email: null,
      origin: 'profile',
      createdAt: 2_000,
      updatedAt: 2_000,
      lastUsedAt: 2_000,
      pinSet: false,
      importedAt: null,
      deviceKey: null,
    });
    expect(data.attempts.map((attempt) => [attempt.status, attempt.events.map((event) => (event.event as { type: string }).type)])).toEqual([
      ['finished', ['START', 'CLOCK.NEXT', 'FINISH']],
      ['active', ['START', 'CLOCK.TICK']],
    ]);
    expect(data.attempts[1]!.unsentDraft?.text).toBe('Our hotline is open around the clock.');
    expect(data.outcomes).toHaveLength(1);
    expect(data.outcomes[0]!.summary.traineeUid).toBe(seeded.anna.uid);
    expect(data.outcomes[0]!.detail?.outcome.tasks.length).toBeGreaterThan(0);
    expect(Object.values(data.scenarios)[0]?.title.en).toBe(seeded.pack.scenarios[0]!.title.en);
    const text = JSON.stringify(data);
    expect(text).not.toContain(seeded.ivan.uid);
    expect(text).not.toContain('Ivan Sokolov');
    expect(text).not.toContain('Olga');
  });

  it('exports an imported trainee with their outcomes', async () => {
    const data = (await collectTraineeData(db, { kind: 'imported', uid: seeded.trainee.uid }, { appVersion: '0.1.0' }))!;
    expect(data.trainee).toMatchObject({ origin: 'imported', name: 'Olga Ivanova', academyId: 'DA-99', importedAt: 6_000_000, deviceKey: 'ab'.repeat(32) });
    expect(data.attempts).toEqual([]);
    expect(data.outcomes.map((outcome) => outcome.summary.origin)).toEqual(['imported']);
  });

  it('never exports a PIN’s hash, only that one is set', async () => {
    await db.profiles.update(seeded.anna.id, { pin: { algorithm: 'scrypt', N: 16, r: 1, p: 1, salt: '00', hash: 'deadbeef' } });
    const data = (await collectTraineeData(db, { kind: 'profile', profileId: seeded.anna.id }, { appVersion: '0.1.0' }))!;
    expect(data.trainee.pinSet).toBe(true);
    expect(JSON.stringify(data)).not.toContain('deadbeef');
  });

  it('writes a ZIP with the JSON and a summary in the trainee’s language', async () => {
    const data: TraineeDataExport = (await collectTraineeData(db, { kind: 'profile', profileId: seeded.anna.id }, { appVersion: '0.1.0', now: () => 7 }))!;
    const english = traineeSummaryText(data, await writer('en'));
    expect(english).toContain('What Attaché held about Anna Petrova on this device');
    expect(english).toContain('Academy ID: DA-7');
    expect(english).toContain('1 finished scenario (a record)');
    expect(english).toMatch(/“.+” \(.+ 1\.0\.0\): (passed|failed), score \d+/);
    expect(english).toContain('2 attempts on this device');
    expect(english).toContain('An unsent draft of 37 characters.');
    expect(english).toContain('are not covered by this file');
    expect(english).not.toMatch(/undefined|NaN|\{\{|summary\./);

    const russian = traineeSummaryText(data, await writer('ru'));
    expect(russian).toContain('Что Attaché хранил о слушателе Anna Petrova на этом устройстве');
    expect(russian).toContain('2 попытки на этом устройстве');
    expect(russian).not.toMatch(/undefined|NaN|\{\{|summary\./);

    const files = unzipSync(traineeDataArchive(data, english));
    expect(Object.keys(files)).toEqual([TRAINEE_SUMMARY_TEXT, TRAINEE_DATA_JSON]);
    expect(JSON.parse(strFromU8(files[TRAINEE_DATA_JSON]!))).toEqual(JSON.parse(JSON.stringify(data)));
    expect(strFromU8(files[TRAINEE_SUMMARY_TEXT]!)).toBe(english);
    expect(traineeDataArchive(data, english)).toEqual(traineeDataArchive(data, english));
  });

  it('names the file after the trainee in any script', () => {
    const day = new Date(2026, 4, 14).getTime();
    expect(traineeDataFileName('Anna Petrova', day)).toBe('attache-data-anna-petrova-2026-05-14.zip');
    expect(traineeDataFileName('Анна Петрова', day)).toBe('attache-data-анна-петрова-2026-05-14.zip');
    expect(traineeDataFileName('../..', day)).toBe('attache-data-trainee-2026-05-14.zip');
  });
});

describe('erasing a trainee’s data', () => {
  it('leaves no row of a profile’s in any table, and everyone else’s as it was', async () => {
    const annaAttempts = await db.attempts.where('profileId').equals(seeded.anna.id).primaryKeys();
    const annaAttemptUids = (await db.attempts.bulkGet(annaAttempts)).map((attempt) => attempt!.uid);
    // Progress files had also brought Anna here from her own laptop.
    await db.trainees.add({ uid: seeded.anna.uid, name: 'Anna Petrova', academyId: 'DA-7', email: null, deviceKey: 'cd'.repeat(32), importedAt: 1 });
    const before = await everyRow(db);
    const hers = (text: string) =>
      text.includes(seeded.anna.uid) || annaAttemptUids.some((uid) => text.includes(uid)) || annaAttempts.some((id) => text.includes(`"attemptId":${id},`));
    const others = before.filter((entry) => !hers(entry.text));
    expect(others.length).toBeLessThan(before.length - 8);

    expect(await eraseTraineeData(db, { kind: 'profile', profileId: seeded.anna.id })).toEqual({ attempts: 2, unfinished: 1, outcomes: 1, drafts: 1 });

    const after = await everyRow(db);
    for (const entry of after) {
      expect(hers(entry.text), `a row of ${entry.table}`).toBe(false);
      expect(entry.text, `a row of ${entry.table}`).not.toContain('Anna Petrova');
      expect(entry.text, `a row of ${entry.table}`).not.toContain('Our hotline is open around the clock.');
    }
    expect(await db.attempts.where('profileId').equals(seeded.anna.id).count()).toBe(0);
    for (const id of annaAttempts) {
      expect(await db.attemptEvents.where('attemptId').equals(id).count()).toBe(0);
      expect(await db.attemptSnapshots.get(id)).toBeUndefined();
      expect(await db.composerDrafts.get(id)).toBeUndefined();
    }
    // The played scenarios hold nothing about anyone and stay for the others' records.
    expect(after.map((entry) => entry.text).sort()).toEqual(others.map((entry) => entry.text).sort());
  });

  it('erases an imported trainee: their row and their outcomes', async () => {
    const before = await everyRow(db);
    expect(await eraseTraineeData(db, { kind: 'imported', uid: seeded.trainee.uid })).toEqual({ attempts: 0, unfinished: 0, outcomes: 1, drafts: 0 });
    const after = await everyRow(db);
    for (const entry of after) expect(entry.text, `a row of ${entry.table}`).not.toContain(seeded.trainee.uid);
    expect(after.map((entry) => entry.text).sort()).toEqual(
      before
        .filter((entry) => !entry.text.includes(seeded.trainee.uid))
        .map((entry) => entry.text)
        .sort(),
    );
  });

  it('erases nothing for a trainee that is not there', async () => {
    const before = await everyRow(db);
    expect(await eraseTraineeData(db, { kind: 'imported', uid: 'nobody' })).toBeNull();
    expect(await everyRow(db)).toEqual(before);
  });
});
