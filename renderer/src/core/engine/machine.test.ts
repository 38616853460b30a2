import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { createActor } from 'xstate';
import { MACHINE_VERSION, currentVersions, persistSnapshot, replay, restoreSnapshot, step, stepPlaytest } from './attempt';
import { validateEventLog } from './event-log';
import type { EngineEvent } from './machine';
import { CLOCK_SPEEDS, createScenarioMachine } from './machine';

const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = minimal.scenarios[0]!;
const machine = createScenarioMachine({ scenario, playLanguage: 'en', manifest: minimal.manifest, seed: 7 });
const GOOD = 'We understand your worry. Stay calm: our hotline +99 123 456 789 is open around the clock.';
const publishGood: EngineEvent = { type: 'PUBLISH', draft: { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null } };

describe('the scenario machine', () => {
  it('goes from briefing to live to debrief, moved only by clock events', () => {
    let snapshot = replay(machine, []);
    expect(snapshot.value).toBe('briefing');
    snapshot = step(machine, snapshot, { type: 'START' });
    expect(snapshot.value).toBe('live');
    expect(snapshot.context.speed).toBe(1);
    snapshot = step(machine, snapshot, { type: 'CLOCK.TICK', minutes: 5 });
    expect(snapshot.context.timeline.time).toBe(5);
    snapshot = step(machine, snapshot, publishGood);
    snapshot = step(machine, snapshot, { type: 'CLOCK.TICK', minutes: 100 });
    expect(snapshot.value).toBe('debrief');
    expect(snapshot.status).toBe('done');
    expect(snapshot.context.timeline.ended?.reason).toBe('time');
  });

  it('ignores the clock during the briefing', () => {
    expect(replay(machine, [{ type: 'CLOCK.TICK', minutes: 30 }]).context.timeline.time).toBe(0);
  });

  it('refuses what cannot be done, says why, and changes nothing else', () => {
    const before = replay(machine, [{ type: 'START' }]);
    const after = step(machine, before, publishGood);
    expect(after.context.refused).toMatch(/not open/);
    expect(after.context.timeline).toEqual(before.context.timeline);
    expect(step(machine, before, { type: 'CLOCK.TICK', minutes: -3 }).context.refused).toMatch(/positive/);
  });

  it('keeps the same feed through a tick that brings nothing, and makes a new one when an inject arrives', () => {
    const before = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 1 }]);
    const quiet = step(machine, before, { type: 'CLOCK.TICK', minutes: 1 });
    expect(quiet.context.timeline.time).toBe(2);
    expect(quiet.context.timeline.feed).toBe(before.context.timeline.feed);
    expect(quiet.context.timeline.tasks).toBe(before.context.timeline.tasks);
    expect(quiet.context.timeline.queue).toBe(before.context.timeline.queue);
    const busy = step(machine, quiet, { type: 'CLOCK.TICK', minutes: 3 });
    expect(busy.context.timeline.feed).not.toBe(quiet.context.timeline.feed);
    expect(busy.context.timeline.feed.map((item) => item.id)).toEqual(['question']);
  });

  it('ends when the trainee finishes, with open tasks missed', () => {
    const snapshot = replay(machine, [{ type: 'START' }, { type: 'CLOCK.NEXT' }, { type: 'FINISH' }]);
    expect(snapshot.value).toBe('debrief');
    expect(snapshot.context.timeline.tasks['publish-hotline']!.outcome).toBe('missed');
  });

  it('leaves a task that has not opened not reached when the trainee finishes first', () => {
    const snapshot = replay(machine, [{ type: 'START' }, { type: 'FINISH' }]);
    expect(snapshot.value).toBe('debrief');
    expect(snapshot.context.timeline.tasks['publish-hotline']).toMatchObject({ status: 'waiting', outcome: null });
  });

  it("with nothing left to happen, jumps to the end of the scenario's time", () => {
    let snapshot = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 5 }, publishGood]);
    expect(snapshot.context.timeline.time).toBe(5);
    snapshot = step(machine, snapshot, { type: 'CLOCK.NEXT' });
    expect(snapshot.value).toBe('debrief');
    expect(snapshot.context.timeline.ended).toMatchObject({ at: 60, reason: 'time' });
  });

  it('reaches the debrief along every path, passing or missing the task (xstate/graph)', () => {
    const paths = getShortestPaths(machine, {
      events: [{ type: 'START' }, { type: 'CLOCK.NEXT' }, publishGood, { type: 'FINISH' }],
    });
    const ends = paths.filter((path) => path.state.value === 'debrief').map((path) => path.state.context.timeline);
    expect(ends.some((timeline) => timeline.tasks['publish-hotline']!.outcome === 'passed')).toBe(true);
    expect(
      ends.some((timeline) => timeline.tasks['publish-hotline']!.outcome === 'missed' && timeline.firedBranches.some((fired) => fired.id === 'missed-hotline')),
    ).toBe(true);
    for (const path of paths) expect(['briefing', 'live', 'debrief']).toContain(path.state.value);
  });
});

