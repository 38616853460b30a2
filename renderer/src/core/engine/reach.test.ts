import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { summarizeAt } from './audience';
import { reachAt, reachSeries, targetResults } from './reach';
import type { EngineInput, TimelineState } from './timeline';
import { advanceTo, finish, initialTimeline, publish } from './timeline';

const minimal = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const base = minimal.scenarios[0]!;
// A second account on another platform: its publications must never count towards the first's.
const scenario: Scenario = {
  ...base,
  accounts: [...base.accounts, { ...base.accounts[0]!, id: 'embassy-fb', platform: 'facebook', handle: 'AzuriaEmbassyFB' }],
};
const inputWith = (targets: Scenario['targets']): EngineInput => ({
  scenario: { ...scenario, targets },
  playLanguage: 'en',
  manifest: minimal.manifest,
  seed: 7,
});
const input = inputWith(undefined);
const GOOD = 'We understand your worry. Stay calm: our hotline +99 123 456 789 is open around the clock.';

/** Publishes the hotline post at 0:10 and plays on to `until`. */
function played(engine: EngineInput = input, until = 60): TimelineState {
  let state = advanceTo(engine, initialTimeline(engine), 10);
  state = publish(engine, state, { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null });
  return advanceTo(engine, state, until);
}

describe('reach over an attempt', () => {
  it('is nothing at all while nothing is published', () => {
    // The hotline never published, the branch on its missed deadline ends the scenario at 0:30.
    const state = advanceTo(input, initialTimeline(input), 60);
    expect(reachSeries(input, state, 'embassy-x')).toEqual([
      { at: 0, reach: 0, engagement: 0 },
      { at: 30, reach: 0, engagement: 0 },
    ]);
  });

  it('adds up what the feed shows under the publication, at each minute something changes', () => {
    const state = played();
    const plan = state.reactions['pub-1']!;
    const series = reachSeries(input, state, 'embassy-x');
    expect(series[0]).toEqual({ at: 0, reach: 0, engagement: 0 });
    expect(series[series.length - 1]!.at).toBe(60);
    for (const point of series) {
      const totals = summarizeAt(plan, point.at);
      expect(point).toEqual({ at: point.at, reach: totals.reach, engagement: totals.likes + totals.shares + totals.replies });
    }
    // Compact: each point but the last changes something, in time order, and nothing goes down.
    for (let index = 1; index < series.length; index += 1) {
      const [previous, point] = [series[index - 1]!, series[index]!];
      expect(point.at).toBeGreaterThan(previous.at);
      expect(point.reach).toBeGreaterThanOrEqual(previous.reach);
      expect(point.engagement).toBeGreaterThanOrEqual(previous.engagement);
      if (index < series.length - 1) expect(point.reach !== previous.reach || point.engagement !== previous.engagement).toBe(true);
    }
    // Every minute the plan changes the totals is a point: the first minute after publication among them.
    expect(series[1]!.at).toBe(11);
    expect(series[series.length - 1]!.reach).toBe(plan.reach);
    const replies = state.feed.filter((item) => item.source === 'audience' && item.replyTo === 'pub-1').length;
    expect(replies).toBeGreaterThan(0);
    const last = plan.events[plan.events.length - 1]!;
    expect(series[series.length - 1]!.engagement).toBe(last.likes + last.shares + replies);
    expect(reachAt(state, 'embassy-x', 60)).toEqual({ reach: plan.reach, engagement: series[series.length - 1]!.engagement });
  });

  it('counts only public publications of the account: not a direct message, nor another account', () => {
    const alone = played();
    let state = advanceTo(input, initialTimeline(input), 10);
    state = publish(input, state, { accountId: 'embassy-x', kind: 'post', text: GOOD, taskId: 'publish-hotline', replyTo: null });
    state = publish(input, state, { accountId: 'embassy-x', kind: 'direct-message', text: 'Call +99 123 456 789.', taskId: null, replyTo: 'question' });
    state = publish(input, state, { accountId: 'embassy-fb', kind: 'post', text: GOOD, taskId: null, replyTo: null });
    state = advanceTo(input, state, 60);
    expect(state.reactions['pub-2']!.reach).toBeGreaterThan(0);
    expect(state.reactions['pub-3']!.reach).toBeGreaterThan(0);
    expect(reachSeries(input, state, 'embassy-x')).toEqual(reachSeries(input, alone, 'embassy-x'));
    expect(reachSeries(input, state, 'embassy-fb').at(-1)!.reach).toBe(state.reactions['pub-3']!.reach);
    expect(() => reachSeries(input, state, 'embassy-vk')).toThrow(/no account embassy-vk/);
  });

  it('stops where the attempt stopped', () => {
    let state = played(input, 20);
    state = finish(input, state);
    const series = reachSeries(input, state, 'embassy-x');
    expect(series[series.length - 1]!.at).toBe(20);
    expect(series[series.length - 1]!.reach).toBe(summarizeAt(state.reactions['pub-1']!, 20).reach);
    expect(series[series.length - 1]!.reach).toBeLessThan(state.reactions['pub-1']!.reach);
  });
});

