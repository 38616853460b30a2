import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { modelAnswer, playScenario } from '../../test/engine';
import type { EngineInput } from './timeline';
import { advanceTo, EngineError, finish, initialTimeline, nextEventTime, publish } from './timeline';

const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const input: EngineInput = { scenario: minimal.scenarios[0]!, playLanguage: 'en', manifest: minimal.manifest, seed: 7 };
const GOOD = 'We understand your worry. Stay calm: our hotline +99 123 456 789 is open around the clock.';

describe('the simulated timeline', () => {
  it('brings injects into the feed at their offsets and opens tasks on time', () => {
    let state = initialTimeline(input);
    state = advanceTo(input, state, 4);
    expect(state.feed).toEqual([]);
    expect(state.tasks['publish-hotline']!.status).toBe('waiting');
    state = advanceTo(input, state, 5);
    expect(state.feed.map((item) => item.id)).toEqual(['question']);
    expect(state.tasks['publish-hotline']!.status).toBe('open');
  });

  it('grades a publication, settles its task and does not fire the missed-deadline branch', () => {
    let state = advanceTo(input, initialTimeline(input), 10);
    state = publish(input, state, { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null });
    expect(state.tasks['publish-hotline']).toMatchObject({ status: 'done', outcome: 'passed', publicationId: 'pub-1' });
    state = advanceTo(input, state, 60);
    expect(state.firedBranches).toEqual([]);
    expect(state.ended).toMatchObject({ reason: 'time', at: 60 });
  });

  it('marks a task missed at its deadline, and the branch on it ends the scenario', () => {
    const state = advanceTo(input, initialTimeline(input), 45);
    expect(state.tasks['publish-hotline']).toMatchObject({ status: 'missed', outcome: 'missed' });
    expect(state.firedBranches).toEqual([{ id: 'missed-hotline', at: 30 }]);
    expect(state.ended).toEqual({ at: 30, reason: 'branch', branchId: 'missed-hotline', outcome: 'failed' });
    expect(state.time).toBe(30);
  });

  it('jumps to the next event', () => {
    const state = initialTimeline(input);
    expect(nextEventTime(state)).toBe(5);
    expect(nextEventTime(advanceTo(input, state, 5))).toBe(30);
  });

  it('refuses what cannot happen, with a clear error', () => {
    const state = advanceTo(input, initialTimeline(input), 10);
    expect(() => advanceTo(input, state, 5)).toThrow(EngineError);
    expect(() => publish(input, state, { accountId: 'nope', kind: 'post', text: GOOD, taskId: null, replyTo: null })).toThrow(/no account/);
    expect(() =>
      publish(input, initialTimeline(input), { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null }),
    ).toThrow(/not open/);
    expect(() => publish(input, state, { accountId: 'embassy-x', kind: 'post', text: '  ', taskId: 'publish-hotline', replyTo: null })).toThrow(/empty/);
  });

  it('counts open and scheduled tasks as missed when the trainee finishes early', () => {
    const state = finish(input, initialTimeline(input));
    expect(state.tasks['publish-hotline']!.outcome).toBe('missed');
    expect(state.ended?.reason).toBe('finished');
  });
});

