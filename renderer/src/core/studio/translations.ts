// Runtime: any (pure core). Every trainee-visible text of a pack file (the maps `{ en: …, ru: … }`)
// and the languages each one still lacks, read leniently from the file's plain value so the studio
// can mark missing translations while the file does not validate yet. Which fields are such maps is
// the format's (core/pack/schema.ts `localized`); the tests check this list against the schema.

export type TranslationPath = readonly (string | number)[];

export type PackFileKind = 'pack' | 'personas' | 'courses' | 'scenario';

/** What kind of pack file a path inside the pack is, or null for media and unknown files. */
export function packFileKind(file: string): PackFileKind | null {
  if (file === 'pack.yaml') return 'pack';
  if (file === 'personas.yaml') return 'personas';
  if (file === 'courses.yaml') return 'courses';
  return /^scenarios\/[^/]+\.yaml$/.test(file) ? 'scenario' : null;
}

/**
 * A localized field, as a path pattern: `*` is any list item, `~` any key of a map. `optional`
 * fields are checked only when written; required ones also when absent (their parent exists).
 */
interface LocalizedField {
  pattern: readonly string[];
  optional?: boolean;
  /** The languages it must cover depend on the item (a model answer: its account's audience). */
  perAccount?: boolean;
}

const PERSONA_FIELDS: LocalizedField[] = [{ pattern: ['personas', '*', 'name'] }, { pattern: ['personas', '*', 'bio'], optional: true }];
const INJECT_FIELDS = (prefix: readonly string[]): LocalizedField[] => [
  { pattern: [...prefix, 'text'] },
  { pattern: [...prefix, 'media', '*', 'alt'] },
  // A live stream's comments are read in the trainee's language like any inject.
  { pattern: [...prefix, 'live', 'comments', '*', 'text'] },
];

const FIELDS: Record<PackFileKind, LocalizedField[]> = {
  pack: [{ pattern: ['title'] }, { pattern: ['description'] }],
  personas: PERSONA_FIELDS,
  courses: [{ pattern: ['courses', '*', 'title'] }, { pattern: ['courses', '*', 'description'] }],
  scenario: [
    { pattern: ['title'] },
    { pattern: ['summary'] },
    { pattern: ['situation'] },
    { pattern: ['role', 'title'] },
    { pattern: ['role', 'organisation'] },
    { pattern: ['accounts', '*', 'name'] },
    { pattern: ['accounts', '*', 'audience', 'description'] },
    { pattern: ['facts', '*', 'label'] },
    { pattern: ['facts', '*', 'note'], optional: true },
    // Only name and text facts hold words; the others hold one value (a number, a date...).
    { pattern: ['facts', '*', 'value'], optional: true },
    { pattern: ['policy', 'keyMessages', '*', 'wording'] },
    { pattern: ['policy', 'redLines', '*', 'description'] },
    { pattern: ['policy', 'terminology', '*', 'preferred'] },
    { pattern: ['policy', 'terminology', '*', 'note'], optional: true },
    { pattern: ['policy', 'tone', 'note'], optional: true },
    { pattern: ['clearance', 'remarks', '*'], optional: true },
    ...PERSONA_FIELDS,
    ...INJECT_FIELDS(['timeline', '*']),
    { pattern: ['tasks', '*', 'title'] },
    { pattern: ['tasks', '*', 'brief'] },
    { pattern: ['tasks', '*', 'modelAnswer'], perAccount: true },
    ...INJECT_FIELDS(['branches', '*', 'then', 'injects', '*']),
    { pattern: ['branches', '*', 'then', 'end', 'message'] },
    { pattern: ['audience', 'replies', '~', '*', 'text'] },
    { pattern: ['debrief', 'summary'] },
    { pattern: ['debrief', 'teachingPoints', '*'] },
  ],
};

export interface LocalizedText {
  path: TranslationPath;
  /** The languages it must cover. */
  languages: readonly string[];
  /** The text in each language written (blank ones left out). */
  values: Readonly<Record<string, string>>;
  /** The languages it must cover and does not. */
  missing: readonly string[];
}

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

function textsOf(value: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!isObject(value)) return values;
  for (const [language, text] of Object.entries(value)) if (typeof text === 'string' && text.trim() !== '') values[language] = text;
  return values;
}

