// Runtime: renderer. Which view of the desk the trainee is looking at (one account's feed, or the
// inbox), where a publication of each kind shows, and how the view is kept across a reload.
import type { TaskKind } from '../../core/pack/schema';
import { PRIVATE_KINDS } from './feed/select';
import type { LoadedAttempt } from './session';

export type DeskView = { kind: 'account'; accountId: string } | { kind: 'inbox' };

/** The view's key: an account id, or 'inbox'. */
export const deskViewKey = (view: DeskView): string => (view.kind === 'inbox' ? 'inbox' : view.accountId);

/** Where a publication of `kind` on `accountId` shows: private kinds in the inbox, the rest in the account's feed. */
export function deskFor(kind: TaskKind, accountId: string): DeskView {
  return PRIVATE_KINDS.has(kind) ? { kind: 'inbox' } : { kind: 'account', accountId };
}

// Which account the trainee is looking at is part of where they were: a reload keeps it (for this
// window's session; the attempt itself lives in the database).
const storageKey = (attemptId: number) => `attache.desk.${attemptId}`;

export function readDeskView(loaded: LoadedAttempt): DeskView | null {
  try {
    const saved = window.sessionStorage.getItem(storageKey(loaded.attempt.id));
    if (saved === 'inbox') return { kind: 'inbox' };
    if (saved && loaded.ref.scenario.accounts.some((account) => account.id === saved)) return { kind: 'account', accountId: saved };
  } catch {
    // Storage may be switched off; the first account is a fine place to start.
  }
  return null;
}

export function writeDeskView(attemptId: number, view: DeskView): void {
  try {
    window.sessionStorage.setItem(storageKey(attemptId), deskViewKey(view));
  } catch {
    // Not kept: only the view resets on reload, never the attempt.
  }
}
