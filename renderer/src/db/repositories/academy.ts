// Runtime: renderer. The academy's settings on this device: its name and IRI, the field its LMS matches
// trainees by, and the administrator passphrase (only ever stored as a slow hash). The only code that
// writes the academy's rows of the settings table.
import {
  DEFAULT_IDENTITY_FIELD,
  newPassphraseIssue,
  validateAcademy,
  type AcademyInput,
  type AcademyIssues,
  type IdentityField,
  type PassphraseIssue,
} from '../../core/academy';
import { hashSecret, SALT_BYTES, verifySecret, type SecretHash } from '../../core/records/secret';
import type { AcademySettingKey, AttacheDatabase } from '../database';
import { storageWrite } from '../errors';
import { isValidSetting } from './settings';

export type { IdentityField } from '../../core/academy';

/** What the academy has set on this device; null (or the default identity field) where it has not. */
export interface AcademySettings {
  name: string | null;
  /** An absolute http(s) IRI: the academy's id in exports. */
  iri: string | null;
  /** How the academy's LMS recognises a trainee in an import. */
  identityField: IdentityField;
  /** The administrator passphrase's hash; null when none is set and nothing is gated. */
  passphrase: SecretHash | null;
  /** Whether xAPI statements carry each draft's text (otherwise only its length): the academy opts in. */
  includeDraftText: boolean;
}

export const NO_ACADEMY: AcademySettings = { name: null, iri: null, identityField: DEFAULT_IDENTITY_FIELD, passphrase: null, includeDraftText: false };

const ACADEMY_KEYS: readonly AcademySettingKey[] = ['academyName', 'academyIri', 'academyIdentityField', 'adminPassphrase', 'xapiIncludeDraftText'];

/** The academy's name or IRI failed the rules in core/academy.ts; `issues` says which and why. */
export class AcademyValidationError extends Error {
  override name = 'AcademyValidationError';

  constructor(readonly issues: AcademyIssues) {
    super(
      `The academy settings are not valid: ${Object.entries(issues)
        .map(([field, issue]) => `${field} ${issue}`)
        .join(', ')}.`,
    );
  }
}

/** A new passphrase that cannot be set: too short, or its confirmation differs. */
export class PassphraseRejectedError extends Error {
  override name = 'PassphraseRejectedError';

  constructor(readonly issue: PassphraseIssue) {
    super(issue === 'too-short' ? 'The new administrator passphrase is too short.' : 'The new administrator passphrase and its confirmation differ.');
  }
}

/** The passphrase or PIN given to allow a change is not the one stored. Nothing was changed. */
export class WrongSecretError extends Error {
  override name = 'WrongSecretError';

  constructor(readonly what: 'passphrase' | 'pin') {
    super(what === 'passphrase' ? 'The administrator passphrase is not correct.' : 'The PIN is not correct.');
  }
}

/**
 * The stored secret changed between checking the one given and writing, e.g. in another window: nothing
 * was changed; reading the settings again and retrying is safe.
 */
export class SecretChangedError extends Error {
  override name = 'SecretChangedError';

  constructor(readonly what: 'passphrase' | 'pin') {
    super(
      `The ${what === 'passphrase' ? 'administrator passphrase' : 'PIN'} was changed elsewhere (another window?) while this change was checked. Nothing was changed; try again.`,
    );
  }
}

/** A fresh random salt for a slow hash; randomness stays out of the core. */
export function randomSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** Options the tests use to keep scrypt cheap; the app uses the defaults. */
export interface HashOptions {
  salt?: () => Uint8Array;
  cost?: { N: number; r: number; p: number };
}

/** Reads the academy's settings; a missing or unreadable row reads as not set. */
export async function readAcademy(db: AttacheDatabase): Promise<AcademySettings> {
  const academy: AcademySettings = { ...NO_ACADEMY };
  for (const row of await db.settings.bulkGet([...ACADEMY_KEYS])) {
    if (!row || !isValidSetting(row.key, row.value)) continue;
    if (row.key === 'academyName') academy.name = row.value as string;
    else if (row.key === 'academyIri') academy.iri = row.value as string;
    else if (row.key === 'academyIdentityField') academy.identityField = row.value as IdentityField;
    else if (row.key === 'adminPassphrase') academy.passphrase = row.value as SecretHash;
    else if (row.key === 'xapiIncludeDraftText') academy.includeDraftText = row.value as boolean;
  }
  return academy;
}

