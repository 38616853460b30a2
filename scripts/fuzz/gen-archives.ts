// Runtime: Node (scripts). Hostile `.attache` archives: valid ones made by the project's own
// builder, then byte-flipped, truncated, given lying sizes; and ZIPs written by hand (a small
// writer below) with bad names, zip bombs, forged manifests and overlapping entries.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { deflateSync } from 'fflate';
import type { PackFiles } from '../../renderer/src/core/pack/archive';
import { buildArchive, contentHash, crc32 } from '../../renderer/src/core/pack/archive';
import type { PackKind } from './gen-packs';
import { generatePack } from './gen-packs';
import type { Rng } from './random';
import { oddString } from './random';

export const ARCHIVE_KINDS = [
  'valid',
  'mutated-pack',
  'byte-flips',
  'truncated',
  'lying-sizes',
  'zip-bomb',
  'bad-names',
  'forged-manifest',
  'overlapping',
  'garbage',
  'many-entries',
] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

const encoder = new TextEncoder();
const MIB = 1024 * 1024;

export interface CraftedEntry {
  name: Uint8Array;
  /** What the entry holds once expanded (its CRC is computed on it unless `crc` is given). */
  data: Uint8Array;
  method?: 0 | 8 | number;
  /** The bytes written as the entry's stored data; default: `data` deflated or as is, per `method`. */
  stored?: Uint8Array;
  declaredSize?: number;
  declaredCompressedSize?: number;
  crc?: number;
  flags?: number;
  /** Unix mode in the high half of the external attributes (a symlink is 0o120777). */
  unixMode?: number;
}

