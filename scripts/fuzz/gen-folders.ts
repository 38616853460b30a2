// Runtime: Node (scripts). Hostile pack folders for the CLI's folder reader: described as data
// here (so an input can be saved and replayed), laid out on disk by the worker just before the
// reader runs. Symlinks (root, file, loop, outside), names that are not UTF-8, sparse multi-GB
// media, named pipes, deep trees and more files than a pack may hold.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { PackFiles } from '../../renderer/src/core/pack/archive';
import type { PackKind } from './gen-packs';
import { generatePack } from './gen-packs';
import type { Rng } from './random';

export const FOLDER_KINDS = [
  'valid',
  'mutated-pack',
  'symlink-root',
  'symlinks',
  'non-utf8-name',
  'sparse-media',
  'named-pipe',
  'deep-tree',
  'too-many-files',
  'odd-names',
] as const;
export type FolderKind = (typeof FOLDER_KINDS)[number];

export type FolderEntry =
  | { type: 'file'; path: string; bytes: Uint8Array }
  /** A file of `size` bytes that takes no disk space. */
  | { type: 'sparse'; path: string; size: number }
  | { type: 'symlink'; path: string; target: string }
  | { type: 'fifo'; path: string }
  | { type: 'dir'; path: string }
  /** A file whose last name is raw bytes (not UTF-8), inside the folder `dir`. */
  | { type: 'raw-name'; dir: string; name: number[]; bytes: Uint8Array };

export interface FolderSpec {
  entries: FolderEntry[];
  /** Hand the reader a symlink to the folder instead of the folder. */
  rootIsLink: boolean;
}

const GIB = 1024 * 1024 * 1024;
const SMALL_PACK_MUTATIONS: readonly PackKind[] = ['valid', 'wrong-types', 'unicode', 'byte-flips', 'structure', 'dangling-references', 'huge-strings'];

export function generateFolder(rng: Rng, kind: FolderKind, base: PackFiles): FolderSpec {
  const files = kind === 'mutated-pack' ? generatePack(rng, rng.pick(SMALL_PACK_MUTATIONS), base) : base;
  // The reader refuses paths the pack loader would refuse too; odd ones stay for 'odd-names'.
  const entries: FolderEntry[] = [...files]
    .filter(([file]) => !file.split('/').some((part) => part === '' || part === '.' || part === '..') && !file.startsWith('/') && !file.includes('\0'))
    .map(([file, bytes]) => ({ type: 'file', path: file, bytes }));
  const spec: FolderSpec = { entries, rootIsLink: false };
  switch (kind) {
    case 'valid':
    case 'mutated-pack':
      break;
    case 'symlink-root':
      spec.rootIsLink = true;
      break;
    case 'symlinks':
      for (let n = rng.between(1, 3); n > 0; n -= 1) {
        const shape = rng.pick(['file', 'dir', 'loop', 'outside', 'dangling']);
        if (shape === 'file') entries.push({ type: 'symlink', path: 'scenarios/link.yaml', target: 'flights-suspended.yaml' });
        else if (shape === 'dir') entries.push({ type: 'symlink', path: 'media', target: 'scenarios' });
        else if (shape === 'loop') entries.push({ type: 'symlink', path: 'loop', target: '.' });
        else if (shape === 'outside') entries.push({ type: 'symlink', path: 'scenarios/passwd.yaml', target: '/etc/passwd' });
        else entries.push({ type: 'symlink', path: 'scenarios/gone.yaml', target: 'nowhere.yaml' });
      }
      break;
    case 'non-utf8-name':
      entries.push({
        type: 'raw-name',
        dir: rng.pick(['', 'scenarios', 'media']),
        name: rng.pick([
          [0xff, 0x2e, 0x79, 0x61, 0x6d, 0x6c],
          [0x66, 0xc0, 0xaf, 0x2e, 0x70, 0x6e, 0x67],
          [0xed, 0xa0, 0x80],
        ]),
        bytes: new TextEncoder().encode('id: x\n'),
      });
      break;
    case 'sparse-media':
      entries.push({
        type: 'sparse',
        path: rng.pick(['media/huge.mp4', 'scenarios/huge.yaml', 'notes.txt']),
        size: rng.pick([3 * GIB, 17 * 1024 * 1024, 300 * 1024 * 1024]),
      });
      break;
    case 'named-pipe':
      entries.push({ type: 'fifo', path: rng.pick(['scenarios/pipe.yaml', 'media/pipe.png', 'pipe']) });
      break;
    case 'deep-tree': {
      const depth = rng.pick([50, 200, 400]);
      entries.push({ type: 'file', path: `${Array.from({ length: depth }, (_, i) => `d${i % 10}`).join('/')}/x.yaml`, bytes: new Uint8Array() });
      break;
    }
    case 'too-many-files':
      for (let i = 0, n = rng.pick([1_990, 2_001, 6_000]); i < n; i += 1) entries.push({ type: 'file', path: `notes/${i}.txt`, bytes: new Uint8Array() });
      break;
    case 'odd-names':
      for (const name of [
        'scenarios/ spaced .yaml',
        'scenarios/\u202egpj.yaml',
        'media/a\nb.png',
        'scenarios/é.yaml',
        'scenarios/e\u0301.yaml',
        'PACK.YAML',
        'scenarios/x.YAML',
        'media/x.png/',
        'scenarios/a\\b.yaml',
      ]) {
        if (rng.chance(0.4))
          entries.push(
            name.endsWith('/') ? { type: 'dir', path: name.slice(0, -1) } : { type: 'file', path: name, bytes: new TextEncoder().encode('id: x\n') },
          );
      }
      break;
  }
  return spec;
}

/** Lays the folder out under a fresh temporary directory; returns the path to hand the reader and a cleanup. */
export function materialiseFolder(spec: FolderSpec): { target: string; holder: string; fifos: string[]; cleanup: () => void } {
  const holder = mkdtempSync(path.join(os.tmpdir(), 'attache-fuzz-'));
  const root = path.join(holder, 'pack');
  mkdirSync(root);
  const fifos: string[] = [];
  for (const entry of spec.entries) {
    if (entry.type === 'raw-name') {
      const dir = path.join(root, entry.dir);
      mkdirSync(dir, { recursive: true });
      writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(entry.name)]), entry.bytes);
      continue;
    }
    const full = path.join(root, entry.path);
    mkdirSync(path.dirname(full), { recursive: true });
    if (entry.type === 'file') writeFileSync(full, entry.bytes);
    else if (entry.type === 'dir') mkdirSync(full, { recursive: true });
    else if (entry.type === 'sparse') {
      writeFileSync(full, '');
      truncateSync(full, entry.size);
    } else if (entry.type === 'symlink') {
      rmSync(full, { recursive: true, force: true });
      symlinkSync(entry.target, full);
    } else {
      const made = spawnSync('mkfifo', [full]);
      if (made.status !== 0) throw new Error(`mkfifo ${full} failed: ${made.stderr.toString()}`);
      fifos.push(full);
    }
  }
  let target = root;
  if (spec.rootIsLink) {
    target = path.join(holder, 'link-to-pack');
    symlinkSync(root, target);
  }
  return { target, holder, fifos, cleanup: () => rmSync(holder, { recursive: true, force: true }) };
}
