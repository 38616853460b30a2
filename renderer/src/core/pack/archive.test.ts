// Runtime: Node (Vitest). Scenario-pack archives: deterministic writing and distrustful reading.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { Inflate, inflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ZipOptions, Zippable } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARCHIVE_LIMITS, ARCHIVE_MANIFEST_PATH, ArchiveError, buildArchive, contentHash, readArchive } from './archive';
import type { ArchiveErrorCode, ArchiveManifest, PackFiles } from './archive';

const MiB = 1024 * 1024;
const META = { packId: 'eu-press-basics', packVersion: '1.2.0' };

/** Incompressible but reproducible bytes, like a photo in media/. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function samplePack(): PackFiles {
  return new Map([
    ['pack.yaml', strToU8('id: eu-press-basics\nversion: 1.2.0\ntitle: Press basics\n')],
    ['personas.yaml', strToU8('- id: ambassador\n  name: Ambassador Laine\n'.repeat(20))],
    ['courses.yaml', strToU8('- id: week-1\n  scenarios: [embassy-fire, cafe-opening]\n')],
    ['scenarios/embassy-fire.yaml', strToU8('id: embassy-fire\nposts:\n  - text: "Smoke seen near the embassy"\n'.repeat(40))],
    ['scenarios/café-opening.yaml', strToU8('id: cafe-opening\n')],
    ['media/flag.png', noise(5000, 7)],
    ['media/empty.txt', new Uint8Array(0)],
  ]);
}

function thrown(action: () => unknown): ArchiveError {
  try {
    action();
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error('expected an ArchiveError, but nothing was thrown');
}

function expectRefusal(action: () => unknown, code: ArchiveErrorCode, entry?: string): ArchiveError {
  const error = thrown(action);
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  if (entry !== undefined) {
    expect(error.entry).toBe(entry);
    // Messages show control characters escaped and long names shortened.
    expect(error.message).toContain(entry.slice(0, 60).replace(/[\p{Cc}\u202e].*$/su, ''));
  }
  expect(error.hint.length).toBeGreaterThan(0);
  return error;
}

/** The entries of a genuine archive, description file included, ready to be tampered with. */
function genuineEntries(files: PackFiles = samplePack()): Record<string, Uint8Array> {
  return unzipSync(buildArchive(files, META));
}

function manifestOf(entries: Record<string, Uint8Array>): ArchiveManifest {
  const bytes = entries[ARCHIVE_MANIFEST_PATH];
  if (!bytes) throw new Error('no description file');
  return JSON.parse(strFromU8(bytes)) as ArchiveManifest;
}

function withManifest(entries: Record<string, Uint8Array>, manifest: unknown): Record<string, Uint8Array> {
  return { ...entries, [ARCHIVE_MANIFEST_PATH]: strToU8(JSON.stringify(manifest)) };
}

/** What a general ZIP tool writes: another compression level, another timestamp. */
function zipByOtherTool(entries: Zippable, options: ZipOptions = {}): Uint8Array {
  return zipSync(entries, { level: 1, mtime: new Date(2030, 5, 15, 12, 30), ...options });
}

interface HeaderOffsets {
  readonly local: number;
  readonly central: number;
}

/** Where each entry's two headers are, read from a ZIP without an archive comment. */
function headerOffsets(zip: Uint8Array): Map<string, HeaderOffsets> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const offsets = new Map<string, HeaderOffsets>();
  for (let i = 0; i < count; i += 1) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    offsets.set(name, { local: view.getUint32(at + 42, true), central: at });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return offsets;
}

/** Header fields as offsets into the local and the central header (APPNOTE 4.3.7 and 4.3.12). */
const FIELDS = {
  versionMadeBy: { central: 4, width: 2 },
  flags: { local: 6, central: 8, width: 2 },
  method: { local: 8, central: 10, width: 2 },
  crc: { local: 14, central: 16, width: 4 },
  compressedSize: { local: 18, central: 20, width: 4 },
  size: { local: 22, central: 24, width: 4 },
  externalAttributes: { central: 38, width: 4 },
  localOffset: { central: 42, width: 4 },
} as const;

type Field = keyof typeof FIELDS;

function patch(zip: Uint8Array, name: string, changes: Partial<Record<Field, number>>, headers: 'both' | 'local' | 'central' = 'both'): Uint8Array {
  const patched = zip.slice();
  const view = new DataView(patched.buffer);
  const offsets = headerOffsets(zip).get(name);
  if (!offsets) throw new Error(`no entry ${name}`);
  for (const [field, value] of Object.entries(changes) as [Field, number][]) {
    const layout: { local?: number; central?: number; width: 2 | 4 } = FIELDS[field];
    for (const header of ['local', 'central'] as const) {
      const fieldOffset = layout[header];
      if (fieldOffset === undefined || (headers !== 'both' && headers !== header)) continue;
      const at = offsets[header] + fieldOffset;
      if (layout.width === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value, true);
    }
  }
  return patched;
}

