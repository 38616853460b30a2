// Runtime: any (pure core). The scenario's simulated time as plain data and pure steps: what
// arrives, opens, expires and fires as the clock moves to a minute, and what a publication does.
// The XState machine drives these steps with explicit clock events; nothing here reads a clock.
// The audience's reaction to a publication is planned when it is published (from the attempt's
// seed) and kept in the state, so a restored snapshot and a replayed log hold the same future.
import { createGradingContext, grade } from '../grading/grade';
import type { ClearanceRequest, FeedClearanceAnswer } from './clearance';
import { clearanceRefusal, createClearanceRequest, dueClearanceAnswers, gradeUnderClearance, nextClearanceAnswer } from './clearance';
import type { GradingContext } from '../grading/analysis';
import type { Grade } from '../grading/types';
import type { Branch, Inject, PackManifest, Scenario, Task, TaskKind } from '../pack/schema';
import { offsetMinutes } from '../pack/schema';
import type { Mood, ReactionPlan, ReplyAuthor } from './audience';
import { simulateReaction } from './audience';
import type { MonitoringFacts } from './monitoring';
import { monitoringFacts } from './monitoring';
import type { FeedLiveComment, ModerationAction, ModerationResult, ModerationState } from './live';
import { applyModeration, isModerationTask, liveCommentsOf, moderationRefusal, moderationResult, streamEnds } from './live';

// Re-exported for the modules that take their engine types from here; it is defined with TASK_KINDS.
export type TaskOutcome = 'passed' | 'failed' | 'missed';

export interface EngineInput {
  scenario: Scenario;
  playLanguage: string;
  manifest?: Pick<PackManifest, 'platforms'>;
  /** The attempt's seed: the same seed and the same actions give the same audience, exactly. */
  seed: number;
}

export interface FeedInject {
  source: 'inject';
  id: string;
  at: number;
  inject: Inject;
}

export interface FeedPublication {
  source: 'trainee';
  id: string;
  at: number;
  accountId: string;
  kind: TaskKind;
  text: string;
  taskId: string | null;
  replyTo: string | null;
  grade: Grade;
  /** Set where headquarters had to clear it: whether this very text had been cleared. */
  cleared?: boolean;
  /** A report to headquarters: the facts the simulation knew when it was sent, frozen with it (what it was graded against). */
  monitoring?: MonitoringFacts;
}

/** Someone in the audience answering a publication (a comment, or the recipient's answer to a direct message). */
export interface FeedAudienceReply {
  source: 'audience';
  id: string;
  at: number;
  /** The account the answered publication was made on. */
  accountId: string;
  replyTo: string;
  personaId: string | null;
  /** A plausible member of the public, generated from the attempt's seed; null when a persona of the pack answers. */
  author: ReplyAuthor | null;
  /** What the words were drawn for: kept for the debrief's statistics, never shown as a label. */
  mood: Mood;
  text: string;
}

export type { ClearanceRequest, FeedClearanceAnswer };

export type { FeedLiveComment };

export type FeedItem = FeedInject | FeedPublication | FeedAudienceReply | FeedClearanceAnswer | FeedLiveComment;

export interface TaskState {
  id: string;
  status: 'waiting' | 'open' | 'done' | 'missed';
  opensAt: number | null;
  due: number | null;
  outcome: TaskOutcome | null;
  publicationId: string | null;
}

export interface ScheduledInject {
  at: number;
  inject: Inject;
}

export interface Ending {
  at: number;
  reason: 'time' | 'branch' | 'finished';
  branchId: string | null;
  outcome: 'passed' | 'failed' | null;
}

export interface TimelineState {
  time: number;
  feed: FeedItem[];
  tasks: Record<string, TaskState>;
  /** Injects still to arrive, in time order. */
  queue: ScheduledInject[];
  firedBranches: Array<{ id: string; at: number }>;
  ended: Ending | null;
  /** Counts publications, so their ids never depend on anything but the order of actions. */
  publications: number;
  /** Drafts sent to headquarters for clearance, in the order sent, answered or still waiting (clearance.ts). */
  clearances: ClearanceRequest[];
  /** The audience's planned reaction to each publication, by publication id. */
  reactions: Record<string, ReactionPlan>;
  /** Audience replies still to arrive, in time order. */
  pendingReplies: FeedAudienceReply[];
  /** Live comments of streams on the air still to arrive, in time order (see live.ts). */
  pendingComments: FeedLiveComment[];
  /** What the trainee did to each live comment, by comment id. */
  moderation: Record<string, ModerationState>;
  /** Each settled moderation task's grade and when it was settled, by task id. */
  moderationResults: Record<string, ModerationResult>;
}

