// Runtime: any (pure core). The `.attache` file that carries a scenario pack between academies.
//
// An archive is a ZIP holding the pack folder plus `attache-archive.json`, which lists every file
// with its size and SHA-256 and a hash of the whole content. fflate writes it with fixed timestamps
// and attributes, so one pack always gives the same bytes. Reading trusts nothing: archives arrive
// by e-mail and USB stick from other academies, so every name, size, flag and file type in the
// table of contents is checked before a byte is inflated, fflate's streaming inflater is metered as
// it runs because a hostile ZIP lies about its sizes, and checksums and hashes are checked after. fflate's own unzip functions are not used for
// reading: they report neither the flags, attributes, checksums nor offsets checked here, and
// unzipSync inflates an entry whole, whatever its header claims.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Inflate, deflateSync, strFromU8, strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { z } from '../zod';
import { PATH_LIMITS, PackPathSet, decodeName, describeClash, hasInvisibleCharacters, pathProblem, quotePath as quote, sortPaths } from './paths';
import type { PathLimits } from './paths';

/** POSIX relative paths (`scenarios/crisis.yaml`) to file contents. */
export type PackFiles = Map<string, Uint8Array>;

export interface ArchiveLimits extends PathLimits {
  /** Size of the archive file itself. */
  readonly maxArchiveBytes: number;
  /** ZIP entries, the description file and any folder entries included. */
  readonly maxEntries: number;
  /** Expanded size of one file. */
  readonly maxEntryBytes: number;
  /** Expanded size of all files together. */
  readonly maxTotalBytes: number;
}

const MiB = 1024 * 1024;

export const ARCHIVE_LIMITS: ArchiveLimits = Object.freeze({
  maxArchiveBytes: 128 * MiB,
  maxEntries: 2000,
  maxEntryBytes: 32 * MiB,
  maxTotalBytes: 256 * MiB,
  ...PATH_LIMITS,
});

/** The archive's description of itself; reserved, so no pack file may use this path. */
export const ARCHIVE_MANIFEST_PATH = 'attache-archive.json';
export const ARCHIVE_FORMAT = 1;

export interface ArchiveManifestFile {
  readonly path: string;
  readonly size: number;
  /** Lowercase hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

export interface ArchiveManifest {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly packId: string;
  readonly packVersion: string;
  /** {@link contentHash} of the files. */
  readonly contentHash: string;
  /** Sorted by path, byte-wise on UTF-8. */
  readonly files: readonly ArchiveManifestFile[];
}

export type ArchiveErrorCode =
  | 'not-zip'
  | 'too-large'
  | 'too-many-entries'
  | 'unsafe-path'
  | 'entry-too-large'
  | 'expands-too-far'
  | 'duplicate-entry'
  | 'unsupported-entry'
  | 'missing-manifest'
  | 'bad-manifest'
  | 'manifest-mismatch'
  | 'hash-mismatch';

/** What an instructor importing an archive can do about each refusal. */
const IMPORT_HINTS: Record<ArchiveErrorCode, string> = {
  'not-zip': 'Make sure you chose an .attache file exported from Attaché. If it was sent to you, ask for it again: it may have been damaged on the way.',
  'too-large': 'Ask the author to make the pack smaller, for example by compressing large images or videos, and to export it again.',
  'too-many-entries': 'Ask the author to remove unused files from the pack and to export it again.',
  'unsafe-path':
    'Attaché never writes such names, so this archive was made or changed elsewhere. Do not import it; ask the author to export the pack again from Attaché.',
  'entry-too-large': 'Ask the author to make that file smaller and to export the pack again.',
  'expands-too-far':
    'Ask the author to make the pack smaller and to export it again. An archive that expands this far may be deliberately harmful: do not try to open it elsewhere.',
  'duplicate-entry': 'Ask the author to give every file in the pack a distinct name and to export the pack again.',
  'unsupported-entry': 'Attaché archives contain only plain files, without passwords or links. Ask the author to export the pack again from Attaché.',
  'missing-manifest': 'This is a ZIP file but not an Attaché scenario pack. Ask the author to export the pack from Attaché.',
  'bad-manifest': 'Ask the author to export the pack again. If the message mentions a newer version, update Attaché first.',
  'manifest-mismatch': 'The archive was changed after it was exported. Ask the author to send the original file again.',
  'hash-mismatch': 'The archive was changed after it was exported. Ask the author to send the original file again.',
};

