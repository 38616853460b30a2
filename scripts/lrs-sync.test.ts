// Runtime: Node (Vitest, fake-indexeddb). The app's sync service against a real LRS (Learning Locker's
// xapi-statements on loopback: the one ATTACHE_TEST_LRS names, which .ci/run starts, or one started
// here), directly and through a fault proxy: a cohort of 30 trainees sent and sent again, a stored
// statement changed (409), an invalid one (400), drops, 500, 429, 413 and stalls, the network cable
// pulled half-way, and the app closed mid-sync — and each time the LRS holds every statement once.
// No timing luck: back-off timers are never waited for (syncNow or a hand-fired timer goes on at
// once), and a stalled request ends only by the client's timeout, the one clock in play.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LrsPostRequest, LrsReply } from '../electron/contract/api';
import { AttacheDatabase, type OutboxRecord } from '../renderer/src/db/database';
import { allStatements, listDead, outboxCounts } from '../renderer/src/db/repositories/outbox';
import { createLibrary } from '../renderer/src/library/library';
import { createLrsSync, type LrsSync, type LrsSyncDeps, type SyncStatus, type SyncTimers } from '../renderer/src/records/lrs-sync';
import { buildPendingStatements } from '../renderer/src/records/statements';
import { academyDatabase, cohortOf, coreLibraryPack } from './lib/academy-fixture';
import { faultsByNumber, passEverything, startFaultProxy, type Fault, type FaultPlan } from './lib/fault-proxy';
import { lrsForTests } from './lib/lrs-server';
import { basicAuth, fetchTransport, statementById, statementsSince, type StoredStatement } from './lib/xapi-http';

const KEY = 'attache-tests';
const SECRET = 'any secret will do';
const auth = basicAuth(KEY, SECRET);
const library = createLibrary([coreLibraryPack()]);
const ACADEMY = 'https://academy.example/diplomatic';

let lrs: { endpoint: string; stop(): Promise<void> };

beforeAll(async () => {
  lrs = await lrsForTests();
}, 180_000);

afterAll(async () => {
  await lrs?.stop();
});

/** Mulberry32: the jitter's random numbers, the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Timers fired by hand: a back-off is never waited out. */
function manualTimers(): SyncTimers & { fire(): number } {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    set(fn) {
      next += 1;
      pending.set(next, fn);
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    fire() {
      const due = [...pending.values()];
      pending.clear();
      for (const fn of due) fn();
      return due.length;
    },
  };
}

