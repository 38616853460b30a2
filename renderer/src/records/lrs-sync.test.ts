// Runtime: Node (Vitest, fake-indexeddb). The sync service over the outbox with a model LRS in memory
// and hand-driven timers: what each reply writes, the states the screen shows, the automatic passes
// (start, the outbox growing, coming online, a back-off's end) and nothing held only in memory.
import { beforeEach, describe, expect, it } from 'vitest';
import type { LrsPostRequest, LrsReply } from '../../../electron/contract/api';
import { MAX_LRS_BATCH_LENGTH, MAX_LRS_STATEMENT_LENGTH } from '../../../electron/contract/validation';
import { SYNC_LIMITS } from '../core/records/lrs-sync';
import { AttacheDatabase } from '../db/database';
import { saveAcademy } from '../db/repositories/academy';
import { storeFrozenOutcome } from '../db/repositories/attempts';
import { addStatements, allStatements, listDead, outboxCounts } from '../db/repositories/outbox';
import { createProfile } from '../db/repositories/profiles';
import { createLibrary } from '../library/library';
import { createTestDatabase } from '../test/database';
import { minimalPack, playedOutcome } from '../test/progress-files';
import { createLrsSync, type LrsSync, type LrsSyncDeps, type SyncStatus, type SyncTimers } from './lrs-sync';

const T0 = Date.UTC(2026, 11, 6, 9);
let db: AttacheDatabase;
let clock: number;

beforeEach(() => {
  db = createTestDatabase();
  clock = T0;
});

const statementId = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

/** `count` statements in the outbox, numbered from `from`; a statement whose index is in `bad` is one the LRS refuses. */
async function outboxOf(count: number, { from = 0, bad = [] as number[] } = {}) {
  const statements = Array.from({ length: count }, (_, offset) => {
    const index = from + offset;
    return {
      id: statementId(index),
      verb: 'completed' as const,
      json: JSON.stringify({ id: statementId(index), n: index, ...(bad.includes(index) ? { bad: true } : {}) }),
    };
  });
  await db.transaction('rw', db.outbox, () => addStatements(db, { traineeUid: 'trainee-1', outcomeUid: `outcome-${from}`, statements, builtAt: T0 }));
}

/**
 * An LRS in memory that answers like a real one (200 with the ids; 409 for an id it holds with other
 * content; 400 for a batch with a statement marked bad; the whole batch refused either way), unless the
 * next scripted reply says otherwise.
 */
function modelLrs() {
  const stored = new Map<string, string>();
  const batches: string[][] = [];
  const script: (LrsReply | 'hang' | Error)[] = [];
  const transport = {
    async postStatements(request: LrsPostRequest): Promise<LrsReply> {
      const ids = request.statements.map((json) => (JSON.parse(json) as { id: string }).id);
      batches.push(ids);
      const scripted = script.shift();
      if (scripted === 'hang') return new Promise<never>(() => {});
      if (scripted instanceof Error) throw scripted;
      if (scripted) return scripted;
      if (request.statements.some((json) => (JSON.parse(json) as { bad?: boolean }).bad)) return answered(400, 'Expected IRI in verb.id');
      const conflict = request.statements.find((json) => {
        const held = stored.get((JSON.parse(json) as { id: string }).id);
        return held !== undefined && held !== json;
      });
      if (conflict) return answered(409, `${(JSON.parse(conflict) as { id: string }).id} is conflicting`);
      for (const json of request.statements) stored.set((JSON.parse(json) as { id: string }).id, json);
      return answered(200, JSON.stringify(ids));
    },
  };
  return { stored, batches, script, transport };
}

function answered(status: number, body = '', retryAfter: string | null = null): LrsReply {
  return { kind: 'answered', status, body, retryAfter };
}

/** Timers the test fires by hand: nothing waits on the clock. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const timers: SyncTimers & { pending: typeof pending; fire(): void } = {
    pending,
    set(fn, ms) {
      next += 1;
      pending.set(next, { fn, ms });
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const { fn } of due) fn();
    },
  };
  return timers;
}

function onlineSignal(initially = true) {
  let online = initially;
  const listeners = new Set<() => void>();
  return {
    isOnline: () => online,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(value: boolean) {
      online = value;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** Resolves with the first status that satisfies `predicate` (the current one included). */
