// Runtime: renderer. Where a pack open in the studio came from, and how it is saved back. A folder on
// disk (desktop app) is read and written through the platform, which the caller passes in; every
// other pack lives in its recovery copy (studio/recovery.ts) until it is exported or installed.
import type { AttacheApi, StudioFolderFile, StudioFolderRefusal } from '../../../electron/contract/api';
import type { PackDocument } from '../core/studio/document';
import { documentFromFiles, packFilesOf } from '../core/studio/document';
import type { StudioDraftSource } from '../db/database';

/** Where a pack came from: a template or copy, an installed pack, an `.attache` file, or a folder on disk. */
export type StudioSource = StudioDraftSource;

/** What the studio needs of the platform to open and save folders. */
export type StudioFolderPlatform = Pick<AttacheApi, 'openStudioFolder' | 'saveStudioFolder'>;

export interface OpenedSource {
  source: StudioSource;
  document: PackDocument;
}

/** Why opening or saving did not go through, in words for the author (the path at fault and what to do). */
export interface SourceProblem {
  /** In English, as the main process and the command-line tools say it. */
  problem: string;
  /** 'unsupported': this build has no folders (the web build). */
  code: 'refused' | 'unsupported';
  /** Why, for the interface to word in its language (ui/studio/folder-problem.ts). */
  refusal?: StudioFolderRefusal;
}

function filesOf(document: PackDocument): StudioFolderFile[] {
  return [...packFilesOf(document)].map(([path, bytes]) => ({ path, bytes }));
}

/**
 * Asks for a pack folder and reads it as a document. Null when the author cancels the dialog; a
 * problem when the folder cannot be read as a pack (too many or too large files, a link, a name no
 * pack may hold) or the build has no folders.
 */
export async function openFolderSource(platform: StudioFolderPlatform, request: { title?: string } = {}): Promise<OpenedSource | SourceProblem | null> {
  const opened = await platform.openStudioFolder(request);
  switch (opened.kind) {
    case 'cancelled':
      return null;
    case 'unsupported':
      return { problem: 'Folders can be opened in the desktop app only.', code: 'unsupported' };
    case 'refused':
      return { problem: opened.message, code: 'refused', ...(opened.refusal ? { refusal: opened.refusal } : {}) };
    case 'opened':
      return {
        source: { kind: 'folder', path: opened.folder },
        document: documentFromFiles(new Map(opened.files.map((file) => [file.path, file.bytes]))),
      };
  }
}

/** The files of `previous` that `document` no longer has: removed or renamed in the studio. */
export function removedFiles(previous: PackDocument, document: PackDocument): string[] {
  const now = new Set([...document.texts.keys(), ...document.media.keys()]);
  return [...previous.texts.keys(), ...previous.media.keys()].filter((path) => !now.has(path));
}

/**
 * Writes `document` back to the folder it was opened from: each changed file atomically (a
 * temporary file, then renamed over the old one), and the files of `previous` (the document as
 * last opened or saved) that it no longer has removed. Without `previous`, nothing is removed.
 */
export async function saveFolderSource(
  platform: StudioFolderPlatform,
  folder: string,
  document: PackDocument,
  previous?: PackDocument,
): Promise<'saved' | SourceProblem> {
  const saved = await platform.saveStudioFolder({ folder, files: filesOf(document), remove: previous ? removedFiles(previous, document) : [] });
  switch (saved.kind) {
    case 'saved':
      return 'saved';
    case 'unsupported':
      return { problem: 'Folders can be saved in the desktop app only.', code: 'unsupported' };
    case 'refused':
      return { problem: saved.message, code: 'refused', ...(saved.refusal ? { refusal: saved.refusal } : {}) };
  }
}
