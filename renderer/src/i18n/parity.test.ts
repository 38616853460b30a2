// Runtime: Node (Vitest). Every translation file is complete: the same keys in every language, the
// plural forms each language needs, no empty strings, and the same {{variables}}.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../../electron/contract/api';
import { loadLanguageResources, NAMESPACES } from './resources';

/** language → namespace → the file's JSON. */
type Locales = Record<string, Record<string, unknown>>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([^}\s,]+)[^}]*\}\}/g;

function loadLocaleFiles(): Locales {
  const files = import.meta.glob<unknown>('./locales/*/*.json', { eager: true, import: 'default' });
  const locales: Locales = {};
  for (const [path, json] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) throw new Error(`Unexpected locale file path ${path}`);
    (locales[match[1]] ??= {})[match[2]] = json;
  }
  return locales;
}

/** Flattens nested objects to dotted keys; anything that is neither an object nor a string is kept as is. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [childKey, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(childKey, leaf);
    }
  } else {
    entries.set(prefix, value);
  }
  return entries;
}

function variablesOf(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(VARIABLE)].map((match) => match[1] ?? '') : [];
}

function sameSet(a: Iterable<string>, b: Iterable<string>): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

function describeSet(items: Iterable<string>): string {
  const list = [...new Set(items)].sort();
  return list.length ? list.join(', ') : 'none';
}

/**
 * Lists every way the translations fall short. A key ending in a plural suffix (`_one`, `_few`, …)
 * is a plural form: its base key must have exactly the forms Intl.PluralRules gives the language.
 * The variables of a plural key are those of all its forms together.
 */
export function findParityProblems(locales: Locales): string[] {
  const problems: string[] = [];
  const languages = Object.keys(locales).sort();
  const reference = languages.includes('en') ? 'en' : languages[0];
  const namespaces = [...new Set(languages.flatMap((language) => Object.keys(locales[language] ?? {})))].sort();

  for (const namespace of namespaces) {
    const present = languages.filter((language) => locales[language]?.[namespace] !== undefined);
    for (const language of languages.filter((language) => !present.includes(language))) {
      problems.push(`${language}/${namespace}.json is missing`);
    }

    // language → base key → (form → text); a plain key has the single form ''.
    const grouped = new Map<string, Map<string, Map<string, unknown>>>();
    const pluralBases = new Set<string>();
    for (const language of present) {
      const keys = new Map<string, Map<string, unknown>>();
      for (const [key, text] of flatten(locales[language]?.[namespace])) {
        const plural = PLURAL_SUFFIX.exec(key);
        const base = plural ? key.slice(0, plural.index) : key;
        if (plural) pluralBases.add(base);
        if (!keys.has(base)) keys.set(base, new Map());
        keys.get(base)?.set(plural?.[1] ?? '', text);
        if (typeof text !== 'string') problems.push(`${language}/${namespace}: "${key}" is not a string`);
        else if (text.trim() === '') problems.push(`${language}/${namespace}: "${key}" is empty`);
      }
      grouped.set(language, keys);
    }

    const allBases = [...new Set([...grouped.values()].flatMap((keys) => [...keys.keys()]))].sort();
    for (const base of allBases) {
      const variablesByLanguage = new Map<string, string[]>();
      for (const language of present) {
        const forms = grouped.get(language)?.get(base);
        if (!forms) {
          problems.push(`${language}/${namespace}: "${base}" is missing`);
          continue;
        }
        if (pluralBases.has(base)) {
          const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
          if (!sameSet(forms.keys(), needed)) {
            problems.push(
              `${language}/${namespace}: "${base}" has plural forms ${describeSet([...forms.keys()].map((form) => form || '(none)'))}; ${language} needs ${describeSet(needed)}`,
            );
          }
        }
        variablesByLanguage.set(language, [...forms.values()].flatMap(variablesOf));
      }
      const expected = reference ? variablesByLanguage.get(reference) : undefined;
      if (!expected) continue;
      for (const [language, variables] of variablesByLanguage) {
        if (!sameSet(variables, expected)) {
          problems.push(`${language}/${namespace}: "${base}" uses variables ${describeSet(variables)}; ${reference} uses ${describeSet(expected)}`);
        }
      }
    }
  }
  return problems;
}

