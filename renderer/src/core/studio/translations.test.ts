// Missing translations: the list of localized fields agrees with the format's schema, and what a
// text lacks is found in a file as the author left it.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPack } from '../pack/load';
import { createPackSchemas } from '../pack/schema';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { countMissingUnder, isLocalizedPath, localizedTexts, missingTranslations, packFileKind } from './translations';

const files = readFolder(CORE_LIBRARY_DIR);
const { pack } = loadPack(files, { appVersion: '0.1.0' });
const decoder = new TextDecoder();
const plain = (file: string): unknown => parse(decoder.decode(files.get(file)));

/** Every object in `value` whose keys are all language codes holding strings, with its path. */
function languageMaps(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => languageMaps(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([key, item]) => /^[a-z]{2}$/.test(key) && typeof item === 'string')) return [path];
  return entries.flatMap(([key, item]) => languageMaps(item, [...path, key]));
}

describe('localized fields', () => {
  it.each(['pack.yaml', 'personas.yaml', 'courses.yaml', ...pack!.scenarios.map((s) => `scenarios/${s.id}.yaml`)])(
    '%s: every language map in the file is a localized field, and none lacks a language',
    (file) => {
      const kind = packFileKind(file)!;
      const value = plain(file);
      const found = localizedTexts(kind, value, ['en', 'ru']).map((text) => text.path);
      expect(found.map((path) => path.join('.')).sort()).toEqual(
        languageMaps(value)
          .map((path) => path.join('.'))
          .sort(),
      );
      for (const path of found) expect(isLocalizedPath(kind, path)).toBe(true);
      expect(missingTranslations(kind, value, ['en', 'ru'])).toEqual([]);
    },
  );

  it('agrees with the schema: a scenario stripped of Russian fails validation at exactly the texts listed as lacking it', () => {
    const value = plain('scenarios/flights-suspended.yaml');
    const strip = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(strip);
      if (typeof node !== 'object' || node === null) return node;
      return Object.fromEntries(Object.entries(node).flatMap(([key, item]) => (key === 'ru' ? [] : [[key, strip(item)]])));
    };
    const stripped = strip(value);
    const lacking = missingTranslations('scenario', stripped, ['en', 'ru'])
      .filter((text) => text.path[2] !== 'modelAnswer') // a cross-reference check, not the schema's
      .map((text) => [...text.path, 'ru'].join('.'));
    const result = createPackSchemas({ languages: ['en', 'ru'] }).scenario.safeParse(stripped);
    const schemaPaths = result.success ? [] : result.error.issues.filter((issue) => issue.path.at(-1) === 'ru').map((issue) => issue.path.join('.'));
    expect(lacking.length).toBeGreaterThan(20);
    expect(lacking.sort()).toEqual(schemaPaths.sort());
  });
});

const SCENARIO = parse(`
title: { en: Hotline, ru: Горячая линия }
summary: { en: "Flights are suspended." }
accounts:
  - { id: embassy-x, name: { en: Embassy, ru: "  " }, audience: { description: { en: Citizens, ru: Граждане } } }
  - { id: uk-page, audienceLanguage: uk, name: { en: Page, ru: Стр } }
facts:
  - { id: hotline, type: phone, label: { en: Hotline, ru: Линия }, value: "+99 123" }
  - { id: minister, type: name, label: { en: Minister, ru: Министр }, value: { en: Ana Berg } }
tasks:
  - { id: t1, account: embassy-x, title: { en: Post }, brief: { en: B, ru: Б }, modelAnswer: { en: A } }
  - { id: t2, account: uk-page, title: { en: P, ru: П }, brief: { en: B, ru: Б }, modelAnswer: { uk: В } }
audience: { replies: { hostile: [ { text: { ru: Нет } } ] } }
`);

describe('missingTranslations', () => {
  const missing = missingTranslations('scenario', SCENARIO, ['en', 'ru']);
  const byPath = Object.fromEntries(missing.map((text) => [text.path.join('.'), text.missing]));

  it('finds absent and blank languages, required texts not written at all (where their parent is), and leaves optional ones alone', () => {
    expect(byPath).toEqual({
      summary: ['ru'],
      situation: ['en', 'ru'],
      'accounts.0.name': ['ru'],
      'facts.1.value': ['ru'],
      'tasks.0.title': ['ru'],
      'tasks.0.modelAnswer': ['ru'],
      'audience.replies.hostile.0.text': ['en'],
    });
  });

  it('asks a model answer only for the language its account is read in', () => {
    const answers = localizedTexts('scenario', SCENARIO, ['en', 'ru']).filter((text) => text.path[2] === 'modelAnswer');
    expect(answers.map((text) => [text.path[1], text.languages])).toEqual([
      [0, ['en', 'ru']],
      [1, ['uk']],
    ]);
  });

  it('lists them in reading order and counts them per section', () => {
    expect(missing.map((text) => text.path.join('.'))).toEqual([
      'summary',
      'situation',
      'accounts.0.name',
      'facts.1.value',
      'tasks.0.title',
      'tasks.0.modelAnswer',
      'audience.replies.hostile.0.text',
    ]);
    expect(countMissingUnder(missing, ['accounts'])).toBe(1);
    expect(countMissingUnder(missing, ['tasks', 0])).toBe(2);
    expect(countMissingUnder(missing, [])).toBe(8);
  });

  it('reads nothing from what is not a pack file', () => {
    expect(packFileKind('media/a.png')).toBeNull();
    expect(localizedTexts('scenario', 'text', ['en'])).toEqual([]);
  });
});
