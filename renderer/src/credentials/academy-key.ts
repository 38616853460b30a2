// Runtime: any JavaScript with WebCrypto (Electron's main process, the renderer, a worker, the Node
// CLI). The academy's Ed25519 signing key, kept as a small JSON file encrypted under a passphrase: the
// key's 32-byte seed sealed with AES-256-GCM under a key scrypt derives from the passphrase, the scrypt
// cost stored beside it so a later app can open an older file. The public key travels in clear (it is
// public); nothing secret does. Randomness and the clock are passed in, so tests are deterministic.
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from '../core/zod';
import { normalizeSecret, PASSPHRASE_MIN_LENGTH } from '../core/records/secret';

export const ACADEMY_KEY_KIND = 'attache-academy-key';
export const ACADEMY_KEY_VERSION = 1;
/** The usual name of the file (an export or the CLI's output). */
export const ACADEMY_KEY_EXTENSION = 'attache-key';

/**
 * 2^17 × 8 × 128 bytes = 128 MiB and about a second per guess: the key file may leave the machine as a
 * backup, so a guess must be dear. Stored in the file, so it can be raised later without breaking files.
 */
export const ACADEMY_KEY_SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptCost = { N: number; r: number; p: number };

const SEED_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** Random bytes: `crypto.getRandomValues` in the app, a seeded generator in tests. */
export type RandomBytes = (length: number) => Uint8Array;

/** WebCrypto's random bytes (main process, renderer, worker, Node). */
export const systemRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const encryptedAcademyKeySchema = z.strictObject({
  kind: z.literal(ACADEMY_KEY_KIND),
  version: z.number().int(),
  createdAt: z.string().max(40),
  publicKeyMultibase: z.string().regex(/^z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/, 'an Ed25519 public key in multibase (z6Mk…)'),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
  }),
  cipher: z.strictObject({ name: z.literal('AES-256-GCM'), iv: base64, ciphertext: base64 }),
});

/** The key file: JSON, safe to store and copy (the seed is sealed under the passphrase). */
export type EncryptedAcademyKey = z.infer<typeof encryptedAcademyKeySchema>;

/** The key opened with its passphrase: only ever in memory, in the process that signs. */
export interface UnlockedAcademyKey {
  publicKeyMultibase: string;
  /** The Ed25519 seed (the secret key's first half). */
  seed: Uint8Array;
}

export type AcademyKeyProblem = 'not-a-key-file' | 'newer-version' | 'wrong-passphrase' | 'damaged' | 'weak-passphrase';

/** A key file that cannot be opened or made, saying why and what to do. */
export class AcademyKeyError extends Error {
  constructor(
    readonly code: AcademyKeyProblem,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'AcademyKeyError';
  }
}

