// Runtime: Node (scripts). Fuzz inputs written to disk and read back exactly: bytes (gzipped,
// base64), NaN, infinities, -0 and undefined survive the trip through JSON, so a saved failing
// event log or file map is the very input that failed. Bytes equal to a file of the core library
// are written as a reference to it, which keeps saved packs small and their changes visible.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'fflate';

type Tagged =
  | { $bytes: string }
  | { $text: string }
  | { $library: string }
  | { $number: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $undefined: true }
  | { $map: Array<[unknown, unknown]> };

/** The files bytes may be written as references to, by path. */
export type Library = ReadonlyMap<string, Uint8Array>;

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let libraryIndex: { library: Library; byDigest: Map<string, string> } | null = null;
function pathInLibrary(bytes: Uint8Array, library: Library | undefined): string | null {
  if (!library || bytes.length < 64) return null;
  if (libraryIndex?.library !== library) libraryIndex = { library, byDigest: new Map([...library].map(([path, data]) => [digest(data), path])) };
  return libraryIndex.byDigest.get(digest(bytes)) ?? null;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** The bytes as text when they are UTF-8 that encodes back to the same bytes. */
function utf8(bytes: Uint8Array): string | null {
  try {
    const text = strictDecoder.decode(bytes);
    return Buffer.from(text, 'utf8').equals(bytes) ? text : null;
  } catch {
    return null;
  }
}

function encodeValue(value: unknown, library?: Library): unknown {
  if (value instanceof Uint8Array) {
    const path = pathInLibrary(value, library);
    if (path) return { $library: path } satisfies Tagged;
    // Text stays text, so the gzip around a saved input compresses across files.
    const text = utf8(value);
    if (text !== null) return { $text: text } satisfies Tagged;
    return { $bytes: Buffer.from(gzipSync(value, { level: 9, mtime: 0 })).toString('base64') } satisfies Tagged;
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' };
    if (value === Number.POSITIVE_INFINITY) return { $number: 'Infinity' };
    if (value === Number.NEGATIVE_INFINITY) return { $number: '-Infinity' };
    if (Object.is(value, -0)) return { $number: '-0' };
    return value;
  }
  if (value === undefined) return { $undefined: true };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encodeValue(k, library), encodeValue(v, library)]) };
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, library));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty keeps keys such as __proto__ as plain data.
    for (const [key, inner] of Object.entries(value))
      Object.defineProperty(out, key, { value: encodeValue(inner, library), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function decodeValue(value: unknown, library?: Library): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeValue(item, library));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1) {
      if (typeof record.$bytes === 'string') return gunzipSync(Buffer.from(record.$bytes, 'base64'));
      if (typeof record.$text === 'string') return new Uint8Array(Buffer.from(record.$text, 'utf8'));
      if (typeof record.$library === 'string') {
        const bytes = library?.get(record.$library);
        if (!bytes) throw new Error(`the saved input uses ${record.$library} of the core library, which is no longer there: save the input again`);
        return bytes.slice();
      }
      if (typeof record.$number === 'string') return record.$number === '-0' ? -0 : Number(record.$number);
      if (record.$undefined === true) return undefined;
      if (Array.isArray(record.$map))
        return new Map((record.$map as Array<[unknown, unknown]>).map(([k, v]) => [decodeValue(k, library), decodeValue(v, library)]));
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) Object.defineProperty(out, key, { value: decodeValue(record[key], library), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

export function encodeJson(value: unknown, library?: Library): string {
  return JSON.stringify(encodeValue(value, library), null, 1);
}

export function decodeJson(text: string, library?: Library): unknown {
  return decodeValue(JSON.parse(text), library);
}