export class EngineError extends Error {}

const byTime = (a: ScheduledInject, b: ScheduledInject) => a.at - b.at;

export function initialTimeline({ scenario }: EngineInput): TimelineState {
  const tasks: Record<string, TaskState> = {};
  for (const task of scenario.tasks) {
    const opensAt = task.opensAt === undefined ? null : offsetMinutes(task.opensAt);
    tasks[task.id] = { id: task.id, status: 'waiting', opensAt, due: opensAt === null ? null : offsetMinutes(task.due), outcome: null, publicationId: null };
  }
  return {
    time: 0,
    feed: [],
    tasks,
    queue: scenario.timeline.map((inject) => ({ at: offsetMinutes(inject.at), inject })).sort(byTime),
    firedBranches: [],
    ended: null,
    clearances: [],
    publications: 0,
    reactions: {},
    pendingReplies: [],
    pendingComments: [],
    moderation: {},
    moderationResults: {},
  };
}

function conditionHolds(condition: NonNullable<Branch['when']['all']>[number], state: TimelineState): boolean {
  if ('task' in condition) return state.tasks[condition.task]?.outcome === condition.outcome;
  return state.time >= offsetMinutes(condition.time);
}

function fireBranches(input: EngineInput, state: TimelineState): TimelineState {
  let next = state;
  for (const branch of input.scenario.branches) {
    if (next.ended || next.firedBranches.some((fired) => fired.id === branch.id)) continue;
    const holds = branch.when.all ? branch.when.all.every((c) => conditionHolds(c, next)) : (branch.when.any ?? []).some((c) => conditionHolds(c, next));
    if (!holds) continue;
    const at = next.time;
    const tasks = { ...next.tasks };
    for (const taskId of branch.then.openTasks) {
      const task = input.scenario.tasks.find((t) => t.id === taskId)!;
      if (tasks[taskId]!.status === 'waiting' && tasks[taskId]!.opensAt === null) {
        tasks[taskId] = { ...tasks[taskId]!, opensAt: at, due: at + offsetMinutes(task.due) };
      }
    }
    next = {
      ...next,
      tasks,
      queue: [...next.queue, ...branch.then.injects.map((inject) => ({ at: at + offsetMinutes(inject.at), inject }))].sort(byTime),
      firedBranches: [...next.firedBranches, { id: branch.id, at }],
      ended: branch.then.end ? { at, reason: 'branch', branchId: branch.id, outcome: branch.then.end.outcome ?? null } : null,
    };
  }
  return next;
}

/**
 * The minute after now at which `branch` would fire by its time condition, given the tasks' outcomes
 * as they stand now; null when it has fired, has no time condition, or its task conditions do not
 * hold now. (A branch's task conditions can only come to hold at a task's deadline or a publication,
 * both of which are events of their own.)
 */
export function branchFireTime(branch: Branch, state: TimelineState): number | null {
  if (state.firedBranches.some((fired) => fired.id === branch.id)) return null;
  const conditions = branch.when.all ?? branch.when.any ?? [];
  const times = conditions.flatMap((condition) => ('time' in condition ? [offsetMinutes(condition.time)] : []));
  if (times.length === 0) return null;
  if (branch.when.all) {
    if (!branch.when.all.every((condition) => 'time' in condition || conditionHolds(condition, state))) return null;
    const at = Math.max(...times);
    return at > state.time ? at : null;
  }
  const later = times.filter((at) => at > state.time);
  return later.length > 0 ? Math.min(...later) : null;
}

/**
 * The next minute after now at which something happens — an inject arrives, a task opens or reaches
 * its deadline, a timed branch fires — if any up to `limit`. Audience replies are not stops: they
 * arrive on the way, each at its own minute.
 */
