// Runtime: Node (Vitest). The wording of the interface, beyond what the parity test checks: the agreed
// Russian and Ukrainian terms, counts that go through plural forms, no double full stops after
// abbreviations, and language names declined inside sentences instead of pasted in the nominative.
import { describe, expect, it } from 'vitest';
import { absorbAbbreviationStop } from '../core/locale';
import { GRADED_LANGUAGES } from '../core/grading/text';
import type { MoodleProblem } from '../core/records/moodle';
import { describeProblem } from '../ui/exports/texts';
import { folderProblemText } from '../ui/studio/folder-problem';
import { LANGUAGE_CHOICES } from '../ui/studio/start/NewPackDialog';
import { ArchiveError } from '../core/pack/archive';
import { parseYaml } from '../core/pack/yaml';
import { documentFromFiles } from '../core/studio/document';
import { buildPackArchive } from '../studio/publish';
import { renderGradingMessage, type Translate } from './grading-message';
import { renderDiagnostic } from './pack-diagnostic-message';
import { addStudioResources } from './studio-resources';
import { createI18n } from './index';

type Tree = { [key: string]: string | Tree };
/** language → namespace → the file's JSON, as the parity test reads them. */
const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

interface Entry {
  language: string;
  namespace: string;
  key: string;
  text: string;
}

function entriesOf(tree: Tree, prefix: string): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : entriesOf(value, path);
  });
}

const ENTRIES: Entry[] = Object.entries(files).flatMap(([path, tree]) => {
  const [, language = '', namespace = ''] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  return entriesOf(tree, '').map(([key, text]) => ({ language, namespace, key, text }));
});
const russian = ENTRIES.filter((entry) => entry.language === 'ru');
const ukrainian = ENTRIES.filter((entry) => entry.language === 'uk');
const where = (entry: Entry) => `${entry.language}/${entry.namespace}: "${entry.key}" = ${entry.text}`;

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * Parameters that carry a count. `{{0}}`-style parameters of the pack diagnostics may hold anything
 * (a name, a path, a number), so they are not judged here; their counts go through `counted`.
 */
