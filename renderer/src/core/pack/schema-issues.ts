// Runtime: any (pure core). Turns schema validation issues into diagnostics a person can act on:
// plain words for what was expected, the nearest known name for a misspelt field or value. Every
// message is worded with typed parts (message.ts) from the issue's values, whatever they hold; a
// problem's line and hint are only worked out when the problem will be listed.
import type { z } from 'zod';
import type { PathSegment } from './diagnostics';
import { diagnostic, DiagnosticList, formatPath } from './diagnostics';
import { Hints, KnownNames } from './hints';
import type { Part, Said } from './message';
import { amount, count, counted, kindOf, list, name, quote, say, verbatim } from './message';
import { PACK_FORMAT } from './schema';
import type { SourceFile } from './yaml';
import { positionOf } from './yaml';
import type { Diagnostic } from './diagnostics';

const KIND_WORDS: Record<string, Said> = {
  string: say`a text`,
  number: say`a number`,
  int: say`a whole number`,
  boolean: say`true or false`,
  array: say`a list`,
  object: say`a mapping (key: value lines)`,
  record: say`a mapping (key: value lines)`,
  null: say`nothing`,
  undefined: say`nothing`,
};

/**
 * The format's own rules (the messages written into schema.ts), in words to translate. Keyed by
 * their English, which is how they reach an issue; a test checks that every message of schema.ts
 * is here.
 */
const SCHEMA_RULES: ReadonlyMap<string, Said> = new Map(
  [
    say`an id is lower-case letters, digits and dashes, e.g. "hotline-post"`,
    say`a language is a two-letter ISO 639-1 code, e.g. "en", "ru", "uk"`,
    say`a time offset is "H:MM" (or "H:MM:SS") from the scenario start, e.g. "0:05", "1:30" or "0:10:45"`,
    say`must not be empty`,
    say`a rule id looks like "tone.sarcasm"`,
    say`this app reads pack format ${count(PACK_FORMAT)}`,
    say`a version is semantic: MAJOR.MINOR.PATCH, e.g. "1.0.0"`,
    say`minAppVersion is semantic: MAJOR.MINOR.PATCH`,
    say`a handle is letters, digits, _ . - (an optional @ first)`,
    say`a phone number is digits with optional + ( ) - . and spaces`,
    say`a date is YYYY-MM-DD`,
    say`a time is HH:MM (24 h)`,
    say`a URL starts with http:// or https://`,
    say`say how a draft covers the message: keywords, alternatives or coveredByFact`,
    say`give the red line phrases, concepts or both`,
    say`a hashtag is # then letters, digits or _`,
    say`give exactly one of "all" or "any"`,
  ].map((rule) => [rule.en, rule]),
);

/** The schema's message in words to translate when it is one of the format's rules; as written otherwise. */
export const schemaRule = (message: string): Said => SCHEMA_RULES.get(message) ?? verbatim(message);

/** What the author wrote, in words: the text itself (cut) or the number, else its kind. */
function describeValue(value: unknown): Part {
  if (typeof value === 'string') return say`the text ${quote(value, 40)}`;
  if (typeof value === 'number' && Number.isFinite(value)) return say`the number ${amount(value)}`;
  return kindOf(value);
}

export interface IssueContext {
  source: SourceFile;
  /** Every field name the format knows, for "did you mean" hints. */
  knownFields: readonly string[] | KnownNames;
  /** The languages texts must cover here, for "missing translation" messages. */
  languages: readonly string[];
  /** Who declares those languages: the pack (pack.yaml) or the scenario itself. */
  languagesFrom: 'pack' | 'scenario';
  /** The load's shared hint budget; a fresh one when omitted. */
  hints?: Hints;
}

/** The diagnostics for `issues`, at most DiagnosticLimits.perFile, the rest counted in one line. */
export function diagnosticsFromIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext): Diagnostic[] {
  const list = new DiagnosticList();
  reportIssues(issues, context, list);
  return list.list();
}

/** Adds the diagnostics for `issues` to `out`, doing the work of each only when it will be listed. */
export function reportIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext, out: DiagnosticList): void {
  const hints = context.hints ?? new Hints();
  const knownFields = context.knownFields instanceof KnownNames ? context.knownFields : new KnownNames(context.knownFields);
  const file = context.source.file;
  // Union branches are reported iteratively: a nested union's issues go back on the queue.
  const queue: Array<readonly z.core.$ZodIssue[]> = [issues];
  while (queue.length) {
    for (const issue of queue.shift()!) {
      const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          out.report(file, () => {
            const near = hints.nearest(key, knownFields);
            return make(
              context.source,
              [...path, key],
              true,
              say`unknown field ${quote(key)}`,
              near ? say`did you mean ${quote(near)}?` : say`remove it, or check the pack format reference`,
            );
          });
        }
        continue;
      }
      if (issue.code === 'invalid_union' && issue.errors.length) {
        const discriminated = issue.discriminator;
        if (discriminated) {
          const options =
            'options' in issue && Array.isArray(issue.options) ? issue.options.map((option) => (typeof option === 'string' ? option : String(option))) : [];
          out.report(file, () =>
            make(
              context.source,
              [...path, discriminated],
              false,
              say`${quote(discriminated)} must be one of: ${list(options, { maxItems: 12, maxChars: 100 })}`,
              hintForValue(issue.input, discriminated, options, hints),
            ),
          );
          continue;
        }
        // Report the branch that got furthest: the one with the fewest issues.
        let best: readonly z.core.$ZodIssue[] = issue.errors[0] ?? [];
        for (const branch of issue.errors) if (branch.length < best.length) best = branch;
        queue.push(best.map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] })));
        continue;
      }
      out.report(file, () => {
        const { message, hint, atKey } = describe(issue, path, context, hints);
        return make(context.source, path, atKey, message, hint);
      });
    }
  }
}

