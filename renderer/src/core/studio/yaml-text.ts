// Runtime: any (pure core). The YAML text of one pack file as the studio reads and edits it: parsed
// once per distinct text (an edit that reads a value, or a form that shows forty fields, does not
// re-parse the file each time), and changed through the `yaml` Document API so that comments, key
// order and quoting styles survive a form's edit.
import { isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, ToStringOptions } from 'yaml';
import { YAML_LIMITS } from '../pack/limits';

export type PathKey = string | number;

/** One file's text, parsed. `document` is null when the text is not valid YAML (or too large). */
export interface ParsedText {
  readonly document: Document.Parsed | null;
  readonly lineCounter: LineCounter;
  /** The plain value of the document (undefined when it does not parse). */
  readonly value: unknown;
  /** Why the text could not be parsed: the parser's first message, or 'too-large'. */
  readonly problem: string | null;
}

/** Distinct texts kept parsed: the files of a large pack and a few recent versions (a parsed file weighs ~20 times its text). */
const CACHE_SIZE = 48;
const cache = new Map<string, ParsedText>();

function parseUncached(text: string): ParsedText {
  const lineCounter = new LineCounter();
  // Each character is at least one byte: a text longer than the limit is over it.
  if (text.length > YAML_LIMITS.maxFileBytes) return { document: null, lineCounter, value: undefined, problem: 'too-large' };
  // A file from elsewhere may nest deeper than the parser's recursion goes, or expand its aliases
  // past the limit: either way it is a file the forms cannot edit, never a crash.
  try {
    const document = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false });
    const first = document.errors[0];
    if (first) return { document: null, lineCounter, value: undefined, problem: first.message.split('\n')[0] ?? first.message };
    return { document, lineCounter, value: plainValue(document), problem: null };
  } catch (error) {
    return { document: null, lineCounter, value: undefined, problem: error instanceof Error ? error.message : 'unreadable' };
  }
}

/** The parsed form of `text`, from the cache when this text was parsed recently. Never throws. */
export function parseText(text: string): ParsedText {
  const cached = cache.get(text);
  if (cached) {
    // Re-inserted so that the map's order is the order of last use.
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const parsed = parseUncached(text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, parsed);
  return parsed;
}

/** The plain value at `path` inside `value`, or undefined. */
export function valueAt(value: unknown, path: readonly PathKey[]): unknown {
  let here = value;
  for (const key of path) {
    if (Array.isArray(here)) {
      if (typeof key !== 'number') return undefined;
      here = here[key];
    } else if (here !== null && typeof here === 'object') {
      const record = here as Record<string, unknown>;
      if (!Object.prototype.hasOwnProperty.call(record, String(key))) return undefined;
      here = record[String(key)];
    } else {
      return undefined;
    }
  }
  return here;
}

/** A copy of the plain `value` with `replacement` at `path` (which exists), sharing all else. */
export function withValueAt(value: unknown, path: readonly PathKey[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[key as number] = withValueAt(value[key as number], rest, replacement);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [String(key)]: withValueAt(record[String(key)], rest, replacement) };
}

/** Why an edit of a parsed document cannot apply. */
export type TreeEditProblem = 'bad-path' | 'not-a-list';

export class TreeEditRefused extends Error {
  constructor(
    readonly problem: TreeEditProblem,
    readonly at: readonly PathKey[],
  ) {
    super(problem);
    this.name = 'TreeEditRefused';
  }
}

export function isScalarValue(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The node at `path`, or undefined when a step is missing; refuses a path through a scalar. */
function nodeAt(document: Document, path: readonly PathKey[]): unknown {
  let node: unknown = document.contents;
  for (const [index, key] of path.entries()) {
    if (node === null || node === undefined) return undefined;
    if (!isCollection(node)) throw new TreeEditRefused('bad-path', path.slice(0, index));
    node = node.get(key, true);
  }
  return node;
}

function checkKey(parent: unknown, key: PathKey, at: readonly PathKey[], allowEnd: boolean): void {
  if (isSeq(parent)) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key > parent.items.length - (allowEnd ? 0 : 1))
      throw new TreeEditRefused('bad-path', at);
  } else if (isMap(parent)) {
    if (typeof key !== 'string') throw new TreeEditRefused('bad-path', at);
  }
}

