// Runtime: any (pure core). A trainee's standing in each scenario and course, from their frozen
// outcomes (and the attempts still under way): one set of rules for the catalogue, the records
// screen, progress files on the academy's machine, the exports and the command line.
import type { Course } from '../pack/schema';
import type { OutcomeSummary } from './outcome';

export type ScenarioStatus = 'not-started' | 'in-progress' | 'passed' | 'failed';

/** What the rules read of an outcome. */
export type ProgressOutcome = Pick<OutcomeSummary, 'packId' | 'scenarioId' | 'passed' | 'average' | 'finishedAt' | 'startedAt' | 'timeOnTaskMs'>;

/** What the rules read of an attempt under way. */
export interface ActiveAttempt<Id> {
  id: Id;
  packId: string;
  scenarioId: string;
  /** When it was last touched: with two under way, the one touched last is resumed. */
  updatedAt: number;
}

export interface ScenarioProgress<Id = number> {
  status: ScenarioStatus;
  /** Highest average of a finished attempt; null before one finished. */
  bestScore: number | null;
  /** Finished attempts plus those under way. */
  attempts: number;
  finishedAttempts: number;
  /** When the scenario was first passed (the finish of that attempt); null until then. */
  completedAt: number | null;
  /** The latest start or finish seen. */
  lastActivityAt: number | null;
  /** Summed over finished attempts. */
  timeOnTaskMs: number;
  /** The attempt to resume, if one is under way. */
  activeAttemptId: Id | null;
}

export function scenarioKey(packId: string, scenarioId: string): string {
  return `${packId}/${scenarioId}`;
}

const byFinish = (a: ProgressOutcome, b: ProgressOutcome) => a.finishedAt - b.finishedAt;

/**
 * One scenario's standing from its outcomes and attempts under way. Passed once stays passed;
 * otherwise an attempt under way makes it in progress; otherwise a finished attempt makes it failed.
 */
export function scenarioProgress<Id>(outcomes: readonly ProgressOutcome[], active: readonly ActiveAttempt<Id>[] = []): ScenarioProgress<Id> {
  const resume = [...active].sort((a, b) => b.updatedAt - a.updatedAt)[0];
  const firstPass = [...outcomes].sort(byFinish).find((outcome) => outcome.passed);
  const times = [...outcomes.flatMap((o) => [o.startedAt, o.finishedAt]), ...active.map((a) => a.updatedAt)];
  return {
    status: firstPass ? 'passed' : resume ? 'in-progress' : outcomes.length > 0 ? 'failed' : 'not-started',
    bestScore: outcomes.length > 0 ? Math.max(...outcomes.map((o) => o.average)) : null,
    attempts: outcomes.length + active.length,
    finishedAttempts: outcomes.length,
    completedAt: firstPass?.finishedAt ?? null,
    lastActivityAt: times.length > 0 ? Math.max(...times) : null,
    timeOnTaskMs: outcomes.reduce((sum, o) => sum + o.timeOnTaskMs, 0),
    activeAttemptId: resume?.id ?? null,
  };
}

/** Every scenario's standing, keyed by scenarioKey, for the scenarios with an outcome or an attempt under way. */
export function progressByScenario<Id>(outcomes: readonly ProgressOutcome[], active: readonly ActiveAttempt<Id>[] = []): Map<string, ScenarioProgress<Id>> {
  const grouped = new Map<string, { outcomes: ProgressOutcome[]; active: ActiveAttempt<Id>[] }>();
  const groupOf = (key: string) => {
    let group = grouped.get(key);
    if (!group) grouped.set(key, (group = { outcomes: [], active: [] }));
    return group;
  };
  for (const outcome of outcomes) groupOf(scenarioKey(outcome.packId, outcome.scenarioId)).outcomes.push(outcome);
  for (const attempt of active) groupOf(scenarioKey(attempt.packId, attempt.scenarioId)).active.push(attempt);
  return new Map([...grouped].map(([key, group]) => [key, scenarioProgress(group.outcomes, group.active)]));
}

export interface CourseProgress {
  courseId: string;
  completed: boolean;
  /** When the completion rule was first met; null while it is not. */
  completedAt: number | null;
  /** Scenarios of the course passed, and how many it has. */
  passedScenarios: number;
  totalScenarios: number;
  /** Mean of the best scores of the course's scenarios finished so far; null before any finished. (The average rule also needs every one finished.) */
  averageScore: number | null;
  status: 'not-started' | 'in-progress' | 'completed';
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Whether the rule holds given the best score and pass of each scenario of the course so far. */
function ruleMet(course: Course, best: Map<string, { score: number; passed: boolean }>): boolean {
  const standings = course.scenarios.map((id) => best.get(id));
  if (course.completion.rule === 'all-passed') return standings.every((standing) => standing?.passed === true);
  if (standings.some((standing) => standing === undefined)) return false;
  const mean = standings.reduce((sum, standing) => sum + standing!.score, 0) / standings.length;
  return round(mean) >= course.completion.min;
}

/**
 * A course's completion under its rule, from a trainee's outcomes of its pack's scenarios. The
 * outcomes are read in the order they finished, so the completion date is when the rule first held,
 * and a later poor attempt never takes a completion away.
 */
export function courseProgress(
  course: Course,
  packId: string,
  outcomes: readonly ProgressOutcome[],
  active: readonly { packId: string; scenarioId: string }[] = [],
): CourseProgress {
  const inCourse = new Set(course.scenarios);
  const relevant = outcomes.filter((o) => o.packId === packId && inCourse.has(o.scenarioId)).sort(byFinish);
  const best = new Map<string, { score: number; passed: boolean }>();
  let completedAt: number | null = null;
  for (const outcome of relevant) {
    const previous = best.get(outcome.scenarioId);
    best.set(outcome.scenarioId, { score: Math.max(previous?.score ?? 0, outcome.average), passed: (previous?.passed ?? false) || outcome.passed });
    if (completedAt === null && ruleMet(course, best)) completedAt = outcome.finishedAt;
  }
  const passedScenarios = course.scenarios.filter((id) => best.get(id)?.passed).length;
  const started = relevant.length > 0 || active.some((a) => a.packId === packId && inCourse.has(a.scenarioId));
  return {
    courseId: course.id,
    completed: completedAt !== null,
    completedAt,
    passedScenarios,
    totalScenarios: course.scenarios.length,
    averageScore: best.size > 0 ? round([...best.values()].reduce((sum, standing) => sum + standing.score, 0) / best.size) : null,
    status: completedAt !== null ? 'completed' : started ? 'in-progress' : 'not-started',
  };
}
