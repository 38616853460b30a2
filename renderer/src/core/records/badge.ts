// Runtime: any (pure core). The Open Badges 3.0 credential an academy issues when a trainee completes
// a course: an unsigned OpenBadgeCredential (W3C Verifiable Credentials 2.0) naming the academy as
// issuer, the course as the achievement with its completion rule as criteria, and the trainee only by
// a salted hash of their academy ID or e-mail. Signing and verifying live in renderer/src/credentials;
// what a person reads of a credential (the app's screens, the PDF certificate) is badgeSummary's.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { IdentityField } from '../academy';
import type { Language } from '../locale';
import type { Course, Localized } from '../pack/schema';
import { courseActivityId } from './xapi';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** The contexts every credential carries, in this order (the schema wants the VC context first). */
export const OPEN_BADGE_CONTEXTS = [VC_CONTEXT_V2, OB_CONTEXT_V3] as const;
export const OPEN_BADGE_TYPES = ['VerifiableCredential', 'OpenBadgeCredential'] as const;

/** How the trainee is named in the credential: a salted SHA-256 of the identity (OB 3.0 IdentityObject). */
export interface IdentityObject {
  type: 'IdentityObject';
  /** `sha256$` then the hex SHA-256 of the identity followed by the salt. */
  identityHash: string;
  /** `identifier` for an academy ID, `emailAddress` for an e-mail. */
  identityType: 'identifier' | 'emailAddress';
  hashed: true;
  salt: string;
}

export interface Criteria {
  narrative: string;
}

export interface Achievement {
  id: string;
  type: ['Achievement'];
  achievementType: 'Course';
  name: string;
  description: string;
  criteria: Criteria;
  inLanguage: string;
}

export interface IssuerProfile {
  /** The academy's DID (did:key or did:web), whose key signs the credential. */
  id: string;
  type: ['Profile'];
  name: string;
  /** The academy's IRI. */
  url: string;
}

export interface AchievementSubject {
  type: ['AchievementSubject'];
  identifier: [IdentityObject];
  achievement: Achievement;
}

/** A Data Integrity proof as signing adds it (see credentials/sign.ts). */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: string;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
}

export interface OpenBadgeCredential {
  '@context': string[];
  /** `urn:uuid:…`, passed in. */
  id: string;
  type: string[];
  issuer: IssuerProfile;
  /** When the academy issued it (ISO 8601, seconds). */
  validFrom: string;
  validUntil?: string;
  /** When the trainee met the course's rule (ISO 8601, seconds). */
  awardedDate: string;
  name: string;
  credentialSubject: AchievementSubject;
  /** Signed: one Data Integrity proof in a list (the Open Badges 3.0 schema wants a list). */
  proof?: DataIntegrityProof[];
}

/** What an OpenBadgeCredential is built from; everything that varies (the id, the salt, the times) is passed in. */
export interface OpenBadgeInput {
  /** `urn:uuid:` and a random UUID, made by the caller. */
  credentialId: string;
  academy: {
    /** The DID whose key will sign (credentials/academy-key.ts: didKeyOf or didWebOf). */
    did: string;
    name: string;
    /** The academy's IRI (http or https). */
    iri: string;
  };
  pack: { id: string };
  course: Pick<Course, 'id' | 'title' | 'description' | 'scenarios' | 'completion'>;
  /** Titles of the course's scenarios by id (the pack's); a scenario missing here is named by its id. */
  scenarioTitles: ReadonlyMap<string, Localized> | Readonly<Record<string, Localized>>;
  recipient: {
    identityField: IdentityField;
    /** The trainee's academy ID or e-mail, as the academy's settings name them. */
    identity: string;
    /** A random salt, made by the caller (credentials: randomSalt), so the hash cannot be looked up. */
    salt: string;
  };
  /** When the course's rule was first met (courseProgress's completedAt), ms since the epoch. */
  completedAt: number;
  /** When the academy issues the credential, ms since the epoch. */
  issuedAt: number;
  /** The language of the achievement's name, description and criteria. */
  language: Language;
}

