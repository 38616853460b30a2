// Runtime: any (pure core). Live streams: a live inject brings a stream that runs for its length,
// with a viewer count that moves between the pack's figures and a fast comment stream whose
// comments arrive within seconds (engine times are minutes as numbers, so 20 s is 1/3). The
// trainee moderates the comments (hide, unhide, pin, unpin); what was done and when is kept per
// comment, for grading a moderation task (core/grading/moderation.ts) and for the debrief.
import { gradeModeration } from '../grading/moderation';
import type { Grade } from '../grading/types';
import type { Inject, LiveComment, LiveCommentNature } from '../pack/schema';
import { offsetMinutes } from '../pack/schema';
import type { ReplyAuthor } from './audience';
import { crowdAuthor } from './crowd';
import type { EngineInput, FeedItem, TimelineState } from './timeline';

export const MODERATION_ACTIONS = ['hide', 'unhide', 'pin', 'unpin'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** A viewer's comment under a live stream: shown inside its stream's card, never as a post of the feed. */
export interface FeedLiveComment {
  source: 'live-comment';
  /** The comment's id in the pack (unique among the scenario's inject and comment ids). */
  id: string;
  at: number;
  /** The live inject whose stream it is written under. */
  streamId: string;
  accountId: string;
  personaId: string | null;
  /** A viewer generated from the attempt's seed; null when a persona of the pack writes it. */
  author: ReplyAuthor | null;
  nature: LiveCommentNature;
  comment: LiveComment;
}

/** What the trainee did to one comment: the current state and every action, in order. */
export interface ModerationState {
  streamId: string;
  hidden: boolean;
  pinned: boolean;
  actions: Array<{ at: number; action: ModerationAction }>;
}

/** A live inject's stream: the inject, checked to carry one. */
export function streamOf(inject: Inject): NonNullable<Inject['live']> | null {
  return inject.type === 'live' && inject.live ? inject.live : null;
}

/** How long a stream runs, in minutes. */
export function streamLength(inject: Inject): number {
  const live = streamOf(inject);
  return live ? offsetMinutes(live.length) : 0;
}

/** Where a stream stands: when it started and ends (absolute minutes), or null if it has not started. */
export function streamWindow(state: Pick<TimelineState, 'feed'>, streamId: string): { start: number; end: number; inject: Inject } | null {
  const item = state.feed.find((candidate) => candidate.source === 'inject' && candidate.id === streamId);
  if (!item || item.source !== 'inject' || !streamOf(item.inject)) return null;
  return { start: item.at, end: item.at + streamLength(item.inject), inject: item.inject };
}

/** Whether a stream that started is on the air at `time` (its end is the last moment it is). */
export function isOnAir(state: Pick<TimelineState, 'feed'>, streamId: string, time: number): boolean {
  const window = streamWindow(state, streamId);
  return window !== null && time >= window.start && time < window.end;
}

/**
 * The viewer count `minute` minutes into the stream: the pack's figures, and between two of them a
 * count that moves evenly from one to the next (rounded to whole viewers); before the first figure
 * its count, after the last the last.
 */
export function viewersAt(inject: Inject, minute: number): number {
  const live = streamOf(inject);
  if (!live || live.viewers.length === 0) return 0;
  const points = live.viewers.map((point) => ({ at: offsetMinutes(point.after), count: point.count }));
  if (minute <= points[0]!.at) return points[0]!.count;
  for (let index = 1; index < points.length; index += 1) {
    const before = points[index - 1]!;
    const after = points[index]!;
    if (minute <= after.at) {
      const span = after.at - before.at;
      if (span <= 0) return after.count;
      return Math.round(before.count + ((after.count - before.count) * (minute - before.at)) / span);
    }
  }
  return points[points.length - 1]!.count;
}

/**
 * The comments of a stream that starts at `start`, each at its own moment, in time order; a comment
 * no persona writes gets a viewer generated from the attempt's seed and its id, in the language
 * the account's audience reads.
 */
export function liveCommentsOf(input: Pick<EngineInput, 'scenario' | 'seed' | 'playLanguage'>, inject: Inject, start: number): FeedLiveComment[] {
  const live = streamOf(inject);
  if (!live) return [];
  const account = input.scenario.accounts.find((candidate) => candidate.id === inject.account);
  const language = account?.audienceLanguage ?? input.playLanguage;
  return live.comments
    .map((comment): FeedLiveComment => ({
      source: 'live-comment',
      id: comment.id,
      at: start + offsetMinutes(comment.after),
      streamId: inject.id,
      accountId: inject.account,
      personaId: comment.persona ?? null,
      author: comment.persona === undefined ? crowdAuthor(input.seed, comment.id, language) : null,
      nature: comment.nature,
      comment,
    }))
    .sort((a, b) => a.at - b.at);
}

/** The comments that have arrived in the feed, by id. */
export function arrivedComments(feed: readonly FeedItem[]): Map<string, FeedLiveComment> {
  const found = new Map<string, FeedLiveComment>();
  for (const item of feed) if (item.source === 'live-comment') found.set(item.id, item);
  return found;
}

/** Whether `id` names a live comment of the scenario (a reply may answer one). */
export function isLiveCommentId(input: Pick<EngineInput, 'scenario'>, id: string): boolean {
  const injects = [...input.scenario.timeline, ...input.scenario.branches.flatMap((branch) => branch.then.injects)];
  return injects.some((inject) => streamOf(inject)?.comments.some((comment) => comment.id === id) ?? false);
}

/**
 * Why `action` cannot be done to the comment now, or null when it can: the comment must have
 * arrived, its stream still be on the air, and the action change something (hiding a hidden
 * comment, or pinning a hidden one, is refused so the log holds only real changes).
 */
export function moderationRefusal(
  input: Pick<EngineInput, 'scenario'>,
  state: Pick<TimelineState, 'feed' | 'moderation' | 'time' | 'ended'>,
  commentId: string,
  action: ModerationAction,
): string | null {
  if (state.ended) return 'the scenario has ended';
  if (!(MODERATION_ACTIONS as readonly string[]).includes(action)) return `a moderation action is one of ${MODERATION_ACTIONS.join(', ')}`;
  const comment = arrivedComments(state.feed).get(commentId);
  if (!comment)
    return isLiveCommentId(input, commentId) ? `the comment "${commentId}" has not been written yet` : `no live comment "${commentId}" in this scenario`;
  if (!isOnAir(state, comment.streamId, state.time)) return `the stream "${comment.streamId}" has ended: its comments can no longer be moderated`;
  const current = state.moderation[commentId] ?? { hidden: false, pinned: false };
  switch (action) {
    case 'hide':
      return current.hidden ? `the comment "${commentId}" is already hidden` : null;
    case 'unhide':
      return current.hidden ? null : `the comment "${commentId}" is not hidden`;
    case 'pin':
      return current.hidden
        ? `the comment "${commentId}" is hidden: unhide it to pin it`
        : current.pinned
          ? `the comment "${commentId}" is already pinned`
          : null;
    case 'unpin':
      return current.pinned ? null : `the comment "${commentId}" is not pinned`;
  }
}

/**
 * The moderation after `action` on the comment now; the caller checks `moderationRefusal` first.
 * Hiding a pinned comment unpins it (no app keeps a hidden comment pinned); one comment is pinned
 * per stream, so pinning another replaces it, as the apps do.
 */
export function applyModeration(
  state: Pick<TimelineState, 'feed' | 'moderation' | 'time'>,
  commentId: string,
  action: ModerationAction,
): Record<string, ModerationState> {
  const comment = arrivedComments(state.feed).get(commentId)!;
  const at = state.time;
  const moderation = { ...state.moderation };
  const current: ModerationState = moderation[commentId] ?? { streamId: comment.streamId, hidden: false, pinned: false, actions: [] };
  const record = (entry: ModerationState, done: ModerationAction, change: Partial<ModerationState>): ModerationState => ({
    ...entry,
    ...change,
    actions: [...entry.actions, { at, action: done }],
  });
  if (action === 'pin') {
    for (const [id, other] of Object.entries(moderation))
      if (id !== commentId && other.streamId === comment.streamId && other.pinned) moderation[id] = record(other, 'unpin', { pinned: false });
  }
  moderation[commentId] =
    action === 'hide'
      ? record(current, 'hide', { hidden: true, pinned: false })
      : action === 'unhide'
        ? record(current, 'unhide', { hidden: false })
        : action === 'pin'
          ? record(current, 'pin', { pinned: true })
          : record(current, 'unpin', { pinned: false });
  return moderation;
}

/** When each stream that is on the air now ends: stops for the clock, like an inject's arrival. */
export function streamEnds(state: Pick<TimelineState, 'feed' | 'time'>): number[] {
  const ends: number[] = [];
  for (const item of state.feed) {
    if (item.source !== 'inject' || !streamOf(item.inject)) continue;
    const end = item.at + streamLength(item.inject);
    if (end > state.time) ends.push(end);
  }
  return ends;
}

/** A settled moderation task: its grade, and when it was settled (its deadline, or Finish). */
export interface ModerationResult {
  at: number;
  streamId: string;
  grade: Grade;
}

/** Whether the task is a moderation task (settled at its deadline, not by a publication). */
export function isModerationTask(input: Pick<EngineInput, 'scenario'>, taskId: string): boolean {
  return input.scenario.tasks.some((task) => task.id === taskId && task.kind === 'moderation');
}

/** When a stream starts or is due to start (a branch's inject only once the branch fired), or null. */
function streamStart(state: Pick<TimelineState, 'feed' | 'queue'>, streamId: string): { at: number; inject: Inject } | null {
  for (const item of state.feed) if (item.source === 'inject' && item.id === streamId) return { at: item.at, inject: item.inject };
  const queued = state.queue.find((item) => item.inject.id === streamId);
  return queued ? { at: queued.at, inject: queued.inject } : null;
}

/**
 * The grade of a moderation task settled at `until`: the stream's comments written by the task's
 * deadline, what was done to them by `until`, and the replies the trainee wrote to the stream (to
 * the stream or one of its comments) while the task was open.
 */
export function moderationResult(input: EngineInput, state: TimelineState, taskId: string, until: number): ModerationResult {
  const task = input.scenario.tasks.find((candidate) => candidate.id === taskId)!;
  const taskState = state.tasks[taskId]!;
  const streamId = task.stream ?? '';
  const start = streamStart(state, streamId);
  const due = taskState.due ?? until;
  const from = taskState.opensAt ?? until;
  const comments = start ? liveCommentsOf(input, start.inject, start.at).filter((comment) => comment.at <= due) : [];
  const ids = new Set([streamId, ...comments.map((comment) => comment.id)]);
  const account = input.scenario.accounts.find((candidate) => candidate.id === task.account);
  const textOf = (comment: FeedLiveComment) => comment.comment.text[input.playLanguage] ?? Object.values(comment.comment.text)[0] ?? '';
  const grade = gradeModeration({
    scenario: input.scenario,
    task,
    platform: account?.platform ?? 'facebook',
    language: account?.audienceLanguage ?? input.playLanguage,
    from,
    until,
    comments: comments.map((comment) => ({ id: comment.id, nature: comment.nature, at: comment.at, text: textOf(comment) })),
    actions: Object.fromEntries(comments.map((comment) => [comment.id, state.moderation[comment.id]?.actions ?? []])),
    replies: state.feed.flatMap((item) =>
      item.source === 'trainee' && item.replyTo !== null && ids.has(item.replyTo) && item.at >= from && item.at <= until ? [item.grade] : [],
    ),
  });
  return { at: until, streamId, grade };
}

/**
 * The moment the next comment arrives on a stream some open moderation task watches, or null: a
 * player who moderates "as they arrive" looks at the stream then (comments are no stops of the
 * clock's "Next event", so a scripted player has to ask).
 */
export function nextWatchedComment(input: Pick<EngineInput, 'scenario'>, state: Pick<TimelineState, 'tasks' | 'pendingComments' | 'time'>): number | null {
  const watched = new Set(
    input.scenario.tasks.flatMap((task) => (task.kind === 'moderation' && task.stream && state.tasks[task.id]?.status === 'open' ? [task.stream] : [])),
  );
  if (watched.size === 0) return null;
  const next = state.pendingComments.find((comment) => comment.at > state.time && watched.has(comment.streamId));
  return next ? next.at : null;
}

/** Whether a stream is on the air now: the desk's clock then counts seconds. */
export function anyOnAir(state: Pick<TimelineState, 'feed' | 'time'>): boolean {
  return streamEnds(state).length > 0;
}