export function nextEventTime(input: Pick<EngineInput, 'scenario'>, state: TimelineState, limit = Number.POSITIVE_INFINITY): number | null {
  if (state.ended) return null;
  let next = Number.POSITIVE_INFINITY;
  // The queue is in time order; items at or before now are due at the current minute, not next.
  const queued = state.queue.find((item) => item.at > state.time);
  if (queued) next = queued.at;
  for (const task of Object.values(state.tasks)) {
    if (task.status === 'waiting' && task.opensAt !== null && task.opensAt > state.time) next = Math.min(next, task.opensAt);
    if (task.status === 'open' && task.due !== null && task.due > state.time) next = Math.min(next, task.due);
  }
  for (const branch of input.scenario.branches) {
    const at = branchFireTime(branch, state);
    if (at !== null) next = Math.min(next, at);
  }
  // An answer from headquarters is a stop: the trainee may be waiting for it.
  const answer = nextClearanceAnswer(state);
  if (answer !== null) next = Math.min(next, answer);
  // A live stream's end is a stop; its comments, like audience replies, arrive on the way.
  for (const end of streamEnds(state)) next = Math.min(next, end);
  return next <= limit && Number.isFinite(next) ? next : null;
}

/** How many items of a time-ordered list are due at `time`: they are a prefix of it. */
function dueCount(items: ReadonlyArray<{ at: number }>, time: number): number {
  const first = items.findIndex((item) => item.at > time);
  return first === -1 ? items.length : first;
}

/**
 * Everything due at the current minute: arrivals, openings, expiries, then the branches they trigger.
 * Returns `state` itself when nothing is due, and keeps every list that did not change, so a clock
 * tick that brings nothing leaves the feed (and what the UI renders from it) untouched.
 */
function settle(input: EngineInput, state: TimelineState): TimelineState {
  let next = state;
  for (let guard = 0; guard < 10_000; guard += 1) {
    if (next.ended) return next;
    const time = next.time;
    const arrivedCount = dueCount(next.queue, time);
    const repliesCount = dueCount(next.pendingReplies, time);
    const commentsCount = dueCount(next.pendingComments, time);
    const before = next.tasks;
    let tasks = before;
    const change = (task: TaskState) => {
      if (tasks === before) tasks = { ...before };
      tasks[task.id] = task;
    };
    for (const task of Object.values(tasks)) {
      if (task.status === 'waiting' && task.opensAt !== null && task.opensAt <= time) change({ ...task, status: 'open' });
    }
    // A task that opened just now can already be past its deadline. A moderation task is not
    // missed at its deadline: it is settled then, graded on what was done to the stream.
    let moderationResults = next.moderationResults;
    for (const task of Object.values(tasks)) {
      if (task.status !== 'open' || task.due === null || task.due > time) continue;
      if (isModerationTask(input, task.id)) {
        const result = moderationResult(input, next, task.id, time);
        moderationResults = { ...moderationResults, [task.id]: result };
        change({ ...task, status: 'done', outcome: result.grade.passed ? 'passed' : 'failed' });
      } else change({ ...task, status: 'missed', outcome: 'missed' });
    }
    const changed = arrivedCount > 0 || repliesCount > 0 || commentsCount > 0 || tasks !== before;
    if (changed) {
      const arrived = next.queue.slice(0, arrivedCount);
      // Replies that came due between two event times still take their own minute in the feed.
      const incoming: FeedItem[] = [
        ...next.pendingReplies.slice(0, repliesCount),
        ...next.pendingComments.slice(0, commentsCount),
        ...arrived.map((item): FeedItem => ({ source: 'inject', id: item.inject.id, at: item.at, inject: item.inject })),
      ];
      incoming.sort((a, b) => a.at - b.at);
      // A stream that starts brings its comments, each to arrive at its own moment.
      const started = arrived.flatMap((item) => liveCommentsOf(input, item.inject, item.at));
      const pendingComments = commentsCount > 0 ? next.pendingComments.slice(commentsCount) : next.pendingComments;
      next = {
        ...next,
        tasks,
        moderationResults,
        feed: incoming.length > 0 ? [...next.feed, ...incoming] : next.feed,
        queue: arrivedCount > 0 ? next.queue.slice(arrivedCount) : next.queue,
        pendingReplies: repliesCount > 0 ? next.pendingReplies.slice(repliesCount) : next.pendingReplies,
        pendingComments: started.length > 0 ? [...pendingComments, ...started].sort((a, b) => a.at - b.at) : pendingComments,
      };
    }
    // Headquarters' answers due now, after whatever else came on the way to this minute.
    const answered = dueClearanceAnswers(input, next);
    if (answered) next = { ...next, clearances: answered.clearances, feed: [...next.feed, ...answered.answers] };
    const fired = next.firedBranches.length;
    next = fireBranches(input, next);
    if (!changed && next.firedBranches.length === fired) return next;
  }
  throw new EngineError('the scenario keeps triggering itself without time passing');
}

