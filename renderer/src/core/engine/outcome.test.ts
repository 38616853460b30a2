import { describe, expect, it } from 'vitest';
import { modelAnswer, playScenario, poorAnswer } from '../../test/engine';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { AXES } from '../pack/schema';
import { modelAnswerFor, scenarioOutcome } from './outcome';
import type { Draft, EngineInput, TimelineState } from './timeline';
import { advanceTo, finish, finishAccounting, initialTimeline, publish, start } from './timeline';

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
        // A moderation task publishes nothing (it is settled at its deadline): no time to spare to check.
        const moderation = scenario.tasks.find((t) => t.id === task.taskId)?.kind === 'moderation';
        if (!moderation) expect(task.spareMinutes).toBeGreaterThanOrEqual(0);
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

/** Plays a library scenario: each step publishes a draft at its minute; then either Finish at `finishAt` or to the end. */
function playSteps(scenario: Scenario, steps: Array<{ at: number; draft: Draft }>, finishAt?: number): { input: EngineInput; state: TimelineState } {
  const input: EngineInput = { scenario, playLanguage: 'en', manifest: library.manifest, seed: 1 };
  let state = start(input, initialTimeline(input));
  for (const step of steps) state = publish(input, advanceTo(input, state, step.at), step.draft);
  if (finishAt === undefined) return { input, state: advanceTo(input, state, Number.POSITIVE_INFINITY) };
  return { input, state: finish(input, advanceTo(input, state, finishAt)) };
}

const flights = library.scenarios.find((s) => s.id === 'flights-suspended')!;
const dm = (replyTo: string | null, text = 'Please call our hotline +99 123 456 789 now, we will help you.'): Draft => ({
  accountId: 'embassy-vk',
  kind: 'direct-message',
  text,
  taskId: null,
  replyTo,
});

describe('duty of care', () => {
  it('names an urgent message nobody answered, and leaves the grade as it was', () => {
    const { input, state } = playScenario(flights, 'en', library.manifest, (taskId) => modelAnswer(flights, taskId, 'en'));
    const outcome = scenarioOutcome(input, state);
    expect(outcome.passed).toBe(true);
    expect(outcome.dutyOfCare).toEqual([
      { injectId: 'lina-insulin', personaId: 'tourist-lina', accountId: 'embassy-vk', at: 70, answeredAt: null, publicationId: null },
    ]);
  });

  it('counts a direct message replying to it as the answer, with when it was sent', () => {
    const { input, state } = playSteps(flights, [{ at: 85, draft: dm('lina-insulin') }]);
    expect(scenarioOutcome(input, state).dutyOfCare).toEqual([
      { injectId: 'lina-insulin', personaId: 'tourist-lina', accountId: 'embassy-vk', at: 70, answeredAt: 85, publicationId: 'pub-1' },
    ]);
  });

  it('counts a direct message to its author, sent after it arrived, and not one sent before', () => {
    // The notification is missed, so Lina writes angrily at 0:37; answering that at 0:40 is no answer
    // to the insulin message of 1:10, answering it again at 1:15 is.
    const before = playSteps(flights, [{ at: 40, draft: dm('lina-angry') }]);
    expect(scenarioOutcome(before.input, before.state).dutyOfCare[0]).toMatchObject({ injectId: 'lina-insulin', answeredAt: null });
    const after = playSteps(flights, [
      { at: 40, draft: dm('lina-angry') },
      { at: 75, draft: dm('lina-angry') },
    ]);
    expect(scenarioOutcome(after.input, after.state).dutyOfCare[0]).toMatchObject({ injectId: 'lina-insulin', answeredAt: 75, publicationId: 'pub-2' });
  });

  it('counts a public reply to it, but not a message to someone else', () => {
    const reply = playSteps(flights, [{ at: 72, draft: { ...dm('lina-insulin'), kind: 'reply' } }]);
    expect(scenarioOutcome(reply.input, reply.state).dutyOfCare[0]).toMatchObject({ answeredAt: 72, publicationId: 'pub-1' });
    const other = playSteps(flights, [{ at: 80, draft: { ...dm('holt-question'), accountId: 'embassy-x' } }]);
    expect(scenarioOutcome(other.input, other.state).dutyOfCare[0]).toMatchObject({ answeredAt: null });
  });

  it('lists nothing for a message that never arrived', () => {
    const { input, state } = playSteps(flights, [], 30);
    expect(scenarioOutcome(input, state).dutyOfCare).toEqual([]);
  });
});

