// Runtime: Node (scripts). Reads a pack from disk — a folder or an `.attache` archive — into the
// file map the pure loader takes, refusing what a pack never holds (links, huge trees).
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readArchive } from '../../renderer/src/core/pack/archive';
import type { PackFiles } from '../../renderer/src/core/pack/archive';
import { PACK_LIMITS } from '../../renderer/src/core/pack/load';

export class PackInputError extends Error {}

/** Reads every file below `dir` (dot-files excepted) as pack-relative POSIX paths. */
export function readPackFolder(dir: string, maxFiles = PACK_LIMITS.maxFiles): PackFiles {
  const files: PackFiles = new Map();
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith('.')) continue;
      const full = path.join(current, name);
      const stat = lstatSync(full);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (stat.isSymbolicLink()) throw new PackInputError(`${relative} is a symbolic link: a pack holds plain files only`);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) {
        if (files.size >= maxFiles) throw new PackInputError(`the folder holds more than ${maxFiles} files: is it really a pack?`);
        files.set(relative, new Uint8Array(readFileSync(full)));
      }
    }
  };
  walk(dir);
  return files;
}

export interface PackSource {
  files: PackFiles;
  kind: 'folder' | 'archive';
  /** The content hash recorded in an archive. */
  recordedHash?: string;
}

/** Reads a folder or an archive; throws PackInputError (missing path) or ArchiveError (bad archive). */
export function readPackSource(target: string): PackSource {
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    throw new PackInputError(`${target}: no such file or folder`);
  }
  if (stat.isDirectory()) return { files: readPackFolder(target), kind: 'folder' };
  const { files, manifest } = readArchive(new Uint8Array(readFileSync(target)));
  return { files, kind: 'archive', recordedHash: manifest.contentHash };
}
