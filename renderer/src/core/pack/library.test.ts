// The built-in library: every pack validates, meets the curriculum's bar, and survives export.
import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { buildArchive, contentHash, readArchive } from './archive';
import { formatDiagnostic } from './diagnostics';
import { loadPack } from './load';
import { scenarioLanguages } from './summary';

const files = readFolder(CORE_LIBRARY_DIR);
const { pack, diagnostics } = loadPack(files, { appVersion: '0.1.0' });

const FOUNDATIONS = [
  'flights-suspended',
  'visa-free-launch',
  'neutral-host-talks',
  'answering-criticism',
  'platform-tailoring',
  'chairmanship-bilingual',
  'earthquake-consular',
];
/** The advanced course: clearance, reports to headquarters, live events and reach targets, in its order. */
const ADVANCED = ['page-launch', 'language-year-reception', 'detained-citizen', 'forged-letter', 'hq-coordination'];
const REQUIRED_SCENARIOS = [...FOUNDATIONS, ...ADVANCED];

describe('the core library pack', () => {
  it('validates without errors or warnings', () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(pack).not.toBeNull();
  });

  it('holds the twelve scenarios, grouped by two courses', () => {
    expect(pack!.scenarios.map((s) => s.id).sort()).toEqual([...REQUIRED_SCENARIOS].sort());
    expect(pack!.courses.some((course) => [...course.scenarios].sort().join() === [...FOUNDATIONS].sort().join())).toBe(true);
    expect(pack!.courses.find((course) => course.id === 'advanced-press-service')?.scenarios).toEqual(ADVANCED);
  });

  it('offers every scenario in English and Russian, the bilingual one and three advanced ones in Ukrainian too', () => {
    for (const scenario of pack!.scenarios) {
      expect(scenarioLanguages(pack!, scenario), scenario.id).toEqual(expect.arrayContaining(['en', 'ru']));
    }
    const bilingual = pack!.scenarios.find((s) => s.id === 'chairmanship-bilingual')!;
    expect(scenarioLanguages(pack!, bilingual)).toContain('uk');
    const byId = new Map(pack!.scenarios.map((scenario) => [scenario.id, scenario]));
    const inUkrainian = (id: string) => scenarioLanguages(pack!, byId.get(id)!).includes('uk');
    expect(ADVANCED.filter(inUkrainian).length, 'advanced scenarios in Ukrainian').toBeGreaterThanOrEqual(3);
  });

  it.each(ADVANCED)('%s meets the bar of the advanced course', (id) => {
    const scenario = pack!.scenarios.find((s) => s.id === id)!;
    expect(scenario.timeline.length).toBeGreaterThanOrEqual(8);
    expect(scenario.tasks.length).toBeGreaterThanOrEqual(3);
    expect(scenario.branches.length).toBeGreaterThanOrEqual(1);
    expect(scenario.debrief.teachingPoints.length).toBeGreaterThanOrEqual(3);
    // A moderation task is graded on the actions taken on a stream, not on a text: no drafts to calibrate.
    for (const task of scenario.tasks.filter((t) => t.kind !== 'moderation'))
      expect(task.calibration.length, `${task.id}: calibration drafts`).toBeGreaterThanOrEqual(6);
  });

  it.each(FOUNDATIONS)('%s meets the curriculum bar', (id) => {
    const scenario = pack!.scenarios.find((s) => s.id === id)!;
    expect(scenario.timeline.length).toBeGreaterThanOrEqual(8);
    expect(scenario.tasks.length).toBeGreaterThanOrEqual(3);
    expect(scenario.branches.length).toBeGreaterThanOrEqual(1);
    expect(scenario.facts.length).toBeGreaterThanOrEqual(4);
    expect(new Set(scenario.facts.map((f) => f.type)).size).toBeGreaterThanOrEqual(3);
    expect(scenario.policy.keyMessages.length).toBeGreaterThanOrEqual(2);
    expect(scenario.debrief.teachingPoints.length).toBeGreaterThanOrEqual(3);
    for (const task of scenario.tasks) {
      const drafts = task.calibration;
      const verdicts = drafts.map((d) => [d.expect.tone, d.expect.policy, d.expect.platform].filter((v) => v === 'fail').length);
      expect(drafts.length, `${task.id}: calibration drafts`).toBeGreaterThanOrEqual(6);
      expect(verdicts.filter((fails) => fails === 0).length, `${task.id}: good drafts`).toBeGreaterThanOrEqual(2);
      for (const axis of ['tone', 'policy', 'platform'] as const) {
        const onlyThisAxis = drafts.filter((d) => d.expect[axis] === 'fail' && verdicts[drafts.indexOf(d)] === 1);
        expect(onlyThisAxis.length, `${task.id}: a draft failing only ${axis}`).toBeGreaterThanOrEqual(1);
      }
      expect(
        verdicts.some((fails) => fails >= 2),
        `${task.id}: a draft failing several axes`,
      ).toBe(true);
    }
  });

  it('exports to one archive and imports back bit-identical, with the same hash', () => {
    const archive = buildArchive(files, { packId: pack!.manifest.id, packVersion: pack!.manifest.version });
    const imported = readArchive(archive);
    expect(imported.manifest.contentHash).toBe(contentHash(files));
    expect(contentHash(imported.files)).toBe(contentHash(files));
    for (const [name, bytes] of files) expect(imported.files.get(name), name).toEqual(bytes);
    expect(loadPack(imported.files, { appVersion: '0.1.0' }).pack?.scenarios.length).toBe(REQUIRED_SCENARIOS.length);
  });
});
