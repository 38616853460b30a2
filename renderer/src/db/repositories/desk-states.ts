// Runtime: renderer. What the trainee has seen of an attempt's desk (see DeskStateRecord): the only
// code that writes the deskStates table. A row read back is checked before it is trusted: one that
// does not read as a desk state counts as none (every view unseen), never as an error.
import type { AttacheDatabase, DeskStateRecord } from '../database';
import { storageWrite } from '../errors';

/** Views a desk can have: far more than any scenario's accounts, so a damaged row cannot grow without bound. */
const MAX_VIEWS = 200;

/** The row when it has the shape of a desk state, else null. */
export function checkedDeskState(row: unknown): DeskStateRecord | null {
  if (!row || typeof row !== 'object') return null;
  const state = row as Partial<DeskStateRecord>;
  if (typeof state.attemptId !== 'number' || typeof state.view !== 'string' || typeof state.updatedAt !== 'number') return null;
  if (!state.seen || typeof state.seen !== 'object' || Array.isArray(state.seen)) return null;
  const entries = Object.entries(state.seen);
  if (entries.length > MAX_VIEWS) return null;
  for (const [, count] of entries) if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  return state as DeskStateRecord;
}

/** Writes (or replaces) an attempt's desk state. A full disk is reported as StorageFullError and nothing is written. */
export function putDeskState(db: AttacheDatabase, state: DeskStateRecord): Promise<void> {
  return storageWrite(() =>
    db.transaction('rw', db.deskStates, async () => {
      await db.deskStates.put(state);
    }),
  );
}

/** The attempt's desk state, or null when there is none (or its row cannot be read). */
export async function getDeskState(db: AttacheDatabase, attemptId: number): Promise<DeskStateRecord | null> {
  return checkedDeskState(await db.deskStates.get(attemptId));
}