export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  /** The entry (path inside the archive) at fault, when there is one. */
  readonly entry?: string;
  /** What the user can do about it. */
  readonly hint: string;
  /** For a damaged ZIP ('not-zip'): what is wrong with it as a clause ("it ends unexpectedly"), for
   * readers of other files built on the same ZIP, who word the refusal themselves. */
  readonly detail?: string;

  constructor(code: ArchiveErrorCode, message: string, options: { entry?: string; hint?: string; detail?: string } = {}) {
    super(message);
    this.name = 'ArchiveError';
    this.code = code;
    if (options.entry !== undefined) this.entry = options.entry;
    if (options.detail !== undefined) this.detail = options.detail;
    this.hint = options.hint ?? IMPORT_HINTS[code];
  }
}

// ---------------------------------------------------------------------------------------------
// Hashes

const CONTENT_HASH_DOMAIN = strToU8('attache.pack-content.v1\0');

function uint64BigEndian(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, Math.floor(value / 2 ** 32));
  view.setUint32(4, value >>> 0);
  return bytes;
}

/**
 * SHA-256 (hex) of a pack's content, whatever order the files were added in and however they were
 * compressed: the domain tag, then for each file in byte-wise path order the path's UTF-8 length
 * (8 bytes, big-endian), the path, the content's length and the content. Lengths make the
 * encoding unambiguous, so two different sets of files never share an encoding.
 */
export function contentHash(files: PackFiles): string {
  const hash = sha256.create();
  hash.update(CONTENT_HASH_DOMAIN);
  for (const path of sortPaths(files.keys())) {
    const bytes = strToU8(path);
    const data = files.get(path) ?? new Uint8Array(0);
    hash.update(uint64BigEndian(bytes.length)).update(bytes).update(uint64BigEndian(data.length)).update(data);
  }
  return bytesToHex(hash.digest());
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Hints for refusals while exporting: the instructor's own pack folder is at fault. */
const EXPORT_HINTS = {
  path: 'Rename or move the file in the pack folder, then export again.',
  size: 'Make the pack smaller, for example by compressing large images or videos, then export again.',
  meta: 'Check the pack ID and version in pack.yaml, then export again.',
} as const;

const PACK_META_MAX_LENGTH = 200;

function metaProblem(value: string): string | null {
  if (value.length === 0) return 'is empty';
  if (value.length > PACK_META_MAX_LENGTH) return `is longer than ${PACK_META_MAX_LENGTH} characters`;
  if (hasInvisibleCharacters(value)) return 'contains invisible control characters';
  return null;
}

function checkPackForExport(files: PackFiles, meta: { packId: string; packVersion: string }): void {
  const limits = ARCHIVE_LIMITS;
  for (const [field, label] of [
    ['packId', 'pack ID'],
    ['packVersion', 'pack version'],
  ] as const) {
    const problem = metaProblem(meta[field]);
    if (problem) throw new ArchiveError('bad-manifest', `The ${label} ${problem}.`, { hint: EXPORT_HINTS.meta });
  }
  if (files.size + 1 > limits.maxEntries) {
    throw new ArchiveError('too-many-entries', `The pack has ${files.size} files; an archive holds at most ${limits.maxEntries - 1}.`, {
      hint: 'Remove unused files from the pack folder, then export again.',
    });
  }
  const paths = new PackPathSet();
  paths.add(ARCHIVE_MANIFEST_PATH, 'file');
  let total = 0;
  for (const [path, data] of files) {
    if (path === ARCHIVE_MANIFEST_PATH) {
      throw new ArchiveError('unsafe-path', `The pack file ${quote(path)} cannot be exported: Attaché reserves that name for the archive's description.`, {
        entry: path,
        hint: EXPORT_HINTS.path,
      });
    }
    const problem = pathProblem(path, limits);
    if (problem) {
      throw new ArchiveError('unsafe-path', `The pack file ${quote(path)} cannot be exported: its name ${problem}.`, { entry: path, hint: EXPORT_HINTS.path });
    }
    const clash = paths.add(path, 'file');
    if (clash) throw new ArchiveError('duplicate-entry', describeClash(clash, 'The pack'), { entry: clash.path, hint: EXPORT_HINTS.path });
    if (data.length > limits.maxEntryBytes) {
      throw new ArchiveError('entry-too-large', `The pack file ${quote(path)} is larger than ${formatMiB(limits.maxEntryBytes)}.`, {
        entry: path,
        hint: EXPORT_HINTS.size,
      });
    }
    total += data.length;
  }
  if (total > limits.maxTotalBytes) {
    throw new ArchiveError('expands-too-far', `The pack's files add up to more than ${formatMiB(limits.maxTotalBytes)}.`, { hint: EXPORT_HINTS.size });
  }
}

function manifestFor(files: PackFiles, meta: { packId: string; packVersion: string }): ArchiveManifest {
  return {
    format: ARCHIVE_FORMAT,
    packId: meta.packId,
    packVersion: meta.packVersion,
    contentHash: contentHash(files),
    files: sortPaths(files.keys()).map((path) => {
      const data = files.get(path) ?? new Uint8Array(0);
      return { path, size: data.length, sha256: bytesToHex(sha256(data)) };
    }),
  };
}

/** 1980-01-01 00:00:00, the earliest time a ZIP can hold, so archives do not depend on when they
 * were made. fflate reads the date in local time, so it is made in local time, at each build: every
 * time zone then writes the same bytes. */
function fixedModificationTime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}
const HOST_UNIX = 3;
const UNIX_FILE_TYPE_MASK = 0o170000;
const UNIX_REGULAR_FILE = 0o100000;
const UNIX_DIRECTORY = 0o040000;
const UNIX_SYMLINK = 0o120000;
/** A plain file, readable by everyone: nothing of the author's machine or umask. */
const UNIX_REGULAR_FILE_ATTRIBUTES = ((UNIX_REGULAR_FILE | 0o644) << 16) >>> 0;

