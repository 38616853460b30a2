import { describe, expect, it } from 'vitest';
import type { Course } from '../pack/schema';
import type { ProgressOutcome } from './progress';
import { courseProgress, progressByScenario, scenarioKey, scenarioProgress } from './progress';

let clock = 0;
function outcome(scenarioId: string, average: number, passed: boolean, finishedAt: number, packId = 'core'): ProgressOutcome {
  clock += 1;
  return { packId, scenarioId, average, passed, startedAt: finishedAt - 100, finishedAt, timeOnTaskMs: 60_000 + clock };
}

const course = (completion: Course['completion'], scenarios = ['a', 'b', 'c']): Course => ({
  id: 'foundations',
  title: { en: 'Foundations' },
  description: { en: '' },
  scenarios,
  completion,
});

describe('scenarioProgress', () => {
  it('is not started with nothing, and in progress with only an attempt under way', () => {
    expect(scenarioProgress([]).status).toBe('not-started');
    const standing = scenarioProgress([], [{ id: 3, packId: 'core', scenarioId: 'a', updatedAt: 50 }]);
    expect(standing).toMatchObject({ status: 'in-progress', bestScore: null, attempts: 1, finishedAttempts: 0, activeAttemptId: 3, lastActivityAt: 50 });
  });

  it('dates the completion by the first pass, which stays whatever comes after', () => {
    const standing = scenarioProgress([
      outcome('a', 40, false, 1_000),
      outcome('a', 81, true, 2_000),
      outcome('a', 95, true, 3_000),
      outcome('a', 10, false, 4_000),
    ]);
    expect(standing).toMatchObject({ status: 'passed', bestScore: 95, completedAt: 2_000, finishedAttempts: 4, lastActivityAt: 4_000 });
    expect(standing.timeOnTaskMs).toBeGreaterThan(4 * 60_000);
  });

  it('is failed when every finished attempt failed and none is under way; an attempt under way to resume is the one touched last', () => {
    expect(scenarioProgress([outcome('a', 40, false, 1_000)]).status).toBe('failed');
    const resumed = scenarioProgress(
      [outcome('a', 40, false, 1_000)],
      [
        { id: 1, packId: 'core', scenarioId: 'a', updatedAt: 5 },
        { id: 2, packId: 'core', scenarioId: 'a', updatedAt: 9 },
      ],
    );
    expect(resumed).toMatchObject({ status: 'in-progress', activeAttemptId: 2, attempts: 3 });
  });

  it('groups by pack and scenario', () => {
    const map = progressByScenario([outcome('a', 90, true, 1), outcome('a', 20, false, 2, 'other'), outcome('b', 30, false, 3)]);
    expect([...map.keys()].sort()).toEqual([scenarioKey('core', 'a'), scenarioKey('core', 'b'), scenarioKey('other', 'a')]);
    expect(map.get('other/a')?.status).toBe('failed');
  });
});

describe('courseProgress', () => {
  it('all-passed: completed when the last scenario is first passed, not before, and never undone', () => {
    const outcomes = [
      outcome('a', 90, true, 1_000),
      outcome('b', 40, false, 2_000),
      outcome('b', 85, true, 3_000),
      outcome('c', 70, true, 5_000),
      outcome('a', 5, false, 6_000),
    ];
    expect(courseProgress(course({ rule: 'all-passed' }), 'core', outcomes.slice(0, 3))).toMatchObject({
      completed: false,
      status: 'in-progress',
      passedScenarios: 2,
    });
    expect(courseProgress(course({ rule: 'all-passed' }), 'core', outcomes)).toMatchObject({
      completed: true,
      completedAt: 5_000,
      passedScenarios: 3,
      status: 'completed',
    });
  });

  it('average-score: needs every scenario finished, and completes when the mean of the best scores first reaches the minimum', () => {
    const rule = course({ rule: 'average-score', min: 70 });
    const outcomes = [outcome('a', 90, true, 1_000), outcome('b', 80, true, 2_000)];
    // Two of three finished with a mean of 85: not yet.
    expect(courseProgress(rule, 'core', outcomes)).toMatchObject({ completed: false, averageScore: 85 });
    // c at 30: mean 66.7, below 70; c again at 45: mean 71.7 — completed then.
    const more = [...outcomes, outcome('c', 30, false, 3_000), outcome('c', 45, false, 4_000), outcome('c', 20, false, 5_000)];
    expect(courseProgress(rule, 'core', more)).toMatchObject({ completed: true, completedAt: 4_000, averageScore: 71.7 });
  });

  it('reads outcomes in the order they finished, whatever order they come in', () => {
    const outcomes = [outcome('c', 70, true, 5_000), outcome('a', 90, true, 1_000), outcome('b', 85, true, 3_000)];
    expect(courseProgress(course({ rule: 'all-passed' }), 'core', outcomes).completedAt).toBe(5_000);
  });

  it('counts only its own pack, and an attempt under way makes it in progress', () => {
    const rule = course({ rule: 'all-passed' }, ['a']);
    expect(courseProgress(rule, 'core', [outcome('a', 90, true, 1, 'other')])).toMatchObject({ completed: false, status: 'not-started' });
    expect(courseProgress(rule, 'core', [], [{ packId: 'core', scenarioId: 'a' }]).status).toBe('in-progress');
  });
});