describe('the start of a scenario', () => {
  const flights: Scenario = library.scenarios.find((s) => s.id === 'flights-suspended')!;
  const flightsMachine = createScenarioMachine({ scenario: flights, playLanguage: 'en', manifest: library.manifest, seed: 5 });
  const opening = flights.timeline.filter((inject) => inject.at === '0:00').map((inject) => inject.id);

  it('has the T+0:00 injects in the feed at START', () => {
    expect(opening.length).toBeGreaterThan(0);
    const started = replay(flightsMachine, [{ type: 'START' }]);
    expect(started.context.timeline.time).toBe(0);
    expect(started.context.timeline.feed.map((item) => item.id)).toEqual(opening);
    // Next event goes on to the next inject, at 0:02, not past it.
    expect(step(flightsMachine, started, { type: 'CLOCK.NEXT' }).context.timeline.time).toBe(2);
  });

  it('replays a log saved when T+0:00 arrived with the first tick to the state it had', () => {
    // Such a log holds START, then ticks of a minute: the first tick brought the 0:00 injects, at 0:00.
    const ticks: EngineEvent[] = Array.from({ length: 12 }, () => ({ type: 'CLOCK.TICK', minutes: 1 }));
    const old: EngineEvent[] = [{ type: 'START' }, { type: 'CLOCK.SET_SPEED', speed: 8 }, ...ticks];
    expect(validateEventLog(old, flights).ok).toBe(true);
    const replayed = replay(flightsMachine, old).context.timeline;
    expect(replayed.time).toBe(12);
    expect(replayed.feed.filter((item) => item.at === 0).map((item) => item.id)).toEqual(opening);
    // The same state as if the clock had been moved there in one go, or stopped at each event.
    expect(replay(flightsMachine, [{ type: 'START' }, { type: 'CLOCK.SET_SPEED', speed: 8 }, { type: 'CLOCK.TICK', minutes: 12 }]).context.timeline).toEqual(
      replayed,
    );
    const byEvents = replay(flightsMachine, [
      { type: 'START' },
      { type: 'CLOCK.SET_SPEED', speed: 8 },
      { type: 'CLOCK.NEXT' },
      { type: 'CLOCK.NEXT' },
      { type: 'CLOCK.NEXT' },
    ]);
    expect(byEvents.context.timeline.time).toBeLessThanOrEqual(12);
    expect(step(flightsMachine, byEvents, { type: 'CLOCK.TICK', minutes: 12 - byEvents.context.timeline.time }).context.timeline).toEqual(replayed);
  });

  it('puts a publication made at 0:00 after the opening injects, as the trainee saw them', () => {
    const post: EngineEvent = {
      type: 'PUBLISH',
      draft: { accountId: flights.accounts[0]!.id, kind: 'post', text: 'We are following the news closely.', taskId: null, replyTo: null },
    };
    const feed = replay(flightsMachine, [{ type: 'START' }, post, { type: 'CLOCK.TICK', minutes: 1 }]).context.timeline.feed;
    expect(feed.slice(0, opening.length + 1).map((item) => item.id)).toEqual([...opening, 'pub-1']);
  });
});

