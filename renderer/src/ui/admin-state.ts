// Runtime: renderer. Whether the academy's administrator has unlocked this window, as every UI feature
// reads it. The state is provided by AdminProvider (ui/academy/admin-context.tsx); it lives beside the
// features so that any of them (the profile menu, the records views…) may ask without reaching into
// ui/academy. It is kept in memory only: a reload, or another window, starts locked.
import { createContext, use } from 'react';
import type { SecretHash } from '../core/records/secret';

export interface AdminState {
  /** False until the academy's settings have been read: gated screens show nothing yet. */
  ready: boolean;
  /** True once an administrator passphrase is set. False: nothing is gated, and gated screens say so. */
  configured: boolean;
  /** True while this window is in administrator mode (never when no passphrase is set). */
  unlocked: boolean;
  /** True while a passphrase is being checked (scrypt takes a moment on purpose). */
  checking: boolean;
  /** How long the next try waits before it is checked, after repeated wrong passphrases; 0 at first. */
  retryDelayMs: number;
  /** Checks the passphrase and enters administrator mode when it is right. True when unlocked (or nothing to unlock). */
  unlock: (passphrase: string) => Promise<boolean>;
  /** Leaves administrator mode now. */
  lock: () => void;
  /** Stays (or becomes) unlocked under a passphrase this window has just set: its setter proved they know it. */
  grant: (hash: SecretHash) => void;
}

export const AdminContext = createContext<AdminState | null>(null);

export function useAdmin(): AdminState {
  const admin = use(AdminContext);
  if (!admin) throw new Error('useAdmin() needs an AdminProvider above it (ui/academy/admin-context.tsx).');
  return admin;
}