const COUNT_PARAMS = new Set([
  'count',
  'n',
  'max',
  'min',
  'limit',
  'length',
  'total',
  'done',
  'fold',
  'parts',
  'over',
  'ceiling',
  'weight',
  'repeat',
  'shown',
  'minutes',
  'hours',
  'days',
  'followers',
  'items',
  'trainees',
  'drafts',
]);
/** Words that may follow a number without agreeing with it: prepositions, conjunctions and unit symbols («5 мин», «5 хв»). */
const FREE_WORDS = new Set([
  ...['из', 'и', 'а', 'в', 'во', 'на', 'до', 'при', 'за', 'по', 'или', 'с', 'со', 'от', 'для', 'не', 'к', 'о', 'об', 'мин', 'ч'],
  ...['з', 'із', 'зі', 'і', 'й', 'та', 'у', 'або', 'від', 'хв', 'год'],
]);
/** `{{count}} хештегов`: a counted parameter, then a Russian or Ukrainian word (not an abbreviation such as «зн.»). */
const NUMBER_THEN_WORD = /\{\{\s*([^},\s]+)[^}]*\}\}\s+([а-яёіїєґ’']+)(\.?)/giu;

/** Numbers pasted before a noun, in keys that have no plural forms to make the noun agree. */
export function countsWithoutPlural(entries: readonly Entry[]): string[] {
  return entries.flatMap((entry) => {
    if (PLURAL.test(entry.key)) return [];
    return [...entry.text.matchAll(NUMBER_THEN_WORD)]
      .filter(([, param = '', word = '', stop]) => COUNT_PARAMS.has(param) && !stop && !FREE_WORDS.has(word.toLowerCase()))
      .map(([match]) => `${where(entry)} (${match})`);
  });
}

/** Two full stops after a word ("т. д..", "etc..", "г. ."), which is never an ellipsis. */
export function doubleStops(entries: readonly Entry[]): string[] {
  return entries.filter((entry) => absorbAbbreviationStop(entry.text) !== entry.text).map(where);
}

describe('Russian terminology', () => {
  it('calls an inject «вводная» in every form, never «вброс»', () => {
    expect(russian.filter((entry) => /вброс/iu.test(entry.text)).map(where)).toEqual([]);
    const injects = russian.filter((entry) => /(^|\.)injects?$/u.test(entry.key) && entry.namespace !== 'debrief' && entry.namespace !== 'studioImport');
    expect(injects.length).toBeGreaterThan(3);
    for (const entry of injects) expect(entry.text, where(entry)).toMatch(/вводн/iu);
  });

  it('calls a task «задача», never «задание»', () => {
    expect(russian.filter((entry) => /задани[еяюйи]/iu.test(entry.text)).map(where)).toEqual([]);
  });

  it('a scenario is «пройден», never «сыгран»: the trainee «проходит» it', () => {
    expect(russian.filter((entry) => /(^|[^а-яё])(игра(ют|ет|йте|ть)|сыгра(н|ть))/iu.test(entry.text)).map(where)).toEqual([]);
  });

  it('calls the scenario’s approved hashtags «утверждённые», one word for one idea', () => {
    expect(russian.filter((entry) => /одобренн\S* хештег/iu.test(entry.text)).map(where)).toEqual([]);
  });
});

describe('Ukrainian terminology', () => {
  it('calls an inject «ввідна» in every form, never the Russian «вводная» or «вкид»', () => {
    expect(ukrainian.filter((entry) => /вводн|вброс|вкид/iu.test(entry.text)).map(where)).toEqual([]);
    const injects = ukrainian.filter((entry) => /(^|\.)injects?$/u.test(entry.key) && entry.namespace !== 'debrief' && entry.namespace !== 'studioImport');
    expect(injects.length).toBeGreaterThan(3);
    for (const entry of injects) expect(entry.text, where(entry)).toMatch(/ввідн/iu);
  });

  it('calls a task «завдання», never the Russian «задача»', () => {
    expect(ukrainian.filter((entry) => /задач/iu.test(entry.text)).map(where)).toEqual([]);
  });

  it('a scenario is «пройдено», never «зіграно»: the trainee «проходить» it', () => {
    expect(ukrainian.filter((entry) => /(^|[^а-яіїєґ’'])(гра(ють|є|йте|ти)|зігра(но|ний|ти))/iu.test(entry.text)).map(where)).toEqual([]);
  });

  it('approves hashtags «затверджені» and clears drafts by «погодження», never the Russian words', () => {
    expect(ukrainian.filter((entry) => /схвален\S* хештег|утвержд|согласов/iu.test(entry.text)).map(where)).toEqual([]);
  });

  it('calls headquarters «Центр», with its capital', () => {
    expect(ukrainian.filter((entry) => /(^|[^А-ЯІЇЄҐа-яіїєґ])центр(у|ом|і)?([^а-яіїєґ]|$)/u.test(entry.text)).map(where)).toEqual([]);
  });

  it('is written in Ukrainian letters: no ы, э, ъ or ё', () => {
    expect(ukrainian.filter((entry) => /[ыэъё]/iu.test(entry.text)).map(where)).toEqual([]);
  });
});

describe('counts', () => {
  it('every Russian key whose English has plural forms has all four Russian forms', () => {
    const bases = (language: string) =>
      new Set(
        ENTRIES.filter((entry) => entry.language === language && PLURAL.test(entry.key)).map((entry) => `${entry.namespace}:${entry.key.replace(PLURAL, '')}`),
      );
    const russianKeys = new Set(russian.map((entry) => `${entry.namespace}:${entry.key}`));
    const missing = [...bases('en')].flatMap((base) =>
      ['one', 'few', 'many', 'other'].filter((form) => !russianKeys.has(`${base}_${form}`)).map((form) => `${base}_${form}`),
    );
    expect(missing).toEqual([]);
  });

  it('every Ukrainian key whose English has plural forms has all four Ukrainian forms', () => {
    const bases = new Set(
      ENTRIES.filter((entry) => entry.language === 'en' && PLURAL.test(entry.key)).map((entry) => `${entry.namespace}:${entry.key.replace(PLURAL, '')}`),
    );
    const ukrainianKeys = new Set(ukrainian.map((entry) => `${entry.namespace}:${entry.key}`));
    const missing = [...bases].flatMap((base) =>
      ['one', 'few', 'many', 'other'].filter((form) => !ukrainianKeys.has(`${base}_${form}`)).map((form) => `${base}_${form}`),
    );
    expect(missing).toEqual([]);
  });

  it('no string pastes a count before a noun outside plural forms ("{{count}} хештегов", "{{count}} хештегів")', () => {
    expect(countsWithoutPlural(russian)).toEqual([]);
    expect(countsWithoutPlural(ukrainian)).toEqual([]);
  });

  it('the check finds a number pasted before a noun, and lets plural forms, abbreviations and prepositions be', () => {
    const entry = (key: string, text: string): Entry => ({ language: 'ru', namespace: 'test', key, text });
    expect(countsWithoutPlural([entry('pile', '{{count}} хештегов при норме {{max}}')])).toHaveLength(1);
    expect(countsWithoutPlural([entry('limit', 'не больше {{max}} символов')])).toHaveLength(1);
    expect(countsWithoutPlural([entry('pile_many', '{{count}} хештегов')])).toEqual([]);
    expect(countsWithoutPlural([entry('fold', 'первые {{fold}} зн. текста')])).toEqual([]);
    expect(countsWithoutPlural([entry('of', '{{done}} из {{total}}'), entry('name', '{{name}} завершил курс')])).toEqual([]);
  });

  it('says "4 хештега", "5 хештегов" and "21 хештег" through i18next', async () => {
    const i18n = await createI18n('ru');
    const say = (count: number) => i18n.t('grading:platform.too-many-hashtags', { count, max: 2, platform: 'X' });
    expect(say(4)).toBe('4 хештега при норме 2 для X — отмеченные лишние.');
    expect(say(5)).toBe('5 хештегов при норме 2 для X — отмеченные лишние.');
    expect(say(21)).toBe('21 хештег при норме 2 для X — отмеченный лишний.');
  });

  it('says "4 хештеги", "5 хештегів" and "21 хештег" in Ukrainian through i18next', async () => {
    const i18n = await createI18n('uk');
    const say = (count: number) => i18n.t('grading:platform.too-many-hashtags', { count, max: 2, platform: 'X' });
    expect(say(4)).toBe('4 хештеги за норми 2 для X — позначені зайві.');
    expect(say(5)).toBe('5 хештегів за норми 2 для X — позначені зайві.');
    expect(say(21)).toBe('21 хештег за норми 2 для X — позначений зайвий.');
    expect(i18n.t('catalogue:card.taskCount', { count: 3 })).toBe('3 завдання');
    expect(i18n.t('catalogue:card.taskCount', { count: 11 })).toBe('11 завдань');
  });
});

describe('full stops', () => {
  it('no translation has two full stops after a word', () => {
    expect(doubleStops(ENTRIES)).toEqual([]);
  });

  it('an abbreviation’s stop ends the sentence; an ellipsis and a quoted ".." stay', () => {
    expect(absorbAbbreviationStop('и т. д..')).toBe('и т. д.');
    expect(absorbAbbreviationStop('and so on, etc.. Then')).toBe('and so on, etc. Then');
    expect(absorbAbbreviationStop('6 декабря 2026 г. .')).toBe('6 декабря 2026 г.');
    expect(absorbAbbreviationStop('Wait... then')).toBe('Wait... then');
    expect(absorbAbbreviationStop('points outside the pack folder ("..")')).toBe('points outside the pack folder ("..")');
  });

  it('a Ukrainian date at the end of a sentence leaves one stop', async () => {
    const i18n = await createI18n('uk');
    const text = i18n.t('badges:issue.intro', { name: 'Ганна', course: 'Кризи', date: '6 грудня 2026 р.' });
    expect(text).toContain('6 грудня 2026 р. ');
    expect(text).not.toMatch(/р\.\s?\./u);
  });

  it('a Russian date at the end of a sentence leaves one stop', async () => {
    const i18n = await createI18n('ru');
    const text = i18n.t('badges:issue.intro', { name: 'Анна', course: 'Кризисы', date: '6 декабря 2026 г.' });
    expect(text).toContain('6 декабря 2026 г. ');
    expect(text).not.toMatch(/г\.\s?\./u);
  });
});

describe('language names', () => {
  const codes = [...new Set([...LANGUAGE_CHOICES, ...GRADED_LANGUAGES])];

  it('no Russian sentence pastes a language name in the nominative after «на языке»', () => {
    // languageIn.other names a language no phrase was written for (one outside the choices below).
    const pasted = russian.filter((entry) => entry.key !== 'languageIn.other' && /(на|в|о|об) языке:?\s*[«"]?\{\{\s*[^\d\s}]/iu.test(entry.text));
    expect(pasted.map(where)).toEqual([]);
  });

  it('no Ukrainian sentence pastes a language name in the nominative after «мовою»', () => {
    const pasted = ukrainian.filter((entry) => entry.key !== 'languageIn.other' && /мовою:?\s*[«"]?\{\{\s*[^\d\s}]/iu.test(entry.text));
    expect(pasted.map(where)).toEqual([]);
  });

  it('every language a pack may use has its "in …" phrase in every language, declined in Russian and Ukrainian', async () => {
    const phrasePattern = { en: /^in [A-Z][a-z]+$/u, ru: /^на [а-яё]+[сц]ком языке$/u, uk: /^[а-яіїєґ]+ою мовою$/u };
    for (const language of ['en', 'ru', 'uk'] as const) {
      const i18n = await createI18n(language);
      for (const code of codes) {
        expect(i18n.exists(`common:languageIn.${code}`), `${language}: ${code}`).toBe(true);
        const phrase = (i18n.t as unknown as Translate)(`common:languageIn.${code}`, {});
        expect(phrase).toMatch(phrasePattern[language]);
      }
    }
  });

  it('the grader names the languages in the case the sentence needs', async () => {
    const i18n = await createI18n('ru');
    const translate: Translate = (key, options) => (i18n.t as unknown as Translate)(key, { ns: 'grading', ...options });
    const message = { key: 'platform.wrong-language', params: { expected: 'en', detected: 'ru' } };
    expect(renderGradingMessage(translate, 'ru', message, (platform) => platform)).toBe(
      'Аудитория этого аккаунта читает на английском языке, а черновик написан на русском языке.',
    );
    const ukrainianI18n = await createI18n('uk');
    const inUkrainian: Translate = (key, options) => (ukrainianI18n.t as unknown as Translate)(key, { ns: 'grading', ...options });
    expect(renderGradingMessage(inUkrainian, 'uk', message, (platform) => platform)).toBe(
      'Аудиторія цього акаунта читає англійською мовою, а чернетку написано російською мовою.',
    );
    const english = await createI18n('en');
    const inEnglish: Translate = (key, options) => (english.t as unknown as Translate)(key, { ns: 'grading', ...options });
    expect(renderGradingMessage(inEnglish, 'en', { key: 'platform.language-unsupported', params: { language: 'de' } }, (platform) => platform)).toMatch(
      /^The draft is in German: /u,
    );
  });
});

describe('messages from libraries', () => {
  it('a YAML syntax error reads in Russian, not in the parser’s English', async () => {
    const i18n = await createI18n('ru');
    // The pack checker's words load with the studio.
    addStudioResources(i18n);
    const translate = i18n.t as unknown as Translate;
    for (const text of ['a: [1, 2\n', 'a: 1\na: 2\n', 'a: "unclosed\n']) {
      const [first] = parseYaml('scenario.yaml', text).diagnostics;
      expect(first, text).toBeDefined();
      const message = renderDiagnostic(translate, 'ru', first!).message;
      expect(message, text).toMatch(/[а-яё]/u);
      expect(message, text).not.toMatch(/\b(Missing|Map keys|must be|Nested mappings|All collection items)\b/u);
    }
  });

  it('a YAML syntax error reads in Ukrainian too', async () => {
    const i18n = await createI18n('uk');
    addStudioResources(i18n);
    const translate = i18n.t as unknown as Translate;
    for (const text of ['a: [1, 2\n', 'a: 1\na: 2\n', 'a: "unclosed\n']) {
      const [first] = parseYaml('scenario.yaml', text).diagnostics;
      expect(first, text).toBeDefined();
      const message = renderDiagnostic(translate, 'uk', first!).message;
      expect(message, text).toMatch(/[а-яіїєґ]{4}/u);
      expect(message, text).not.toBe(renderDiagnostic(translate, 'ru', first!).message);
      expect(message, text).not.toMatch(/\b(Missing|Map keys|must be|Nested mappings|All collection items)\b/u);
    }
  });

  it('a refused pack folder is explained in Russian, naming the folder', async () => {
    const i18n = await createI18n('ru');
    addStudioResources(i18n);
    const t = i18n.getFixedT('ru', 'studio');
    const keys = ['not-opened', 'gone', 'not-a-folder', 'outside', 'folder-is-link', 'folder-is-file', 'file-is-link', 'not-plain-file', 'bad-name'] as const;
    for (const key of keys) {
      const text = folderProblemText(t, { problem: 'English from the main process', code: 'refused', refusal: { key, path: '/packs/demo' } });
      expect(text, key).toContain('/packs/demo');
      expect(text, key).toMatch(/[а-яё]{4}/u);
      expect(text, key).not.toContain('English');
    }
    const failed = folderProblemText(t, { problem: 'x', code: 'refused', refusal: { key: 'write-failed', path: '/packs/demo', detail: 'EACCES' } });
    expect(failed).toMatch(/^система не дала записать файлы в \/packs\/demo .*EACCES/u);
    expect(folderProblemText(t, { problem: 'Folders can be opened in the desktop app only.', code: 'unsupported' })).toMatch(/^Папки пакетов/u);
  });

  it('an export the archive refuses is explained in Russian', async () => {
    const i18n = await createI18n('ru');
    addStudioResources(i18n);
    const bytes = new TextEncoder().encode('id: demo\n');
    const document = documentFromFiles(
      new Map([
        ['pack.yaml', bytes],
        ['media/CON.png', bytes],
      ]),
    );
    let code = '';
    try {
      buildPackArchive(document, { draft: true });
    } catch (error) {
      if (error instanceof ArchiveError) code = error.code;
    }
    expect(code).not.toBe('');
    const text = (i18n.t as unknown as Translate)(`studioPublish:publish.export.reason.${code}`, { entry: 'media/CON.png' });
    expect(text).toMatch(/[а-яё]{4}/u);
  });

  it('a score Moodle would refuse is written the reader’s way', async () => {
    const i18n = await createI18n('ru');
    const problem = {
      kind: 'score-out-of-range',
      trainee: { name: 'Анна' },
      item: { title: 'Рейсы', packTitle: 'Библиотека' },
      score: 100.25,
    } as unknown as MoodleProblem;
    expect(describeProblem(i18n.getFixedT('ru', 'exports'), problem, 'ru')).toContain('Балл 100,25 слушателя Анна');
  });
});