describe('targets', () => {
  it('are none when the scenario sets none', () => {
    expect(targetResults(input, played())).toEqual([]);
  });

  it('met: reached at the first minute the figure came to the value, by the time it was due', () => {
    const series = reachSeries(input, played(), 'embassy-x');
    const goal = series[3]!; // the reach three changes in
    const engine = inputWith([{ account: 'embassy-x', metric: 'reach', value: goal.reach, by: '0:50' }]);
    const [result] = targetResults(engine, played(engine));
    expect(result).toMatchObject({ accountId: 'embassy-x', metric: 'reach', value: goal.reach, by: 50, met: true, reachedAt: goal.at });
    expect(result!.achieved).toBe(reachAt(played(engine), 'embassy-x', 50).reach);
    expect(result!.series.map((point) => point.value)).toEqual(series.map((point) => point.reach));
  });

  it('missed: due before it was reached, with the figure at that time and the minute it came late', () => {
    const series = reachSeries(input, played(), 'embassy-x');
    const goal = series[series.length - 2]!;
    const due = goal.at - 1;
    const by = `0:${String(due).padStart(2, '0')}`;
    const engine = inputWith([{ account: 'embassy-x', metric: 'reach', value: goal.reach, by }]);
    const [result] = targetResults(engine, played(engine));
    expect(result).toMatchObject({ by: due, met: false, reachedAt: goal.at, achieved: reachAt(played(engine), 'embassy-x', due).reach });
    expect(result!.achieved).toBeLessThan(goal.reach);
  });

  it('never reached: no minute, and the figure where the attempt stopped; due at the end when no time is given', () => {
    const engine = inputWith([{ account: 'embassy-fb', metric: 'engagement', value: 1_000_000 }]);
    let state = advanceTo(engine, initialTimeline(engine), 10);
    state = publish(engine, state, { accountId: 'embassy-fb', kind: 'post', text: GOOD, taskId: null, replyTo: null });
    state = finish(engine, advanceTo(engine, state, 30));
    const [result] = targetResults(engine, state);
    expect(result).toMatchObject({ accountId: 'embassy-fb', metric: 'engagement', by: 60, met: false, reachedAt: null });
    expect(result!.achieved).toBe(reachAt(state, 'embassy-fb', 30).engagement);
    expect(result!.achieved).toBeGreaterThan(0);
    expect(result!.series.at(-1)).toEqual({ at: 30, value: result!.achieved });
  });

  it('keep only the minutes at which their own figure changed', () => {
    const engine = inputWith([{ account: 'embassy-x', metric: 'engagement', value: 1 }]);
    const state = played(engine);
    const [result] = targetResults(engine, state);
    const values = result!.series.map((point) => point.value);
    for (let index = 1; index < values.length - 1; index += 1) expect(values[index]).not.toBe(values[index - 1]);
    expect(result!.met).toBe(true);
    expect(result!.reachedAt).toBe(result!.series.find((point) => point.value >= 1)!.at);
  });
});
