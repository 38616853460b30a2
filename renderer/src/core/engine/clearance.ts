// Runtime: any (pure core). Clearance by headquarters: where a pack says an account's or a task's
// public words need sign-off, the trainee sends the draft and a headquarters persona answers after
// the pack's delay plus a seeded extra (a good draft can still be held a while). The verdict is the
// grader's: a draft that would fail its task comes back with up to three comments, its gravest
// findings; any other is cleared. A publication is cleared when the same text (white space aside)
// for the same target was cleared before it; publishing without that where clearance is required is
// the policy finding `policy.uncleared`. The deadline never moves: time spent waiting counts.
// timeline.ts calls these functions; nothing here imports its runtime (it grades and hands over).
import { resolveRules } from '../grading/catalog';
import type { Finding, Grade, Message } from '../grading/types';
import type { Scenario, Task } from '../pack/schema';
import { formatOffset, offsetMinutes } from '../pack/schema';
import { createRandom, deriveSeed } from './random';
import type { Draft, EngineInput, TimelineState } from './timeline';

/** The rule a publication breaks when it needed clearance and did not have it. */
export const UNCLEARED_RULE = 'policy.uncleared';

/** How many of the draft's findings come back as the reviewer's comments, at most. */
export const MAX_COMMENTS = 3;

export type ClearanceVerdict = 'cleared' | 'returned';

/** A draft sent to headquarters, and the answer it gets. */
export interface ClearanceRequest {
  /** `clr-1`, `clr-2`…: counted in the order of requests, so ids depend on nothing else. */
  id: string;
  draft: Draft;
  sentAt: number;
  /** When the answer arrives: sentAt + the pack's delay + the seeded extra. */
  answerAt: number;
  /** Decided when the draft is sent (the grade is the draft's); the trainee learns it at answerAt. */
  verdict: ClearanceVerdict;
  /** For a returned draft: what its gravest findings say, as the grader words them. */
  comments: Message[];
  /** A line the reviewer adds when clearing, drawn from the pack's remarks, in the language played; null when returned or when there are none. */
  remark: string | null;
  answered: boolean;
}

/** The reviewer's answer, in the headquarters conversation of the inbox. */
export interface FeedClearanceAnswer {
  source: 'clearance';
  /** `<request id>-answer`. */
  id: string;
  at: number;
  /** The account the draft was for. */
  accountId: string;
  /** The reviewer: the persona the conversation is with. */
  personaId: string;
  requestId: string;
  taskId: string | null;
  verdict: ClearanceVerdict;
  comments: Message[];
  remark: string | null;
  /** The draft as it was sent: what "Use the cleared text" and "Revise" put back in the composer. */
  draft: Draft;
}

/** Text as headquarters reads it: white space runs and the ends do not change what was cleared. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Whether this draft's publication needs clearance: its task says so, or its account does. */
export function requiresClearance(
  scenario: Pick<Scenario, 'accounts' | 'tasks' | 'clearance'>,
  draft: Pick<Draft, 'accountId' | 'taskId'> & { kind?: Draft['kind'] },
): boolean {
  // A report is an internal note to headquarters themselves, never a public word.
  if (!scenario.clearance || draft.kind === 'report') return false;
  if (scenario.accounts.some((account) => account.id === draft.accountId && account.clearance)) return true;
  return draft.taskId !== null && scenario.tasks.some((task) => task.id === draft.taskId && task.clearance === true);
}

/** Whether a task's publication needs clearance (its own flag or its account's). */
export function taskRequiresClearance(scenario: Pick<Scenario, 'accounts' | 'tasks' | 'clearance'>, task: Pick<Task, 'id' | 'account' | 'kind'>): boolean {
  return requiresClearance(scenario, { accountId: task.account, taskId: task.id, kind: task.kind });
}

/** Whether two drafts are for the same thing: account, kind, task and what they answer. */
function sameTarget(a: Draft, b: Draft): boolean {
  return a.accountId === b.accountId && a.kind === b.kind && a.taskId === b.taskId && a.replyTo === b.replyTo;
}

/** The request still waiting for its answer that holds the same task (or, outside tasks, the same target). */
export function pendingRequestFor(state: Pick<TimelineState, 'clearances'>, draft: Draft): ClearanceRequest | null {
  return (
    state.clearances.find(
      (request) =>
        !request.answered &&
        (draft.taskId !== null ? request.draft.taskId === draft.taskId : request.draft.taskId === null && sameTarget(request.draft, draft)),
    ) ?? null
  );
}

/** The cleared request, answered by now, that clears `draft` as it stands, or null. */
export function clearingRequest(state: Pick<TimelineState, 'clearances' | 'time'>, draft: Draft): ClearanceRequest | null {
  const text = normaliseText(draft.text);
  return (
    state.clearances.find(
      (request) =>
        request.answered &&
        request.verdict === 'cleared' &&
        request.answerAt <= state.time &&
        sameTarget(request.draft, draft) &&
        normaliseText(request.draft.text) === text,
    ) ?? null
  );
}

