// Runtime: main process. Pack folders for the studio in the desktop app: the author picks a folder,
// the main process reads it with the same walk and limits as the command-line tools
// (scripts/lib/pack-files.ts: no links followed, names and sizes checked before a byte is read), and
// later writes the edited pack back into that folder only (the folders chosen are remembered, so a
// pack recovered after the app closed still saves back). Each file is written to a temporary file
// beside it and then renamed over the old one, so a crash or a full disk never leaves half a file;
// a file whose bytes are already on disk is not touched. Paths come from the page, so every one is
// checked again here: inside the folder, through no link, onto nothing but a plain file.
import { lstat, mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { IpcMainInvokeEvent, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { pathProblem } from '../../renderer/src/core/pack/paths';
import { PackInputError, findPackFiles, readFoundFiles } from '../../scripts/lib/pack-files';
import type { StudioFolderOpenRequest, StudioFolderOpened, StudioFolderRefusal, StudioFolderSaveRequest, StudioFolderSaved } from '../contract/api';
import { writeFileAtomically } from './atomic-file';
import type { KeyFileAccess } from './device-key';

export interface StudioFolderDependencies {
  /** Electron's folder dialog, for the window whose page asked. */
  showOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  /**
   * Where the folders the author chose are remembered (a file in the user-data folder), so that a
   * pack recovered after the app closed can still be saved back to its folder. Without it, only the
   * folders chosen since the app started can be written.
   */
  remembered?: { file: string; files: KeyFileAccess };
}

/** Folders remembered, the most recently chosen last; the oldest are forgotten first. */
export const MAX_REMEMBERED_FOLDERS = 100;
const REMEMBERED_FORMAT = 1;

/** The remembered folders from the file's bytes; a damaged or foreign file remembers none. */
function rememberedFolders(bytes: Uint8Array | null): string[] {
  if (!bytes) return [];
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!parsed || typeof parsed !== 'object') return [];
    const { format, folders } = parsed as { format?: unknown; folders?: unknown };
    if (format !== REMEMBERED_FORMAT || !Array.isArray(folders)) return [];
    return folders.filter((folder): folder is string => typeof folder === 'string' && folder.length > 0).slice(-MAX_REMEMBERED_FOLDERS);
  } catch {
    return [];
  }
}

export interface StudioFolders {
  open(event: IpcMainInvokeEvent, request: StudioFolderOpenRequest): Promise<StudioFolderOpened>;
  save(request: StudioFolderSaveRequest): Promise<StudioFolderSaved>;
}

