// Runtime: renderer. Sends the outbox's statements to the academy's learning record store, in outbox
// order, in batches, following the pure policy of core/records/lrs-sync.ts for every reply. Every
// outcome is written to the outbox as soon as the LRS has answered (sent, or dead with its reply), so
// nothing lives only in memory: an app closed mid-sync starts again with what was not confirmed, and
// the LRS takes a statement it already holds again when its bytes are the same.
//
// Automatic: a pass on start(), whenever outcomes or pending statements are added (a Dexie live query,
// so the player, the import and the restore need no hook), and when the machine comes back online;
// after a failure, a pass when the back-off's wait is over. Timers, clock, randomness and the
// machine's online state are injected, so tests drive them.
import { liveQuery } from 'dexie';
import type { LrsPostRequest, LrsReply } from '../../../electron/contract/api';
import { decide, initialSyncState, nextBatch, skipSplit, SYNC_LIMITS, type SyncPolicyState } from '../core/records/lrs-sync';
import type { StatementsBlocker } from '../core/records/xapi';
import type { AttacheDatabase, OutboxRecord } from '../db/database';
import { markDead, markSent, nextPending, outboxCounts, requeue as requeueStatements } from '../db/repositories/outbox';
import type { Library } from '../library/library';
import { buildPendingStatements } from './statements';
import { IDLE_SYNC_STATUS } from './sync-status';

/** What the sync sends through: the platform's LRS methods (desktop: main process; web: unsupported). */
export interface LrsTransport {
  postStatements(request: LrsPostRequest): Promise<LrsReply>;
}

export type SyncState =
  | 'idle'
  /** A pass is sending. */
  | 'syncing'
  /** Backing off after a failure until nextAttemptAt. */
  | 'waiting'
  /** The LRS refused the key and secret (401/403) or the endpoint (404…): needs the connection changed, then syncNow. */
  | 'paused'
  | 'offline'
  | 'not-configured'
  | 'unsupported';

export interface SyncStatus {
  state: SyncState;
  pending: number;
  sent: number;
  dead: number;
  /** Outcomes whose statements wait for settings, by what is missing (from buildPendingStatements). */
  waiting: Partial<Record<StatementsBlocker, number>>;
  /** When a pass last reached the end of the outbox (everything sent or dead). */
  lastSyncAt: number | null;
  nextAttemptAt: number | null;
  /** The last reply that explains the state (e.g. the 401 that paused it), for the screen to show. */
  lastProblem: { status: number | null; message: string } | null;
  /** While syncing: statements sent or dead in this pass, of those pending in it. */
  progress: { done: number; total: number } | null;
}

