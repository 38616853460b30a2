// The studio's timeline: the built-in library's scenarios placed as the engine plays them, and a
// branch-heavy scenario (chained branches, all/any, a time condition, an ending, a cycle).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPack } from '../pack/load';
import { offsetMinutes } from '../pack/schema';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { advanceTo, initialTimeline } from '../engine/timeline';
import type { TimelineBranch, TimelineInject, TimelineTask } from './timeline';
import { layoutGraph, scenarioTimeline } from './timeline';

const { pack } = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' });
const scenarios = pack!.scenarios;

const injects = (items: ReturnType<typeof scenarioTimeline>['items']) => items.filter((item): item is TimelineInject => item.kind === 'inject');
const tasks = (items: ReturnType<typeof scenarioTimeline>['items']) => items.filter((item): item is TimelineTask => item.kind === 'task');
const branches = (items: ReturnType<typeof scenarioTimeline>['items']) => items.filter((item): item is TimelineBranch => item.kind === 'branch');

describe('scenarioTimeline on the built-in library', () => {
  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))('%s: every inject, task and branch is placed', (_, scenario) => {
    const timeline = scenarioTimeline(scenario);
    expect(timeline.unplaced).toEqual([]);
    expect(timeline.duration).toBe(offsetMinutes(scenario.duration));
    const branchInjects = scenario.branches.reduce((sum, branch) => sum + branch.then.injects.length, 0);
    expect(injects(timeline.items)).toHaveLength(scenario.timeline.length + branchInjects);
    expect(
      tasks(timeline.items)
        .map((task) => task.id)
        .sort(),
    ).toEqual(scenario.tasks.map((task) => task.id).sort());
    expect(branches(timeline.items).map((branch) => branch.id)).toEqual(expect.arrayContaining(scenario.branches.map((branch) => branch.id)));
    expect(timeline.accounts.slice(0, scenario.accounts.length)).toEqual(scenario.accounts.map((account) => account.id));
    for (const [index, inject] of scenario.timeline.entries()) {
      expect(timeline.items).toContainEqual(
        expect.objectContaining({ kind: 'inject', id: inject.id, at: offsetMinutes(inject.at), branch: null, path: ['timeline', index] }),
      );
    }
    for (const task of scenario.tasks.filter((t) => t.opensAt !== undefined)) {
      expect(timeline.items).toContainEqual(
        expect.objectContaining({
          kind: 'task',
          id: task.id,
          opensAt: offsetMinutes(task.opensAt!),
          due: offsetMinutes(task.due),
          openedBy: null,
          account: task.account,
        }),
      );
    }
    const starts = timeline.items.map((item) => (item.kind === 'task' ? item.opensAt : item.at));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s: where the engine fires a branch and its injects when no task is answered',
    (_, scenario) => {
      const timeline = scenarioTimeline(scenario);
      // Minute by minute, as the player's clock ticks (a time condition holds from its own minute).
      const input = { scenario, playLanguage: 'en', manifest: pack!.manifest, seed: 1 };
      let state = initialTimeline(input);
      for (let minute = 0; minute <= offsetMinutes(scenario.duration) && !state.ended; minute += 1) state = advanceTo(input, state, minute);
      for (const fired of state.firedBranches) {
        expect(branches(timeline.items).find((branch) => branch.id === fired.id)?.at, fired.id).toBe(fired.at);
      }
      for (const item of state.feed) {
        if (item.source !== 'inject') continue;
        const placed = injects(timeline.items).find((inject) => inject.id === item.id);
        expect(placed?.at, item.id).toBe(item.at);
      }
      for (const [id, task] of Object.entries(state.tasks)) {
        if (task.opensAt === null) continue;
        const placed = tasks(timeline.items).find((t) => t.id === id);
        expect(placed && [placed.opensAt, placed.due], id).toEqual([task.opensAt, task.due]);
      }
    },
  );

  it('draws the branch graph of answering-criticism: the task whose failure fires the branch, and what it adds', () => {
    const scenario = scenarios.find((s) => s.id === 'answering-criticism')!;
    const { graph } = scenarioTimeline(scenario);
    expect(graph.edges).toContainEqual({ from: 'task:reply-to-mp', to: 'branch:reply-backfired', label: 'failed', join: 'any' });
    expect(graph.edges).toContainEqual({ from: 'branch:reply-backfired', to: 'inject:reply-backfired/lashes-out-story', label: 'adds' });
  });
});

