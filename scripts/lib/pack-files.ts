// Runtime: Node (scripts). Reads a pack from disk — a folder or an `.attache` archive — into the
// file map the pure loader takes. Every check runs before the bytes it guards are read: the whole
// tree is walked with lstat (links are never followed), names are decoded strictly as UTF-8 and held
// to the same path policy as archive entries, and sizes and counts are totted up from the file
// system before the first file is opened. A folder that breaks a rule is refused with its path and
// what to do, never read in part.
import { closeSync, constants, fstatSync, lstatSync, openSync, opendirSync, readlinkSync, readSync } from 'node:fs';
import type { Dirent, OpenDirOptions, Stats } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_LIMITS, ArchiveError, readArchive } from '../../renderer/src/core/pack/archive';
import type { PackFiles } from '../../renderer/src/core/pack/archive';
import { PACK_LIMITS } from '../../renderer/src/core/pack/load';
import { PATH_LIMITS, PackPathSet, decodeName, describeClash, pathProblem, quotePath } from '../../renderer/src/core/pack/paths';
import type { PathLimits } from '../../renderer/src/core/pack/paths';

/** A folder or file that cannot be read as a pack; the message names the path and the fix. */
export class PackInputError extends Error {
  /** The path at fault, as the user would type it. */
  readonly path: string;

  constructor(message: string, where: string) {
    super(message);
    this.name = 'PackInputError';
    this.path = where;
  }
}

export interface FolderLimits extends PathLimits {
  /** Files in the pack, dot-files left out. */
  readonly maxFiles: number;
  /** Entries (files and folders) looked at in all, so that a huge tree is refused before it is listed whole. */
  readonly maxEntries: number;
  /** Bytes of one file: what an archive can carry. */
  readonly maxFileBytes: number;
  /** Bytes of all the files together. */
  readonly maxTotalBytes: number;
}

export const FOLDER_LIMITS: FolderLimits = Object.freeze({
  ...PATH_LIMITS,
  maxFiles: PACK_LIMITS.maxFiles,
  maxEntries: 4 * PACK_LIMITS.maxFiles,
  maxFileBytes: ARCHIVE_LIMITS.maxEntryBytes,
  maxTotalBytes: ARCHIVE_LIMITS.maxTotalBytes,
});

const MiB = 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= 1024 * MiB ? `${(bytes / (1024 * MiB)).toFixed(1)} GiB` : `${(bytes / MiB).toFixed(1)} MiB`;
}

/** A name that is not UTF-8, shown with its stray bytes as \xNN so that the user can find it. */
function showRawName(bytes: Uint8Array): string {
  let shown = '';
  for (const byte of bytes) shown += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return shown;
}

/** What kind of thing a non-file non-folder is, for messages. */
function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'neither a file nor a folder';
}

function linkTarget(where: string): string {
  try {
    return ` (it points to ${quotePath(readlinkSync(where))})`;
  } catch {
    return '';
  }
}

export interface FoundFile {
  readonly relative: string;
  readonly full: string;
  readonly size: number;
}

/** Lists one folder's entries, at most `budget` of them: a folder of a million files is refused
 * after `budget`, not listed whole first. Names come as bytes so that a non-UTF-8 name is seen as
 * such rather than silently replaced. */
function listFolder(root: string, full: string, budget: number, limits: FolderLimits): Uint8Array[] {
  // Node reads names as bytes with encoding 'buffer', which its typings do not list for opendir.
  const folder = opendirSync(full, { encoding: 'buffer' } as unknown as OpenDirOptions);
  const names: Uint8Array[] = [];
  try {
    for (let entry: Dirent | null = folder.readSync(); entry !== null; entry = folder.readSync()) {
      names.push(entry.name as unknown as Uint8Array);
      if (names.length > budget) {
        throw new PackInputError(
          `${root} holds more than ${limits.maxEntries} files and folders in all (passed while listing ${full}): a pack holds at most ${limits.maxFiles} files. Is this really a pack folder? Move what the pack does not use elsewhere.`,
          full,
        );
      }
    }
  } finally {
    folder.closeSync();
  }
  return names.sort(Buffer.compare);
}

/**
 * Walks `dir` and checks it against the path policy and the limits without reading a file: the
 * pack-relative POSIX path, location and size of each file (dot-files and dot-folders left out).
 */
