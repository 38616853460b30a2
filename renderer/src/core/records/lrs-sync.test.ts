// Runtime: Node (Vitest). The LRS response table, row by row, and properties of whole passes against a
// model LRS: a split always isolates the statements refused, and clean replies send each statement once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, decide, initialSyncState, nextBatch, retryAfterMs, skipSplit, SYNC_LIMITS, type SyncPolicyState, type SyncReply } from './lrs-sync';

const ids = (count: number, prefix = 's') => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const answered = (status: number, body = '', retryAfter: string | null = null): SyncReply => ({ kind: 'answered', status, body, retryAfter });
const at = { now: Date.UTC(2026, 11, 6, 9), random: 0.5 };

describe('the response table', () => {
  it('starts with batches of 50 from the outbox', () => {
    expect(nextBatch(initialSyncState())).toEqual({ kind: 'queue', limit: 50 });
    expect(SYNC_LIMITS.batchSize).toBeGreaterThanOrEqual(25);
    expect(SYNC_LIMITS.batchSize).toBeLessThanOrEqual(50);
  });

  it.each([200, 204])('%i: the batch is sent and the back-off starts again', (status) => {
    const state: SyncPolicyState = { ...initialSyncState(), failures: 4 };
    const { state: after, action } = decide(state, ids(3), answered(status, '["s0","s1","s2"]'), at);
    expect(action).toEqual({ kind: 'sent', ids: ids(3) });
    expect(after.failures).toBe(0);
  });

  it('409 on a batch: split in halves, sent before anything else from the outbox', () => {
    const { state, action } = decide(initialSyncState(), ids(5), answered(409, 'conflicting'), at);
    expect(action).toEqual({ kind: 'split', status: 409, parts: [ids(3), ['s3', 's4']] });
    expect(nextBatch(state)).toEqual({ kind: 'split', ids: ids(3) });
  });

  it('409 on one statement: dead-lettered as a conflict with the LRS’s reply', () => {
    const state = { ...initialSyncState(), splits: [['s3'], ['s4']] };
    const reply = 'Statement s3 is conflicting with an existing statement';
    const { state: after, action } = decide(state, ['s3'], answered(409, reply), at);
    expect(action).toEqual({ kind: 'dead', id: 's3', problem: { kind: 'conflict', status: 409, reply } });
    expect(after.splits).toEqual([['s4']]);
  });

  it('400 on a batch: split in halves; on one statement: dead-lettered as invalid, the rest go on', () => {
    const split = decide(initialSyncState(), ids(2), answered(400, 'bad'), at);
    expect(split.action).toEqual({ kind: 'split', status: 400, parts: [['s0'], ['s1']] });
    const sent = decide(split.state, ['s0'], answered(200), at);
    expect(sent.action).toEqual({ kind: 'sent', ids: ['s0'] });
    const dead = decide(sent.state, ['s1'], answered(400, '{"message":"Expected IRI in verb.id"}'), at);
    expect(dead.action).toEqual({ kind: 'dead', id: 's1', problem: { kind: 'invalid', status: 400, reply: '{"message":"Expected IRI in verb.id"}' } });
    expect(nextBatch(dead.state)).toEqual({ kind: 'queue', limit: 50 });
  });

  it('413: the batch size is halved, down to one, and kept; one statement too large alone is dead-lettered', () => {
    let state = initialSyncState();
    const sizes: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      const size = (nextBatch(state) as { limit: number }).limit;
      const decision = decide(state, ids(size), answered(413, 'Payload Too Large'), at);
      state = decision.state;
      if (decision.action.kind === 'smaller') sizes.push(decision.action.batchSize);
      else {
        expect(decision.action).toEqual({ kind: 'dead', id: 's0', problem: { kind: 'invalid', status: 413, reply: 'Payload Too Large' } });
        break;
      }
    }
    expect(sizes).toEqual([25, 12, 6, 3, 1]);
    // The size that worked is kept after a success.
    expect(nextBatch(decide(state, ['s1'], answered(200), at).state)).toEqual({ kind: 'queue', limit: 1 });
  });

  it('413 on a part of a split batch: the part is cut to the new size in its place', () => {
    const state = { ...initialSyncState(), splits: [ids(4), ['x']] };
    const { state: after, action } = decide(state, ids(4), answered(413), at);
    expect(action).toEqual({ kind: 'smaller', batchSize: 2 });
    expect(after.splits).toEqual([['s0', 's1'], ['s2', 's3'], ['x']]);
  });

  it.each([401, 403])('%i: pause and ask for the key and secret (nothing is written, the batch goes again later)', (status) => {
    const state = initialSyncState();
    const { state: after, action } = decide(state, ids(3), answered(status, 'Unauthorised'), at);
    expect(action).toEqual({ kind: 'pause', reason: 'credentials', status, message: 'Unauthorised' });
    expect(after).toEqual(state);
  });

  it.each([404, 405, 410, 301, 307])('%i: pause, the endpoint is not an LRS’s statements resource', (status) => {
    expect(decide(initialSyncState(), ids(1), answered(status, 'Cannot POST /statements'), at).action).toMatchObject({
      kind: 'pause',
      reason: 'endpoint',
      status,
    });
  });

  it.each([429, 500, 502, 503, 504, 408])('%i: wait (the same batch again later), longer with each failure in a row', (status) => {
    let state = initialSyncState();
    const bounds: number[] = [];
    for (let failure = 0; failure < 12; failure += 1) {
      // random just under 1: the wait is the bound itself (full jitter draws between 0 and the bound).
      const { state: after, action } = decide(state, ids(2), answered(status, 'busy'), { now: at.now, random: 0.999999 });
      expect(action).toMatchObject({ kind: 'wait', status, message: 'busy' });
      bounds.push((action as { delayMs: number }).delayMs);
      expect(after.splits).toEqual(state.splits);
      state = after;
    }
    expect(bounds.slice(0, 4)).toEqual([1999, 3999, 7999, 15999]);
    expect(Math.max(...bounds)).toBeLessThanOrEqual(SYNC_LIMITS.backoffCapMs);
    expect(bounds.at(-1)).toBe(Math.floor(0.999999 * SYNC_LIMITS.backoffCapMs));
    // A success starts the back-off again from the shortest wait.
    state = decide(state, ids(2), answered(200), at).state;
    expect((decide(state, ids(2), answered(503), { now: at.now, random: 0.999999 }).action as { delayMs: number }).delayMs).toBe(1999);
  });

  it.each([
    ['timeout', 'The LRS did not answer in time (no answer in 30 s)'],
    ['network', 'The LRS could not be reached (ECONNRESET)'],
  ] as const)('no answer (%s): wait, with what went wrong', (reason, message) => {
    const reply: SyncReply = { kind: 'no-answer', reason, message: reason === 'timeout' ? 'no answer in 30 s' : 'ECONNRESET' };
    const { state, action } = decide(initialSyncState(), ids(5), reply, { now: at.now, random: 0 });
    expect(action).toEqual({ kind: 'wait', delayMs: 0, status: null, message });
    expect(state.failures).toBe(1);
  });

  it('429 with Retry-After in seconds or as an HTTP date: never sooner than asked, capped', () => {
    const wait = (retryAfter: string, random = 0) =>
      (decide(initialSyncState(), ids(1), answered(429, '', retryAfter), { now: at.now, random }).action as { delayMs: number }).delayMs;
    expect(wait('120')).toBe(120_000);
    expect(wait(new Date(at.now + 90_000).toUTCString())).toBe(90_000);
    expect(wait('1', 0.999)).toBe(Math.floor(0.999 * SYNC_LIMITS.backoffBaseMs));
    expect(wait('86400')).toBe(SYNC_LIMITS.retryAfterCapMs);
    expect(wait('soon', 0.5)).toBe(SYNC_LIMITS.backoffBaseMs / 2);
  });

  it('reads Retry-After as delay-seconds or any of the three HTTP date forms, in GMT', () => {
    const now = Date.UTC(1994, 10, 6, 8, 49, 0);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 30 ', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(37_000);
    expect(retryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(37_000);
    expect(retryAfterMs('Sun Nov  6 08:49:37 1994', now)).toBe(37_000);
    expect(retryAfterMs('Sun, 06 Nov 1994 08:00:00 GMT', now)).toBe(0);
    for (const bad of [null, undefined, '', '-5', '1.5', 'tomorrow', '2026-12-06T10:00:00Z', 'Sun, 06 Nov 1994 08:49:37 +0100'])
      expect(retryAfterMs(bad, now)).toBeNull();
  });

  it('full jitter: the wait is spread evenly from nothing to the bound', () => {
    expect(backoffMs(0, 0)).toBe(0);
    expect(backoffMs(0, 0.5)).toBe(1000);
    expect(backoffMs(3, 0.25)).toBe(4000);
    expect(backoffMs(1000, 0.5)).toBe(SYNC_LIMITS.backoffCapMs / 2);
  });

  it('a split part with nothing left pending is skipped', () => {
    const state = { ...initialSyncState(), splits: [['gone'], ['s1']] };
    expect(nextBatch(skipSplit(state))).toEqual({ kind: 'split', ids: ['s1'] });
  });

  it('refuses a reply to an empty batch', () => {
    expect(() => decide(initialSyncState(), [], answered(200), at)).toThrow(/empty batch/);
  });
});

