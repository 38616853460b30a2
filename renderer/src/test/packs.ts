// Runtime: Node (tests only). Reads pack folders from disk for the pack tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PackFiles } from '../core/pack/archive';

export const MINIMAL_PACK_DIR = path.resolve(import.meta.dirname, '..', 'core', 'pack', '__fixtures__', 'minimal');
export const CORE_LIBRARY_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'scenarios', 'core-library');
export const BLIND_CORPUS_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'scenarios', 'blind-corpus');

export function readFolder(dir: string): PackFiles {
  const files: PackFiles = new Map();
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return files;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A copy of `files` with one file's text changed by `edit` (which must change it). */
export function withEdit(files: PackFiles, file: string, edit: (text: string) => string): PackFiles {
  const before = files.get(file);
  if (!before) throw new Error(`no ${file} in the pack`);
  const text = decoder.decode(before);
  const after = edit(text);
  if (after === text) throw new Error(`the edit did not change ${file}`);
  return new Map(files).set(file, encoder.encode(after));
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(files: PackFiles, file: string, needle: string, occurrence = 1): number {
  const lines = decoder.decode(files.get(file)).split('\n');
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (line.includes(needle) && ++seen === occurrence) return index + 1;
  }
  throw new Error(`"${needle}" not found in ${file}`);
}