/** Replaces an entry's name in both headers with bytes of the same length. */
function rename(zip: Uint8Array, name: string, newName: Uint8Array): Uint8Array {
  const patched = zip.slice();
  const offsets = headerOffsets(zip).get(name);
  if (!offsets) throw new Error(`no entry ${name}`);
  patched.set(newName, offsets.local + 30);
  patched.set(newName, offsets.central + 46);
  return patched;
}

/**
 * A raw DEFLATE stream of 1 + 258 × copies zero bytes: one literal zero, then "repeat the last 258
 * bytes at distance 1" over and over, in fixed Huffman codes (RFC 1951, 3.2.6). The shape of a real
 * ZIP bomb, made in milliseconds instead of compressing hundreds of MiB.
 */
function zeroBomb(copies: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8));
  let bit = 0;
  const writeCode = (code: number, length: number): void => {
    for (let i = length - 1; i >= 0; i -= 1, bit += 1) {
      if ((code >>> i) & 1) out[bit >>> 3] = (out[bit >>> 3] ?? 0) | (1 << (bit & 7));
    }
  };
  writeCode(0b1, 1); // last block
  writeCode(0b10, 2); // fixed Huffman (BTYPE 01, written low bit first)
  writeCode(0x30, 8); // literal 0
  for (let i = 0; i < copies; i += 1) {
    writeCode(0xc5, 8); // length 258
    writeCode(0, 5); // distance 1
  }
  writeCode(0, 7); // end of block
  return out;
}

function copiesFor(bytes: number): number {
  return Math.ceil((bytes - 1) / 258);
}

/** ZIP's CRC-32 of the data, as a general ZIP tool records it. */
function crcOf(data: Uint8Array): number {
  const zip = zipSync({ data: [data, { level: 0 }] });
  return new DataView(zip.buffer).getUint32(14, true);
}

interface RawEntry {
  readonly stream: Uint8Array;
  readonly declaredSize: number;
  /** Left as the CRC of the stream itself when the content is too large to check in a test. */
  readonly crc?: number;
}

/** An archive holding raw DEFLATE streams under headers that say whatever the test wants. */
function archiveWithDeflateStreams(entries: Record<string, RawEntry>): Uint8Array {
  const stored: Zippable = { [ARCHIVE_MANIFEST_PATH]: strToU8('{}') };
  for (const [name, { stream }] of Object.entries(entries)) stored[name] = [stream, { level: 0 }];
  let zip = zipByOtherTool(stored);
  for (const [name, { declaredSize, crc }] of Object.entries(entries)) {
    zip = patch(zip, name, { method: 8, size: declaredSize, ...(crc === undefined ? {} : { crc }) });
  }
  return zip;
}

describe('contentHash', () => {
  it('ignores insertion order', () => {
    const files = samplePack();
    expect(contentHash(new Map([...files].reverse()))).toBe(contentHash(files));
  });

  it('tells apart file sets whose concatenated paths and contents would be equal', () => {
    const a = contentHash(new Map([['ab', strToU8('c')]]));
    const b = contentHash(new Map([['a', strToU8('bc')]]));
    const c = contentHash(new Map([['abc', new Uint8Array(0)]]));
    const d = contentHash(
      new Map([
        ['a', new Uint8Array(0)],
        ['b', strToU8('c')],
      ]),
    );
    expect(new Set([a, b, c, d]).size).toBe(4);
  });

  it('changes when one byte changes, and is 64 hex digits', () => {
    const files = samplePack();
    const altered = new Map(files);
    const flag = (files.get('media/flag.png') ?? new Uint8Array(1)).slice();
    flag[100] = (flag[100] ?? 0) ^ 1;
    altered.set('media/flag.png', flag);
    expect(contentHash(files)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(altered)).not.toBe(contentHash(files));
  });
});

