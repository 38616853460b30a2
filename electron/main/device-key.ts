// Runtime: Electron main process. This device's signing key for progress files: an Ed25519 key pair
// made on first use and kept in the app's user-data folder; only the public key and signatures ever
// leave this process. The private key is encrypted with the operating system's secret store
// (Electron's safeStorage: the macOS Keychain, Windows DPAPI, the Linux Secret Service or KWallet)
// when one is available. Where none is (a Linux desktop without a keyring, where safeStorage falls back
// to a fixed password), it is stored unencrypted, readable by this user's account only, and the app
// says so: anyone who can read this account's files can then copy the key and sign files in the
// device's name.
import { readFile } from 'node:fs/promises';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { DeviceKeyInfo, DeviceSignature } from '../contract/api';
import { writeFileAtomically } from './atomic-file';

/** The parts of Electron's safeStorage the store uses. */
export interface SecretProtection {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no secret store, and a fixed password in its place. */
  getSelectedStorageBackend?(): string;
}

export interface KeyFileAccess {
  /** The file's bytes, or null when there is no file. */
  read(filePath: string): Promise<Uint8Array | null>;
  /** Writes the file readable by this user only, replacing any earlier one whole (never half-written). */
  writePrivate(filePath: string, bytes: Uint8Array): Promise<void>;
}

/** The key file on disk: written whole, readable by this user only (see atomic-file.ts). */
export const nodeKeyFiles: KeyFileAccess = {
  async read(filePath) {
    try {
      const buffer = await readFile(filePath);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  writePrivate: (filePath, bytes) => writeFileAtomically(filePath, bytes, 0o600),
};

export interface DeviceKeyStore {
  /** The public key and how the private key is kept; null when there is none and `create` is false. */
  get(request: { create: boolean }): Promise<DeviceKeyInfo | null>;
  /** Signs the bytes with the device's key, making the key first if there is none. */
  sign(bytes: Uint8Array): Promise<DeviceSignature>;
}

const KEY_FILE_FORMAT = 1;

interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  algorithm: 'Ed25519';
  publicKey: string;
  /** 'os': encrypted by safeStorage (base64); 'none': the private key in hex. */
  protection: 'os' | 'none';
  secretKey: string;
}

interface LoadedKey {
  secretKey: Uint8Array;
  info: DeviceKeyInfo;
}

/** Whether safeStorage really protects a secret here (on Linux without a keyring it only obfuscates it). */
export function osProtectionAvailable(safeStorage: SecretProtection, platform: string): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend) {
    const backend = safeStorage.getSelectedStorageBackend();
    return backend !== 'basic_text' && backend !== 'unknown';
  }
  return true;
}

export function createDeviceKeyStore(deps: {
  filePath: string;
  files: KeyFileAccess;
  safeStorage: SecretProtection;
  platform: string;
  /** 32 random bytes; the OS's randomness unless a test gives its own. */
  randomSeed?: () => Uint8Array;
}): DeviceKeyStore {
  const { filePath, files, safeStorage, platform } = deps;
  const damaged = (why: string) =>
    new Error(
      `This device's signing key (${filePath}) cannot be used: ${why}. Close Attaché and delete that file to make a new key; the academy will then see your next progress file as signed by another device, and must confirm that it is yours.`,
    );

  const parse = (bytes: Uint8Array): LoadedKey => {
    let file: KeyFile;
    try {
      file = JSON.parse(new TextDecoder().decode(bytes)) as KeyFile;
    } catch {
      throw damaged('the file is not valid JSON');
    }
    if (file.format !== KEY_FILE_FORMAT || file.algorithm !== 'Ed25519' || typeof file.secretKey !== 'string' || typeof file.publicKey !== 'string') {
      throw damaged('the file is not a key Attaché wrote');
    }
    let secretHex: string;
    if (file.protection === 'os') {
      if (!safeStorage.isEncryptionAvailable()) throw damaged("the system's secret store, which encrypted the key, is not available now");
      try {
        secretHex = safeStorage.decryptString(Buffer.from(file.secretKey, 'base64'));
      } catch {
        throw damaged("the system's secret store could not decrypt it (it was made under another user account or keyring)");
      }
    } else {
      secretHex = file.secretKey;
    }
    let secretKey: Uint8Array;
    try {
      secretKey = hexToBytes(secretHex);
      if (bytesToHex(ed25519.getPublicKey(secretKey)) !== file.publicKey) throw new Error('mismatch');
    } catch {
      throw damaged('its private key does not match its public key');
    }
    return { secretKey, info: { publicKey: file.publicKey, storage: file.protection === 'os' ? 'os-encrypted' : 'unencrypted-file' } };
  };

  const create = async (): Promise<LoadedKey> => {
    const { secretKey, publicKey } = ed25519.keygen(deps.randomSeed?.());
    const protect = osProtectionAvailable(safeStorage, platform);
    const file: KeyFile = {
      format: KEY_FILE_FORMAT,
      algorithm: 'Ed25519',
      publicKey: bytesToHex(publicKey),
      protection: protect ? 'os' : 'none',
      secretKey: protect ? safeStorage.encryptString(bytesToHex(secretKey)).toString('base64') : bytesToHex(secretKey),
    };
    await files.writePrivate(filePath, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`));
    return { secretKey, info: { publicKey: file.publicKey, storage: protect ? 'os-encrypted' : 'unencrypted-file' } };
  };

  // One load (or creation) at a time: two first exports at once must not make two keys.
  let loaded: Promise<LoadedKey | null> | null = null;
  const load = (createIfMissing: boolean): Promise<LoadedKey | null> => {
    const previous = loaded ?? Promise.resolve(null);
    const next = previous
      .catch(() => null)
      .then(async (key) => {
        if (key) return key;
        const bytes = await files.read(filePath);
        if (bytes) return parse(bytes);
        return createIfMissing ? create() : null;
      });
    // A failure is not remembered: the next call tries the file again.
    loaded = next.catch(() => null);
    return next;
  };

  return {
    async get({ create: createIfMissing }) {
      return (await load(createIfMissing))?.info ?? null;
    },
    async sign(bytes) {
      const key = (await load(true))!;
      return { publicKey: key.info.publicKey, signature: ed25519.sign(bytes, key.secretKey) };
    },
  };
}
