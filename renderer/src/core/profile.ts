// Runtime: any (pure core). The rules a trainee profile must meet, shared by the form and storage.

export const PROFILE_NAME_MAX_LENGTH = 80;
export const ACADEMY_ID_MAX_LENGTH = 40;
/** RFC 5321's limit for a whole address. */
export const EMAIL_MAX_LENGTH = 254;

/** Letters (any script), decimal digits, hyphens and underscores: what academies print on a trainee's card. */
const ACADEMY_ID_PATTERN = /^[\p{L}\p{Nd}_-]+$/u;

export interface ProfileInput {
  name: string;
  academyId: string;
  /** Optional: for academies whose LMS matches trainees by e-mail. Left out, a saved profile keeps its own. */
  email?: string;
}

export interface ValidProfile {
  name: string;
  /** Null when the trainee has no academy ID: the field is optional. */
  academyId: string | null;
  /** Null when the trainee gave none (or, with `email` left out of the input, when there is none to keep). */
  email: string | null;
}

/** `taken`: another profile on this device has the same name (see sameProfileName). */
export type NameIssue = 'required' | 'too-long' | 'taken';
export type AcademyIdIssue = 'invalid-characters' | 'too-long';
export type EmailIssue = 'invalid' | 'too-long';

export interface ProfileIssues {
  name?: NameIssue;
  academyId?: AcademyIdIssue;
  email?: EmailIssue;
}

export type ProfileValidation = { ok: true; profile: ValidProfile } | { ok: false; issues: ProfileIssues };

/** Length in code points, so that a name in any script counts the characters a person sees. */
function characterCount(text: string): number {
  return Array.from(text).length;
}

/** How many more characters the trimmed name may hold; negative when it is too long. */
export function nameCharactersLeft(name: string): number {
  return PROFILE_NAME_MAX_LENGTH - characterCount(name.trim());
}

export function validateProfile(input: ProfileInput): ProfileValidation {
  const name = input.name.trim();
  const academyId = input.academyId.trim();
  const issues: ProfileIssues = {};

  if (name.length === 0) issues.name = 'required';
  else if (characterCount(name) > PROFILE_NAME_MAX_LENGTH) issues.name = 'too-long';

  if (characterCount(academyId) > ACADEMY_ID_MAX_LENGTH) issues.academyId = 'too-long';
  else if (academyId.length > 0 && !ACADEMY_ID_PATTERN.test(academyId)) issues.academyId = 'invalid-characters';

  const email = (input.email ?? '').trim();
  const emailProblem = email.length > 0 ? emailIssue(email) : null;
  if (emailProblem) issues.email = emailProblem;

  if (issues.name || issues.academyId || issues.email) return { ok: false, issues };
  return { ok: true, profile: { name, academyId: academyId.length > 0 ? academyId : null, email: email.length > 0 ? email : null } };
}

// What an LMS takes as an address, without quoted local parts or IP-literal domains (no academy issues
// those): a local part of visible characters other than the specials, an @, and a domain of letter or
// digit labels (any script) whose last label has a letter.
const EMAIL_LOCAL_PART = /^[^\s@"(),:;<>[\\\]\p{Cc}]{1,64}$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;

/** What is wrong with a trimmed, non-empty e-mail address; null when an LMS would take it. */
export function emailIssue(email: string): EmailIssue | null {
  if (characterCount(email) > EMAIL_MAX_LENGTH) return 'too-long';
  const at = email.lastIndexOf('@');
  if (at <= 0) return 'invalid';
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (!EMAIL_LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'invalid';
  if (labels.length < 2 || labels.some((label) => !DOMAIN_LABEL.test(label))) return 'invalid';
  if (!/\p{L}/u.test(labels[labels.length - 1]!)) return 'invalid';
  return null;
}

/**
 * True when two names would be mistaken for each other in the profile picker: equal after trimming,
 * Unicode normalisation and case folding.
 */
export function sameProfileName(a: string, b: string): boolean {
  const fold = (name: string) => name.trim().normalize('NFC').toLowerCase();
  return fold(a) === fold(b);
}