/** Moves the clock to `minute` (never backwards), one event time after another, then ends the scenario when its time is up. */
export function advanceTo(input: EngineInput, state: TimelineState, minute: number): TimelineState {
  if (minute < state.time) throw new EngineError(`time cannot go back from ${state.time} to ${minute}`);
  const duration = offsetMinutes(input.scenario.duration);
  const target = Math.min(minute, duration);
  let next = settle(input, state);
  for (let step = nextEventTime(input, next, target); step !== null && !next.ended; step = nextEventTime(input, next, target)) {
    next = settle(input, { ...next, time: step });
  }
  if (next.ended) return next;
  next = settle(input, next.time === target ? next : { ...next, time: target });
  if (!next.ended && target >= duration) next = { ...next, ended: { at: duration, reason: 'time', branchId: null, outcome: null } };
  return next;
}

/**
 * The scenario starts: what is due at T+0:00 (its opening injects, tasks opening at once, branches
 * timed for 0:00) is on the desk from the first moment, not a minute later.
 */
export function start(input: EngineInput, state: TimelineState): TimelineState {
  return settle(input, state);
}

/**
 * Delivers a scheduled inject now instead of at its time (a play-test's "send this inject now"):
 * it leaves the queue, enters the feed at the current minute, and whatever that sets off follows.
 * Throws EngineError when no inject of that id waits in the queue.
 */
export function deliverNow(input: EngineInput, state: TimelineState, injectId: string): TimelineState {
  if (state.ended) throw new EngineError('the scenario has ended');
  const index = state.queue.findIndex((item) => item.inject.id === injectId);
  if (index === -1) throw new EngineError(`no inject "${injectId}" waits to be delivered`);
  const { inject } = state.queue[index]!;
  const comments = liveCommentsOf(input, inject, state.time);
  return settle(input, {
    ...state,
    feed: [...state.feed, { source: 'inject', id: inject.id, at: state.time, inject }],
    queue: [...state.queue.slice(0, index), ...state.queue.slice(index + 1)],
    pendingComments: comments.length > 0 ? [...state.pendingComments, ...comments].sort((a, b) => a.at - b.at) : state.pendingComments,
  });
}

export interface Draft {
  accountId: string;
  kind: TaskKind;
  text: string;
  taskId: string | null;
  replyTo: string | null;
}

/** Why `draft` cannot be published now: throws EngineError with the reason; returns its task, if any. */
export function checkDraft(input: EngineInput, state: TimelineState, draft: Draft): Task | undefined {
  if (state.ended) throw new EngineError('the scenario has ended');
  const { scenario } = input;
  if (!scenario.accounts.some((a) => a.id === draft.accountId)) throw new EngineError(`no account "${draft.accountId}" in this scenario`);
  let task: Task | undefined;
  if (draft.taskId !== null) {
    task = scenario.tasks.find((t) => t.id === draft.taskId);
    if (!task) throw new EngineError(`no task "${draft.taskId}" in this scenario`);
    if (state.tasks[task.id]!.status !== 'open') throw new EngineError(`the task "${task.id}" is not open`);
    if (task.kind === 'moderation')
      throw new EngineError(`the task "${task.id}" is done by moderating its stream's comments; a reply to a comment is published on its own`);
  }
  if (!draft.text.trim()) throw new EngineError('an empty draft cannot be published');
  return task;
}