export interface LrsSync {
  /** Syncs now and whenever the outbox grows or the machine comes online, until stop(). */
  start(): void;
  /** Stops the automatic sync; a pass under way stops after the reply it waits for. */
  stop(): void;
  /** A pass now (also leaves 'paused' and 'waiting'); resolves when it ends. */
  syncNow(): Promise<void>;
  /** Dead statements back to pending, then a pass. */
  requeue(ids: readonly string[]): Promise<void>;
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

export interface SyncTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface OnlineSignal {
  isOnline(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface LrsSyncDeps {
  db: AttacheDatabase;
  /** The installed packs, for the courses' `satisfied` statements; null while they load (statements already built still go). */
  library: () => Library | null;
  transport: LrsTransport;
  now: () => number;
  random: () => number;
  timers?: SyncTimers;
  online?: OnlineSignal;
  /** Statements per batch to start with (the policy's default otherwise). */
  batchSize?: number;
}

/** The first rows that fit in one request together (at least one): long drafts' texts make large statements. */
function withinRequestLength(rows: readonly OutboxRecord[]): OutboxRecord[] {
  const fitting: OutboxRecord[] = [];
  let length = 0;
  for (const row of rows) {
    if (fitting.length > 0 && length + row.json.length > SYNC_LIMITS.requestCharacters) break;
    fitting.push(row);
    length += row.json.length;
  }
  return fitting;
}

const defaultTimers: SyncTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Why a pass is asked for: automatic ones respect a pause, a back-off and being offline; the others do not. */
type Trigger = 'automatic' | 'manual' | 'timer' | 'online';

export function createLrsSync(deps: LrsSyncDeps): LrsSync {
  const { db, transport, now, random } = deps;
  const timers = deps.timers ?? defaultTimers;
  let policy: SyncPolicyState = initialSyncState(deps.batchSize);
  let current: SyncStatus = IDLE_SYNC_STATUS;
  const listeners = new Set<(status: SyncStatus) => void>();
  let started = false;
  /** Raised by stop(): a pass of an older epoch sends nothing more. */
  let epoch = 0;
  let running: Promise<void> | null = null;
  let again: Trigger | null = null;
  let backoffTimer: unknown = null;
  let unsubscribers: (() => void)[] = [];

  const update = (change: Partial<SyncStatus>) => {
    current = { ...current, ...change };
    const snapshot = current;
    for (const listener of [...listeners]) listener(snapshot);
  };

  const clearBackoff = () => {
    if (backoffTimer !== null) timers.clear(backoffTimer);
    backoffTimer = null;
  };

  const refreshCounts = async () => {
    const counts = await outboxCounts(db);
    update(counts);
    return counts;
  };

  /** The pending statements of a split batch's part, in outbox order. */
  const pendingOf = async (ids: readonly string[]): Promise<OutboxRecord[]> => {
    const rows = await db.outbox
      .where('id')
      .anyOf([...ids])
      .toArray();
    return rows.filter((row) => row.state === 'pending').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  };

  const send = async (rows: readonly OutboxRecord[]): Promise<LrsReply> => {
    try {
      return await transport.postStatements({ statements: rows.map((row) => row.json) });
    } catch (error) {
      return { kind: 'no-answer', reason: 'network', message: error instanceof Error ? error.message : String(error) };
    }
  };

  async function pass(passEpoch: number): Promise<void> {
    clearBackoff();
    if (deps.online && !deps.online.isOnline()) {
      update({ state: 'offline', nextAttemptAt: null, progress: null });
      await refreshCounts();
      return;
    }
    update({ state: 'syncing', nextAttemptAt: null, progress: null });
    const library = deps.library();
    if (library) {
      const report = await buildPendingStatements(db, library, { now });
      update({ waiting: report.waiting });
    }
    let done = 0;
    const counts = await outboxCounts(db);
    update({ ...counts, progress: { done, total: counts.pending } });
    for (;;) {
      if (passEpoch !== epoch) {
        // Stopped while a reply was awaited: what it said is written; the rest waits for the next start.
        if (!started) update({ state: 'idle', progress: null });
        return;
      }
      const next = nextBatch(policy);
      const loaded = next.kind === 'split' ? await pendingOf(next.ids) : await nextPending(db, next.limit);
      // A statement larger than any request may carry can never go: dead, saying so, rather than retried for ever.
      const oversized = loaded.find((row) => row.json.length > SYNC_LIMITS.statementCharacters);
      if (oversized) {
        done += await markDead(db, oversized.id, {
          kind: 'invalid',
          status: 413,
          reply: `Attaché does not send a statement this large: it holds ${oversized.json.length.toLocaleString('en-US')} characters, and one request may carry at most ${SYNC_LIMITS.statementCharacters.toLocaleString('en-US')}.`,
          at: now(),
        });
        continue;
      }
      const rows = withinRequestLength(loaded);
      if (rows.length === 0) {
        if (next.kind === 'split') {
          policy = skipSplit(policy);
          continue;
        }
        update({ state: 'idle', lastSyncAt: now(), progress: null });
        return;
      }
      const reply = await send(rows);
      if (reply.kind === 'not-configured' || reply.kind === 'unsupported') {
        update({ state: reply.kind, progress: null, lastProblem: null });
        return;
      }
      const ids = rows.map((row) => row.id);
      const decision = decide(policy, ids, reply, { now: now(), random: random() });
      policy = decision.state;
      const { action } = decision;
      let solved = false;
      switch (action.kind) {
        case 'sent':
          done += await markSent(db, action.ids, now());
          solved = true;
          break;
        case 'dead':
          done += await markDead(db, action.id, { ...action.problem, at: now() });
          break;
        case 'split':
        case 'smaller':
          break;
        case 'pause':
          update({ ...(await outboxCounts(db)), state: 'paused', progress: null, lastProblem: { status: action.status, message: action.message } });
          return;
        case 'wait': {
          const pendingCounts = await outboxCounts(db);
          if (passEpoch === epoch && started) backoffTimer = timers.set(() => void request('timer'), action.delayMs);
          update({
            ...pendingCounts,
            state: 'waiting',
            nextAttemptAt: now() + action.delayMs,
            progress: null,
            lastProblem: { status: action.status, message: action.message },
          });
          return;
        }
      }
      const after = await outboxCounts(db);
      update({ ...after, progress: { done, total: done + after.pending }, ...(solved ? { lastProblem: null } : {}) });
    }
  }

  function request(trigger: Trigger): Promise<void> {
    if (trigger === 'timer') backoffTimer = null;
    if (trigger !== 'manual' && !started) return Promise.resolve();
    if (trigger === 'automatic' && (current.state === 'paused' || current.state === 'waiting' || current.state === 'offline')) return Promise.resolve();
    if (running) {
      if (again !== 'manual') again = trigger === 'automatic' ? (again ?? 'automatic') : 'manual';
      return running;
    }
    running = (async () => {
      let next: Trigger | null = trigger;
      while (next) {
        again = null;
        try {
          await pass(epoch);
        } catch (error) {
          // A storage failure (the disk is full…): the outbox is as it was; say why and let the next trigger try.
          update({
            state: 'idle',
            progress: null,
            lastProblem: { status: null, message: error instanceof Error ? error.message : String(error) },
          });
        }
        next = again;
        const stillBlocked = current.state === 'paused' || current.state === 'waiting' || current.state === 'offline';
        if (next === 'automatic' && (stillBlocked || !started)) next = null;
      }
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function watch(): () => void {
    let seen: { outcomes: number; pending: number } | null = null;
    const subscription = liveQuery(async () => ({ outcomes: await db.outcomes.count(), counts: await outboxCounts(db) })).subscribe({
      next: ({ outcomes, counts }) => {
        if (current.state !== 'syncing') update(counts);
        // The first answer counts too: something may have arrived between start()'s pass and the query.
        const grew = seen === null || outcomes > seen.outcomes || counts.pending > seen.pending;
        seen = { outcomes, pending: counts.pending };
        if (grew) void request('automatic');
      },
      error: () => {
        // The live query only hurries the sync along; passes still come from the other triggers.
      },
    });
    return () => subscription.unsubscribe();
  }

  function onlineChanged(): void {
    if (!deps.online) return;
    if (deps.online.isOnline()) {
      if (current.state === 'offline' || current.state === 'waiting') void request('online');
    } else if (current.state === 'waiting' || current.state === 'idle') {
      clearBackoff();
      update({ state: 'offline', nextAttemptAt: null });
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      unsubscribers = [watch()];
      if (deps.online) unsubscribers.push(deps.online.subscribe(onlineChanged));
      void request('manual');
    },
    stop() {
      if (!started) return;
      started = false;
      epoch += 1;
      clearBackoff();
      for (const unsubscribe of unsubscribers) unsubscribe();
      unsubscribers = [];
      if (current.state === 'waiting') update({ state: 'idle', nextAttemptAt: null });
    },
    syncNow() {
      return request('manual');
    },
    async requeue(ids) {
      await requeueStatements(db, ids);
      await request('manual');
    },
    status() {
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