/** Thrown for input no credential can be built from (an empty identity, a non-URN id…): a programming error or bad settings. */
export class BadgeInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'BadgeInputError';
  }
}

const NARRATIVES: Record<Language, { allPassed: (list: string) => string; average: (min: number, list: string) => string; separator: string }> = {
  en: {
    allPassed: (list) => `Pass every scenario of the course: ${list}.`,
    average: (min, list) => `An average score of at least ${min} out of 100 over the best attempts at every scenario of the course: ${list}.`,
    separator: '; ',
  },
  ru: {
    allPassed: (list) => `Пройти каждый сценарий курса: ${list}.`,
    average: (min, list) => `Средний балл не ниже ${min} из 100 по лучшим попыткам во всех сценариях курса: ${list}.`,
    separator: '; ',
  },
  uk: {
    allPassed: (list) => `Пройти кожен сценарій курсу: ${list}.`,
    average: (min, list) => `Середній бал не нижче ${min} зі 100 за найкращими спробами в усіх сценаріях курсу: ${list}.`,
    separator: '; ',
  },
};

/** Text in the wanted language, else English, else the first language that has it. */
function textIn(text: Localized | undefined, language: string): string {
  if (!text) return '';
  return (
    text[language]?.trim() ||
    text.en?.trim() ||
    Object.values(text)
      .find((value) => value.trim().length > 0)
      ?.trim() ||
    ''
  );
}

/** The criteria narrative of a course's completion rule, naming its scenarios, in the language given. */
export function criteriaNarrative(
  course: Pick<Course, 'scenarios' | 'completion'>,
  scenarioTitles: OpenBadgeInput['scenarioTitles'],
  language: Language,
): string {
  const words = NARRATIVES[language] ?? NARRATIVES.en;
  const titleOf = (id: string) =>
    textIn(scenarioTitles instanceof Map ? scenarioTitles.get(id) : (scenarioTitles as Record<string, Localized>)[id], language) || id;
  const list = course.scenarios.map(titleOf).join(words.separator);
  return course.completion.rule === 'all-passed' ? words.allPassed(list) : words.average(course.completion.min, list);
}

/** An e-mail is hashed lower-cased and trimmed, an academy ID trimmed, so a verifier who types it gets the same hash. */
export function normalizedIdentity(identityField: IdentityField, identity: string): string {
  const trimmed = identity.trim();
  return identityField === 'email' ? trimmed.toLowerCase() : trimmed;
}

/** OB 3.0's identityHash: `sha256$` and the hex SHA-256 of the identity followed by the salt. */
export function identityHash(identity: string, salt: string): string {
  return `sha256$${bytesToHex(sha256(utf8ToBytes(identity + salt)))}`;
}

/** Whether a credential names this person: the identity hashed with the credential's salt. */
export function credentialNames(credential: Pick<OpenBadgeCredential, 'credentialSubject'>, identityField: IdentityField, identity: string): boolean {
  const [object] = credential.credentialSubject.identifier;
  if (!object) return false;
  const expectedType = identityField === 'email' ? 'emailAddress' : 'identifier';
  return object.identityType === expectedType && object.identityHash === identityHash(normalizedIdentity(identityField, identity), object.salt);
}

