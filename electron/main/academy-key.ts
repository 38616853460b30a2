// Runtime: any JavaScript with WebCrypto: the Electron main process (the desktop app: the key file in the
// user-data folder) and the web build's page (the key in the browser's storage), which both use this
// store with their own storage. No Node or DOM API here. The academy's signing key for Open Badges is an
// Ed25519 key encrypted under the administrator passphrase (renderer/src/credentials/academy-key.ts:
// scrypt + AES-GCM); the store keeps only that encrypted file, unlocks it for one signature at a time and
// forgets the passphrase and the private key as soon as the signature is made.
import type { AcademyKeyInfo, AcademyKeyOutcome, AcademyKeyProblem, BadgeSignOutcome } from '../contract/api';
import type { OpenBadgeCredential } from '../../renderer/src/core/records/badge';

/** Where the encrypted key file and the academy's did:web domain are kept. */
export interface AcademyKeyStorage {
  readonly kind: AcademyKeyInfo['storage'];
  /** The encrypted key file's bytes, or null when there is none. */
  readKey(): Promise<Uint8Array | null>;
  /** Replaces the key file whole (never half-written). */
  writeKey(bytes: Uint8Array): Promise<void>;
  readDomain(): Promise<string | null>;
  writeDomain(domain: string | null): Promise<void>;
}

/** What the store needs of the credentials library (bound in credentialsKeyCrypto), kept narrow so that tests can see each use. */
export interface AcademyKeyCrypto {
  /** A new key, encrypted under the passphrase: the key file's text. */
  create(passphrase: string): Promise<string>;
  /** The public key and creation time a key file states, without unlocking it; throws when the text is not an academy key file. */
  describe(fileText: string): { publicKeyMultibase: string; created: string };
  /** The same key encrypted under `newPassphrase`; throws (isWrongPassphrase) when `passphrase` does not open it. */
  rewrap(fileText: string, passphrase: string, newPassphrase: string): Promise<string>;
  /** The credential with an eddsa-rdfc-2022 proof by the unlocked key, naming `did`'s key as the verification method. */
  sign(fileText: string, passphrase: string, credential: Record<string, unknown>, options: { did: string; created: number }): Promise<Record<string, unknown>>;
  /** The refusal a thrown error stands for (a wrong passphrase, a file that is no key…), or null for anything else. */
  problemOf(error: unknown): { problem: AcademyKeyProblem; message: string } | null;
  didKeyOf(publicKeyMultibase: string): string;
  didWebOf(domain: string): string;
}

export interface AcademyKeyStore {
  get(): Promise<AcademyKeyInfo | null>;
  create(passphrase: string): Promise<AcademyKeyOutcome>;
  /** The encrypted key file as stored (a backup: still encrypted under the passphrase); null when there is none. */
  exportFile(): Promise<Uint8Array | null>;
  import(request: { bytes: Uint8Array; passphrase: string; newPassphrase: string | null; replace: boolean }): Promise<AcademyKeyOutcome>;
  rewrap(passphrase: string, newPassphrase: string): Promise<AcademyKeyOutcome>;
  setDomain(domain: string | null): Promise<AcademyKeyOutcome>;
  sign(request: { credential: string; passphrase: string; did: string }): Promise<BadgeSignOutcome>;
}

const MESSAGES: Record<AcademyKeyProblem, string> = {
  'wrong-passphrase': 'The passphrase does not open the academy key.',
  'weak-passphrase': 'The passphrase is too short to keep the academy key under.',
  damaged: 'The academy key file is damaged: use a backup of it.',
  'no-key': 'There is no academy signing key here yet: create one or import a backup first.',
  'key-exists': 'There is already an academy signing key here; replacing it must be asked for.',
  'not-a-key-file': 'The file is not an academy signing key (an .attache-key file saved by Attaché or by "npm run records -- academy-key new").',
  'unknown-did': 'The issuer DID is not this academy key’s did:key, nor the did:web of the domain set for it.',
  'bad-credential': 'The credential to sign is not an unsigned OpenBadgeCredential issued by the academy’s DID.',
};

