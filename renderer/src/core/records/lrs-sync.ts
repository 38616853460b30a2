// Runtime: any (pure core). What the sync to a learning record store does with each reply: plain data
// in (the batch just sent, the LRS's reply, the time and a random number), a decision out. The app's
// sync service (records/lrs-sync.ts) and the command line (`npm run records -- sync`) both follow it,
// so a statement meets the same rules wherever it is sent from. Nothing here reads the clock or
// randomness, writes the outbox or remembers anything between calls but the state it returns.
//
// The response table:
//   2xx                    sent (and the back-off starts again from the shortest wait)
//   409                    a statement with this id and other content is there: the batch is split
//                          to find it, and it is dead-lettered with the LRS's reply (kind 'conflict')
//   400                    the batch is split in halves, down to one statement, to find the one the
//                          LRS refuses; it is dead-lettered (kind 'invalid'), the rest go on
//   413                    the batch size is halved (down to one, and kept for later batches); one
//                          statement the LRS finds too large on its own is dead-lettered ('invalid')
//   401, 403               pause: the LRS refuses the key and secret; ask for new ones
//   3xx, other 4xx         pause: the endpoint is not an LRS's statements resource as set up (a
//   (404, 405…)            redirect is not followed: the statements and the secret go where set up only)
//   408, 429, 5xx, other   wait, then send the same batch again: exponential back-off with full
//   timeouts, network      jitter, never shorter than the LRS's Retry-After, capped

/** The limits of the sync: batch size and how long it waits. */
export const SYNC_LIMITS = {
  /** Statements in a batch until an LRS answers 413 (xAPI LRSs take 25–50 comfortably). */
  batchSize: 50,
  /** The first wait's upper bound after a failure; it doubles with each failure in a row. */
  backoffBaseMs: 2_000,
  /** The longest wait the back-off itself chooses. */
  backoffCapMs: 5 * 60_000,
  /** The longest Retry-After honoured: an LRS asking for more is asked again after this. */
  retryAfterCapMs: 30 * 60_000,
  /** The longest statement one request may carry (the desktop's contract refuses longer: MAX_LRS_STATEMENT_LENGTH). */
  statementCharacters: 1024 * 1024,
  /** The most characters of statements in one request (the contract's MAX_LRS_BATCH_LENGTH). */
  requestCharacters: 4 * 1024 * 1024,
} as const;

/** What an LRS answered to a batch, or why there was no answer (the contract's LrsReply, less the app's own cases). */
export type SyncReply =
  { kind: 'answered'; status: number; body: string; retryAfter: string | null } | { kind: 'no-answer'; reason: 'timeout' | 'network'; message: string };

/** What the sync remembers between batches: held in memory only (the outbox holds every statement's state). */
export interface SyncPolicyState {
  /** Statements per batch; halved by a 413 and kept at the size that worked. */
  batchSize: number;
  /** Failures without an answer (or with 408/429/5xx) in a row: the back-off's exponent. */
  failures: number;
  /**
   * Parts of a batch the LRS refused (400 or 409) still to be sent, first part first: they go before
   * any statement taken from the outbox, until the one refused is found.
   */
  splits: readonly (readonly string[])[];
}

export function initialSyncState(batchSize: number = SYNC_LIMITS.batchSize): SyncPolicyState {
  return { batchSize: Math.max(1, Math.floor(batchSize)), failures: 0, splits: [] };
}

/** Which statements go next: the first part of a split batch, or the first `limit` pending statements in outbox order. */
export type NextBatch = { kind: 'split'; ids: readonly string[] } | { kind: 'queue'; limit: number };

export function nextBatch(state: SyncPolicyState): NextBatch {
  const [part] = state.splits;
  return part ? { kind: 'split', ids: part } : { kind: 'queue', limit: state.batchSize };
}

/** The next part of a split batch holds nothing still pending (requeued or sent meanwhile): go on without it. */
export function skipSplit(state: SyncPolicyState): SyncPolicyState {
  return { ...state, splits: state.splits.slice(1) };
}

export type DeadKind = 'conflict' | 'invalid';

/** What to do after a reply. */
export type SyncAction =
  /** Mark these statements sent; go on. */
  | { kind: 'sent'; ids: readonly string[] }
  /** Mark this statement dead with the LRS's reply; go on with the rest. */
  | { kind: 'dead'; id: string; problem: { kind: DeadKind; status: number; reply: string } }
  /** The batch was refused as a whole: its halves are sent next (nothing to write); go on. */
  | { kind: 'split'; status: number; parts: readonly (readonly string[])[] }
  /** The batch was too large: the same statements go again, `batchSize` at a time; go on. */
  | { kind: 'smaller'; batchSize: number }
  /** Stop until someone changes the connection (or asks for a sync): the LRS will not take anything as set up. */
  | { kind: 'pause'; reason: 'credentials' | 'endpoint'; status: number; message: string }
  /** Stop and try the same batch again after `delayMs`. */
  | { kind: 'wait'; delayMs: number; status: number | null; message: string };

