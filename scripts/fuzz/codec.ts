// Runtime: Node (scripts). Fuzz inputs written to disk and read back exactly: bytes (gzipped,
// base64), NaN, infinities, -0 and undefined survive the trip through JSON, so a saved failing
// event log or file map is the very input that failed.
import { gunzipSync, gzipSync } from 'fflate';

type Tagged = { $bytes: string } | { $number: 'NaN' | 'Infinity' | '-Infinity' | '-0' } | { $undefined: true } | { $map: Array<[unknown, unknown]> };

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(gzipSync(value, { level: 9, mtime: 0 })).toString('base64') } satisfies Tagged;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' };
    if (value === Number.POSITIVE_INFINITY) return { $number: 'Infinity' };
    if (value === Number.NEGATIVE_INFINITY) return { $number: '-Infinity' };
    if (Object.is(value, -0)) return { $number: '-0' };
    return value;
  }
  if (value === undefined) return { $undefined: true };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encodeValue(k), encodeValue(v)]) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty keeps keys such as __proto__ as plain data.
    for (const [key, inner] of Object.entries(value)) Object.defineProperty(out, key, { value: encodeValue(inner), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1) {
      if (typeof record.$bytes === 'string') return gunzipSync(Buffer.from(record.$bytes, 'base64'));
      if (typeof record.$number === 'string') return record.$number === '-0' ? -0 : Number(record.$number);
      if (record.$undefined === true) return undefined;
      if (Array.isArray(record.$map)) return new Map((record.$map as Array<[unknown, unknown]>).map(([k, v]) => [decodeValue(k), decodeValue(v)]));
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) Object.defineProperty(out, key, { value: decodeValue(record[key]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

export function encodeJson(value: unknown): string {
  return JSON.stringify(encodeValue(value), null, 1);
}

export function decodeJson(text: string): unknown {
  return decodeValue(JSON.parse(text));
}
