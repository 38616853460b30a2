// Runtime: any (pure core). What an attempt came to: per task the grade, timeliness and result;
// per scenario the scores per axis and pass or fail by the pack's rule; whether the urgent messages
// were answered; everything that happened, in order; and the debrief.
import type { Finding, Grade } from '../grading/types';
import type { Axis, Localized, Scenario, Task } from '../pack/schema';
import { AXES } from '../pack/schema';
import type { ClearanceRoundTrip, ClearanceVerdict, TaskClearance } from './clearance';
import { roundTrips, taskClearance } from './clearance';
import type { TargetResult } from './reach';
import { targetResults } from './reach';
import type { ReplyAuthor } from './audience';
import type { ModerationAction } from './live';
import { streamLength } from './live';
import { TO_HIDE } from '../grading/moderation';
import type { LiveCommentNature } from '../pack/schema';
import type { EngineInput, FeedItem, FeedPublication, TimelineState } from './timeline';
import { finishAccounting } from './timeline';

/**
 * missed: the task opened and was not answered (its deadline passed, or the trainee finished while
 * it was open). not-reached: it never opened.
 */
export type TaskResultKind = 'passed' | 'failed' | 'missed' | 'not-reached';

/**
 * Why a task was not reached. finished-early: the trainee pressed Finish before it opened (it was
 * due to open at a set time, or by a branch waiting only for the clock); it scores 0 and fails
 * "all-passed", so that finishing early never pays. not-opened: the story went another way (the
 * branch that opens it did not fire) or the scenario ended by itself first; it does not count.
 */
export type NotReachedReason = 'finished-early' | 'not-opened';

export interface TaskResult {
  taskId: string;
  title: Localized;
  result: TaskResultKind;
  /** Set when the result is not-reached. Outcomes frozen before the distinction was made have none. */
  notReachedBecause?: NotReachedReason;
  opensAt: number | null;
  due: number | null;
  publishedAt: number | null;
  /** Minutes to spare before the deadline (null when nothing was published). */
  spareMinutes: number | null;
  grade: Grade | null;
  modelAnswer: string | null;
  /** Clearance by headquarters for this task. Outcomes frozen before clearance existed have none. */
  clearance?: TaskClearance;
}

export type TimelineEntry =
  | { at: number; type: 'inject'; id: string; injectType: string; personaId: string; accountId: string }
  | { at: number; type: 'publication'; id: string; accountId: string; taskId: string | null; passed: boolean }
  | { at: number; type: 'reply'; id: string; replyTo: string; personaId: string | null; mood: string }
  | { at: number; type: 'clearance-request'; requestId: string; accountId: string; taskId: string | null }
  | { at: number; type: 'clearance-answer'; requestId: string; taskId: string | null; verdict: ClearanceVerdict }
  | { at: number; type: 'moderation'; streamId: string; commentId: string; action: ModerationAction }
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

/**
 * An urgent message (a citizen in danger or need) and whether the trainee answered it: by a
 * publication replying to it, or by a direct message to its author sent after it arrived. Shown in
 * the debrief whatever the tasks asked; it never changes the grade.
 */
export interface DutyOfCare {
  injectId: string;
  personaId: string;
  /** The trainee account it reached. */
  accountId: string;
  /** The minute it arrived. */
  at: number;
  /** The minute of the first answer, or null when none was sent. */
  answeredAt: number | null;
  publicationId: string | null;
}

/** One comment of a live stream: what it was, what was done to it and when, and what moderation expects. */
export interface ModeratedCommentResult {
  id: string;
  at: number;
  nature: LiveCommentNature;
  personaId: string | null;
  author: ReplyAuthor | null;
  text: Localized;
  hidden: boolean;
  pinned: boolean;
  actions: Array<{ at: number; action: ModerationAction }>;
  /** Abuse and spam are to be hidden; everything else kept up. */
  expected: 'hide' | 'keep';
  /** When the trainee first replied to it; absent when they did not (and in outcomes frozen before it was kept). */
  answeredAt?: number;
}

/** A live stream of the attempt and what was done to its comments (live.ts), for the debrief. */
export interface StreamModeration {
  streamId: string;
  accountId: string;
  startedAt: number;
  endsAt: number;
  /** The moderation task on this stream, if there is one (its grade is in `tasks`). */
  taskId: string | null;
  /** The comments that were written, in order. */
  comments: ModeratedCommentResult[];
}