/** Sets `value` at `path`, creating the mappings on the way; keeps a scalar's node (its quoting and comments). */
export function setIn(document: Document, path: readonly PathKey[], value: unknown): void {
  if (path.length === 0) {
    document.contents = document.createNode(value) as YamlNode;
    return;
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = nodeAt(document, parentPath);
  if (parent === undefined || parent === null) {
    // Missing on the way: create the rest as mappings (lists when the key is a number).
    let created: unknown = value;
    for (let index = path.length - 1; index >= 0; index -= 1) {
      const step = path[index]!;
      const existing = nodeAt(document, path.slice(0, index));
      if (existing !== undefined && existing !== null) {
        checkKey(existing, step, path.slice(0, index + 1), true);
        (existing as { set(key: unknown, value: unknown): void }).set(step, document.createNode(created));
        return;
      }
      if (index === 0) {
        document.contents = document.createNode(typeof step === 'number' ? [created] : { [step]: created }) as YamlNode;
        return;
      }
      if (typeof step === 'number' && step !== 0) throw new TreeEditRefused('bad-path', path.slice(0, index + 1));
      created = typeof step === 'number' ? [created] : { [step]: created };
    }
    return;
  }
  if (!isCollection(parent)) throw new TreeEditRefused('bad-path', parentPath);
  checkKey(parent, key, path, true);
  if (isSeq(parent) && key === parent.items.length) {
    parent.items.push(document.createNode(value));
    return;
  }
  const current = parent.get(key, true);
  const kept = assignInto(document, current, value);
  if (kept !== current) parent.set(key, kept);
}

/** Whether a collection reads well written `[a, b]` or `{ a: 1 }`: it holds no collection. */
function fitsOnOneLine(value: unknown): boolean {
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [];
  return items.every((item) => isScalar(item) || item === null || typeof item !== 'object');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * `value` written into the existing node `current`: a scalar keeps its node (its quoting and its
 * comment), a mapping keeps its keys' order and comments and gains, changes and loses only what
 * differs, a list likewise item by item. Returns the node to hold the value: `current` itself, or
 * a new node (keeping a flow collection's `[a, b]` style).
 */
function assignInto(document: Document, current: unknown, value: unknown): unknown {
  if (isScalar(current) && isScalarValue(value)) {
    current.value = value;
    return current;
  }
  if (isMap(current) && isPlainObject(value)) {
    for (const pair of [...current.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : typeof pair.key === 'string' ? pair.key : null;
      if (key === null || !Object.prototype.hasOwnProperty.call(value, key) || value[key] === undefined) current.delete(pair.key);
    }
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const existing = current.get(key, true);
      const kept = assignInto(document, existing, item);
      if (kept !== existing) current.set(key, kept);
    }
    return current;
  }
  if (isSeq(current) && Array.isArray(value)) {
    if (current.flow && !fitsOnOneLine(value)) current.flow = false;
    value.forEach((item, index) => {
      const existing = current.items[index];
      const kept = index < current.items.length ? assignInto(document, existing, item) : document.createNode(item);
      if (kept !== existing) current.items[index] = kept;
    });
    current.items.splice(value.length);
    return current;
  }
  const created = document.createNode(value);
  if (isCollection(current) && isCollection(created) && current.flow && fitsOnOneLine(value)) created.flow = true;
  return created;
}

/** Removes the key or list item at `path`; nothing happens when it is already missing. */
export function deleteIn(document: Document, path: readonly PathKey[]): void {
  if (path.length === 0) {
    document.contents = null;
    return;
  }
  const parent = nodeAt(document, path.slice(0, -1));
  if (!isCollection(parent)) return;
  parent.delete(path[path.length - 1]!);
}

/** Adds `value` to the list at `path` (before `index`, else at its end); a missing list is created. */
export function insertIn(document: Document, path: readonly PathKey[], value: unknown, index?: number): void {
  const list = nodeAt(document, path);
  if (list === undefined || list === null) {
    if (index !== undefined && index !== 0) throw new TreeEditRefused('bad-path', path);
    setIn(document, path, [value]);
    return;
  }
  if (!isSeq(list)) throw new TreeEditRefused('not-a-list', path);
  // `[]` filled with mappings is written as a block list, one item under the other.
  if (list.flow && !fitsOnOneLine([...list.items, value])) list.flow = false;
  const at = index ?? list.items.length;
  if (!Number.isInteger(at) || at < 0 || at > list.items.length) throw new TreeEditRefused('bad-path', [...path, at]);
  list.items.splice(at, 0, document.createNode(value));
}

/**
 * How a changed document is written back. No folding (a re-typed paragraph stays one line, and
 * untouched folded paragraphs keep their words), flow lists written as `[en, ru]` like the
 * library's files, and the list indentation the file already uses.
 */
/** Whether two plain values (as YAML reads them) are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue(a[key], b[key]));
  }
  return false;
}

/** The plain value of an edited document. */
export function plainValue(document: Document): unknown {
  return document.toJS({ maxAliasCount: YAML_LIMITS.maxAliases });
}

export function stringifyOptions(originalText: string): ToStringOptions {
  const unindentedLists = /^([ \t]*)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\r?\n\1- /m.test(originalText);
  return { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: !unindentedLists };
}
