// Runtime: Node (Vitest). Event logs as untrusted input: every log the app writes is accepted; a
// damaged one is refused at its first bad event with a reason that can be translated; the machine
// neither throws on a damaged log replayed without validation nor on any malformed event at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { replay, step } from './attempt';
import type { EventLogValidation } from './event-log';
import { CLOCK_SPEEDS, EVENT_LOG_LIMITS, EVENT_LOG_REASON_KEYS, validateEventLog } from './event-log';
import type { EngineEvent } from './machine';
import { createScenarioMachine } from './machine';

const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = library.scenarios.find((s) => s.id === 'flights-suspended')!;
const input = { scenario, playLanguage: 'en', manifest: library.manifest, seed: 3 };
const machine = createScenarioMachine(input);
const account = scenario.accounts[0]!.id;
const task = scenario.tasks[0]!;
const answer = (taskId: string): EngineEvent => {
  const chosen = scenario.tasks.find((candidate) => candidate.id === taskId)!;
  return {
    type: 'PUBLISH',
    draft: { accountId: chosen.account, kind: chosen.kind, text: chosen.modelAnswer.en!, taskId: chosen.id, replyTo: chosen.replyTo ?? null },
  };
};

/** What the player records: each action applied, and nothing once the scenario is over. */
function recorded(actions: ReadonlyArray<(snapshot: ReturnType<typeof replay>) => EngineEvent>): EngineEvent[] {
  const log: EngineEvent[] = [{ type: 'START' }];
  let snapshot = replay(machine, log);
  for (const action of actions) {
    if (snapshot.status === 'done') break;
    const event = action(snapshot);
    log.push(event);
    snapshot = step(machine, snapshot, event);
  }
  return log;
}

/** The actions a trainee can take, as the player sends them: replies go to items in the feed. */
const action = fc.oneof(
  fc.constant(() => ({ type: 'CLOCK.TICK', minutes: 1 }) as EngineEvent),
  fc.integer({ min: 1, max: 30 }).map((minutes) => () => ({ type: 'CLOCK.TICK', minutes }) as EngineEvent),
  fc.constant(() => ({ type: 'CLOCK.NEXT' }) as EngineEvent),
  fc.constantFrom(...CLOCK_SPEED_EVENTS()).map((event) => () => event),
  fc.constantFrom(...scenario.tasks.map((t) => t.id)).map((taskId) => () => answer(taskId)),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 60 })).map(([pick, text]) => (snapshot: ReturnType<typeof replay>): EngineEvent => {
    const feed = snapshot.context.timeline.feed;
    const item = feed[pick % Math.max(1, feed.length)];
    return { type: 'PUBLISH', draft: { accountId: account, kind: item ? 'reply' : 'post', text, taskId: null, replyTo: item?.id ?? null } };
  }),
  fc.constant(() => ({ type: 'FINISH' }) as EngineEvent),
);

function CLOCK_SPEED_EVENTS(): EngineEvent[] {
  return CLOCK_SPEEDS.map((speed) => ({ type: 'CLOCK.SET_SPEED', speed }) as EngineEvent);
}

const validLog = fc.array(action, { maxLength: 12 }).map(recorded);

function expectRefusedAt(result: EventLogValidation, position: number, key?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.position).toBe(position);
  if (key) expect(result.reason.key).toBe(key);
}

/** A reason as a message could show it: keys known, every parameter a short string or a finite number. */
function expectWellFormedRefusal(result: EventLogValidation, log: readonly unknown[]) {
  if (result.ok) return;
  expect(result.position).toBeGreaterThanOrEqual(1);
  expect(result.position).toBeLessThanOrEqual(Math.min(log.length, EVENT_LOG_LIMITS.events + 1));
  expect(EVENT_LOG_REASON_KEYS).toContain(result.reason.key);
  for (const value of Object.values(result.reason.params ?? {})) {
    if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    else expect(value.length).toBeLessThanOrEqual(41);
  }
  expect(result.events).toEqual(log.slice(0, result.position - 1));
  expect(validateEventLog(result.events, scenario).ok).toBe(true);
}