function onlineSignal() {
  let online = true;
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

/** The sync of `db` to `endpoint` with the app's policy, through Node's fetch with a timeout on every request. */
function syncOf(db: AttacheDatabase, endpoint: string, overrides: Partial<LrsSyncDeps> = {}, timeoutMs = 30_000) {
  const timers = manualTimers();
  const sync = createLrsSync({
    db,
    library: () => library,
    transport: fetchTransport({ endpoint, key: KEY, secret: SECRET, timeoutMs }),
    now: Date.now,
    random: seededRandom(7),
    timers,
    ...overrides,
  });
  return { sync, timers };
}

/** Passes until the outbox has nothing pending, going on at once after each back-off; returns how many passes waited. */
async function syncToTheEnd(sync: LrsSync, maxPasses = 300): Promise<number> {
  let waits = 0;
  await sync.syncNow();
  while (sync.status().state === 'waiting') {
    waits += 1;
    if (waits > maxPasses) throw new Error(`still waiting after ${maxPasses} passes: ${JSON.stringify(sync.status().lastProblem)}`);
    await sync.syncNow();
  }
  return waits;
}

const since = () => new Date(Date.now() - 2_000).toISOString();

/** The LRS holds each of these statements exactly once (counted in what it stored since `from`), with the outbox's content. */
async function expectEachOnceOnTheLrs(rows: readonly OutboxRecord[], from: string, endpoint = lrs.endpoint) {
  const ours = new Set(rows.map((row) => row.id));
  const stored = (await statementsSince(endpoint, from, auth)).filter((statement) => ours.has(statement.id));
  const times = new Map<string, number>();
  for (const statement of stored) times.set(statement.id, (times.get(statement.id) ?? 0) + 1);
  expect(stored.length).toBe(rows.length);
  expect(times.size).toBe(rows.length);
  expect([...times.values()].every((count) => count === 1)).toBe(true);
  // What the LRS keeps is what the outbox sent: every field of the stored bytes, as sent.
  const byId = new Map(stored.map((statement) => [statement.id, statement]));
  for (const row of rows.filter((_, index) => index % 97 === 0)) expectSameStatement(byId.get(row.id)!, row.json);
}

function expectSameStatement(stored: StoredStatement, json: string) {
  const sent = JSON.parse(json) as Record<string, unknown>;
  for (const [field, value] of Object.entries(sent)) {
    if (field === 'timestamp') expect(Date.parse(stored.timestamp as string)).toBe(Date.parse(value as string));
    else expect(stored[field], field).toEqual(value);
  }
}

/** A batch's statements as the proxy saw them go by. */
const batchSize = (body: string) => (JSON.parse(body) as unknown[]).length;

describe('sync to a real LRS', { timeout: 300_000 }, () => {
  it('sends a cohort of 30 trainees once; sent again from here or another machine, no duplicates and no 409; a stored statement changed is dead-lettered with the 409', async () => {
    const cohort = cohortOf(30, 101);
    const from = since();
    const db = await academyDatabase(cohort, { iri: ACADEMY });
    const { sync } = syncOf(db, lrs.endpoint);
    await syncToTheEnd(sync);
    const rows = await allStatements(db);
    expect(rows.length).toBeGreaterThan(1_500);
    // Every trainee with an academy ID is told of; the attempts of those without wait for one.
    const played = cohort.filter((member) => member.content.outcomes.length > 0);
    const identified = played.filter((member) => member.trainee.academyId?.trim());
    const unidentified = played.filter((member) => !member.trainee.academyId?.trim());
    expect(identified.length).toBeGreaterThan(20);
    expect(new Set(rows.map((row) => row.traineeUid))).toEqual(new Set(identified.map((member) => member.trainee.uid)));
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: rows.length, dead: 0 });
    expect(sync.status()).toMatchObject({
      state: 'idle',
      pending: 0,
      sent: rows.length,
      dead: 0,
      lastProblem: null,
      waiting: unidentified.length ? { 'no-academy-id': unidentified.reduce((sum, member) => sum + member.content.outcomes.length, 0) } : {},
    });
    await expectEachOnceOnTheLrs(rows, from);

    // Sent again from the same outbox (every row put back to pending): the LRS takes the same bytes again.
    await db.outbox.toCollection().modify({ state: 'pending', sentAt: null });
    await syncToTheEnd(sync);
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: rows.length, dead: 0 });

    // Another academy machine with the same records and settings builds the same bytes and sends them: all accepted.
    const other = await academyDatabase(cohort, { iri: ACADEMY });
    const otherSync = syncOf(other, lrs.endpoint).sync;
    await syncToTheEnd(otherSync);
    expect((await allStatements(other)).map((row) => [row.id, row.json]).sort()).toEqual(rows.map((row) => [row.id, row.json]).sort());
    expect(await outboxCounts(other)).toEqual({ pending: 0, sent: rows.length, dead: 0 });
    await expectEachOnceOnTheLrs(rows, from);

    // A statement's stored bytes changed (what a rebuild at send time would do): 409, dead with the LRS's reply.
    const victim = rows[rows.length >> 1]!;
    const original = JSON.parse(victim.json) as { context: Record<string, unknown> };
    const changed = JSON.stringify({ ...original, context: { ...original.context, platform: 'Attaché (rebuilt)' } });
    await db.outbox.update(victim.seq!, { json: changed, state: 'pending', sentAt: null });
    await syncToTheEnd(sync);
    const dead = await listDead(db);
    expect(dead.map((row) => row.id)).toEqual([victim.id]);
    expect(dead[0]!.problem).toMatchObject({ kind: 'conflict', status: 409 });
    expect(dead[0]!.problem!.reply).toContain(`${victim.id} is conflicting`);
    expect(sync.status()).toMatchObject({ state: 'idle', dead: 1, pending: 0 });
    expectSameStatement((await statementById(lrs.endpoint, victim.id, auth))!, victim.json);
  });

  it('finds the statement the LRS refuses as invalid (400) among a batch, dead-letters it with the reasons, and sends the rest', async () => {
    const cohort = cohortOf(3, 106);
    const db = await academyDatabase(cohort, { iri: ACADEMY });
    const { sync } = syncOf(db, lrs.endpoint, { library: () => null });
    // Built statements, then one made invalid in the outbox (a verb id that is no IRI).
    await buildPendingStatements(db, library, { now: Date.now });
    const rows = await allStatements(db);
    const bad = rows[7]!;
    await db.outbox.update(bad.seq!, { json: bad.json.replace('"http://adlnet.gov/expapi/verbs/', '"not an iri/') });
    const from = since();
    await syncToTheEnd(sync);
    const dead = await listDead(db);
    expect(dead.map((row) => row.id)).toEqual([bad.id]);
    expect(dead[0]!.problem).toMatchObject({ kind: 'invalid', status: 400 });
    expect(dead[0]!.problem!.reply.length).toBeGreaterThan(10);
    await expectEachOnceOnTheLrs(
      rows.filter((row) => row.id !== bad.id),
      from,
    );
    expect(await statementById(lrs.endpoint, bad.id, auth)).toBeNull();
  });

  it('through dropped connections, 500, 429 with Retry-After, 413 and stalls, every statement arrives exactly once', async () => {
    const faults: Record<number, Fault> = {
      1: { kind: 'drop' },
      3: { kind: 'status', status: 500 },
      4: { kind: 'status', status: 429, retryAfter: '1' },
      5: { kind: 'status', status: 413, body: 'request entity too large' },
      6: { kind: 'stall' },
      7: { kind: 'drop-after' },
      9: { kind: 'status', status: 503, retryAfter: new Date(Date.now() + 3_000).toUTCString() },
      10: { kind: 'stall' },
      12: { kind: 'drop-after' },
      13: { kind: 'drop' },
      15: { kind: 'status', status: 502 },
    };
    const proxy = await startFaultProxy(lrs.endpoint, faultsByNumber(faults, { postsOnly: true }));
    try {
      const db = await academyDatabase(cohortOf(10, 102), { iri: ACADEMY });
      const from = since();
      // A short timeout, for the stalls: a stalled request waits for it alone, however long it is.
      const { sync } = syncOf(db, proxy.endpoint, {}, 1_500);
      const waits = await syncToTheEnd(sync);
      const rows = await allStatements(db);
      expect(await outboxCounts(db)).toEqual({ pending: 0, sent: rows.length, dead: 0 });
      await expectEachOnceOnTheLrs(rows, from);

      const posts = proxy.requests.filter((request) => request.method === 'POST');
      // Every fault was met, and each one that gave no answer or a retryable one made the sync wait.
      expect(posts.length).toBeGreaterThan(15);
      expect(posts.slice(0, 15).map((request) => request.fault.kind)).toEqual(Array.from({ length: 15 }, (_, index) => faults[index + 1]?.kind ?? 'pass'));
      // (More only if the busy machine made a request outlast the timeout: it is simply sent again.)
      expect(waits).toBeGreaterThanOrEqual(10);
      // After the 413 the batches are half as large, and stay so.
      expect(batchSize(posts[4]!.body)).toBe(50);
      expect(Math.max(...posts.slice(5).map((request) => batchSize(request.body)))).toBe(25);
    } finally {
      await proxy.stop();
    }
  });

  it('the network cable pulled half-way through 30 trainees’ records and plugged back: the LRS holds each statement once', async () => {
    let posts = 0;
    const cablePulled: FaultPlan = (request) => {
      if (request.method !== 'POST') return { kind: 'pass' };
      posts += 1;
      // The cable goes while the 21st batch is on its way: the LRS gets it, the answer never comes back.
      if (posts === 21) return { kind: 'drop-after' };
      return posts > 21 ? { kind: 'drop' } : { kind: 'pass' };
    };
    const proxy = await startFaultProxy(lrs.endpoint, cablePulled);
    const db = await academyDatabase(cohortOf(30, 103), { iri: ACADEMY });
    const online = onlineSignal();
    const { sync, timers } = syncOf(db, proxy.endpoint, { online });
    try {
      const from = since();
      sync.start();
      const stuck = await statusWhere(sync, (status) => status.state === 'waiting');
      expect(stuck.lastProblem?.status).toBeNull();
      expect(stuck.sent).toBeGreaterThan(0);
      expect(stuck.pending).toBeGreaterThan(0);
      // The back-off's retry fails too while the cable is out.
      expect(timers.fire()).toBe(1);
      await statusWhere(sync, (status) => status.state === 'waiting' && posts >= 22);
      // The machine notices it is offline: nothing is tried until it is back.
      online.set(false);
      expect(sync.status().state).toBe('offline');
      expect(timers.fire()).toBe(0);

      proxy.setPlan(passEverything);
      online.set(true);
      const done = await statusWhere(sync, (status) => status.state === 'idle' && status.pending === 0);
      const rows = await allStatements(db);
      expect(done).toMatchObject({ sent: rows.length, dead: 0 });
      expect(rows.length).toBeGreaterThan(1_500);
      await expectEachOnceOnTheLrs(rows, from);
    } finally {
      sync.stop();
      await proxy.stop();
    }
  });

  it('the app closed mid-sync: a new start on the same database resumes, and the LRS holds each statement once', async () => {
    const db = await academyDatabase(cohortOf(10, 104), { iri: ACADEMY });
    const real = fetchTransport({ endpoint: lrs.endpoint, key: KEY, secret: SECRET, timeoutMs: 10_000 });
    let batches = 0;
    let closeTheApp: () => void = () => {};
    const closing = new Promise<void>((resolve) => (closeTheApp = resolve));
    // Five batches answered; the sixth reaches the LRS, and the app is closed before the answer is read.
    const dying = {
      async postStatements(request: LrsPostRequest): Promise<LrsReply> {
        batches += 1;
        const reply = await real.postStatements(request);
        if (batches <= 5) return reply;
        closeTheApp();
        return new Promise<never>(() => {});
      },
    };
    const from = since();
    const first = syncOf(db, lrs.endpoint, { transport: dying }).sync;
    void first.syncNow();
    await closing;
    first.stop();
    const total = (await allStatements(db)).length;
    expect(await outboxCounts(db)).toEqual({ pending: total - 250, sent: 250, dead: 0 });

    const reopened = new AttacheDatabase(db.name);
    const second = syncOf(reopened, lrs.endpoint).sync;
    await syncToTheEnd(second);
    const rows = await allStatements(reopened);
    expect(rows.length).toBe(total);
    expect(await outboxCounts(reopened)).toEqual({ pending: 0, sent: total, dead: 0 });
    await expectEachOnceOnTheLrs(rows, from);
  });
});
