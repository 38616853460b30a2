// Runtime: any (pure core). The rules a trainee profile must meet, shared by the form and storage.

export const PROFILE_NAME_MAX_LENGTH = 80;
export const ACADEMY_ID_MAX_LENGTH = 40;

/** Letters (any script), decimal digits, hyphens and underscores: what academies print on a trainee's card. */
const ACADEMY_ID_PATTERN = /^[\p{L}\p{Nd}_-]+$/u;

export interface ProfileInput {
  name: string;
  academyId: string;
}

export interface ValidProfile {
  name: string;
  /** Null when the trainee has no academy ID: the field is optional. */
  academyId: string | null;
}

/** `taken`: another profile on this device has the same name (see sameProfileName). */
export type NameIssue = 'required' | 'too-long' | 'taken';
export type AcademyIdIssue = 'invalid-characters' | 'too-long';

export interface ProfileIssues {
  name?: NameIssue;
  academyId?: AcademyIdIssue;
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

  if (issues.name || issues.academyId) return { ok: false, issues };
  return { ok: true, profile: { name, academyId: academyId.length > 0 ? academyId : null } };
}

/**
 * True when two names would be mistaken for each other in the profile picker: equal after trimming,
 * Unicode normalisation and case folding.
 */
export function sameProfileName(a: string, b: string): boolean {
  const fold = (name: string) => name.trim().normalize('NFC').toLowerCase();
  return fold(a) === fold(b);
}
