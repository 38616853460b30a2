// Runtime: any (pure core). A scenario as an XState machine: briefing → live → debrief. Simulated
// time moves only by explicit clock events (never by timers inside the machine), so a persisted
// snapshot and a replayed event log always agree.
import { assign, setup } from 'xstate';
import type { ClockSpeed } from './event-log';
import { CLOCK_SPEEDS, parseEngineEvent } from './event-log';
import type { Draft, EngineInput, TimelineState } from './timeline';
import { checkClearanceRequest, requestClearance } from './timeline';
import type { ModerationAction } from './live';
import { advanceTo, checkDraft, checkModeration, deliverNow, EngineError, finish, initialTimeline, moderate, nextEventTime, publish, start } from './timeline';

export { CLOCK_SPEEDS };
export type { ClockSpeed };

export type EngineEvent =
  | { type: 'START' }
  | { type: 'CLOCK.TICK'; minutes: number }
  | { type: 'CLOCK.NEXT' }
  | { type: 'CLOCK.SET_SPEED'; speed: ClockSpeed }
  | { type: 'PUBLISH'; draft: Draft }
  | { type: 'CLEARANCE.REQUEST'; draft: Draft }
  | { type: 'MODERATE'; commentId: string; action: ModerationAction }
  | { type: 'FINISH' };

/**
 * What only a studio play-test sends: an inject delivered now rather than at its time. It is no
 * part of a trainee's log (the log's validator does not know it, so a saved attempt never holds it).
 */
export type PlaytestEvent = { type: 'PLAYTEST.SEND_INJECT'; injectId: string };

/** Every event the machine takes. */
export type MachineEvent = EngineEvent | PlaytestEvent;

export interface EngineContext {
  timeline: TimelineState;
  /** Simulated minutes per real minute the UI should send as ticks; 0 is paused. */
  speed: ClockSpeed;
  /** Why the last event was refused, for the UI to show; null after an accepted one. */
  refused: string | null;
}

const MALFORMED = 'the event is malformed and was not applied';

/**
 * Why `draft` cannot be published now, or null when it can. The event's shape is checked first: a
 * log is validated before it is replayed, but a malformed event that got past that must be refused
 * here rather than throw inside a guard.
 */
