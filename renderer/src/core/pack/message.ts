// Runtime: any (pure core). The only way the loader words a problem: `say` takes literal text and
// typed parts, each made by a function that accepts exactly one kind of value and renders it
// bounded. A raw string, a number, undefined or an object cannot be interpolated (the types refuse
// them), and the part makers cope at run time with whatever an untrusted document holds: a quoted
// value is cut with an ellipsis, a number that is not finite is named as such, and nothing ever
// renders as "undefined", "NaN" or "[object Object]".
//
// Every part is made twice over: its English words (`en`, what the CLI and the tests have always
// read) and its `words`, a form any language can word (i18n/pack-diagnostic-message.ts renders them
// with the `packDiagnostics` namespace). The keys are gettext-style: a phrase's key is its English
// template, `{{0}}`, `{{1}}`… standing for its parts, so that the 150-odd sentences of the loader
// stay written where they are used, readable in place, and cannot drift from their key. A test
// (message-catalogue.test.ts) reads every `say` template and `counted` noun out of the sources and
// checks that the English and Russian catalogues have each, with the same placeholders.
import type { Message as GradingMessage } from '../grading/types';

declare const rendered: unique symbol;

/** A message in a form any language can word. */
export type Words =
  /** Language-neutral text: a value the author wrote (quoted), a name, a list of names. */
  | { readonly text: string }
  /** A number, grouped the way the reader's language groups digits. */
  | { readonly number: number }
  /** A phrase of the catalogue: its key is its English template; `parts` fill `{{0}}`, `{{1}}`… */
  | { readonly key: string; readonly parts?: readonly Words[] }
  /** A counted noun ("3 files"): the key is its English singular with `{{n}}`; plural forms per language. */
  | { readonly key: string; readonly count: number }
  /** A language, named in the reader's language ("en" → "English", "английский"). */
  | { readonly language: string }
  /** One of the grader's messages (the `grading` namespace), e.g. a model answer's finding. */
  | { readonly grading: GradingMessage };

/** A piece of a message, rendered and bounded: its English words and its translatable form. */
export interface Part {
  readonly en: string;
  readonly words: Words;
  readonly [rendered]: 'part';
}
/** A whole message or hint, made by `say`. */
export type Said = Part;

const part = (en: string, words: Words): Part => ({ en, words }) as Part;
const neutral = (text: string): Part => part(text, { text });

const isPart = (value: unknown): value is Part =>
  typeof value === 'object' && value !== null && typeof (value as Part).en === 'string' && typeof (value as Part).words === 'object';

/** Longest user value quoted in a message, in characters. */
export const QUOTE_MAX = 48;