async function readPassphrase(db: AttacheDatabase): Promise<SecretHash | null> {
  const row = await db.settings.get('adminPassphrase');
  return row && isValidSetting('adminPassphrase', row.value) ? (row.value as SecretHash) : null;
}

/**
 * Validates and saves the academy's name, IRI and identity field (an empty name or IRI removes it).
 * Throws AcademyValidationError for invalid input, StorageFullError when the disk is full. Whether the
 * administrator may edit them is the UI's to ask (admin mode lives in memory, not in storage).
 */
export async function saveAcademy(db: AttacheDatabase, input: AcademyInput): Promise<AcademySettings> {
  const validation = validateAcademy(input);
  if (!validation.ok) throw new AcademyValidationError(validation.issues);
  const { name, iri, identityField } = validation.academy;
  await storageWrite(() =>
    db.transaction('rw', db.settings, async () => {
      if (name === null) await db.settings.delete('academyName');
      else await db.settings.put({ key: 'academyName', value: name });
      if (iri === null) await db.settings.delete('academyIri');
      else await db.settings.put({ key: 'academyIri', value: iri });
      await db.settings.put({ key: 'academyIdentityField', value: identityField });
    }),
  );
  return readAcademy(db);
}

/**
 * Whether the xAPI statements built from now on carry each draft's text. Statements already built keep
 * what they say (an LRS takes a statement again only with the same content).
 */
export async function saveIncludeDraftText(db: AttacheDatabase, include: boolean): Promise<AcademySettings> {
  await storageWrite(() => db.transaction('rw', db.settings, () => db.settings.put({ key: 'xapiIncludeDraftText', value: include })));
  return readAcademy(db);
}

/** Checks a passphrase against the stored one (false when none is set). Takes as long as scrypt does. */
export async function checkAdminPassphrase(db: AttacheDatabase, passphrase: string): Promise<boolean> {
  const stored = await readPassphrase(db);
  return stored !== null && verifySecret(passphrase, stored);
}

/** Throws WrongSecretError unless `current` is the stored passphrase (or none is stored and none given). */
async function requireCurrent(db: AttacheDatabase, current: string | null): Promise<SecretHash | null> {
  const stored = await readPassphrase(db);
  if (stored === null) return null;
  if (current === null || !(await verifySecret(current, stored))) throw new WrongSecretError('passphrase');
  return stored;
}

/** Writes `next` in place of `expected`, unless the stored passphrase changed meanwhile. */
async function replacePassphrase(db: AttacheDatabase, expected: SecretHash | null, next: SecretHash | null): Promise<void> {
  await storageWrite(() =>
    db.transaction('rw', db.settings, async () => {
      // scrypt ran outside the transaction (IndexedDB transactions end at the first foreign await).
      const now = await readPassphrase(db);
      if ((now?.hash ?? null) !== (expected?.hash ?? null)) throw new SecretChangedError('passphrase');
      if (next === null) await db.settings.delete('adminPassphrase');
      else await db.settings.put({ key: 'adminPassphrase', value: next });
    }),
  );
}

/**
 * Sets the administrator passphrase, or changes it: then `current` must be the stored one. Stores only
 * its scrypt hash. Returns the new hash. Throws PassphraseRejectedError (too short, confirmation
 * differs), WrongSecretError, SecretChangedError or StorageFullError; nothing changes when it throws.
 */
export async function setAdminPassphrase(
  db: AttacheDatabase,
  { current, next, confirmation }: { current: string | null; next: string; confirmation: string },
  { salt = randomSalt, cost }: HashOptions = {},
): Promise<SecretHash> {
  const issue = newPassphraseIssue(next, confirmation);
  if (issue) throw new PassphraseRejectedError(issue);
  const expected = await requireCurrent(db, current);
  const hash = await hashSecret(next, salt(), cost);
  await replacePassphrase(db, expected, hash);
  return hash;
}

/**
 * Removes the administrator passphrase: nothing is gated afterwards. `current` must be the stored one.
 * Throws WrongSecretError, SecretChangedError or StorageFullError.
 */
export async function removeAdminPassphrase(db: AttacheDatabase, current: string): Promise<void> {
  const expected = await requireCurrent(db, current);
  if (expected === null) return;
  await replacePassphrase(db, expected, null);
}
