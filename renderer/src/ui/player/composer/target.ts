// Runtime: any (pure). What the composer writes for — account, kind, task, what it answers — and the
// rules that decide when that may change. The trainee aims; the desk never re-aims by itself once the
// trainee has touched the composer: it writes for the account whose feed is open, an empty composer
// nobody has touched follows the feed the trainee opens and may pick up a task opening on that
// account, and every other task that opens is offered, never taken. Publishing starts afresh with a
// post on the same account. In the inbox the trainee answers conversations: there a draft nobody aimed
// (no message answered, no task, no account or kind chosen) publishes nothing — the composer asks for
// a message to answer or a feed to post on rather than post in public by surprise. The desk
// (use-desk-draft.ts) feeds these functions and keeps their state.
import { DRAFT_CEILING } from '../../../core/grading/grade';
import { platformRules } from '../../../core/grading/platforms';
import type { EngineInput, TimelineState } from '../../../core/engine/timeline';
import { clearingRequest, pendingRequestFor, requiresClearance } from '../../../core/engine/clearance';
import type { PackManifest, Scenario, Task, TaskKind } from '../../../core/pack/schema';
import type { PublishBlock } from '../../../core/platforms/publishable';
import { publishBlock } from '../../../core/platforms/publishable';

export interface ComposerDraft {
  accountId: string;
  kind: TaskKind;
  taskId: string | null;
  replyTo: string | null;
  text: string;
}

/** What of a task the rules read. */
export type TaskRef = Pick<Task, 'id' | 'account' | 'kind' | 'replyTo'>;

export interface DraftState {
  draft: ComposerDraft;
  /**
   * The trainee has typed or chosen something since the composer last started afresh (at the start,
   * or after publishing): from then on nothing but the trainee changes its account, kind or task.
   */
  touched: boolean;
  /**
   * The trainee chose where the draft goes: an account, kind or task, an item to answer, or wrote it
   * with that account's feed open. Only an aimed draft is published from the inbox.
   */
  aimed: boolean;
  /** The account whose feed was open when the state was last brought up to date; null: the inbox. */
  view: string | null;
  /** The ids of the tasks open then: a task not among them has just opened. */
  known: readonly string[];
  /** Tasks the trainee took up or turned down: never offered again. */
  settled: readonly string[];
}

/** A post of one's own on `accountId`, empty. */
export function freshPost(accountId: string): ComposerDraft {
  return { accountId, kind: 'post', taskId: null, replyTo: null, text: '' };
}

/** The draft a task asks for, keeping the words already written. */
export function draftForTask(task: TaskRef, text: string): ComposerDraft {
  return { accountId: task.account, kind: task.kind, taskId: task.id, replyTo: task.replyTo ?? null, text };
}

const blank = (draft: ComposerDraft) => draft.text.trim() === '';

/** Nobody has touched the composer and it holds no words: the desk may aim it. */
export const aimable = (state: DraftState): boolean => !state.touched && blank(state.draft);

/**
 * The composer at the start of a desk: a post for the account whose feed is open (the first account
 * when the inbox is), which picks up a task already open on that account.
 */
export function startDraft(view: string | null, firstAccount: string, open: readonly TaskRef[]): DraftState {
  return syncDraft({ draft: freshPost(view ?? firstAccount), touched: false, aimed: false, view, known: [], settled: [] }, view, open);
}

/**
 * Brings the state up to date with the desk: the feed open now (`view`, null for the inbox) and the
 * tasks open now, the nearest deadline first. Returns `state` itself when nothing changes, so the
 * desk can call it at every render.
 */