/** ISO 8601 to the second, as credentials carry dates (`2026-12-05T10:00:00Z`). */
export function credentialDate(milliseconds: number): string {
  return new Date(Math.floor(milliseconds / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

/**
 * The unsigned credential for a trainee's completed course. The same input gives the same JSON:
 * nothing here reads the clock or draws a random number.
 */
export function buildOpenBadgeCredential(input: OpenBadgeInput): OpenBadgeCredential {
  const { academy, course, recipient, language } = input;
  if (!URN_UUID.test(input.credentialId))
    throw new BadgeInputError(`The credential id must be urn:uuid: and a UUID, not "${input.credentialId}".`, 'credentialId');
  if (!DID.test(academy.did)) throw new BadgeInputError(`The issuer must be a DID (did:key:… or did:web:…), not "${academy.did}".`, 'academy.did');
  if (!/^https?:\/\/[^/\s]+/i.test(academy.iri))
    throw new BadgeInputError(`The academy's IRI must be an http(s) address, not "${academy.iri}".`, 'academy.iri');
  if (!academy.name.trim()) throw new BadgeInputError("The academy's name is needed: the credential names its issuer.", 'academy.name');
  const identity = normalizedIdentity(recipient.identityField, recipient.identity);
  if (!identity)
    throw new BadgeInputError(
      `The trainee's ${recipient.identityField === 'email' ? 'e-mail' : 'academy ID'} is needed to name them in the credential.`,
      'recipient.identity',
    );
  if (recipient.salt.length < 8) throw new BadgeInputError('The salt must be at least 8 characters, so the identity cannot be looked up.', 'recipient.salt');
  if (!Number.isFinite(input.completedAt) || !Number.isFinite(input.issuedAt))
    throw new BadgeInputError('The completion and issue times must be dates.', 'completedAt');

  const name = textIn(course.title, language) || course.id;
  return {
    '@context': [...OPEN_BADGE_CONTEXTS],
    id: input.credentialId,
    type: [...OPEN_BADGE_TYPES],
    issuer: { id: academy.did, type: ['Profile'], name: academy.name.trim(), url: academy.iri.trim() },
    validFrom: credentialDate(input.issuedAt),
    awardedDate: credentialDate(input.completedAt),
    name,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: identityHash(identity, recipient.salt),
          identityType: recipient.identityField === 'email' ? 'emailAddress' : 'identifier',
          hashed: true,
          salt: recipient.salt,
        },
      ],
      achievement: {
        id: courseActivityId(academy.iri.trim(), input.pack.id, course.id),
        type: ['Achievement'],
        achievementType: 'Course',
        name,
        description: textIn(course.description, language) || name,
        criteria: { narrative: criteriaNarrative(course, input.scenarioTitles, language) },
        inLanguage: language,
      },
    },
  };
}

/** What a person reads of a credential: for the app's screens and the PDF certificate. */
export interface BadgeSummary {
  credentialId: string;
  issuer: { id: string; name: string; url: string | null };
  achievement: { id: string; name: string; description: string; criteria: string };
  recipient: { identityType: string; identityHash: string; salt: string | null };
  /** ISO 8601 as the credential has them. */
  validFrom: string | null;
  validUntil: string | null;
  awardedDate: string | null;
  /** The proof's key and time, when it is signed. */
  proof: { cryptosuite: string; verificationMethod: string; created: string | null } | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/**
 * The summary of an OpenBadgeCredential. It reads what is there and never throws, so a credential
 * from elsewhere (an issuer given as a bare IRI, a missing field) still reads as far as it goes; whether
 * it is genuine is verifyCredential's question, not this one's.
 */
export function badgeSummary(credential: OpenBadgeCredential | Record<string, unknown>): BadgeSummary {
  const body = credential as Record<string, unknown>;
  const issuer = typeof body.issuer === 'string' ? { id: body.issuer } : record(body.issuer);
  const subject = record(first(body.credentialSubject));
  const achievement = record(subject.achievement);
  const identifier = record(first(subject.identifier));
  const proof = record(first(body.proof));
  return {
    credentialId: text(body.id) ?? '',
    issuer: { id: text(issuer.id) ?? '', name: text(issuer.name) ?? text(issuer.id) ?? '', url: text(issuer.url) },
    achievement: {
      id: text(achievement.id) ?? '',
      name: text(achievement.name) ?? text(body.name) ?? '',
      description: text(achievement.description) ?? '',
      criteria: text(record(achievement.criteria).narrative) ?? text(record(achievement.criteria).id) ?? '',
    },
    recipient: { identityType: text(identifier.identityType) ?? '', identityHash: text(identifier.identityHash) ?? '', salt: text(identifier.salt) },
    validFrom: text(body.validFrom),
    validUntil: text(body.validUntil),
    awardedDate: text(body.awardedDate),
    proof:
      Object.keys(proof).length > 0
        ? {
            cryptosuite: text(proof.cryptosuite) ?? text(proof.type) ?? '',
            verificationMethod: text(proof.verificationMethod) ?? '',
            created: text(proof.created),
          }
        : null,
  };
}
