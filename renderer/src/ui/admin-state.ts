// Runtime: renderer. Whether the academy's administrator has unlocked this window, as every UI feature
// reads it. The state is provided by AdminProvider (ui/academy/admin-context.tsx); it lives beside the
// features so that any of them (the profile menu, the records views…) may ask without reaching into
// ui/academy. It is kept in memory only: a reload, or another window, starts locked.
import { createContext, use } from 'react';
import type { SecretHash } from '../core/records/secret';

/** Whether gated screens are open: the settings are read, and either no passphrase is set or this window is unlocked. */
export function adminOpen(admin: Pick<AdminState, 'ready' | 'configured' | 'unlocked'>): boolean {
  return admin.ready && (!admin.configured || admin.unlocked);
}

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
  /** Wrong tries at other secrets (a profile's PIN: key `pin:<uid>`), counted the same way, in memory. */
  tries: SecretTries;
  /** Checks the passphrase and enters administrator mode when it is right. True when unlocked (or nothing to unlock). */
  unlock: (passphrase: string) => Promise<boolean>;
  /** Leaves administrator mode now. */
  lock: () => void;
  /** Stays (or becomes) unlocked under a passphrase this window has just set: its setter proved they know it. */
  grant: (hash: SecretHash) => void;
}

export interface SecretTries {
  /** How long the next try at `key` should wait before it is checked. */
  delayMs: (key: string) => number;
  wrong: (key: string) => void;
  right: (key: string) => void;
}

/**
 * How long a try waits before it is checked after `failures` wrong ones in a row: the first two
 * mistakes cost nothing, then 1 s, 2 s, 4 s… up to 30 s, so guessing at the keyboard gets slow.
 */
export function retryDelayAfter(failures: number): number {
  return failures < 3 ? 0 : Math.min(1000 * 2 ** (failures - 3), 30_000);
}

/** Waits before a try at a secret, when earlier tries were wrong. */
export function waitBeforeTry(delayMs: number): Promise<void> {
  return delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve();
}

export const AdminContext = createContext<AdminState | null>(null);

export function useAdmin(): AdminState {
  const admin = use(AdminContext);
  if (!admin) throw new Error('useAdmin() needs an AdminProvider above it (ui/academy/admin-context.tsx).');
  return admin;
}