// Preparing a grading context compiles the task's matchers: once per input, task, account and kind.
const gradingContexts = new WeakMap<EngineInput, Map<string, GradingContext>>();

function gradingContextFor(input: EngineInput, task: Task, draft: Draft): GradingContext {
  let contexts = gradingContexts.get(input);
  if (!contexts) {
    contexts = new Map();
    gradingContexts.set(input, contexts);
  }
  const key = `${task.id}\u0000${draft.accountId}\u0000${draft.kind}`;
  let context = contexts.get(key);
  if (!context) {
    context = createGradingContext({
      scenario: input.scenario,
      task: { ...task, kind: draft.kind, account: draft.accountId },
      playLanguage: input.playLanguage,
      pack: input.manifest,
    });
    contexts.set(key, context);
  }
  return context;
}

/** The grade `publish` would give the draft now: for live feedback while the trainee types (the composer calls it in a worker). */
export function previewGrade(input: EngineInput, draft: Draft, monitoring?: MonitoringFacts): Grade {
  const task = draft.taskId === null ? undefined : input.scenario.tasks.find((t) => t.id === draft.taskId);
  const context = gradingContextFor(input, task ?? defaultGradingTask(input, draft), draft);
  // A report is graded against the facts as they stand (the composer passes them in).
  return grade(draft.text, monitoring && draft.kind === 'report' ? { ...context, monitoring } : context);
}

/**
 * A publication outside any task is still graded — tone, platform fit, red lines, terminology and
 * the facts it states — but asks for nothing: no key message, fact or hashtag can be missing. It
 * takes its pass marks and rubric from the account's first task (else the scenario's first).
 */
export function ownPublicationTask({ scenario }: Pick<EngineInput, 'scenario'>, accountId: string): Task {
  const template = scenario.tasks.find((t) => t.account === accountId) ?? scenario.tasks[0]!;
  return {
    ...template,
    id: OWN_PUBLICATION,
    replyTo: undefined,
    recipient: undefined,
    requires: { keyMessages: [], facts: [], hashtags: [] },
    calibration: [],
  };
}

/** The grading task id of a publication outside any task (ids in packs cannot start with a dash). */
export const OWN_PUBLICATION = '-own-publication';

function defaultGradingTask(input: EngineInput, draft: Draft): Task {
  return ownPublicationTask(input, draft.accountId);
}

/** Publishes a draft now: grades it against its task, adds it to the feed, settles the task and fires branches. */
export function publish(input: EngineInput, state: TimelineState, draft: Draft): TimelineState {
  const task = checkDraft(input, state, draft);
  // Graded here, synchronously, wherever the engine runs: one call per publication, linear in the
  // draft and refused past DRAFT_CEILING, so it stays short. Live feedback while typing is graded
  // off the UI thread, in the composer's worker (previewGrade).
  // A report to headquarters is graded against what the simulation knows now, and keeps those facts.
  const monitoring = draft.kind === 'report' ? monitoringFacts(input, state) : undefined;
  const context = gradingContextFor(input, task ?? defaultGradingTask(input, draft), draft);
  const graded = grade(draft.text, monitoring ? { ...context, monitoring } : context);
  // Where headquarters must clear it, a text they did not clear is a breach, whatever its words.
  const { grade: result, required, cleared } = gradeUnderClearance(input, state, draft, state.time, graded);
  const id = `pub-${state.publications + 1}`;
  const item: FeedPublication = {
    source: 'trainee',
    id,
    at: state.time,
    accountId: draft.accountId,
    kind: draft.kind,
    text: draft.text,
    taskId: task?.id ?? null,
    replyTo: draft.replyTo,
    grade: result,
    ...(required ? { cleared } : {}),
    ...(monitoring ? { monitoring } : {}),
  };
  const tasks = { ...state.tasks };
  if (task) tasks[task.id] = { ...tasks[task.id]!, status: 'done', outcome: result.passed ? 'passed' : 'failed', publicationId: id };
  // Headquarters reads a report; the public never sees it, so no one reacts to it.
  const plan: ReactionPlan = monitoring ? { itemId: id, reach: 0, events: [] } : planReaction(input, state, item, task);
  const replies = plan.events.flatMap((event): FeedAudienceReply[] =>
    event.reply
      ? [
          {
            source: 'audience',
            id: event.reply.id,
            at: event.at,
            accountId: item.accountId,
            replyTo: id,
            personaId: event.reply.personaId ?? null,
            author: event.reply.author ?? null,
            mood: event.reply.mood,
            text: event.reply.text,
          },
        ]
      : [],
  );
  return settle(input, {
    ...state,
    feed: [...state.feed, item],
    tasks,
    publications: state.publications + 1,
    reactions: { ...state.reactions, [id]: plan },
    pendingReplies: [...state.pendingReplies, ...replies].sort((a, b) => a.at - b.at),
  });
}

