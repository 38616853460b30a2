import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { modelAnswer, playScenario } from '../../test/engine';
import { scenarioOutcome } from './outcome';
import type { EngineInput } from './timeline';
import type { Branch } from '../pack/schema';
import { offsetMinutes } from '../pack/schema';
import type { TimelineState } from './timeline';
import { advanceTo, EngineError, finish, finishAccounting, initialTimeline, nextEventTime, publish, start } from './timeline';

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
    expect(nextEventTime(input, state)).toBe(5);
    expect(nextEventTime(input, advanceTo(input, state, 5))).toBe(30);
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

  // A task that never opened was not reached, whatever the reason: only `finishAccounting` tells
  // whether finishing early is why (then it counts against the trainee).
  it('counts open tasks as missed when the trainee finishes, and leaves unopened ones not reached', () => {
    const early = finish(input, start(input, initialTimeline(input)));
    expect(early.tasks['publish-hotline']).toMatchObject({ status: 'waiting', outcome: null });
    expect(early.ended).toEqual({ at: 0, reason: 'finished', branchId: null, outcome: null });
    const open = finish(input, advanceTo(input, initialTimeline(input), 10));
    expect(open.tasks['publish-hotline']).toMatchObject({ status: 'missed', outcome: 'missed' });
  });
});

/** The minutes "Next event" stops at, from the start to the end, publishing nothing. */
function stops(engine: EngineInput, from: TimelineState = start(engine, initialTimeline(engine))): { stops: number[]; state: TimelineState } {
  const times: number[] = [];
  let state = from;
  for (let next = nextEventTime(engine, state); next !== null; next = nextEventTime(engine, state)) {
    times.push(next);
    state = advanceTo(engine, state, next);
  }
  return { stops: times, state };
}