/**
 * A ZIP of the entries in the given order, the same bytes for the same entries wherever it is made:
 * fixed timestamps and attributes, DEFLATE level 9 (or stored when a quick DEFLATE does not shrink an
 * entry, as with images), no extra fields. The caller checks names (see pathProblem) and sizes first.
 * Packs and the other files built like them (progress files, backups) are written by it.
 */
export function writeZip(entries: ReadonlyArray<readonly [path: string, data: Uint8Array]>): Uint8Array {
  // No prototype, so that a file named like one of its properties (`constructor`) is an entry like
  // any other; `__proto__` is refused by the path policy.
  const zippable: Zippable = Object.create(null) as Zippable;
  for (const [path, data] of entries) {
    const shrinks = deflateSync(data, { level: 1 }).length < data.length;
    zippable[path] = [data, { level: shrinks ? 9 : 0 }];
  }
  return zipSync(zippable, { mtime: fixedModificationTime(), os: HOST_UNIX, attrs: UNIX_REGULAR_FILE_ATTRIBUTES });
}

/**
 * The pack as an `.attache` archive, deterministic ({@link writeZip}): the description file first,
 * then the files in byte-wise path order. Refuses what {@link readArchive} would.
 */
export function buildArchive(files: PackFiles, meta: { packId: string; packVersion: string }): Uint8Array {
  checkPackForExport(files, meta);
  const manifest = manifestFor(files, meta);
  const archive = writeZip([
    [ARCHIVE_MANIFEST_PATH, strToU8(`${JSON.stringify(manifest, null, 2)}\n`)],
    ...manifest.files.map(({ path }): [string, Uint8Array] => [path, files.get(path) ?? new Uint8Array(0)]),
  ]);
  if (archive.length > ARCHIVE_LIMITS.maxArchiveBytes) {
    throw new ArchiveError('too-large', `The archive would be larger than ${formatMiB(ARCHIVE_LIMITS.maxArchiveBytes)}.`, { hint: EXPORT_HINTS.size });
  }
  return archive;
}

