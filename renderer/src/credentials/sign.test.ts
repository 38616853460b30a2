import { describe, expect, it } from 'vitest';
import type { OpenBadgeCredential } from '../core/records/badge';
import { ISSUED_AT, LATER, testAcademyKey, unsignedCredential } from '../test/credentials';
import { didDocumentOf, didKeyOf, didWebOf } from './academy-key';
import type { VerificationResult } from './sign';
import { signCredential, verifyCredential } from './sign';

const codes = (result: VerificationResult) => (result.ok ? [] : result.problems.map((problem) => problem.code));

async function issued(method: 'key' | 'web' = 'key', seed = 1) {
  const { unlocked } = await testAcademyKey(seed);
  const did = method === 'key' ? didKeyOf(unlocked.publicKeyMultibase) : didWebOf('academy.example');
  const credential = await signCredential(unsignedCredential(did), unlocked, { did, created: ISSUED_AT });
  return { credential, did, unlocked, json: JSON.stringify(credential, null, 2), didDocument: didDocumentOf(did, unlocked.publicKeyMultibase) };
}

describe('signCredential', () => {
  it('adds one eddsa-rdfc-2022 Data Integrity proof by the academy key, created when told', async () => {
    const { credential, did, unlocked } = await issued();
    expect(credential.proof).toEqual([
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: '2026-12-05T10:00:00Z',
        verificationMethod: `${did}#${unlocked.publicKeyMultibase}`,
        proofPurpose: 'assertionMethod',
        proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/),
      },
    ]);
    const { proof: _proof, ...unsigned } = credential;
    expect(unsigned).toEqual(unsignedCredential(did));
  });

  it('gives the same bytes for the same key, credential and time (Ed25519 is deterministic)', async () => {
    expect((await issued()).json).toBe((await issued()).json);
    expect((await issued('key', 2)).json).not.toBe((await issued()).json);
  });

  it('refuses to sign for another issuer or twice', async () => {
    const { credential, unlocked } = await issued();
    await expect(
      signCredential(unsignedCredential('did:web:other.example'), unlocked, { did: didKeyOf(unlocked.publicKeyMultibase), created: ISSUED_AT }),
    ).rejects.toThrow(/issuer/);
    await expect(signCredential(credential, unlocked, { did: credential.issuer.id, created: ISSUED_AT })).rejects.toThrow(/already signed/);
  });
});