describe('the start and the next event', () => {
  const flights = library.scenarios.find((s) => s.id === 'flights-suspended')!;
  const earthquake = library.scenarios.find((s) => s.id === 'earthquake-consular')!;
  const engineFor = (scenario: Scenario): EngineInput => ({ scenario, playLanguage: 'en', manifest: library.manifest, seed: 3 });

  it('has the T+0:00 injects in the feed at the start, not a minute later', () => {
    const engine = engineFor(flights);
    const started = start(engine, initialTimeline(engine));
    expect(started.time).toBe(0);
    expect(started.feed.map((item) => [item.id, item.at])).toEqual(flights.timeline.filter((inject) => inject.at === '0:00').map((inject) => [inject.id, 0]));
    expect(started.queue.every((item) => item.at > 0)).toBe(true);
  });

  it('stops at every inject, task opening and deadline, in order, from T+0:00', () => {
    const engine = engineFor(flights);
    const { stops: times } = stops(engine);
    const expected = new Set<number>();
    for (const inject of flights.timeline) if (offsetMinutes(inject.at) > 0) expected.add(offsetMinutes(inject.at));
    for (const task of flights.tasks) {
      if (task.opensAt === undefined) continue;
      expected.add(offsetMinutes(task.opensAt));
      expected.add(offsetMinutes(task.due));
    }
    // Publishing nothing, a branch ends the scenario at the first missed deadline; every stop before it is there.
    const first = [...expected].sort((a, b) => a - b);
    expect(times.slice(0, 3)).toEqual(first.slice(0, 3));
    expect(times[0]).toBe(2);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    for (const time of first.filter((minute) => minute <= times.at(-1)!)) expect(times).toContain(time);
  });

  it('stops at a timed branch, whose injects then arrive at their own minutes', () => {
    const engine = engineFor(earthquake);
    const played = playScenario(earthquake, 'en', library.manifest, (taskId) => modelAnswer(earthquake, taskId, 'en'), 3);
    expect(played.state.firedBranches).toContainEqual({ id: 'aftershock', at: 125 });
    // From 1:35 with the tasks answered as they opened, the next stops are the branch at 2:05 and its messages.
    let state = start(engine, initialTimeline(engine));
    for (let guard = 0; guard < 100 && state.time < 95; guard += 1) {
      for (const task of earthquake.tasks) {
        if (state.tasks[task.id]!.status !== 'open') continue;
        state = publish(engine, state, {
          accountId: task.account,
          kind: task.kind,
          text: modelAnswer(earthquake, task.id, 'en')!,
          taskId: task.id,
          replyTo: task.replyTo ?? null,
        });
      }
      state = advanceTo(engine, state, Math.min(95, nextEventTime(engine, state)!));
    }
    expect(state.time).toBe(95);
    expect(state.ended).toBeNull();
    const after = stops(engine, state);
    expect(after.stops.filter((minute) => minute <= 140)).toEqual([125, 129, 135, 140]);
    const arrived = after.state.feed.filter((item) => item.source === 'inject' && ['aftershock-news', 'maya-aftershock'].includes(item.id));
    expect(arrived.map((item) => [item.id, item.at])).toEqual([
      ['aftershock-news', 125],
      ['maya-aftershock', 129],
    ]);
  });

  it('counts a timed branch only when its task conditions hold now', () => {
    const base = minimal.scenarios[0]!;
    const timed = (when: Branch['when']): EngineInput => ({
      ...input,
      scenario: { ...base, branches: [...base.branches, { id: 'later', when, then: { injects: [], openTasks: [] } }] },
    });
    const passedAt40 = timed({ all: [{ task: 'publish-hotline', outcome: 'passed' }, { time: '0:40' }] });
    let state = advanceTo(passedAt40, start(passedAt40, initialTimeline(passedAt40)), 10);
    // Not yet passed: the branch could not fire at 0:40, so the next stop is the deadline.
    expect(nextEventTime(passedAt40, state)).toBe(30);
    state = publish(passedAt40, state, { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null });
    expect(nextEventTime(passedAt40, state)).toBe(40);
    expect(advanceTo(passedAt40, state, 40).firedBranches).toEqual([{ id: 'later', at: 40 }]);
    const eitherAt20 = timed({ any: [{ task: 'publish-hotline', outcome: 'failed' }, { time: '0:20' }] });
    expect(nextEventTime(eitherAt20, advanceTo(eitherAt20, initialTimeline(eitherAt20), 10))).toBe(20);
  });

  it('lets audience replies arrive on the way, each at its own minute', () => {
    let state = advanceTo(input, start(input, initialTimeline(input)), 5);
    state = publish(input, state, { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null });
    const due = state.pendingReplies.map((reply) => reply.at);
    expect(due.length).toBeGreaterThan(0);
    const { stops: times, state: last } = stops(input, state);
    // No reply is a stop, and with nothing left "Skip to the end" takes the clock to the end.
    expect(times.some((minute) => due.includes(minute) && minute !== 30)).toBe(false);
    const end = advanceTo(input, last, Number.POSITIVE_INFINITY);
    expect(end.ended).toMatchObject({ reason: 'time', at: 60 });
    expect(end.feed.filter((item) => item.source === 'audience').map((item) => item.at)).toEqual(due);
  });

  it.each(library.scenarios.map((s) => [s.id, s] as const))('%s: every inject, opening, deadline and branch falls on a stop', (_id, scenario) => {
    const engine = engineFor(scenario);
    const answered = new Set(scenario.tasks.filter((_task, index) => index % 2 === 0).map((task) => task.id));
    let state = start(engine, initialTimeline(engine));
    const times = new Set<number>([0]);
    for (let guard = 0; guard < 500 && !state.ended; guard += 1) {
      for (const task of scenario.tasks) {
        if (state.tasks[task.id]!.status !== 'open' || !answered.has(task.id)) continue;
        state = publish(engine, state, {
          accountId: task.account,
          kind: task.kind,
          text: modelAnswer(scenario, task.id, 'en') ?? 'A statement.',
          taskId: task.id,
          replyTo: task.replyTo ?? null,
        });
      }
      const next = nextEventTime(engine, state);
      if (next === null) break;
      times.add(next);
      state = advanceTo(engine, state, next);
    }
    for (const item of state.feed) if (item.source === 'inject') expect(times).toContain(item.at);
    for (const task of Object.values(state.tasks)) {
      if (task.opensAt !== null && task.status !== 'waiting') expect(times).toContain(task.opensAt);
      if (task.status === 'missed') expect(times).toContain(task.due);
    }
    for (const fired of state.firedBranches) expect(times).toContain(fired.at);
  });
});

