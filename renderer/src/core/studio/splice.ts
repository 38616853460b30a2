// Runtime: any (pure core). Writes a form's edit back into a file's text by changing only the lines
// it concerns. Re-printing the whole document from the `yaml` Document API would keep its comments
// but re-flow every folded paragraph and re-quote texts the author never touched, so the YAML view
// would show the whole file changed after a form set one number. Here the edited document (the
// Document API's result, which is the truth) gives the new text of the one node that changed, and
// that text replaces the node's lines in the original. The caller re-parses the result and falls
// back to the re-printed document unless it reads back exactly as the edited document: splicing
// is a way to keep the author's layout, never a second source of truth.
import { Document, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair, Scalar, ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import type { PathKey } from './yaml-text';

export type TreeOp =
  { kind: 'set'; path: readonly PathKey[] } | { kind: 'delete'; path: readonly PathKey[] } | { kind: 'insert'; path: readonly PathKey[]; index: number };

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Only spaces between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStart(text, offset), offset));
}

/** Only spaces and list dashes ("  - ") between the start of the line and `offset`: a mapping's first key. */
function startsEntry(text: string, offset: number): boolean {
  return /^ *(?:- +)*$/.test(text.slice(lineStart(text, offset), offset));
}

/** Indents every line after the first by `by` spaces (empty lines stay empty). */
function shift(rendered: string, by: number): string {
  if (!by) return rendered;
  const pad = ' '.repeat(by);
  return rendered
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : pad + line))
    .join('\n');
}

interface Step {
  node: unknown;
  /** The pair holding the node when its parent is a mapping. */
  pair: Pair | null;
  parent: YAMLMap | YAMLSeq | null;
}

/** The nodes from the root along `path`, as far as they exist. */
function walk(document: Document, path: readonly PathKey[]): Step[] {
  const steps: Step[] = [{ node: document.contents, pair: null, parent: null }];
  let node: unknown = document.contents;
  for (const key of path) {
    if (isMap(node)) {
      // Keys the Document API added are plain strings, keys read from the text are scalars.
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(key)) ?? null;
      if (!pair) break;
      steps.push({ node: pair.value, pair, parent: node });
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
      steps.push({ node: node.items[key], pair: null, parent: node });
      node = node.items[key];
    } else {
      break;
    }
  }
  return steps;
}

function nodeIn(document: Document, path: readonly PathKey[]): unknown {
  const steps = walk(document, path);
  return steps.length === path.length + 1 ? steps[steps.length - 1]!.node : undefined;
}

function rangeOf(node: unknown): [number, number, number] | null {
  const range = (node as YamlNode | null)?.range;
  return range ? [range[0], range[1], range[2]] : null;
}

/** The offset of the "- " that opens a list item, or null. */
function dashOf(text: string, item: unknown): number | null {
  const range = rangeOf(item);
  if (!range) return null;
  let at = range[0] - 1;
  while (at >= 0 && text[at] === ' ') at -= 1;
  return text[at] === '-' ? at : null;
}

/** Where the lines of a pair (or list item) end: after its value's last newline. */
function endOf(node: unknown, fallback: number): number {
  return rangeOf(node)?.[2] ?? fallback;
}

class Renderer {
  constructor(readonly options: ToStringOptions) {}

  /** `key: value` at column 0, ending with a newline; `keySource` keeps the author's spelling of an existing key. */
  pair(key: PathKey, value: unknown, keySource?: string): string {
    const holder = new Document({ k: null });
    const pair = (holder.contents as YAMLMap).items[0]!;
    if (keySource === undefined) pair.key = holder.createNode(key);
    pair.value = value as YamlNode;
    const out = holder.toString(this.options);
    return keySource === undefined ? out : keySource + out.slice(1);
  }

  /** `- value` at column 0, ending with a newline. */
  item(value: unknown): string {
    const holder = new Document([null]);
    (holder.contents as YAMLSeq).items[0] = value;
    return holder.toString(this.options);
  }

  /** A flow collection or a scalar as it is written after "key: ", without the final newline. */
  inline(value: unknown, inList: boolean): string {
    const out = inList ? this.item(value).slice(2) : this.pair('k', value).slice(3);
    return out.endsWith('\n') ? out.slice(0, -1) : out;
  }
}