// -------------------------------------------------------------------------------------------------
// Whole passes against a model LRS.

/** How the model LRS answers a batch: by what is in it, or by the request's number. */
type ModelReply = (batch: readonly string[], request: number) => SyncReply;

interface PassResult {
  requests: string[][];
  accepted: string[][];
  sent: string[];
  dead: Map<string, number>;
  waits: number;
}

/** Runs the policy over an outbox of `count` statements until it is empty, as the service does, with no clock. */
function runPass(count: number, lrs: ModelReply, maxRequests = 10_000): PassResult {
  let pending = ids(count);
  let state = initialSyncState();
  const result: PassResult = { requests: [], accepted: [], sent: [], dead: new Map(), waits: 0 };
  while (result.requests.length < maxRequests) {
    const next = nextBatch(state);
    const batch = next.kind === 'split' ? next.ids.filter((id) => pending.includes(id)) : pending.slice(0, next.limit);
    if (batch.length === 0) {
      if (next.kind === 'split') {
        state = skipSplit(state);
        continue;
      }
      return result;
    }
    result.requests.push([...batch]);
    const reply = lrs(batch, result.requests.length);
    const decision = decide(state, batch, reply, { now: 0, random: 0.5 });
    state = decision.state;
    const { action } = decision;
    if (action.kind === 'sent') {
      result.accepted.push([...action.ids]);
      result.sent.push(...action.ids);
      pending = pending.filter((id) => !action.ids.includes(id));
    } else if (action.kind === 'dead') {
      result.dead.set(action.id, action.problem.status);
      pending = pending.filter((id) => id !== action.id);
    } else if (action.kind === 'wait') result.waits += 1;
    else if (action.kind === 'pause') throw new Error(`paused by ${action.status}`);
  }
  throw new Error('the pass did not end');
}

