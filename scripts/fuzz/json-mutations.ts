// Runtime: Node (scripts). Hostile changes to parsed JSON records: a value somewhere in the record
// replaced by one of the wrong type, out of range, odd text or megabytes of it, a field dropped or an
// unknown one added (`__proto__` among them), an array emptied or repeated. Used on progress files'
// records and backups' rows alike.
import type { Rng } from './random';
import { oddString } from './random';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HOSTILE_VALUES: readonly Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53,
  101,
  '',
  'x',
  '0',
  'NaN',
  'undefined',
  [],
  {},
  [null],
  { a: 1 },
];

/** Every path to a value inside `value`, parents before children, at most `limit` of them. */
function paths(value: Json, limit = 20_000): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const stack: Array<{ value: Json; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length && out.length < limit) {
    const { value: current, path } = stack.pop()!;
    out.push(path);
    if (Array.isArray(current)) current.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    else if (current && typeof current === 'object') for (const [key, item] of Object.entries(current)) stack.push({ value: item, path: [...path, key] });
  }
  return out;
}

function parentOf(root: Json, path: ReadonlyArray<string | number>): Json {
  let at = root;
  for (const part of path.slice(0, -1)) at = (at as Record<string | number, Json>)[part]!;
  return at;
}

/** A value a record never holds there: the wrong type, the edge of a range, odd or huge text, or deep nesting. */
export function hostileValue(rng: Rng): Json {
  const shape = rng.pick(['plain', 'plain', 'odd-text', 'long-text', 'nested', 'wide']);
  if (shape === 'plain') return rng.pick(HOSTILE_VALUES);
  if (shape === 'odd-text') return oddString(rng, rng.pick([1, 40, 500]));
  if (shape === 'long-text') return 'x'.repeat(rng.pick([401, 20_001, 1_000_001, 3_000_000]));
  if (shape === 'nested') {
    let nested: Json = 1;
    for (let depth = rng.pick([10, 70, 2_000]); depth > 0; depth -= 1) nested = rng.chance(0.5) ? [nested] : { a: nested };
    return nested;
  }
  return Array.from({ length: rng.pick([1_000, 100_000]) }, (_, index) => index);
}

/** `record` (parsed JSON, changed in place) with 1–`most` hostile changes; returns it. */
export function mutateJson(rng: Rng, record: Json, most = 3): Json {
  for (let n = rng.between(1, most); n > 0; n -= 1) {
    const all = paths(record);
    const path = rng.pick(all.slice(1).length ? all.slice(1) : all);
    if (path.length === 0) return hostileValue(rng);
    const parent = parentOf(record, path) as Record<string | number, Json> | Json[];
    const last = path[path.length - 1]!;
    const change = rng.pick(['replace', 'replace', 'replace', 'drop', 'add-field', 'repeat']);
    if (change === 'replace') (parent as Record<string | number, Json>)[last] = hostileValue(rng);
    else if (change === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (change === 'add-field' && !Array.isArray(parent)) {
      const key = rng.pick(['__proto__', 'constructor', 'extra', '', 'uid ', oddString(rng, 8)]);
      Object.defineProperty(parent, key, { value: hostileValue(rng), enumerable: true, writable: true, configurable: true });
    } else if (Array.isArray(parent)) {
      const item = parent[Number(last)]!;
      // The record grows to about 20 MB at most: past the readers' limits, within the generator's memory.
      // Copies are whole copies, so that a later change to one changes one, and the size adds up.
      const room = Math.max(0, 20_000_000 - JSON.stringify(record).length);
      const size = JSON.stringify(item).length + 1;
      for (let copies = Math.min(rng.pick([1, 10, 5_000]), Math.floor(room / size)); copies > 0; copies -= 1) parent.push(structuredClone(item));
    } else (parent as Record<string | number, Json>)[last] = hostileValue(rng);
  }
  return record;
}

export function parseJson(bytes: Uint8Array): Json {
  return JSON.parse(new TextDecoder().decode(bytes)) as Json;
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** JSON text nested `depth` levels: arrays or objects, the deepest holding a number. */
export function deepJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

export type { Json };