/** A scalar's copy without the comments that stay in the text around it. */
function bareScalar(node: Scalar): Scalar {
  const copy = node.clone() as Scalar;
  copy.comment = undefined;
  copy.commentBefore = undefined;
  copy.spaceBefore = false;
  return copy;
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

/**
 * The text of `original` (parsed from `text`) after `op`, whose result is `edited`, changing only the
 * lines the edit concerns; null when the edit is not one this can place (the caller re-prints).
 */
export function spliceEdit(text: string, original: Document, edited: Document, op: TreeOp, options: ToStringOptions): string | null {
  const render = new Renderer(options);
  const splice = planSplice(text, original, edited, op, render);
  if (!splice) return null;
  return text.slice(0, splice.from) + splice.text + text.slice(splice.to);
}

function planSplice(text: string, original: Document, edited: Document, op: TreeOp, render: Renderer): Splice | null {
  const containerPath = op.kind === 'insert' ? op.path : op.path.slice(0, -1);
  // Inside a flow collection (`[en, ru]`), the outermost one on the way is written again whole.
  const steps = walk(original, containerPath);
  for (const [index, step] of steps.entries()) {
    if (isCollection(step.node) && step.node.flow) return replaceFlow(text, original, edited, containerPath.slice(0, index), render, step);
  }
  if (op.kind === 'insert') {
    const list = nodeIn(original, op.path);
    if (!isSeq(list)) return null;
    return insertItem(text, edited, op.path, list, op.index, render);
  }
  const path = op.path;
  const existing = walk(original, path);
  if (op.kind === 'delete') {
    if (existing.length !== path.length + 1) return null;
    return removeAt(text, original, edited, path, existing[existing.length - 1]!, render);
  }
  if (existing.length === path.length + 1) return replaceAt(text, edited, path, existing[existing.length - 1]!, render);
  // The first missing key on the way is added to the deepest part that exists, with all below it.
  const depth = existing.length - 1;
  const container = existing[depth]!.node;
  const addedPath = path.slice(0, depth + 1);
  const added = nodeIn(edited, addedPath);
  if (added === undefined) return null;
  if (isMap(container)) return appendPair(text, container, path[depth]!, added, render);
  if (isSeq(container)) return insertItem(text, edited, path.slice(0, depth), container, container.items.length, render);
  return null;
}

function replaceFlow(text: string, original: Document, edited: Document, path: readonly PathKey[], render: Renderer, step: Step): Splice | null {
  const range = rangeOf(step.node);
  const now = nodeIn(edited, path);
  if (!range || now === undefined || path.length === 0) return null;
  // Filled with mappings, it became a block list: its whole entry is written again.
  if (!(isCollection(now) && now.flow)) return rewriteEntry(text, step, now, render);
  const parent = walk(original, path.slice(0, -1)).at(-1)?.node;
  // Written as the author wrote it: `{ en: …, ru: … }` with spaces inside the brackets, or `[en, ru]` without.
  const padded = /^[[{][ \t]/.test(text.slice(range[0], range[0] + 2));
  const styled = new Renderer({ ...render.options, flowCollectionPadding: padded });
  return { from: range[0], to: range[1], text: styled.inline(now, isSeq(parent)) };
}

/** Replaces the node at `path` (which exists) with the edited document's node there. */
function replaceAt(text: string, edited: Document, path: readonly PathKey[], step: Step, render: Renderer): Splice | null {
  const now = nodeIn(edited, path);
  if (now === undefined || !step.parent) return null;
  if (isScalar(step.node) && isScalar(now)) return replaceScalar(text, step, bareScalar(now), render);
  return rewriteEntry(text, step, now, render);
}

/** Replaces the scalar of `step` with `fresh`, keeping what surrounds it on its line (a comment). */
function replaceScalar(text: string, step: Step, fresh: Scalar, render: Renderer): Splice | null {
  const old = step.node;
  const oldRange = rangeOf(old);
  if (!oldRange || !step.parent) return null;
  const inList = isSeq(step.parent);
  const anchor = inList ? dashOf(text, old) : (rangeOf(step.pair?.key)?.[0] ?? null);
  if (anchor === null) return null;
  const indent = column(text, anchor);
  let rendered = shift(render.inline(fresh, inList), indent);
  const oldIsBlock = text[oldRange[1] - 1] === '\n';
  const newIsBlock = rendered.startsWith('|') || rendered.startsWith('>');
  if (oldIsBlock && newIsBlock) return { from: oldRange[0], to: oldRange[1], text: `${rendered}\n` };
  if (!oldIsBlock && !newIsBlock) return { from: oldRange[0], to: oldRange[1], text: rendered };
  if (oldIsBlock) return { from: oldRange[0], to: oldRange[1] - 1, text: rendered };
  // A one-line text becomes several lines: a block, unless a comment follows on its line.
  if (text[oldRange[1]] === '\n' || oldRange[1] === text.length) return { from: oldRange[0], to: oldRange[1], text: rendered };
  fresh.type = 'QUOTE_DOUBLE';
  rendered = shift(render.inline(fresh, inList), indent);
  return { from: oldRange[0], to: oldRange[1], text: rendered };
}

/**
 * The text after setting the scalar at `path` (which exists) to `value`, without copying the whole
 * document: what a form field does at every keystroke. Null when the value there is not a scalar.
 */
export function spliceScalar(
  text: string,
  original: Document,
  path: readonly PathKey[],
  value: string | number | boolean | null,
  options: ToStringOptions,
): string | null {
  const steps = walk(original, path);
  if (steps.length !== path.length + 1 || steps.some((step) => isCollection(step.node) && step.node.flow)) return null;
  const step = steps[steps.length - 1]!;
  if (!isScalar(step.node)) return null;
  const fresh = bareScalar(step.node);
  fresh.value = value;
  const splice = replaceScalar(text, step, fresh, new Renderer(options));
  return splice && text.slice(0, splice.from) + splice.text + text.slice(splice.to);
}

/** Writes the whole pair (or list item) of `step` again, with `now` as its value. */
function rewriteEntry(text: string, step: Step, now: unknown, render: Renderer): Splice | null {
  if (isSeq(step.parent)) {
    const dash = dashOf(text, step.node);
    if (dash === null) return null;
    const end = endOf(step.node, dash);
    const rendered = shift(render.item(now), column(text, dash));
    return { from: dash, to: end, text: text[end - 1] === '\n' ? rendered : rendered.replace(/\n$/, '') };
  }
  const pair = step.pair;
  const keyRange = rangeOf(pair?.key);
  if (!pair || !keyRange) return null;
  const end = endOf(pair.value, keyRange[2]);
  const rendered = shift(render.pair('', now, text.slice(keyRange[0], keyRange[1])), column(text, keyRange[0]));
  return { from: keyRange[0], to: end, text: text[end - 1] === '\n' ? rendered : rendered.replace(/\n$/, '') };
}

function removeAt(text: string, original: Document, edited: Document, path: readonly PathKey[], step: Step, render: Renderer): Splice | null {
  const parent = step.parent;
  if (!parent) return null;
  // The last entry gone, the parent is written again (as `{}` or `[]`).
  if (parent.items.length === 1) {
    const parentSteps = walk(original, path.slice(0, -1));
    return parentSteps.length > 1 ? replaceAt(text, edited, path.slice(0, -1), parentSteps[parentSteps.length - 1]!, render) : null;
  }
  const start = isSeq(parent) ? dashOf(text, step.node) : (rangeOf(step.pair?.key)?.[0] ?? null);
  if (start === null || !startsLine(text, start)) {
    const parentSteps = walk(original, path.slice(0, -1));
    return parentSteps.length > 1 ? replaceAt(text, edited, path.slice(0, -1), parentSteps[parentSteps.length - 1]!, render) : null;
  }
  const end = endOf(isSeq(parent) ? step.node : step.pair?.value, start);
  return { from: lineStart(text, start), to: end, text: '' };
}

function appendPair(text: string, map: YAMLMap, key: PathKey, value: unknown, render: Renderer): Splice | null {
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const firstKey = rangeOf(first?.key);
  if (!first || !last || !firstKey || !isPair(last) || !startsEntry(text, firstKey[0])) return null;
  const at = endOf(last.value, rangeOf(last.key)?.[2] ?? firstKey[2]);
  const indent = column(text, firstKey[0]);
  const rendered = ' '.repeat(indent) + shift(render.pair(key, value), indent);
  return { from: at, to: at, text: text[at - 1] === '\n' || at === 0 ? rendered : `\n${rendered.replace(/\n$/, '')}` };
}

function insertItem(text: string, edited: Document, path: readonly PathKey[], list: YAMLSeq, index: number, render: Renderer): Splice | null {
  const value = nodeIn(edited, [...path, index]);
  const firstDash = list.items.length ? dashOf(text, list.items[0]) : null;
  if (value === undefined || firstDash === null || !startsLine(text, firstDash)) return null;
  const indent = column(text, firstDash);
  const rendered = ' '.repeat(indent) + shift(render.item(value), indent);
  if (index < list.items.length) {
    const dash = dashOf(text, list.items[index]);
    if (dash === null || !startsLine(text, dash)) return null;
    const at = lineStart(text, dash);
    return { from: at, to: at, text: rendered };
  }
  const at = endOf(list.items[list.items.length - 1], firstDash);
  return { from: at, to: at, text: text[at - 1] === '\n' ? rendered : `\n${rendered.replace(/\n$/, '')}` };
}