/** A ZIP exactly as described: every header field can lie. */
export function craftZip(entries: readonly CraftedEntry[], options: { centralCopies?: number; entryCount?: number; comment?: Uint8Array } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => (chunks.push(bytes), (offset += bytes.length));
  const header = (size: number) => {
    const bytes = new Uint8Array(size);
    return { bytes, view: new DataView(bytes.buffer) };
  };
  const central: Uint8Array[] = [];
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const stored = entry.stored ?? (method === 8 ? deflateSync(entry.data) : entry.data);
    const crc = entry.crc ?? crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const compressed = entry.declaredCompressedSize ?? stored.length;
    const flags = entry.flags ?? 0x800;
    const localOffset = offset;
    const local = header(30);
    local.view.setUint32(0, 0x04034b50, true);
    local.view.setUint16(4, 20, true);
    local.view.setUint16(6, flags, true);
    local.view.setUint16(8, method, true);
    local.view.setUint32(10, 0x00210000, true);
    local.view.setUint32(14, crc, true);
    local.view.setUint32(18, compressed >>> 0, true);
    local.view.setUint32(22, size >>> 0, true);
    local.view.setUint16(26, entry.name.length, true);
    push(local.bytes);
    push(entry.name);
    push(stored);
    const record = header(46);
    record.view.setUint32(0, 0x02014b50, true);
    record.view.setUint16(4, entry.unixMode ? 0x031e : 20, true);
    record.view.setUint16(6, 20, true);
    record.view.setUint16(8, flags, true);
    record.view.setUint16(10, method, true);
    record.view.setUint32(12, 0x00210000, true);
    record.view.setUint32(16, crc, true);
    record.view.setUint32(20, compressed >>> 0, true);
    record.view.setUint32(24, size >>> 0, true);
    record.view.setUint16(28, entry.name.length, true);
    record.view.setUint32(38, ((entry.unixMode ?? 0) << 16) >>> 0, true);
    record.view.setUint32(42, localOffset, true);
    central.push(record.bytes, entry.name);
  }
  const centralStart = offset;
  for (let copy = 0; copy < (options.centralCopies ?? 1); copy += 1) for (const bytes of central) push(bytes);
  const comment = options.comment ?? new Uint8Array();
  const end = header(22);
  const count = options.entryCount ?? entries.length * (options.centralCopies ?? 1);
  end.view.setUint32(0, 0x06054b50, true);
  end.view.setUint16(8, Math.min(count, 0xffff), true);
  end.view.setUint16(10, Math.min(count, 0xffff), true);
  end.view.setUint32(12, offset - centralStart, true);
  end.view.setUint32(16, centralStart, true);
  end.view.setUint16(20, comment.length, true);
  push(end.bytes);
  push(comment);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function manifestFor(files: PackFiles): Record<string, unknown> {
  const paths = [...files.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return {
    format: 1,
    packId: 'core-library',
    packVersion: '1.0.0',
    contentHash: contentHash(files),
    files: paths.map((path) => ({ path, size: files.get(path)!.length, sha256: bytesToHex(sha256(files.get(path)!)) })),
  };
}

/** Entries for a pack with its manifest, ready to be tampered with. */
function packEntries(files: PackFiles, manifest: unknown = manifestFor(files)): CraftedEntry[] {
  return [
    { name: encoder.encode('attache-archive.json'), data: encoder.encode(JSON.stringify(manifest)) },
    ...[...files].map(([path, data]) => ({ name: encoder.encode(path), data })),
  ];
}

let zeroBomb: Uint8Array | null = null;
/** 64 MiB of zeros deflated (about 64 KB), made once. */
/** A copy of `bytes` with 1–64 bytes changed, half of them among the last 4,000 (where the central directory is). */
export function flipBytes(rng: Rng, source: Uint8Array): Uint8Array {
  const bytes = source.slice();
  for (let n = rng.between(1, 64); n > 0; n -= 1)
    bytes[rng.chance(0.5) ? rng.int(bytes.length) : bytes.length - 1 - rng.int(Math.min(bytes.length, 4_000))] = rng.int(256);
  return bytes;
}

/** `bytes` cut short at either end. */
export function truncateBytes(rng: Rng, bytes: Uint8Array): Uint8Array {
  return rng.chance(0.5) ? bytes.slice(0, rng.int(bytes.length)) : bytes.slice(rng.int(bytes.length));
}

/** Some entries declare sizes (and CRCs) they do not have; `overLimit` is one byte past the reader's bound. */
export function lieAboutSizes(rng: Rng, entries: CraftedEntry[], overLimit: number): CraftedEntry[] {
  for (const entry of entries) {
    if (!rng.chance(0.3)) continue;
    const lie = rng.pick([0, 1, 0xffffffff, 0x7fffffff, entry.data.length - 1, entry.data.length + 1, overLimit]);
    if (rng.chance(0.5)) entry.declaredSize = lie;
    else entry.declaredCompressedSize = lie;
    if (rng.chance(0.3)) entry.crc = rng.int(0xffffffff);
  }
  return entries;
}

/** Up to `most` entries with unsafe names (from `names`, deep paths or odd strings), some as links or without the UTF-8 flag. */
export function addBadNames(
  rng: Rng,
  entries: CraftedEntry[],
  options: { names: readonly (string | number[])[]; most: number; suffix: string; data: Uint8Array },
): CraftedEntry[] {
  for (let n = rng.between(1, options.most); n > 0; n -= 1) {
    const name = rng.chance(0.8)
      ? rng.pick(options.names)
      : rng.chance(0.5)
        ? `${'a/'.repeat(rng.between(5, 5_000))}${options.suffix}`
        : oddString(rng, rng.pick([5, 300, 60_000]));
    entries.push({
      name: typeof name === 'string' ? encoder.encode(name).slice(0, 0xffff) : new Uint8Array(name),
      data: options.data,
      ...(rng.chance(0.2) ? { unixMode: 0o120777 } : {}),
      ...(rng.chance(0.2) ? { flags: 0 } : {}),
    });
  }
  return rng.shuffle(entries);
}

export function zeros64MiB(): Uint8Array {
  zeroBomb ??= deflateSync(new Uint8Array(64 * MIB), { level: 9 });
  return zeroBomb;
}

const SMALL_PACK_MUTATIONS: readonly PackKind[] = ['valid', 'wrong-types', 'unicode', 'byte-flips', 'structure', 'bad-paths', 'dangling-references'];
const BAD_NAMES: ReadonlyArray<string | number[]> = [
  '../evil.yaml',
  '/abs.yaml',
  'C:\\evil.yaml',
  'scenarios\\x.yaml',
  'a/../../b',
  'scenarios/',
  '',
  '.',
  '..',
  'x\u0000.yaml',
  '\u202egpj.exe',
  'pack.yaml',
  'PACK.yaml',
  'attache-archive.json',
  'con',
  'media/aux.png',
  [0xff, 0xfe, 0x2e, 0x79],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
];

const builtArchives = new WeakMap<PackFiles, Uint8Array>();

export function generateArchive(rng: Rng, kind: ArchiveKind, base: PackFiles): Uint8Array {
  // The builder is deterministic: one build per corpus, copied for each input to mutate.
  const valid = () => {
    let built = builtArchives.get(base);
    if (!built) {
      built = buildArchive(base, { packId: 'core-library', packVersion: '1.0.0' });
      builtArchives.set(base, built);
    }
    return built.slice();
  };
  switch (kind) {
    case 'valid':
      return valid();
    case 'mutated-pack': {
      const files = generatePack(rng, rng.pick(SMALL_PACK_MUTATIONS), base);
      // The builder refuses some of these; then the same files go in a hand-made ZIP.
      try {
        return buildArchive(files, { packId: 'core-library', packVersion: '1.0.0' });
      } catch {
        return craftZip(packEntries(files));
      }
    }
    case 'byte-flips':
      // Headers sit at the start of each entry and in the central directory at the end: aim there as often as anywhere.
      return flipBytes(rng, valid());
    case 'truncated':
      return truncateBytes(rng, valid());
    case 'lying-sizes':
      return craftZip(lieAboutSizes(rng, packEntries(base), 32 * MIB + 1));
    case 'zip-bomb': {
      const bomb = zeros64MiB();
      const entries = packEntries(base);
      const copies = rng.pick([1, 4, 100]);
      for (let i = 0; i < copies; i += 1) {
        entries.push({
          name: encoder.encode(`media/bomb-${i}.png`),
          data: new Uint8Array(),
          stored: bomb,
          method: 8,
          declaredSize: rng.pick([64 * MIB, 1_000, 0]),
          crc: 0x758d6336,
        });
      }
      return craftZip(entries);
    }
    case 'bad-names':
      return craftZip(addBadNames(rng, packEntries(base), { names: BAD_NAMES, most: 6, suffix: 'x.yaml', data: encoder.encode('id: x\n') }));
    case 'forged-manifest': {
      const manifest = manifestFor(base) as { files: Array<Record<string, unknown>> } & Record<string, unknown>;
      const forge = rng.pick(['types', 'missing-file', 'extra-file', 'huge', 'not-json', 'proto', 'nan']);
      let text: string;
      if (forge === 'types') {
        const key = rng.pick(['format', 'packId', 'packVersion', 'contentHash', 'files']);
        manifest[key] = rng.pick([null, 1, 'x', [], {}, -1, 2, true]);
        if (manifest.files?.[0] && rng.chance(0.5)) manifest.files[0][rng.pick(['path', 'size', 'sha256'])] = rng.pick([null, -1, 1.5, '1', [], 1e308]);
        text = JSON.stringify(manifest);
      } else if (forge === 'missing-file') {
        manifest.files.splice(rng.int(manifest.files.length), 1);
        text = JSON.stringify(manifest);
      } else if (forge === 'extra-file') {
        manifest.files.push({ path: rng.pick(['scenarios/ghost.yaml', '../x', 'pack.yaml']), size: rng.pick([0, 10, 1e12]), sha256: '0'.repeat(64) });
        text = JSON.stringify(manifest);
      } else if (forge === 'huge') {
        manifest.files = Array.from({ length: rng.pick([10_000, 200_000]) }, (_, i) => ({ path: `scenarios/s${i}.yaml`, size: 1, sha256: '0'.repeat(64) }));
        text = JSON.stringify(manifest);
      } else if (forge === 'not-json') text = rng.pick(['', '{', 'null', '[]', '"x"', '\ufeff{}', `${'['.repeat(100_000)}`, '{"format":1,'.repeat(1_000)]);
      else if (forge === 'proto') text = `{"__proto__":{"format":1},"constructor":{"prototype":{"x":1}},${JSON.stringify(manifest).slice(1)}`;
      else text = JSON.stringify(manifest).replace(/"size":\d+/, '"size":NaN');
      const entries = packEntries(base, null);
      entries[0] = { name: encoder.encode('attache-archive.json'), data: encoder.encode(text) };
      return craftZip(entries);
    }
    case 'overlapping': {
      // Many central directory records naming one local entry: the same bytes expanded again and again.
      const entries = packEntries(base);
      return craftZip(entries, { centralCopies: rng.pick([2, 50, 1_000]) });
    }
    case 'garbage': {
      const shape = rng.pick(['random', 'empty', 'eocd-only', 'eocd-lies', 'pk-prefix', 'comment']);
      if (shape === 'random') return rng.bytes(rng.pick([0, 1, 21, 22, 100, 70_000]));
      if (shape === 'empty') return new Uint8Array();
      if (shape === 'eocd-only') return craftZip([]);
      if (shape === 'eocd-lies') {
        const bytes = craftZip([]);
        const view = new DataView(bytes.buffer);
        view.setUint16(8, 0xffff, true);
        view.setUint16(10, 0xffff, true);
        view.setUint32(12, rng.pick([0xffffffff, 1_000]), true);
        view.setUint32(16, rng.pick([0xffffffff, 0, 3]), true);
        return bytes;
      }
      if (shape === 'pk-prefix') return new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rng.bytes(rng.int(200))]);
      return craftZip(packEntries(base), { comment: rng.bytes(0xffff) });
    }
    case 'many-entries': {
      const count = rng.pick([2_001, 20_000, 70_000]);
      const entries: CraftedEntry[] = Array.from({ length: count }, (_, i) => ({ name: encoder.encode(`media/${i}.png`), data: new Uint8Array(), method: 0 }));
      return craftZip(entries, rng.chance(0.3) ? { entryCount: 3 } : {});
    }
  }
}