// ---------------------------------------------------------------------------------------------
// Reading: the table of contents (PKWARE APPNOTE 6.3, only what Attaché accepts)

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const LOCAL_HEADER_LENGTH = 30;
const CENTRAL_HEADER_LENGTH = 46;
const END_OF_CENTRAL_DIRECTORY_LENGTH = 22;
const ZIP64_LOCATOR_LENGTH = 20;
const MAX_COMMENT_LENGTH = 0xffff;

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const METHOD_AES = 99;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_MASKED_HEADERS = 0x2000;

const HOST_MS_DOS = 0;
const HOST_NTFS = 10;
const HOST_VFAT = 14;
const HOST_MACOS = 19;
const DOS_DIRECTORY = 0x10;
const WINDOWS_REPARSE_POINT = 0x400;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit: a longer name is refused before decoding. */
const MAX_UTF8_BYTES_PER_CHARACTER = 3;

interface TocEntry {
  /** The name as stored, with a trailing "/" for folders. */
  readonly name: string;
  readonly nameBytes: Uint8Array;
  /** The name without a folder's trailing "/". */
  readonly path: string;
  readonly isFolder: boolean;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

interface LocatedEntry extends TocEntry {
  readonly dataStart: number;
  readonly dataEnd: number;
}

function corrupt(detail: string, entry?: string): ArchiveError {
  return new ArchiveError('not-zip', `The file is not a valid Attaché archive: ${detail}.`, entry === undefined ? { detail } : { entry, detail });
}

class ByteReader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private ensure(at: number, length: number): void {
    if (at < 0 || at + length > this.bytes.length) throw corrupt('it ends unexpectedly');
  }

  u16(at: number): number {
    this.ensure(at, 2);
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    this.ensure(at, 4);
    return this.view.getUint32(at, true);
  }

  slice(at: number, length: number): Uint8Array {
    this.ensure(at, length);
    return this.bytes.subarray(at, at + length);
  }
}

