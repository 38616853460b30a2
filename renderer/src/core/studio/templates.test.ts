// Runtime: any (pure core). A new pack from the template, and a library scenario copied as a pack, load clean.
import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { failingModelAnswers } from '../grading/model-answers';
import type { PackFiles } from '../pack/archive';
import { formatDiagnostic } from '../pack/diagnostics';
import { loadPack } from '../pack/load';
import { documentFromFiles, DocumentEditError, packFilesOf, readAt, referencesTo } from './document';
import { copyScenarioAsPack, newPackTemplate } from './templates';

const NOW = Date.UTC(2026, 11, 6, 12, 0);

function load(files: PackFiles) {
  return loadPack(files, { appVersion: '0.1.0' });
}

function errorsOf(files: PackFiles): string[] {
  return load(files)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);
}

describe('a new pack from the template', () => {
  const options = {
    packId: 'consular-drills',
    scenarioId: 'storm-hotline',
    title: { en: 'Consular drills: a storm', ru: 'Консульские учения: шторм' },
    languages: ['en', 'ru'],
    author: { name: 'Mira Holt, "trainer"', organisation: 'Academy: press unit' },
    now: NOW,
  };
  const doc = newPackTemplate(options);

  it('loads with no problem at all', () => {
    const result = load(packFilesOf(doc));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.pack?.scenarios.map((scenario) => scenario.id)).toEqual(['storm-hotline']);
    expect(result.pack?.manifest.title).toEqual(options.title);
    expect(result.pack?.manifest.authors).toEqual([{ name: 'Mira Holt, "trainer"', organisation: 'Academy: press unit' }]);
  });

  it('has one account, fact, key message, inject and task, with a model answer in every language that passes its task', () => {
    const pack = load(packFilesOf(doc)).pack!;
    const scenario = pack.scenarios[0]!;
    expect([scenario.accounts.length, scenario.facts.length, scenario.policy.keyMessages.length, scenario.timeline.length, scenario.tasks.length]).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(Object.keys(scenario.tasks[0]!.modelAnswer)).toEqual(['en', 'ru']);
    // A reach target shows the goals an author may set; clearance and live streams are explained in comments.
    expect(scenario.targets).toEqual([{ account: 'embassy-x', metric: 'reach', value: 5000, by: '1:00' }]);
    expect(doc.texts.get('scenarios/storm-hotline.yaml')).toMatch(/# clearance: \{ reviewer: .*, delay: "0:05", extra: "0:05" \}/);
    expect(doc.texts.get('scenarios/storm-hotline.yaml')).toContain('hq-request or live (a live stream');
    expect(failingModelAnswers(pack)).toEqual([]);
  });

  it('explains its parts in comments, and dates its creation', () => {
    for (const text of doc.texts.values()) expect(text.split('\n').filter((line) => line.trim().startsWith('#')).length).toBeGreaterThan(0);
    expect(doc.texts.get('pack.yaml')).toContain('2026-12-06');
    expect(
      doc.texts
        .get('scenarios/storm-hotline.yaml')!
        .split('\n')
        .filter((line) => line.trim().startsWith('#')).length,
    ).toBeGreaterThan(15);
  });

  it('takes three languages, Ukrainian texts included, and still passes', () => {
    const three = newPackTemplate({ ...options, languages: ['uk', 'en', 'ru'], title: { uk: 'Навчання', en: 'Drills', ru: 'Учения' } });
    const pack = load(packFilesOf(three)).pack!;
    expect(pack.manifest.languages).toEqual(['uk', 'en', 'ru']);
    expect(failingModelAnswers(pack)).toEqual([]);
  });

  it('gives a language without sample texts the English ones to translate, and still loads', () => {
    const withFrench = newPackTemplate({ ...options, languages: ['en', 'fr'], title: { en: 'Drills' } });
    expect(errorsOf(packFilesOf(withFrench))).toEqual([]);
    expect(readAt(withFrench, 'pack.yaml', ['title', 'fr'])).toBe('Drills');
  });

  it('refuses ids that are not ids', () => {
    expect(() => newPackTemplate({ ...options, packId: 'Not An Id' })).toThrow(DocumentEditError);
    expect(() => newPackTemplate({ ...options, scenarioId: '../up' })).toThrow(DocumentEditError);
  });
});

describe('a library scenario copied as a pack', () => {
  const library = readFolder(CORE_LIBRARY_DIR);
  const libraryWarnings = load(library).diagnostics.filter((d) => d.file === 'scenarios/flights-suspended.yaml').length;

  it('loads without errors, under the new ids, with only the personas it uses', () => {
    const doc = copyScenarioAsPack(library, 'flights-suspended', { newPackId: 'coral-bay', newScenarioId: 'coral-bay-flights' });
    expect([...doc.texts.keys()].sort()).toEqual(['pack.yaml', 'personas.yaml', 'scenarios/coral-bay-flights.yaml']);
    const result = load(packFilesOf(doc));
    expect(errorsOf(packFilesOf(doc))).toEqual([]);
    expect(result.diagnostics.length).toBeLessThanOrEqual(libraryWarnings);
    const pack = result.pack!;
    expect(pack.manifest.id).toBe('coral-bay');
    expect(pack.manifest.version).toBe('1.0.0');
    expect(pack.manifest.title).toEqual(pack.scenarios[0]!.title);
    const source = documentFromFiles(library);
    const used = load(library)
      .pack!.personas.map((persona) => persona.id)
      .filter((id) => referencesTo(source, { kind: 'persona', id }).some((place) => place.file === 'scenarios/flights-suspended.yaml'));
    expect(pack.personas.map((persona) => persona.id)).toEqual(used);
    expect(doc.texts.get('pack.yaml')).toContain('# yaml-language-server');
  });

  it('copies every library scenario cleanly, leaving out the pack personas it does not use', () => {
    const all = load(library).pack!.personas.length;
    let fewer = 0;
    for (const scenario of load(library).pack!.scenarios) {
      const doc = copyScenarioAsPack(library, scenario.id, { newPackId: 'copy', newScenarioId: scenario.id });
      expect(errorsOf(packFilesOf(doc)), scenario.id).toEqual([]);
      if ((load(packFilesOf(doc)).pack?.personas.length ?? 0) < all) fewer += 1;
    }
    expect(fewer).toBeGreaterThan(0);
    // Twelve scenarios, each loaded twice: more than the default few seconds on a busy machine.
  }, 60_000);

  it('refuses a scenario the pack does not have', () => {
    expect(() => copyScenarioAsPack(library, 'no-such-scenario', { newPackId: 'copy', newScenarioId: 'copy' })).toThrow(DocumentEditError);
  });
});