export function syncDraft(state: DraftState, view: string | null, open: readonly TaskRef[]): DraftState {
  let { draft } = state;
  // Opening another feed moves an untouched, empty composer there: it writes for what the trainee looks at.
  if (view !== state.view && view !== null && view !== draft.accountId && aimable(state)) draft = freshPost(view);
  // Words written in the inbox with nothing aimed go where the trainee then opens a feed: that is what
  // the composer asked for ("open an account's feed to post").
  else if (view !== state.view && view !== null && needsTarget(state)) draft = { ...freshPost(view), text: draft.text };
  const ids = open.map((task) => task.id);
  // The task it was picked up for has closed (answered elsewhere, or its deadline passed): an untouched
  // composer starts afresh; a touched one keeps it and says it is no longer open.
  if (draft.taskId !== null && !ids.includes(draft.taskId) && aimable(state)) draft = freshPost(draft.accountId);
  // A task opening on the account whose feed is open is picked up by an untouched, empty composer; any
  // other is offered — in the inbox, every one.
  if (aimable(state) && view !== null && draft.taskId === null && draft.replyTo === null && draft.kind === 'post') {
    const opened = open.find((task) => !state.known.includes(task.id) && task.account === draft.accountId);
    if (opened) draft = draftForTask(opened, '');
  }
  const known = sameList(ids, state.known) ? state.known : ids;
  if (draft === state.draft && view === state.view && known === state.known) return state;
  return { ...state, draft, view, known };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

const settle = (settled: readonly string[], taskId: string | null): readonly string[] =>
  taskId === null || settled.includes(taskId) ? settled : [...settled, taskId];

const sameTarget = (a: ComposerDraft, b: ComposerDraft) => a.accountId === b.accountId && a.kind === b.kind && a.taskId === b.taskId && a.replyTo === b.replyTo;

/**
 * The trainee typed or changed something in the composer. Words alone aim the draft only where the
 * feed of its account is open (what the trainee sees is where it goes); a changed account, kind, task
 * or answer always does.
 */
export function editDraft(state: DraftState, draft: ComposerDraft): DraftState {
  const aimed = state.aimed || !sameTarget(state.draft, draft) || (state.view !== null && state.view === draft.accountId);
  return { ...state, draft, touched: true, aimed, settled: settle(state.settled, draft.taskId) };
}

/** The trainee chose where the draft goes (under "Change", or a fix the composer offered), even the target it had. */
export function aimDraft(state: DraftState, draft: ComposerDraft): DraftState {
  return { ...editDraft(state, draft), aimed: true };
}

/**
 * The draft read back after a reload: as the trainee left it, touched, but aimed only by what it
 * holds (a task, an answer) or by the feed open now — a bare post is not published from the inbox.
 */
export function restoreDraft(state: DraftState, draft: ComposerDraft): DraftState {
  const aimed = draft.taskId !== null || draft.replyTo !== null || (state.view !== null && state.view === draft.accountId);
  return { ...state, draft, touched: true, aimed, settled: settle(state.settled, draft.taskId) };
}

/** The trainee took up a task (from the task list or an offer): its account, kind and target, the words kept. */
export function takeTask(state: DraftState, task: TaskRef): DraftState {
  return aimDraft(state, draftForTask(task, state.draft.text));
}

/** The trainee turned an offered task down: it is not offered again (the task list still has it). */
export function dismissOffer(state: DraftState, taskId: string): DraftState {
  return { ...state, settled: settle(state.settled, taskId) };
}

/** What the trainee chose to answer from the feed or the inbox. */
export interface AnswerTarget {
  accountId: string;
  kind: TaskKind;
  replyTo: string;
  /** The open task that asks for exactly this answer, if any: answering takes it up. */
  task: TaskRef | null;
}

export function answerItem(state: DraftState, target: AnswerTarget): DraftState {
  const { text } = state.draft;
  return aimDraft(
    state,
    target.task ? draftForTask(target.task, text) : { accountId: target.accountId, kind: target.kind, taskId: null, replyTo: target.replyTo, text },
  );
}

/**
 * Cancelling a reply leaves a publication of one's own: a post, answering nothing, for no task — aimed
 * only if its account's feed is open (in the inbox it waits for a new choice).
 */
export function cancelReply(state: DraftState): DraftState {
  const { draft } = state;
  const next: ComposerDraft = { ...draft, replyTo: null, taskId: null, kind: draft.kind === 'reply' ? 'post' : draft.kind };
  return { ...state, draft: next, touched: true, aimed: state.view !== null && state.view === next.accountId };
}

/** After `published` went out: a fresh post on the same account, answering nothing, for no task. */
export function afterPublish(state: DraftState, published: ComposerDraft): DraftState {
  return { ...state, draft: freshPost(published.accountId), touched: false, aimed: false, settled: settle(state.settled, published.taskId) };
}

/**
 * The inbox is open and the draft goes nowhere the trainee chose: no message answered, no task, no
 * account or kind picked. The composer says to choose a message or open a feed, and publishes nothing.
 */
export function needsTarget(state: Pick<DraftState, 'view' | 'aimed' | 'draft'>): boolean {
  return state.view === null && !state.aimed && state.draft.taskId === null && state.draft.replyTo === null;
}

/**
 * The open tasks the composer offers to take up: every open task the trainee has neither taken up nor
 * turned down, except the one it holds. Nothing is taken without the trainee's word.
 */
export function offeredTasks<T extends TaskRef>(state: DraftState, open: readonly T[]): T[] {
  return open.filter((task) => task.id !== state.draft.taskId && !state.settled.includes(task.id));
}

/** The reply target a draft of `kind` has: its own, else the task's when the task asks for that kind. */
function targetFor(draft: ComposerDraft, kind: TaskKind, task: TaskRef | null): string | null {
  if (kind !== 'reply' && kind !== 'direct-message') return null;
  return draft.replyTo ?? (task?.kind === kind ? (task.replyTo ?? null) : null);
}

/**
 * The kinds the trainee may choose for the draft as it is. A reply needs something to answer and a
 * message someone to write to: those come from answering an item (or from the task), so they are
 * offered only where the draft or its task already has them.
 */
export function kindChoices(draft: ComposerDraft, task: TaskRef | null): TaskKind[] {
  const kinds: TaskKind[] = ['post', 'thread', 'mass-notification'];
  if (draft.kind === 'reply' || targetFor(draft, 'reply', task) !== null) kinds.push('reply');
  if (draft.kind === 'direct-message' || task?.kind === 'direct-message') kinds.push('direct-message');
  // A report goes to headquarters, not to the public: it is written from their conversation (or its task).
  if (draft.kind === 'report' || task?.kind === 'report') kinds.push('report');
  return kinds;
}

/** The draft in another kind: a post, thread or notification answers nothing; a reply answers what the draft or its task answers. */
export function withKind(draft: ComposerDraft, kind: TaskKind, task: TaskRef | null): ComposerDraft {
  return { ...draft, kind, replyTo: targetFor(draft, kind, task) };
}

/** Why the draft cannot be published as it stands, or null. */
export type PublishRefusal =
  | { key: 'blank' }
  /** Longer than the grader reads (DRAFT_CEILING). */
  | { key: 'ceiling'; length: number }
  /** It names a task that is not open any more. */
  | { key: 'task-closed' }
  /** A reply with nothing to answer. */
  | { key: 'no-reply-target' }
  /** In the inbox, with nothing chosen to answer and no account chosen to post on (`needsTarget`). */
  | { key: 'no-target' }
  /** The platform would refuse it (a post, thread part or message over its limit). */
  | PublishBlock;

/** The platform norms the draft's account publishes under, with the pack's and the scenario's own rules. */
export function rulesFor(
  input: { scenario: Pick<Scenario, 'accounts' | 'platforms'>; manifest?: Pick<PackManifest, 'platforms'> | undefined },
  accountId: string,
) {
  const account = input.scenario.accounts.find((candidate) => candidate.id === accountId);
  return account ? platformRules(account.platform, input.manifest?.platforms, input.scenario.platforms) : null;
}

export function publishRefusal(
  input: Pick<EngineInput, 'scenario' | 'manifest'>,
  draft: ComposerDraft,
  openTaskIds: readonly string[],
  /** `needsTarget` of the desk's state: the draft was aimed by nobody, in the inbox. */
  unaimed = false,
): PublishRefusal | null {
  if (unaimed) return { key: 'no-target' };
  if (blank(draft)) return { key: 'blank' };
  if (draft.text.length > DRAFT_CEILING) return { key: 'ceiling', length: draft.text.length };
  if (draft.taskId !== null && !openTaskIds.includes(draft.taskId)) return { key: 'task-closed' };
  if (draft.kind === 'reply' && draft.replyTo === null) return { key: 'no-reply-target' };
  // A report is an internal note: no platform carries it, so no platform's limit refuses it (its length is graded in words).
  if (draft.kind === 'report') return null;
  const rules = rulesFor(input, draft.accountId);
  return rules ? publishBlock(draft.text, draft.kind, rules) : null;
}

/**
 * The report task the headquarters conversation of `accountId` answers: the open report task on
 * that account, else any open report task (headquarters write about every account), else none.
 */
export function reportTaskFor<T extends TaskRef>(open: readonly T[], accountId: string): T | null {
  return open.find((task) => task.kind === 'report' && task.account === accountId) ?? open.find((task) => task.kind === 'report') ?? null;
}

/**
 * The trainee writes a report from the headquarters conversation: the report task it answers (its
 * account, the words kept), or, with none open, a report of one's own from `accountId`.
 */
export function reportTo(state: DraftState, accountId: string, task: TaskRef | null): DraftState {
  const { text } = state.draft;
  return aimDraft(state, task ? draftForTask(task, text) : { accountId, kind: 'report', taskId: null, replyTo: null, text });
}

/**
 * Where the draft stands with headquarters: whether it needs clearance, whether this very text (white
 * space aside) has been cleared for this target, and since when a draft for the same task (or target)
 * has been waiting for their answer.
 */
export type DraftClearance = { required: false } | { required: true; cleared: boolean; pendingSince: number | null };

export function draftClearance(
  input: Pick<EngineInput, 'scenario'>,
  timeline: Pick<TimelineState, 'clearances' | 'time'>,
  draft: ComposerDraft,
): DraftClearance {
  if (!requiresClearance(input.scenario, draft)) return { required: false };
  return { required: true, cleared: clearingRequest(timeline, draft) !== null, pendingSince: pendingRequestFor(timeline, draft)?.sentAt ?? null };
}

/** Why the draft cannot be sent for clearance now, or null: what stops publishing it stops sending it too. */
export type ClearanceRefusal = PublishRefusal | { key: 'not-required' } | { key: 'cleared' } | { key: 'pending'; since: number };

export function clearanceRefusal(clearance: DraftClearance, publish: PublishRefusal | null): ClearanceRefusal | null {
  if (!clearance.required) return { key: 'not-required' };
  if (publish) return publish;
  if (clearance.cleared) return { key: 'cleared' };
  if (clearance.pendingSince !== null) return { key: 'pending', since: clearance.pendingSince };
  return null;
}

/**
 * The trainee takes a draft back from headquarters' answer ("Use the cleared text", "Revise"): the
 * composer writes for what was sent — its account, kind, task and answer — with its words.
 */
export function fromClearance(state: DraftState, sent: ComposerDraft): DraftState {
  return aimDraft(state, { accountId: sent.accountId, kind: sent.kind, taskId: sent.taskId, replyTo: sent.replyTo, text: sent.text });
}
