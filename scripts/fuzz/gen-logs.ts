// Runtime: Node (scripts). Damaged event logs: a valid log (a scenario played with its model
// answers) with fields dropped, wrong types, events reordered, duplicated or unknown, and logs
// that are not lists at all — what storage or a file can hand back after a crash or an edit.
import type { Rng } from './random';

export const LOG_KINDS = ['valid', 'missing-fields', 'wrong-types', 'reordered', 'unknown-events', 'duplicated', 'huge', 'odd-entries'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export interface LogPayload {
  scenario: string;
  language: string;
  seed: number;
  events: unknown;
}

type Event = Record<string, unknown>;

const WRONG: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  -0,
  1e308,
  1.5,
  '5',
  '',
  'x'.repeat(300),
  true,
  [],
  {},
  { text: 1 },
  [1, 2],
  2 ** 53 + 1,
];
const UNKNOWN_EVENTS: readonly unknown[] = [
  { type: 'HACK' },
  { type: 'xstate.init' },
  { type: 'xstate.stop' },
  { type: 'xstate.error.actor.x', error: {} },
  { type: '*' },
  { type: '' },
  { type: 'publish' },
  { type: 'PUBLISH' },
  { type: 'CLOCK.SET_SPEED', speed: 3 },
  { type: 'CLOCK.TICK', minutes: 1, extra: { deep: true } },
  { type: ['START'] },
  { type: 1 },
  {},
  null,
  undefined,
  42,
  'START',
  [],
  JSON.parse('{"__proto__":{"type":"START"},"type":"FINISH"}') as unknown,
];

function fieldsOf(event: Event): Array<[Record<string, unknown>, string]> {
  const out: Array<[Record<string, unknown>, string]> = Object.keys(event).map((key) => [event, key]);
  const draft = event.draft;
  if (draft && typeof draft === 'object') for (const key of Object.keys(draft)) out.push([draft as Record<string, unknown>, key]);
  return out;
}

const clone = (events: readonly Event[]): Event[] => events.map((event) => structuredClone(event));

export function generateLog(rng: Rng, kind: LogKind, base: { scenario: string; language: string; seed: number; events: readonly Event[] }): LogPayload {
  const events = clone(base.events);
  const payload = (value: unknown): LogPayload => ({
    scenario: base.scenario,
    language: base.language,
    seed: rng.chance(0.9) ? base.seed : rng.pick([0, 0xffffffff, -1, 1.5, Number.NaN]),
    events: value,
  });
  switch (kind) {
    case 'valid':
      return payload(rng.chance(0.5) ? events : events.slice(0, rng.int(events.length + 1)));
    case 'missing-fields':
    case 'wrong-types':
      for (let n = rng.between(1, 6); n > 0; n -= 1) {
        const event = rng.pick(events);
        const fields = fieldsOf(event);
        if (!fields.length) continue;
        const [owner, key] = rng.pick(fields);
        if (kind === 'missing-fields') delete owner[key];
        else owner[key] = rng.pick(WRONG);
      }
      return payload(events);
    case 'reordered': {
      const shape = rng.pick(['shuffle', 'reverse', 'finish-first', 'no-start', 'start-twice', 'after-finish']);
      if (shape === 'shuffle') rng.shuffle(events);
      else if (shape === 'reverse') events.reverse();
      else if (shape === 'finish-first') events.unshift({ type: 'FINISH' });
      else if (shape === 'no-start') events.shift();
      else if (shape === 'start-twice') events.splice(rng.int(events.length), 0, { type: 'START' });
      else events.push({ type: 'FINISH' }, ...clone(events.slice(1)));
      return payload(events);
    }
    case 'unknown-events':
      for (let n = rng.between(1, 8); n > 0; n -= 1) events.splice(rng.int(events.length + 1), 0, rng.pick(UNKNOWN_EVENTS) as Event);
      return payload(events);
    case 'duplicated': {
      const event = rng.pick(events);
      const copies = rng.pick([10, 1_000, 10_000]);
      events.splice(rng.int(events.length), 0, ...Array.from({ length: copies }, () => structuredClone(event)));
      return payload(events);
    }
    case 'huge': {
      const shape = rng.pick(['long-text', 'many-ticks', 'tiny-ticks', 'deep']);
      if (shape === 'long-text') {
        const publish = events.find((event) => event.type === 'PUBLISH');
        if (publish) (publish.draft as Record<string, unknown>).text = rng.pick(['.', 'www.', '1', 'a ']).repeat(rng.pick([50_000, 200_000]));
      } else if (shape === 'many-ticks')
        events.splice(1, 0, ...Array.from({ length: rng.pick([20_000, 100_000]) }, () => ({ type: 'CLOCK.TICK', minutes: 1 })));
      else if (shape === 'tiny-ticks') events.splice(1, 0, ...Array.from({ length: 20_000 }, () => ({ type: 'CLOCK.TICK', minutes: Number.MIN_VALUE })));
      else {
        let deep: unknown = 'x';
        for (let i = 0; i < 5_000; i += 1) deep = { deep };
        events.splice(1, 0, { type: 'CLOCK.TICK', minutes: deep });
      }
      return payload(events);
    }
    case 'odd-entries': {
      // What a damaged store hands back for each position: nothing, a hole, a list, text.
      const odd = rng.pick<() => unknown>([
        () => undefined,
        () => null,
        () => [structuredClone(events[0])],
        () => 'START',
        () => JSON.stringify(events[1] ?? {}),
        () => new Date(0),
        () => new Map([['type', 'START']]),
      ]);
      const out: unknown[] = [...events];
      for (let n = rng.between(1, 5); n > 0; n -= 1) out[rng.int(out.length + 2)] = odd();
      return payload(out);
    }
  }
}