function refusal(input: EngineInput, timeline: TimelineState, event: MachineEvent): string | null {
  if (parseEngineEvent(event).event === null || event.type !== 'PUBLISH') return MALFORMED;
  const draft: Draft = event.draft;
  try {
    checkDraft(input, timeline, draft);
    return null;
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

/** Why the live comment cannot be moderated now, or null when it can (a malformed event first). */
function moderationRefused(input: EngineInput, timeline: TimelineState, event: MachineEvent): string | null {
  if (parseEngineEvent(event).event === null || event.type !== 'MODERATE') return MALFORMED;
  try {
    checkModeration(input, timeline, event.commentId, event.action);
    return null;
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

/** Why the inject cannot be sent now, or null when it can. */
function injectRefusal(timeline: TimelineState, event: MachineEvent): string | null {
  if (event.type !== 'PLAYTEST.SEND_INJECT' || typeof event.injectId !== 'string') return MALFORMED;
  return timeline.queue.some((item) => item.inject.id === event.injectId) ? null : `no inject "${event.injectId}" waits to be delivered`;
}

/** Why `draft` cannot be sent for clearance now, or null when it can (a malformed event first). */
function clearanceRefused(input: EngineInput, timeline: TimelineState, event: MachineEvent): string | null {
  if (parseEngineEvent(event).event === null || event.type !== 'CLEARANCE.REQUEST') return MALFORMED;
  try {
    checkClearanceRequest(input, timeline, event.draft);
    return null;
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

export function createScenarioMachine(input: EngineInput) {
  return setup({
    types: { context: {} as EngineContext, events: {} as MachineEvent },
    guards: {
      ended: ({ context }) => context.timeline.ended !== null,
      validTick: ({ event }) => event.type === 'CLOCK.TICK' && typeof event.minutes === 'number' && Number.isFinite(event.minutes) && event.minutes > 0,
      validSpeed: ({ event }) => event.type === 'CLOCK.SET_SPEED' && (CLOCK_SPEEDS as readonly unknown[]).includes(event.speed),
      publishable: ({ context, event }) => event.type === 'PUBLISH' && refusal(input, context.timeline, event) === null,
      clearable: ({ context, event }) => clearanceRefused(input, context.timeline, event) === null,
      sendable: ({ context, event }) => injectRefusal(context.timeline, event) === null,
      moderatable: ({ context, event }) => moderationRefused(input, context.timeline, event) === null,
    },
    actions: {
      tick: assign(({ context, event }) => {
        const minutes = event.type === 'CLOCK.TICK' ? event.minutes : 0;
        return { timeline: advanceTo(input, context.timeline, context.timeline.time + minutes), refused: null };
      }),
      jumpToNext: assign(({ context }) => {
        // With nothing left to happen, the jump goes to the end of the scenario's time ("Skip to the end").
        const next = nextEventTime(input, context.timeline) ?? Number.POSITIVE_INFINITY;
        return { timeline: advanceTo(input, context.timeline, next), refused: null };
      }),
      setSpeed: assign(({ event }) => ({ speed: event.type === 'CLOCK.SET_SPEED' ? event.speed : 0, refused: null })),
      publish: assign(({ context, event }) => (event.type === 'PUBLISH' ? { timeline: publish(input, context.timeline, event.draft), refused: null } : {})),
      requestClearance: assign(({ context, event }) =>
        event.type === 'CLEARANCE.REQUEST' ? { timeline: requestClearance(input, context.timeline, event.draft), refused: null } : {},
      ),
      refuseClearance: assign(({ context, event }) => ({ refused: clearanceRefused(input, context.timeline, event) })),
      sendInject: assign(({ context, event }) =>
        event.type === 'PLAYTEST.SEND_INJECT' ? { timeline: deliverNow(input, context.timeline, event.injectId), refused: null } : {},
      ),
      moderate: assign(({ context, event }) =>
        event.type === 'MODERATE' ? { timeline: moderate(input, context.timeline, event.commentId, event.action), refused: null } : {},
      ),
      refuseModerate: assign(({ context, event }) => ({ refused: moderationRefused(input, context.timeline, event) })),
      refuseInject: assign(({ context, event }) => ({ refused: injectRefusal(context.timeline, event) })),
      refusePublish: assign(({ context, event }) => ({ refused: refusal(input, context.timeline, event) })),
      refuseTick: assign({ refused: 'a clock tick moves time forward by a positive number of minutes' }),
      refuseSpeed: assign({ refused: `the clock runs at ${CLOCK_SPEEDS.join(', ')} simulated minutes per real minute` }),
      finish: assign(({ context }) => ({ timeline: finish(input, context.timeline), speed: 0 as ClockSpeed, refused: null })),
    },
  }).createMachine({
    id: 'scenario',
    context: { timeline: initialTimeline(input), speed: 0, refused: null },
    initial: 'briefing',
    states: {
      briefing: {
        // What is due at T+0:00 is on the desk at once. A log saved before START settled replays to the
        // state it had (its first tick settled T+0:00, each item at its own minute), except that a
        // publication made at 0:00 before any tick now follows the opening injects in the feed.
        on: { START: { target: 'live', actions: assign(({ context }) => ({ speed: 1 as ClockSpeed, timeline: start(input, context.timeline) })) } },
      },
      live: {
        always: { guard: 'ended', target: 'debrief', actions: assign({ speed: 0 as ClockSpeed }) },
        on: {
          'CLOCK.TICK': [{ guard: 'validTick', actions: 'tick' }, { actions: 'refuseTick' }],
          'CLOCK.NEXT': { actions: 'jumpToNext' },
          'CLOCK.SET_SPEED': [{ guard: 'validSpeed', actions: 'setSpeed' }, { actions: 'refuseSpeed' }],
          PUBLISH: [{ guard: 'publishable', actions: 'publish' }, { actions: 'refusePublish' }],
          'CLEARANCE.REQUEST': [{ guard: 'clearable', actions: 'requestClearance' }, { actions: 'refuseClearance' }],
          MODERATE: [{ guard: 'moderatable', actions: 'moderate' }, { actions: 'refuseModerate' }],
          FINISH: { actions: 'finish' },
          'PLAYTEST.SEND_INJECT': [{ guard: 'sendable', actions: 'sendInject' }, { actions: 'refuseInject' }],
        },
      },
      debrief: { type: 'final' },
    },
  });
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