const badSets = fc.integer({ min: 1, max: 200 }).chain((count) =>
  fc.record({
    count: fc.constant(count),
    invalid: fc.uniqueArray(fc.integer({ min: 0, max: count - 1 }), { maxLength: Math.min(count, 8) }),
    conflicting: fc.uniqueArray(fc.integer({ min: 0, max: count - 1 }), { maxLength: Math.min(count, 8) }),
  }),
);

describe('whole passes (property-based)', () => {
  it('a split always isolates every refused statement: exactly those are dead, the rest sent once, in bounded requests', () => {
    fc.assert(
      fc.property(badSets, ({ count, invalid, conflicting }) => {
        const bad = new Map<string, number>();
        for (const index of conflicting) bad.set(`s${index}`, 409);
        for (const index of invalid) bad.set(`s${index}`, 400);
        // Like an LRS, a batch holding any bad statement is refused whole (400 before 409).
        const result = runPass(count, (batch) => {
          const statuses = batch.map((id) => bad.get(id)).filter((status) => status !== undefined);
          return statuses.length ? answered(statuses.includes(400) ? 400 : 409, 'refused') : answered(200);
        });
        expect(new Map([...result.dead].sort())).toEqual(new Map([...bad].sort()));
        expect(result.sent.sort()).toEqual(
          ids(count)
            .filter((id) => !bad.has(id))
            .sort(),
        );
        expect(new Set(result.sent).size).toBe(result.sent.length);
        // Each bad statement costs at most a path down the halving tree of one batch.
        const depth = Math.ceil(Math.log2(SYNC_LIMITS.batchSize)) + 1;
        expect(result.requests.length).toBeLessThanOrEqual(Math.ceil(count / SYNC_LIMITS.batchSize) + bad.size * 2 * depth);
      }),
      { numRuns: 300 },
    );
  });

  it('clean replies send each statement exactly once, in outbox order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (count) => {
        const result = runPass(count, () => answered(200));
        expect(result.requests.flat()).toEqual(ids(count));
        expect(result.requests.length).toBe(Math.ceil(count / SYNC_LIMITS.batchSize));
      }),
    );
  });

  it('through 413s, 429s, 5xx and lost answers, every statement is accepted exactly once, in outbox order', () => {
    const fault = fc.constantFrom<SyncReply>(
      answered(413),
      answered(429, '', '3'),
      answered(500),
      answered(503),
      { kind: 'no-answer', reason: 'timeout', message: 'timeout' },
      { kind: 'no-answer', reason: 'network', message: 'reset' },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.option(fault, { freq: 2 }), { maxLength: 60 }), (count, plan) => {
        // A 413 says the batch is too large; one statement alone never is here.
        const result = runPass(count, (batch, request) => {
          const reply = plan[request - 1] ?? answered(200);
          return reply.kind === 'answered' && reply.status === 413 && batch.length === 1 ? answered(200) : reply;
        });
        expect(result.accepted.flat()).toEqual(ids(count));
        expect(result.dead.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
