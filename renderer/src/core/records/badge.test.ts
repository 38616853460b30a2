import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { OpenBadgeInput } from './badge';
import { BadgeInputError, badgeSummary, buildOpenBadgeCredential, credentialNames, criteriaNarrative, identityHash } from './badge';
import { courseActivityId } from './xapi';

const input = (overrides: Partial<OpenBadgeInput> = {}): OpenBadgeInput => ({
  credentialId: 'urn:uuid:6a1f3c1e-2b7d-4c1a-9f00-1d2e3f4a5b6c',
  academy: { did: 'did:web:academy.example', name: 'Diplomatic Academy', iri: 'https://academy.example/' },
  pack: { id: 'core-library' },
  course: {
    id: 'foundations',
    title: { en: 'Press attaché foundations', ru: 'Основы работы пресс-атташе' },
    description: { en: 'Crisis communication on every platform.', ru: 'Кризисные коммуникации на всех платформах.' },
    scenarios: ['flights', 'visa'],
    completion: { rule: 'average-score', min: 70 },
  },
  scenarioTitles: { flights: { en: 'Flights suspended', ru: 'Рейсы отменены' }, visa: { en: 'Visa-free launch' } },
  recipient: { identityField: 'academyId', identity: ' ACD-0042 ', salt: 'c2FsdHNhbHQ' },
  completedAt: Date.UTC(2026, 11, 1, 9, 30, 15, 250),
  issuedAt: Date.UTC(2026, 11, 5, 10, 0, 0),
  language: 'en',
  ...overrides,
});

describe('buildOpenBadgeCredential', () => {
  it('builds an OpenBadgeCredential: contexts, types, the academy as issuer, the course as achievement, dates to the second', () => {
    const credential = buildOpenBadgeCredential(input());
    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe('urn:uuid:6a1f3c1e-2b7d-4c1a-9f00-1d2e3f4a5b6c');
    expect(credential.issuer).toEqual({ id: 'did:web:academy.example', type: ['Profile'], name: 'Diplomatic Academy', url: 'https://academy.example/' });
    expect(credential.validFrom).toBe('2026-12-05T10:00:00Z');
    expect(credential.awardedDate).toBe('2026-12-01T09:30:15Z');
    expect(credential.name).toBe('Press attaché foundations');
    const { achievement } = credential.credentialSubject;
    expect(achievement.id).toBe(courseActivityId('https://academy.example/', 'core-library', 'foundations'));
    expect(achievement).toMatchObject({
      type: ['Achievement'],
      achievementType: 'Course',
      description: 'Crisis communication on every platform.',
      inLanguage: 'en',
    });
    expect(achievement.criteria.narrative).toBe(
      'An average score of at least 70 out of 100 over the best attempts at every scenario of the course: Flights suspended; Visa-free launch.',
    );
    expect(credential.proof).toBeUndefined();
  });

  it('names the trainee only by a salted SHA-256 of the trimmed academy ID, or the lower-cased e-mail', () => {
    const byId = buildOpenBadgeCredential(input()).credentialSubject.identifier[0];
    expect(byId).toEqual({
      type: 'IdentityObject',
      identityHash: `sha256$${bytesToHex(sha256(utf8ToBytes('ACD-0042c2FsdHNhbHQ')))}`,
      identityType: 'identifier',
      hashed: true,
      salt: 'c2FsdHNhbHQ',
    });
    expect(JSON.stringify(buildOpenBadgeCredential(input()))).not.toContain('ACD-0042');

    const byEmail = buildOpenBadgeCredential(input({ recipient: { identityField: 'email', identity: 'Anna@Example.org', salt: 'pepper-1234' } }));
    expect(byEmail.credentialSubject.identifier[0]).toMatchObject({
      identityType: 'emailAddress',
      identityHash: identityHash('anna@example.org', 'pepper-1234'),
    });
    expect(credentialNames(byEmail, 'email', ' anna@example.ORG')).toBe(true);
    expect(credentialNames(byEmail, 'email', 'boris@example.org')).toBe(false);
    expect(credentialNames(byEmail, 'academyId', 'anna@example.org')).toBe(false);
    expect(credentialNames(buildOpenBadgeCredential(input()), 'academyId', 'ACD-0042')).toBe(true);
  });

  it('writes the criteria from the completion rule, in the language given, falling back to English titles and then ids', () => {
    const allPassed = { scenarios: ['flights', 'visa', 'unknown'], completion: { rule: 'all-passed' as const } };
    expect(criteriaNarrative(allPassed, input().scenarioTitles, 'en')).toBe('Pass every scenario of the course: Flights suspended; Visa-free launch; unknown.');
    expect(criteriaNarrative(allPassed, new Map(Object.entries(input().scenarioTitles)), 'ru')).toBe(
      'Пройти каждый сценарий курса: Рейсы отменены; Visa-free launch; unknown.',
    );
    const russian = buildOpenBadgeCredential(input({ language: 'ru' }));
    expect(russian.name).toBe('Основы работы пресс-атташе');
    expect(russian.credentialSubject.achievement.criteria.narrative).toMatch(/^Средний балл не ниже 70 из 100/);
    expect(russian.credentialSubject.achievement.inLanguage).toBe('ru');
  });

  it('gives the same JSON for the same input, and another for another salt or id', () => {
    expect(JSON.stringify(buildOpenBadgeCredential(input()))).toBe(JSON.stringify(buildOpenBadgeCredential(input())));
    const otherSalt = buildOpenBadgeCredential(input({ recipient: { identityField: 'academyId', identity: 'ACD-0042', salt: 'another-salt' } }));
    expect(otherSalt.credentialSubject.identifier[0].identityHash).not.toBe(buildOpenBadgeCredential(input()).credentialSubject.identifier[0].identityHash);
  });

  it.each([
    [{ credentialId: '6a1f3c1e-2b7d-4c1a-9f00-1d2e3f4a5b6c' }, 'credentialId'],
    [{ academy: { did: 'https://academy.example', name: 'A', iri: 'https://academy.example' } }, 'academy.did'],
    [{ academy: { did: 'did:key:z6Mk', name: 'A', iri: 'urn:academy' } }, 'academy.iri'],
    [{ academy: { did: 'did:key:z6Mk', name: '  ', iri: 'https://academy.example' } }, 'academy.name'],
    [{ recipient: { identityField: 'email' as const, identity: ' ', salt: 'salt-salt-salt' } }, 'recipient.identity'],
    [{ recipient: { identityField: 'academyId' as const, identity: 'ACD-1', salt: 'short' } }, 'recipient.salt'],
  ])('refuses input no credential can be built from (%j)', (overrides, field) => {
    expect(() => buildOpenBadgeCredential(input(overrides))).toThrow(BadgeInputError);
    try {
      buildOpenBadgeCredential(input(overrides));
    } catch (error) {
      expect((error as BadgeInputError).field).toBe(field);
    }
  });
});