export interface ScenarioOutcome {
  scenarioId: string;
  ended: boolean;
  /** By the pass rule (or the ending a branch set), and never with a critical failure. */
  passed: boolean;
  /** Publications with a critical finding: each alone fails the scenario, whatever the averages. */
  criticalFailures: CriticalFailure[];
  /**
   * Per axis, the mean over the tasks that count: every task that opened (a missed one scores 0)
   * and every task not reached because the trainee finished early (0 too). Tasks the story never
   * opened are left out.
   */
  scores: Record<Axis, number>;
  average: number;
  tasks: TaskResult[];
  timeline: TimelineEntry[];
  /** The urgent messages that arrived, in order of arrival. Outcomes frozen before urgency existed read as none. */
  dutyOfCare: DutyOfCare[];
  /**
   * The scenario's reach and engagement targets and how the attempt stood against each (reach.ts):
   * shown beside the grade, never part of it. Outcomes frozen before targets existed read as none.
   */
  targets: TargetResult[];
  /** Every draft sent to headquarters and its answer, in the order sent. Outcomes frozen before clearance existed read as none. */
  clearances: ClearanceRoundTrip[];
  /** The live streams and their moderation. Outcomes frozen before live streams existed read as none. */
  moderation: StreamModeration[];
  debrief: Scenario['debrief'];
}

export type { ClearanceRoundTrip, TaskClearance };

const round = (value: number) => Math.round(value * 10) / 10;

/** A task's model answer in the language its account's audience reads, which may not be the play language. */
export function modelAnswerFor(scenario: Scenario, task: Task, playLanguage: string): string | null {
  const account = scenario.accounts.find((a) => a.id === task.account);
  return task.modelAnswer[account?.audienceLanguage ?? playLanguage] ?? null;
}

/** Whether a task counts in the scores and the pass rule: it opened, or the trainee finished before it could. */
export function taskCounts(task: Pick<TaskResult, 'result' | 'notReachedBecause'>): boolean {
  return task.result !== 'not-reached' || task.notReachedBecause === 'finished-early';
}

/**
 * Why a task that never opened was not reached. Only Finish pressed by the trainee can make it
 * "finished-early": it would have opened before the scenario's end had the clock run on (a set
 * opening time still ahead, or a branch that the clock alone would have fired, given how the tasks
 * stood). A task that waited on how other tasks went, or a scenario that ended by itself (time, a
 * branch's end), leaves it "not-opened". The finish dialog counts with the same rule (finishAccounting).
 */
export function notReachedReason(scenario: Scenario, state: TimelineState, taskId: string): NotReachedReason {
  return finishAccounting({ scenario }, state).notReached.includes(taskId) ? 'finished-early' : 'not-opened';
}

/** Whom a trainee's publication speaks to privately: its task's recipient, else the author of what it answers. */
function recipientOf(publication: FeedPublication, scenario: Pick<Scenario, 'tasks'>, byId: ReadonlyMap<string, FeedItem>): string | null {
  if (publication.kind !== 'direct-message') return null;
  const recipient = publication.taskId === null ? undefined : scenario.tasks.find((task) => task.id === publication.taskId)?.recipient;
  if (recipient) return recipient;
  const target = publication.replyTo === null ? undefined : byId.get(publication.replyTo);
  if (target?.source === 'inject') return target.inject.persona;
  if (target?.source === 'audience') return target.personaId;
  return null;
}

/**
 * The urgent messages in the feed and the first answer to each: a publication replying to it, or a
 * direct message to its author published after it arrived (later in the feed, which is the order
 * things happened). The inbox and the debrief both read it, so they agree on what is unanswered.
 */
export function dutyOfCare(feed: readonly FeedItem[], scenario: Pick<Scenario, 'tasks'>): DutyOfCare[] {
  const byId = new Map(feed.map((item) => [item.id, item]));
  const open: DutyOfCare[] = [];
  const all: DutyOfCare[] = [];
  for (const item of feed) {
    if (item.source === 'inject' && item.inject.urgent) {
      const entry: DutyOfCare = {
        injectId: item.id,
        personaId: item.inject.persona,
        accountId: item.inject.account,
        at: item.at,
        answeredAt: null,
        publicationId: null,
      };
      all.push(entry);
      open.push(entry);
    } else if (item.source === 'trainee' && open.length > 0) {
      const recipient = recipientOf(item, scenario, byId);
      for (let index = open.length - 1; index >= 0; index -= 1) {
        const entry = open[index]!;
        if (item.replyTo !== entry.injectId && recipient !== entry.personaId) continue;
        entry.answeredAt = item.at;
        entry.publicationId = item.id;
        open.splice(index, 1);
      }
    }
  }
  return all;
}

