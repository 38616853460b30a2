// Runtime: Node (Vitest, fake-indexeddb). The schema history opens old data and upgrades it in order.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { uniqueDatabaseName } from '../test/database';
import { AttacheDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, applySchema, checkSchemaVersions, type SchemaVersion } from './schema';

const opened: Dexie[] = [];

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
    ['with a gap', [{ version: 1, stores: {} }, { version: 3, stores: {} }]],
    ['out of order', [{ version: 2, stores: {} }, { version: 1, stores: {} }]],
    ['with a repeat', [{ version: 1, stores: {} }, { version: 1, stores: {} }]],
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
    expect(await current.profiles.toArray()).toEqual([{ id: 1, name: 'Anna Petrova', academyId: 'DA-7', createdAt: 1, updatedAt: 2 }]);
    expect(await current.profiles.where('academyId').equals('DA-7').count()).toBe(1);
    expect(await current.settings.get('language')).toEqual({ key: 'language', value: 'ru' });
    expect(await current.settings.get('activeProfileId')).toEqual({ key: 'activeProfileId', value: 1 });
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
          await transaction.table('notes').toCollection().modify((note: { text: string; title?: string }) => {
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
          await transaction.table('notes').toCollection().modify((note: { title: string; shout?: string }) => {
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
