import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it, vi } from 'vitest';
import { createDeviceKeyStore, nodeKeyFiles, type KeyFileAccess, type SecretProtection } from './device-key';

const KEY_PATH = '/home/ana/.config/Attaché/device-key.json';
const message = new TextEncoder().encode('{"format":1}');

function memoryFiles(): KeyFileAccess & { stored: Map<string, Uint8Array> } {
  const stored = new Map<string, Uint8Array>();
  return {
    stored,
    read: vi.fn(async (filePath: string) => stored.get(filePath) ?? null),
    writePrivate: vi.fn(async (filePath: string, bytes: Uint8Array) => {
      stored.set(filePath, bytes);
    }),
  };
}

/** A stand-in for safeStorage: "encrypts" by reversing and tagging, so a test can see the plain key is not stored. */
function keychain(options: { available?: boolean; backend?: string } = {}): SecretProtection {
  return {
    isEncryptionAvailable: vi.fn(() => options.available ?? true),
    encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`)),
    decryptString: vi.fn((sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice('sealed:'.length)].reverse().join('');
    }),
    ...(options.backend ? { getSelectedStorageBackend: vi.fn(() => options.backend!) } : {}),
  };
}

const storedFile = (files: ReturnType<typeof memoryFiles>) => JSON.parse(new TextDecoder().decode(files.stored.get(KEY_PATH))) as Record<string, string>;

describe('the device key', () => {
  it('does not exist until asked for, then signs with a key made once and kept encrypted by the system', async () => {
    const files = memoryFiles();
    const safeStorage = keychain({ backend: 'gnome_libsecret' });
    const store = createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage, platform: 'linux' });
    expect(await store.get({ create: false })).toBeNull();
    expect(files.writePrivate).not.toHaveBeenCalled();

    const { publicKey, signature } = await store.sign(message);
    expect(ed25519.verify(signature, message, hexToBytes(publicKey))).toBe(true);
    expect(await store.get({ create: false })).toEqual({ publicKey, storage: 'os-encrypted' });
    expect(files.writePrivate).toHaveBeenCalledTimes(1);

    const file = storedFile(files);
    expect(file).toMatchObject({ format: 1, algorithm: 'Ed25519', publicKey, protection: 'os' });
    const plainSecret = safeStorage.decryptString(Buffer.from(file.secretKey!, 'base64'));
    expect(JSON.stringify(file)).not.toContain(plainSecret);
    expect((await store.sign(message)).publicKey).toBe(publicKey);
  });

  it('is the same key after a restart', async () => {
    const files = memoryFiles();
    const first = await createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage: keychain(), platform: 'darwin' }).sign(message);
    const restarted = createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage: keychain(), platform: 'darwin' });
    expect(await restarted.get({ create: false })).toEqual({ publicKey: first.publicKey, storage: 'os-encrypted' });
    expect((await restarted.sign(message)).signature).toEqual(first.signature);
  });

  it('is stored unencrypted, and says so, where the system has no secret store', async () => {
    for (const safeStorage of [keychain({ available: false }), keychain({ backend: 'basic_text' })]) {
      const files = memoryFiles();
      const store = createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage, platform: 'linux' });
      const info = await store.get({ create: true });
      expect(info?.storage).toBe('unencrypted-file');
      expect(storedFile(files)).toMatchObject({ protection: 'none', publicKey: info!.publicKey });
      expect(safeStorage.encryptString).not.toHaveBeenCalled();
    }
  });

  it('makes one key when two first exports ask at once', async () => {
    const files = memoryFiles();
    const store = createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage: keychain(), platform: 'win32' });
    const [a, b] = await Promise.all([store.sign(message), store.sign(message)]);
    expect(a.publicKey).toBe(b.publicKey);
    expect(files.writePrivate).toHaveBeenCalledTimes(1);
  });

  it('refuses a key it cannot decrypt or that does not hold together, saying what to do, and never replaces it silently', async () => {
    const files = memoryFiles();
    await createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage: keychain(), platform: 'win32' }).sign(message);
    const otherAccount: SecretProtection = {
      ...keychain(),
      decryptString: vi.fn((): string => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }),
    };
    const store = createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage: otherAccount, platform: 'win32' });
    await expect(store.sign(message)).rejects.toThrow(/could not decrypt it.*delete that file to make a new key/s);
    expect(files.writePrivate).toHaveBeenCalledTimes(1);

    files.stored.set(KEY_PATH, new TextEncoder().encode('{"format":1,"algorithm":"Ed25519","publicKey":"00","protection":"none","secretKey":"11"}'));
    await expect(createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage: keychain(), platform: 'linux' }).get({ create: false })).rejects.toThrow(
      /does not match its public key/,
    );
    files.stored.set(KEY_PATH, new TextEncoder().encode('not json'));
    await expect(createDeviceKeyStore({ filePath: KEY_PATH, files, safeStorage: keychain(), platform: 'linux' }).sign(message)).rejects.toThrow(KEY_PATH);
  });
});

describe('the key file on disk', () => {
  it('is absent until written, then readable by this user only, replaced whole, with no temporary file left', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'attache-key-'));
    const filePath = path.join(folder, 'device-key.json');
    expect(await nodeKeyFiles.read(filePath)).toBeNull();
    await nodeKeyFiles.writePrivate(filePath, new TextEncoder().encode('first'));
    await nodeKeyFiles.writePrivate(filePath, new TextEncoder().encode('second'));
    expect(new TextDecoder().decode((await nodeKeyFiles.read(filePath))!)).toBe('second');
    if (process.platform !== 'win32') expect(statSync(filePath).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['device-key.json']);
  });
});