export function findPackFiles(dir: string, overrides: Partial<FolderLimits> = {}): FoundFile[] {
  const limits: FolderLimits = { ...FOLDER_LIMITS, ...overrides };
  const root = lstatOrExplain(dir);
  if (root.isSymbolicLink()) {
    throw new PackInputError(`${dir} is a symbolic link${linkTarget(dir)}: give the path of the pack folder itself.`, dir);
  }
  if (!root.isDirectory()) throw new PackInputError(`${dir} is not a folder.`, dir);

  const found: FoundFile[] = [];
  const paths = new PackPathSet();
  let entriesSeen = 0;
  let totalBytes = 0;
  // Folders still to list, as pack-relative paths ('' is the root). A stack, not recursion: the
  // depth limit already bounds it, and a stack is bounded by it too.
  const pending: string[] = [''];
  for (let relativeFolder = pending.pop(); relativeFolder !== undefined; relativeFolder = pending.pop()) {
    const folderFull = relativeFolder === '' ? dir : path.join(dir, ...relativeFolder.split('/'));
    const names = listFolder(dir, folderFull, limits.maxEntries - entriesSeen, limits);
    entriesSeen += names.length;
    const subfolders: string[] = [];
    for (const nameBytes of names) {
      const name = decodeName(nameBytes);
      if (name === null) {
        const shown = path.join(folderFull, showRawName(nameBytes));
        throw new PackInputError(
          `${shown}: the name is not valid UTF-8 text (it was probably made on a system using another character set). Rename it using only UTF-8 characters.`,
          shown,
        );
      }
      if (name.startsWith('.')) continue;
      const relative = relativeFolder === '' ? name : `${relativeFolder}/${name}`;
      const full = path.join(folderFull, name);
      const problem = pathProblem(relative, limits);
      if (problem) {
        throw new PackInputError(
          `${full}: its path in the pack, ${quotePath(relative)}, ${problem}. Rename or move it: a pack holds only names that every computer stores alike.`,
          full,
        );
      }
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        throw new PackInputError(
          `${full} is a symbolic link${linkTarget(full)}: a pack holds plain files only. Replace the link with a copy of what it points to.`,
          full,
        );
      }
      const clash = paths.add(relative, stat.isDirectory() ? 'folder' : 'file');
      if (clash) throw new PackInputError(`${describeClash(clash, dir)} Rename one of them.`, path.join(dir, clash.path));
      if (stat.isDirectory()) {
        subfolders.push(relative);
        continue;
      }
      if (!stat.isFile()) throw new PackInputError(`${full} is ${specialKind(stat)}: a pack holds plain files only. Remove it from the pack folder.`, full);
      if (found.length >= limits.maxFiles) {
        throw new PackInputError(
          `${dir} holds more than ${limits.maxFiles} files: a pack holds at most ${limits.maxFiles}. Is this really a pack folder? Remove the files the pack does not use.`,
          dir,
        );
      }
      if (stat.size > limits.maxFileBytes) {
        throw new PackInputError(
          `${full} is ${formatSize(stat.size)}: a file in a pack may be at most ${formatSize(limits.maxFileBytes)}. Make it smaller (compress the image or video) or remove it.`,
          full,
        );
      }
      totalBytes += stat.size;
      if (totalBytes > limits.maxTotalBytes) {
        throw new PackInputError(
          `${dir}: the files add up to more than ${formatSize(limits.maxTotalBytes)} (passed at ${relative}): a pack may be at most that. Make large media smaller or remove them.`,
          full,
        );
      }
      found.push({ relative, full, size: stat.size });
    }
    // Reversed so that folders come off the stack in name order.
    for (let i = subfolders.length - 1; i >= 0; i -= 1) pending.push(subfolders[i] ?? '');
  }
  return found;
}

function lstatOrExplain(target: string): Stats {
  try {
    return lstatSync(target);
  } catch {
    throw new PackInputError(`${target}: no such file or folder.`, target);
  }
}

/** Reads exactly the `expected` bytes the walk saw, without following a link or blocking on a pipe
 * put in the file's place since, and refuses a file that changed size meanwhile. */
function readChecked(full: string, expected: number): Uint8Array {
  // O_NOFOLLOW and O_NONBLOCK are missing on Windows, where 0 leaves the open as it was.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let fd: number;
  try {
    fd = openSync(full, flags);
  } catch {
    throw new PackInputError(`${full} could not be opened: it was removed or replaced by a link while the pack was read. Run the command again.`, full);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size !== expected) {
      throw new PackInputError(`${full} changed while the pack was read. Run the command again once nothing is writing to the pack folder.`, full);
    }
    const bytes = new Uint8Array(expected);
    let filled = 0;
    while (filled < expected) {
      const read = readSync(fd, bytes, filled, expected - filled, null);
      if (read === 0) break;
      filled += read;
    }
    if (filled !== expected || readSync(fd, new Uint8Array(1), 0, 1, null) !== 0) {
      throw new PackInputError(`${full} changed while the pack was read. Run the command again once nothing is writing to the pack folder.`, full);
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Reads the files {@link findPackFiles} found, each exactly as it was when found. */
export function readFoundFiles(found: readonly FoundFile[]): PackFiles {
  const files: PackFiles = new Map();
  for (const { relative, full, size } of found) files.set(relative, readChecked(full, size));
  return files;
}

/** Reads every file below `dir` (dot-files excepted) as pack-relative POSIX paths, after
 * {@link findPackFiles} has checked the whole folder. */
export function readPackFolder(dir: string, limits: Partial<FolderLimits> = {}): PackFiles {
  return readFoundFiles(findPackFiles(dir, limits));
}

export interface PackSource {
  files: PackFiles;
  kind: 'folder' | 'archive';
  /** The content hash recorded in an archive. */
  recordedHash?: string;
}

/** Reads a folder or an archive; throws PackInputError (what is on disk cannot be a pack) or
 * ArchiveError (a bad archive). Nothing is followed and nothing is read before it is checked. */
export function readPackSource(target: string): PackSource {
  const stat = lstatOrExplain(target);
  if (stat.isSymbolicLink()) {
    throw new PackInputError(`${target} is a symbolic link${linkTarget(target)}: give the path of the pack folder or archive itself.`, target);
  }
  if (stat.isDirectory()) return { files: readPackFolder(target), kind: 'folder' };
  if (!stat.isFile()) throw new PackInputError(`${target} is ${specialKind(stat)}, not a pack folder or an .attache archive.`, target);
  if (stat.size > ARCHIVE_LIMITS.maxArchiveBytes) {
    throw new ArchiveError('too-large', `The archive is ${formatSize(stat.size)}; an archive may be at most ${formatSize(ARCHIVE_LIMITS.maxArchiveBytes)}.`);
  }
  const { files, manifest } = readArchive(readChecked(target, stat.size));
  return { files, kind: 'archive', recordedHash: manifest.contentHash };
}
