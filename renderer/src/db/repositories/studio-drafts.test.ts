// Runtime: Node (Vitest, fake-indexeddb). The studio's drafts: written whole, listed newest first,
// rows that do not read as drafts left out, a full disk reported as such.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../test/database';
import type { AttacheDatabase, StudioDraftRecord } from '../database';
import { StorageFullError } from '../errors';
import { deleteStudioDraft, getStudioDraft, listStudioDrafts, putStudioDraft } from './studio-drafts';

let db: AttacheDatabase;

beforeEach(() => {
  db = createTestDatabase();
});

function draft(draftId: string, savedAt: number): StudioDraftRecord {
  return {
    draftId,
    source: { kind: 'folder', path: `/packs/${draftId}` },
    texts: new Map([['pack.yaml', `id: ${draftId}\n`]]),
    media: new Map([['media/a.png', new Uint8Array([137, 80, 78, 71])]]),
    savedAt,
    label: draftId,
  };
}

describe('studio drafts', () => {
  it('writes, replaces, reads and deletes a draft with its files', async () => {
    await putStudioDraft(db, draft('storm', 1));
    await putStudioDraft(db, { ...draft('storm', 2), texts: new Map([['pack.yaml', 'id: storm\nversion: 1.0.1\n']]) });
    const read = await getStudioDraft(db, 'storm');
    expect(read?.savedAt).toBe(2);
    expect(read?.texts.get('pack.yaml')).toBe('id: storm\nversion: 1.0.1\n');
    expect(read?.media.get('media/a.png')).toEqual(new Uint8Array([137, 80, 78, 71]));
    await deleteStudioDraft(db, 'storm');
    expect(await getStudioDraft(db, 'storm')).toBeNull();
    await expect(deleteStudioDraft(db, 'storm')).resolves.toBeUndefined();
  });

  it('lists drafts newest first, leaving out a row that is not a draft', async () => {
    await putStudioDraft(db, draft('old', 1));
    await putStudioDraft(db, draft('new', 3));
    await db.studioDrafts.put({
      draftId: 'broken',
      savedAt: 2,
      label: 'x',
      source: { kind: 'folder' },
      texts: {},
      media: new Map(),
    } as unknown as StudioDraftRecord);
    expect((await listStudioDrafts(db)).map((row) => row.draftId)).toEqual(['new', 'old']);
    expect(await getStudioDraft(db, 'broken')).toBeNull();
  });

  it('reports a full disk as StorageFullError', async () => {
    vi.spyOn(db.studioDrafts, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(putStudioDraft(db, draft('storm', 1))).rejects.toBeInstanceOf(StorageFullError);
  });
});
