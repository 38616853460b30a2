// Runtime: any (pure core). A player that answers every task as it opens — with the model answers,
// poor drafts or a test's own — through the same machine and events as the desk. `npm run play`,
// the library's tests and the studio's checks all play this way, so a mechanic the desk gains (a
// step before publishing, an action on a live stream) is taught to the scripted player here, once.
import { replay, step } from './attempt';
import { clearingRequest, normaliseText, pendingRequestFor, requiresClearance } from './clearance';
import type { Draft } from './timeline';
import type { ScenarioSnapshot } from './attempt';
import type { EngineEvent } from './machine';
import { createScenarioMachine } from './machine';
import type { Task } from '../pack/schema';
import type { EngineInput, TimelineState } from './timeline';
import { nextEventTime } from './timeline';
import { TO_HIDE } from '../grading/moderation';
import type { LiveCommentNature } from '../pack/schema';
import { moderationRefusal, nextWatchedComment } from './live';

/** The text a player gives a task, or null to leave it unanswered. */
export type Answer = (task: Task) => string | null;

export interface AutoplayOptions {
  /** Stop, before acting, at the first moment this holds (the reference play of a report stops where its task opens). */
  until?: (timeline: TimelineState) => boolean;
  /** How the player moderates a live stream; defaults to 'model'. */
  moderate?: ModerationStyle;
}

/**
 * How a player moderates a live stream while a moderation task is open, as each comment arrives:
 * model — hides abuse and spam and nothing else; poor — hides criticism and questions and leaves
 * abuse up (what moderation must not be); none — does nothing.
 */
export type ModerationStyle = 'model' | 'poor' | 'none';

const HIDDEN_BY: Record<ModerationStyle, ReadonlySet<LiveCommentNature>> = {
  model: TO_HIDE,
  poor: new Set(['criticism', 'question']),
  none: new Set(),
};

/**
 * The events a player answering with `answer` sends at this moment, before the clock moves on: for
 * each open task it has not answered, what the task asks for now. Deterministic in its inputs.
 */
export function actionsNow(input: EngineInput, timeline: TimelineState, answer: Answer, moderate: ModerationStyle = 'model'): EngineEvent[] {
  const events: EngineEvent[] = [];
  for (const task of input.scenario.tasks) {
    if (timeline.tasks[task.id]?.status !== 'open') continue;
    if (task.kind === 'moderation') {
      // Moderated as the comments arrive: each one the style hides, once, while the stream is on the air.
      for (const item of timeline.feed)
        if (item.source === 'live-comment' && item.streamId === task.stream && HIDDEN_BY[moderate].has(item.nature))
          if (moderationRefusal(input, timeline, item.id, 'hide') === null) events.push({ type: 'MODERATE', commentId: item.id, action: 'hide' });
      continue;
    }
    const text = answer(task);
    if (text === null) continue;
    const next = publishOrClear(input, timeline, { accountId: task.account, kind: task.kind, text, taskId: task.id, replyTo: task.replyTo ?? null });
    if (next) events.push(next);
  }
  return events;
}

export interface Autoplay {
  /** Every event sent, START first: a log that replays to `snapshot`. */
  events: EngineEvent[];
  snapshot: ScenarioSnapshot;
  /** Why the machine refused an event, with the simulated minute; none for a sound pack. */
  refusals: Array<{ at: number; event: EngineEvent; reason: string }>;
}

/**
 * Plays a scenario from START to its end: at each event time the player acts (`actionsNow`), then
 * the clock jumps to the next event; with nothing left to happen it runs out the scenario's time.
 */
export function autoplay(input: EngineInput, answer: Answer, options: AutoplayOptions = {}): Autoplay {
  const moderate = options.moderate ?? 'model';
  const machine = createScenarioMachine(input);
  const events: EngineEvent[] = [{ type: 'START' }];
  let snapshot = replay(machine, events);
  const refusals: Autoplay['refusals'] = [];
  const send = (event: EngineEvent) => {
    events.push(event);
    snapshot = step(machine, snapshot, event);
    const reason = snapshot.context.refused;
    if (reason) refusals.push({ at: snapshot.context.timeline.time, event, reason });
  };
  // `send` replaces the snapshot, which type narrowing cannot follow: ask afresh each time.
  const over = () => snapshot.status === 'done';
  for (let guard = 0; guard < 10_000 && !over(); guard += 1) {
    if (options.until?.(snapshot.context.timeline)) break;
    for (const event of actionsNow(input, snapshot.context.timeline, answer, moderate)) {
      if (over()) break;
      send(event);
    }
    if (over()) break;
    // A stream being moderated is watched comment by comment; otherwise "Next event", or, once
    // nothing is left, "Skip to the end": the machine's own jump.
    const timeline = snapshot.context.timeline;
    const comment = nextWatchedComment(input, timeline);
    const next = nextEventTime(input, timeline);
    if (comment !== null && (next === null || comment < next)) send({ type: 'CLOCK.TICK', minutes: comment - timeline.time });
    else send({ type: 'CLOCK.NEXT' });
  }
  return { events, snapshot, refusals };
}

/**
 * Where headquarters must clear it, the player sends the draft first and publishes it once cleared;
 * a draft they returned it publishes anyway, as it stands (so a poor player carries the finding).
 * Null while the answer is awaited.
 */
function publishOrClear(input: EngineInput, timeline: TimelineState, draft: Draft): EngineEvent | null {
  if (!requiresClearance(input.scenario, draft) || clearingRequest(timeline, draft)) return { type: 'PUBLISH', draft };
  if (pendingRequestFor(timeline, draft)) return null;
  const text = normaliseText(draft.text);
  const answered = timeline.clearances.some(
    (request) => request.answered && request.draft.taskId === draft.taskId && normaliseText(request.draft.text) === text,
  );
  return answered ? { type: 'PUBLISH', draft } : { type: 'CLEARANCE.REQUEST', draft };
}