/** Why a save is refused before anything is written; the message names the path and what to do. */
class SaveRefused extends Error {
  constructor(
    message: string,
    readonly refusal: StudioFolderRefusal,
  ) {
    super(message);
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

async function lstatOrNull(target: string) {
  try {
    return await lstat(target);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The file's place on disk, after checking that the path stays in the folder and passes through no link. */
async function placeOf(root: string, relative: string, creating: boolean): Promise<string> {
  const problem = pathProblem(relative);
  if (problem) throw new SaveRefused(`The file ${JSON.stringify(relative)} cannot be saved: its name ${problem}.`, { key: 'bad-name', path: relative });
  const target = path.join(root, ...relative.split('/'));
  const inside = path.relative(root, target);
  if (inside.startsWith('..') || path.isAbsolute(inside))
    throw new SaveRefused(`${target} is outside the pack folder ${root}.`, { key: 'outside', path: target });
  let folder = root;
  for (const segment of relative.split('/').slice(0, -1)) {
    folder = path.join(folder, segment);
    const stat = await lstatOrNull(folder);
    if (stat === null) {
      if (creating) continue;
      break;
    }
    if (stat.isSymbolicLink())
      throw new SaveRefused(`${folder} is a symbolic link: the studio writes only into plain folders of the pack. Replace the link with a folder.`, {
        key: 'folder-is-link',
        path: folder,
      });
    if (!stat.isDirectory())
      throw new SaveRefused(`${folder} is a file, but the pack needs a folder there. Rename or move it.`, { key: 'folder-is-file', path: folder });
  }
  const stat = await lstatOrNull(target);
  if (stat !== null && (stat.isSymbolicLink() || !stat.isFile())) {
    throw new SaveRefused(
      `${target} is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a plain file'}: the studio replaces only plain files. Move it out of the pack folder.`,
      { key: stat.isSymbolicLink() ? 'file-is-link' : 'not-plain-file', path: target },
    );
  }
  return target;
}

async function sameBytes(target: string, bytes: Uint8Array): Promise<boolean> {
  const stat = await lstatOrNull(target);
  if (stat === null || stat.size !== bytes.byteLength) return false;
  const current = await readFile(target);
  return Buffer.compare(current, bytes) === 0;
}

export function createStudioFolders(deps: StudioFolderDependencies): StudioFolders {
  // Only folders the author picked in the dialog are written: the page cannot name another.
  const opened = new Set<string>();
  const { remembered } = deps;
  const loaded = remembered
    ? remembered.files.read(remembered.file).then(
        (bytes) => {
          for (const folder of rememberedFolders(bytes)) opened.add(folder);
        },
        // Unreadable: folders chosen from now on are remembered afresh.
        () => undefined,
      )
    : Promise.resolve();
  const remember = async (folder: string): Promise<void> => {
    await loaded;
    opened.delete(folder);
    opened.add(folder);
    while (opened.size > MAX_REMEMBERED_FOLDERS) opened.delete(opened.values().next().value as string);
    if (!remembered) return;
    const bytes = new TextEncoder().encode(JSON.stringify({ format: REMEMBERED_FORMAT, folders: [...opened] }));
    // Remembering is a convenience: a folder that cannot be noted is still open for this run.
    await remembered.files.writePrivate(remembered.file, bytes).catch(() => undefined);
  };
  // One save at a time: two saves of the same pack in a row must land in order.
  let saving: Promise<unknown> = Promise.resolve();

  const save = async (request: StudioFolderSaveRequest): Promise<StudioFolderSaved> => {
    const root = request.folder;
    await loaded;
    if (!opened.has(root)) {
      return {
        kind: 'refused',
        message: `${root} was not opened in the studio: open the folder with "Open a folder…", then save.`,
        refusal: { key: 'not-opened', path: root },
      };
    }
    try {
      const rootStat = await lstatOrNull(root);
      if (rootStat === null)
        throw new SaveRefused(`${root} is no longer there: it was moved or deleted. Open the pack's folder again.`, { key: 'gone', path: root });
      if (rootStat.isSymbolicLink() || !rootStat.isDirectory())
        throw new SaveRefused(`${root} is no longer a plain folder. Open the pack's folder again.`, { key: 'not-a-folder', path: root });
      // Every path is checked before the first byte is written.
      const writes: Array<{ target: string; bytes: Uint8Array }> = [];
      for (const file of request.files) writes.push({ target: await placeOf(root, file.path, true), bytes: file.bytes });
      const removals: string[] = [];
      for (const relative of request.remove) removals.push(await placeOf(root, relative, false));

      let written = 0;
      for (const { target, bytes } of writes) {
        if (await sameBytes(target, bytes)) continue;
        await mkdir(path.dirname(target), { recursive: true });
        await writeFileAtomically(target, bytes, 0o644);
        written += 1;
      }
      let removed = 0;
      for (const target of removals) {
        if ((await lstatOrNull(target)) === null) continue;
        await unlink(target);
        removed += 1;
      }
      return { kind: 'saved', written, removed };
    } catch (error) {
      if (error instanceof SaveRefused) return { kind: 'refused', message: error.message, refusal: error.refusal };
      const detail = error instanceof Error ? error.message : String(error);
      return {
        kind: 'refused',
        message: `The pack could not be saved to ${root}: ${detail}. Files already written are complete; save again once the problem is fixed.`,
        refusal: { key: 'write-failed', path: root, detail },
      };
    }
  };

  return {
    async open(event, request) {
      const result = await deps.showOpenDialog(event, {
        ...(request.title ? { title: request.title } : {}),
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return { kind: 'cancelled' };
      try {
        const files = readFoundFiles(findPackFiles(folder));
        await remember(folder);
        return { kind: 'opened', folder, files: [...files].map(([filePath, bytes]) => ({ path: filePath, bytes })) };
      } catch (error) {
        if (error instanceof PackInputError)
          return { kind: 'refused', folder, message: error.message, refusal: { key: 'unreadable', path: folder, detail: error.message } };
        throw error;
      }
    },
    save(request) {
      const next = saving.then(() => save(request));
      saving = next.catch(() => undefined);
      return next;
    },
  };
}
