// Runtime: any (pure core). A scenario as an XState machine: briefing → live → debrief. Simulated
// time moves only by explicit clock events (never by timers inside the machine), so a persisted
// snapshot and a replayed event log always agree.
import { assign, setup } from 'xstate';
import type { Draft, EngineInput, TimelineState } from './timeline';
import { advanceTo, checkDraft, EngineError, finish, initialTimeline, nextEventTime, publish } from './timeline';

export const CLOCK_SPEEDS = [0, 1, 2, 4, 8] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

export type EngineEvent =
  | { type: 'START' }
  | { type: 'CLOCK.TICK'; minutes: number }
  | { type: 'CLOCK.NEXT' }
  | { type: 'CLOCK.SET_SPEED'; speed: ClockSpeed }
  | { type: 'PUBLISH'; draft: Draft }
  | { type: 'FINISH' };

export interface EngineContext {
  timeline: TimelineState;
  /** Simulated minutes per real minute the UI should send as ticks; 0 is paused. */
  speed: ClockSpeed;
  /** Why the last event was refused, for the UI to show; null after an accepted one. */
  refused: string | null;
}

/** Why `draft` cannot be published now, or null when it can. */
function refusal(input: EngineInput, timeline: TimelineState, draft: Draft): string | null {
  try {
    checkDraft(input, timeline, draft);
    return null;
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

export function createScenarioMachine(input: EngineInput) {
  return setup({
    types: { context: {} as EngineContext, events: {} as EngineEvent },
    guards: {
      ended: ({ context }) => context.timeline.ended !== null,
      validTick: ({ event }) => event.type === 'CLOCK.TICK' && Number.isFinite(event.minutes) && event.minutes > 0,
      publishable: ({ context, event }) => event.type === 'PUBLISH' && refusal(input, context.timeline, event.draft) === null,
    },
    actions: {
      tick: assign(({ context, event }) => {
        const minutes = event.type === 'CLOCK.TICK' ? event.minutes : 0;
        return { timeline: advanceTo(input, context.timeline, context.timeline.time + minutes), refused: null };
      }),
      jumpToNext: assign(({ context }) => {
        const next = nextEventTime(context.timeline) ?? Number.POSITIVE_INFINITY;
        return { timeline: advanceTo(input, context.timeline, next), refused: null };
      }),
      setSpeed: assign(({ event }) => ({ speed: event.type === 'CLOCK.SET_SPEED' ? event.speed : 0, refused: null })),
      publish: assign(({ context, event }) => (event.type === 'PUBLISH' ? { timeline: publish(input, context.timeline, event.draft), refused: null } : {})),
      refusePublish: assign(({ context, event }) => ({ refused: event.type === 'PUBLISH' ? refusal(input, context.timeline, event.draft) : null })),
      refuseTick: assign({ refused: 'a clock tick moves time forward by a positive number of minutes' }),
      finish: assign(({ context }) => ({ timeline: finish(input, context.timeline), speed: 0 as ClockSpeed, refused: null })),
    },
  }).createMachine({
    id: 'scenario',
    context: { timeline: initialTimeline(input), speed: 0, refused: null },
    initial: 'briefing',
    states: {
      briefing: {
        on: { START: { target: 'live', actions: assign({ speed: 1 as ClockSpeed }) } },
      },
      live: {
        always: { guard: 'ended', target: 'debrief', actions: assign({ speed: 0 as ClockSpeed }) },
        on: {
          'CLOCK.TICK': [{ guard: 'validTick', actions: 'tick' }, { actions: 'refuseTick' }],
          'CLOCK.NEXT': { actions: 'jumpToNext' },
          'CLOCK.SET_SPEED': { actions: 'setSpeed' },
          PUBLISH: [{ guard: 'publishable', actions: 'publish' }, { actions: 'refusePublish' }],
          FINISH: { actions: 'finish' },
        },
      },
      debrief: { type: 'final' },
    },
  });
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
