// Runtime: Node (Vitest). A model answer that fails its own task is reported at its line, and the
// scenario the loader has just parsed is not parsed again to find that line.
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR, lineOf, readFolder, withEdit } from '../../test/packs';
import { loadPack } from './load';
import { ModelAnswerCache, modelAnswerDiagnostics } from './model-answer-diagnostics';
import { YamlCache } from './yaml';

const SCENARIO = 'scenarios/hotline.yaml';
const wrongDigit = withEdit(readFolder(MINIMAL_PACK_DIR), SCENARIO, (text) =>
  text.replace('en: Stay calm. Our hotline +99 123 456 789', 'en: Stay calm. Our hotline +99 123 456 780'),
);

describe('model answers that fail their own task', () => {
  it('are errors at the answer’s line', () => {
    const { pack } = loadPack(wrongDigit, { appVersion: '0.1.0' });
    const [failing, ...rest] = modelAnswerDiagnostics(pack!, wrongDigit);
    expect(rest).toEqual([]);
    expect(failing).toMatchObject({
      severity: 'error',
      file: SCENARIO,
      line: lineOf(wrongDigit, SCENARIO, 'en: Stay calm. Our hotline'),
      path: 'tasks[0].modelAnswer.en',
    });
  });

  it('take their lines from the files the loader has just parsed', () => {
    const yamlCache = new YamlCache();
    const { pack } = loadPack(wrongDigit, { appVersion: '0.1.0', yamlCache });
    const parsedByLoad = [...yamlCache.parsed];
    expect(parsedByLoad).toContain(SCENARIO);
    const cached = new ModelAnswerCache().diagnostics(pack!, wrongDigit, yamlCache);
    expect(yamlCache.parsed).toEqual(parsedByLoad);
    expect(cached).toEqual(modelAnswerDiagnostics(pack!, wrongDigit));
    expect(cached[0]!.line).toBe(lineOf(wrongDigit, SCENARIO, 'en: Stay calm. Our hotline'));
  });
});
