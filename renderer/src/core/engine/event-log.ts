// Runtime: any (pure core). An attempt's event log as untrusted input. What comes back from storage
// or a file may have been damaged (a disk error, an old bug, a hand-edited export), so every event is
// checked before it reaches the machine: its shape, by type, and what can be told without running
// the machine — the log opens with START, the clock only moves forward, nothing follows the end,
// accounts, tasks and posts belong to the attempt's scenario, texts and the log have a ceiling. The
// first bad event is reported with its position and a translatable reason; nothing is repaired.
import { z } from '../zod';
import type { Message } from '../grading/types';
import type { Scenario } from '../pack/schema';
import { offsetMinutes, TASK_KINDS } from '../pack/schema';
import { MODERATION_ACTIONS } from './live';
import type { EngineEvent } from './machine';

// Simulated minutes per real minute; 0 is paused. Logs saved when 8 was the fastest hold a subset of these.
export const CLOCK_SPEEDS = [0, 1, 2, 4, 8, 15, 30, 60] as const;
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number];

export const EVENT_LOG_LIMITS = {
  /**
   * Events in one log. A scenario lasts at most 99:59 and the clock ticks once a simulated minute,
   * so a real log holds at most about 6,000 ticks and a few hundred other actions.
   */
  events: 20_000,
  /** Characters of a published text: far above every platform's limit and the composer's ceiling. */
  textLength: 200_000,
  /** Characters of an account, task or post id (pack ids are at most 64; publication ids are short). */
  idLength: 200,
} as const;

/** Every key a reason can carry, in the `player` namespace; the locale parity test checks them. */
export const EVENT_LOG_REASON_KEYS = [
  'eventLog.missing',
  'eventLog.notAnEvent',
  'eventLog.noType',
  'eventLog.unknownType',
  'eventLog.missingField',
  'eventLog.unknownField',
  'eventLog.invalidField',
  'eventLog.noText',
  'eventLog.textTooLong',
  'eventLog.tickNotForward',
  'eventLog.noStart',
  'eventLog.startNotFirst',
  'eventLog.afterEnd',
  'eventLog.unknownAccount',
  'eventLog.unknownTask',
  'eventLog.unknownPost',
  'eventLog.unknownComment',
  'eventLog.tooMany',
] as const;
export type EventLogReasonKey = (typeof EVENT_LOG_REASON_KEYS)[number];

export interface EventLogReason extends Message {
  key: EventLogReasonKey;
}

export type EventLogValidation =
  | { ok: true; events: EngineEvent[] }
  | {
      ok: false;
      /** The first bad event, counted from 1 as people count. */
      position: number;
      /** Its type when it has a known one, for "publish at 0:35"; null when it has none. */
      eventType: EngineEvent['type'] | null;
      reason: EventLogReason;
      /** The events before it, all valid: what can be shown of the attempt. */
      events: EngineEvent[];
    };

const id = () => z.string().min(1).max(EVENT_LOG_LIMITS.idLength);

const draftSchema = z.strictObject({
  accountId: id(),
  kind: z.enum(TASK_KINDS),
  text: z.string().max(EVENT_LOG_LIMITS.textLength),
  taskId: id().nullable(),
  replyTo: id().nullable(),
});

/** The shape of each event the machine takes, by type. zod's numbers are finite: no NaN, no Infinity. */
const EVENT_SCHEMAS = {
  START: z.strictObject({ type: z.literal('START') }),
  'CLOCK.TICK': z.strictObject({ type: z.literal('CLOCK.TICK'), minutes: z.number().positive() }),
  'CLOCK.NEXT': z.strictObject({ type: z.literal('CLOCK.NEXT') }),
  'CLOCK.SET_SPEED': z.strictObject({ type: z.literal('CLOCK.SET_SPEED'), speed: z.literal(CLOCK_SPEEDS) }),
  PUBLISH: z.strictObject({ type: z.literal('PUBLISH'), draft: draftSchema }),
  'CLEARANCE.REQUEST': z.strictObject({ type: z.literal('CLEARANCE.REQUEST'), draft: draftSchema }),
  MODERATE: z.strictObject({ type: z.literal('MODERATE'), commentId: id(), action: z.enum(MODERATION_ACTIONS) }),
  FINISH: z.strictObject({ type: z.literal('FINISH') }),
} satisfies { [Type in EngineEvent['type']]: z.ZodType<Extract<EngineEvent, { type: Type }>> };

const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as Array<EngineEvent['type']>;