describe('buildArchive', () => {
  it('round-trips bit for bit and keeps the content hash', () => {
    const files = samplePack();
    const archive = buildArchive(files, META);
    const { files: read, manifest } = readArchive(archive);

    expect([...read.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [path, data] of files) expect(read.get(path)).toEqual(data);
    expect(manifest).toMatchObject({ format: 1, ...META, contentHash: contentHash(files) });
    expect(manifest.files.find((file) => file.path === 'media/flag.png')).toEqual({
      path: 'media/flag.png',
      size: 5000,
      sha256: bytesToHex(sha256(files.get('media/flag.png') ?? new Uint8Array(0))),
    });
    expect(contentHash(read)).toBe(contentHash(files));
    expect(buildArchive(read, META)).toEqual(archive);

    const insideLargerBuffer = new Uint8Array(archive.length + 64);
    insideLargerBuffer.set(archive, 32);
    expect(contentHash(readArchive(insideLargerBuffer.subarray(32, 32 + archive.length)).files)).toBe(contentHash(files));
  });

  it('gives identical bytes for the same files added in another order', () => {
    const files = samplePack();
    const reversed = new Map([...files].reverse());
    expect(buildArchive(reversed, META)).toEqual(buildArchive(files, META));
    expect(contentHash(reversed)).toBe(contentHash(files));
  });

  it('builds byte-identical archives from the same pack, whatever the time zone', () => {
    const first = buildArchive(samplePack(), META);
    const second = buildArchive(samplePack(), META);
    expect(second).toEqual(first);
    expect(bytesToHex(sha256(second))).toBe(bytesToHex(sha256(first)));

    const zoneBefore = process.env.TZ;
    const offsets = new Set<number>();
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/St_Johns', 'UTC']) {
        process.env.TZ = zone;
        offsets.add(new Date(1980, 0, 1).getTimezoneOffset());
        expect(buildArchive(samplePack(), META)).toEqual(first);
      }
    } finally {
      if (zoneBefore === undefined) delete process.env.TZ;
      else process.env.TZ = zoneBefore;
    }
    // The zones really differed, so the timestamps did not depend on them.
    expect(offsets.size).toBe(3);
  });

  it('writes a pack file named like an object property as an ordinary entry, and refuses "__proto__"', () => {
    const files = new Map([...samplePack(), ['constructor', strToU8('y')], ['media/__proto__', strToU8('z')]]);
    const { files: read } = readArchive(buildArchive(files, META));
    expect(read.get('constructor')).toEqual(strToU8('y'));
    expect(read.get('media/__proto__')).toEqual(strToU8('z'));
    expectRefusal(() => buildArchive(new Map([...samplePack(), ['__proto__', strToU8('x')]]), META), 'unsafe-path', '__proto__');
  });

  it('writes a standard ZIP: description first, files in byte order, 1980 timestamps, nothing of the machine', () => {
    const archive = buildArchive(samplePack(), META);
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    const offsets = headerOffsets(archive);
    expect([...offsets.keys()]).toEqual([
      ARCHIVE_MANIFEST_PATH,
      'courses.yaml',
      'media/empty.txt',
      'media/flag.png',
      'pack.yaml',
      'personas.yaml',
      'scenarios/café-opening.yaml',
      'scenarios/embassy-fire.yaml',
    ]);
    for (const { central } of offsets.values()) {
      expect(view.getUint16(central + 12, true)).toBe(0); // 00:00:00
      expect(view.getUint16(central + 14, true)).toBe((1 << 5) | 1); // 1980-01-01
    }
    const flag = offsets.get('media/flag.png');
    const personas = offsets.get('personas.yaml');
    expect(flag && view.getUint16(flag.central + 10, true)).toBe(0); // incompressible: stored
    expect(personas && view.getUint16(personas.central + 10, true)).toBe(8); // deflated

    const unzipped = unzipSync(archive);
    for (const [path, data] of samplePack()) expect(unzipped[path]).toEqual(data);
  });

  it('refuses pack files that an archive could not carry safely', () => {
    const withFile = (path: string, extra: [string, Uint8Array][] = []): PackFiles => new Map([...samplePack(), [path, strToU8('x')], ...extra]);
    expectRefusal(() => buildArchive(withFile('../outside.yaml'), META), 'unsafe-path', '../outside.yaml');
    expectRefusal(() => buildArchive(withFile('scenarios\\crisis.yaml'), META), 'unsafe-path', 'scenarios\\crisis.yaml');
    expectRefusal(() => buildArchive(withFile(ARCHIVE_MANIFEST_PATH), META), 'unsafe-path', ARCHIVE_MANIFEST_PATH);
    expectRefusal(() => buildArchive(withFile('Pack.yaml'), META), 'duplicate-entry', 'Pack.yaml');
    expectRefusal(() => buildArchive(withFile('pack.yaml/notes.yaml'), META), 'duplicate-entry', 'pack.yaml');
    expectRefusal(() => buildArchive(samplePack(), { ...META, packId: '' }), 'bad-manifest');
  });

  it('refuses a pack that the default limits would refuse on import', () => {
    const manyFiles: PackFiles = new Map(Array.from({ length: ARCHIVE_LIMITS.maxEntries }, (_, i) => [`scenarios/s${i}.yaml`, strToU8('id: s\n')]));
    expectRefusal(() => buildArchive(manyFiles, META), 'too-many-entries');
    const hugeFile = new Map([...samplePack(), ['media/film.mp4', new Uint8Array(ARCHIVE_LIMITS.maxEntryBytes + 1)]]);
    expectRefusal(() => buildArchive(hugeFile, META), 'entry-too-large', 'media/film.mp4');
  });
});

