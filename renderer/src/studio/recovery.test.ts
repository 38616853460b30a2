// Runtime: Node (Vitest, fake-indexeddb). Recovery copies: the document written after a change comes
// back whole after the app closes, listed by the pack's title.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyEdit, readAt } from '../core/studio/document';
import { newPackTemplate } from '../core/studio/templates';
import { AttacheDatabase } from '../db/database';
import { StorageFullError } from '../db/errors';
import { createTestDatabase, uniqueDatabaseName } from '../test/database';
import { discardRecoveryCopy, draftLabel, listRecoveryCopies, loadRecoveryCopy, newDraftId, saveRecoveryCopy } from './recovery';

let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

const template = newPackTemplate({
  packId: 'storm-drills',
  scenarioId: 'storm',
  title: { en: 'Storm drills', ru: 'Учения: шторм' },
  languages: ['ru', 'en'],
  author: { name: 'Mira Holt' },
  now: 0,
});

describe('recovery copies', () => {
  it('brings back the document as it was saved, after the database is opened again', async () => {
    const name = uniqueDatabaseName();
    const first = new AttacheDatabase(name);
    const edited = applyEdit(template, { kind: 'set', file: 'scenarios/storm.yaml', path: ['duration'], value: '2:00' });
    const withMedia = { texts: edited.texts, media: new Map([['media/logo.png', new Uint8Array([1, 2, 3])]]) };
    const draftId = newDraftId();
    await saveRecoveryCopy(first, { draftId, source: { kind: 'new' }, document: withMedia, savedAt: 10 });
    first.close();

    const reopened = new AttacheDatabase(name);
    const copy = await loadRecoveryCopy(reopened, draftId);
    expect(copy?.source).toEqual({ kind: 'new' });
    expect(copy?.savedAt).toBe(10);
    expect(copy?.label).toBe('Учения: шторм');
    expect(readAt(copy!.document, 'scenarios/storm.yaml', ['duration'])).toBe('2:00');
    expect([...copy!.document.texts]).toEqual([...edited.texts]);
    expect(copy?.document.media.get('media/logo.png')).toEqual(new Uint8Array([1, 2, 3]));
    reopened.close();
  });

  it('lists copies newest first, and forgets one when discarded', async () => {
    await saveRecoveryCopy(db, { draftId: 'a', source: { kind: 'archive', name: 'storm.attache' }, document: template, savedAt: 1 });
    await saveRecoveryCopy(db, { draftId: 'b', source: { kind: 'installed', packId: 'core-library', version: '1.0.0' }, document: template, savedAt: 2 });
    expect((await listRecoveryCopies(db)).map((copy) => [copy.draftId, copy.source.kind])).toEqual([
      ['b', 'installed'],
      ['a', 'archive'],
    ]);
    await discardRecoveryCopy(db, 'b');
    expect((await listRecoveryCopies(db)).map((copy) => copy.draftId)).toEqual(['a']);
    expect(await loadRecoveryCopy(db, 'b')).toBeNull();
  });

  it('names a copy by the pack title, else its id, else nothing', () => {
    expect(draftLabel(template)).toBe('Учения: шторм');
    const noTitle = applyEdit(template, { kind: 'delete', file: 'pack.yaml', path: ['title'] });
    expect(draftLabel(noTitle)).toBe('storm-drills');
    expect(draftLabel({ texts: new Map([['pack.yaml', 'id: [broken']]), media: new Map() })).toBe('');
  });

  it('reports a full disk as StorageFullError, keeping the copy before', async () => {
    await saveRecoveryCopy(db, { draftId: 'a', source: { kind: 'new' }, document: template, savedAt: 1 });
    vi.spyOn(db.studioDrafts, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(saveRecoveryCopy(db, { draftId: 'a', source: { kind: 'new' }, document: template, savedAt: 2 })).rejects.toBeInstanceOf(StorageFullError);
    expect((await loadRecoveryCopy(db, 'a'))?.savedAt).toBe(1);
  });
});