function resolveLimits(overrides: Partial<ArchiveLimits>): ArchiveLimits {
  const limits: Record<keyof ArchiveLimits, number> = { ...ARCHIVE_LIMITS };
  for (const key of Object.keys(limits) as (keyof ArchiveLimits)[]) {
    const value = overrides[key];
    if (value !== undefined) {
      if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Archive limit ${key} must be a non-negative integer, got ${value}.`);
      limits[key] = value;
    }
  }
  return limits;
}

/** The end-of-central-directory record: the last one whose comment reaches exactly to the end. */
function findEndOfCentralDirectory(reader: ByteReader): number {
  const last = reader.bytes.length - END_OF_CENTRAL_DIRECTORY_LENGTH;
  if (last < 0) throw corrupt('it is too short to be a ZIP archive');
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let at = last; at >= first; at -= 1) {
    if (reader.u32(at) === END_OF_CENTRAL_DIRECTORY_SIGNATURE && at + END_OF_CENTRAL_DIRECTORY_LENGTH + reader.u16(at + 20) === reader.bytes.length) {
      return at;
    }
  }
  throw corrupt('it is not a ZIP archive');
}

function fileTypeProblem(versionMadeBy: number, externalAttributes: number, isFolder: boolean): string | null {
  const host = versionMadeBy >>> 8;
  if (host === HOST_UNIX || host === HOST_MACOS) {
    const type = (externalAttributes >>> 16) & UNIX_FILE_TYPE_MASK;
    if (type === UNIX_SYMLINK) return 'is a symbolic link';
    if (type === UNIX_DIRECTORY && !isFolder) return 'is marked as a folder but named as a file';
    if (type !== 0 && type !== UNIX_REGULAR_FILE && type !== UNIX_DIRECTORY) return 'is a special file (a device, pipe or socket)';
  }
  if ((host === HOST_MS_DOS || host === HOST_NTFS || host === HOST_VFAT) && externalAttributes & WINDOWS_REPARSE_POINT) {
    return 'is a Windows link (reparse point)';
  }
  // Every host keeps the MS-DOS attributes in the low byte.
  if (externalAttributes & DOS_DIRECTORY && !isFolder) return 'is marked as a folder but named as a file';
  return null;
}

/** The entry's name, checked against the path policy before anything else about it is read. */
function entryName(nameBytes: Uint8Array, limits: ArchiveLimits): { name: string; path: string; isFolder: boolean } {
  if (nameBytes.length > limits.maxPathLength * MAX_UTF8_BYTES_PER_CHARACTER + 1) {
    const shown = strFromU8(nameBytes.subarray(0, 240));
    throw new ArchiveError('unsafe-path', `The archive contains an unsafe entry ${quote(shown)}: its name is longer than ${limits.maxPathLength} characters.`, {
      entry: shown,
    });
  }
  const name = decodeName(nameBytes);
  if (name === null) {
    const shown = strFromU8(nameBytes);
    throw new ArchiveError(
      'unsafe-path',
      `The archive entry ${quote(shown)} has a name that is not valid UTF-8 text (it was probably written by a tool using another character set).`,
      { entry: shown },
    );
  }
  const isFolder = name.endsWith('/');
  const path = isFolder ? name.slice(0, -1) : name;
  const problem = pathProblem(path, limits);
  if (problem) throw new ArchiveError('unsafe-path', `The archive contains an unsafe entry ${quote(name)}: its name ${problem}.`, { entry: name });
  return { name, path, isFolder };
}

/** Reads and checks the table of contents: counts, names, kinds, methods and declared sizes, all
 * before a single byte is inflated. */
function readTableOfContents(reader: ByteReader, limits: ArchiveLimits): { entries: TocEntry[]; centralDirectoryOffset: number } {
  const end = findEndOfCentralDirectory(reader);
  if (end >= ZIP64_LOCATOR_LENGTH && reader.u32(end - ZIP64_LOCATOR_LENGTH) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ArchiveError('unsupported-entry', 'The archive uses ZIP64 extensions, which Attaché archives never need.');
  }
  const diskNumber = reader.u16(end + 4);
  const centralDirectoryDisk = reader.u16(end + 6);
  const entriesOnDisk = reader.u16(end + 8);
  const entryCount = reader.u16(end + 10);
  const centralDirectorySize = reader.u32(end + 12);
  const centralDirectoryOffset = reader.u32(end + 16);
  if (diskNumber !== 0 || centralDirectoryDisk !== 0 || entriesOnDisk !== entryCount) throw corrupt('it is split across several files');
  if (entryCount > limits.maxEntries) {
    throw new ArchiveError('too-many-entries', `The archive contains ${entryCount} entries; at most ${limits.maxEntries} are allowed.`);
  }
  if (centralDirectoryOffset + centralDirectorySize !== end) throw corrupt('its table of contents is not where it should be');

  const entries: TocEntry[] = [];
  const paths = new PackPathSet();
  let declaredTotal = 0;
  let at = centralDirectoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (at + CENTRAL_HEADER_LENGTH > end || reader.u32(at) !== CENTRAL_HEADER_SIGNATURE) throw corrupt('its table of contents is damaged');
    const versionMadeBy = reader.u16(at + 4);
    const flags = reader.u16(at + 8);
    const method = reader.u16(at + 10);
    const crc = reader.u32(at + 16);
    const compressedSize = reader.u32(at + 20);
    const declaredSize = reader.u32(at + 24);
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    const startDisk = reader.u16(at + 34);
    const externalAttributes = reader.u32(at + 38);
    const localOffset = reader.u32(at + 42);
    const nameBytes = reader.slice(at + CENTRAL_HEADER_LENGTH, nameLength);
    at += CENTRAL_HEADER_LENGTH + nameLength + extraLength + commentLength;
    if (at > end) throw corrupt('its table of contents is damaged');

    const { name, path, isFolder } = entryName(nameBytes, limits);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS) || method === METHOD_AES) {
      throw new ArchiveError('unsupported-entry', `The archive entry ${quote(name)} is password-protected.`, { entry: name });
    }
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
      throw new ArchiveError('unsupported-entry', `The archive entry ${quote(name)} uses a compression method (${method}) that Attaché does not read.`, {
        entry: name,
      });
    }
    const typeProblem = fileTypeProblem(versionMadeBy, externalAttributes, isFolder);
    if (typeProblem) throw new ArchiveError('unsupported-entry', `The archive entry ${quote(name)} ${typeProblem}.`, { entry: name });
    if (startDisk !== 0) throw corrupt('it is split across several files', name);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ArchiveError('unsupported-entry', `The archive entry ${quote(name)} uses ZIP64 sizes, which Attaché archives never need.`, { entry: name });
    }
    // Declared sizes may refuse an entry early; they are never trusted to accept one.
    if (declaredSize > limits.maxEntryBytes) {
      throw new ArchiveError('entry-too-large', `The archive entry ${quote(name)} expands to more than ${formatMiB(limits.maxEntryBytes)}.`, {
        entry: name,
      });
    }
    declaredTotal += declaredSize;
    const clash = paths.add(path, isFolder ? 'folder' : 'file');
    if (clash) throw new ArchiveError('duplicate-entry', describeClash(clash, 'The archive'), { entry: clash.path });
    entries.push({ name, nameBytes, path, isFolder, flags, method, crc, compressedSize, declaredSize, localOffset });
  }
  if (at !== end) throw corrupt('its table of contents is damaged');
  if (declaredTotal > limits.maxTotalBytes) {
    throw new ArchiveError('expands-too-far', `The archive's files expand to more than ${formatMiB(limits.maxTotalBytes)} in total.`);
  }
  return { entries, centralDirectoryOffset };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Finds each entry's data through its local header, which must agree with the table of contents.
 * Entries may not overlap: overlapping entries are how the smallest ZIP bombs multiply. */
function locateEntries(reader: ByteReader, entries: readonly TocEntry[], centralDirectoryOffset: number): LocatedEntry[] {
  const located = entries.map((entry): LocatedEntry => {
    const at = entry.localOffset;
    if (at + LOCAL_HEADER_LENGTH > centralDirectoryOffset || reader.u32(at) !== LOCAL_HEADER_SIGNATURE) {
      throw corrupt(`the entry ${quote(entry.name)} is missing`, entry.name);
    }
    const flags = reader.u16(at + 6);
    const method = reader.u16(at + 8);
    const nameLength = reader.u16(at + 26);
    const extraLength = reader.u16(at + 28);
    const headersAgree =
      method === entry.method &&
      (flags & FLAG_ENCRYPTED) === (entry.flags & FLAG_ENCRYPTED) &&
      sameBytes(reader.slice(at + LOCAL_HEADER_LENGTH, nameLength), entry.nameBytes) &&
      (entry.flags & FLAG_DATA_DESCRIPTOR ||
        (reader.u32(at + 14) === entry.crc && reader.u32(at + 18) === entry.compressedSize && reader.u32(at + 22) === entry.declaredSize));
    if (!headersAgree) throw corrupt(`the two headers of the entry ${quote(entry.name)} disagree`, entry.name);
    const dataStart = at + LOCAL_HEADER_LENGTH + nameLength + extraLength;
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > centralDirectoryOffset) throw corrupt(`the entry ${quote(entry.name)} is cut short`, entry.name);
    return { ...entry, dataStart, dataEnd };
  });
  const inFileOrder = [...located].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < inFileOrder.length; i += 1) {
    const previous = inFileOrder[i - 1];
    const current = inFileOrder[i];
    if (previous && current && current.localOffset < previous.dataEnd) {
      throw corrupt(`the entries ${quote(previous.name)} and ${quote(current.name)} overlap`, current.name);
    }
  }
  return inFileOrder;
}

