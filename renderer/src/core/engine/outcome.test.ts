import { describe, expect, it } from 'vitest';
import { modelAnswer, playScenario, poorAnswer } from '../../test/engine';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { modelAnswerFor, scenarioOutcome } from './outcome';

const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;

describe.each(library.scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it('played with the model answers, passes, with every reached task on time', () => {
    for (const language of ['en', 'ru']) {
      const { input, state } = playScenario(scenario, language, library.manifest, (taskId) => modelAnswer(scenario, taskId, language));
      const outcome = scenarioOutcome(input, state);
      expect(outcome.passed, language).toBe(true);
      expect(outcome.ended).toBe(true);
      for (const task of outcome.tasks.filter((t) => t.result !== 'not-reached')) {
        expect(task.result, task.taskId).toBe('passed');
        expect(task.spareMinutes).toBeGreaterThanOrEqual(0);
        expect(task.grade?.passed).toBe(true);
      }
      expect(outcome.timeline.at(-1)?.type).toBe('end');
      expect(outcome.debrief.teachingPoints.length).toBeGreaterThan(0);
    }
  });

  it('played with poor answers, takes a branch and fails', () => {
    const { input, state } = playScenario(scenario, 'en', library.manifest, (taskId) => poorAnswer(scenario, taskId));
    const outcome = scenarioOutcome(input, state);
    expect(outcome.passed).toBe(false);
    expect(outcome.tasks.some((task) => task.result === 'failed')).toBe(true);
    expect(outcome.timeline.some((entry) => entry.type === 'branch')).toBe(true);
  });
});

describe('modelAnswerFor', () => {
  const bilingual = library.scenarios.find((s) => s.id === 'chairmanship-bilingual')!;
  const languageOf = (accountId: string) => bilingual.accounts.find((a) => a.id === accountId)?.audienceLanguage;

  it("gives the answer in the language the account's audience reads, whatever the play language", () => {
    const task = bilingual.tasks.find((t) => languageOf(t.account) !== undefined)!;
    const audience = languageOf(task.account)!;
    for (const language of ['en', 'ru', 'uk']) expect(modelAnswerFor(bilingual, task, language)).toBe(task.modelAnswer[audience]);
  });

  it('gives the answer in the play language for an account without an audience language, or null when there is none', () => {
    const task = library.scenarios
      .flatMap((s) => s.tasks.map((t) => ({ s, t })))
      .find(({ s, t }) => s.accounts.find((a) => a.id === t.account)?.audienceLanguage === undefined)!;
    expect(modelAnswerFor(task.s, task.t, 'ru')).toBe(task.t.modelAnswer.ru);
    expect(modelAnswerFor(task.s, task.t, 'xx')).toBeNull();
  });
});

describe('a critical failure', () => {
  const scenario = library.scenarios.find((s) => s.id === 'flights-suspended')!;

  it('fails the scenario whatever the average, and says which publication did it', () => {
    // Every task answered with its model answer, but the first one also speculates on the cause:
    // a red line whose severity is critical by default.
    const first = scenario.tasks[0]!.id;
    const { input, state } = playScenario(scenario, 'ru', library.manifest, (taskId) => {
      const model = modelAnswer(scenario, taskId, 'ru');
      return taskId === first && model ? `${model} Скорее всего, это был теракт.` : model;
    });
    const outcome = scenarioOutcome(input, state);
    expect(scenario.passRule.rule).toBe('average-score');
    expect(outcome.average).toBeGreaterThanOrEqual(70);
    expect(outcome.passed).toBe(false);
    expect(outcome.criticalFailures).toHaveLength(1);
    expect(outcome.criticalFailures[0]).toMatchObject({ taskId: first });
    expect(outcome.criticalFailures[0]!.findings.map((finding) => finding.ruleId)).toEqual(['policy.red-line']);
  });

  it('is not there when the model answers are played', () => {
    const { input, state } = playScenario(scenario, 'en', library.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'));
    expect(scenarioOutcome(input, state).criticalFailures).toEqual([]);
  });
});
