// Runtime: Node (tests). Open Badges fixtures: a seeded random source, a cheap scrypt cost, an academy
// key and a credential for a completed course, each the same on every run.
import type { OpenBadgeInput } from '../core/records/badge';
import { buildOpenBadgeCredential } from '../core/records/badge';
import type { RandomBytes, ScryptCost } from '../credentials/academy-key';
import { createAcademyKey, unlockAcademyKey } from '../credentials/academy-key';

/** scrypt at its floor: the tests check the format, not the cost. */
export const TEST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

/** A deterministic byte source (xorshift32), the same bytes for the same seed. */
export function seededBytes(seed: number): RandomBytes {
  let state = seed >>> 0 || 1;
  return (length) =>
    Uint8Array.from({ length }, () => {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state & 0xff;
    });
}

export const ISSUED_AT = Date.UTC(2026, 11, 5, 10, 0, 0);
export const COMPLETED_AT = Date.UTC(2026, 11, 1, 9, 30, 0);
/** A time after issue, as a verifier's clock. */
export const LATER = Date.UTC(2027, 0, 15);

export async function testAcademyKey(seed = 1) {
  const file = await createAcademyKey(PASSPHRASE, { random: seededBytes(seed), now: Date.UTC(2026, 11, 1), cost: TEST_COST });
  return { file, unlocked: await unlockAcademyKey(file, PASSPHRASE) };
}

export function courseCredentialInput(did: string, overrides: Partial<OpenBadgeInput> = {}): OpenBadgeInput {
  return {
    credentialId: 'urn:uuid:0d6b8c2e-7f41-4f5a-9a3b-2c1d0e9f8a7b',
    academy: { did, name: 'Diplomatic Academy', iri: 'https://academy.example/' },
    pack: { id: 'core-library' },
    course: {
      id: 'press-attache-foundations',
      title: { en: 'Press attaché foundations', ru: 'Основы работы пресс-атташе' },
      description: { en: 'Crisis communication, outreach and policy discipline.', ru: 'Кризисные коммуникации и дисциплина позиции.' },
      scenarios: ['flights-suspended', 'visa-free-launch'],
      completion: { rule: 'average-score', min: 70 },
    },
    scenarioTitles: { 'flights-suspended': { en: 'Flights suspended' }, 'visa-free-launch': { en: 'Visa-free launch' } },
    recipient: { identityField: 'academyId', identity: 'ACD-0042', salt: 'c2FsdC1mb3ItdGVzdHM' },
    completedAt: COMPLETED_AT,
    issuedAt: ISSUED_AT,
    language: 'en',
    ...overrides,
  };
}

export const unsignedCredential = (did: string, overrides: Partial<OpenBadgeInput> = {}) => buildOpenBadgeCredential(courseCredentialInput(did, overrides));