function refusal(problem: AcademyKeyProblem, detail?: string): { ok: false; problem: AcademyKeyProblem; message: string } {
  return { ok: false, problem, message: detail ? `${MESSAGES[problem]} ${detail}` : MESSAGES[problem] };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function issuerId(credential: Record<string, unknown>): unknown {
  const issuer = credential.issuer;
  return typeof issuer === 'object' && issuer !== null ? (issuer as Record<string, unknown>).id : issuer;
}

/** Why a credential cannot be signed as the academy's badge, or null when it can. */
function credentialProblem(credential: unknown, did: string): string | null {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) return 'It is not a JSON object.';
  const record = credential as Record<string, unknown>;
  const types = Array.isArray(record.type) ? record.type : [record.type];
  if (!types.includes('OpenBadgeCredential')) return 'Its type does not include OpenBadgeCredential.';
  if ('proof' in record) return 'It is signed already.';
  if (issuerId(record) !== did) return `Its issuer is ${JSON.stringify(issuerId(record))}, not ${did}.`;
  return null;
}

export function createAcademyKeyStore(deps: { storage: AcademyKeyStorage; crypto: () => Promise<AcademyKeyCrypto>; now: () => number }): AcademyKeyStore {
  const { storage } = deps;

  // One operation at a time: two creations at once must not make two keys, nor a rewrap race an import.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const readText = async (): Promise<string | null> => {
    const bytes = await storage.readKey();
    return bytes === null ? null : decoder.decode(bytes);
  };

  const infoOf = (crypto: AcademyKeyCrypto, fileText: string, domain: string | null): AcademyKeyInfo => {
    const { publicKeyMultibase, created } = crypto.describe(fileText);
    return {
      publicKeyMultibase,
      didKey: crypto.didKeyOf(publicKeyMultibase),
      domain,
      didWeb: domain === null ? null : crypto.didWebOf(domain),
      created,
      storage: storage.kind,
    };
  };

  const current = async (): Promise<{ crypto: AcademyKeyCrypto; fileText: string; info: AcademyKeyInfo } | null> => {
    const fileText = await readText();
    if (fileText === null) return null;
    const crypto = await deps.crypto();
    return { crypto, fileText, info: infoOf(crypto, fileText, await storage.readDomain()) };
  };

  const refusalOr = (crypto: AcademyKeyCrypto, error: unknown) => {
    const known = crypto.problemOf(error);
    if (known === null) throw error;
    return { ok: false as const, ...known };
  };

  return {
    get: () => serial(async () => (await current())?.info ?? null),

    create: (passphrase) =>
      serial(async () => {
        if ((await storage.readKey()) !== null) return refusal('key-exists');
        const crypto = await deps.crypto();
        let fileText: string;
        try {
          fileText = await crypto.create(passphrase);
        } catch (error) {
          return refusalOr(crypto, error);
        }
        await storage.writeKey(encoder.encode(fileText));
        return { ok: true, key: infoOf(crypto, fileText, await storage.readDomain()) };
      }),

    exportFile: () => serial(() => storage.readKey()),

    import: ({ bytes, passphrase, newPassphrase, replace }) =>
      serial(async () => {
        if (!replace && (await storage.readKey()) !== null) return refusal('key-exists');
        const crypto = await deps.crypto();
        let fileText: string;
        try {
          fileText = decoder.decode(bytes);
        } catch {
          return refusal('not-a-key-file');
        }
        try {
          crypto.describe(fileText);
        } catch (error) {
          const known = crypto.problemOf(error);
          return known ? { ok: false, ...known } : refusal('not-a-key-file');
        }
        // Rewrapping unlocks the key, so a file the passphrase does not open is never kept; under the same
        // passphrase it is rewrapped too, which checks it the same way.
        try {
          fileText = await crypto.rewrap(fileText, passphrase, newPassphrase ?? passphrase);
        } catch (error) {
          return refusalOr(crypto, error);
        }
        await storage.writeKey(encoder.encode(fileText));
        return { ok: true, key: infoOf(crypto, fileText, await storage.readDomain()) };
      }),

    rewrap: (passphrase, newPassphrase) =>
      serial(async () => {
        const key = await current();
        if (key === null) return { ok: true, key: null };
        let fileText: string;
        try {
          fileText = await key.crypto.rewrap(key.fileText, passphrase, newPassphrase);
        } catch (error) {
          return refusalOr(key.crypto, error);
        }
        await storage.writeKey(encoder.encode(fileText));
        return { ok: true, key: key.info };
      }),

    setDomain: (domain) =>
      serial(async () => {
        await storage.writeDomain(domain);
        return { ok: true, key: (await current())?.info ?? null };
      }),

    sign: ({ credential, passphrase, did }) =>
      serial(async (): Promise<BadgeSignOutcome> => {
        const key = await current();
        if (key === null) return refusal('no-key');
        if (did !== key.info.didKey && did !== key.info.didWeb) return refusal('unknown-did');
        let unsigned: unknown;
        try {
          unsigned = JSON.parse(credential);
        } catch {
          return refusal('bad-credential', 'It is not valid JSON.');
        }
        const problem = credentialProblem(unsigned, did);
        if (problem !== null) return refusal('bad-credential', problem);
        try {
          const signed = await key.crypto.sign(key.fileText, passphrase, unsigned as Record<string, unknown>, {
            did,
            created: deps.now(),
          });
          return { ok: true, credential: `${JSON.stringify(signed, null, 2)}\n` };
        } catch (error) {
          return refusalOr(key.crypto, error);
        }
      }),
  };
}