/**
 * Why the draft cannot be sent for clearance now, beyond what stops any draft (timeline's
 * checkDraft): no one to clear it, nothing to clear, or a draft of the same task already waiting.
 */
export function clearanceRefusal(input: Pick<EngineInput, 'scenario'>, state: Pick<TimelineState, 'clearances'>, draft: Draft): string | null {
  if (!input.scenario.clearance) return 'this scenario has no clearance by headquarters';
  if (!requiresClearance(input.scenario, draft)) return 'this publication needs no clearance by headquarters';
  const pending = pendingRequestFor(state, draft);
  if (pending)
    return draft.taskId !== null
      ? `a draft of the task "${draft.taskId}" is already with headquarters (sent at ${formatOffset(pending.sentAt)}): wait for its answer`
      : `a draft for the same place is already with headquarters (sent at ${formatOffset(pending.sentAt)}): wait for its answer`;
  return null;
}

/** Up to MAX_COMMENTS of the grade's messages, the gravest first, each said once. */
export function reviewerComments(grade: Pick<Grade, 'findings'>): Message[] {
  const comments: Message[] = [];
  const said = new Set<string>();
  for (const finding of grade.findings) {
    const key = JSON.stringify([finding.message.key, finding.message.params ?? {}]);
    if (said.has(key)) continue;
    said.add(key);
    comments.push(finding.message);
    if (comments.length === MAX_COMMENTS) break;
  }
  return comments;
}

/**
 * The request for `draft` sent now, graded as publishing it would be (`grade`): its verdict and
 * comments, and when the answer comes. The extra wait and the remark are drawn from the attempt's
 * seed and the request's id, so they do not shift with anything else the trainee does.
 */
export function createClearanceRequest(input: EngineInput, state: Pick<TimelineState, 'clearances' | 'time'>, draft: Draft, grade: Grade): ClearanceRequest {
  const settings = input.scenario.clearance;
  if (!settings) throw new RangeError('the scenario has no clearance by headquarters');
  const id = `clr-${state.clearances.length + 1}`;
  const random = createRandom(deriveSeed(input.seed, 'clearance', id));
  const extra = Math.floor(random.next() * (offsetMinutes(settings.extra) + 1));
  const remarks = settings.remarks ?? [];
  const remark = remarks.length > 0 ? random.pick(remarks) : null;
  const cleared = grade.passed;
  return {
    id,
    draft,
    sentAt: state.time,
    answerAt: state.time + offsetMinutes(settings.delay) + extra,
    verdict: cleared ? 'cleared' : 'returned',
    comments: cleared ? [] : reviewerComments(grade),
    // The pack's remarks are what a reviewer adds when signing off ("Cleared. Keep it short."): a returned draft's comments stand alone.
    remark: remark === null || !cleared ? null : (remark[input.playLanguage] ?? Object.values(remark)[0] ?? null),
    answered: false,
  };
}

/** The next minute after now at which an answer is due, or null. */
export function nextClearanceAnswer(state: Pick<TimelineState, 'clearances' | 'time'>): number | null {
  let next: number | null = null;
  for (const request of state.clearances)
    if (!request.answered && request.answerAt > state.time && (next === null || request.answerAt < next)) next = request.answerAt;
  return next;
}

/**
 * The answers due by now, delivered: each request marked answered and its answer as a feed item,
 * in the order they fall due. Returns null when none is due (the state stays as it is).
 */
export function dueClearanceAnswers(
  input: Pick<EngineInput, 'scenario'>,
  state: Pick<TimelineState, 'clearances' | 'time'>,
): { clearances: ClearanceRequest[]; answers: FeedClearanceAnswer[] } | null {
  const reviewer = input.scenario.clearance?.reviewer;
  if (!reviewer || !state.clearances.some((request) => !request.answered && request.answerAt <= state.time)) return null;
  const answers: FeedClearanceAnswer[] = [];
  const clearances = state.clearances.map((request) => {
    if (request.answered || request.answerAt > state.time) return request;
    answers.push({
      source: 'clearance',
      id: `${request.id}-answer`,
      at: request.answerAt,
      accountId: request.draft.accountId,
      personaId: reviewer,
      requestId: request.id,
      taskId: request.draft.taskId,
      verdict: request.verdict,
      comments: request.comments,
      remark: request.remark,
      draft: request.draft,
    });
    return { ...request, answered: true };
  });
  answers.sort((a, b) => a.at - b.at);
  return { clearances, answers };
}

/**
 * The grade of a publication that needed clearance and had none: the policy finding
 * `policy.uncleared` added, at the level and weight the pack gives it. At level error it fails the
 * policy axis, as a major breach does; a pack that lowers it keeps the cost only, and "off" drops it.
 */