describe('readArchive accepts', () => {
  it('a genuine archive re-zipped by another tool, with the same content hash', () => {
    const files = samplePack();
    const rezipped = zipByOtherTool(genuineEntries(files));
    expect(rezipped).not.toEqual(buildArchive(files, META));
    const { files: read, manifest } = readArchive(rezipped);
    expect(contentHash(read)).toBe(contentHash(files));
    expect(manifest.contentHash).toBe(contentHash(files));
  });

  it('empty folder entries, leaving them out of the files', () => {
    const { files } = readArchive(zipByOtherTool({ ...genuineEntries(), 'media/': new Uint8Array(0), 'scenarios/': new Uint8Array(0) }));
    expect([...files.keys()].sort()).toEqual([...samplePack().keys()].sort());
  });
});

describe('readArchive refuses', () => {
  it('what is not a ZIP, or is a damaged one', () => {
    const archive = buildArchive(samplePack(), META);
    expectRefusal(() => readArchive(new Uint8Array(0)), 'not-zip');
    expectRefusal(() => readArchive(strToU8('id: not-an-archive\n'.repeat(10))), 'not-zip');
    expectRefusal(() => readArchive(noise(4096, 3)), 'not-zip');
    expectRefusal(() => readArchive(archive.subarray(0, archive.length - 10)), 'not-zip');
    expectRefusal(() => readArchive(archive.subarray(0, archive.length - 200)), 'not-zip');

    const flipped = archive.slice();
    const flag = headerOffsets(archive).get('media/flag.png');
    if (!flag) throw new Error('no flag entry');
    const dataAt = flag.local + 30 + 'media/flag.png'.length + 10;
    flipped[dataAt] = (flipped[dataAt] ?? 0) ^ 0xff;
    expectRefusal(() => readArchive(flipped), 'not-zip', 'media/flag.png');
  });

  it('a damaged DEFLATE stream', () => {
    const zip = archiveWithDeflateStreams({ 'pack.yaml': { stream: new Uint8Array([0xff, 0xff, 0xff, 0xff]), declaredSize: 10 } });
    expectRefusal(() => readArchive(zip), 'not-zip', 'pack.yaml');
  });

  it('an archive larger than allowed, before reading it', () => {
    const archive = buildArchive(samplePack(), META);
    expectRefusal(() => readArchive(archive, { maxArchiveBytes: archive.length - 1 }), 'too-large');
    expect(readArchive(archive, { maxArchiveBytes: archive.length }).files.size).toBe(7);
  });

  it('too many entries', () => {
    const archive = buildArchive(samplePack(), META);
    expectRefusal(() => readArchive(archive, { maxEntries: 7 }), 'too-many-entries');
    expect(readArchive(archive, { maxEntries: 8 }).files.size).toBe(7);
  });

  it.each([
    ['../evil.yaml'],
    ['scenarios/../../evil.yaml'],
    ['/etc/passwd'],
    ['C:\\Windows\\evil.yaml'],
    ['C:/Windows/evil.yaml'],
    ['scenarios\\evil.yaml'],
    ['scenarios//evil.yaml'],
    ['./pack.yaml'],
    ['scenarios/evil\u0000.yaml'],
    ['scenarios/evil\nname.yaml'],
    ['media/photo\u202egnp.exe'],
    [`scenarios/${'x'.repeat(240)}.yaml`],
    ['a/b/c/d/e/f/g/h/i.yaml'],
    ['media/CON.png'],
    ['scenarios/what?.yaml'],
    ['scenarios/trailing-dot.'],
  ])('the unsafe entry name %j', (name) => {
    const zip = zipByOtherTool({ ...genuineEntries(), [name]: strToU8('x') });
    const error = expectRefusal(() => readArchive(zip), 'unsafe-path', name);
    expect(error.message).not.toMatch(/[\p{Cc}\u202e]/u);
  });

  it('paths only as long and deep as the limits allow', () => {
    const deep = 'scenarios/b/c/d/e/f/g/h.yaml';
    const entries = { ...genuineEntries(), [deep]: strToU8('x') };
    expectRefusal(() => readArchive(zipByOtherTool(entries), { maxPathDepth: 7 }), 'unsafe-path', deep);
    expectRefusal(() => readArchive(zipByOtherTool(entries), { maxPathLength: deep.length - 1 }), 'unsafe-path', deep);
    // Past the path checks, the extra file is caught by the description.
    expectRefusal(() => readArchive(zipByOtherTool(entries)), 'manifest-mismatch', deep);
  });

  it('a name that is not valid UTF-8', () => {
    const zip = rename(buildArchive(samplePack(), META), 'pack.yaml', new Uint8Array([0x70, 0xff, 0xfe, 0x6b, 0x2e, 0x79, 0x61, 0x6d, 0x6c]));
    expect(expectRefusal(() => readArchive(zip), 'unsafe-path').message).toContain('has a name that is not valid UTF-8 text');
    const latin1 = rename(buildArchive(samplePack(), META), 'pack.yaml', new Uint8Array([0x70, 0x61, 0x63, 0x6b, 0xe9, 0x79, 0x61, 0x6d, 0x6c]));
    expect(expectRefusal(() => readArchive(latin1), 'unsafe-path').message).toContain('not valid UTF-8');
  });

  it('a name far longer than a path may be, before decoding it', () => {
    const zip = zipByOtherTool({ ...genuineEntries(), [`media/${'x'.repeat(60_000)}.png`]: strToU8('x') });
    expect(expectRefusal(() => readArchive(zip), 'unsafe-path').message).toContain('longer than 240 characters');
  });

  it('the same entry twice', () => {
    const twice = rename(zipByOtherTool({ ...genuineEntries(), 'pack.yamm': strToU8('x') }), 'pack.yamm', strToU8('pack.yaml'));
    expectRefusal(() => readArchive(twice), 'duplicate-entry', 'pack.yaml');
  });

  it('a folder entry that holds data', () => {
    const zip = zipByOtherTool({ ...genuineEntries(), 'media/': strToU8('hidden') });
    expectRefusal(() => readArchive(zip), 'unsupported-entry', 'media/');
  });

  it('entries that differ only in letter case or Unicode normalisation', () => {
    expectRefusal(() => readArchive(zipByOtherTool({ ...genuineEntries(), 'Pack.yaml': strToU8('x') })), 'duplicate-entry');
    const decomposed = 'scenarios/cafe\u0301-opening.yaml';
    expectRefusal(() => readArchive(zipByOtherTool({ ...genuineEntries(), [decomposed]: strToU8('x') })), 'duplicate-entry');
  });

  it('a file that is also a folder', () => {
    const zip = zipByOtherTool({ ...genuineEntries(), 'pack.yaml/notes.yaml': strToU8('x') });
    expectRefusal(() => readArchive(zip), 'duplicate-entry', 'pack.yaml');
  });

  it('a symbolic link', () => {
    const archive = buildArchive(samplePack(), META);
    const link = patch(archive, 'pack.yaml', { versionMadeBy: (3 << 8) | 20, externalAttributes: (0o120777 << 16) >>> 0 }, 'central');
    expectRefusal(() => readArchive(link), 'unsupported-entry', 'pack.yaml');
    const madeByTool = zipByOtherTool({ ...genuineEntries(), 'media/link.png': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expectRefusal(() => readArchive(madeByTool), 'unsupported-entry', 'media/link.png');
  });

  it('a password-protected entry', () => {
    const zip = patch(buildArchive(samplePack(), META), 'personas.yaml', { flags: 0x0801 });
    expectRefusal(() => readArchive(zip), 'unsupported-entry', 'personas.yaml');
  });

  it('an unsupported compression method', () => {
    const zip = patch(buildArchive(samplePack(), META), 'personas.yaml', { method: 14 });
    expectRefusal(() => readArchive(zip), 'unsupported-entry', 'personas.yaml');
  });

  it('an entry whose two headers disagree', () => {
    const archive = buildArchive(samplePack(), META);
    expectRefusal(() => readArchive(patch(archive, 'personas.yaml', { size: 10 }, 'local')), 'not-zip', 'personas.yaml');
    const offsets = headerOffsets(archive);
    const courses = offsets.get('courses.yaml');
    if (!courses) throw new Error('no courses entry');
    // The table of contents points a second name at an existing entry's data, as overlapping bombs do.
    expectRefusal(() => readArchive(patch(archive, 'pack.yaml', { localOffset: courses.local }, 'central')), 'not-zip', 'pack.yaml');
  });

  it('entries that overlap, the way the smallest ZIP bombs reuse data', () => {
    const zip = zipByOtherTool({ ...genuineEntries(), 'media/a.png': [noise(100, 1), { level: 0 }], 'media/b.png': [noise(100, 2), { level: 0 }] });
    const offsets = headerOffsets(zip);
    const a = offsets.get('media/a.png');
    const b = offsets.get('media/b.png');
    if (!a || !b) throw new Error('entries missing');
    const stretched = b.local + 30 + 'media/b.png'.length + 100 - (a.local + 30 + 'media/a.png'.length);
    expectRefusal(() => readArchive(patch(zip, 'media/a.png', { compressedSize: stretched, size: stretched })), 'not-zip', 'media/b.png');
  });

  it('an entry that holds more or fewer bytes than its headers declare, within the limits', () => {
    const archive = buildArchive(samplePack(), META);
    const size = samplePack().get('personas.yaml')?.length ?? 0;
    expectRefusal(() => readArchive(patch(archive, 'personas.yaml', { size: size - 1 })), 'not-zip', 'personas.yaml');
    expectRefusal(() => readArchive(patch(archive, 'personas.yaml', { size: size + 1 })), 'not-zip', 'personas.yaml');
  });
});

describe('readArchive against ZIP bombs', () => {
  it('builds its bombs as valid DEFLATE', () => {
    expect(inflateSync(zeroBomb(1000))).toEqual(new Uint8Array(1 + 258 * 1000));
  });

  const bomb = zeroBomb(copiesFor(300 * MiB));

  it('refuses 300 MiB of zeros that declares its size, without expanding it', () => {
    const zip = archiveWithDeflateStreams({ 'media/bomb.png': { stream: bomb, declaredSize: 1 + 258 * copiesFor(300 * MiB) } });
    expect(zip.length).toBeLessThan(3 * MiB);
    expectRefusal(() => readArchive(zip), 'entry-too-large', 'media/bomb.png');
  });

  it('refuses 300 MiB of zeros whose headers both claim 1000 bytes, while expanding it', () => {
    const zip = archiveWithDeflateStreams({ 'media/bomb.png': { stream: bomb, declaredSize: 1000 } });
    expectRefusal(() => readArchive(zip, { maxEntryBytes: 4 * MiB }), 'entry-too-large', 'media/bomb.png');
    expectRefusal(() => readArchive(zip), 'entry-too-large', 'media/bomb.png');
  });

  describe('counting what the inflater really produces', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('stops a lying bomb soon after the limit, having fed the inflater a sliver of it', () => {
      let fed = 0;
      const push = Inflate.prototype.push;
      vi.spyOn(Inflate.prototype, 'push').mockImplementation(function (this: Inflate, chunk: Uint8Array, final?: boolean) {
        fed += chunk.length;
        push.call(this, chunk, final);
      });
      const zip = archiveWithDeflateStreams({ 'media/bomb.png': { stream: bomb, declaredSize: 1000 } });
      expectRefusal(() => readArchive(zip, { maxEntryBytes: 4 * MiB }), 'entry-too-large', 'media/bomb.png');
      // 4 MiB of zeros take about 26 KB of this stream; the whole stream is 1.5 MB.
      expect(bomb.length).toBeGreaterThan(1_000_000);
      expect(fed).toBeGreaterThan(20_000);
      expect(fed).toBeLessThan(40_000);
    });
  });

  it('refuses entries that each stay under the limit but together expand too far', () => {
    const size = 1 + 258 * copiesFor(3 * MiB);
    const honest: RawEntry = { stream: zeroBomb(copiesFor(3 * MiB)), declaredSize: size, crc: crcOf(new Uint8Array(size)) };
    const limits = { maxEntryBytes: 4 * MiB, maxTotalBytes: 8 * MiB };
    const allHonest = archiveWithDeflateStreams({ 'media/a.png': honest, 'media/b.png': honest, 'media/c.png': honest });
    expectRefusal(() => readArchive(allHonest, limits), 'expands-too-far');
    // With room for all three (and the 2-byte description) the entries expand cleanly; only the stub description fails.
    expectRefusal(() => readArchive(allHonest, { maxEntryBytes: 4 * MiB, maxTotalBytes: 3 * size + 2 }), 'bad-manifest');
    // The last entry claims 1000 bytes, so the declared total fits: only counting while expanding catches it.
    const lastLies = archiveWithDeflateStreams({ 'media/a.png': honest, 'media/b.png': honest, 'media/c.png': { ...honest, declaredSize: 1000 } });
    expectRefusal(() => readArchive(lastLies, limits), 'expands-too-far', 'media/c.png');
  });

  it('keeps the default limits the product promises', () => {
    expect(ARCHIVE_LIMITS).toEqual({
      maxArchiveBytes: 128 * MiB,
      maxEntries: 2000,
      maxEntryBytes: 32 * MiB,
      maxTotalBytes: 256 * MiB,
      maxPathLength: 240,
      maxPathDepth: 8,
    });
    expect(Object.isFrozen(ARCHIVE_LIMITS)).toBe(true);
  });
});

describe('readArchive checks the description file', () => {
  it('refuses a ZIP without one', () => {
    const { [ARCHIVE_MANIFEST_PATH]: _manifest, ...files } = genuineEntries();
    expectRefusal(() => readArchive(zipByOtherTool(files)), 'missing-manifest');
  });

  it('refuses one that is not valid', () => {
    const entries = genuineEntries();
    const manifest = manifestOf(entries);
    const cases: unknown[] = [
      { ...manifest, contentHash: 'not-a-hash' },
      { ...manifest, files: [{ path: 'pack.yaml', size: -1, sha256: manifest.contentHash }] },
      { ...manifest, packId: '' },
      { ...manifest, signedBy: 'someone' },
      { ...manifest, files: [...manifest.files, manifest.files[0]] },
      [manifest],
    ];
    for (const bad of cases) expectRefusal(() => readArchive(zipByOtherTool(withManifest(entries, bad))), 'bad-manifest', ARCHIVE_MANIFEST_PATH);
    const notJson = { ...entries, [ARCHIVE_MANIFEST_PATH]: strToU8('{ "format": 1, ') };
    expectRefusal(() => readArchive(zipByOtherTool(notJson)), 'bad-manifest');
  });

  it('refuses one too large to be genuine, declared or counted, before parsing it', () => {
    const entries = genuineEntries();
    const padded = withManifest(entries, { ...manifestOf(entries), padding: ' '.repeat(5 * MiB) });
    expect(expectRefusal(() => readArchive(zipByOtherTool(padded)), 'bad-manifest', ARCHIVE_MANIFEST_PATH).message).toContain('larger than 4 MiB');
    // A description that claims 1000 bytes but expands to 5 MiB of zeros: stopped by the count.
    const withBigManifest = archiveWithDeflateStreams({ [ARCHIVE_MANIFEST_PATH]: { stream: zeroBomb(copiesFor(5 * MiB)), declaredSize: 1000 } });
    expect(expectRefusal(() => readArchive(withBigManifest), 'bad-manifest', ARCHIVE_MANIFEST_PATH).message).toContain('larger than 4 MiB');
  });

  it('names a newer format as such', () => {
    const entries = genuineEntries();
    const error = expectRefusal(() => readArchive(zipByOtherTool(withManifest(entries, { ...manifestOf(entries), format: 2 }))), 'bad-manifest');
    expect(error.message).toContain('newer version');
  });

  it('refuses a file it lists but the archive lacks', () => {
    const { 'courses.yaml': _courses, ...entries } = genuineEntries();
    expectRefusal(() => readArchive(zipByOtherTool(entries)), 'manifest-mismatch', 'courses.yaml');
  });

  it('refuses a file the archive holds but it does not list', () => {
    const entries = { ...genuineEntries(), 'scenarios/extra.yaml': strToU8('id: extra\n') };
    expectRefusal(() => readArchive(zipByOtherTool(entries)), 'manifest-mismatch', 'scenarios/extra.yaml');
  });

  it('refuses a file whose size differs from the listed one', () => {
    const entries = genuineEntries();
    const manifest = manifestOf(entries);
    const files = manifest.files.map((file) => (file.path === 'pack.yaml' ? { ...file, size: file.size + 1 } : file));
    expectRefusal(() => readArchive(zipByOtherTool(withManifest(entries, { ...manifest, files }))), 'manifest-mismatch', 'pack.yaml');
  });

  it('refuses a file changed after building, its description kept', () => {
    const entries = genuineEntries();
    const personas = (entries['personas.yaml'] ?? new Uint8Array(1)).slice();
    personas[0] = (personas[0] ?? 0) ^ 1;
    expectRefusal(() => readArchive(zipByOtherTool({ ...entries, 'personas.yaml': personas })), 'manifest-mismatch', 'personas.yaml');
  });

  it('refuses a changed file whose listing was updated but not the content hash', () => {
    const entries = genuineEntries();
    const personas = (entries['personas.yaml'] ?? new Uint8Array(1)).slice();
    personas[0] = (personas[0] ?? 0) ^ 1;
    const manifest = manifestOf(entries);
    const files = manifest.files.map((file) => (file.path === 'personas.yaml' ? { ...file, sha256: bytesToHex(sha256(personas)) } : file));
    const tampered = withManifest({ ...entries, 'personas.yaml': personas }, { ...manifest, files });
    const error = expectRefusal(() => readArchive(zipByOtherTool(tampered)), 'hash-mismatch');
    expect(error.message).toContain('altered after it was built');
  });
});

describe('readArchive on hostile variations of a genuine archive', () => {
  const genuine = buildArchive(samplePack(), META);
  const BOUNDARY_VALUES = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0xffffffff];

  type Mutation =
    | { kind: 'flip'; at: number; mask: number }
    | { kind: 'field'; at: number; width: 2 | 4; value: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'insert'; at: number; bytes: Uint8Array }
    | { kind: 'copy'; from: number; to: number; length: number };

  /** Anywhere, or (as often) inside a header or the end record, where one byte changes the most. */
  const headerStarts = [...headerOffsets(genuine).values()].flatMap(({ local, central }) => [local, central]).concat(genuine.length - 22);
  const position = fc.oneof(
    fc.nat({ max: genuine.length - 1 }),
    fc.tuple(fc.constantFrom(...headerStarts), fc.nat({ max: 45 })).map(([start, offset]) => Math.min(start + offset, genuine.length - 1)),
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({
      kind: fc.constant('field' as const),
      at: position,
      width: fc.constantFrom(2 as const, 4 as const),
      value: fc.constantFrom(...BOUNDARY_VALUES),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
    fc.record({ kind: fc.constant('copy' as const), from: position, to: position, length: fc.integer({ min: 1, max: 512 }) }),
  );

  function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
    switch (change.kind) {
      case 'flip': {
        const out = bytes.slice();
        if (change.at < out.length) out[change.at] = (out[change.at] ?? 0) ^ change.mask;
        return out;
      }
      case 'field': {
        const out = bytes.slice();
        const view = new DataView(out.buffer);
        if (change.at + change.width <= out.length) {
          if (change.width === 2) view.setUint16(change.at, change.value & 0xffff, true);
          else view.setUint32(change.at, change.value, true);
        }
        return out;
      }
      case 'truncate':
        return bytes.slice(0, Math.min(change.at, bytes.length));
      case 'insert': {
        const at = Math.min(change.at, bytes.length);
        const out = new Uint8Array(bytes.length + change.bytes.length);
        out.set(bytes.subarray(0, at));
        out.set(change.bytes, at);
        out.set(bytes.subarray(at), at + change.bytes.length);
        return out;
      }
      case 'copy': {
        const out = bytes.slice();
        const from = Math.min(change.from, bytes.length);
        const slice = bytes.slice(from, from + change.length).subarray(0, Math.max(0, out.length - change.to));
        out.set(slice, Math.min(change.to, out.length - slice.length));
        return out;
      }
    }
  }

  /** The one rule for any input: the pack, intact, or an ArchiveError that says what and what to do. */
  function expectPackOrClearRefusal(bytes: Uint8Array): 'pack' | ArchiveErrorCode {
    let result: ReturnType<typeof readArchive>;
    try {
      result = readArchive(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(ArchiveError);
      const refusal = error as ArchiveError;
      for (const text of [refusal.message, refusal.hint]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text.length).toBeLessThan(400);
        expect(text).not.toMatch(/undefined|NaN|\[object Object\]|[\p{Cc}\u202e]/u);
      }
      return refusal.code;
    }
    expect(contentHash(result.files)).toBe(result.manifest.contentHash);
    return 'pack';
  }

  /** A change to the files inside, re-zipped: reaches the checks of the description file. */
  type EntryEdit = { kind: 'none' } | { kind: 'flip'; entry: number; at: number } | { kind: 'drop'; entry: number } | { kind: 'add'; name: string };
  const genuineFiles = genuineEntries(); // never changed: every edit works on a copy
  const entryNames = Object.keys(genuineFiles);
  const entryEdit: fc.Arbitrary<EntryEdit> = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('flip' as const), entry: fc.nat({ max: entryNames.length - 1 }), at: fc.nat({ max: 400 }) }),
    fc.record({ kind: fc.constant('drop' as const), entry: fc.nat({ max: entryNames.length - 1 }) }),
    fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom('scenarios/extra.yaml', 'media/x.png', 'notes.txt') }),
  );

  function startingPoint(edit: EntryEdit): Uint8Array {
    if (edit.kind === 'none') return genuine;
    const entries = { ...genuineFiles };
    if (edit.kind === 'add') return zipByOtherTool({ ...entries, [edit.name]: strToU8('x') });
    const name = entryNames[edit.entry] ?? ARCHIVE_MANIFEST_PATH;
    if (edit.kind === 'drop') {
      const { [name]: _dropped, ...rest } = entries;
      return zipByOtherTool(rest);
    }
    const data = (entries[name] ?? new Uint8Array(0)).slice();
    if (data.length > 0) data[edit.at % data.length] = (data[edit.at % data.length] ?? 0) ^ 0x20;
    return zipByOtherTool({ ...entries, [name]: data });
  }

  it('is a pack or an ArchiveError for every seeded mutation, never a crash', () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(entryEdit, fc.array(mutation, { maxLength: 4 }), (edit, changes) => {
        const outcome = expectPackOrClearRefusal(changes.reduce(mutate, startingPoint(edit)));
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { seed: 20261206, numRuns: 400 },
    );
    // The mutations reach past the first check: several kinds of refusal, and some harmless changes.
    expect(outcomes.size).toBeGreaterThanOrEqual(6);
    expect(outcomes.get('pack')).toBeGreaterThan(0);
  });

  it('is a pack or an ArchiveError for ZIPs of arbitrary names and contents', () => {
    const name = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('../x', '/abs', 'C:/x', 'a\\b', 'a//b', 'CON', 'x/', ARCHIVE_MANIFEST_PATH, 'Pack.yaml', 'pack.yaml/x', '__proto__'),
    );
    fc.assert(
      fc.property(fc.dictionary(name, fc.uint8Array({ maxLength: 200 }), { maxKeys: 8 }), fc.boolean(), (entries, withGenuine) => {
        const zippable: Zippable = Object.create(null) as Zippable;
        if (withGenuine) Object.assign(zippable, genuineEntries());
        for (const [key, data] of Object.entries(entries)) zippable[key] = data;
        let zip: Uint8Array;
        try {
          zip = zipSync(zippable);
        } catch {
          return; // fflate cannot write every name; only what it writes is read back here.
        }
        expectPackOrClearRefusal(zip);
      }),
      { seed: 6122026, numRuns: 300 },
    );
  });
});