describe('the audience in the timeline', () => {
  const flights = library.scenarios.find((s) => s.id === 'flights-suspended')!;
  const play = (seed: number) => playScenario(flights, 'en', library.manifest, (taskId) => modelAnswer(flights, taskId, 'en'), seed);

  it('plans a reaction for every publication and brings its replies into the feed as their minute comes', () => {
    let state = advanceTo(input, initialTimeline(input), 10);
    state = publish(input, state, { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null });
    const plan = state.reactions['pub-1']!;
    expect(plan.events.length).toBeGreaterThan(0);
    const replyTimes = plan.events.filter((event) => event.reply).map((event) => event.at);
    expect(state.feed.filter((item) => item.source === 'audience')).toEqual([]);
    expect(replyTimes.every((at) => at > 10 && at <= 60)).toBe(true);
    state = advanceTo(input, state, 60);
    const replies = state.feed.filter((item) => item.source === 'audience');
    expect(replies.map((item) => item.at)).toEqual(replyTimes);
    expect(replies.every((item) => item.replyTo === 'pub-1' && item.accountId === 'embassy-x')).toBe(true);
    expect(state.pendingReplies).toEqual([]);
  });

  it('keeps the feed in time order with replies among the injects', () => {
    const { state } = play(3);
    const times = state.feed.map((item) => item.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(state.feed.some((item) => item.source === 'audience')).toBe(true);
  });

  it('gives the same feed for the same seed and actions, and another for another seed', () => {
    expect(play(5).state).toEqual(play(5).state);
    const audienceOf = (seed: number) => play(seed).state.feed.filter((item) => item.source === 'audience');
    expect(audienceOf(5)).not.toEqual(audienceOf(6));
  });

  it('has a direct message answered by its recipient', () => {
    const scenario = library.scenarios.find((s) => s.tasks.some((t) => t.kind === 'direct-message' && t.recipient))!;
    const task = scenario.tasks.find((t) => t.kind === 'direct-message' && t.recipient)!;
    const { state } = playScenario(scenario, 'en', library.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'), 2);
    const publication = state.tasks[task.id]!.publicationId!;
    const answers = [...state.feed, ...state.pendingReplies].filter((item) => item.source === 'audience' && item.replyTo === publication);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ personaId: task.recipient });
  });
});

describe('every built-in scenario', () => {
  it.each(library.scenarios.map((s): [string, Scenario] => [s.id, s]))(
    '%s: the model answers pass every task that opens, and no failure branch fires',
    (_id, scenario) => {
      for (const language of ['en', 'ru']) {
        const { state } = playScenario(scenario, language, library.manifest, (taskId) => modelAnswer(scenario, taskId, language));
        const outcomes = Object.values(state.tasks).filter((t) => t.outcome !== null);
        expect(outcomes.length, `${language}: tasks settled`).toBeGreaterThanOrEqual(3);
        expect(
          outcomes.filter((t) => t.outcome !== 'passed').map((t) => t.id),
          language,
        ).toEqual([]);
        expect(state.ended, language).not.toBeNull();
      }
    },
  );

  it.each(library.scenarios.map((s) => [s.id, s] as const))('%s: with no answers, tasks are missed and a branch fires', (_id, scenario) => {
    const { state } = playScenario(scenario, 'en', library.manifest, () => null);
    expect(Object.values(state.tasks).some((t) => t.outcome === 'missed')).toBe(true);
    expect(state.firedBranches.length).toBeGreaterThan(0);
  });

  it('plays the same way every time', () => {
    const scenario = library.scenarios[0]!;
    const once = playScenario(scenario, 'ru', library.manifest, (taskId) => modelAnswer(scenario, taskId, 'ru'));
    const again = playScenario(scenario, 'ru', library.manifest, (taskId) => modelAnswer(scenario, taskId, 'ru'));
    expect(again).toEqual(once);
  });
});

describe('a publication outside any task', () => {
  it('is graded for what it says, never for what a task would require', () => {
    let state = advanceTo(input, initialTimeline(input), 5);
    state = publish(input, state, {
      accountId: 'embassy-x',
      kind: 'post',
      text: 'We understand your worry. We are following the situation closely and will post updates here.',
      taskId: null,
      replyTo: null,
    });
    const publication = state.feed.find((item) => item.source === 'trainee')!;
    expect(publication.source === 'trainee' && publication.grade.findings.map((finding) => finding.ruleId)).toEqual([]);
    expect(publication.source === 'trainee' && publication.grade.passed).toBe(true);
  });

  it('still loses points for a wrong fact it states', () => {
    let state = advanceTo(input, initialTimeline(input), 5);
    state = publish(input, state, {
      accountId: 'embassy-x',
      kind: 'post',
      text: 'Our hotline is +99 123 456 780, open around the clock.',
      taskId: null,
      replyTo: null,
    });
    const publication = state.feed.find((item) => item.source === 'trainee')!;
    expect(publication.source === 'trainee' && publication.grade.findings.map((finding) => finding.ruleId)).toEqual(['policy.fact-mismatch']);
  });
});
