// Runtime: any (pure core). The rules an academy's settings must meet, shared by the settings form and
// storage: its name, its IRI, the field its LMS matches trainees by, and the administrator passphrase.
import { normalizeSecret, PASSPHRASE_MIN_LENGTH, PIN_PATTERN } from './records/secret';

export const ACADEMY_NAME_MAX_LENGTH = 120;
export const ACADEMY_IRI_MAX_LENGTH = 2000;

/** How the academy's LMS recognises a trainee in an import: by the academy ID on their card, or by e-mail. */
export const IDENTITY_FIELDS = ['academyId', 'email'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export const DEFAULT_IDENTITY_FIELD: IdentityField = 'academyId';

export function isIdentityField(value: unknown): value is IdentityField {
  return typeof value === 'string' && (IDENTITY_FIELDS as readonly string[]).includes(value);
}

export interface AcademyInput {
  name: string;
  iri: string;
  identityField: IdentityField;
}

export interface ValidAcademy {
  /** Null when left empty: both are optional. */
  name: string | null;
  iri: string | null;
  identityField: IdentityField;
}

export type AcademyNameIssue = 'too-long' | 'control-characters';
/** `not-http`: a well-formed IRI of another scheme (urn:, mailto:, …); the academy's records need a web address. */
export type AcademyIriIssue = 'invalid' | 'not-http' | 'too-long';

export interface AcademyIssues {
  name?: AcademyNameIssue;
  iri?: AcademyIriIssue;
}

export type AcademyValidation = { ok: true; academy: ValidAcademy } | { ok: false; issues: AcademyIssues };

function characterCount(text: string): number {
  return Array.from(text).length;
}

// Control characters (tabs, new lines, NUL…) would break the CSV and XML the academy exports.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function academyNameIssue(name: string): AcademyNameIssue | null {
  const trimmed = name.trim();
  if (CONTROL_CHARACTERS.test(trimmed)) return 'control-characters';
  if (characterCount(trimmed) > ACADEMY_NAME_MAX_LENGTH) return 'too-long';
  return null;
}

// The parts of an http(s) IRI (RFC 3987): scheme, authority, then path, query and fragment.
const IRI_PARTS = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/iu;
/** Characters no IRI may hold anywhere (RFC 3987 leaves them out of every production). */
const NEVER_IN_IRI = /[\s<>"{}|\\^`]/u;
const HOST_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
const IP_LITERAL = /^\[[0-9a-f:.]+\]$/i;

function hostIssue(authority: string): boolean {
  // A user name or password would travel in every export: refused.
  if (authority.includes('@')) return true;
  const port = /:(\d{1,5})$/.exec(authority);
  if (port && Number(port[1]) > 65_535) return true;
  const host = port ? authority.slice(0, port.index) : authority;
  if (IP_LITERAL.test(host)) return false;
  const labels = host.split('.');
  return labels.length === 0 || labels.some((label) => !HOST_LABEL.test(label));
}

/**
 * An absolute http(s) IRI with a host, as an xAPI or Open Badges issuer id needs: letters of any script
 * are allowed (an IRI, not only a URI); spaces, control characters, stray percent signs and a user name
 * or password are not.
 */
export function academyIriIssue(iri: string): AcademyIriIssue | null {
  const trimmed = iri.trim();
  if (characterCount(trimmed) > ACADEMY_IRI_MAX_LENGTH) return 'too-long';
  const parts = IRI_PARTS.exec(trimmed);
  if (!parts || NEVER_IN_IRI.test(trimmed) || CONTROL_CHARACTERS.test(trimmed)) return 'invalid';
  const scheme = parts[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return 'not-http';
  const authority = parts[2];
  if (authority === undefined || authority.length === 0 || hostIssue(authority)) return 'invalid';
  if (/%(?![0-9a-f]{2})/i.test(trimmed)) return 'invalid';
  return null;
}

export function validateAcademy(input: AcademyInput): AcademyValidation {
  const issues: AcademyIssues = {};
  const name = input.name.trim();
  const iri = input.iri.trim();
  const nameIssue = academyNameIssue(name);
  if (nameIssue) issues.name = nameIssue;
  const iriIssue = iri.length > 0 ? academyIriIssue(iri) : null;
  if (iriIssue) issues.iri = iriIssue;
  if (issues.name || issues.iri) return { ok: false, issues };
  return {
    ok: true,
    academy: {
      name: name.length > 0 ? name : null,
      iri: iri.length > 0 ? iri : null,
      identityField: isIdentityField(input.identityField) ? input.identityField : DEFAULT_IDENTITY_FIELD,
    },
  };
}

/** A stored academy name is trusted only when it would pass the form. */
export function isAcademyName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() === value && value.length > 0 && academyNameIssue(value) === null;
}

export function isAcademyIri(value: unknown): value is string {
  return typeof value === 'string' && value.trim() === value && value.length > 0 && academyIriIssue(value) === null;
}

export type PassphraseIssue = 'too-short' | 'mismatch';

/** What is wrong with a new passphrase and its confirmation; null when it can be set. */
export function newPassphraseIssue(passphrase: string, confirmation: string): PassphraseIssue | null {
  if (characterCount(normalizeSecret(passphrase)) < PASSPHRASE_MIN_LENGTH) return 'too-short';
  if (normalizeSecret(passphrase) !== normalizeSecret(confirmation)) return 'mismatch';
  return null;
}

export type PinIssue = 'format' | 'mismatch';

/** What is wrong with a new PIN and its confirmation; null when it can be set. */
export function newPinIssue(pin: string, confirmation: string): PinIssue | null {
  if (!PIN_PATTERN.test(normalizeSecret(pin))) return 'format';
  if (normalizeSecret(pin) !== normalizeSecret(confirmation)) return 'mismatch';
  return null;
}