function statusWhere(sync: LrsSync, predicate: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    if (predicate(sync.status())) return resolve(sync.status());
    const unsubscribe = sync.subscribe((status) => {
      if (predicate(status)) {
        unsubscribe();
        resolve(status);
      }
    });
  });
}

function syncWith(lrs: ReturnType<typeof modelLrs>, overrides: Partial<LrsSyncDeps> = {}) {
  const timers = manualTimers();
  const sync = createLrsSync({ db, library: () => null, transport: lrs.transport, now: () => clock, random: () => 0.5, timers, ...overrides });
  return { sync, timers };
}

describe('createLrsSync', () => {
  it('sends the outbox in order in batches of 50, marks each statement sent as soon as the LRS says so, and tells its progress', async () => {
    await outboxOf(120);
    const lrs = modelLrs();
    const { sync } = syncWith(lrs);
    const seen: SyncStatus[] = [];
    sync.subscribe((status) => seen.push(status));
    await sync.syncNow();
    expect(lrs.batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(lrs.batches.flat()).toEqual(Array.from({ length: 120 }, (_, index) => statementId(index)));
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: 120, dead: 0 });
    expect((await allStatements(db)).every((row) => row.sentAt === T0 && row.problem === null)).toBe(true);
    expect(sync.status()).toMatchObject({ state: 'idle', pending: 0, sent: 120, dead: 0, lastSyncAt: T0, progress: null, lastProblem: null });
    const progress = seen
      .map((status) => status.progress)
      .filter((value, index, all) => value !== null && JSON.stringify(value) !== JSON.stringify(all[index - 1]));
    expect(progress).toEqual([
      { done: 0, total: 120 },
      { done: 50, total: 120 },
      { done: 100, total: 120 },
      { done: 120, total: 120 },
    ]);
    expect(seen.some((status) => status.state === 'syncing')).toBe(true);
  });

  it('409: the conflicting statement is found by splitting and dead-lettered with the LRS’s reply; the rest are sent', async () => {
    await outboxOf(10);
    const lrs = modelLrs();
    lrs.stored.set(statementId(6), '{"id":"changed elsewhere"}');
    const { sync } = syncWith(lrs);
    await sync.syncNow();
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: 9, dead: 1 });
    const [dead] = await listDead(db);
    expect(dead).toMatchObject({
      id: statementId(6),
      state: 'dead',
      problem: { kind: 'conflict', status: 409, reply: `${statementId(6)} is conflicting`, at: T0 },
    });
    expect(sync.status()).toMatchObject({ state: 'idle', dead: 1, sent: 9 });
  });

  it('400: the batch is split down to the statement the LRS refuses, which is dead-lettered as invalid; each good one is accepted once', async () => {
    await outboxOf(64, { bad: [5, 40] });
    const lrs = modelLrs();
    const { sync } = syncWith(lrs);
    await sync.syncNow();
    expect((await listDead(db)).map((row) => [row.id, row.problem?.kind, row.problem?.status])).toEqual(
      expect.arrayContaining([
        [statementId(5), 'invalid', 400],
        [statementId(40), 'invalid', 400],
      ]),
    );
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: 62, dead: 2 });
    expect(lrs.stored.size).toBe(62);
  });

  it('401 pauses and keeps every statement pending; the outbox growing does not resume it, syncNow does', async () => {
    await outboxOf(3);
    const lrs = modelLrs();
    lrs.script.push(answered(401, 'Unauthorised'));
    const { sync } = syncWith(lrs);
    sync.start();
    const paused = await statusWhere(sync, (status) => status.state === 'paused');
    expect(paused).toMatchObject({ pending: 3, lastProblem: { status: 401, message: 'Unauthorised' } });
    await outboxOf(2, { from: 100 });
    await statusWhere(sync, (status) => status.pending === 5);
    expect(lrs.batches).toHaveLength(1);
    await sync.syncNow();
    expect(sync.status()).toMatchObject({ state: 'idle', pending: 0, sent: 5, lastProblem: null });
    sync.stop();
  });

  it('429 with Retry-After: waits (nothing written), retries when the timer fires, and a later 503 waits again', async () => {
    await outboxOf(60);
    const lrs = modelLrs();
    lrs.script.push(answered(429, 'slow down', '120'));
    const { sync, timers } = syncWith(lrs);
    sync.start();
    const waiting = await statusWhere(sync, (status) => status.state === 'waiting');
    expect(waiting).toMatchObject({ pending: 60, nextAttemptAt: T0 + 120_000, lastProblem: { status: 429, message: 'slow down' } });
    expect([...timers.pending.values()].map((timer) => timer.ms)).toEqual([120_000]);

    // The first batch goes, then the LRS fails again: after a success the back-off starts from its shortest bound.
    lrs.script.push(answered(200, '[]'), answered(503, 'maintenance'));
    clock += 120_000;
    timers.fire();
    const again = await statusWhere(sync, (status) => status.state === 'waiting' && status.lastProblem?.status === 503);
    expect(again.pending).toBe(10);
    expect(again.nextAttemptAt).toBe(clock + 0.5 * 2_000);
    timers.fire();
    await statusWhere(sync, (status) => status.state === 'idle' && status.pending === 0);
    expect(lrs.batches.map((batch) => batch.length)).toEqual([50, 50, 10, 10]);
    sync.stop();
  });

  it('413 halves the batch and keeps the size that worked for later passes', async () => {
    await outboxOf(60);
    const lrs = modelLrs();
    lrs.script.push(answered(413, 'Payload Too Large'));
    const { sync } = syncWith(lrs);
    await sync.syncNow();
    await outboxOf(30, { from: 100 });
    await sync.syncNow();
    expect(lrs.batches.map((batch) => batch.length)).toEqual([50, 25, 25, 10, 25, 5]);
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: 90, dead: 0 });
  });

  it('keeps each request within what one may carry: long statements make shorter batches, and one too long to send is dead, saying why', async () => {
    const long = (index: number, characters: number) => {
      const id = statementId(index);
      return { id, verb: 'responded' as const, json: JSON.stringify({ id, result: { response: 'x'.repeat(characters) } }) };
    };
    const statements = [long(0, 1_000_000), long(1, 1_000_000), long(2, 1_000_000), long(3, 1_000_000), long(4, 1_000_000), long(5, 1_100_000), long(6, 10)];
    await db.transaction('rw', db.outbox, () => addStatements(db, { traineeUid: 'trainee-1', outcomeUid: 'outcome-long', statements, builtAt: T0 }));
    const lrs = modelLrs();
    const sizes: number[] = [];
    const measuring = {
      postStatements(request: LrsPostRequest) {
        sizes.push(request.statements.reduce((sum, json) => sum + json.length, 0));
        return lrs.transport.postStatements(request);
      },
    };
    const { sync } = syncWith(lrs, { transport: measuring });
    await sync.syncNow();
    expect(lrs.batches.map((batch) => batch.length)).toEqual([4, 2]);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4 * 1024 * 1024);
    const [dead] = await listDead(db);
    expect(dead).toMatchObject({ id: statementId(5), problem: { kind: 'invalid', status: 413 } });
    expect(dead!.problem!.reply).toMatch(/^Attaché does not send a statement this large: it holds 1,100,0\d\d characters/);
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: 6, dead: 1 });
    // The limits are the desktop contract's, which refuses a request past them.
    expect(SYNC_LIMITS.statementCharacters).toBe(MAX_LRS_STATEMENT_LENGTH);
    expect(SYNC_LIMITS.requestCharacters).toBe(MAX_LRS_BATCH_LENGTH);
  });

  it('a transport that throws counts as no answer: waiting, nothing lost', async () => {
    await outboxOf(2);
    const lrs = modelLrs();
    lrs.script.push(new Error('socket hang up'));
    const { sync } = syncWith(lrs);
    await sync.syncNow();
    expect(sync.status()).toMatchObject({
      state: 'waiting',
      pending: 2,
      lastProblem: { status: null, message: 'The LRS could not be reached (socket hang up)' },
    });
    await sync.syncNow();
    expect(sync.status()).toMatchObject({ state: 'idle', sent: 2 });
  });

  it('offline: sends nothing and waits for the machine to come online; going offline while backing off stops the timer', async () => {
    await outboxOf(4);
    const lrs = modelLrs();
    const online = onlineSignal(false);
    const { sync, timers } = syncWith(lrs, { online });
    sync.start();
    await statusWhere(sync, (status) => status.state === 'offline');
    expect(lrs.batches).toHaveLength(0);
    lrs.script.push({ kind: 'no-answer', reason: 'network', message: 'ENETUNREACH' });
    online.set(true);
    await statusWhere(sync, (status) => status.state === 'waiting');
    online.set(false);
    expect(sync.status().state).toBe('offline');
    expect(timers.pending.size).toBe(0);
    online.set(true);
    await statusWhere(sync, (status) => status.state === 'idle' && status.sent === 4);
    sync.stop();
  });

  it('not configured, or unsupported (the web build): says so, sends nothing, and still builds the statements', async () => {
    const profile = await createProfile(db, { name: 'Anna Petrova', academyId: 'ACD-7' });
    const { frozen, played } = playedOutcome({ uid: 'attempt-1', traineeUid: profile.uid });
    await db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios], () => storeFrozenOutcome(db, frozen, played));
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    const library = createLibrary([minimalPack]);
    for (const kind of ['not-configured', 'unsupported'] as const) {
      const transport = { postStatements: async (): Promise<LrsReply> => ({ kind }) };
      const sync = createLrsSync({ db, library: () => library, transport, now: () => clock, random: () => 0.5, timers: manualTimers() });
      await sync.syncNow();
      expect(sync.status()).toMatchObject({ state: kind, sent: 0, dead: 0, waiting: {} });
      expect(sync.status().pending).toBeGreaterThan(5);
    }
  });

  it('tells which outcomes wait for settings', async () => {
    const profile = await createProfile(db, { name: 'Anna Petrova', academyId: '' });
    const { frozen, played } = playedOutcome({ uid: 'attempt-1', traineeUid: profile.uid });
    await db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios], () => storeFrozenOutcome(db, frozen, played));
    const sync = createLrsSync({ db, library: () => createLibrary([minimalPack]), transport: modelLrs().transport, now: () => clock, random: () => 0.5 });
    await sync.syncNow();
    expect(sync.status()).toMatchObject({ state: 'idle', pending: 0, waiting: { 'no-academy-iri': 1 } });
  });

  it('starts a pass by itself when an outcome is frozen or statements are added', async () => {
    const profile = await createProfile(db, { name: 'Anna Petrova', academyId: 'ACD-7' });
    await saveAcademy(db, { name: 'Academy', iri: 'https://academy.example', identityField: 'academyId' });
    const lrs = modelLrs();
    const { sync } = syncWith(lrs, { library: () => createLibrary([minimalPack]) });
    sync.start();
    await statusWhere(sync, (status) => status.state === 'idle' && status.lastSyncAt !== null);
    expect(lrs.batches).toHaveLength(0);
    // An attempt is frozen (the player does this): the sync builds its statements and sends them.
    const { frozen, played } = playedOutcome({ uid: 'attempt-1', traineeUid: profile.uid });
    await db.transaction('rw', [db.outcomes, db.outcomeDetails, db.playedScenarios], () => storeFrozenOutcome(db, frozen, played));
    const first = await statusWhere(sync, (status) => status.state === 'idle' && status.sent > 0 && status.pending === 0);
    expect(lrs.stored.size).toBe(first.sent);
    // Statements added by someone else (an import that built them): sent too.
    await outboxOf(3, { from: 500 });
    await statusWhere(sync, (status) => status.state === 'idle' && status.sent === first.sent + 3);
    sync.stop();
    // Stopped, it still syncs when asked.
    await outboxOf(2, { from: 600 });
    await sync.syncNow();
    expect(lrs.stored.size).toBe(first.sent + 5);
  });

  it('requeue: a dead statement goes back to pending and is sent', async () => {
    await outboxOf(3);
    const lrs = modelLrs();
    lrs.stored.set(statementId(1), '{"id":"other"}');
    const { sync } = syncWith(lrs);
    await sync.syncNow();
    expect(sync.status()).toMatchObject({ dead: 1, sent: 2 });
    // The LRS's administrator voided and removed the other one.
    lrs.stored.delete(statementId(1));
    await sync.requeue([statementId(1)]);
    expect(sync.status()).toMatchObject({ state: 'idle', dead: 0, sent: 3 });
    expect((await allStatements(db)).every((row) => row.problem === null)).toBe(true);
  });

  it('an app closed mid-sync loses nothing: what was not confirmed is sent again, and the LRS takes the same bytes again', async () => {
    await outboxOf(130);
    const lrs = modelLrs();
    // The second batch reaches the LRS, but the app is closed before its answer comes back.
    let calls = 0;
    let closeTheApp: () => void = () => {};
    const closing = new Promise<void>((resolve) => (closeTheApp = resolve));
    const dying = {
      async postStatements(request: LrsPostRequest): Promise<LrsReply> {
        calls += 1;
        const reply = await lrs.transport.postStatements(request);
        if (calls < 2) return reply;
        closeTheApp();
        return new Promise<never>(() => {});
      },
    };
    const first = createLrsSync({ db, library: () => null, transport: dying, now: () => clock, random: () => 0.5, timers: manualTimers() });
    void first.syncNow();
    await closing;
    first.stop();
    expect(await outboxCounts(db)).toEqual({ pending: 80, sent: 50, dead: 0 });
    expect(lrs.stored.size).toBe(100);

    const reopened = new AttacheDatabase(db.name);
    const second = createLrsSync({ db: reopened, library: () => null, transport: lrs.transport, now: () => clock, random: () => 0.5, timers: manualTimers() });
    await second.syncNow();
    expect(await outboxCounts(reopened)).toEqual({ pending: 0, sent: 130, dead: 0 });
    expect(lrs.batches.slice(2).flat()).toEqual(Array.from({ length: 80 }, (_, index) => statementId(50 + index)));
    expect(lrs.stored.size).toBe(130);
  });

  it('stop() mid-pass: the reply awaited is still written, nothing more is sent, and the state says idle', async () => {
    await outboxOf(120);
    const lrs = modelLrs();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let secondSent: () => void = () => {};
    const second = new Promise<void>((resolve) => (secondSent = resolve));
    let calls = 0;
    const slow = {
      async postStatements(request: LrsPostRequest): Promise<LrsReply> {
        calls += 1;
        if (calls === 2) {
          secondSent();
          await held;
        }
        return lrs.transport.postStatements(request);
      },
    };
    const { sync } = syncWith(lrs, { transport: slow });
    sync.start();
    await second;
    sync.stop();
    release();
    await statusWhere(sync, (status) => status.state === 'idle' && status.sent === 100);
    expect(lrs.batches).toHaveLength(2);
    expect(sync.status()).toMatchObject({ pending: 20, progress: null });
    // Started again (a connection saved anew), it goes on from there.
    sync.start();
    await statusWhere(sync, (status) => status.state === 'idle' && status.sent === 120);
    sync.stop();
  });

  it('stop() ends the automatic passes and the back-off timer', async () => {
    await outboxOf(1);
    const lrs = modelLrs();
    lrs.script.push(answered(500, 'oops'));
    const { sync, timers } = syncWith(lrs);
    sync.start();
    await statusWhere(sync, (status) => status.state === 'waiting');
    sync.stop();
    expect(timers.pending.size).toBe(0);
    expect(sync.status().state).toBe('idle');
  });
});