function hintForValue(input: unknown, field: string, options: readonly string[], hints: Hints): Said {
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
  return hints.forChoice(value, options);
}

function make(source: SourceFile, path: readonly PathSegment[], atKey: boolean, message: Said, hint?: Said): Diagnostic {
  const { line, column } = positionOf(source, path, atKey);
  return diagnostic({ file: source.file, line, column, path: formatPath(path), message, ...(hint ? { hint } : {}) });
}

/** The name of the last path segment: a field, a language, or an item's position. */
function fieldName(last: PathSegment | undefined): Part {
  if (typeof last === 'number') return say`item ${amount(last)}`;
  if (typeof last === 'string') return quote(last);
  return say`this field`;
}

function describe(issue: z.core.$ZodIssue, path: readonly PathSegment[], context: IssueContext, hints: Hints): { message: Said; hint?: Said; atKey: boolean } {
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        if (typeof last === 'string' && context.languages.includes(last)) {
          return {
            message: say`missing the ${quote(last)} text`,
            hint: say`add "${name(last, 8)}: …" — ${context.languagesFrom === 'pack' ? say`the pack declares` : say`this scenario declares`} the languages ${list(context.languages, { maxItems: 8, maxChars: 40 })}, and every text must be in each`,
            atKey: false,
          };
        }
        if (last === undefined) return { message: say`the file is empty`, hint: say`write the file's fields, e.g. "id: …"`, atKey: false };
        return {
          message: say`missing required field ${fieldName(last)}`,
          hint: typeof last === 'string' ? say`add "${name(last, 40)}:" here` : undefined,
          atKey: false,
        };
      }
      const expected = KIND_WORDS[issue.expected] ?? name(String(issue.expected), 24);
      return { message: say`expected ${expected}, found ${describeValue(issue.input)}`, atKey: false };
    }
    case 'invalid_value': {
      if (issue.input === undefined)
        return {
          message: say`missing required field ${fieldName(last)}`,
          hint: typeof last === 'string' ? say`add "${name(last, 40)}:" here` : undefined,
          atKey: false,
        };
      const options = issue.values.map((value) =>
        typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : 'null',
      );
      const near = typeof issue.input === 'string' ? hints.nearest(issue.input, new KnownNames(options)) : undefined;
      return {
        message:
          options.length === 1
            ? say`must be ${name(options[0] ?? '', 40)}, found ${describeValue(issue.input)}`
            : say`must be one of: ${list(options, { maxItems: 12, maxChars: 100 })}`,
        hint: near ? say`did you mean ${quote(near)}?` : undefined,
        atKey: false,
      };
    }
    case 'too_small': {
      const minimum = typeof issue.minimum === 'bigint' ? Number(issue.minimum) : issue.minimum;
      if (issue.origin === 'string' && minimum === 1) return { message: say`must not be empty`, atKey: false };
      if (issue.origin === 'array') return { message: say`must have at least ${counted(minimum, 'item')}`, atKey: false };
      if (issue.origin === 'string') return { message: say`must have at least ${counted(minimum, 'character')}`, atKey: false };
      return { message: say`must have at least ${amount(issue.minimum)} (found ${describeValue(issue.input)})`, atKey: false };
    }
    case 'too_big': {
      if (issue.origin === 'array') return { message: say`must have at most ${amount(issue.maximum)} items`, atKey: false };
      if (issue.origin === 'string') return { message: say`must be at most ${amount(issue.maximum)} characters`, hint: say`shorten it`, atKey: false };
      return { message: say`must be at most ${amount(issue.maximum)} (found ${describeValue(issue.input)})`, atKey: false };
    }
    case 'invalid_format':
      return { message: schemaRule(issue.message), hint: issue.input !== undefined ? say`found ${describeValue(issue.input)}` : undefined, atKey: false };
    case 'invalid_key':
      return { message: say`invalid key: ${schemaRule(issue.issues[0]?.message ?? issue.message)}`, atKey: true };
    default:
      return { message: schemaRule(issue.message), atKey: false };
  }
}

/** Every property name the schema can hold, gathered once for "did you mean" hints. */
export function collectFieldNames(schema: z.ZodType): string[] {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.shape && typeof def.shape === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        names.add(key);
        visit(child);
      }
    }
    for (const key of ['innerType', 'element', 'valueType', 'in', 'out', 'catchall']) visit(def[key]);
    if (Array.isArray(def.options)) def.options.forEach(visit);
  };
  visit(schema);
  return [...names].sort();
}