function planReaction(input: EngineInput, state: TimelineState, item: FeedPublication, task: Task | undefined): ReactionPlan {
  const { axes, language, passed } = item.grade;
  const now = state.time;
  // When each inject arrived, or is due where its minute is already known: a reply tied to one waits for it.
  const arrivals: Record<string, number> = {};
  for (const scheduled of state.queue) arrivals[scheduled.inject.id] = scheduled.at;
  for (const feedItem of state.feed) if (feedItem.source === 'inject') arrivals[feedItem.id] = feedItem.at;
  // A direct message goes to its task's recipient, or, outside a task, to the author of the message it answers.
  const answered = item.replyTo === null ? undefined : state.feed.find((feedItem) => feedItem.source === 'inject' && feedItem.id === item.replyTo);
  const recipient = task?.recipient ?? (item.kind === 'direct-message' && answered?.source === 'inject' ? answered.inject.persona : undefined);
  return simulateReaction({
    seed: input.seed,
    scenario: input.scenario,
    accountId: item.accountId,
    itemId: item.id,
    kind: item.kind,
    publishedAt: now,
    grade: {
      tone: axes.tone.score,
      policy: axes.policy.score,
      platform: axes.platform.score,
      passed,
      wrongLanguage: language.detected !== null && language.detected !== language.expected,
    },
    playLanguage: input.playLanguage,
    // The audience goes on reacting until the scenario's time is up, and no longer.
    horizonMinutes: Math.max(0, offsetMinutes(input.scenario.duration) - now),
    ...(recipient ? { recipientId: recipient } : {}),
    taskId: task?.id ?? null,
    arrivals,
    heard: Object.values(state.reactions).flatMap((plan) => plan.events.flatMap((event) => (event.reply ? [event.reply] : []))),
  });
}

/**
 * The trainee ends the scenario: open tasks count as missed. Tasks that have not opened stay
 * waiting — not reached; `finishAccounting` tells which of them count against the trainee.
 */
export function finish(input: EngineInput, state: TimelineState): TimelineState {
  if (state.ended) return state;
  let tasks = state.tasks;
  let moderationResults = state.moderationResults;
  for (const task of Object.values(state.tasks)) {
    if (task.status !== 'open') continue;
    // A moderation task is settled with what was done so far; what was still to come counts as left up.
    if (isModerationTask(input, task.id)) {
      const result = moderationResult(input, state, task.id, state.time);
      moderationResults = { ...moderationResults, [task.id]: result };
      tasks = { ...tasks, [task.id]: { ...task, status: 'done', outcome: result.grade.passed ? 'passed' : 'failed' } };
    } else tasks = { ...tasks, [task.id]: { ...task, status: 'missed', outcome: 'missed' } };
  }
  return { ...state, tasks, moderationResults, ended: { at: state.time, reason: 'finished', branchId: null, outcome: null } };
}

/** Why the trainee cannot moderate the comment now (throws EngineError with the reason), for the machine's guard. */
export function checkModeration(input: EngineInput, state: TimelineState, commentId: string, action: ModerationAction): void {
  const reason = moderationRefusal(input, state, commentId, action);
  if (reason !== null) throw new EngineError(reason);
}

