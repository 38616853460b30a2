// Runtime: any (pure core). The one rule for the names of files in a scenario pack, applied alike
// to archive entries (archive.ts) and to pack folders read from disk (scripts/lib/pack-files.ts).
//
// A pack is unpacked and edited on Windows, macOS and Linux, so a name must be a plain relative
// path that every one of them stores as the same single file inside the pack folder.

export interface PathLimits {
  /** Characters (UTF-16 code units, as Windows counts them) in a path. */
  readonly maxPathLength: number;
  /** Segments in a path, the file name included: `media/a.png` has 2. */
  readonly maxPathDepth: number;
}

export const PATH_LIMITS: PathLimits = Object.freeze({ maxPathLength: 240, maxPathDepth: 8 });

/** Bytes in one file or folder name: what ext4, APFS and NTFS (in UTF-16) all hold. */
export const MAX_NAME_BYTES = 255;

/** C0/C1 controls, line and paragraph separators, zero-width spaces and byte-order marks, and the
 * bidirectional overrides that can make `gpj.exe` read as `exe.jpg` in a file list. */
const INVISIBLE_CHARACTERS = /[\p{Cc}\u200b\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
const INVISIBLE_OR_BROKEN = /[\p{Cc}\p{Cs}\u200b\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const LONE_SURROGATE = /\p{Cs}/u;
const DRIVE_LETTER = /^[A-Za-z]:/;
/** Characters Windows refuses in file names. */
const WINDOWS_FORBIDDEN_CHARACTERS = /[<>:"|?*]/;
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when a string holds invisible controls or broken surrogates (for IDs and other short texts). */
export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE_CHARACTERS.test(text) || LONE_SURROGATE.test(text);
}

/**
 * Why `path` cannot name a file in a pack, as a clause that follows "its name" ("is empty"), or null
 * when it can. Checks run cheapest first, and the length check comes before any per-segment work.
 */
export function pathProblem(path: string, limits: PathLimits = PATH_LIMITS): string | null {
  if (path.length === 0) return 'is empty';
  // ZIP writers keyed by name in plain objects (fflate's zipSync among them) lose this one name.
  if (path === '__proto__') return 'is "__proto__", which ZIP tools cannot store';
  if (INVISIBLE_CHARACTERS.test(path)) return 'contains invisible control characters';
  if (LONE_SURROGATE.test(path)) return 'is not valid text';
  if (path.includes('\\')) return 'uses backslashes (\\); paths in a pack use forward slashes';
  if (path.startsWith('/')) return 'is an absolute path (it starts with "/")';
  if (DRIVE_LETTER.test(path)) return 'starts with a Windows drive letter';
  if (path.length > limits.maxPathLength) return `is longer than ${limits.maxPathLength} characters`;
  const segments = path.split('/');
  if (segments.includes('..')) return 'points outside the pack folder ("..")';
  if (segments.includes('.')) return 'contains a "." folder';
  if (segments.includes('')) return 'contains an empty folder name ("//" or a trailing "/")';
  if (segments.length > limits.maxPathDepth) return `is nested deeper than ${limits.maxPathDepth} levels`;
  if (WINDOWS_FORBIDDEN_CHARACTERS.test(path)) return 'contains a character that Windows does not allow (< > : " | ? *)';
  for (const segment of segments) {
    if (segment.endsWith('.') || segment.endsWith(' ')) return 'has a part that ends with a dot or a space, which Windows does not allow';
    if (WINDOWS_RESERVED_NAME.test(segment)) return 'has a part that Windows reserves for devices (such as CON or NUL)';
    if (encoder.encode(segment).length > MAX_NAME_BYTES) return `has a part longer than ${MAX_NAME_BYTES} bytes, which file systems do not hold`;
  }
  return null;
}

/** The text of a name stored as UTF-8 bytes, or null when the bytes are not valid UTF-8 (a name
 * written in a legacy code page, or damaged): such a name would be shown and saved differently on
 * every machine. */
export function decodeName(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Names go into messages shown to people: make controls visible and keep them short. */
export function quotePath(name: string): string {
  const visible = name.replace(INVISIBLE_OR_BROKEN, (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
  return `"${visible.length > 120 ? `${visible.slice(0, 117)}...` : visible}"`;
}

/** Two paths with the same key would overwrite each other on a case-insensitive or normalising
 * file system (Windows, macOS). */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** Paths in byte-wise UTF-8 order, which depends neither on the locale nor on JavaScript's UTF-16 order. */
export function sortPaths(paths: Iterable<string>): string[] {
  return [...paths]
    .map((path) => ({ path, bytes: encoder.encode(path) }))
    .sort((a, b) => compareBytes(a.bytes, b.bytes))
    .map(({ path }) => path);
}

export type PathClash =
  /** The same name twice. */
  | { readonly kind: 'same'; readonly earlier: string; readonly path: string }
  /** Two names that differ only in letter case or Unicode normalisation. */
  | { readonly kind: 'case'; readonly earlier: string; readonly path: string }
  /** A file that another path uses as a folder; `path` is the file. */
  | { readonly kind: 'file-and-folder'; readonly earlier: string; readonly path: string };

/**
 * Collects the names of a pack one at a time and reports the first that could not live beside the
 * others on disk. Linear: each name costs one lookup per segment.
 */
export class PackPathSet {
  private readonly files = new Map<string, string>();
  /** Folders named by an entry of their own (archives may hold `media/`). */
  private readonly folders = new Map<string, string>();
  /** Every folder some path passes through, explicit or not. */
  private readonly parents = new Map<string, string>();

  /** Adds a checked path; returns the clash it causes, or null. */
  add(path: string, kind: 'file' | 'folder'): PathClash | null {
    const key = collisionKey(path);
    const earlierFile = this.files.get(key);
    const earlierFolder = this.folders.get(key);
    const earlier = earlierFile ?? earlierFolder;
    if (earlier !== undefined && (earlierFile === undefined) === (kind === 'folder')) {
      return { kind: earlier === path ? 'same' : 'case', earlier, path };
    }
    if (kind === 'file' && (earlierFolder !== undefined || this.parents.has(key))) {
      return { kind: 'file-and-folder', earlier: earlierFolder ?? this.parents.get(key) ?? path, path };
    }
    if (kind === 'folder' && earlierFile !== undefined) return { kind: 'file-and-folder', earlier: path, path: earlierFile };
    const segments = path.split('/');
    let parent = '';
    for (let depth = 0; depth < segments.length - 1; depth += 1) {
      parent = depth === 0 ? (segments[0] ?? '') : `${parent}/${segments[depth] ?? ''}`;
      const parentKey = collisionKey(parent);
      const fileThere = this.files.get(parentKey);
      if (fileThere !== undefined) return { kind: 'file-and-folder', earlier: path, path: fileThere };
      if (!this.parents.has(parentKey)) this.parents.set(parentKey, parent);
    }
    if (kind === 'file') this.files.set(key, path);
    else {
      this.folders.set(key, path);
      if (!this.parents.has(key)) this.parents.set(key, path);
    }
    return null;
  }
}

/** The clash as a sentence, for a pack held in `where` ("The archive", "The pack folder"). */
export function describeClash(clash: PathClash, where: string): string {
  switch (clash.kind) {
    case 'same':
      return `${where} contains ${quotePath(clash.path)} twice.`;
    case 'case':
      return `${where} contains ${quotePath(clash.earlier)} and ${quotePath(clash.path)}, which differ only in letter case or accents; some computers would treat them as one file.`;
    case 'file-and-folder':
      return `${where} has both a file and a folder named ${quotePath(clash.path)}.`;
  }
}