describe('verifyCredential', () => {
  it('verifies a did:key credential offline, from JSON text, bytes or an object, with its summary', async () => {
    const { credential, json, did } = await issued();
    for (const input of [json, new TextEncoder().encode(json), credential]) {
      const result = await verifyCredential(input, { now: LATER });
      expect(codes(result)).toEqual([]);
      if (!result.ok) continue;
      expect(result.issuer).toEqual({ did, method: 'key' });
      expect(result.summary).toMatchObject({
        issuer: { name: 'Diplomatic Academy' },
        achievement: { name: 'Press attaché foundations' },
        validFrom: '2026-12-05T10:00:00Z',
      });
    }
  });

  it('verifies a did:web credential with its DID document, and without it says where the document is published', async () => {
    const { json, didDocument } = await issued('web');
    const withDocument = await verifyCredential(json, { now: LATER, didDocuments: [didDocument] });
    expect(withDocument).toMatchObject({ ok: true, issuer: { did: 'did:web:academy.example', method: 'web' } });
    const without = await verifyCredential(json, { now: LATER });
    expect(codes(without)).toEqual(['issuer-unresolved']);
    expect(without.ok ? '' : without.problems[0]!.message).toContain('https://academy.example/.well-known/did.json');
    expect(without.ok ? '' : without.problems[0]!.hint).toContain('--did-document');
    // Another academy's document for the same did:web (another key): the signature is not its key's.
    const { unlocked: otherKey } = await testAcademyKey(5);
    const forged = await verifyCredential(json, { now: LATER, didDocuments: [didDocumentOf('did:web:academy.example', otherKey.publicKeyMultibase)] });
    expect(codes(forged)).toEqual(['issuer-unresolved']);
  });

  it('rejects a copy with one character changed anywhere in what was signed, naming the signature', async () => {
    const { json } = await issued();
    const signedPart = json.slice(0, json.indexOf('"proof"'));
    // Every letter or digit inside a string value of the signed part, changed to another of its kind.
    const positions = [...signedPart.matchAll(/: "([^"]+)"/g)].flatMap((match) => {
      const start = match.index + 3;
      return [...match[1]!].flatMap((character, offset) => (/[A-Za-z0-9]/.test(character) ? [start + offset] : []));
    });
    expect(positions.length).toBeGreaterThan(500);
    const sample = positions.filter((_, index) => index % 23 === 0);
    for (const position of sample) {
      const character = json[position]!;
      const replacement = /[0-9]/.test(character)
        ? String((Number(character) + 1) % 10)
        : character === 'a'
          ? 'b'
          : character === 'A'
            ? 'B'
            : /[a-z]/.test(character)
              ? 'a'
              : 'A';
      const tampered = json.slice(0, position) + replacement + json.slice(position + 1);
      const result = await verifyCredential(tampered, { now: LATER });
      expect(result.ok, `changed at ${position}: ${json.slice(position - 20, position + 20)}`).toBe(false);
    }
  });

  it('rejects a proof with its value, time or key changed', async () => {
    const { credential } = await issued();
    const proof = credential.proof![0]!;
    const last = proof.proofValue.at(-1) === 'a' ? 'b' : 'a';
    const { unlocked: other } = await testAcademyKey(6);
    for (const changed of [
      { ...proof, proofValue: proof.proofValue.slice(0, -1) + last },
      { ...proof, created: '2026-12-05T10:00:01Z' },
      { ...proof, verificationMethod: `${credential.issuer.id}#${other.publicKeyMultibase}` },
    ]) {
      const result = await verifyCredential({ ...credential, proof: [changed] }, { now: LATER });
      expect(result.ok, JSON.stringify(changed)).toBe(false);
      expect(codes(result).some((code) => code === 'signature' || code === 'issuer-unresolved')).toBe(true);
    }
  });

  it('names the signature when a property is edited, and still shows what the credential claims', async () => {
    const { json } = await issued();
    const tampered = json.replace('"name": "Press attaché foundations"', '"name": "Press attaché mastery"');
    expect(tampered).not.toBe(json);
    const result = await verifyCredential(tampered, { now: LATER });
    expect(codes(result)).toEqual(['signature']);
    expect(result.ok ? '' : result.problems[0]!.message).toBe('The signature does not match the credential: it was changed after it was signed.');
    expect(result.ok ? null : result.credential?.name).toBe('Press attaché mastery');
  });

  it('names dates: valid only from later, or expired', async () => {
    const { json } = await issued();
    expect(codes(await verifyCredential(json, { now: ISSUED_AT - 86_400_000 }))).toEqual(['not-yet-valid']);
    // A verifier's clock a minute behind the issuer's is no reason to refuse.
    expect(codes(await verifyCredential(json, { now: ISSUED_AT - 60_000 }))).toEqual([]);
    const { unlocked } = await testAcademyKey();
    const did = didKeyOf(unlocked.publicKeyMultibase);
    const expiring: OpenBadgeCredential = { ...unsignedCredential(did), validUntil: '2027-01-01T00:00:00Z' };
    const signed = await signCredential(expiring, unlocked, { did, created: ISSUED_AT });
    expect(codes(await verifyCredential(signed, { now: Date.UTC(2026, 11, 20) }))).toEqual([]);
    const late = await verifyCredential(signed, { now: LATER });
    expect(codes(late)).toEqual(['expired']);
    expect(late.ok ? '' : late.problems[0]!.message).toBe('The credential expired on 2027-01-01T00:00:00Z.');
  });

  it('names what is not a credential: not JSON, not an Open Badge, unsigned, another proof, too large', async () => {
    const { credential, did } = await issued();
    expect(codes(await verifyCredential('{"type": ', { now: LATER }))).toEqual(['not-json']);
    expect(codes(await verifyCredential({ type: ['VerifiableCredential'] }, { now: LATER }))).toEqual(['not-open-badge']);
    expect(codes(await verifyCredential(unsignedCredential(did), { now: LATER }))).toEqual(['unsigned']);
    const jws = { ...credential, proof: [{ ...credential.proof![0]!, type: 'Ed25519Signature2020' }] };
    expect(codes(await verifyCredential(jws, { now: LATER }))).toEqual(['unsupported-proof']);
    expect(codes(await verifyCredential('x'.repeat(2 * 1024 * 1024), { now: LATER }))).toEqual(['too-large']);
  });

  it('names schema problems, an issuer that did not sign, and an issuer that cannot be resolved offline', async () => {
    const { credential } = await issued();
    const noSubjectType = structuredClone(credential) as unknown as { credentialSubject: Record<string, unknown> };
    delete noSubjectType.credentialSubject.type;
    const schema = await verifyCredential(noSubjectType, { now: LATER });
    expect(codes(schema)).toContain('schema');
    expect(schema.ok ? '' : schema.problems[0]!.message).toBe('It does not meet the Open Badges 3.0 schema: credentialSubject lacks "type".');

    const { unlocked: other } = await testAcademyKey(4);
    const claimed = { ...credential, issuer: { ...credential.issuer, id: didKeyOf(other.publicKeyMultibase) } };
    expect(codes(await verifyCredential(claimed, { now: LATER }))).toEqual(['issuer-mismatch']);
    const webIssuer = { ...credential, issuer: { ...credential.issuer, id: 'https://academy.example/' } };
    expect(codes(await verifyCredential(webIssuer, { now: LATER }))).toEqual(['issuer-unresolved']);
  });

  it('refuses a context it does not hold rather than fetching it', async () => {
    const { credential } = await issued();
    const extended = { ...credential, '@context': [...credential['@context'], 'https://example.org/contexts/extra.json'] };
    const result = await verifyCredential(extended, { now: LATER });
    expect(codes(result)).toEqual(['unknown-context']);
    expect(result.ok ? '' : result.problems[0]!.message).toContain('https://example.org/contexts/extra.json');
  });
});