/** Whether `path` (inside a file of `kind`) is a localized text. */
export function isLocalizedPath(kind: PackFileKind, path: TranslationPath): boolean {
  return FIELDS[kind].some(
    ({ pattern }) =>
      pattern.length === path.length &&
      pattern.every((part, index) => (part === '*' ? typeof path[index] === 'number' : part === '~' ? typeof path[index] === 'string' : part === path[index])),
  );
}

/**
 * Every localized text of a file's plain value, with what it lacks. `languages`: the scenario's (or,
 * for pack-wide files, the pack's) languages. A model answer must cover only the language its
 * account's audience reads when that is fixed.
 */
export function localizedTexts(kind: PackFileKind, value: unknown, languages: readonly string[]): LocalizedText[] {
  const out: LocalizedText[] = [];
  const accountLanguage = new Map<string, string>();
  if (kind === 'scenario' && isObject(value) && Array.isArray(value.accounts)) {
    for (const account of value.accounts) {
      if (isObject(account) && typeof account.id === 'string' && typeof account.audienceLanguage === 'string')
        accountLanguage.set(account.id, account.audienceLanguage);
    }
  }
  const fieldOf = new Map<LocalizedText, number>();
  let fieldIndex = 0;
  const visit = (field: LocalizedField, node: unknown, parent: unknown, depth: number, path: (string | number)[]): void => {
    if (depth === field.pattern.length) {
      if (node === undefined && field.optional) return;
      // A fact's value is localized only for name and text facts.
      if (field.pattern[0] === 'facts' && field.pattern[2] === 'value' && !(isObject(parent) && (parent.type === 'name' || parent.type === 'text'))) return;
      let expected = languages;
      if (field.perAccount && isObject(parent) && typeof parent.account === 'string') {
        const fixed = accountLanguage.get(parent.account);
        if (fixed !== undefined) expected = [fixed];
      }
      const values = textsOf(node);
      const text: LocalizedText = { path, languages: expected, values, missing: expected.filter((language) => values[language] === undefined) };
      out.push(text);
      fieldOf.set(text, fieldIndex);
      return;
    }
    const part = field.pattern[depth]!;
    if (part === '*') {
      if (Array.isArray(node)) node.forEach((item, index) => visit(field, item, node, depth + 1, [...path, index]));
    } else if (part === '~') {
      if (isObject(node)) for (const [key, item] of Object.entries(node)) visit(field, item, node, depth + 1, [...path, key]);
    } else if (isObject(node)) {
      visit(field, node[part], node, depth + 1, [...path, part]);
    }
  };
  for (const [index, field] of FIELDS[kind].entries()) {
    fieldIndex = index;
    visit(field, value, undefined, 0, []);
  }
  return readingOrder(kind, out, fieldOf);
}

/** The localized texts that lack a language. */
export function missingTranslations(kind: PackFileKind, value: unknown, languages: readonly string[]): LocalizedText[] {
  return localizedTexts(kind, value, languages).filter((text) => text.missing.length > 0);
}

/** How many translations are missing at or under `prefix`. */
export function countMissingUnder(missing: readonly LocalizedText[], prefix: TranslationPath): number {
  return missing.filter((text) => prefix.every((part, index) => text.path[index] === part)).reduce((sum, text) => sum + text.missing.length, 0);
}

/** The order a reader meets them: section by section as the format lists them, item by item, field by field. */
function readingOrder(kind: PackFileKind, texts: LocalizedText[], fieldOf: Map<LocalizedText, number>): LocalizedText[] {
  const sections = [...new Set(FIELDS[kind].map((field) => field.pattern[0]))];
  const key = (text: LocalizedText): number[] => [
    sections.indexOf(String(text.path[0])),
    ...text.path.slice(1, -1).map((part) => (typeof part === 'number' ? part : 0)),
    fieldOf.get(text)!,
    typeof text.path.at(-1) === 'number' ? (text.path.at(-1) as number) : 0,
  ];
  const keys = new Map(texts.map((text) => [text, key(text)]));
  return [...texts].sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    for (let index = 0; index < Math.min(x.length, y.length); index += 1) if (x[index] !== y[index]) return x[index]! - y[index]!;
    return x.length - y.length;
  });
}