/** The passphrase does not open the key (or the sealed part was changed: AES-GCM cannot tell which). */
export class WrongPassphraseError extends AcademyKeyError {
  constructor() {
    super(
      'wrong-passphrase',
      'The passphrase does not open the academy key.',
      'Type the passphrase the key was saved with (the administrator passphrase when it was made in the app). If it is right, the key file was changed: use a backup.',
    );
    this.name = 'WrongPassphraseError';
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Bound into the ciphertext, so a file of another kind or version is never opened as this one. */
const associatedData = (version: number) => utf8ToBytes(`${ACADEMY_KEY_KIND}/${version}`);

async function wrappingKey(passphrase: string, salt: Uint8Array, cost: ScryptCost): Promise<CryptoKey> {
  const derived = await scryptAsync(utf8ToBytes(normalizeSecret(passphrase)), salt, { ...cost, dkLen: 32 });
  return globalThis.crypto.subtle.importKey('raw', derived as BufferSource, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

async function publicKeyOfSeed(seed: Uint8Array): Promise<string> {
  return (await Ed25519Multikey.generate({ seed })).publicKeyMultibase;
}

function checkPassphrase(passphrase: string): void {
  if (Array.from(normalizeSecret(passphrase)).length < PASSPHRASE_MIN_LENGTH)
    throw new AcademyKeyError(
      'weak-passphrase',
      `The passphrase is shorter than ${PASSPHRASE_MIN_LENGTH} characters.`,
      `Choose a passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters: the key file may leave this machine as a backup.`,
    );
}

async function seal(seed: Uint8Array, publicKeyMultibase: string, passphrase: string, options: { random: RandomBytes; createdAt: string; cost: ScryptCost }) {
  const salt = options.random(SALT_BYTES);
  const iv = options.random(IV_BYTES);
  const key = await wrappingKey(passphrase, salt, options.cost);
  const ciphertext = new Uint8Array(
    await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: associatedData(ACADEMY_KEY_VERSION) as BufferSource },
      key,
      seed as BufferSource,
    ),
  );
  const file: EncryptedAcademyKey = {
    kind: ACADEMY_KEY_KIND,
    version: ACADEMY_KEY_VERSION,
    createdAt: options.createdAt,
    publicKeyMultibase,
    kdf: { name: 'scrypt', ...options.cost, salt: toBase64(salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64(iv), ciphertext: toBase64(ciphertext) },
  };
  return file;
}

/**
 * A new academy key, sealed under the passphrase. `random` gives the seed, the salt and the nonce;
 * `now` the creation time written in the file.
 */
export async function createAcademyKey(passphrase: string, options: { random: RandomBytes; now: number; cost?: ScryptCost }): Promise<EncryptedAcademyKey> {
  checkPassphrase(passphrase);
  const seed = options.random(SEED_BYTES);
  if (seed.length !== SEED_BYTES) throw new RangeError(`the random source gave ${seed.length} bytes, not ${SEED_BYTES}`);
  return seal(seed, await publicKeyOfSeed(seed), passphrase, {
    random: options.random,
    createdAt: new Date(options.now).toISOString(),
    cost: options.cost ?? ACADEMY_KEY_SCRYPT_COST,
  });
}

/** Reads a key file's JSON (text or parsed), refusing what is not one. */
export function parseAcademyKey(input: string | unknown): EncryptedAcademyKey {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new AcademyKeyError(
        'not-a-key-file',
        'The file is not an academy key: it is not JSON.',
        'Choose the .attache-key file the app or `records -- academy-key new` saved.',
      );
    }
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  const version = (value as { version?: unknown } | null)?.version;
  if (kind === ACADEMY_KEY_KIND && typeof version === 'number' && version > ACADEMY_KEY_VERSION)
    throw new AcademyKeyError(
      'newer-version',
      `The academy key was saved by a newer Attaché (format ${version}).`,
      'Open it with that version of Attaché or a later one.',
    );
  const parsed = encryptedAcademyKeySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AcademyKeyError(
      kind === ACADEMY_KEY_KIND ? 'damaged' : 'not-a-key-file',
      kind === ACADEMY_KEY_KIND
        ? `The academy key file is damaged: ${issue.path.join('.') || 'the file'}: ${issue.message}.`
        : 'The file is not an academy key.',
      kind === ACADEMY_KEY_KIND ? 'Use a backup of the key file.' : 'Choose the .attache-key file the app or `records -- academy-key new` saved.',
    );
  }
  return parsed.data;
}

/** Opens the key with its passphrase. A wrong passphrase throws WrongPassphraseError. */
export async function unlockAcademyKey(encrypted: EncryptedAcademyKey | string, passphrase: string): Promise<UnlockedAcademyKey> {
  const file = parseAcademyKey(encrypted);
  const key = await wrappingKey(passphrase, fromBase64(file.kdf.salt), file.kdf);
  let seed: Uint8Array;
  try {
    seed = new Uint8Array(
      await globalThis.crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(file.cipher.iv) as BufferSource, additionalData: associatedData(file.version) as BufferSource },
        key,
        fromBase64(file.cipher.ciphertext) as BufferSource,
      ),
    );
  } catch {
    throw new WrongPassphraseError();
  }
  if (seed.length !== SEED_BYTES || (await publicKeyOfSeed(seed)) !== file.publicKeyMultibase)
    throw new AcademyKeyError(
      'damaged',
      "The academy key file is damaged: its public key is not its secret key's.",
      'Use a backup of the key file. Credentials issued with the public key written in this file cannot be trusted to be this key’s.',
    );
  return { publicKeyMultibase: file.publicKeyMultibase, seed };
}

