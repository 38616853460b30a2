// Runtime: any (pure core). The YAML mistakes a newcomer makes in a text, told in their terms with
// the line as it should be written. Some break the file (an unquoted ": " in a text, a tab used to
// indent, a text that starts with a character YAML reserves, quotes that close too early or never);
// others go through silently and change what the trainee reads (a ", " inside `{ en: …, ru: … }`
// splits the text and makes a key of its end; `&word` and `!word` at the start of a text are taken
// as an anchor or a tag and vanish; " #" cuts the text where a comment begins). The parser's own
// sentence names the YAML rule; these name the text and show it fixed: in quotes.
import type { Document, LineCounter } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Diagnostic } from './diagnostics';
import { diagnostic } from './diagnostics';
import type { Part } from './message';
import { quote, say, verbatim } from './message';

/** Characters YAML reserves at the start of a plain value. */
const RESERVED_START = /^[@`%*&!|>'"]/;
/** Longest fixed line shown in a hint, in characters. */
const FIXED_MAX = 72;

/** One line of a block mapping or list: `indent`, `- ` items, `key: ` and what follows. */
interface LineParts {
  indent: string;
  lead: string;
  key: string | null;
  value: string;
}

function splitLine(line: string): LineParts {
  const match = /^([ \t]*)((?:-[ \t]+)*)(?:([^\s:#'"{[\]},&*!|>%@`-][^:#]*?|[\w-]+):(?:[ \t]+|$))?(.*)$/.exec(line);
  if (!match) return { indent: '', lead: '', key: null, value: line };
  return { indent: match[1] ?? '', lead: match[2] ?? '', key: match[3] ?? null, value: match[4] ?? '' };
}

const joinLine = (parts: LineParts, value: string) => `${parts.indent}${parts.lead}${parts.key === null ? '' : `${parts.key}: `}${value}`;

/** `text` in YAML quotes: double unless it holds a double quote or a backslash, then single. */
export function yamlQuoted(text: string): string {
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`;
  return `'${text.replace(/'/g, "''")}'`;
}

/** What the author meant by a value written with broken quotes: the text between them. */
function meant(value: string): string {
  const trimmed = value.trim();
  const first = trimmed[0];
  if ((first === '"' || first === "'") && trimmed.length > 1 && trimmed.endsWith(first)) return trimmed.slice(1, -1);
  if (first === '"' || first === "'") return trimmed.slice(1);
  return trimmed;
}

const isQuotedWell = (value: string) => /^"(?:[^"\\]|\\.)*"\s*$/.test(value) || /^'(?:[^']|'')*'\s*$/.test(value);

/** Whether a plain value must be quoted to be read as the text it looks like. */
function needsQuotes(value: string, inFlow: boolean): boolean {
  const text = value.trim();
  if (!text || isQuotedWell(text)) return false;
  return /: |:$/.test(text) || / #[^\s#]/.test(text) || RESERVED_START.test(text) || (inFlow && /[,[\]{}]/.test(text));
}

/**
 * The pairs of a one-line flow mapping (`{ en: Hello, world, ru: Привет }`): a new pair starts only
 * at a comma followed by something that looks like a key, so a comma inside a text stays in it.
 */
function flowPairs(inner: string): Array<{ key: string; value: string }> | null {
  const pairs: Array<{ key: string; value: string }> = [];
  for (const chunk of inner.split(/,\s*(?=[\w-]+:\s)/)) {
    const match = /^\s*([\w-]+):\s+(.*?)\s*$/.exec(chunk);
    if (!match) return null;
    pairs.push({ key: match[1]!, value: match[2]! });
  }
  return pairs;
}