describe('validating an event log', () => {
  it('accepts every log the player can record, unchanged', () => {
    fc.assert(
      fc.property(validLog, (log) => {
        const result = validateEventLog(JSON.parse(JSON.stringify(log)), scenario);
        expect(result).toEqual({ ok: true, events: log });
      }),
      { numRuns: 60 },
    );
  });

  it('accepts every clock speed up to 60×, and the speeds of logs saved when 8× was the fastest', () => {
    expect(CLOCK_SPEEDS).toEqual([0, 1, 2, 4, 8, 15, 30, 60]);
    const old: EngineEvent[] = [{ type: 'START' }, ...[0, 1, 2, 4, 8].map((speed) => ({ type: 'CLOCK.SET_SPEED', speed }) as EngineEvent)];
    expect(validateEventLog(old, scenario)).toEqual({ ok: true, events: old });
    const fast: EngineEvent[] = [{ type: 'START' }, ...[15, 30, 60].map((speed) => ({ type: 'CLOCK.SET_SPEED', speed }) as EngineEvent)];
    expect(validateEventLog(fast, scenario)).toEqual({ ok: true, events: fast });
    for (const speed of [3, 16, 120])
      expectRefusedAt(validateEventLog([{ type: 'START' }, { type: 'CLOCK.SET_SPEED', speed }], scenario), 2, 'eventLog.invalidField');
  });

  it('accepts an empty log: an attempt whose start was never saved', () => {
    expect(validateEventLog([], scenario)).toEqual({ ok: true, events: [] });
  });

  it('refuses a publication without its text at its position, saying so (the crash once measured)', () => {
    const log: unknown[] = [
      { type: 'START' },
      { type: 'CLOCK.TICK', minutes: 1 },
      { type: 'PUBLISH', draft: { accountId: account, kind: 'post', taskId: null, replyTo: null } },
    ];
    const result = validateEventLog(log, scenario);
    expectRefusedAt(result, 3, 'eventLog.noText');
    expect(result.ok || result.eventType).toBe('PUBLISH');
    expect(result.ok || result.events).toEqual(log.slice(0, 2));
  });

  const draft = { accountId: account, kind: task.kind, text: 'We are on it.', taskId: task.id, replyTo: null };
  const cases: Array<[string, unknown, string, Record<string, string | number>?]> = [
    ['a hole in the log', undefined, 'eventLog.missing'],
    ['a number', 7, 'eventLog.notAnEvent'],
    ['a list', [{ type: 'FINISH' }], 'eventLog.notAnEvent'],
    ['an object without a type', { minutes: 1 }, 'eventLog.noType'],
    ['an unknown type', { type: 'REWIND' }, 'eventLog.unknownType', { type: 'REWIND' }],
    ['a type that is not text', { type: 12 }, 'eventLog.unknownType', { type: 'number' }],
    ['a tick without minutes', { type: 'CLOCK.TICK' }, 'eventLog.missingField', { field: 'minutes' }],
    ['a tick backwards', { type: 'CLOCK.TICK', minutes: -3 }, 'eventLog.tickNotForward'],
    ['a tick of no time', { type: 'CLOCK.TICK', minutes: 0 }, 'eventLog.tickNotForward'],
    ['a tick of NaN minutes', { type: 'CLOCK.TICK', minutes: Number.NaN }, 'eventLog.tickNotForward'],
    ['a tick of endless minutes', { type: 'CLOCK.TICK', minutes: Number.POSITIVE_INFINITY }, 'eventLog.tickNotForward'],
    ['a tick in words', { type: 'CLOCK.TICK', minutes: 'five' }, 'eventLog.tickNotForward'],
    ['an unknown speed', { type: 'CLOCK.SET_SPEED', speed: 3 }, 'eventLog.invalidField', { field: 'speed' }],
    ['a field the event does not have', { type: 'FINISH', at: 5 }, 'eventLog.unknownField', { field: 'at' }],
    ['a publication without a draft', { type: 'PUBLISH' }, 'eventLog.missingField', { field: 'draft' }],
    ['a draft without an account', { type: 'PUBLISH', draft: { ...draft, accountId: undefined } }, 'eventLog.missingField', { field: 'draft.accountId' }],
    ['a text that is a number', { type: 'PUBLISH', draft: { ...draft, text: 42 } }, 'eventLog.invalidField', { field: 'draft.text' }],
    ['an unknown kind', { type: 'PUBLISH', draft: { ...draft, kind: 'story' } }, 'eventLog.invalidField', { field: 'draft.kind' }],
    ['a field the draft does not have', { type: 'PUBLISH', draft: { ...draft, mood: 'calm' } }, 'eventLog.unknownField', { field: 'draft.mood' }],
    [
      'a huge text',
      { type: 'PUBLISH', draft: { ...draft, text: 'a'.repeat(EVENT_LOG_LIMITS.textLength + 1) } },
      'eventLog.textTooLong',
      { length: EVENT_LOG_LIMITS.textLength + 1, limit: EVENT_LOG_LIMITS.textLength },
    ],
    [
      'an account of another scenario',
      { type: 'PUBLISH', draft: { ...draft, accountId: 'someone-else' } },
      'eventLog.unknownAccount',
      { account: 'someone-else' },
    ],
    ['a task of another scenario', { type: 'PUBLISH', draft: { ...draft, taskId: 'no-such-task' } }, 'eventLog.unknownTask', { task: 'no-such-task' }],
    ['a reply to a post that does not exist', { type: 'PUBLISH', draft: { ...draft, replyTo: 'nowhere' } }, 'eventLog.unknownPost', { post: 'nowhere' }],
    ['a reply to a publication not yet made', { type: 'PUBLISH', draft: { ...draft, replyTo: 'pub-1' } }, 'eventLog.unknownPost', { post: 'pub-1' }],
    ['a second start', { type: 'START' }, 'eventLog.startNotFirst'],
  ];
  it.each(cases)('refuses %s at its position, with a reason to translate', (_name, bad, key, params) => {
    const log = [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 2 }, bad, { type: 'FINISH' }];
    const result = validateEventLog(log, scenario);
    expectRefusedAt(result, 3, key);
    if (!result.ok) expect(result.reason.params).toEqual(params);
    expectWellFormedRefusal(result, log);
  });

  it('cuts a long value down for the message', () => {
    const result = validateEventLog([{ type: 'START' }, { type: 'PUBLISH', draft: { ...draft, accountId: `x${'y'.repeat(150)}` } }], scenario);
    expect(result.ok || result.reason.params).toEqual({ account: `x${'y'.repeat(39)}…` });
  });

  it('refuses a log that does not open with START, or goes on after the end', () => {
    expectRefusedAt(validateEventLog([{ type: 'CLOCK.NEXT' }], scenario), 1, 'eventLog.noStart');
    expectRefusedAt(validateEventLog([{ type: 'START' }, { type: 'FINISH' }, { type: 'CLOCK.NEXT' }], scenario), 3, 'eventLog.afterEnd');
    const duration = 180;
    expectRefusedAt(
      validateEventLog([{ type: 'START' }, { type: 'CLOCK.TICK', minutes: duration - 1 }, { type: 'CLOCK.TICK', minutes: 1 }, answer(task.id)], scenario),
      4,
      'eventLog.afterEnd',
    );
    expect(validateEventLog([{ type: 'START' }, { type: 'CLOCK.TICK', minutes: duration - 1 }, answer(task.id)], scenario).ok).toBe(true);
  });

  it('accepts a reply to a publication made earlier and to the replies it drew', () => {
    const reply = (replyTo: string): EngineEvent => ({ type: 'PUBLISH', draft: { ...draft, taskId: null, replyTo } });
    expect(validateEventLog([{ type: 'START' }, answer(task.id), reply('pub-1'), reply('pub-1-reply-3'), reply('pub-2')], scenario).ok).toBe(true);
    expectRefusedAt(validateEventLog([{ type: 'START' }, answer(task.id), reply('pub-2')], scenario), 3, 'eventLog.unknownPost');
  });

  it('looks at no more events than the limit, however long the log claims to be', () => {
    let reads = 0;
    const tick = { type: 'CLOCK.TICK', minutes: 0.001 };
    const endless = new Proxy([] as unknown[], {
      get(target, property, receiver) {
        if (property === 'length') return 1_000_000_000;
        if (typeof property === 'string' && /^\d+$/.test(property)) {
          reads += 1;
          return property === '0' ? { type: 'START' } : tick;
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const result = validateEventLog(endless, scenario);
    expectRefusedAt(result, EVENT_LOG_LIMITS.events + 1, 'eventLog.tooMany');
    expect(result.ok || result.reason.params).toEqual({ limit: EVENT_LOG_LIMITS.events });
    expect(reads).toBe(EVENT_LOG_LIMITS.events);
  });
});

/** One way a stored log gets damaged, at a position of the log, or nothing when it does not apply there. */
type Mutation = { name: string; certain: boolean; apply: (log: unknown[], at: number) => unknown[] | null };
const clone = <T>(value: T): T => structuredClone(value);

function withEvent(log: unknown[], at: number, event: unknown): unknown[] {
  const copy = clone(log);
  copy[at] = event;
  return copy;
}

const mutation = fc.oneof(
  fc.constant<Mutation>({
    name: 'drop a field',
    certain: true,
    apply: (log, at) => {
      const event = clone(log[at]) as Record<string, unknown>;
      const draft = event.draft as Record<string, unknown> | undefined;
      if (draft) delete draft[Object.keys(draft)[at % 5]!];
      else if (Object.keys(event).length > 1) delete event[Object.keys(event)[1]!];
      else delete event.type;
      return withEvent(log, at, event);
    },
  }),
  fc.anything().map<Mutation>((value) => ({
    name: 'a field of the wrong type',
    certain: false,
    apply: (log, at) => {
      const event = clone(log[at]) as Record<string, unknown>;
      const draft = event.draft as Record<string, unknown> | undefined;
      if (draft) draft[Object.keys(draft)[at % 5]!] = value;
      else event[Object.keys(event).at(-1)!] = value;
      return withEvent(log, at, event);
    },
  })),
  fc.constant<Mutation>({
    name: 'a huge string',
    certain: true,
    apply: (log, at) => {
      const event = clone(log[at]) as Record<string, unknown>;
      const huge = 'x'.repeat(EVENT_LOG_LIMITS.textLength + 1);
      if (event.draft) (event.draft as Record<string, unknown>).text = huge;
      else event.type = huge;
      return withEvent(log, at, event);
    },
  }),
  fc.constant<Mutation>({
    name: 'swap with the next event',
    certain: false,
    apply: (log, at) => {
      if (at + 1 >= log.length) return null;
      const copy = clone(log);
      [copy[at], copy[at + 1]] = [copy[at + 1], copy[at]];
      return copy;
    },
  }),
  fc.constant<Mutation>({
    name: 'duplicate',
    certain: false,
    apply: (log, at) => [...clone(log.slice(0, at + 1)), clone(log[at]), ...clone(log.slice(at + 1))],
  }),
  fc.string({ maxLength: 20 }).map<Mutation>((type) => ({
    name: 'unknown type',
    certain: !['START', 'CLOCK.TICK', 'CLOCK.NEXT', 'CLOCK.SET_SPEED', 'PUBLISH', 'FINISH'].includes(type),
    apply: (log, at) => withEvent(log, at, { type }),
  })),
  fc
    .constantFrom(null, undefined, 0, 'PUBLISH', [], true)
    .map<Mutation>((value) => ({ name: 'not an event', certain: true, apply: (log, at) => withEvent(log, at, value) })),
);

describe('a damaged log', () => {
  it('is refused at the damaged event or accepted, and replays without throwing either way', () => {
    fc.assert(
      fc.property(validLog, fc.nat(), mutation, (log, pick, damage) => {
        const at = pick % log.length;
        const damaged = damage.apply(log, at);
        if (!damaged) return;
        const result = validateEventLog(damaged, scenario);
        expectWellFormedRefusal(result, damaged);
        if (damage.certain) expectRefusedAt(result, at + 1);
        // Nothing before the damaged event changed, so nothing before it is refused.
        if (!result.ok) expect(result.position).toBeGreaterThanOrEqual(at + 1);
        // Replayed as it is, without validation: the machine refuses or ignores, never throws.
        expect(() => replay(machine, damaged as EngineEvent[])).not.toThrow();
        expect(() => replay(machine, result.events)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});

describe('the machine, given malformed events without validation', () => {
  const live = replay(machine, [{ type: 'START' }, { type: 'CLOCK.NEXT' }]);

  it('refuses a publication without its text, changing nothing, instead of throwing in its guard', () => {
    for (const draft of [undefined, null, 'text', { accountId: account }, { accountId: account, kind: 'post', taskId: null, replyTo: null }]) {
      const after = step(machine, live, { type: 'PUBLISH', draft } as unknown as EngineEvent);
      expect(after.context.refused).toMatch(/malformed/);
      expect(after.context.timeline).toBe(live.context.timeline);
    }
  });

  it('refuses a speed the clock does not have, keeping the one it had', () => {
    for (const speed of [3, '2', null, Number.NaN]) {
      const after = step(machine, live, { type: 'CLOCK.SET_SPEED', speed } as unknown as EngineEvent);
      expect(after.context.speed).toBe(live.context.speed);
      expect(after.context.refused).toMatch(/clock runs at/);
    }
  });

  it('ignores what is not an event at all', () => {
    for (const value of [undefined, null, 5, 'START', [], {}, { type: 7 }]) expect(step(machine, live, value as unknown as EngineEvent)).toBe(live);
  });

  it('never throws, whatever follows the start', () => {
    const known = fc.constantFrom('START', 'CLOCK.TICK', 'CLOCK.NEXT', 'CLOCK.SET_SPEED', 'PUBLISH', 'FINISH');
    const malformed = fc.oneof(
      fc.anything(),
      fc.record({ type: known, minutes: fc.anything(), speed: fc.anything(), draft: fc.anything() }, { requiredKeys: ['type'] }),
      fc.record({
        type: fc.constant('PUBLISH'),
        draft: fc.record(
          { accountId: fc.oneof(fc.constant(account), fc.anything()), kind: fc.anything(), text: fc.anything(), taskId: fc.anything(), replyTo: fc.anything() },
          { requiredKeys: [] },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(malformed, { maxLength: 8 }), (events) => {
        expect(() => replay(machine, [{ type: 'START' }, ...(events as EngineEvent[])])).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
