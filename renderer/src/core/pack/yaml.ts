// Runtime: any (pure core). Reads one untrusted YAML file with limits, keeping source positions
// so that every later problem can be reported at its line and column. The limits are checked
// before the work they bound: the size before parsing, the nesting and the number of nodes and
// aliases while the text is tokenised (before anything is composed, whose code recurses on
// nesting), items per collection and repeated keys by one iterative walk before validation.
import { Composer, CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostics';
import { diagnostic, DiagnosticList } from './diagnostics';
import type { YamlLimits } from './limits';
import { DIAGNOSTIC_LIMITS, YAML_LIMITS } from './limits';
import type { Said } from './message';
import { count, counted, name, quote, say, verbatim } from './message';
import type { TrapPlace } from './yaml-traps';
import { silentTraps, trapForError } from './yaml-traps';

export type { YamlLimits } from './limits';
export { YAML_LIMITS } from './limits';

export interface SourceFile {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface ParsedYaml {
  value: unknown;
  source: SourceFile | null;
  /** At most DIAGNOSTIC_LIMITS.perFile problems, then one line counting the rest. */
  diagnostics: Diagnostic[];
}

function at(file: string, lineCounter: LineCounter | null, offset: number | undefined, message: Said, hint?: Said): Diagnostic {
  const pos = lineCounter && typeof offset === 'number' ? lineCounter.linePos(offset) : { line: 0, col: 0 };
  return diagnostic({ file, line: pos.line, column: pos.col, message, ...(hint ? { hint } : {}) });
}

const HINTS: Record<string, Said> = {
  DUPLICATE_KEY: say`remove one of the two, or rename it`,
  TAG_RESOLVE_FAILED: say`remove the tag: packs hold plain data (text, numbers, lists, mappings)`,
  BAD_INDENT: say`indent with spaces, the same amount for every item of a list or mapping`,
  TAB_AS_INDENT: say`indent with spaces, not tabs`,
  MISSING_CHAR: say`close the quote or bracket that was opened`,
  BLOCK_AS_IMPLICIT_KEY: say`a key ends with ": " and stays on one line`,
  UNEXPECTED_TOKEN: say`check the quotes and the indentation around here`,
};

/**
 * What the parser's error codes mean, in words the interface translates: the parser's own sentence
 * is English whatever the reader's language, so it is shown only for a code not listed here.
 */
const YAML_PROBLEMS: Record<string, Said> = {
  BAD_ALIAS: say`an alias (*name) names no anchor`,
  BAD_DIRECTIVE: say`a "%" directive line is not understood`,
  BAD_DQ_ESCAPE: say`a backslash escape in double quotes is not valid`,
  BAD_INDENT: say`the indentation does not match the lines around it`,
  BAD_PROP_ORDER: say`an anchor or a tag is in the wrong place`,
  BAD_SCALAR_START: say`a text starts with a character YAML reserves`,
  BLOCK_AS_IMPLICIT_KEY: say`a key runs over more than one line`,
  BLOCK_IN_FLOW: say`an indented block is inside [ ] or { }`,
  DUPLICATE_KEY: say`the same key appears twice in one mapping`,
  KEY_OVER_1024_CHARS: say`a key is longer than 1,024 characters`,
  MISSING_CHAR: say`a quote or a bracket is not closed`,
  MULTILINE_IMPLICIT_KEY: say`a key runs over more than one line`,
  MULTIPLE_ANCHORS: say`a value has more than one anchor`,
  MULTIPLE_DOCS: say`the file holds more than one YAML document`,
  MULTIPLE_TAGS: say`a value has more than one tag`,
  TAB_AS_INDENT: say`a line is indented with a tab`,
  UNEXPECTED_TOKEN: say`a character here is out of place`,
};

/** Stray tokens (syntax errors) after which the parser stops reading a file. */
const MAX_STRAY_TOKENS = 500;

/** Token kinds that each make at least one node of the document. */
const NODE_TOKENS = new Set<string | null>([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'alias',
  'flow-map-start',
  'flow-seq-start',
]);

/** Why tokenising stopped before the whole text was read. */
interface TokenLimitHit {
  kind: 'depth' | 'nodes' | 'aliases' | 'items' | 'errors';
  offset: number;
  /** For 'errors': the parser's words for the first one. */
  first?: string;
  /** For 'items': whether the collection is a mapping. */
  mapping?: boolean;
}

/** The open collection among the parser's two innermost tokens that has too many items, if any. */
function crowdedCollection(stack: readonly CST.Token[], maxItems: number): CST.Token | null {
  for (let index = stack.length - 1; index >= 0 && index >= stack.length - 2; index -= 1) {
    const token = stack[index]!;
    if ((token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') && token.items.length > maxItems) return token;
  }
  return null;
}

/**
 * The parser's tokens, counted as they are made: stops (without reading further) as soon as the
 * nesting, the nodes or the aliases pass their limit. The parser keeps its open collections on
 * a stack, not in recursion, so its depth is known at each step; the parser's stack holds up to
 * two entries per level of nesting (a collection and its item), hence the factor of 2.
 */
function* countedTokens(text: string, parser: Parser, limits: YamlLimits, hit: { value: TokenLimitHit | null }): Generator<CST.Token> {
  let nodes = 0;
  let aliases = 0;
  const errors = { count: 0, firstOffset: 0, first: '' };
  const maxStack = limits.maxDepth * 2 + 4;
  for (const lexeme of new Lexer().lex(text)) {
    const type = CST.tokenType(lexeme);
    if (NODE_TOKENS.has(type)) nodes += 1;
    if (type === 'alias') aliases += 1;
    const kind = nodes > limits.maxNodes ? 'nodes' : aliases > limits.maxAliases ? 'aliases' : parser.stack.length > maxStack ? 'depth' : null;
    if (kind) {
      hit.value = { kind, offset: parser.offset };
      return;
    }
    const crowded = crowdedCollection(parser.stack, limits.maxCollectionItems);
    if (crowded) {
      hit.value = {
        kind: 'items',
        offset: crowded.offset,
        mapping: crowded.type === 'block-map' || (crowded.type === 'flow-collection' && crowded.start.source === '{'),
      };
      return;
    }
    for (const token of parser.next(lexeme)) {
      // Tokens the parser could not place come out on their own, one per stray character: past a
      // few hundred, the file is not YAML and reading on would only make more of them.
      if (token.type === 'error' && ++errors.count > MAX_STRAY_TOKENS) {
        hit.value = { kind: 'errors', offset: errors.firstOffset, first: errors.first };
        return;
      }
      if (token.type === 'error' && errors.count === 1) {
        errors.firstOffset = token.offset;
        errors.first = token.message;
      }
      yield token;
    }
  }
  yield* parser.end();
}

function tokenLimitProblem(file: string, lineCounter: LineCounter, hit: TokenLimitHit, limits: YamlLimits): Diagnostic {
  switch (hit.kind) {
    case 'depth':
      return at(
        file,
        lineCounter,
        hit.offset,
        say`the document nests deeper than ${count(limits.maxDepth)} levels here`,
        say`check the indentation and the "key: value" lines above; the format never nests that deep`,
      );
    case 'nodes':
      return at(
        file,
        null,
        undefined,
        say`the file holds more than ${count(limits.maxNodes)} values`,
        say`split it into several scenarios: no real scenario comes near that`,
      );
    case 'errors':
      return at(
        file,
        lineCounter,
        hit.offset,
        say`the file is not valid YAML: over ${count(MAX_STRAY_TOKENS)} syntax errors, the first here (${verbatim(hit.first ?? '', 60)})`,
        say`check the quotes, brackets and indentation from this line on`,
      );
    case 'items':
      return at(
        file,
        lineCounter,
        hit.offset,
        hit.mapping
          ? say`a mapping with more than ${count(limits.maxCollectionItems)} keys`
          : say`a list with more than ${count(limits.maxCollectionItems)} items`,
        say`split it: no real pack comes near that`,
      );
    case 'aliases':
      return at(
        file,
        lineCounter,
        hit.offset,
        say`the document uses more than ${counted(limits.maxAliases, 'alias', 'aliases')}; at most ${count(limits.maxAliases)} are allowed`,
        say`write the repeated parts out, or reuse them by id`,
      );
  }
}

/** The problems one iterative walk of the composed document finds, each through `report`. */
function walkProblems(file: string, lineCounter: LineCounter, root: unknown, limits: YamlLimits, report: DiagnosticList): void {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  let aliases = 0;
  let deepReported = false;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      aliases += 1;
      if (aliases === limits.maxAliases + 1) {
        report.report(file, () =>
          at(
            file,
            lineCounter,
            node.range?.[0],
            say`the document uses more than ${counted(limits.maxAliases, 'alias', 'aliases')}; at most ${count(limits.maxAliases)} are allowed`,
            say`write the repeated parts out, or reuse them by id`,
          ),
        );
      }
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.tag) {
      report.report(file, () => at(file, lineCounter, node.range?.[0], say`the tag ${name(node.tag ?? '', 40)} is not allowed`, HINTS.TAG_RESOLVE_FAILED));
    }
    if (isScalar(node)) continue;
    if (depth >= limits.maxDepth) {
      if (!deepReported)
        report.report(file, () =>
          at(
            file,
            lineCounter,
            node.range?.[0],
            say`the document nests deeper than ${count(limits.maxDepth)} levels`,
            say`flatten the structure: the pack format never needs that depth`,
          ),
        );
      deepReported = true;
      continue;
    }
    if (node.items.length > limits.maxCollectionItems) {
      const what = isMap(node) ? say`a mapping with ${count(node.items.length)} keys` : say`a list with ${count(node.items.length)} items`;
      report.report(file, () =>
        at(file, lineCounter, node.range?.[0], say`${what}; at most ${count(limits.maxCollectionItems)} are read`, say`split it: no real pack comes near that`),
      );
      continue;
    }
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const text = String(key.value);
          if (keys.has(text))
            report.report(file, () =>
              at(file, lineCounter, key.range?.[0], say`duplicate key ${quote(text)}: it appears twice in this mapping`, HINTS.DUPLICATE_KEY),
            );
          keys.add(text);
        }
        stack.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
      }
    } else {
      for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
    }
  }
}