// ---------------------------------------------------------------------------------------------
// Reading: the data

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let bit = 0; bit < 8; bit += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** ZIP's CRC-32 (fflate computes it when writing but does not export it); pass the previous result
 * to continue over another chunk. */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i += 1) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

/** Compressed input fed to the inflater at a time: DEFLATE expands at most about 1032-fold, so one
 * step overshoots a limit by at most about 4 MiB before the counter sees it and stops. */
const INFLATE_STEP_BYTES = 4096;

interface ExpansionBudget {
  readonly limits: ArchiveLimits;
  /** Bytes already expanded from earlier entries. */
  total: number;
  /** The description file's name: held to MAX_MANIFEST_BYTES. */
  readonly describedBy: string;
}

/** The description of 2,000 files with the longest paths takes under 2 MiB; a larger one is not
 * Attaché's, and is refused before it costs a parse. */
const MAX_MANIFEST_BYTES = 4 * MiB;

function manifestTooLarge(describedBy: string = ARCHIVE_MANIFEST_PATH): ArchiveError {
  return new ArchiveError('bad-manifest', `The archive's description (${describedBy}) is larger than ${formatMiB(MAX_MANIFEST_BYTES)}.`, {
    entry: describedBy,
  });
}

/** Inflates one entry with a running count of the bytes it really produces: the count, not the
 * header, decides when to stop. */
