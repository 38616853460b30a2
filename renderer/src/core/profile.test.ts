// Runtime: Node (Vitest). The trainee profile rules.
import { describe, expect, it } from 'vitest';
import { ACADEMY_ID_MAX_LENGTH, EMAIL_MAX_LENGTH, PROFILE_NAME_MAX_LENGTH, emailIssue, nameCharactersLeft, sameProfileName, validateProfile } from './profile';

describe('validateProfile', () => {
  it('trims the name and the academy ID', () => {
    expect(validateProfile({ name: '  Anna Petrova ', academyId: ' DA-2026_07 ' })).toEqual({
      ok: true,
      profile: { name: 'Anna Petrova', academyId: 'DA-2026_07', email: null },
    });
  });

  it('treats an empty academy ID as none', () => {
    expect(validateProfile({ name: 'Anna', academyId: '   ' })).toEqual({ ok: true, profile: { name: 'Anna', academyId: null, email: null } });
  });

  it('requires a name', () => {
    expect(validateProfile({ name: '   ', academyId: '' })).toEqual({ ok: false, issues: { name: 'required' } });
  });

  it('accepts a name of exactly the maximum length, in any script', () => {
    const name = 'Ж'.repeat(PROFILE_NAME_MAX_LENGTH);
    expect(validateProfile({ name, academyId: '' })).toMatchObject({ ok: true });
  });

  it('rejects a name one character too long', () => {
    const name = 'a'.repeat(PROFILE_NAME_MAX_LENGTH + 1);
    expect(validateProfile({ name, academyId: '' })).toEqual({ ok: false, issues: { name: 'too-long' } });
  });

  it('accepts letters of any script, digits, hyphens and underscores in the academy ID', () => {
    expect(validateProfile({ name: 'Anna', academyId: 'ДА-2026_x' })).toMatchObject({ ok: true });
  });

  it.each(['DA 2026', 'DA/2026', 'DA.2026', 'DA#1', 'Ⅻ'])('rejects the academy ID %j', (academyId) => {
    expect(validateProfile({ name: 'Anna', academyId })).toEqual({ ok: false, issues: { academyId: 'invalid-characters' } });
  });

  it('limits the academy ID length', () => {
    expect(validateProfile({ name: 'Anna', academyId: '1'.repeat(ACADEMY_ID_MAX_LENGTH) })).toMatchObject({ ok: true });
    expect(validateProfile({ name: 'Anna', academyId: '1'.repeat(ACADEMY_ID_MAX_LENGTH + 1) })).toEqual({
      ok: false,
      issues: { academyId: 'too-long' },
    });
  });

  it('reports every field that fails at once', () => {
    expect(validateProfile({ name: '', academyId: 'a b' })).toEqual({
      ok: false,
      issues: { name: 'required', academyId: 'invalid-characters' },
    });
  });
});

describe('the profile e-mail', () => {
  it('is optional: left out or blank, there is none', () => {
    expect(validateProfile({ name: 'Anna', academyId: '' })).toMatchObject({ ok: true, profile: { email: null } });
    expect(validateProfile({ name: 'Anna', academyId: '', email: '   ' })).toMatchObject({ ok: true, profile: { email: null } });
  });

  it('is kept trimmed and as typed', () => {
    expect(validateProfile({ name: 'Anna', academyId: '', email: ' Anna.Petrova+course@Academy.example.org ' })).toEqual({
      ok: true,
      profile: { name: 'Anna', academyId: null, email: 'Anna.Petrova+course@Academy.example.org' },
    });
  });

  it.each(['anna@academy.example', "o'brien@mfa.gov.ie", 'анна@академия.рф', 'a_b-c@sub.domain.co.uk', '1@x.io'])('accepts %j', (email) => {
    expect(emailIssue(email)).toBeNull();
  });

  it.each([
    'anna',
    'anna@',
    '@academy.example',
    'anna@academy',
    'anna@@academy.example',
    'anna petrova@academy.example',
    'anna@academy .example',
    'anna@academy..example',
    'anna@-academy.example',
    'anna@academy.example.',
    '.anna@academy.example',
    'an..na@academy.example',
    'anna@127.0.0.1',
    'anna,ivan@academy.example',
    '"anna"@academy.example',
    'an\nna@academy.example',
  ])('refuses %j with a clear issue', (email) => {
    expect(emailIssue(email)).toBe('invalid');
    expect(validateProfile({ name: 'Anna', academyId: '', email })).toEqual({ ok: false, issues: { email: 'invalid' } });
  });

  it('limits the length of the whole address and of its local part', () => {
    const domain = '@academy.example';
    expect(emailIssue('a'.repeat(64) + domain)).toBeNull();
    expect(emailIssue('a'.repeat(65) + domain)).toBe('invalid');
    const long = `anna@${['d', 'e', 'f', 'g'].map((letter) => letter.repeat(60)).join('.')}.${'h'.repeat(EMAIL_MAX_LENGTH - 5 - 4 * 61)}`;
    expect(Array.from(long).length).toBe(EMAIL_MAX_LENGTH);
    expect(emailIssue(long)).toBeNull();
    expect(emailIssue(`${long}h`)).toBe('too-long');
  });

  it('is reported together with the other fields', () => {
    expect(validateProfile({ name: '', academyId: 'a b', email: 'nope' })).toEqual({
      ok: false,
      issues: { name: 'required', academyId: 'invalid-characters', email: 'invalid' },
    });
  });
});

describe('nameCharactersLeft', () => {
  it('counts the trimmed name in characters, not UTF-16 units', () => {
    expect(nameCharactersLeft('')).toBe(PROFILE_NAME_MAX_LENGTH);
    expect(nameCharactersLeft('  Anna  ')).toBe(PROFILE_NAME_MAX_LENGTH - 4);
    expect(nameCharactersLeft('𝒜nna')).toBe(PROFILE_NAME_MAX_LENGTH - 4);
    expect(nameCharactersLeft('a'.repeat(PROFILE_NAME_MAX_LENGTH + 2))).toBe(-2);
  });
});

describe('sameProfileName', () => {
  it('ignores surrounding spaces and case, in any script', () => {
    expect(sameProfileName('  Anna Petrova ', 'anna petrova')).toBe(true);
    expect(sameProfileName('АННА', 'анна')).toBe(true);
  });

  it('treats composed and decomposed letters as the same', () => {
    expect(sameProfileName('Zo\u00eb', 'Zoe\u0308')).toBe(true);
  });

  it('tells different names apart', () => {
    expect(sameProfileName('Anna Petrova', 'Anna Petrov')).toBe(false);
    expect(sameProfileName('Anna', 'Anna P')).toBe(false);
  });
});
