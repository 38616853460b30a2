// Runtime: renderer. The outbox of xAPI statements: the only code that writes it. Statements go in once,
// byte for byte, and only their state changes afterwards (pending → sent, or pending → dead with the
// LRS's reply); a dead statement can be put back in the queue by the administrator.
import type { BuiltStatement } from '../../core/records/xapi';
import type { AttacheDatabase, OutboxProblem, OutboxRecord, OutboxState } from '../database';
import { storageWrite } from '../errors';

/** How much of an LRS's reply is kept beside a dead statement. */
export const REPLY_KEEP_CHARACTERS = 4_000;

export interface NewStatements {
  traineeUid: string;
  outcomeUid: string | null;
  statements: readonly BuiltStatement[];
  builtAt: number;
}

/**
 * Adds statements inside the caller's read-write transaction over `outbox`. A statement whose id is
 * already there is left as it is (its bytes were built first and are the ones the LRS may hold).
 * Returns how many were added.
 */
export async function addStatements(db: AttacheDatabase, batch: NewStatements): Promise<number> {
  const ids = batch.statements.map((statement) => statement.id);
  const present = new Set((await db.outbox.where('id').anyOf(ids).toArray()).map((row) => row.id));
  const rows: OutboxRecord[] = batch.statements
    .filter((statement) => !present.has(statement.id))
    .map((statement) => ({
      id: statement.id,
      traineeUid: batch.traineeUid,
      outcomeUid: batch.outcomeUid,
      verb: statement.verb,
      json: statement.json,
      state: 'pending',
      builtAt: batch.builtAt,
      sentAt: null,
      problem: null,
    }));
  if (rows.length) await db.outbox.bulkAdd(rows);
  return rows.length;
}

/** The outcomes whose statements are built (any statement of theirs is in the outbox). */
export async function outcomesWithStatements(db: AttacheDatabase): Promise<Set<string>> {
  const keys = await db.outbox.orderBy('outcomeUid').uniqueKeys();
  return new Set(keys.filter((key): key is string => typeof key === 'string'));
}

/** The first `limit` pending statements in building order, optionally only those after `afterSeq`. */
export function nextPending(db: AttacheDatabase, limit: number, afterSeq = 0): Promise<OutboxRecord[]> {
  return db.outbox
    .where('[state+seq]')
    .between(['pending', afterSeq + 1], ['pending', Number.MAX_SAFE_INTEGER], true, true)
    .limit(limit)
    .toArray();
}

/** Marks statements accepted by the LRS. Only pending ones change (a requeue in between is not undone). */
export function markSent(db: AttacheDatabase, ids: readonly string[], at: number): Promise<number> {
  return storageWrite(() =>
    db.transaction('rw', db.outbox, () =>
      db.outbox
        .where('id')
        .anyOf([...ids])
        .and((row) => row.state === 'pending')
        .modify({ state: 'sent', sentAt: at, problem: null }),
    ),
  );
}

/** Marks a statement the LRS will not take as it is, keeping (the start of) its reply. */
export function markDead(db: AttacheDatabase, id: string, problem: OutboxProblem): Promise<number> {
  const kept: OutboxProblem = { ...problem, reply: problem.reply.slice(0, REPLY_KEEP_CHARACTERS) };
  return storageWrite(() =>
    db.transaction('rw', db.outbox, () =>
      db.outbox
        .where('id')
        .equals(id)
        .and((row) => row.state === 'pending')
        .modify({ state: 'dead', problem: kept }),
    ),
  );
}

/** Puts dead statements back in the queue (e.g. after the LRS's administrator fixed the conflict). */
export function requeue(db: AttacheDatabase, ids: readonly string[]): Promise<number> {
  return storageWrite(() =>
    db.transaction('rw', db.outbox, () =>
      db.outbox
        .where('id')
        .anyOf([...ids])
        .and((row) => row.state === 'dead')
        .modify({ state: 'pending', problem: null }),
    ),
  );
}

export type OutboxCounts = Record<OutboxState, number>;

export async function outboxCounts(db: AttacheDatabase): Promise<OutboxCounts> {
  return db.transaction('r', db.outbox, async () => {
    const count = (state: OutboxState) => db.outbox.where('[state+seq]').between([state, 0], [state, Number.MAX_SAFE_INTEGER], true, true).count();
    const [pending, sent, dead] = await Promise.all([count('pending'), count('sent'), count('dead')]);
    return { pending, sent, dead };
  });
}

/** Dead statements, the latest problem first: what the Records screen's problems list shows. */
export async function listDead(db: AttacheDatabase): Promise<OutboxRecord[]> {
  const dead = await db.outbox.where('[state+seq]').between(['dead', 0], ['dead', Number.MAX_SAFE_INTEGER], true, true).toArray();
  return dead.sort((a, b) => (b.problem?.at ?? 0) - (a.problem?.at ?? 0) || (b.seq ?? 0) - (a.seq ?? 0));
}

/** Every statement in building order, whatever its state: the web build's file export, the CLI. */
export function allStatements(db: AttacheDatabase): Promise<OutboxRecord[]> {
  return db.outbox.orderBy('seq').toArray();
}

/** Deletes a trainee's statements inside the caller's read-write transaction over `outbox` (erasing a trainee). */
export function deleteStatementsOf(db: AttacheDatabase, traineeUid: string): Promise<number> {
  return db.outbox.where('traineeUid').equals(traineeUid).delete();
}
