import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, seededBytes, TEST_COST, testAcademyKey } from '../test/credentials';
import {
  ACADEMY_KEY_SCRYPT_COST,
  AcademyKeyError,
  createAcademyKey,
  didDocumentOf,
  didKeyOf,
  didWebDocumentUrl,
  didWebDomainIssue,
  didWebOf,
  parseAcademyKey,
  rewrapAcademyKey,
  unlockAcademyKey,
  WrongPassphraseError,
} from './academy-key';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error instanceof AcademyKeyError ? error.code : `not an AcademyKeyError: ${String(error)}`;
  }
  return 'no error';
};

describe('academy key file', () => {
  it('is the same JSON for the same randomness and time, with the kind, version, cost and public key in clear', async () => {
    const [first, second] = await Promise.all([testAcademyKey(7), testAcademyKey(7)]);
    expect(JSON.stringify(first.file)).toBe(JSON.stringify(second.file));
    expect(first.file).toMatchObject({
      kind: 'attache-academy-key',
      version: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
      kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 },
      cipher: { name: 'AES-256-GCM' },
    });
    expect(first.file.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(first.unlocked.publicKeyMultibase).toBe(first.file.publicKeyMultibase);
    expect((await testAcademyKey(8)).file.publicKeyMultibase).not.toBe(first.file.publicKeyMultibase);
  });

  it('carries no secret in clear: neither the seed nor the passphrase appears in it', async () => {
    const { file, unlocked } = await testAcademyKey(3);
    const text = JSON.stringify(file);
    const seedBase64 = btoa(String.fromCharCode(...unlocked.seed));
    expect(text).not.toContain(bytesToHex(unlocked.seed));
    expect(text).not.toContain(seedBase64.slice(0, 20));
    expect(text).not.toContain(PASSPHRASE);
    expect(Object.keys(file).sort()).toEqual(['cipher', 'createdAt', 'kdf', 'kind', 'publicKeyMultibase', 'version']);
  });

  it('uses 2^17 scrypt by default', () => {
    expect(ACADEMY_KEY_SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('refuses a wrong passphrase with a typed error, and opens with the same passphrase typed with stray spaces', async () => {
    const { file } = await testAcademyKey();
    await expect(unlockAcademyKey(file, 'correct horse battery stapler')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await codeOf(unlockAcademyKey(JSON.stringify(file), 'wrong passphrase entirely'))).toBe('wrong-passphrase');
    await expect(unlockAcademyKey(file, `  ${PASSPHRASE} `)).resolves.toMatchObject({ publicKeyMultibase: file.publicKeyMultibase });
  });

  it('rewraps under a new passphrase keeping the public key; the old passphrase no longer opens it', async () => {
    const { file } = await testAcademyKey();
    const rewrapped = await rewrapAcademyKey(file, PASSPHRASE, 'a brand new passphrase', { random: seededBytes(99) });
    expect(rewrapped.publicKeyMultibase).toBe(file.publicKeyMultibase);
    expect(rewrapped.kdf.salt).not.toBe(file.kdf.salt);
    expect(rewrapped.kdf.N).toBe(TEST_COST.N);
    const unlocked = await unlockAcademyKey(rewrapped, 'a brand new passphrase');
    expect(unlocked.seed).toEqual((await unlockAcademyKey(file, PASSPHRASE)).seed);
    await expect(unlockAcademyKey(rewrapped, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await codeOf(rewrapAcademyKey(file, 'not the passphrase', 'a brand new passphrase', { random: seededBytes(1) }))).toBe('wrong-passphrase');
    expect(await codeOf(rewrapAcademyKey(file, PASSPHRASE, 'short', { random: seededBytes(1) }))).toBe('weak-passphrase');
  });

  it('refuses a short passphrase when made', async () => {
    expect(await codeOf(createAcademyKey('too short', { random: seededBytes(1), now: 0, cost: TEST_COST }))).toBe('weak-passphrase');
  });

  it('names what is wrong with a file that is not a key, a newer one, or a damaged one', async () => {
    const { file } = await testAcademyKey();
    expect(() => parseAcademyKey('{"hello": 1')).toThrow(/not an academy key: it is not JSON/);
    expect(() => parseAcademyKey({ hello: 1 })).toThrow(expect.objectContaining({ code: 'not-a-key-file' }));
    expect(() => parseAcademyKey({ ...file, version: 2 })).toThrow(expect.objectContaining({ code: 'newer-version' }));
    expect(() => parseAcademyKey({ ...file, kdf: { ...file.kdf, N: 1000 } })).toThrow(
      expect.objectContaining({ code: 'damaged', message: expect.stringMatching(/kdf\.N/) }),
    );
    // Another key's public key written in: the passphrase opens the seed, which is not that key's.
    const other = await testAcademyKey(2);
    expect(await codeOf(unlockAcademyKey({ ...file, publicKeyMultibase: other.file.publicKeyMultibase }, PASSPHRASE))).toBe('damaged');
    // One character of the sealed seed changed: AES-GCM refuses it.
    const ciphertext = file.cipher.ciphertext;
    const changed = { ...file, cipher: { ...file.cipher, ciphertext: (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1) } };
    expect(await codeOf(unlockAcademyKey(changed, PASSPHRASE))).toBe('wrong-passphrase');
  });
});

describe('DIDs', () => {
  it('did:key is the public key itself; its document names it for assertions', async () => {
    const { file } = await testAcademyKey();
    const did = didKeyOf(file.publicKeyMultibase);
    expect(did).toBe(`did:key:${file.publicKeyMultibase}`);
    const document = didDocumentOf(did, file.publicKeyMultibase);
    const id = `${did}#${file.publicKeyMultibase}`;
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase: file.publicKeyMultibase }],
      authentication: [id],
      assertionMethod: [id],
    });
  });

  it.each([
    ['academy.example', 'did:web:academy.example', 'https://academy.example/.well-known/did.json'],
    ['https://Academy.Example/', 'did:web:academy.example', 'https://academy.example/.well-known/did.json'],
    ['academy.example:8443', 'did:web:academy.example%3A8443', 'https://academy.example:8443/.well-known/did.json'],
    ['academy.example/attache/keys', 'did:web:academy.example:attache:keys', 'https://academy.example/attache/keys/did.json'],
  ])('did:web of %s is %s, its document at %s', (domain, did, url) => {
    expect(didWebOf(domain)).toBe(did);
    expect(didWebDocumentUrl(did)).toBe(url);
  });

  it.each([
    ['', 'empty'],
    ['localhost', 'invalid-host'],
    ['academy example.org', 'invalid-host'],
    ['user@academy.example', 'invalid-host'],
    ['academy.example:99999', 'invalid-port'],
    ['academy.example/a b', 'invalid-path'],
  ])('refuses "%s" for did:web (%s)', (domain, issue) => {
    expect(didWebDomainIssue(domain)).toBe(issue);
    expect(() => didWebOf(domain)).toThrow(RangeError);
  });
});
