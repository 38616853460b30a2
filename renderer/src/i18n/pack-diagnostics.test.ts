// Runtime: Node (Vitest). The `packDiagnostics` catalogue is complete and exact: every template the
// loader words a problem with (read out of core/pack's sources) is in English — as itself, so the
// CLI prints what it always printed — and in Russian and Ukrainian, with the same placeholders, and
// no key is left over. Rendering real diagnostics through it gives their English word for word, and
// Russian and Ukrainian with no English template left in them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/pack/diagnostics';
import { loadPack } from '../core/pack/load';
import { keysOf } from '../core/pack/message';
import { modelAnswerDiagnostics } from '../core/pack/model-answer-diagnostics';
import { parseYaml } from '../core/pack/yaml';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../test/packs';
import type { Translate } from './grading-message';
import { renderDiagnostic } from './pack-diagnostic-message';
import { catalogueKeys } from './pack-diagnostics-keys';
import { english, loadLanguageResources } from './resources';
import { addStudioResources, studioResources } from './studio-resources';

const keys = catalogueKeys();
const en = studioResources.en.packDiagnostics as Record<string, string>;
const ru = studioResources.ru.packDiagnostics as Record<string, string>;
const uk = studioResources.uk.packDiagnostics as Record<string, string>;
const PLACEHOLDERS = /\{\{(\w+)\}\}/g;
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDERS)].map((match) => match[1]).sort();

const i18n = createInstance();
const resources = { en: english, ru: await loadLanguageResources('ru'), uk: await loadLanguageResources('uk') };
await i18n.init({ lng: 'en', fallbackLng: 'en', resources, interpolation: { escapeValue: false }, returnNull: false });
addStudioResources(i18n);
const translate = i18n.t as unknown as Translate;

describe('the packDiagnostics catalogue', () => {
  it('has every phrase of the sources, in English as itself and in Russian and Ukrainian with the same placeholders', () => {
    expect(keys.phrases.size).toBeGreaterThan(150);
    for (const phrase of keys.phrases) {
      expect(en[phrase], phrase).toBe(phrase);
      expect(ru[phrase], phrase).toBeTruthy();
      expect(placeholders(ru[phrase]!), phrase).toEqual(placeholders(phrase));
      expect(uk[phrase], phrase).toBeTruthy();
      expect(placeholders(uk[phrase]!), phrase).toEqual(placeholders(phrase));
    }
  });

  it('has every counted noun with the plural forms of each language', () => {
    for (const [key, [one, other]] of keys.counted) {
      expect([en[`${key}_one`], en[`${key}_other`]], key).toEqual([one, other]);
      for (const form of ['one', 'few', 'many', 'other']) {
        expect(ru[`${key}_${form}`], `${key}_${form}`).toContain('{{n}}');
        expect(uk[`${key}_${form}`], `${key}_${form}`).toContain('{{n}}');
      }
    }
  });

  it('keeps no key the sources no longer use', () => {
    const known = new Set([...keys.phrases, ...[...keys.counted.keys()].flatMap((key) => ['one', 'few', 'many', 'other'].map((form) => `${key}_${form}`))]);
    expect(Object.keys(en).filter((key) => !known.has(key))).toEqual([]);
    expect(Object.keys(ru).filter((key) => !known.has(key))).toEqual([]);
    expect(Object.keys(uk).filter((key) => !known.has(key))).toEqual([]);
  });
});

const minimal = readFolder(MINIMAL_PACK_DIR);
const SCENARIO = 'scenarios/hotline.yaml';
const TRAPS = path.resolve(import.meta.dirname, '..', 'core', 'pack', '__fixtures__', 'yaml-traps');

/** Diagnostics of many kinds: the YAML traps, schema problems, references, limits, a failing model answer. */
function sampleDiagnostics(): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of readdirSync(TRAPS).sort()) found.push(...parseYaml(file, readFileSync(path.join(TRAPS, file), 'utf8')).diagnostics);
  const edits: Array<(text: string) => string> = [
    (t) => t.replace('platform: x', 'platform: twitter'),
    (t) => t.replace('followers: 12000', 'followers: [many]'),
    (t) => t.replace('persona: reporter', 'persona: reportr').replace('account: embassy-x\n    opensAt', 'account: embassy-y\n    opensAt'),
    (t) => t.replace('title: { en: Hotline, ru: Горячая линия }', 'title: { en: Hotline }').replace('kind: post', 'kind: posst'),
    (t) => t.replace('due: "0:30"', 'due: "3:30"').replace('at: "0:05"', 'at: "2:05"'),
    (t) => t.replace('    requires:', '    requirez: 1\n    requires:').replace('value: "+99 123 456 789"', 'value: "call us"'),
    (t) => t.replace('opensAt: "0:05"\n', ''),
  ];
  for (const edit of edits) found.push(...loadPack(withEdit(minimal, SCENARIO, edit), { appVersion: '0.1.0' }).diagnostics);
  found.push(...loadPack(new Map([...minimal].filter(([file]) => file !== 'pack.yaml')), { appVersion: '0.1.0' }).diagnostics);
  return found;
}

