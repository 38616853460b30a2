// Runtime: Node (Vitest, fake-indexeddb). The schema history opens old data and upgrades it in order.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { uniqueDatabaseName } from '../test/database';
import { AttacheDatabase } from './database';
import { listProfiles } from './repositories/profiles';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, applySchema, checkSchemaVersions, type SchemaVersion } from './schema';

const opened: Dexie[] = [];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

afterEach(async () => {
  const names = new Set(opened.map((db) => db.name));
  for (const db of opened.splice(0)) db.close();
  for (const name of names) await Dexie.delete(name);
});

/** A database opened at exactly the given prefix of a schema history. */
function openAt(name: string, versions: readonly SchemaVersion[]): Dexie {
  const db = track(new Dexie(name));
  applySchema(db, versions);
  return db;
}

describe('schema history', () => {
  it('counts up from 1 without gaps', () => {
    expect(() => checkSchemaVersions(SCHEMA_VERSIONS)).not.toThrow();
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it.each([
    ['empty', []],
    ['not starting at 1', [{ version: 2, stores: {} }]],
    [
      'with a gap',
      [
        { version: 1, stores: {} },
        { version: 3, stores: {} },
      ],
    ],
    [
      'out of order',
      [
        { version: 2, stores: {} },
        { version: 1, stores: {} },
      ],
    ],
    [
      'with a repeat',
      [
        { version: 1, stores: {} },
        { version: 1, stores: {} },
      ],
    ],
  ])('rejects a history %s', (_label, versions: SchemaVersion[]) => {
    expect(() => checkSchemaVersions(versions)).toThrow();
  });

  it('opens data written at version 1 and upgrades it to the current version', async () => {
    const name = uniqueDatabaseName();
    const v1 = openAt(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.table('profiles').add({ name: 'Anna Petrova', academyId: 'DA-7', createdAt: 1, updatedAt: 2 });
    await v1.table('settings').bulkPut([
      { key: 'language', value: 'ru' },
      { key: 'theme', value: 'dark' },
      { key: 'activeProfileId', value: 1 },
    ]);
    v1.close();

    const current = track(new AttacheDatabase(name));
    await current.open();

    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await current.profiles.toArray()).toEqual([
      { id: 1, uid: expect.stringMatching(UUID), name: 'Anna Petrova', academyId: 'DA-7', email: null, pin: null, createdAt: 1, updatedAt: 2, lastUsedAt: 2 },
    ]);
    expect(await current.profiles.where('academyId').equals('DA-7').count()).toBe(1);
    expect(await current.settings.get('language')).toEqual({ key: 'language', value: 'ru' });
    expect(await current.settings.get('activeProfileId')).toEqual({ key: 'activeProfileId', value: 1 });
  });

  it('version 2 gives every profile written at version 1 its last edit as its last use, which orders the picker', async () => {
    const name = uniqueDatabaseName();
    const v1 = openAt(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.table('profiles').bulkAdd([
      { name: 'Anna Petrova', academyId: 'DA-7', createdAt: 1, updatedAt: 500 },
      { name: 'Ivan Sokolov', academyId: null, createdAt: 2, updatedAt: 300 },
    ]);
    await v1.table('settings').put({ key: 'activeProfileId', value: 2 });
    v1.close();

    const v2 = openAt(name, SCHEMA_VERSIONS.slice(0, 2));
    await v2.open();

    expect(v2.verno).toBe(2);
    expect(await v2.table('profiles').toArray()).toEqual([
      { id: 1, name: 'Anna Petrova', academyId: 'DA-7', createdAt: 1, updatedAt: 500, lastUsedAt: 500 },
      { id: 2, name: 'Ivan Sokolov', academyId: null, createdAt: 2, updatedAt: 300, lastUsedAt: 300 },
    ]);
    expect((await listProfiles(v2 as AttacheDatabase)).map((profile) => profile.id)).toEqual([1, 2]);
    expect(await v2.table('settings').get('activeProfileId')).toEqual({ key: 'activeProfileId', value: 2 });
    // The new tables start empty.
    for (const table of ['attempts', 'attemptSnapshots', 'attemptEvents', 'composerDrafts', 'packs']) expect(await v2.table(table).count()).toBe(0);
  });

  it('version 3 keeps the installed packs written at version 2 and starts with nothing checked, so each is checked once more', async () => {
    const name = uniqueDatabaseName();
    const v2 = openAt(name, SCHEMA_VERSIONS.slice(0, 2));
    const installed = { packId: 'minimal', version: '1.0.0', archive: new Uint8Array([1, 2, 3]), installedAt: 7 };
    await v2.table('packs').put(installed);
    v2.close();

    const v3 = openAt(name, SCHEMA_VERSIONS.slice(0, 3));
    await v3.open();

    expect(v3.verno).toBe(3);
    expect(await v3.table('packs').toArray()).toEqual([installed]);
    expect(await v3.table('checkedPacks').count()).toBe(0);
  });

  it('version 4 gives every profile and attempt written at version 3 a uid, keeps them, and starts with no outcomes (they are frozen after start)', async () => {
    const name = uniqueDatabaseName();
    const v3 = openAt(name, SCHEMA_VERSIONS.slice(0, 3));
    await v3.table('profiles').bulkAdd([
      { name: 'Anna Petrova', academyId: 'DA-7', createdAt: 1, updatedAt: 500, lastUsedAt: 500 },
      { name: 'Ivan Sokolov', academyId: null, createdAt: 2, updatedAt: 300, lastUsedAt: 300 },
    ]);
    const attempt = {
      profileId: 1,
      packId: 'core',
      packVersion: '1.0.0',
      scenarioId: 'flights-suspended',
      status: 'finished',
      result: { passed: true, average: 90 },
    };
    await v3.table('attempts').bulkAdd([attempt, { ...attempt, profileId: 2, status: 'active', result: null }]);
    v3.close();

    const v4 = openAt(name, SCHEMA_VERSIONS.slice(0, 4));
    await v4.open();

    expect(v4.verno).toBe(4);
    const profiles = await v4.table('profiles').toArray();
    expect(profiles).toEqual([
      {
        id: 1,
        uid: expect.stringMatching(UUID),
        name: 'Anna Petrova',
        academyId: 'DA-7',
        email: null,
        pin: null,
        createdAt: 1,
        updatedAt: 500,
        lastUsedAt: 500,
      },
      { id: 2, uid: expect.stringMatching(UUID), name: 'Ivan Sokolov', academyId: null, email: null, pin: null, createdAt: 2, updatedAt: 300, lastUsedAt: 300 },
    ]);
    const attempts = await v4.table('attempts').toArray();
    expect(attempts).toEqual([
      { id: 1, uid: expect.stringMatching(UUID), ...attempt },
      { id: 2, uid: expect.stringMatching(UUID), ...attempt, profileId: 2, status: 'active', result: null },
    ]);
    const uids = [...profiles, ...attempts].map((row: { uid: string }) => row.uid);
    expect(new Set(uids).size).toBe(4);
    expect(await v4.table('profiles').where('uid').equals(profiles[1].uid).count()).toBe(1);
    for (const table of ['outcomes', 'outcomeDetails', 'playedScenarios', 'trainees']) expect(await v4.table(table).count()).toBe(0);
  });

  it('version 5 keeps what version 4 held and starts with an empty outbox (statements are built after start)', async () => {
    const name = uniqueDatabaseName();
    const v4 = openAt(name, SCHEMA_VERSIONS.slice(0, 5 - 1));
    const summary = { uid: 'attempt-1', traineeUid: 'trainee-1', packId: 'core', scenarioId: 'flights-suspended', finishedAt: 10 };
    await v4.table('outcomes').add(summary);
    await v4.table('trainees').add({ uid: 'trainee-1', name: 'Anna', academyId: 'DA-7', email: null, deviceKey: 'ab', importedAt: 5 });
    v4.close();

    const v5 = openAt(name, SCHEMA_VERSIONS.slice(0, 5));
    await v5.open();

    expect(v5.verno).toBe(5);
    expect(await v5.table('outcomes').toArray()).toEqual([summary]);
    expect(await v5.table('trainees').count()).toBe(1);
    expect(await v5.table('outbox').count()).toBe(0);
  });

  it('version 6 keeps what version 5 held and starts with no studio drafts', async () => {
    const name = uniqueDatabaseName();
    const v5 = openAt(name, SCHEMA_VERSIONS.slice(0, 6 - 1));
    const statement = {
      id: 'statement-1',
      traineeUid: 'trainee-1',
      outcomeUid: 'attempt-1',
      verb: 'passed',
      json: '{}',
      state: 'pending',
      builtAt: 1,
      sentAt: null,
      problem: null,
    };
    await v5.table('outbox').add(statement);
    await v5.table('packs').add({ packId: 'core', version: '1.0.0', archive: new Uint8Array([1, 2]), installedAt: 3 });
    v5.close();

    const v6 = openAt(name, SCHEMA_VERSIONS.slice(0, 6));
    await v6.open();

    expect(v6.verno).toBe(6);
    expect(await v6.table('outbox').toArray()).toEqual([{ ...statement, seq: 1 }]);
    expect(await v6.table('packs').get('core')).toMatchObject({ version: '1.0.0', archive: new Uint8Array([1, 2]) });
    expect(await v6.table('studioDrafts').count()).toBe(0);
    const draft = { draftId: 'd1', source: { kind: 'new' }, texts: new Map([['pack.yaml', 'id: x\n']]), media: new Map(), savedAt: 5, label: 'x' };
    await v6.table('studioDrafts').add(draft);
    expect(await v6.table('studioDrafts').get('d1')).toEqual(draft);
  });

  it('version 7 keeps what version 6 held and starts with no desk states (every view of an attempt reads as never looked at)', async () => {
    const name = uniqueDatabaseName();
    const v6 = openAt(name, SCHEMA_VERSIONS.slice(0, 7 - 1));
    await v6.table('attemptSnapshots').add({ attemptId: 4, snapshot: { value: 'live' } });
    await v6.table('composerDrafts').add({ attemptId: 4, accountId: 'embassy-x', kind: 'post', taskId: null, replyTo: null, text: 'Hello', updatedAt: 2 });
    const draft = { draftId: 'd1', source: { kind: 'new' }, texts: new Map([['pack.yaml', 'id: x\n']]), media: new Map(), savedAt: 5, label: 'x' };
    await v6.table('studioDrafts').add(draft);
    v6.close();

    const v7 = openAt(name, SCHEMA_VERSIONS.slice(0, 7));
    await v7.open();

    expect(v7.verno).toBe(7);
    expect(await v7.table('attemptSnapshots').get(4)).toEqual({ attemptId: 4, snapshot: { value: 'live' } });
    expect(await v7.table('composerDrafts').get(4)).toMatchObject({ text: 'Hello' });
    expect(await v7.table('studioDrafts').get('d1')).toEqual(draft);
    expect(await v7.table('deskStates').count()).toBe(0);
    const desk = { attemptId: 4, view: 'inbox', seen: { inbox: 2, 'embassy-x': 7 }, updatedAt: 9 };
    await v7.table('deskStates').add(desk);
    expect(await v7.table('deskStates').get(4)).toEqual(desk);
  });

  it('opens a new database at the current version with every table and index', async () => {
    const db = track(new AttacheDatabase(uniqueDatabaseName()));
    await db.open();

    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'attemptEvents',
      'attemptSnapshots',
      'attempts',
      'checkedPacks',
      'composerDrafts',
      'deskStates',
      'outbox',
      'outcomeDetails',
      'outcomes',
      'packs',
      'playedScenarios',
      'profiles',
      'settings',
      'studioDrafts',
      'trainees',
    ]);
    const indexes = (table: string) =>
      db
        .table(table)
        .schema.indexes.map((index) => index.name)
        .sort();
    expect(indexes('profiles')).toEqual(['academyId', 'uid', 'updatedAt']);
    expect(indexes('attempts')).toEqual(['profileId', 'uid']);
    expect(indexes('outcomes')).toEqual(['[packId+scenarioId]', 'finishedAt', 'traineeUid']);
    expect(db.outcomes.schema.primKey.keyPath).toBe('uid');
    expect(db.outcomeDetails.schema.primKey.keyPath).toBe('uid');
    expect(db.playedScenarios.schema.primKey.keyPath).toBe('key');
    expect(db.trainees.schema.primKey.keyPath).toBe('uid');
    expect(db.attemptSnapshots.schema.primKey.keyPath).toBe('attemptId');
    expect(indexes('attemptSnapshots')).toEqual([]);
    expect(db.attemptEvents.schema.primKey.name).toBe('[attemptId+seq]');
    expect(indexes('attemptEvents')).toEqual(['attemptId']);
    expect(db.composerDrafts.schema.primKey.keyPath).toBe('attemptId');
    expect(db.packs.schema.primKey.keyPath).toBe('packId');
    expect(db.checkedPacks.schema.primKey.keyPath).toBe('installation');
    expect(indexes('checkedPacks')).toEqual([]);
    expect(db.outbox.schema.primKey.keyPath).toBe('seq');
    expect(db.outbox.schema.primKey.auto).toBe(true);
    expect(indexes('outbox')).toEqual(['[state+seq]', 'id', 'outcomeUid', 'traineeUid']);
    expect(db.outbox.schema.idxByName.id?.unique).toBe(true);
    expect(db.studioDrafts.schema.primKey.keyPath).toBe('draftId');
    expect(indexes('studioDrafts')).toEqual(['savedAt']);
    expect(db.deskStates.schema.primKey.keyPath).toBe('attemptId');
    expect(indexes('deskStates')).toEqual([]);

    // Compound keys work: the log reads back in order whatever order it was written in.
    await db.attemptEvents.bulkAdd([
      { attemptId: 1, seq: 1, event: { type: 'CLOCK.NEXT' }, recordedAt: 2 },
      { attemptId: 1, seq: 0, event: { type: 'START' }, recordedAt: 1 },
      { attemptId: 2, seq: 0, event: { type: 'START' }, recordedAt: 3 },
    ]);
    expect(await db.attemptEvents.where('attemptId').equals(1).sortBy('seq')).toMatchObject([{ seq: 0 }, { seq: 1 }]);
    await expect(db.attemptEvents.add({ attemptId: 1, seq: 0, event: { type: 'FINISH' }, recordedAt: 4 })).rejects.toMatchObject({ name: 'ConstraintError' });
  });

  it('runs each later version’s upgrade once, in order, on data from an older version', async () => {
    const name = uniqueDatabaseName();
    const calls: number[] = [];
    const history: SchemaVersion[] = [
      { version: 1, stores: { notes: '++id' } },
      {
        version: 2,
        stores: { notes: '++id, title' },
        upgrade: async (transaction) => {
          calls.push(2);
          await transaction
            .table('notes')
            .toCollection()
            .modify((note: { text: string; title?: string }) => {
              note.title = note.text.split(' ')[0];
            });
        },
      },
      {
        version: 3,
        stores: {},
        upgrade: async (transaction) => {
          calls.push(3);
          // Depends on version 2's upgrade having run first.
          await transaction
            .table('notes')
            .toCollection()
            .modify((note: { title: string; shout?: string }) => {
              note.shout = note.title.toUpperCase();
            });
        },
      },
    ];

    const old = openAt(name, history.slice(0, 1));
    await old.table('notes').bulkAdd([{ text: 'press release' }, { text: 'briefing notes' }]);
    old.close();

    const upgraded = openAt(name, history);
    await upgraded.open();
    expect(calls).toEqual([2, 3]);
    expect(await upgraded.table('notes').where('title').equals('briefing').toArray()).toEqual([
      { id: 2, text: 'briefing notes', title: 'briefing', shout: 'BRIEFING' },
    ]);
    upgraded.close();

    const reopened = openAt(name, history);
    await reopened.open();
    expect(calls).toEqual([2, 3]);
  });
});