describe('a play-test sending an inject now', () => {
  it('delivers a scheduled inject at the current minute, and it arrives only once', () => {
    const started = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 1 }]);
    expect(started.context.timeline.queue.map((item) => item.inject.id)).toEqual(['question']);
    const sent = stepPlaytest(machine, started, { type: 'PLAYTEST.SEND_INJECT', injectId: 'question' });
    expect(sent.context.refused).toBeNull();
    expect(sent.context.timeline.feed.map((item) => [item.id, item.at])).toEqual([['question', 1]]);
    expect(sent.context.timeline.queue).toEqual([]);
    // Its own time comes and goes: nothing arrives a second time; the task still opens at its time.
    const later = step(machine, sent, { type: 'CLOCK.TICK', minutes: 10 });
    expect(later.context.timeline.feed.map((item) => item.id)).toEqual(['question']);
    expect(later.context.timeline.tasks['publish-hotline']!.status).toBe('open');
  });

  it('refuses an inject that is not waiting (unknown, already delivered, or during the briefing), changing nothing else', () => {
    const live = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 6 }]);
    const unknown = stepPlaytest(machine, live, { type: 'PLAYTEST.SEND_INJECT', injectId: 'nowhere' });
    expect(unknown.context.refused).toBe('no inject "nowhere" waits to be delivered');
    expect(unknown.context.timeline).toEqual(live.context.timeline);
    expect(stepPlaytest(machine, live, { type: 'PLAYTEST.SEND_INJECT', injectId: 'question' }).context.refused).toMatch(/waits to be delivered/);
    const briefing = replay(machine, []);
    expect(stepPlaytest(machine, briefing, { type: 'PLAYTEST.SEND_INJECT', injectId: 'question' }).context.timeline).toBe(briefing.context.timeline);
  });

  it('delivers the last of many waiting injects and leaves the others to their times', () => {
    const real = library.scenarios.find((s) => s.id === 'flights-suspended')!;
    const realMachine = createScenarioMachine({ scenario: real, playLanguage: 'en', manifest: library.manifest, seed: 3 });
    let snapshot = replay(realMachine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 1 }]);
    const waiting = snapshot.context.timeline.queue.map((item) => item.inject.id);
    const last = waiting.at(-1)!;
    snapshot = stepPlaytest(realMachine, snapshot, { type: 'PLAYTEST.SEND_INJECT', injectId: last });
    expect(snapshot.context.timeline.feed.map((item) => item.id)).toContain(last);
    expect(snapshot.context.timeline.queue.map((item) => item.inject.id)).toEqual(waiting.slice(0, -1));
  });

  it("is never part of a trainee's log: the log's validator refuses it", () => {
    const result = validateEventLog([{ type: 'START' }, { type: 'PLAYTEST.SEND_INJECT', injectId: 'question' }], scenario);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.key).toBe('eventLog.unknownType');
  });
});