/** The same key sealed under a new passphrase (and a fresh salt and nonce): the public key, and so every DID, stays. */
export async function rewrapAcademyKey(
  encrypted: EncryptedAcademyKey | string,
  oldPassphrase: string,
  newPassphrase: string,
  options: { random: RandomBytes; cost?: ScryptCost },
): Promise<EncryptedAcademyKey> {
  checkPassphrase(newPassphrase);
  const file = parseAcademyKey(encrypted);
  const unlocked = await unlockAcademyKey(file, oldPassphrase);
  return seal(unlocked.seed, unlocked.publicKeyMultibase, newPassphrase, {
    random: options.random,
    createdAt: file.createdAt,
    cost: options.cost ?? { N: file.kdf.N, r: file.kdf.r, p: file.kdf.p },
  });
}

// ---------------------------------------------------------------------------------------------
// DIDs

/** did:key of an Ed25519 public key: self-contained, so it proves integrity but not who the academy is. */
export function didKeyOf(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

export type DidWebIssue = 'empty' | 'invalid-host' | 'invalid-port' | 'invalid-path';

/** Why a domain cannot make a did:web, or null. Takes `academy.example`, `academy.example:8443`, `academy.example/attache`. */
export function didWebDomainIssue(domain: string): DidWebIssue | null {
  const trimmed = domain
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
  if (!trimmed) return 'empty';
  const [authority = '', ...path] = trimmed.split('/');
  const [host = '', port, ...rest] = authority.split(':');
  if (rest.length > 0 || !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i.test(host)) return 'invalid-host';
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) <= 65535)) return 'invalid-port';
  if (path.some((segment) => !/^[A-Za-z0-9._~-]+$/.test(segment))) return 'invalid-path';
  return null;
}

/** did:web of the academy's domain (where it publishes /.well-known/did.json). Throws on a domain didWebDomainIssue refuses. */
export function didWebOf(domain: string): string {
  const issue = didWebDomainIssue(domain);
  if (issue)
    throw new RangeError(
      `"${domain}" cannot make a did:web (${issue}): give a domain such as academy.example, academy.example:8443 or academy.example/attache`,
    );
  const trimmed = domain
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
  const [authority = '', ...path] = trimmed.split('/');
  return ['did:web', authority.toLowerCase().replace(':', '%3A'), ...path].join(':');
}

/** Where a did:web's document is published: https://domain/.well-known/did.json, or https://domain/path/did.json. */
export function didWebDocumentUrl(did: string): string {
  const [authority = '', ...path] = did.replace(/^did:web:/, '').split(':');
  const host = decodeURIComponent(authority);
  return path.length > 0 ? `https://${host}/${path.join('/')}/did.json` : `https://${host}/.well-known/did.json`;
}

/** The id of the key in the DID document: the DID and the key's multibase as the fragment (as did:key does). */
export function verificationMethodOf(did: string, publicKeyMultibase: string): string {
  return `${did}#${publicKeyMultibase}`;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string }[];
  authentication: string[];
  assertionMethod: string[];
}

export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';

/** The DID document naming the key as the DID's assertion key: for did:key it is derived; for did:web the academy publishes it. */
export function didDocumentOf(did: string, publicKeyMultibase: string): DidDocument {
  const id = verificationMethodOf(did, publicKeyMultibase);
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase }],
    authentication: [id],
    assertionMethod: [id],
  };
}