const BRANCHY = parse(`
id: branchy
duration: "2:00"
accounts:
  - { id: main-x, platform: x }
  - { id: inbox, platform: telegram }
timeline:
  - { id: opening, at: "0:00", type: news, persona: wire, account: main-x }
  - { id: dm, at: "0:10", type: direct-message, persona: citizen, account: inbox }
  - { id: broken-time, at: "ten past", type: post, persona: wire, account: main-x }
tasks:
  - { id: first-post, kind: post, account: main-x, opensAt: "0:05", due: "0:20" }
  - { id: answer-dm, kind: direct-message, account: inbox, opensAt: "0:10", due: "0:30" }
  - { id: correction, kind: post, account: main-x, due: "0:15" }
  - { id: follow-up, kind: thread, account: main-x, due: "0:25" }
  - { id: orphan, kind: post, account: main-x, due: "0:10" }
  - { id: elsewhere, kind: post, account: other-account, opensAt: "1:00", due: "1:10" }
branches:
  - id: first-failed
    when: { any: [ { task: first-post, outcome: failed }, { task: first-post, outcome: missed } ] }
    then:
      openTasks: [correction]
      injects:
        - { id: angry-reply, at: "0:03", type: reply, persona: citizen, account: main-x }
  - id: both-done
    when: { all: [ { task: correction, outcome: passed }, { task: answer-dm, outcome: passed } ] }
    then: { openTasks: [follow-up] }
  - id: half-time
    when: { any: [ { time: "1:00" } ] }
    then:
      injects: [ { id: hq-check, at: "0:00", type: hq-request, persona: hq, account: inbox } ]
  - id: early-either
    when: { any: [ { time: "1:30" }, { task: answer-dm, outcome: missed } ] }
    then: { end: { outcome: failed, message: { en: Too late. } } }
  - id: loop-a
    when: { any: [ { task: orphan, outcome: passed } ] }
    then: { openTasks: [orphan] }
`);

describe('scenarioTimeline on a branch-heavy scenario', () => {
  const timeline = scenarioTimeline(BRANCHY);
  const find = (kind: string, id: string) => timeline.items.find((item) => item.kind === kind && item.id === id);

  it('places the scenario timeline and the tasks with their own times', () => {
    expect(timeline.duration).toBe(120);
    expect(find('inject', 'opening')).toMatchObject({ at: 0, account: 'main-x', branch: null });
    expect(find('task', 'first-post')).toMatchObject({ opensAt: 5, due: 20, openedBy: null });
  });

  it('fires an outcome branch at the deadline, marked as possibly earlier; its injects count from it and the tasks it opens too', () => {
    expect(find('branch', 'first-failed')).toMatchObject({ at: 20, byOutcome: true, end: null });
    expect(find('inject', 'angry-reply')).toMatchObject({ at: 23, branch: 'first-failed', path: ['branches', 0, 'then', 'injects', 0] });
    expect(find('task', 'correction')).toMatchObject({ opensAt: 20, due: 35, openedBy: 'first-failed', path: ['tasks', 2] });
  });

  it('fires "all" when the last condition can hold, chaining through a branch-opened task', () => {
    expect(find('branch', 'both-done')).toMatchObject({ at: 35, byOutcome: true });
    expect(find('task', 'follow-up')).toMatchObject({ opensAt: 35, due: 60, openedBy: 'both-done' });
  });

  it('fires a time branch at its time and "any" at its first condition', () => {
    expect(find('branch', 'half-time')).toMatchObject({ at: 60, byOutcome: false });
    expect(find('inject', 'hq-check')).toMatchObject({ at: 60, account: 'inbox' });
    expect(find('branch', 'early-either')).toMatchObject({ at: 30, byOutcome: true, end: { outcome: 'failed' } });
  });

  it('lists what cannot be placed, saying why, instead of failing', () => {
    expect(timeline.unplaced).toEqual([
      { kind: 'inject', id: 'broken-time', path: ['timeline', 2], reason: 'no-time' },
      { kind: 'task', id: 'orphan', path: ['tasks', 4], reason: 'never-opens' },
      { kind: 'branch', id: 'loop-a', path: ['branches', 4], reason: 'never-fires' },
    ]);
  });

  it('gives a lane to an account an item names that the scenario does not list', () => {
    expect(timeline.accounts).toEqual(['main-x', 'inbox', 'other-account']);
  });

  it('draws the branch graph: conditions → branch → what it opens, adds or ends; laid out left to right', () => {
    const { graph } = timeline;
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: 'task:first-post', to: 'branch:first-failed', label: 'failed', join: 'any' },
        { from: 'task:first-post', to: 'branch:first-failed', label: 'missed', join: 'any' },
        { from: 'branch:first-failed', to: 'task:correction', label: 'opens' },
        { from: 'branch:first-failed', to: 'inject:first-failed/angry-reply', label: 'adds' },
        { from: 'task:correction', to: 'branch:both-done', label: 'passed', join: 'all' },
        { from: 'time:1:00', to: 'branch:half-time', label: 'time', join: 'any' },
        { from: 'branch:early-either', to: 'end:early-either', label: 'ends' },
        { from: 'task:orphan', to: 'branch:loop-a', label: 'passed', join: 'any' },
        { from: 'branch:loop-a', to: 'task:orphan', label: 'opens' },
      ]),
    );
    expect(graph.nodes.find((node) => node.key === 'end:early-either')).toMatchObject({ kind: 'end', outcome: 'failed', path: ['branches', 3, 'then', 'end'] });
    const column = (key: string) => layoutGraph(graph).columns.findIndex((nodes) => nodes.some((node) => node.key === key));
    expect(column('task:first-post')).toBe(0);
    expect(column('branch:first-failed')).toBe(1);
    expect(column('task:correction')).toBe(2);
    expect(column('branch:both-done')).toBe(3);
    expect(column('task:follow-up')).toBe(4);
    expect(layoutGraph(graph).columns.flat()).toHaveLength(graph.nodes.length);
  });

  it('reads nothing from what is not a scenario', () => {
    for (const value of [null, 'text', 42, [], { tasks: 'none', branches: [null, { id: 3 }] }]) {
      expect(scenarioTimeline(value)).toEqual({ duration: null, items: [], unplaced: [], accounts: [], graph: { nodes: [], edges: [] } });
    }
  });
});
