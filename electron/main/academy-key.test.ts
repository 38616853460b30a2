// Runtime: Node (Vitest). The academy key store over the real credentials library (at a cheap scrypt
// cost): made once under the passphrase, only its public part answered, exported byte for byte, imported
// (refused when the passphrase does not open it or the file is no key), rewrapped under a new passphrase,
// a did:web domain kept beside it; the desktop's files in the user-data folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildOpenBadgeCredential } from '../../renderer/src/core/records/badge';
import { verifyCredential } from '../../renderer/src/credentials/sign';
import { createAcademyKeyStore, loadCredentialsKeyCrypto, type AcademyKeyCrypto, type AcademyKeyStorage } from './academy-key';
import { ACADEMY_DOMAIN_FILE, ACADEMY_KEY_FILE, academyKeyFiles } from './academy-key-files';
import { nodeKeyFiles } from './device-key';

const PASSPHRASE = 'correct horse battery';
const NEW_PASSPHRASE = 'staple and another horse';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const NOW = Date.UTC(2026, 11, 6, 9, 30);

function memoryStorage(): AcademyKeyStorage & { key: Uint8Array | null; domain: string | null; writes: number } {
  const storage = {
    kind: 'user-data-file' as const,
    key: null as Uint8Array | null,
    domain: null as string | null,
    writes: 0,
    readKey: async () => storage.key,
    writeKey: async (bytes: Uint8Array) => {
      storage.key = bytes;
      storage.writes += 1;
    },
    readDomain: async () => storage.domain,
    writeDomain: async (domain: string | null) => {
      storage.domain = domain;
    },
  };
  return storage;
}

function storeOver(storage: AcademyKeyStorage, crypto: () => Promise<AcademyKeyCrypto> = () => loadCredentialsKeyCrypto({ cost: CHEAP, now: () => NOW })) {
  return createAcademyKeyStore({ storage, crypto, now: () => NOW });
}

const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes!);