export function withUnclearedFinding(result: Grade, scenario: Pick<Scenario, 'rubric'>, task: Pick<Task, 'rubric'>): Grade {
  const spec = resolveRules(scenario.rubric?.rules, task.rubric?.rules).get(UNCLEARED_RULE);
  if (!spec || spec.level === 'off') return result;
  const policy = result.axes.policy;
  const blocks = spec.level === 'error';
  let loss = Math.min(spec.weight, policy.score);
  let score = policy.score - loss;
  if (blocks && score >= policy.passMark) {
    const cap = Math.max(0, policy.passMark - 1);
    loss += score - cap;
    score = cap;
  }
  const finding: Finding = {
    ruleId: UNCLEARED_RULE,
    axis: 'policy',
    severity: spec.level as Finding['severity'],
    message: { key: 'clearance.uncleared' },
    loss,
    ...(blocks ? { blocks: 'axis' as const } : {}),
  };
  // The gravest first: after whatever fails the scenario, before the rest.
  const place = (findings: readonly Finding[]) => {
    const index = findings.findIndex((other) => other.blocks !== 'scenario');
    return index === -1 ? [...findings, finding] : [...findings.slice(0, index), finding, ...findings.slice(index)];
  };
  const axes = { ...result.axes, policy: { ...policy, score, passed: policy.passed && score >= policy.passMark && !blocks, findings: place(policy.findings) } };
  return { ...result, axes, findings: place(result.findings), passed: result.passed && axes.policy.passed };
}

/**
 * The grade a publication made at `at` gets: the draft's own grade (`graded`), with the uncleared
 * finding where clearance was required and this text had not been cleared for this target by then.
 * Publishing and re-grading a frozen outcome (records/regrade.ts) both read it here, from the
 * requests the attempt holds, so they cannot disagree.
 */
export function gradeUnderClearance(
  input: Pick<EngineInput, 'scenario'>,
  state: Pick<TimelineState, 'clearances'>,
  draft: Draft,
  at: number,
  graded: Grade,
): { grade: Grade; required: boolean; cleared: boolean } {
  const required = requiresClearance(input.scenario, draft);
  if (!required) return { grade: graded, required, cleared: false };
  const cleared = clearingRequest({ clearances: state.clearances, time: at }, draft) !== null;
  if (cleared) return { grade: graded, required, cleared };
  // The rubric of the task graded: a publication outside tasks takes its account's first task's, as ownPublicationTask does.
  const { scenario } = input;
  const task =
    scenario.tasks.find((candidate) => candidate.id === draft.taskId) ??
    scenario.tasks.find((candidate) => candidate.account === draft.accountId) ??
    scenario.tasks[0];
  return { grade: task ? withUnclearedFinding(graded, scenario, task) : graded, required, cleared };
}

/** One round trip to headquarters and back, as the outcome and the debrief tell it. */
export interface ClearanceRoundTrip {
  requestId: string;
  taskId: string | null;
  accountId: string;
  sentAt: number;
  /** Null when the answer had not come when the scenario ended. */
  answeredAt: number | null;
  verdict: ClearanceVerdict | null;
  comments: Message[];
  remark: string | null;
  text: string;
  /** Whether the trainee then published this very text (white space aside) for the same target. */
  published: boolean;
}

/** Every request of the attempt, in the order sent. `publishedTexts` are the publications made, to tell which round trips ended in one. */
export function roundTrips(state: Pick<TimelineState, 'clearances' | 'feed'>): ClearanceRoundTrip[] {
  return state.clearances.map((request) => ({
    requestId: request.id,
    taskId: request.draft.taskId,
    accountId: request.draft.accountId,
    sentAt: request.sentAt,
    answeredAt: request.answered ? request.answerAt : null,
    verdict: request.answered ? request.verdict : null,
    comments: request.answered ? request.comments : [],
    remark: request.answered ? request.remark : null,
    text: request.draft.text,
    published: state.feed.some(
      (item) =>
        item.source === 'trainee' &&
        item.at >= request.sentAt &&
        sameTarget({ accountId: item.accountId, kind: item.kind, taskId: item.taskId, replyTo: item.replyTo, text: item.text }, request.draft) &&
        normaliseText(item.text) === normaliseText(request.draft.text),
    ),
  }));
}

/** What clearance meant for one task: whether it was needed and given, how many round trips, how long the trainee waited. */
export interface TaskClearance {
  required: boolean;
  /** Whether the task's publication was cleared; false when it was not published or not cleared. */
  cleared: boolean;
  roundTrips: number;
  /** Minutes between sending and the answer, summed (a request never answered counts up to `endAt`). */
  waitedMinutes: number;
}

export function taskClearance(
  input: Pick<EngineInput, 'scenario'>,
  state: Pick<TimelineState, 'clearances' | 'feed' | 'tasks'>,
  task: Pick<Task, 'id' | 'account' | 'kind'>,
  endAt: number,
): TaskClearance {
  const requests = state.clearances.filter((request) => request.draft.taskId === task.id);
  const publicationId = state.tasks[task.id]?.publicationId ?? null;
  const publication = publicationId === null ? undefined : state.feed.find((item) => item.source === 'trainee' && item.id === publicationId);
  return {
    required: taskRequiresClearance(input.scenario, task),
    cleared: publication?.source === 'trainee' && publication.cleared === true,
    roundTrips: requests.length,
    waitedMinutes: requests.reduce(
      (sum, request) => sum + Math.max(0, (request.answered ? request.answerAt : Math.max(request.sentAt, endAt)) - request.sentAt),
      0,
    ),
  };
}
