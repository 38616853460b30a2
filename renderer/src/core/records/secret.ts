// Runtime: any (pure core). Passphrases and PINs kept as slow hashes (scrypt), never as text: a copy
// of the database does not give them away cheaply. The salt comes from the caller (randomness is
// passed in), so the same inputs give the same hash in the app and the tests.
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export interface SecretHash {
  algorithm: 'scrypt';
  /** scrypt's cost parameters: N (a power of two), r and p. */
  N: number;
  r: number;
  p: number;
  /** Hex. */
  salt: string;
  hash: string;
}

/**
 * 2^15 × 8 × 128 bytes = 32 MiB and about a quarter of a second per guess on a laptop: slow enough that
 * a six-digit PIN taken from a copied database costs days, fast enough to unlock without a wait.
 */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
export const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** The same text however it was typed or pasted: NFC, with no spaces at either end. */
export function normalizeSecret(secret: string): string {
  return secret.normalize('NFC').trim();
}

export async function hashSecret(secret: string, salt: Uint8Array, cost: { N: number; r: number; p: number } = SCRYPT_COST): Promise<SecretHash> {
  if (salt.length < SALT_BYTES) throw new RangeError(`a salt needs at least ${SALT_BYTES} bytes`);
  const derived = await scryptAsync(utf8ToBytes(normalizeSecret(secret)), salt, { ...cost, dkLen: KEY_BYTES });
  return { algorithm: 'scrypt', ...cost, salt: bytesToHex(salt), hash: bytesToHex(derived) };
}

/** Whether `secret` is the one hashed; compares in time independent of where the hashes differ. */
export async function verifySecret(secret: string, stored: SecretHash): Promise<boolean> {
  const derived = await scryptAsync(utf8ToBytes(normalizeSecret(secret)), hexToBytes(stored.salt), { N: stored.N, r: stored.r, p: stored.p, dkLen: KEY_BYTES });
  const expected = hexToBytes(stored.hash);
  if (derived.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < derived.length; index += 1) difference |= derived[index]! ^ expected[index]!;
  return difference === 0;
}

export function isSecretHash(value: unknown): value is SecretHash {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const hex = (field: unknown) => typeof field === 'string' && /^[0-9a-f]{32,}$/.test(field);
  return v.algorithm === 'scrypt' && Number.isInteger(v.N) && Number.isInteger(v.r) && Number.isInteger(v.p) && hex(v.salt) && hex(v.hash);
}

export const PASSPHRASE_MIN_LENGTH = 10;
/** A PIN is 4 to 8 digits. */
export const PIN_PATTERN = /^\d{4,8}$/;