/** Scrypt's cost for new and rewrapped keys; tests pass a cheap one, the app keeps the library's. */
export interface CredentialsKeyOptions {
  cost?: { N: number; r: number; p: number };
  random?: (length: number) => Uint8Array;
  now?: () => number;
}

/** The store's crypto from renderer/src/credentials, loaded when the key is first used (it is large). */
export async function loadCredentialsKeyCrypto(options: CredentialsKeyOptions = {}): Promise<AcademyKeyCrypto> {
  const keys = await import('../../renderer/src/credentials/academy-key');
  const random = options.random ?? keys.systemRandomBytes;
  const now = options.now ?? Date.now;
  const text = (file: unknown) => `${JSON.stringify(file, null, 2)}\n`;
  return {
    create: async (passphrase) => text(await keys.createAcademyKey(passphrase, { random, now: now(), ...(options.cost ? { cost: options.cost } : {}) })),
    describe: (fileText) => {
      const file = keys.parseAcademyKey(fileText);
      return { publicKeyMultibase: file.publicKeyMultibase, created: file.createdAt };
    },
    rewrap: async (fileText, passphrase, newPassphrase) =>
      text(await keys.rewrapAcademyKey(fileText, passphrase, newPassphrase, { random, ...(options.cost ? { cost: options.cost } : {}) })),
    sign: async (fileText, passphrase, credential, { did, created }) => {
      // The signing suite (JSON-LD, RDF canonicalisation) is the large part: loaded at the first signature.
      const [unlocked, signing] = await Promise.all([keys.unlockAcademyKey(fileText, passphrase), import('../../renderer/src/credentials/sign')]);
      // The store checked the credential's type and issuer; the library checks the rest as it signs.
      return (await signing.signCredential(credential as unknown as OpenBadgeCredential, unlocked, { did, created })) as unknown as Record<string, unknown>;
    },
    problemOf: (error) => {
      if (!(error instanceof keys.AcademyKeyError)) return null;
      const problem: AcademyKeyProblem = error.code === 'newer-version' ? 'not-a-key-file' : error.code;
      return { problem, message: `${error.message} ${error.hint}` };
    },
    didKeyOf: keys.didKeyOf,
    didWebOf: keys.didWebOf,
  };
}