function expandEntry(reader: ByteReader, entry: LocatedEntry, budget: ExpansionBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let crc = 0;
  const isManifest = entry.name === budget.describedBy;
  const accept = (chunk: Uint8Array): void => {
    size += chunk.length;
    if (isManifest && size > MAX_MANIFEST_BYTES) throw manifestTooLarge(budget.describedBy);
    if (size > budget.limits.maxEntryBytes) {
      throw new ArchiveError('entry-too-large', `The archive entry ${quote(entry.name)} expands to more than ${formatMiB(budget.limits.maxEntryBytes)}.`, {
        entry: entry.name,
      });
    }
    if (budget.total + size > budget.limits.maxTotalBytes) {
      throw new ArchiveError(
        'expands-too-far',
        `The archive's files expand to more than ${formatMiB(budget.limits.maxTotalBytes)} in total (passed while expanding ${quote(entry.name)}).`,
        { entry: entry.name },
      );
    }
    crc = crc32(chunk, crc);
    chunks.push(chunk);
  };

  const data = reader.bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === METHOD_STORED) {
    accept(data.slice());
  } else {
    const inflate = new Inflate((chunk) => accept(chunk));
    try {
      if (data.length === 0) inflate.push(data, true);
      for (let at = 0; at < data.length; at += INFLATE_STEP_BYTES) {
        const stepEnd = Math.min(at + INFLATE_STEP_BYTES, data.length);
        inflate.push(data.subarray(at, stepEnd), stepEnd === data.length);
      }
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw corrupt(`the entry ${quote(entry.name)} is damaged`, entry.name);
    }
  }
  if (size !== entry.declaredSize) {
    throw corrupt(`the entry ${quote(entry.name)} declares ${entry.declaredSize} bytes but holds ${size}`, entry.name);
  }
  if (crc !== entry.crc) throw corrupt(`the entry ${quote(entry.name)} is damaged (its checksum does not match)`, entry.name);
  budget.total += size;

  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading: the description file

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits');
const metaText = z
  .string()
  .min(1)
  .max(PACK_META_MAX_LENGTH)
  .refine((value) => metaProblem(value) === null, 'must not contain control characters');

const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  packId: metaText,
  packVersion: metaText,
  contentHash: sha256Hex,
  files: z.array(z.strictObject({ path: z.string(), size: z.number().int().nonnegative(), sha256: sha256Hex })),
});

function parseManifest(bytes: Uint8Array): ArchiveManifest {
  const badManifest = (detail: string): ArchiveError =>
    new ArchiveError('bad-manifest', `The archive's description (${ARCHIVE_MANIFEST_PATH}) ${detail}.`, { entry: ARCHIVE_MANIFEST_PATH });
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    throw badManifest('is not valid JSON');
  }
  if (typeof json === 'object' && json !== null && 'format' in json && typeof json.format === 'number' && json.format > ARCHIVE_FORMAT) {
    throw badManifest(`uses format ${json.format}, made by a newer version of Attaché`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    throw badManifest(`is not valid${where}: ${issue?.message ?? 'unexpected content'}`);
  }
  const listed = new Set<string>();
  for (const file of parsed.data.files) {
    if (listed.has(file.path)) throw badManifest(`lists ${quote(file.path)} twice`);
    listed.add(file.path);
  }
  return parsed.data;
}