/** Parses `text` as one YAML document. Never throws: every problem becomes a diagnostic. */
export function parseYaml(file: string, text: string, limits: YamlLimits = YAML_LIMITS): ParsedYaml {
  // Each character is at least one byte: a text longer than the limit is over it without encoding it.
  const bytes = text.length > limits.maxFileBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > limits.maxFileBytes) {
    return {
      value: undefined,
      source: null,
      diagnostics: [
        at(
          file,
          null,
          undefined,
          text.length > limits.maxFileBytes
            ? say`the file is over ${count(limits.maxFileBytes)} bytes (${count(bytes)} characters or more)`
            : say`the file is over ${count(limits.maxFileBytes)} bytes (${count(bytes)})`,
          say`split it, or move long texts into several files`,
        ),
      ],
    };
  }
  const list = new DiagnosticList({ perFile: DIAGNOSTIC_LIMITS.perFile, total: DIAGNOSTIC_LIMITS.perFile });
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  // Parser.parse() marks the start of the input as a line start; feeding tokens one by one, so must this.
  lineCounter.addNewLine(0);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, schema: 'core', customTags: [], resolveKnownTags: false, stringKeys: true });
  const hit: { value: TokenLimitHit | null } = { value: null };
  let document: Document.Parsed | null = null;
  // The parser makes an Error object per syntax problem; a stack trace for each would double the
  // cost of a file full of them, and none is ever shown.
  const errorClass = Error as { stackTraceLimit?: number };
  const stackTraceLimit = errorClass.stackTraceLimit;
  errorClass.stackTraceLimit = 0;
  try {
    for (const composed of composer.compose(countedTokens(text, parser, limits, hit), true, text.length)) {
      if (!document) document = composed;
      else {
        list.add(
          at(file, lineCounter, composed.range[0], say`the file holds more than one YAML document`, say`remove the "---" line: a pack file is one document`),
        );
        break;
      }
    }
  } catch (error) {
    // The limits above keep the composer's recursion shallow; this stays a refusal, never a crash.
    const detail = error instanceof Error ? verbatim(error.message, 80) : say`unknown error`;
    list.add(at(file, null, undefined, say`the file could not be read as YAML (${detail})`, say`check the brackets and indentation`));
    return { value: undefined, source: null, diagnostics: list.list() };
  } finally {
    errorClass.stackTraceLimit = stackTraceLimit;
  }
  if (hit.value) {
    return { value: undefined, source: null, diagnostics: [tokenLimitProblem(file, lineCounter, hit.value, limits)] };
  }
  if (!document) {
    return {
      value: undefined,
      source: null,
      diagnostics: [at(file, null, undefined, say`the file holds no YAML document`, say`write the file's fields, e.g. "id: …"`)],
    };
  }
  const place: TrapPlace = { file, lineCounter, lines: text.split('\n') };
  // One trap often makes several parser errors on its line: it is told once.
  const trapLines = new Set<number>();
  for (const problem of [document.errors, document.warnings]) {
    for (const item of problem) {
      if (!list.wants(file)) {
        list.skip(file);
        continue;
      }
      const trap = trapForError(place, item.code, item.pos[0]);
      if (trap) {
        if (!trapLines.has(trap.line)) list.add(trap);
        trapLines.add(trap.line);
        continue;
      }
      const first = item.message.split('\n')[0] ?? item.message;
      list.add(at(file, lineCounter, item.pos[0], say`the YAML is not valid here: ${YAML_PROBLEMS[item.code] ?? verbatim(first)}`, HINTS[item.code]));
    }
  }
  if (!list.hasErrors()) walkProblems(file, lineCounter, document.contents, limits, list);
  if (!list.hasErrors()) for (const trap of silentTraps(place, document)) list.add(trap);
  if (list.hasErrors()) return { value: undefined, source: null, diagnostics: list.list() };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    const detail = error instanceof Error ? verbatim(error.message, 80) : say`unknown error`;
    return {
      value: undefined,
      source: null,
      diagnostics: [at(file, lineCounter, 0, say`the document could not be expanded: ${detail}`, say`write the repeated parts out instead of using aliases`)],
    };
  }
  // Warnings (a text a comment may have cut short) go along with the value.
  return { value, source: { file, document, lineCounter }, diagnostics: list.list() };
}

/**
 * Parsed files kept from one load of a pack to the next (the studio checks it after every change):
 * a file whose text did not change is not parsed again. A parsed file is only read afterwards, so
 * it can be shared. Holds the files of the last load only.
 */
export class YamlCache {
  private previous = new Map<string, { text: string; limits: string; parsed: ParsedYaml }>();
  private current = new Map<string, { text: string; limits: string; parsed: ParsedYaml }>();

  /** Parsed again by this load (for tests and the bench). */
  parsed: string[] = [];

  /** Starts a load: what it does not read is forgotten at the next start. */
  startLoad(): void {
    this.previous = this.current;
    this.current = new Map();
    this.parsed = [];
  }

  parse(file: string, text: string, limits: YamlLimits): ParsedYaml {
    // Each load resolves its limits afresh: they are compared by value.
    const limitsKey = JSON.stringify(limits);
    const kept = this.current.get(file) ?? this.previous.get(file);
    const entry = kept && kept.text === text && kept.limits === limitsKey ? kept : { text, limits: limitsKey, parsed: parseYaml(file, text, limits) };
    if (entry !== kept) this.parsed.push(file);
    this.current.set(file, entry);
    return entry.parsed;
  }
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