/** The trainee hides, shows, pins or unpins a live comment now. */
export function moderate(input: EngineInput, state: TimelineState, commentId: string, action: ModerationAction): TimelineState {
  checkModeration(input, state, commentId, action);
  return settle(input, { ...state, moderation: applyModeration(state, commentId, action) });
}

/** How an attempt's tasks count when it ends by Finish (see `finishAccounting`). */
export interface TaskAccounting {
  /** Tasks that opened and were not answered: their deadline passed, or the trainee finished while they were open. */
  missed: string[];
  /**
   * Tasks that had not opened when the trainee finished but would have opened before the scenario's
   * end had the clock run on: not reached because of Finish, so each scores 0 and fails "all-passed"
   * like a missed one (finishing early must not pay). Tasks that only a branch which would not fire
   * could open are not here: the story went another way, and they do not count.
   */
  notReached: string[];
}

/**
 * What Finish leaves: asked of a live attempt, what finishing now would leave (the finish dialog);
 * asked of an attempt the trainee finished, what finishing left (the debrief and the records count
 * the same way). An attempt that ended by its time or a branch has no task not reached by Finish.
 */
export function finishAccounting(input: Pick<EngineInput, 'scenario'>, state: TimelineState): TaskAccounting {
  const ids = (predicate: (task: TaskState) => boolean) => input.scenario.tasks.filter((task) => predicate(state.tasks[task.id]!)).map((task) => task.id);
  if (state.ended && state.ended.reason !== 'finished') return { missed: ids((task) => task.status === 'missed'), notReached: [] };
  // An open moderation task is not missed by Finish: it is settled with what was done (see finish).
  const missed = ids((task) => task.status === 'missed' || (task.status === 'open' && !isModerationTask(input, task.id)));
  // The outcomes as they stood before Finish: a task Finish marked missed (its deadline still ahead)
  // had no outcome yet, and a branch waiting on it could not have fired for it.
  const now = state.time;
  const outcomes: TimelineState = {
    ...state,
    tasks: Object.fromEntries(
      Object.values(state.tasks).map((task) => [
        task.id,
        task.status === 'missed' && task.due !== null && task.due > now ? { ...task, status: 'open', outcome: null } : task,
      ]),
    ),
  };
  // What would have happened with no more actions, in time order, up to the end of time or the first
  // branch that would end the scenario.
  const duration = offsetMinutes(input.scenario.duration);
  const openings: Array<{ at: number; taskId: string }> = [];
  let endsAt = duration;
  for (const task of Object.values(state.tasks)) if (task.status === 'waiting' && task.opensAt !== null) openings.push({ at: task.opensAt, taskId: task.id });
  for (const branch of input.scenario.branches) {
    const at = branchFireTime(branch, outcomes);
    if (at === null || at > duration) continue;
    if (branch.then.end) endsAt = Math.min(endsAt, at);
    for (const taskId of branch.then.openTasks) {
      const task = state.tasks[taskId]!;
      if (task.status === 'waiting' && task.opensAt === null) openings.push({ at, taskId });
    }
  }
  const reached = new Set(openings.filter((opening) => opening.at < endsAt).map((opening) => opening.taskId));
  return { missed, notReached: input.scenario.tasks.filter((task) => reached.has(task.id)).map((task) => task.id) };
}

/** Why the draft cannot be sent for clearance now: throws EngineError with the reason; returns its task, if any. */
export function checkClearanceRequest(input: EngineInput, state: TimelineState, draft: Draft): Task | undefined {
  const task = checkDraft(input, state, draft);
  const reason = clearanceRefusal(input, state, draft);
  if (reason !== null) throw new EngineError(reason);
  return task;
}

/**
 * The trainee sends the draft to headquarters now. It is graded as publishing it would be, which
 * decides the verdict; the answer arrives later, at a time the clock stops at (nextEventTime). The
 * task's deadline does not move.
 */
export function requestClearance(input: EngineInput, state: TimelineState, draft: Draft): TimelineState {
  const task = checkClearanceRequest(input, state, draft);
  const result = grade(draft.text, gradingContextFor(input, task ?? defaultGradingTask(input, draft), draft));
  return settle(input, { ...state, clearances: [...state.clearances, createClearanceRequest(input, state, draft, result)] });
}
