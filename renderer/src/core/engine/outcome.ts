// Runtime: any (pure core). What an attempt came to: per task the grade, timeliness and result;
// per scenario the scores per axis and pass or fail by the pack's rule; everything that happened,
// in order; and the debrief.
import type { Finding, Grade } from '../grading/types';
import type { Axis, Localized, Scenario, Task } from '../pack/schema';
import { AXES } from '../pack/schema';
import type { EngineInput, TimelineState } from './timeline';

export type TaskResultKind = 'passed' | 'failed' | 'missed' | 'not-reached';

export interface TaskResult {
  taskId: string;
  title: Localized;
  result: TaskResultKind;
  opensAt: number | null;
  due: number | null;
  publishedAt: number | null;
  /** Minutes to spare before the deadline (null when nothing was published). */
  spareMinutes: number | null;
  grade: Grade | null;
  modelAnswer: string | null;
}

export type TimelineEntry =
  | { at: number; type: 'inject'; id: string; injectType: string; personaId: string; accountId: string }
  | { at: number; type: 'publication'; id: string; accountId: string; taskId: string | null; passed: boolean }
  | { at: number; type: 'reply'; id: string; replyTo: string; personaId: string | null; mood: string }
  | { at: number; type: 'task-missed'; taskId: string }
  | { at: number; type: 'branch'; branchId: string }
  | { at: number; type: 'end'; reason: string };

/** A publication that crossed a line the pack calls critical: the scenario cannot pass with it. */
export interface CriticalFailure {
  publicationId: string;
  at: number;
  taskId: string | null;
  findings: Finding[];
}

export interface ScenarioOutcome {
  scenarioId: string;
  ended: boolean;
  /** By the pass rule (or the ending a branch set), and never with a critical failure. */
  passed: boolean;
  /** Publications with a critical finding: each alone fails the scenario, whatever the averages. */
  criticalFailures: CriticalFailure[];
  /** Per axis, the mean over the tasks that were reached; a missed task scores 0. */
  scores: Record<Axis, number>;
  average: number;
  tasks: TaskResult[];
  timeline: TimelineEntry[];
  debrief: Scenario['debrief'];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** A task's model answer in the language its account's audience reads, which may not be the play language. */
export function modelAnswerFor(scenario: Scenario, task: Task, playLanguage: string): string | null {
  const account = scenario.accounts.find((a) => a.id === task.account);
  return task.modelAnswer[account?.audienceLanguage ?? playLanguage] ?? null;
}

export function scenarioOutcome(input: EngineInput, state: TimelineState): ScenarioOutcome {
  const { scenario, playLanguage } = input;
  const publications = new Map(state.feed.filter((item) => item.source === 'trainee').map((item) => [item.id, item]));
  const tasks: TaskResult[] = scenario.tasks.map((task) => {
    const runtime = state.tasks[task.id]!;
    const publication = runtime.publicationId ? publications.get(runtime.publicationId) : undefined;
    return {
      taskId: task.id,
      title: task.title,
      result: runtime.outcome ?? 'not-reached',
      opensAt: runtime.opensAt,
      due: runtime.due,
      publishedAt: publication?.at ?? null,
      spareMinutes: publication && runtime.due !== null ? runtime.due - publication.at : null,
      grade: publication && publication.source === 'trainee' ? publication.grade : null,
      modelAnswer: modelAnswerFor(scenario, task, playLanguage),
    };
  });
  const reached = tasks.filter((task) => task.result !== 'not-reached');
  const scores = Object.fromEntries(
    AXES.map((axis) => [axis, reached.length ? round(reached.reduce((sum, task) => sum + (task.grade?.axes[axis].score ?? 0), 0) / reached.length) : 0]),
  ) as Record<Axis, number>;
  const average = round(AXES.reduce((sum, axis) => sum + scores[axis], 0) / AXES.length);
  const byRule =
    scenario.passRule.rule === 'all-passed' ? reached.length > 0 && reached.every((task) => task.result === 'passed') : average >= scenario.passRule.min;
  const forced = state.ended?.reason === 'branch' ? state.ended.outcome : null;
  const criticalFailures: CriticalFailure[] = [...publications.values()].flatMap((item) => {
    if (item.source !== 'trainee') return [];
    const findings = item.grade.findings.filter((finding) => finding.blocks === 'scenario');
    return findings.length ? [{ publicationId: item.id, at: item.at, taskId: item.taskId, findings }] : [];
  });

  const timeline: TimelineEntry[] = [];
  for (const item of state.feed) {
    if (item.source === 'inject')
      timeline.push({ at: item.at, type: 'inject', id: item.id, injectType: item.inject.type, personaId: item.inject.persona, accountId: item.inject.account });
    else if (item.source === 'trainee')
      timeline.push({ at: item.at, type: 'publication', id: item.id, accountId: item.accountId, taskId: item.taskId, passed: item.grade.passed });
    else timeline.push({ at: item.at, type: 'reply', id: item.id, replyTo: item.replyTo, personaId: item.personaId, mood: item.mood });
  }
  for (const task of tasks)
    if (task.result === 'missed' && task.due !== null) timeline.push({ at: Math.min(task.due, state.time), type: 'task-missed', taskId: task.taskId });
  for (const fired of state.firedBranches) timeline.push({ at: fired.at, type: 'branch', branchId: fired.id });
  if (state.ended) timeline.push({ at: state.ended.at, type: 'end', reason: state.ended.reason });
  const order = { inject: 0, publication: 1, reply: 2, 'task-missed': 3, branch: 4, end: 5 } as const;
  timeline.sort((a, b) => a.at - b.at || order[a.type] - order[b.type]);

  const passed = criticalFailures.length === 0 && (forced ? forced === 'passed' : byRule);
  return { scenarioId: scenario.id, ended: state.ended !== null, passed, criticalFailures, scores, average, tasks, timeline, debrief: scenario.debrief };
}