describe('tasks not reached and missed', () => {
  const model = (taskId: string) => modelAnswer(flights, taskId, 'en')!;
  const task = (id: string) => flights.tasks.find((t) => t.id === id)!;
  const answer = (id: string): Draft => ({ accountId: task(id).account, kind: task(id).kind, text: model(id), taskId: id, replyTo: task(id).replyTo ?? null });
  it('at T+0:00 counts every scheduled task as not reached because the trainee finished early, none as missed', () => {
    const input: EngineInput = { scenario: flights, playLanguage: 'en', manifest: library.manifest, seed: 1 };
    const finished = finish(input, start(input, initialTimeline(input)));
    const outcome = scenarioOutcome(input, finished);
    // The finish dialog counts the same way.
    expect(finishAccounting(input, finished)).toEqual({
      missed: [],
      notReached: outcome.tasks.filter((t) => t.notReachedBecause === 'finished-early').map((t) => t.taskId),
    });
    const results = Object.fromEntries(outcome.tasks.map((t) => [t.taskId, [t.result, t.notReachedBecause]]));
    expect(results).toEqual({
      'mass-notification': ['not-reached', 'finished-early'],
      'reply-pavel': ['not-reached', 'finished-early'],
      'rumour-post': ['not-reached', 'finished-early'],
      'reply-holt': ['not-reached', 'finished-early'],
      // Only a failed or missed notification opens it: the story never went there.
      'resend-notification': ['not-reached', 'not-opened'],
    });
    expect(outcome.timeline.some((entry) => entry.type === 'task-missed')).toBe(false);
    expect(outcome.scores).toEqual({ tone: 0, policy: 0, platform: 0 });
    expect(outcome.passed).toBe(false);
  });

  it('scores a task finished before it opened 0, and leaves out one the story never opened', () => {
    const input: EngineInput = { scenario: flights, playLanguage: 'en', manifest: library.manifest, seed: 1 };
    let state = publish(input, advanceTo(input, start(input, initialTimeline(input)), 5), answer('mass-notification'));
    state = finish(input, advanceTo(input, state, 12));
    expect(finishAccounting(input, state)).toEqual({ missed: ['reply-pavel'], notReached: ['rumour-post', 'reply-holt'] });
    const outcome = scenarioOutcome(input, state);
    const byId = new Map(outcome.tasks.map((t) => [t.taskId, t]));
    expect(byId.get('mass-notification')!.result).toBe('passed');
    // reply-pavel opened at 0:12, when the trainee finished: missed, at that minute.
    expect(byId.get('reply-pavel')!).toMatchObject({ result: 'missed' });
    expect(byId.get('reply-pavel')!.notReachedBecause).toBeUndefined();
    expect(outcome.timeline).toContainEqual({ at: 12, type: 'task-missed', taskId: 'reply-pavel' });
    expect(byId.get('rumour-post')!).toMatchObject({ result: 'not-reached', notReachedBecause: 'finished-early' });
    expect(byId.get('resend-notification')!).toMatchObject({ result: 'not-reached', notReachedBecause: 'not-opened' });
    // Four tasks count (one passed, one missed, two finished early); the fifth does not.
    const grade = byId.get('mass-notification')!.grade!;
    for (const axis of AXES) expect(outcome.scores[axis]).toBeCloseTo(grade.axes[axis].score / 4, 1);
    expect(outcome.passed).toBe(false);
  });

  it('fails "all-passed" for a task finished before it opened, and not for one the story never opened', () => {
    const strict: Scenario = { ...flights, passRule: { rule: 'all-passed' } };
    const input: EngineInput = { scenario: strict, playLanguage: 'en', manifest: library.manifest, seed: 1 };
    const all = playScenario(strict, 'en', library.manifest, (taskId) => modelAnswer(strict, taskId, 'en'));
    const played = scenarioOutcome(all.input, all.state);
    expect(played.tasks.find((t) => t.taskId === 'resend-notification')).toMatchObject({ result: 'not-reached', notReachedBecause: 'not-opened' });
    expect(played.passed).toBe(true);
    let state = publish(input, advanceTo(input, start(input, initialTimeline(input)), 5), answer('mass-notification'));
    state = finish(input, advanceTo(input, state, 6));
    expect(scenarioOutcome(input, state).passed).toBe(false);
  });

  it('counts nothing as finished early when time or a branch ended the scenario', () => {
    const input: EngineInput = { scenario: flights, playLanguage: 'en', manifest: library.manifest, seed: 1 };
    const ended = { ...initialTimeline(input), ended: { at: 0, reason: 'branch' as const, branchId: null, outcome: null } };
    const outcome = scenarioOutcome(input, ended);
    expect(outcome.tasks.every((t) => t.result === 'not-reached' && t.notReachedBecause === 'not-opened')).toBe(true);
    expect(outcome.scores).toEqual({ tone: 0, policy: 0, platform: 0 });
  });
});

describe('reach targets in the outcome', () => {
  const scenario = library.scenarios.find((s) => s.id === 'flights-suspended')!;
  const accounts = [...new Set(scenario.tasks.filter((task) => task.kind === 'post').map((task) => task.account))];

  it('sit beside the grade: the same pass, scores and tasks with targets met, missed or none', () => {
    const none = playScenario({ ...scenario, targets: undefined }, 'en', library.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'));
    const plain = scenarioOutcome(none.input, none.state);
    expect(plain.targets).toEqual([]);
    for (const value of [1, 1_000_000_000]) {
      const targets = accounts.map((account) => ({ account, metric: 'reach' as const, value }));
      const played = playScenario({ ...scenario, targets }, 'en', library.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'));
      const outcome = scenarioOutcome(played.input, played.state);
      expect(outcome.targets.map((target) => [target.accountId, target.met])).toEqual(accounts.map((account) => [account, value === 1]));
      expect({ ...outcome, targets: [] }).toEqual(plain);
    }
  });
});
