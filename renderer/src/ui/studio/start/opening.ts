// Runtime: renderer. Where a pack opened in the studio comes from, turned into a studio session: a
// new pack from the template, a copy of a library scenario, an installed pack, an .attache file.
// Each opened pack gets a recovery copy of its own (a new draft id).
import { readArchive, type PackFiles } from '../../../core/pack/archive';
import { documentFromFiles, readAt, type PackDocument } from '../../../core/studio/document';
import { copyScenarioAsPack, newPackTemplate, type PackAuthor } from '../../../core/studio/templates';
import type { AttacheDatabase } from '../../../db/database';
import { listInstalledPacks } from '../../../db/repositories/packs';
import { builtinPackFiles } from '../../../library/builtin';
import { newDraftId } from '../../../studio/recovery';
import type { StudioSession } from '../studio-context';

export function sessionOf(source: StudioSession['source'], document: PackDocument): StudioSession {
  return { draftId: newDraftId(), source, document };
}

export interface NewPackForm {
  packId: string;
  scenarioId: string;
  languages: string[];
  title: Record<string, string>;
  author: PackAuthor;
}

/** A new pack from the template. Throws the template's DocumentEditError for an id that is not one. */
export function newPackSession(form: NewPackForm, now: number): StudioSession {
  return sessionOf({ kind: 'new' }, newPackTemplate({ ...form, now }));
}

/** The files of a pack in the library: an installed archive, else the built-in pack. Null when it is neither. */
export async function libraryPackFiles(db: AttacheDatabase, packId: string): Promise<PackFiles | null> {
  const installed = (await listInstalledPacks(db)).find((record) => record.packId === packId);
  if (installed) return readArchive(installed.archive).files;
  const builtin = builtinPackFiles();
  return readAt(documentFromFiles(builtin), 'pack.yaml', ['id']) === packId ? builtin : null;
}

/** One scenario of a library pack as a pack of its own, under new ids (the template's rules for ids). */
export function copySession(files: PackFiles, scenarioId: string, ids: { newPackId: string; newScenarioId: string }): StudioSession {
  return sessionOf({ kind: 'new' }, copyScenarioAsPack(files, scenarioId, ids));
}

/** An installed pack, to edit and publish again (its archive in the database is left as it is). */
export async function installedSession(db: AttacheDatabase, packId: string): Promise<StudioSession | null> {
  const installed = (await listInstalledPacks(db)).find((record) => record.packId === packId);
  if (!installed) return null;
  const { files } = readArchive(installed.archive);
  return sessionOf({ kind: 'installed', packId: installed.packId, version: installed.version }, documentFromFiles(files));
}

/** An .attache file chosen by the author. Throws the archive reader's ArchiveError (with its hint) when it is not a sound pack archive. */
export function archiveSession(name: string, bytes: Uint8Array): StudioSession {
  const { files } = readArchive(bytes);
  return sessionOf({ kind: 'archive', name }, documentFromFiles(files));
}
