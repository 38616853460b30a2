// Runtime: renderer. Storage failures the UI can explain to the user.
import type { ProfileIssues } from '../core/profile';

/** The browser or the disk has no room left for Attaché's data. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';

  constructor(cause: unknown) {
    super("The device has no room left for Attaché's data.", { cause });
  }
}

/** A profile failed the rules in core/profile.ts; `issues` says which field and why. */
export class ProfileValidationError extends Error {
  override name = 'ProfileValidationError';

  constructor(readonly issues: ProfileIssues) {
    super(
      `The profile is not valid: ${Object.entries(issues)
        .map(([field, issue]) => `${field} ${issue}`)
        .join(', ')}.`,
    );
  }
}

/** No profile has the id asked for: it was never made, or another window removed it. */
export class ProfileNotFoundError extends Error {
  override name = 'ProfileNotFoundError';

  constructor(readonly profileId: number) {
    super(`There is no profile ${profileId}.`);
  }
}

/** Why an event could not be added to an attempt's log. */
export type AttemptConflict =
  /** The attempt is not in the database (any more). */
  | { kind: 'missing' }
  /** The log holds a different number of events than the writer thought: someone else wrote to it. */
  | { kind: 'out-of-sequence'; expectedSeq: number; actualSeq: number }
  /** The attempt has already finished; its log is closed. */
  | { kind: 'finished' };

/**
 * The attempt on disk is not the one this window has in memory, typically because the same attempt
 * is open in another window. Nothing was written; the safe course is to reload the attempt.
 */
export class AttemptConflictError extends Error {
  override name = 'AttemptConflictError';

  constructor(
    readonly attemptId: number,
    readonly conflict: AttemptConflict,
  ) {
    const why =
      conflict.kind === 'missing'
        ? 'it is no longer stored'
        : conflict.kind === 'finished'
          ? 'it has already finished'
          : `its log has ${conflict.actualSeq} event(s), not ${conflict.expectedSeq}`;
    super(`Attempt ${attemptId} was changed elsewhere, for example in another window: ${why}.`);
  }
}

/** Names browsers and Dexie give a full quota: the DOMException, Dexie's own error, and old Firefox's. */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * True when the error, or an error it wraps, is a quota error. Dexie wraps the DOMException as
 * `Dexie.QuotaExceededError`, and an aborted transaction as an `AbortError` whose `inner` is the cause.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const name: unknown = Reflect.get(current, 'name');
    if (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) return true;
    current = Reflect.get(current, 'inner') ?? Reflect.get(current, 'cause');
  }
  return false;
}

/** Runs a write, turning any quota error into StorageFullError. */
export async function storageWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}
