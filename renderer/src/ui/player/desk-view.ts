// Runtime: renderer. Which view of the desk the trainee is looking at (one account's feed, or the
// inbox), where a publication of each kind shows, and what the trainee has seen of each view — kept
// with the attempt in the database, so a reload comes back to the same view and never shows "new"
// badges for items already read. A scratch desk (a play-test) keeps all of it in memory only.
import { useEffect, useState } from 'react';
import type { Scenario, TaskKind } from '../../core/pack/schema';
import { getDeskState, putDeskState } from '../../db/repositories/desk-states';
import { useServices } from '../services';
import { useStorageProblems } from '../storage-problems';
import { PRIVATE_KINDS } from './feed/select';

export type DeskView = { kind: 'account'; accountId: string } | { kind: 'inbox' };

/** The view's key: an account id, or 'inbox'. */
export const deskViewKey = (view: DeskView): string => (view.kind === 'inbox' ? 'inbox' : view.accountId);

/** The view a key names in this scenario, or null when it names none (an account the scenario no longer has). */
export function deskViewOf(key: string, scenario: Pick<Scenario, 'accounts'>): DeskView | null {
  if (key === 'inbox') return { kind: 'inbox' };
  return scenario.accounts.some((account) => account.id === key) ? { kind: 'account', accountId: key } : null;
}

/** Where a publication of `kind` on `accountId` shows: private kinds in the inbox, the rest in the account's feed. */
export function deskFor(kind: TaskKind, accountId: string): DeskView {
  return PRIVATE_KINDS.has(kind) ? { kind: 'inbox' } : { kind: 'account', accountId };
}

/** What the trainee has seen: the view they are on, and how many items of each view (by key) they have had in front of them. */
export interface DeskMemory {
  view: DeskView | null;
  seen: Record<string, number>;
}

/** How many items of a view the trainee has not seen: never below 0. */
export function unreadCount(total: number, memory: Pick<DeskMemory, 'seen'>, key: string): number {
  return Math.max(0, total - (memory.seen[key] ?? 0));
}

/**
 * The desk memory saved with an attempt: 'loading' until read (the desk waits, so a click is never
 * undone by what arrives late), then what was saved, or nothing seen when nothing was (or the row
 * cannot be read). `attemptId` null (a scratch desk) reads nothing.
 */
export function useSavedDeskMemory(attemptId: number | null, scenario: Pick<Scenario, 'accounts'> | null): DeskMemory | 'loading' {
  const { db } = useServices();
  const [memory, setMemory] = useState<{ attemptId: number | null; memory: DeskMemory } | null>(null);
  useEffect(() => {
    if (attemptId === null || scenario === null) return;
    let cancelled = false;
    const settle = (next: DeskMemory) => {
      if (!cancelled) setMemory({ attemptId, memory: next });
    };
    getDeskState(db, attemptId).then(
      (row) => settle(row ? { view: deskViewOf(row.view, scenario), seen: row.seen } : { view: null, seen: {} }),
      () => settle({ view: null, seen: {} }),
    );
    return () => {
      cancelled = true;
    };
  }, [db, attemptId, scenario]);
  if (attemptId === null) return { view: null, seen: {} };
  return memory && memory.attemptId === attemptId ? memory.memory : 'loading';
}

/**
 * Saves the desk memory as it changes (`attemptId` null: a scratch desk, nothing is saved). Returns
 * whether what is on screen is saved, for the page to say so to tests and for nothing else.
 */
export function useRememberDesk(attemptId: number | null, view: DeskView, seen: Record<string, number>): boolean {
  const { db } = useServices();
  const { report } = useStorageProblems();
  const [saved, setSaved] = useState<{ view: DeskView; seen: Record<string, number> } | null>(null);
  useEffect(() => {
    if (attemptId === null) return;
    let current = true;
    putDeskState(db, { attemptId, view: deskViewKey(view), seen, updatedAt: Date.now() }).then(() => {
      if (current) setSaved({ view, seen });
    }, report);
    return () => {
      current = false;
    };
  }, [db, attemptId, view, seen, report]);
  return attemptId === null || (saved !== null && saved.view === view && saved.seen === seen);
}
