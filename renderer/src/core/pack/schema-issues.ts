// Runtime: any (pure core). Turns schema validation issues into diagnostics a person can act on:
// plain words for what was expected, the nearest known name for a misspelt field or value.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Diagnostic, PathSegment } from './diagnostics';
import { formatPath } from './diagnostics';
import type { SourceFile } from './yaml';
import { positionOf } from './yaml';

const KIND_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  null: 'nothing',
  undefined: 'nothing',
};

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function suggestion(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const best = closest(word, candidates as string[]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export interface IssueContext {
  source: SourceFile;
  /** Every field name the format knows, for "did you mean" hints. */
  knownFields: readonly string[];
  /** The languages texts must cover here, for "missing translation" messages. */
  languages: readonly string[];
  /** Who declares those languages: the pack (pack.yaml) or the scenario itself. */
  languagesFrom: 'pack' | 'scenario';
}

export function diagnosticsFromIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const near = suggestion(key, context.knownFields);
        out.push(make(context.source, keyPath, true, `unknown field "${key}"`, near ? `did you mean "${near}"?` : 'remove it, or check the pack format reference'));
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length) {
      const discriminated = issue.discriminator;
      if (discriminated) {
        const options = 'options' in issue && issue.options ? issue.options.map(String) : [];
        out.push(make(context.source, [...path, discriminated], false, `"${discriminated}" must be one of: ${options.join(', ')}`, hintForValue(issue.input, discriminated, options)));
        continue;
      }
      // Report the branch that got furthest: the one with the fewest issues.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      out.push(...diagnosticsFromIssues(best.map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] })), context));
      continue;
    }
    const { message, hint, atKey } = describe(issue, path, context);
    out.push(make(context.source, path, atKey, message, hint));
  }
  return out;
}

function hintForValue(input: unknown, field: string, options: readonly string[]): string {
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
  const near = typeof value === 'string' ? suggestion(value, options) : undefined;
  return near ? `did you mean "${near}"?` : `write one of: ${options.join(', ')}`;
}

function make(source: SourceFile, path: readonly PathSegment[], atKey: boolean, message: string, hint?: string): Diagnostic {
  const { line, column } = positionOf(source, path, atKey);
  return { severity: 'error', file: source.file, line, column, path: formatPath(path), message, ...(hint ? { hint } : {}) };
}

function describe(issue: z.core.$ZodIssue, path: readonly PathSegment[], context: IssueContext): { message: string; hint?: string; atKey: boolean } {
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        if (typeof last === 'string' && context.languages.includes(last)) {
          return {
            message: `missing the "${last}" text`,
            hint: `add "${last}: …" — ${context.languagesFrom === 'pack' ? 'the pack declares' : 'this scenario declares'} the languages ${context.languages.join(', ')}, and every text must be in each`,
            atKey: false,
          };
        }
        return { message: `missing required field "${String(last)}"`, hint: `add "${String(last)}:" here`, atKey: false };
      }
      const expected = KIND_WORDS[issue.expected] ?? issue.expected;
      return { message: `expected ${expected}, found ${describeValue(issue.input)}`, atKey: false };
    }
    case 'invalid_value': {
      if (issue.input === undefined) return { message: `missing required field "${String(last)}"`, hint: `add "${String(last)}:" here`, atKey: false };
      const options = issue.values.map(String);
      const near = typeof issue.input === 'string' ? suggestion(issue.input, options) : undefined;
      return {
        message: options.length === 1 ? `must be ${options[0]}, found ${describeValue(issue.input)}` : `must be one of: ${options.join(', ')}`,
        hint: near ? `did you mean "${near}"?` : undefined,
        atKey: false,
      };
    }
    case 'too_small': {
      const unit = issue.origin === 'array' ? 'item' : issue.origin === 'string' ? 'character' : '';
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { message: 'must not be empty', atKey: false };
      const amount = unit ? `${issue.minimum} ${unit}${Number(issue.minimum) === 1 ? '' : 's'}` : String(issue.minimum);
      return { message: `must have at least ${amount}${unit ? '' : ` (found ${describeValue(issue.input)})`}`, atKey: false };
    }
    case 'too_big': {
      const unit = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : '';
      return { message: `must be at most ${issue.maximum}${unit ? ` ${unit}` : ''}`, hint: unit === 'characters' ? 'shorten it' : undefined, atKey: false };
    }
    case 'invalid_format':
      return { message: issue.message, hint: issue.input !== undefined ? `found ${describeValue(issue.input)}` : undefined, atKey: false };
    case 'invalid_key':
      return { message: `invalid key: ${issue.issues[0]?.message ?? issue.message}`, atKey: true };
    default:
      return { message: issue.message, atKey: false };
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