/** Cuts `text` to `max` characters, ending with an ellipsis when it was longer. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  // Never leave half of a surrogate pair behind.
  const safe = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  return `${safe}…`;
}

/** Cuts `text` to `max` characters in its middle, keeping both ends (file names, paths). */
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${clip(text.slice(0, head + 1), head + 1).slice(0, head)}…${text.slice(text.length - tail)}`;
}

/** Control characters and line breaks shown escaped, so that one problem stays one line. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (char) =>
    char === '\n' ? '\\n' : char === '\t' ? '\\t' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What a value is, in words, for values that are not text. */
export function kindOf(value: unknown): Part {
  if (value === undefined) return say`nothing`;
  if (value === null) return say`an empty value`;
  if (Array.isArray(value)) return say`a list`;
  if (typeof value === 'object') return say`a mapping`;
  if (typeof value === 'number')
    return Number.isNaN(value) ? say`a value that is not a number (.nan)` : Number.isFinite(value) ? say`a number` : say`an infinite number`;
  if (typeof value === 'boolean') return value ? say`true` : say`false`;
  if (typeof value === 'string') return say`a text`;
  return say`a value of an unsupported kind`;
}

/** A value the author wrote, between quotes and cut to QUOTE_MAX characters. */
export function quote(value: string, max = QUOTE_MAX): Part {
  if (typeof value !== 'string') return kindOf(value);
  return neutral(`"${clip(printable(value), max)}"`);
}

/** A name the format or the pack defines (a file, a tag, a language, an id), unquoted and cut. */
export function name(value: string, max = QUOTE_MAX * 2): Part {
  if (typeof value !== 'string') return kindOf(value);
  return neutral(clipMiddle(printable(value), max));
}

/** English digit grouping: 139000 → "139,000" (other languages group in their renderer). */
function groupedEnglish(whole: number): string {
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `-${digits}` : digits;
}

/** A whole number, with thousands grouped: 139000 → "139,000". */
export function count(value: number): Part {
  if (typeof value !== 'number' || !Number.isFinite(value)) return kindOf(value);
  const whole = Math.trunc(value);
  return part(groupedEnglish(whole), { number: whole });
}

/** A number as written (a limit, a bound), or its kind when it is not a finite number. */
export function amount(value: number | bigint): Part {
  if (typeof value === 'bigint') return neutral(clip(value.toString(), 24));
  if (typeof value !== 'number' || !Number.isFinite(value)) return kindOf(value);
  return Number.isInteger(value) ? count(value) : part(String(value), { number: value });
}

/**
 * "1 file" / "3 files": `count` with the noun that agrees with it. The key is the English singular
 * ("{{n}} file"); each language's catalogue has the plural forms it needs.
 */
export function counted(value: number, singular: string, plural = `${singular}s`): Part {
  if (typeof value !== 'number' || !Number.isFinite(value)) return kindOf(value);
  const whole = Math.trunc(value);
  return part(`${groupedEnglish(whole)} ${Math.abs(whole) === 1 ? singular : plural}`, { key: `{{n}} ${singular}`, count: whole });
}

/**
 * Names joined by commas, cut after `maxItems` or `maxChars` characters with "…" (and how many
 * more there were), so that a list never grows with the input.
 */
export function list(values: readonly string[], { maxItems = 6, maxChars = 90, quoted = false } = {}): Part {
  const shown: string[] = [];
  let length = 0;
  for (const value of values) {
    if (shown.length >= maxItems) break;
    const item = (quoted ? quote(value, 32) : name(value, 32)).en;
    if (shown.length && length + item.length + 2 > maxChars) break;
    shown.push(item);
    length += item.length + 2;
  }
  const rest = values.length - shown.length;
  const names = neutral(shown.join(', '));
  return rest > 0 ? say`${names}, … (${count(rest)} more)` : names;
}

/**
 * A message made of literal text and typed parts: the only way a loader message is worded. Its
 * key is the template with `{{0}}`, `{{1}}`… for the parts (see the file's head).
 */
export function say(strings: TemplateStringsArray, ...parts: readonly Part[]): Said {
  let en = strings[0] ?? '';
  let key = en;
  const words: Words[] = [];
  parts.forEach((given, index) => {
    const made = isPart(given) ? given : kindOf(given);
    en += made.en + (strings[index + 1] ?? '');
    key += `{{${index}}}${strings[index + 1] ?? ''}`;
    words.push(made.words);
  });
  return part(en, words.length ? { key, parts: words } : { key });
}

/** Text from a trusted source that is not a user value (a parser's own sentence), cut to `max`. */
export function verbatim(text: string, max = 120): Part {
  if (typeof text !== 'string') return kindOf(text);
  return neutral(clip(printable(text), max));
}

/** One of the grader's messages, shown in its own words (its English is its key until rendered). */
export function graderSays(message: GradingMessage): Part {
  return part(message.key, { grading: message });
}

const englishLanguageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language by its code, named in words ("English"); a code that is not one is shown as written. */
export function languageName(code: string): Part {
  if (typeof code !== 'string') return kindOf(code);
  let en = name(code, 12).en;
  try {
    if (/^[a-z]{2,3}$/.test(code)) en = englishLanguageNames.of(code) ?? en;
  } catch {
    // A code Intl does not take stays as written.
  }
  return part(en, { language: clip(code, 12) });
}

/** Phrases joined by commas ("tone, policy"). */
export function joined(parts: readonly Part[]): Part {
  if (!parts.length) return neutral('');
  return parts.slice(1).reduce((sum, next) => say`${sum}, ${next}`, parts[0]!);
}

/** The keys of the catalogue `words` uses (phrases and counted nouns), for tests and tools. */
export function keysOf(words: Words): string[] {
  if ('key' in words) return [words.key, ...('parts' in words && words.parts ? words.parts.flatMap(keysOf) : [])];
  return [];
}