/** The line with every text in it that needs quotes quoted; null when nothing on it needs them. */
export function fixedLine(line: string): string | null {
  const parts = splitLine(line);
  const value = parts.value.trimEnd();
  const flow = /^\{(.*)\}?$/.exec(value);
  if (flow) {
    const inner = (flow[1] ?? '').replace(/\s*\}\s*$/, '');
    const pairs = flowPairs(inner);
    if (!pairs || !pairs.some((pair) => needsQuotes(pair.value, true))) return null;
    const rebuilt = pairs.map((pair) => `${pair.key}: ${needsQuotes(pair.value, true) ? yamlQuoted(meant(pair.value)) : pair.value}`);
    return joinLine(parts, `{ ${rebuilt.join(', ')} }`);
  }
  if (!needsQuotes(value, false) && !/^["']/.test(value)) return null;
  if (isQuotedWell(value)) return null;
  // A block scalar header (`|`, `>-` …) alone on its line is right as it is.
  if (/^[|>][+-]?\d?\s*(#.*)?$/.test(value)) return null;
  return joinLine(parts, yamlQuoted(meant(value)));
}

/** The text of a line as shown in a hint: without its indentation, cut. */
const shown = (line: string): Part => verbatim(line.trim(), FIXED_MAX);

/** The key a line's text belongs to, for "the text of "en"". */
function whose(parts: LineParts): Part {
  return parts.key === null ? say`this text` : say`the text of ${quote(parts.key, 24)}`;
}

export interface TrapPlace {
  file: string;
  lineCounter: LineCounter;
  lines: readonly string[];
}

function lineAt(place: TrapPlace, offset: number): { line: number; column: number; text: string } {
  const pos = place.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col, text: place.lines[pos.line - 1] ?? '' };
}

/** The line to report a broken quote at: the nearest one at or above `line` whose value opens a quote it does not close. */
function openingQuoteLine(place: TrapPlace, line: number): number | null {
  for (let index = line - 1; index >= 0 && index >= line - 20; index -= 1) {
    const value = splitLine(place.lines[index] ?? '').value.trim();
    if (/^["']/.test(value) && !isQuotedWell(value)) return index + 1;
  }
  return null;
}

/**
 * A diagnostic that names the trap behind a parser error, with the line fixed; null when the error
 * is not one of the traps (the parser's own words are shown then).
 */
export function trapForError(place: TrapPlace, code: string, offset: number): Diagnostic | null {
  const at = lineAt(place, offset);
  if (code === 'TAB_AS_INDENT') {
    const fixed = at.text.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '  '));
    return diagnostic({
      file: place.file,
      line: at.line,
      column: 1,
      message: say`this line is indented with a tab; YAML indents with spaces only`,
      hint: say`indent with spaces, as many as the lines around it: ${shown(fixed)}`,
    });
  }
  let lineNumber = at.line;
  if (code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN') lineNumber = openingQuoteLine(place, at.line) ?? at.line;
  const text = place.lines[lineNumber - 1] ?? '';
  const fixed = fixedLine(text);
  if (fixed === null) return null;
  const parts = splitLine(text);
  const value = parts.value.trim();
  const report = (message: Part, hint: Part) =>
    diagnostic({ file: place.file, line: lineNumber, column: parts.indent.length + parts.lead.length + 1, message, hint });
  if (value.startsWith('{')) {
    const where = parts.key === null ? say`a text between { and }` : say`a text in ${quote(parts.key, 24)}`;
    return report(say`${where} holds ": ", ", " or " #", which YAML reads as part of the { … } mapping`, say`put each such text in quotes: ${shown(fixed)}`);
  }
  if (/^["']/.test(value)) {
    return report(say`the quotes around ${whose(parts)} close too early or never`, say`quote it with the other kind of quote, or close it: ${shown(fixed)}`);
  }
  const reserved = RESERVED_START.exec(value)?.[0];
  // `!tag "value"` or `!tag [list]` is a tag put on purpose, not a text: the parser's words say it.
  if (reserved === '!' && /^!\S*(\s+["'{[]|\s*$)/.test(value)) return null;
  if (reserved) {
    return report(say`${whose(parts)} starts with ${quote(reserved)}, which YAML reserves: it must be in quotes`, say`put the text in quotes: ${shown(fixed)}`);
  }
  if (/: |:$/.test(value)) {
    return report(say`${whose(parts)} holds ": ", which YAML reads as the start of another key`, say`put the text in quotes: ${shown(fixed)}`);
  }
  return report(say`${whose(parts)} must be in quotes`, say`put the text in quotes: ${shown(fixed)}`);
}

/**
 * The traps a document parses through without an error but that change its text: a comma in a
 * one-line mapping, an anchor or a tag at the start of a text, " #" cutting a text short.
 */
export function silentTraps(place: TrapPlace, document: Document.Parsed): Diagnostic[] {
  const found: Diagnostic[] = [];
  const reported = new Set<number>();
  const aliased = new Set<string>();
  const stack: unknown[] = [document.contents];
  const scalars: Scalar[] = [];
  const keyless: Array<{ key: Scalar; previous: unknown }> = [];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) aliased.add(node.source);
    else if (isScalar(node)) scalars.push(node);
    else if (isMap(node)) {
      node.items.forEach((pair, index) => {
        // `{ en: Hello, world }`: "world" is a key with no ":" and no value.
        if (node.flow && pair.value === null && isScalar(pair.key) && pair.key.type === Scalar.PLAIN)
          keyless.push({ key: pair.key, previous: index > 0 ? node.items[index - 1]?.value : undefined });
        stack.push(pair.key, pair.value);
      });
    } else if (isSeq(node)) for (const item of node.items) stack.push(isPair(item) ? item.value : item);
  }
  const add = (made: Diagnostic | null) => {
    if (made && !reported.has(made.line)) {
      reported.add(made.line);
      found.push(made);
    }
  };
  for (const { key, previous } of keyless) {
    const at = lineAt(place, key.range?.[0] ?? 0);
    const fixed = fixedLine(at.text);
    const before = isScalar(previous) && typeof previous.value === 'string' ? previous.value : '';
    add(
      diagnostic({
        file: place.file,
        line: at.line,
        column: at.column,
        message: before
          ? say`the comma in ${quote(`${before}, ${String(key.value)}`, 40)} ends the text: YAML reads ${quote(String(key.value), 24)} as another key`
          : say`${quote(String(key.value), 24)} has no ": " and no value: YAML reads it as a key`,
        hint: fixed ? say`put the text in quotes: ${shown(fixed)}` : say`put a text that holds a comma in quotes`,
      }),
    );
  }
  for (const scalar of scalars) {
    if (scalar.type !== Scalar.PLAIN || typeof scalar.value !== 'string') continue;
    const start = scalar.range?.[0] ?? 0;
    const at = lineAt(place, start);
    const anchor = scalar.anchor && !aliased.has(scalar.anchor) ? `&${scalar.anchor}` : null;
    const tag = scalar.tag && scalar.tag.startsWith('!') ? scalar.tag : null;
    const prefix = anchor ?? tag;
    if (prefix) {
      const fixed = fixedLine(at.text);
      add(
        diagnostic({
          file: place.file,
          line: at.line,
          column: at.column,
          message: anchor
            ? say`YAML reads ${quote(prefix, 24)} as an anchor, not as text: the text is only ${quote(scalar.value, 32)}`
            : say`YAML reads ${quote(prefix, 24)} as a tag, not as text: the text is only ${quote(scalar.value, 32)}`,
          hint: fixed ? say`put the text in quotes: ${shown(fixed)}` : say`put the text in quotes`,
        }),
      );
      continue;
    }
    // "Call #1 now": YAML ends the text at " #". A comment that starts "# " is a comment; "#1" or
    // "#hashtag" right after a text is almost always part of it.
    const end = scalar.range?.[1] ?? start;
    const after = place.lines[at.line - 1]?.slice(lineAt(place, end).column - 1) ?? '';
    if (lineAt(place, end).line === at.line && /^[ \t]+#[^\s#]/.test(after)) {
      const fixed = fixedLine(at.text);
      add(
        diagnostic({
          severity: 'warning',
          file: place.file,
          line: at.line,
          column: lineAt(place, end).column + after.indexOf('#'),
          message: say`the text ${quote(scalar.value, 32)} ends at " #": YAML reads ${quote(after.trim(), 24)} as a comment`,
          hint: fixed ? say`if it is part of the text, put the text in quotes: ${shown(fixed)}` : say`if it is part of the text, put the text in quotes`,
        }),
      );
    }
  }
  return found;
}