describe('translations', () => {
  const locales = loadLocaleFiles();

  it('exist for every supported language and every namespace the renderer loads', () => {
    expect(Object.keys(locales).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    for (const language of SUPPORTED_LANGUAGES) {
      expect(Object.keys(locales[language] ?? {})).toEqual(expect.arrayContaining(NAMESPACES));
    }
  });

  it('are what the renderer loads', async () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const loaded = await loadLanguageResources(language);
      for (const namespace of NAMESPACES) {
        expect(loaded[namespace]).toEqual(locales[language]?.[namespace]);
      }
    }
  });

  it('are complete and consistent in every language and namespace', () => {
    expect(findParityProblems(locales)).toEqual([]);
  });
});

describe('findParityProblems', () => {
  const complete = {
    en: { feature: { title: 'Title', nested: { hello: 'Hello, {{name}}' }, item_one: '{{count}} item', item_other: '{{count}} items' } },
    ru: {
      feature: {
        title: 'Заголовок',
        nested: { hello: 'Привет, {{name}}' },
        item_one: '{{count}} элемент',
        item_few: '{{count}} элемента',
        item_many: '{{count}} элементов',
        item_other: '{{count}} элемента',
      },
    },
  };

  function withRussian(feature: Record<string, unknown>): Locales {
    return { en: complete.en, ru: { feature: { ...complete.ru.feature, ...feature } } };
  }

  it('accepts complete translations', () => {
    expect(findParityProblems(complete)).toEqual([]);
  });

  it('reports a key missing in one language', () => {
    const { title: _title, ...withoutTitle } = complete.ru.feature;
    expect(findParityProblems({ en: complete.en, ru: { feature: withoutTitle } })).toEqual(['ru/feature: "title" is missing']);
  });

  it('reports a nested key missing in one language', () => {
    expect(findParityProblems(withRussian({ nested: {} }))).toEqual(['ru/feature: "nested.hello" is missing']);
  });

  it('reports a key only another language has', () => {
    expect(findParityProblems(withRussian({ extra: 'Лишний' }))).toEqual(['en/feature: "extra" is missing']);
  });

  it('reports a namespace file missing in one language', () => {
    expect(findParityProblems({ en: { ...complete.en, more: { a: 'A' } }, ru: complete.ru })).toEqual(['ru/more.json is missing']);
  });

  it('reports a missing plural form', () => {
    const { item_few: _few, ...withoutFew } = complete.ru.feature;
    expect(findParityProblems({ en: complete.en, ru: { feature: withoutFew } })).toEqual([
      'ru/feature: "item" has plural forms many, one, other; ru needs few, many, one, other',
    ]);
  });

  it('asks Ukrainian for the same four plural forms as Russian', () => {
    const ukrainian = {
      feature: { title: 'Заголовок', nested: { hello: 'Привіт, {{name}}' }, item_one: '{{count}} елемент', item_other: '{{count}} елемента' },
    };
    expect(findParityProblems({ en: complete.en, uk: ukrainian })).toEqual(['uk/feature: "item" has plural forms one, other; uk needs few, many, one, other']);
    const withAllForms = { feature: { ...ukrainian.feature, item_few: '{{count}} елементи', item_many: '{{count}} елементів' } };
    expect(findParityProblems({ en: complete.en, ru: complete.ru, uk: withAllForms })).toEqual([]);
  });

  it('reports a plural form the language does not use', () => {
    expect(findParityProblems({ en: { feature: { ...complete.en.feature, item_few: '{{count}} items' } }, ru: complete.ru })).toEqual([
      'en/feature: "item" has plural forms few, one, other; en needs one, other',
    ]);
  });

  it('reports a plural key written as a plain one', () => {
    const { item_one: _one, item_few: _few, item_many: _many, item_other: _other, ...rest } = complete.ru.feature;
    expect(findParityProblems({ en: complete.en, ru: { feature: { ...rest, item: '{{count}} элементов' } } })).toEqual([
      'ru/feature: "item" has plural forms (none); ru needs few, many, one, other',
    ]);
  });

  it('reports empty and non-string values', () => {
    expect(findParityProblems(withRussian({ title: '  ', nested: { hello: ['Привет', '{{name}}'] } }))).toEqual([
      'ru/feature: "title" is empty',
      'ru/feature: "nested.hello" is not a string',
      'ru/feature: "nested.hello" uses variables none; en uses name',
    ]);
  });

  it('reports variables that differ from English', () => {
    expect(findParityProblems(withRussian({ nested: { hello: 'Привет, {{user}}' } }))).toEqual([
      'ru/feature: "nested.hello" uses variables user; en uses name',
    ]);
  });
});
