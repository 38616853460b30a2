// Runtime: renderer. The studio's drafts (packs being edited): the only code that writes them. A row
// read back is checked before it is trusted, so a row written by another version (or damaged) is
// left out of the list instead of breaking the studio's start page.
import type { AttacheDatabase, StudioDraftRecord, StudioDraftSource } from '../database';
import { storageWrite } from '../errors';

function isSource(value: unknown): value is StudioDraftSource {
  if (!value || typeof value !== 'object') return false;
  const source = value as Record<string, unknown>;
  switch (source.kind) {
    case 'new':
      return true;
    case 'installed':
      return typeof source.packId === 'string' && typeof source.version === 'string';
    case 'archive':
      return typeof source.name === 'string';
    case 'folder':
      return typeof source.path === 'string';
    default:
      return false;
  }
}

/** The row when it has the shape of a draft, else null. */
export function checkedDraft(row: unknown): StudioDraftRecord | null {
  if (!row || typeof row !== 'object') return null;
  const draft = row as Partial<StudioDraftRecord>;
  if (typeof draft.draftId !== 'string' || typeof draft.savedAt !== 'number' || typeof draft.label !== 'string' || !isSource(draft.source)) return null;
  if (!(draft.texts instanceof Map) || !(draft.media instanceof Map)) return null;
  for (const [path, text] of draft.texts) if (typeof path !== 'string' || typeof text !== 'string') return null;
  for (const [path, bytes] of draft.media) if (typeof path !== 'string' || !(bytes instanceof Uint8Array)) return null;
  return draft as StudioDraftRecord;
}

/** Writes (or replaces) a draft. A full disk is reported as StorageFullError and nothing is written. */
export function putStudioDraft(db: AttacheDatabase, draft: StudioDraftRecord): Promise<void> {
  return storageWrite(() =>
    db.transaction('rw', db.studioDrafts, async () => {
      await db.studioDrafts.put(draft);
    }),
  );
}

/** The draft, or null when there is none (or its row cannot be read). */
export async function getStudioDraft(db: AttacheDatabase, draftId: string): Promise<StudioDraftRecord | null> {
  return checkedDraft(await db.studioDrafts.get(draftId));
}

/** Every readable draft, the most recently saved first. */
export async function listStudioDrafts(db: AttacheDatabase): Promise<StudioDraftRecord[]> {
  const rows = await db.studioDrafts.orderBy('savedAt').reverse().toArray();
  return rows.flatMap((row) => checkedDraft(row) ?? []);
}

/** Removes a draft; nothing happens when it is already gone. */
export function deleteStudioDraft(db: AttacheDatabase, draftId: string): Promise<void> {
  return storageWrite(() =>
    db.transaction('rw', db.studioDrafts, async () => {
      await db.studioDrafts.delete(draftId);
    }),
  );
}