export function scenarioOutcome(input: EngineInput, state: TimelineState): ScenarioOutcome {
  const { scenario, playLanguage } = input;
  const publications = new Map(state.feed.filter((item) => item.source === 'trainee').map((item) => [item.id, item]));
  const tasks: TaskResult[] = scenario.tasks.map((task) => {
    const runtime = state.tasks[task.id]!;
    const publication = runtime.publicationId ? publications.get(runtime.publicationId) : undefined;
    // A moderation task has no publication: its grade is what was done to its stream's comments.
    const moderated = state.moderationResults[task.id];
    const result = runtime.outcome ?? 'not-reached';
    return {
      taskId: task.id,
      title: task.title,
      result,
      ...(result === 'not-reached' ? { notReachedBecause: notReachedReason(scenario, state, task.id) } : {}),
      opensAt: runtime.opensAt,
      due: runtime.due,
      publishedAt: publication?.at ?? null,
      spareMinutes: publication && runtime.due !== null ? runtime.due - publication.at : null,
      grade: publication && publication.source === 'trainee' ? publication.grade : (moderated?.grade ?? null),
      modelAnswer: modelAnswerFor(scenario, task, playLanguage),
      clearance: taskClearance(input, state, task, state.ended?.at ?? state.time),
    };
  });
  const counted = tasks.filter(taskCounts);
  const scores = Object.fromEntries(
    AXES.map((axis) => [axis, counted.length ? round(counted.reduce((sum, task) => sum + (task.grade?.axes[axis].score ?? 0), 0) / counted.length) : 0]),
  ) as Record<Axis, number>;
  const average = round(AXES.reduce((sum, axis) => sum + scores[axis], 0) / AXES.length);
  const byRule =
    scenario.passRule.rule === 'all-passed' ? counted.length > 0 && counted.every((task) => task.result === 'passed') : average >= scenario.passRule.min;
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
    else if (item.source === 'audience')
      timeline.push({ at: item.at, type: 'reply', id: item.id, replyTo: item.replyTo, personaId: item.personaId, mood: item.mood });
  }
  for (const request of state.clearances) {
    timeline.push({ at: request.sentAt, type: 'clearance-request', requestId: request.id, accountId: request.draft.accountId, taskId: request.draft.taskId });
    if (request.answered)
      timeline.push({ at: request.answerAt, type: 'clearance-answer', requestId: request.id, taskId: request.draft.taskId, verdict: request.verdict });
  }
  // A stream's comments are many and fast: the timeline names the stream and what was done to them.
  for (const [commentId, entry] of Object.entries(state.moderation))
    for (const done of entry.actions) timeline.push({ at: done.at, type: 'moderation', streamId: entry.streamId, commentId, action: done.action });
  for (const task of tasks)
    if (task.result === 'missed' && task.due !== null) timeline.push({ at: Math.min(task.due, state.time), type: 'task-missed', taskId: task.taskId });
  for (const fired of state.firedBranches) timeline.push({ at: fired.at, type: 'branch', branchId: fired.id });
  if (state.ended) timeline.push({ at: state.ended.at, type: 'end', reason: state.ended.reason });
  const order = {
    inject: 0,
    'clearance-answer': 0.5,
    'clearance-request': 0.75,
    publication: 1,
    reply: 2,
    moderation: 2.5,
    'task-missed': 3,
    branch: 4,
    end: 5,
  } as const;
  timeline.sort((a, b) => a.at - b.at || order[a.type] - order[b.type]);

  const passed = criticalFailures.length === 0 && (forced ? forced === 'passed' : byRule);
  return {
    scenarioId: scenario.id,
    ended: state.ended !== null,
    passed,
    criticalFailures,
    scores,
    average,
    tasks,
    timeline,
    dutyOfCare: dutyOfCare(state.feed, scenario),
    targets: targetResults(input, state),
    clearances: roundTrips(state),
    moderation: streamModeration(input, state),
    debrief: scenario.debrief,
  };
}

/** Each live stream that started, its comments, and what was done to each. */
export function streamModeration({ scenario }: Pick<EngineInput, 'scenario'>, state: TimelineState): StreamModeration[] {
  const streams: StreamModeration[] = [];
  // The trainee's first reply to each comment: a reply always comes after what it answers.
  const answeredAt = new Map<string, number>();
  for (const item of state.feed) if (item.source === 'trainee' && item.replyTo !== null && !answeredAt.has(item.replyTo)) answeredAt.set(item.replyTo, item.at);
  for (const item of state.feed) {
    if (item.source === 'inject' && item.inject.type === 'live') {
      const task = scenario.tasks.find((candidate) => candidate.kind === 'moderation' && candidate.stream === item.id);
      streams.push({
        streamId: item.id,
        accountId: item.inject.account,
        startedAt: item.at,
        endsAt: item.at + streamLength(item.inject),
        taskId: task?.id ?? null,
        comments: [],
      });
    } else if (item.source === 'live-comment') {
      const stream = streams.find((candidate) => candidate.streamId === item.streamId);
      const done = state.moderation[item.id];
      stream?.comments.push({
        id: item.id,
        at: item.at,
        nature: item.nature,
        personaId: item.personaId,
        author: item.author,
        text: item.comment.text,
        hidden: done?.hidden ?? false,
        pinned: done?.pinned ?? false,
        actions: done?.actions ?? [],
        expected: TO_HIDE.has(item.nature) ? 'hide' : 'keep',
        ...(answeredAt.has(item.id) ? { answeredAt: answeredAt.get(item.id)! } : {}),
      });
    }
  }
  return streams;
}