function isEventType(value: unknown): value is EngineEvent['type'] {
  return typeof value === 'string' && (EVENT_TYPES as string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose `type` is one the machine knows; its other fields are not looked at. */
export function hasEngineEventType(value: unknown): value is { type: EngineEvent['type'] } {
  return isRecord(value) && isEventType(value.type);
}

/** A value from the log as it may be shown in a message: short, on one line. */
function shown(value: string): string {
  const chars = Array.from(value.slice(0, 80).replace(/\s+/g, ' '));
  return chars.length > 40 || value.length > 80 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

/** The shape problem of an event, or the event itself when it has none. */
export function parseEngineEvent(
  value: unknown,
): { event: EngineEvent; reason: null } | { event: null; eventType: EngineEvent['type'] | null; reason: EventLogReason } {
  if (value === undefined || value === null) return { event: null, eventType: null, reason: { key: 'eventLog.missing' } };
  if (!isRecord(value)) return { event: null, eventType: null, reason: { key: 'eventLog.notAnEvent' } };
  const type = value.type;
  if (type === undefined) return { event: null, eventType: null, reason: { key: 'eventLog.noType' } };
  if (!isEventType(type)) {
    return { event: null, eventType: null, reason: { key: 'eventLog.unknownType', params: { type: typeof type === 'string' ? shown(type) : typeof type } } };
  }
  const parsed = EVENT_SCHEMAS[type].safeParse(value);
  if (parsed.success) return { event: parsed.data as EngineEvent, reason: null };
  return { event: null, eventType: type, reason: reasonOf(parsed.error.issues[0]!, value) };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = isRecord(value) ? value[key as string] : undefined;
  return value;
}

function reasonOf(issue: z.core.$ZodIssue, event: Record<string, unknown>): EventLogReason {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { key: 'eventLog.unknownField', params: { field: shown(field ? `${field}.${key}` : key) } };
  }
  const value = valueAt(event, issue.path);
  if (field === 'draft.text') {
    if (value === undefined) return { key: 'eventLog.noText' };
    if (typeof value === 'string') return { key: 'eventLog.textTooLong', params: { length: value.length, limit: EVENT_LOG_LIMITS.textLength } };
  }
  if (field === 'minutes' && value !== undefined) return { key: 'eventLog.tickNotForward' };
  if (value === undefined) return { key: 'eventLog.missingField', params: { field } };
  return { key: 'eventLog.invalidField', params: { field } };
}

/** Ids a trainee's publication can answer: the scenario's injects and live comments, and earlier publications and the replies to them. */
function injectIdsOf(scenario: Scenario): Set<string> {
  const ids = new Set(scenario.timeline.map((inject) => inject.id));
  for (const branch of scenario.branches) for (const inject of branch.then.injects) ids.add(inject.id);
  for (const comment of commentIdsOf(scenario)) ids.add(comment);
  return ids;
}

/** The ids of every live comment of the scenario's streams. */
function commentIdsOf(scenario: Scenario): Set<string> {
  const injects = [...scenario.timeline, ...scenario.branches.flatMap((branch) => branch.then.injects)];
  return new Set(injects.flatMap((inject) => inject.live?.comments.map((comment) => comment.id) ?? []));
}

const PUBLICATION_ID = /^pub-([1-9]\d{0,5})(?:-reply-[1-9]\d{0,5})?$/;

/**
 * Checks a log read from storage or a file against the scenario it was played in. Bounded work: at
 * most `EVENT_LOG_LIMITS.events` events are looked at, each in time linear in its size.
 */
export function validateEventLog(events: readonly unknown[], scenario: Scenario): EventLogValidation {
  const accounts = new Set(scenario.accounts.map((account) => account.id));
  const tasks = new Set(scenario.tasks.map((task) => task.id));
  const injects = injectIdsOf(scenario);
  const comments = commentIdsOf(scenario);
  const duration = offsetMinutes(scenario.duration);
  const good: EngineEvent[] = [];
  // Ticks are the least the clock has moved: CLOCK.NEXT moves it further, by what only the machine knows.
  let ticked = 0;
  let ended = false;
  let publications = 0;
  const refuse = (eventType: EngineEvent['type'] | null, reason: EventLogReason): EventLogValidation => ({
    ok: false,
    position: good.length + 1,
    eventType,
    reason,
    events: good,
  });

  const count = Math.min(events.length, EVENT_LOG_LIMITS.events);
  for (let index = 0; index < count; index += 1) {
    const parsed = parseEngineEvent(events[index]);
    if (!parsed.event) return refuse(parsed.eventType, parsed.reason);
    const event = parsed.event;
    if (ended) return refuse(event.type, { key: 'eventLog.afterEnd' });
    if (index === 0 && event.type !== 'START') return refuse(event.type, { key: 'eventLog.noStart' });
    if (index > 0 && event.type === 'START') return refuse(event.type, { key: 'eventLog.startNotFirst' });
    if (event.type === 'CLOCK.TICK') {
      ticked += event.minutes;
      ended = ticked >= duration;
    } else if (event.type === 'FINISH') ended = true;
    else if (event.type === 'PUBLISH' || event.type === 'CLEARANCE.REQUEST') {
      const { accountId, taskId, replyTo } = event.draft;
      if (!accounts.has(accountId)) return refuse(event.type, { key: 'eventLog.unknownAccount', params: { account: shown(accountId) } });
      if (taskId !== null && !tasks.has(taskId)) return refuse(event.type, { key: 'eventLog.unknownTask', params: { task: shown(taskId) } });
      if (replyTo !== null && !injects.has(replyTo)) {
        const publication = PUBLICATION_ID.exec(replyTo);
        if (!publication || Number(publication[1]) > publications) return refuse(event.type, { key: 'eventLog.unknownPost', params: { post: shown(replyTo) } });
      }
      // A draft sent for clearance is not published: it makes no publication to answer.
      if (event.type === 'PUBLISH') publications += 1;
    } else if (event.type === 'MODERATE' && !comments.has(event.commentId))
      return refuse(event.type, { key: 'eventLog.unknownComment', params: { comment: shown(event.commentId) } });
    good.push(event);
  }
  if (events.length > EVENT_LOG_LIMITS.events) return refuse(null, { key: 'eventLog.tooMany', params: { limit: EVENT_LOG_LIMITS.events } });
  return { ok: true, events: good };
}