export interface Decision {
  state: SyncPolicyState;
  action: SyncAction;
}

export interface DecideContext {
  /** Milliseconds since the epoch, for a Retry-After given as a date. */
  now: number;
  /** A number in [0, 1), for the back-off's jitter. */
  random: number;
}

/** How much of a reply's text a problem carries. */
const MESSAGE_CHARACTERS = 500;

function replyText(body: string): string {
  const text = body.trim();
  return text.length > MESSAGE_CHARACTERS ? `${text.slice(0, MESSAGE_CHARACTERS)}…` : text;
}

/**
 * A Retry-After header in milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3);
 * null when absent or unreadable, 0 for a date already past.
 */
export function retryAfterMs(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/u.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // The three forms of an HTTP date (IMF-fixdate, RFC 850, asctime), all in GMT; anything else is not one.
  let date: string;
  if (/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/u.test(text) || /^[A-Za-z]+, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/u.test(text))
    date = text;
  else if (/^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/u.test(text)) date = `${text} GMT`;
  else return null;
  const at = Date.parse(date);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Full jitter: a wait drawn evenly between nothing and the exponential bound for this many failures. */
export function backoffMs(failures: number, random: number): number {
  const bound = Math.min(SYNC_LIMITS.backoffCapMs, SYNC_LIMITS.backoffBaseMs * 2 ** Math.min(failures, 30));
  return Math.floor(Math.min(Math.max(random, 0), 1) * bound);
}

function halves(batch: readonly string[]): [string[], string[]] {
  const middle = Math.ceil(batch.length / 2);
  return [batch.slice(0, middle), batch.slice(middle)];
}

/**
 * What a reply to `batch` (the statements sent, in order) means, and the state for the next batch.
 * `batch` is the part `nextBatch` named (for a split part, the ones of it still pending).
 */
export function decide(state: SyncPolicyState, batch: readonly string[], reply: SyncReply, context: DecideContext): Decision {
  if (batch.length === 0) throw new Error('decide: a reply to an empty batch means nothing');
  const fromSplit = state.splits.length > 0;
  const rest = fromSplit ? state.splits.slice(1) : state.splits;
  const wait = (status: number | null, message: string, retryAfter: string | null): Decision => {
    const asked = retryAfterMs(retryAfter, context.now);
    const delayMs = Math.min(SYNC_LIMITS.retryAfterCapMs, Math.max(backoffMs(state.failures, context.random), asked ?? 0));
    return { state: { ...state, failures: state.failures + 1 }, action: { kind: 'wait', delayMs, status, message } };
  };
  if (reply.kind === 'no-answer') {
    return wait(
      null,
      reply.reason === 'timeout' ? `The LRS did not answer in time (${reply.message})` : `The LRS could not be reached (${reply.message})`,
      null,
    );
  }
  const { status, body } = reply;
  if (status >= 200 && status < 300) {
    return { state: { ...state, failures: 0, splits: rest }, action: { kind: 'sent', ids: [...batch] } };
  }
  if (status === 400 || status === 409) {
    const kind: DeadKind = status === 409 ? 'conflict' : 'invalid';
    if (batch.length <= 1) {
      return { state: { ...state, splits: rest }, action: { kind: 'dead', id: batch[0]!, problem: { kind, status, reply: body } } };
    }
    const parts = halves(batch);
    return { state: { ...state, splits: [...parts, ...rest] }, action: { kind: 'split', status, parts } };
  }
  if (status === 413) {
    if (batch.length <= 1) {
      return { state: { ...state, splits: rest }, action: { kind: 'dead', id: batch[0]!, problem: { kind: 'invalid', status, reply: body } } };
    }
    const batchSize = Math.max(1, Math.min(state.batchSize, Math.floor(batch.length / 2)));
    // A split part too large is cut into parts of the new size, in order, in its place.
    const splits = fromSplit ? [...chunks(batch, batchSize), ...rest] : state.splits;
    return { state: { ...state, batchSize, splits }, action: { kind: 'smaller', batchSize } };
  }
  if (status === 401 || status === 403) {
    return { state, action: { kind: 'pause', reason: 'credentials', status, message: replyText(body) } };
  }
  if ((status >= 300 && status < 400) || (status >= 400 && status < 500 && status !== 408 && status !== 429)) {
    return { state, action: { kind: 'pause', reason: 'endpoint', status, message: replyText(body) } };
  }
  return wait(status, replyText(body) || `The LRS answered ${status}`, reply.retryAfter);
}

function chunks(batch: readonly string[], size: number): string[][] {
  const parts: string[][] = [];
  for (let start = 0; start < batch.length; start += size) parts.push(batch.slice(start, start + size));
  return parts;
}