describe('persisting an attempt', () => {
  const versions = currentVersions('minimal', '1.0.0', 'hotline', 'en', 7);
  const events: EngineEvent[] = [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 7 }, publishGood, { type: 'CLOCK.SET_SPEED', speed: 4 }];

  it('restores a snapshot saved at every clock speed, 60× included', () => {
    for (const speed of CLOCK_SPEEDS) {
      const snapshot = replay(machine, [{ type: 'START' }, { type: 'CLOCK.SET_SPEED', speed }]);
      const saved = { versions, snapshot: JSON.parse(JSON.stringify(persistSnapshot(machine, snapshot))) };
      const restored = restoreSnapshot(machine, saved, versions);
      expect(restored.refusal).toBeNull();
      expect(restored.snapshot?.context.speed).toBe(speed);
    }
  });

  it('saves the snapshot exactly as an actor holding it would persist it', () => {
    for (const count of [0, 1, events.length]) {
      const snapshot = replay(machine, events.slice(0, count));
      expect(JSON.stringify(persistSnapshot(machine, snapshot))).toBe(JSON.stringify(createActor(machine, { snapshot }).getPersistedSnapshot()));
    }
  });

  it('restores from the snapshot to the same state as replaying the log', () => {
    const snapshot = replay(machine, events);
    const saved = { versions, snapshot: JSON.parse(JSON.stringify(persistSnapshot(machine, snapshot))) };
    const restored = restoreSnapshot(machine, saved, versions);
    expect(restored.refusal).toBeNull();
    expect(restored.snapshot?.value).toEqual(snapshot.value);
    expect(restored.snapshot?.context).toEqual(snapshot.context);
  });

  it('refuses a snapshot made under other versions and says why, leaving the log to be replayed', () => {
    const snapshot = replay(machine, events);
    const saved = { versions: { ...versions, machineVersion: 0, packVersion: '0.9.0' }, snapshot: persistSnapshot(machine, snapshot) };
    const restored = restoreSnapshot(machine, saved, versions);
    expect(restored.snapshot).toBeNull();
    expect(restored.refusal).toContain(`machineVersion 0 → ${MACHINE_VERSION}`);
    expect(restored.refusal).toContain('packVersion 0.9.0 → 1.0.0');
  });

  it('refuses a missing snapshot instead of starting over from the briefing', () => {
    for (const missing of [undefined, null]) {
      expect(restoreSnapshot(machine, { versions, snapshot: missing }, versions)).toEqual({
        snapshot: null,
        refusal: 'the saved snapshot is missing',
        cause: 'unreadable',
      });
    }
  });

  it('refuses a damaged snapshot, saying where, for the log to be replayed instead', () => {
    const persisted = JSON.parse(JSON.stringify(persistSnapshot(machine, replay(machine, events)))) as { context: { timeline: Record<string, unknown> } };
    const damaged = (edit: (copy: typeof persisted) => void) => {
      const copy = structuredClone(persisted);
      edit(copy);
      return restoreSnapshot(machine, { versions, snapshot: copy }, versions);
    };
    expect(damaged(() => undefined).refusal).toBeNull();
    expect(damaged((copy) => (copy.context = {} as typeof copy.context))).toEqual({
      snapshot: null,
      refusal: 'the saved snapshot is damaged (at context.speed)',
      cause: 'unreadable',
    });
    expect(damaged((copy) => (copy.context.timeline.feed = 'none')).refusal).toBe('the saved snapshot is damaged (at context.timeline.feed)');
    expect(damaged((copy) => (copy.context.timeline.time = Number.NaN)).refusal).toBe('the saved snapshot is damaged (at context.timeline.time)');
    expect(damaged((copy) => ((copy.context.timeline.feed as Array<Record<string, unknown>>)[1]!.grade = null)).refusal).toBe(
      'the saved snapshot is damaged (at context.timeline.feed.1.grade)',
    );
    expect(damaged((copy) => (copy.context.timeline.tasks = {})).refusal).toBe('the saved snapshot is damaged (its tasks are not those of the scenario)');
    expect(restoreSnapshot(machine, { versions, snapshot: 'live' }, versions).refusal).toBe('the saved snapshot is damaged (not a snapshot)');
  });

  it('continues after stopping at any event exactly as if it had never stopped', () => {
    const real: Scenario = library.scenarios.find((s) => s.id === 'flights-suspended')!;
    const realMachine = createScenarioMachine({ scenario: real, playLanguage: 'ru', manifest: library.manifest, seed: 11 });
    const answers = real.tasks.map((task): EngineEvent => ({
      type: 'PUBLISH',
      draft: { accountId: task.account, kind: task.kind, text: task.modelAnswer.ru!, taskId: task.id, replyTo: task.replyTo ?? null },
    }));
    const event = fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((minutes): EngineEvent => ({ type: 'CLOCK.TICK', minutes })),
      fc.constant<EngineEvent>({ type: 'CLOCK.NEXT' }),
      fc.constantFrom(...answers),
      fc.constantFrom<EngineEvent>({ type: 'CLOCK.SET_SPEED', speed: 2 }, { type: 'CLOCK.SET_SPEED', speed: 0 }),
    );
    const realVersions = currentVersions('core-library', '1.0.0', real.id, 'ru', 11);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 14 }), fc.nat(), (tail, cut) => {
        const log: EngineEvent[] = [{ type: 'START' }, ...tail];
        const stopAt = cut % (log.length + 1);
        const straight = replay(realMachine, log);
        const saved = { versions: realVersions, snapshot: JSON.parse(JSON.stringify(persistSnapshot(realMachine, replay(realMachine, log.slice(0, stopAt))))) };
        let resumed = restoreSnapshot(realMachine, saved, realVersions).snapshot!;
        for (const next of log.slice(stopAt)) resumed = step(realMachine, resumed, next);
        expect(resumed.value).toEqual(straight.value);
        expect(resumed.context).toEqual(straight.context);
      }),
      { numRuns: 40 },
    );
  });
});