function checkAgainstManifest(files: PackFiles, manifest: ArchiveManifest): void {
  const mismatch = (message: string, entry: string): ArchiveError => new ArchiveError('manifest-mismatch', message, { entry });
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const data = files.get(file.path);
    if (data === undefined) throw mismatch(`The archive's description lists ${quote(file.path)}, but the archive does not contain it.`, file.path);
    if (data.length !== file.size) {
      throw mismatch(`The file ${quote(file.path)} has ${data.length} bytes, but the archive's description says ${file.size}.`, file.path);
    }
    if (bytesToHex(sha256(data)) !== file.sha256) {
      throw mismatch(`The file ${quote(file.path)} was changed after the archive was built.`, file.path);
    }
  }
  for (const path of files.keys()) {
    if (!listed.has(path)) throw mismatch(`The archive contains ${quote(path)}, which its description does not list.`, path);
  }
  if (contentHash(files) !== manifest.contentHash) {
    throw new ArchiveError('hash-mismatch', 'The archive was altered after it was built: its content does not match its recorded fingerprint.');
  }
}

/**
 * Every file of a ZIP that holds a description file named `describedBy`, with all the checks
 * {@link readArchive} makes before it reads that file: sizes, names, kinds, headers, overlaps, metered
 * inflation and checksums. Other formats built like pack archives (backups) read their ZIPs through
 * it and check their own description. Folder entries are accepted when empty and left out.
 */
export function readZipEntries(bytes: Uint8Array, limits: Partial<ArchiveLimits>, describedBy: string): Map<string, Uint8Array> {
  const resolved = resolveLimits(limits);
  if (bytes.length > resolved.maxArchiveBytes) {
    throw new ArchiveError('too-large', `The archive is larger than ${formatMiB(resolved.maxArchiveBytes)}.`);
  }
  const reader = new ByteReader(bytes);
  const { entries, centralDirectoryOffset } = readTableOfContents(reader, resolved);
  const manifestEntry = entries.find((entry) => entry.name === describedBy);
  if (!manifestEntry) throw new ArchiveError('missing-manifest', `The archive has no description file (${describedBy}).`);
  if (manifestEntry.declaredSize > MAX_MANIFEST_BYTES) throw manifestTooLarge(describedBy);

  const budget: ExpansionBudget = { limits: resolved, total: 0, describedBy };
  const expanded = new Map<string, Uint8Array>();
  for (const entry of locateEntries(reader, entries, centralDirectoryOffset)) {
    const data = expandEntry(reader, entry, budget);
    if (entry.isFolder) {
      if (data.length > 0) throw new ArchiveError('unsupported-entry', `The folder entry ${quote(entry.name)} holds data.`, { entry: entry.name });
    } else {
      expanded.set(entry.name, data);
    }
  }
  return expanded;
}

/**
 * Opens an `.attache` archive, refusing with an {@link ArchiveError} anything that is not exactly a
 * pack as {@link buildArchive} writes it (any ZIP tool may have compressed it). The returned files
 * exclude the description file; folder entries are accepted when empty and left out. Whatever the
 * bytes, the outcome is the pack or an ArchiveError, and the work is bounded by the limits.
 */
export function readArchive(bytes: Uint8Array, limits: Partial<ArchiveLimits> = {}): { files: PackFiles; manifest: ArchiveManifest } {
  const expanded = readZipEntries(bytes, limits, ARCHIVE_MANIFEST_PATH);
  const manifest = parseManifest(expanded.get(ARCHIVE_MANIFEST_PATH) ?? new Uint8Array(0));
  expanded.delete(ARCHIVE_MANIFEST_PATH);
  const files: PackFiles = new Map();
  for (const path of sortPaths(expanded.keys())) files.set(path, expanded.get(path) ?? new Uint8Array(0));
  checkAgainstManifest(files, manifest);
  return { files, manifest };
}