describe('the academy key store', () => {
  it('has no key until one is made, then answers only its public part, the file sealed under the passphrase', async () => {
    const storage = memoryStorage();
    const store = storeOver(storage);
    expect(await store.get()).toBeNull();
    expect(await store.exportFile()).toBeNull();

    const created = await store.create(PASSPHRASE);
    expect(created.ok).toBe(true);
    const key = created.ok ? created.key! : null;
    expect(key).toMatchObject({ domain: null, didWeb: null, storage: 'user-data-file', created: new Date(NOW).toISOString() });
    expect(key!.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(key!.didKey).toBe(`did:key:${key!.publicKeyMultibase}`);
    expect(await store.get()).toEqual(key);
    const file = JSON.parse(text(storage.key)) as Record<string, unknown>;
    expect(file).toMatchObject({ kind: 'attache-academy-key', publicKeyMultibase: key!.publicKeyMultibase });
    expect(JSON.stringify(file)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(key)).not.toContain('ciphertext');
  });

  it('makes one key when asked twice at once, and refuses to make another over it', async () => {
    const storage = memoryStorage();
    const store = storeOver(storage);
    const [first, second] = await Promise.all([store.create(PASSPHRASE), store.create(PASSPHRASE)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(first.ok ? second : first).toMatchObject({ ok: false, problem: 'key-exists' });
    expect(storage.writes).toBe(1);
  });

  it('refuses a passphrase too short to keep the key under, keeping nothing', async () => {
    const storage = memoryStorage();
    const outcome = await storeOver(storage).create('short');
    expect(outcome).toMatchObject({ ok: false, problem: 'weak-passphrase' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/at least 10 characters/);
    expect(storage.key).toBeNull();
  });

  it('exports the key file byte for byte, and imports it elsewhere with its passphrase: the same public key', async () => {
    const here = memoryStorage();
    const store = storeOver(here);
    const created = await store.create(PASSPHRASE);
    const exported = await store.exportFile();
    expect(exported).toEqual(here.key);

    const elsewhere = memoryStorage();
    const other = storeOver(elsewhere);
    expect(await other.import({ bytes: exported!, passphrase: 'not the passphrase', newPassphrase: null, replace: false })).toMatchObject({
      ok: false,
      problem: 'wrong-passphrase',
    });
    expect(elsewhere.key).toBeNull();
    const imported = await other.import({ bytes: exported!, passphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE, replace: false });
    expect(imported.ok && imported.key?.didKey).toBe(created.ok && created.key?.didKey);
    // Kept under this computer's passphrase from now on.
    expect(await other.rewrap(PASSPHRASE, 'anything else at all')).toMatchObject({ ok: false, problem: 'wrong-passphrase' });
    expect((await other.rewrap(NEW_PASSPHRASE, PASSPHRASE)).ok).toBe(true);
  });

  it('refuses a file that is no key, and replaces a key only when asked', async () => {
    const storage = memoryStorage();
    const store = storeOver(storage);
    for (const bytes of [new TextEncoder().encode('{"kind":"something else"}'), new Uint8Array([0xff, 0xfe, 0x00])]) {
      const outcome = await store.import({ bytes, passphrase: PASSPHRASE, newPassphrase: null, replace: false });
      expect(outcome).toMatchObject({ ok: false, problem: 'not-a-key-file' });
      expect(outcome.ok ? '' : outcome.message).toMatch(/\.attache-key/);
    }
    await store.create(PASSPHRASE);
    const first = await store.get();
    const other = memoryStorage();
    await storeOver(other).create(PASSPHRASE);
    const otherFile = other.key!;
    expect(await store.import({ bytes: otherFile, passphrase: PASSPHRASE, newPassphrase: null, replace: false })).toMatchObject({ problem: 'key-exists' });
    expect((await store.get())!.didKey).toBe(first!.didKey);
    const replaced = await store.import({ bytes: otherFile, passphrase: PASSPHRASE, newPassphrase: null, replace: true });
    expect(replaced.ok && replaced.key!.didKey).not.toBe(first!.didKey);
  });

  it('rewraps the key under a new passphrase (the old one no longer opens it), and does nothing without a key', async () => {
    const storage = memoryStorage();
    const store = storeOver(storage);
    expect(await store.rewrap(PASSPHRASE, NEW_PASSPHRASE)).toEqual({ ok: true, key: null });
    await store.create(PASSPHRASE);
    const before = text(storage.key);
    expect(await store.rewrap('wrong passphrase here', NEW_PASSPHRASE)).toMatchObject({ ok: false, problem: 'wrong-passphrase' });
    expect(text(storage.key)).toBe(before);
    const rewrapped = await store.rewrap(PASSPHRASE, NEW_PASSPHRASE);
    expect(rewrapped.ok).toBe(true);
    expect(text(storage.key)).not.toBe(before);
    expect(JSON.parse(text(storage.key))).toMatchObject({ publicKeyMultibase: (JSON.parse(before) as { publicKeyMultibase: string }).publicKeyMultibase });
    expect(await store.rewrap(PASSPHRASE, NEW_PASSPHRASE)).toMatchObject({ ok: false, problem: 'wrong-passphrase' });
    expect((await store.rewrap(NEW_PASSPHRASE, PASSPHRASE)).ok).toBe(true);
  });

  it('keeps a did:web domain beside the key, and forgets it', async () => {
    const store = storeOver(memoryStorage());
    await store.create(PASSPHRASE);
    const withDomain = await store.setDomain('academy.example');
    expect(withDomain.ok && withDomain.key).toMatchObject({ domain: 'academy.example', didWeb: 'did:web:academy.example' });
    expect((await store.setDomain('academy.example:8443/attache')).ok && (await store.get())!.didWeb).toBe('did:web:academy.example%3A8443:attache');
    const without = await store.setDomain(null);
    expect(without.ok && without.key).toMatchObject({ domain: null, didWeb: null });
  });

  it('refuses to sign without a key, for a DID that is not the key’s, or a credential that is not an unsigned badge of that DID', async () => {
    const sign = vi.fn();
    const crypto = async (): Promise<AcademyKeyCrypto> => ({ ...(await loadCredentialsKeyCrypto({ cost: CHEAP })), sign });
    const store = storeOver(memoryStorage(), crypto);
    const badge = (issuer: unknown, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer, ...extra });
    expect(await store.sign({ credential: badge('did:key:z6Mk'), passphrase: PASSPHRASE, did: 'did:key:z6Mk' })).toMatchObject({
      ok: false,
      problem: 'no-key',
    });
    const created = await store.create(PASSPHRASE);
    const did = created.ok ? created.key!.didKey : '';
    expect(
      await store.sign({ credential: badge({ id: 'did:web:elsewhere.example' }), passphrase: PASSPHRASE, did: 'did:web:elsewhere.example' }),
    ).toMatchObject({
      problem: 'unknown-did',
    });
    for (const credential of [
      'not json',
      '[]',
      JSON.stringify({ type: ['VerifiableCredential'], issuer: did }),
      badge({ id: 'did:key:z6MkSomeoneElse' }),
      badge({ id: did }, { proof: { type: 'DataIntegrityProof' } }),
    ]) {
      expect(await store.sign({ credential, passphrase: PASSPHRASE, did })).toMatchObject({ ok: false, problem: 'bad-credential' });
    }
    expect(sign).not.toHaveBeenCalled();
  });
});

function unsignedBadge(did: string) {
  return buildOpenBadgeCredential({
    credentialId: 'urn:uuid:6f1c1d3e-2f43-4c55-9d0c-7b0a9a2f5e11',
    academy: { did, name: 'Diplomatic Academy', iri: 'https://academy.example/' },
    pack: { id: 'core-library' },
    course: {
      id: 'press-attache-foundations',
      title: { en: 'Press attaché foundations' },
      description: { en: 'Crisis communication.' },
      scenarios: ['flights-suspended'],
      completion: { rule: 'all-passed' },
    },
    scenarioTitles: { 'flights-suspended': { en: 'Flights suspended' } },
    recipient: { identityField: 'academyId', identity: 'AC-7', salt: 'f00dfeed0badcafe' },
    completedAt: NOW - 86_400_000,
    issuedAt: NOW,
    language: 'en',
  });
}

describe('signing a badge', { timeout: 60_000 }, () => {
  it('signs with the key under its passphrase (did:key and did:web), and the badge verifies offline; a wrong passphrase signs nothing', async () => {
    const store = storeOver(memoryStorage());
    const created = await store.create(PASSPHRASE);
    const key = created.ok ? created.key! : expect.unreachable();
    expect(await store.sign({ credential: JSON.stringify(unsignedBadge(key.didKey)), passphrase: 'not the passphrase', did: key.didKey })).toMatchObject({
      ok: false,
      problem: 'wrong-passphrase',
    });
    const signed = await store.sign({ credential: JSON.stringify(unsignedBadge(key.didKey)), passphrase: PASSPHRASE, did: key.didKey });
    const json = signed.ok ? signed.credential : expect.unreachable();
    expect(json).not.toContain(PASSPHRASE);
    expect(await verifyCredential(json, { now: NOW })).toMatchObject({ ok: true, issuer: { did: key.didKey, method: 'key' } });

    const withDomain = await store.setDomain('academy.example');
    const didWeb = withDomain.ok ? withDomain.key!.didWeb! : expect.unreachable();
    const web = await store.sign({ credential: JSON.stringify(unsignedBadge(didWeb)), passphrase: PASSPHRASE, did: didWeb });
    const webJson = web.ok ? web.credential : expect.unreachable();
    const { didDocumentOf } = await import('../../renderer/src/credentials/academy-key');
    expect(await verifyCredential(webJson, { now: NOW, didDocuments: [didDocumentOf(didWeb, key.publicKeyMultibase)] })).toMatchObject({ ok: true });
    // Offline, without the academy's published document, a did:web cannot be resolved.
    expect(await verifyCredential(webJson, { now: NOW })).toMatchObject({ ok: false, problems: [expect.objectContaining({ code: 'issuer-unresolved' })] });
  });
});

describe('a badge the app signs, checked by the command line', { timeout: 180_000 }, () => {
  /** `npm run records -- badge verify FILE`, without npm: tsx on the script, as the npm script runs it. */
  const verifyWithCli = (file: string) => {
    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/records.ts', 'badge', 'verify', file], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it('verifies as the app saved it, and is refused, naming the signature, once one character is changed', async () => {
    const store = storeOver(memoryStorage());
    const created = await store.create(PASSPHRASE);
    const did = created.ok ? created.key!.didKey : expect.unreachable();
    const signed = await store.sign({ credential: JSON.stringify(unsignedBadge(did)), passphrase: PASSPHRASE, did });
    const json = signed.ok ? signed.credential : expect.unreachable();
    const folder = mkdtempSync(path.join(tmpdir(), 'attache-badge-cli-'));
    const genuine = path.join(folder, 'badge.json');
    const edited = path.join(folder, 'edited.json');
    writeFileSync(genuine, json);
    writeFileSync(edited, json.replace('Press attaché foundations', 'Press attaché fundamentals'));

    const accepted = verifyWithCli(genuine);
    expect(accepted.status, accepted.output).toBe(0);
    const refused = verifyWithCli(edited);
    expect(refused.status, refused.output).toBe(1);
    expect(refused.output).toMatch(/signature/i);
  });
});

describe('the desktop key files', () => {
  it('keeps the key and the domain in the user-data folder, readable by this user only', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'attache-academy-key-'));
    const storage = academyKeyFiles(folder, nodeKeyFiles);
    expect(await storage.readKey()).toBeNull();
    expect(await storage.readDomain()).toBeNull();
    await storage.writeKey(new TextEncoder().encode('{"kind":"attache-academy-key"}'));
    await storage.writeDomain('academy.example');
    expect(text(await storage.readKey())).toBe('{"kind":"attache-academy-key"}');
    expect(await storage.readDomain()).toBe('academy.example');
    await storage.writeDomain(null);
    expect(await storage.readDomain()).toBeNull();
    expect(readdirSync(folder).sort()).toEqual([ACADEMY_DOMAIN_FILE, ACADEMY_KEY_FILE].sort());
    if (process.platform !== 'win32') expect(statSync(path.join(folder, ACADEMY_KEY_FILE)).mode & 0o777).toBe(0o600);
  });
});
