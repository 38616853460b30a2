// Runtime: renderer. Recovery copies: the pack open in the studio, written to the local database
// after every change (the studio's frame decides when), so that closing the app, a crash or a
// reload loses nothing. In the web build a pack lives here until it is exported or installed.
import { readAt } from '../core/studio/document';
import type { PackDocument } from '../core/studio/document';
import type { AttacheDatabase } from '../db/database';
import { deleteStudioDraft, getStudioDraft, listStudioDrafts, putStudioDraft } from '../db/repositories/studio-drafts';
import type { StudioSource } from './sources';

export interface RecoveryCopy {
  draftId: string;
  source: StudioSource;
  document: PackDocument;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export interface StoredRecoveryCopy extends RecoveryCopy {
  /** The pack's title (or id) when it was saved. */
  label: string;
}

/** A new draft's id: one per pack opened in the studio. */
export function newDraftId(): string {
  return crypto.randomUUID();
}

/** The pack's title in its first language, else in any, else its id, else nothing. */
export function draftLabel(document: PackDocument): string {
  const title = readAt(document, 'pack.yaml', ['title']);
  const languages = readAt(document, 'pack.yaml', ['languages']);
  if (title && typeof title === 'object' && !Array.isArray(title)) {
    const byLanguage = title as Record<string, unknown>;
    const first = Array.isArray(languages) && typeof languages[0] === 'string' ? byLanguage[languages[0]] : undefined;
    const chosen = [first, ...Object.values(byLanguage)].find((value): value is string => typeof value === 'string' && value.trim() !== '');
    if (chosen) return chosen.trim();
  }
  const id = readAt(document, 'pack.yaml', ['id']);
  return typeof id === 'string' ? id.trim() : '';
}

/** Writes the copy, replacing the draft's last one. A full disk is reported as StorageFullError. */
export function saveRecoveryCopy(db: AttacheDatabase, copy: RecoveryCopy): Promise<void> {
  return putStudioDraft(db, {
    draftId: copy.draftId,
    source: copy.source,
    texts: new Map(copy.document.texts),
    media: new Map(copy.document.media),
    savedAt: copy.savedAt,
    label: draftLabel(copy.document),
  });
}

function copyOf(record: {
  draftId: string;
  source: StudioSource;
  texts: Map<string, string>;
  media: Map<string, Uint8Array>;
  savedAt: number;
  label: string;
}): StoredRecoveryCopy {
  return {
    draftId: record.draftId,
    source: record.source,
    document: { texts: record.texts, media: record.media },
    savedAt: record.savedAt,
    label: record.label,
  };
}

/** Every recovery copy, the most recently saved first. */
export async function listRecoveryCopies(db: AttacheDatabase): Promise<StoredRecoveryCopy[]> {
  return (await listStudioDrafts(db)).map(copyOf);
}

/** The draft's recovery copy, or null when it was discarded (or cannot be read). */
export async function loadRecoveryCopy(db: AttacheDatabase, draftId: string): Promise<StoredRecoveryCopy | null> {
  const record = await getStudioDraft(db, draftId);
  return record ? copyOf(record) : null;
}

/** Forgets the draft's recovery copy: the pack is saved elsewhere, or the author gave it up. */
export function discardRecoveryCopy(db: AttacheDatabase, draftId: string): Promise<void> {
  return deleteStudioDraft(db, draftId);
}
