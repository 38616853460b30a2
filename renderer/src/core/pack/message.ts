// Runtime: any (pure core). The only way the loader words a problem: `say` takes literal text and
// typed parts, each made by a function that accepts exactly one kind of value and renders it
// bounded. A raw string, a number, undefined or an object cannot be interpolated (the types refuse
// them), and the part makers cope at run time with whatever an untrusted document holds: a quoted
// value is cut with an ellipsis, a number that is not finite is named as such, and nothing ever
// renders as "undefined", "NaN" or "[object Object]".

declare const rendered: unique symbol;

/** A piece of a message, rendered and bounded. */
export type Part = string & { readonly [rendered]: 'part' };
/** A whole message or hint, made by `say`. */
export type Said = Part;

const asPart = (text: string) => text as Part;

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
  if (value === undefined) return asPart('nothing');
  if (value === null) return asPart('an empty value');
  if (Array.isArray(value)) return asPart('a list');
  if (typeof value === 'object') return asPart('a mapping');
  if (typeof value === 'number')
    return asPart(Number.isNaN(value) ? 'a value that is not a number (.nan)' : Number.isFinite(value) ? 'a number' : 'an infinite number');
  if (typeof value === 'boolean') return asPart(value ? 'true' : 'false');
  if (typeof value === 'string') return asPart('a text');
  return asPart('a value of an unsupported kind');
}

/** A value the author wrote, between quotes and cut to QUOTE_MAX characters. */
export function quote(value: string, max = QUOTE_MAX): Part {
  if (typeof value !== 'string') return kindOf(value);
  return asPart(`"${clip(printable(value), max)}"`);
}

/** A name the format or the pack defines (a file, a tag, a language, an id), unquoted and cut. */
export function name(value: string, max = QUOTE_MAX * 2): Part {
  if (typeof value !== 'string') return kindOf(value);
  return asPart(clipMiddle(printable(value), max));
}

/** A whole number, with thousands grouped: 139000 → "139,000". */
export function count(value: number): Part {
  if (typeof value !== 'number' || !Number.isFinite(value)) return kindOf(value);
  const whole = Math.trunc(value);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return asPart(whole < 0 ? `-${digits}` : digits);
}

/** A number as written (a limit, a bound), or its kind when it is not a finite number. */
export function amount(value: number | bigint): Part {
  if (typeof value === 'bigint') return asPart(clip(value.toString(), 24));
  if (typeof value !== 'number' || !Number.isFinite(value)) return kindOf(value);
  return Number.isInteger(value) ? count(value) : asPart(String(value));
}

/** "1 file" / "3 files": `count` with the noun that agrees with it. */
export function counted(value: number, singular: string, plural = `${singular}s`): Part {
  return asPart(`${count(value)} ${Math.abs(value) === 1 ? singular : plural}`);
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
    const item = quoted ? quote(value, 32) : name(value, 32);
    if (shown.length && length + item.length + 2 > maxChars) break;
    shown.push(item);
    length += item.length + 2;
  }
  const rest = values.length - shown.length;
  return asPart(rest > 0 ? `${shown.join(', ')}, … (${count(rest)} more)` : shown.join(', '));
}

/** A message made of literal text and typed parts: the only way a loader message is worded. */
export function say(strings: TemplateStringsArray, ...parts: readonly Part[]): Said {
  let out = strings[0] ?? '';
  parts.forEach((part, index) => {
    out += (typeof part === 'string' ? part : kindOf(part)) + (strings[index + 1] ?? '');
  });
  return asPart(out);
}

/** Text from a trusted source that is not a user value (a parser's own sentence), cut to `max`. */
export function verbatim(text: string, max = 120): Part {
  if (typeof text !== 'string') return kindOf(text);
  return asPart(clip(printable(text), max));
}