describe('what Finish leaves', () => {
  const flights = library.scenarios.find((s) => s.id === 'flights-suspended')!;
  const engine: EngineInput = { scenario: flights, playLanguage: 'en', manifest: library.manifest, seed: 3 };
  const scheduled = flights.tasks.filter((task) => task.opensAt !== undefined).map((task) => task.id);

  it('at T+0:00, counts every task scheduled to open as not reached and none as missed', () => {
    const state = start(engine, initialTimeline(engine));
    expect(finishAccounting(engine, state)).toEqual({ missed: [], notReached: scheduled });
    // Asked again of the finished attempt, it says the same: the debrief counts as the dialog did.
    expect(finishAccounting(engine, finish(engine, state))).toEqual({ missed: [], notReached: scheduled });
  });

  it('counts open tasks as missed and the rest as not reached, before and after Finish alike', () => {
    const state = advanceTo(engine, start(engine, initialTimeline(engine)), 12);
    const open = Object.values(state.tasks)
      .filter((task) => task.status === 'open')
      .map((task) => task.id);
    expect(open.length).toBe(2);
    const before = finishAccounting(engine, state);
    expect(before.missed).toEqual(open);
    expect(before.notReached).toEqual(scheduled.filter((id) => !open.includes(id)));
    expect(finishAccounting(engine, finish(engine, state))).toEqual(before);
  });

  it('counts a task a timed branch would open, but not one a branch that would not fire opens', () => {
    const base = minimal.scenarios[0]!;
    const extra = { ...base.tasks[0]!, id: 'follow-up', opensAt: undefined };
    const withBranch = (when: Branch['when']): EngineInput => ({
      ...input,
      scenario: {
        ...base,
        tasks: [...base.tasks, extra],
        branches: [...base.branches, { id: 'later', when, then: { injects: [], openTasks: ['follow-up'] } }],
      },
    });
    const timed = withBranch({ any: [{ time: '0:40' }] });
    expect(finishAccounting(timed, start(timed, initialTimeline(timed))).notReached).toEqual(['publish-hotline', 'follow-up']);
    const onPass = withBranch({ all: [{ task: 'publish-hotline', outcome: 'passed' }, { time: '0:40' }] });
    expect(finishAccounting(onPass, start(onPass, initialTimeline(onPass))).notReached).toEqual(['publish-hotline']);
    // A branch that would end the scenario first leaves what opens after it unreached for another reason.
    const ending = withBranch({ any: [{ time: '0:40' }] });
    ending.scenario.branches.unshift({
      id: 'stop',
      when: { any: [{ time: '0:02' }] },
      then: { injects: [], openTasks: [], end: { message: { en: 'Over.' } } },
    });
    expect(finishAccounting(ending, start(ending, initialTimeline(ending))).notReached).toEqual([]);
  });

  it.each(library.scenarios.map((s) => [s.id, s] as const))('%s: the finish dialog counts as the debrief does, whenever Finish is pressed', (_id, scenario) => {
    const engine: EngineInput = { scenario, playLanguage: 'en', manifest: library.manifest, seed: 3 };
    let state = start(engine, initialTimeline(engine));
    for (let guard = 0; guard < 500 && !state.ended; guard += 1) {
      const dialog = finishAccounting(engine, state);
      const debrief = scenarioOutcome(engine, finish(engine, state));
      expect(debrief.tasks.filter((task) => task.result === 'missed').map((task) => task.taskId)).toEqual(dialog.missed);
      expect(debrief.tasks.filter((task) => task.notReachedBecause === 'finished-early').map((task) => task.taskId)).toEqual(dialog.notReached);
      // Answer every other open task, so some tasks pass, some are missed, some branches go each way.
      // A moderation task is done by moderating its stream, not by a publication.
      const open = scenario.tasks.filter((task) => state.tasks[task.id]!.status === 'open' && task.kind !== 'moderation');
      const task = open[guard % 2];
      if (task)
        state = publish(engine, state, {
          accountId: task.account,
          kind: task.kind,
          text: modelAnswer(scenario, task.id, 'en') ?? 'A statement.',
          taskId: task.id,
          replyTo: task.replyTo ?? null,
        });
      const next = nextEventTime(engine, state);
      if (next === null) break;
      state = advanceTo(engine, state, next);
    }
  });

  it('counts nothing as not reached when the scenario ended by its time or a branch', () => {
    const ended = advanceTo(input, start(input, initialTimeline(input)), 60);
    expect(ended.ended?.reason).toBe('branch');
    expect(finishAccounting(input, ended)).toEqual({ missed: ['publish-hotline'], notReached: [] });
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