describe('badgeSummary', () => {
  it('reads issuer, achievement, recipient hash, dates and the proof', () => {
    const credential = buildOpenBadgeCredential(input());
    const signed = {
      ...credential,
      proof: {
        type: 'DataIntegrityProof' as const,
        cryptosuite: 'eddsa-rdfc-2022',
        created: '2026-12-05T10:00:00Z',
        verificationMethod: 'did:web:academy.example#key-1',
        proofPurpose: 'assertionMethod',
        proofValue: 'z5abc',
      },
    };
    expect(badgeSummary(signed)).toEqual({
      credentialId: credential.id,
      issuer: { id: 'did:web:academy.example', name: 'Diplomatic Academy', url: 'https://academy.example/' },
      achievement: {
        id: credential.credentialSubject.achievement.id,
        name: 'Press attaché foundations',
        description: 'Crisis communication on every platform.',
        criteria: credential.credentialSubject.achievement.criteria.narrative,
      },
      recipient: { identityType: 'identifier', identityHash: credential.credentialSubject.identifier[0].identityHash, salt: 'c2FsdHNhbHQ' },
      validFrom: '2026-12-05T10:00:00Z',
      validUntil: null,
      awardedDate: '2026-12-01T09:30:15Z',
      proof: { cryptosuite: 'eddsa-rdfc-2022', verificationMethod: 'did:web:academy.example#key-1', created: '2026-12-05T10:00:00Z' },
    });
    expect(badgeSummary(credential).proof).toBeNull();
  });

  it('reads a credential from elsewhere as far as it goes, without throwing', () => {
    const summary = badgeSummary({ id: 'urn:x', issuer: 'https://issuer.example', credentialSubject: [{ achievement: { name: 'Other' } }] });
    expect(summary.issuer).toEqual({ id: 'https://issuer.example', name: 'https://issuer.example', url: null });
    expect(summary.achievement.name).toBe('Other');
    expect(summary.recipient.identityHash).toBe('');
    expect(badgeSummary({}).credentialId).toBe('');
  });
});