describe('rendering diagnostics through the catalogue', () => {
  const diagnostics = sampleDiagnostics();

  it('gives the English of every diagnostic word for word (what pack:check prints)', () => {
    expect(diagnostics.length).toBeGreaterThan(25);
    for (const diagnostic of diagnostics)
      expect(renderDiagnostic(translate, 'en', diagnostic)).toEqual({ message: diagnostic.message, ...(diagnostic.hint ? { hint: diagnostic.hint } : {}) });
  });

  it('gives Russian with every phrase translated, words inside included', () => {
    for (const diagnostic of diagnostics) {
      const text = renderDiagnostic(translate, 'ru', diagnostic);
      const english = renderDiagnostic(translate, 'en', diagnostic);
      if (keysOf(diagnostic.words!.message).length) {
        expect(text.message, english.message).toMatch(/[а-яё]/i);
        expect(text.message).not.toBe(english.message);
      }
      if (diagnostic.hint) expect(text.hint, english.hint).toMatch(/[а-яё]/i);
      expect(text.message).not.toMatch(/\{\{|undefined|NaN/);
      expect(text.message.length).toBeLessThanOrEqual(140);
    }
    const wrongKind = diagnostics.find((d) => d.path === 'accounts[0].audience.followers')!;
    expect(renderDiagnostic(translate, 'ru', wrongKind).message).toBe('ожидается число, а здесь список');
    const platform = diagnostics.find((d) => d.path === 'accounts[0].platform')!;
    expect(renderDiagnostic(translate, 'ru', platform).hint).toBe('может быть, "x"?');
  });

  it('gives Ukrainian with every phrase translated, words inside included', () => {
    for (const diagnostic of diagnostics) {
      const text = renderDiagnostic(translate, 'uk', diagnostic);
      const english = renderDiagnostic(translate, 'en', diagnostic);
      if (keysOf(diagnostic.words!.message).length) {
        expect(text.message, english.message).toMatch(/[а-яіїєґ]/i);
        expect(text.message).not.toBe(english.message);
        expect(text.message).not.toMatch(/[ыэъё]/i);
      }
      if (diagnostic.hint) expect(text.hint, english.hint).toMatch(/[а-яіїєґ]/i);
      expect(text.message).not.toMatch(/\{\{|undefined|NaN/);
      expect(text.message.length).toBeLessThanOrEqual(140);
    }
    const wrongKind = diagnostics.find((d) => d.path === 'accounts[0].audience.followers')!;
    expect(renderDiagnostic(translate, 'uk', wrongKind).message).toBe('очікується число, а тут список');
    const platform = diagnostics.find((d) => d.path === 'accounts[0].platform')!;
    expect(renderDiagnostic(translate, 'uk', platform).hint).toBe('можливо, "x"?');
  });

  it('names languages and groups numbers the reader’s way', async () => {
    const big = loadPack(minimal, { appVersion: '0.1.0', limits: { yaml: { maxFileBytes: 1200 } } }).diagnostics[0]!;
    expect(renderDiagnostic(translate, 'en', big).message).toBe(big.message);
    expect(renderDiagnostic(translate, 'ru', big).message).toMatch(/^в файле \d\u00a0\d{3} байт; читается не больше 1\u00a0200$/);
    expect(renderDiagnostic(translate, 'uk', big).message).toMatch(/^у файлі \d\u00a0\d{3} байтів; читається не більше 1\u00a0200$/);
    const pack = loadPack(
      withEdit(minimal, SCENARIO, (t) => t.replace('en: Stay calm. Our hotline +99 123 456 789', 'en: Stay calm. Our hotline +99 123 456 780')),
      { appVersion: '0.1.0' },
    ).pack!;
    const [failing] = modelAnswerDiagnostics(
      pack,
      withEdit(minimal, SCENARIO, (t) => t.replace('456 789 is open', '456 780 is open')),
    );
    await i18n.changeLanguage('en');
    expect(renderDiagnostic(translate, 'en', failing!).message).toMatch(/^the English model answer fails its own task on policy: /);
    expect(renderDiagnostic(translate, 'ru', failing!).message).toMatch(/^образцовый ответ \(английский\) не проходит свою задачу по осям позиция: /);
    expect(renderDiagnostic(translate, 'uk', failing!).message).toMatch(/^зразкова відповідь \(англійська\) не проходить своє завдання за осями позиція: /);
  });
});
