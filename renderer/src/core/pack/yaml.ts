// Runtime: any (pure core). Reads one untrusted YAML file with limits, keeping source positions
// so that every later problem can be reported at its line and column.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostics';

export interface YamlLimits {
  maxFileBytes: number;
  maxDepth: number;
  maxAliases: number;
}

export const YAML_LIMITS: YamlLimits = { maxFileBytes: 1024 * 1024, maxDepth: 32, maxAliases: 50 };

export interface SourceFile {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface ParsedYaml {
  value: unknown;
  source: SourceFile | null;
  diagnostics: Diagnostic[];
}

function at(file: string, lineCounter: LineCounter | null, offset: number | undefined, message: string, hint?: string): Diagnostic {
  const pos = lineCounter && offset !== undefined ? lineCounter.linePos(offset) : { line: 0, col: 0 };
  return { severity: 'error', file, line: pos.line, column: pos.col, path: '', message, ...(hint ? { hint } : {}) };
}

function depthProblem(node: unknown, maxDepth: number): YamlNode | null {
  const stack: Array<{ node: unknown; depth: number }> = [{ node, depth: 0 }];
  while (stack.length) {
    const { node: current, depth } = stack.pop()!;
    if (isMap(current) || isSeq(current)) {
      if (depth >= maxDepth) return current as YamlNode;
      for (const item of current.items) {
        if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 });
        else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return null;
}

function countAliases(node: unknown): { count: number; first: YamlNode | null } {
  let count = 0;
  let first: YamlNode | null = null;
  const stack: unknown[] = [node];
  while (stack.length) {
    const current = stack.pop();
    if (isAlias(current)) {
      count += 1;
      first ??= current;
    } else if (isMap(current) || isSeq(current)) {
      for (const item of current.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  return { count, first };
}

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'remove one of the two, or rename it',
  TAG_RESOLVE_FAILED: 'remove the tag: packs hold plain data (text, numbers, lists, mappings)',
  BAD_INDENT: 'indent with spaces, the same amount for every item of a list or mapping',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  BLOCK_AS_IMPLICIT_KEY: 'a key ends with ": " and stays on one line',
  UNEXPECTED_TOKEN: 'check the quotes and the indentation around here',
};

/** Parses `text` as one YAML document. Never throws: every problem becomes a diagnostic. */
export function parseYaml(file: string, text: string, limits: YamlLimits = YAML_LIMITS): ParsedYaml {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > limits.maxFileBytes) {
    return {
      value: undefined,
      source: null,
      diagnostics: [at(file, null, undefined, `the file is ${bytes} bytes; at most ${limits.maxFileBytes} are read`, 'split it, or move long texts into several files')],
    };
  }
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      schema: 'core',
      customTags: [],
      resolveKnownTags: false,
      stringKeys: true,
    });
  } catch {
    return {
      value: undefined,
      source: null,
      diagnostics: [at(file, null, undefined, 'the file could not be read as YAML (it nests too deeply or is malformed)', 'check the brackets and indentation')],
    };
  }
  const diagnostics: Diagnostic[] = [];
  for (const problem of [...document.errors, ...document.warnings]) {
    diagnostics.push(
      at(file, lineCounter, problem.pos[0], problem.message.split('\n')[0] ?? problem.message, HINTS[problem.code]),
    );
  }
  if (document.warnings.length === 0) {
    for (const tagged of collectTags(document.contents)) {
      diagnostics.push(at(file, lineCounter, tagged.range?.[0], `the tag ${tagged.tag} is not allowed`, HINTS.TAG_RESOLVE_FAILED));
    }
  }
  if (diagnostics.length) return { value: undefined, source: null, diagnostics };

  const deep = depthProblem(document.contents, limits.maxDepth);
  if (deep) {
    diagnostics.push(at(file, lineCounter, deep.range?.[0], `the document nests deeper than ${limits.maxDepth} levels`, 'flatten the structure: the pack format never needs that depth'));
  }
  const aliases = countAliases(document.contents);
  if (aliases.count > limits.maxAliases) {
    diagnostics.push(at(file, lineCounter, aliases.first?.range?.[0], `the document uses ${aliases.count} aliases; at most ${limits.maxAliases} are allowed`, 'write the repeated parts out, or reuse them by id'));
  }
  if (diagnostics.length) return { value: undefined, source: null, diagnostics };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: undefined, source: null, diagnostics: [at(file, lineCounter, 0, `the document could not be expanded: ${message}`, 'write the repeated parts out instead of using aliases')] };
  }
  return { value, source: { file, document, lineCounter }, diagnostics };
}

function collectTags(root: unknown): YamlNode[] {
  const found: YamlNode[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const current = stack.pop();
    if (isScalar(current) || isMap(current) || isSeq(current)) {
      if (current.tag) found.push(current as YamlNode);
    }
    if (isMap(current) || isSeq(current)) {
      for (const item of current.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  return found;
}

/**
 * The line and column of `path` in the document: of the value when it exists, of its key when
 * the key is what matters, else of the nearest enclosing node that exists.
 */
export function positionOf(source: SourceFile, path: readonly PathSegment[], preferKey = false): { line: number; column: number } {
  let node: unknown = source.document.contents;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as YamlNode;
      const isLast = index === path.length - 1;
      node = pair.value;
      const valueOffset = (pair.value as YamlNode | null)?.range?.[0];
      offset = preferKey && isLast ? (key.range?.[0] ?? offset) : (valueOffset ?? key.range?.[0] ?? offset);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  const pos = source.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
