// Runtime: Node (Vitest). The academy settings rules: name, IRI, identity field, passphrase and PIN.
import { describe, expect, it } from 'vitest';
import {
  ACADEMY_IRI_MAX_LENGTH,
  ACADEMY_NAME_MAX_LENGTH,
  academyIriIssue,
  isAcademyIri,
  isAcademyName,
  isIdentityField,
  newPassphraseIssue,
  newPinIssue,
  validateAcademy,
} from './academy';
import { PASSPHRASE_MIN_LENGTH } from './records/secret';

describe('validateAcademy', () => {
  it('trims, and treats an empty name or IRI as none', () => {
    expect(validateAcademy({ name: '  Diplomatic Academy ', iri: ' https://academy.example.org/ ', identityField: 'email' })).toEqual({
      ok: true,
      academy: { name: 'Diplomatic Academy', iri: 'https://academy.example.org/', identityField: 'email' },
    });
    expect(validateAcademy({ name: ' ', iri: '', identityField: 'academyId' })).toEqual({
      ok: true,
      academy: { name: null, iri: null, identityField: 'academyId' },
    });
  });

  it('limits the name and refuses line breaks in it', () => {
    expect(validateAcademy({ name: 'Ж'.repeat(ACADEMY_NAME_MAX_LENGTH), iri: '', identityField: 'academyId' })).toMatchObject({ ok: true });
    expect(validateAcademy({ name: 'a'.repeat(ACADEMY_NAME_MAX_LENGTH + 1), iri: '', identityField: 'academyId' })).toEqual({
      ok: false,
      issues: { name: 'too-long' },
    });
    expect(validateAcademy({ name: 'Diplomatic\nAcademy', iri: '', identityField: 'academyId' })).toEqual({
      ok: false,
      issues: { name: 'control-characters' },
    });
  });

  it('reports the name and the IRI at once', () => {
    expect(validateAcademy({ name: 'a\tb', iri: 'academy.example.org', identityField: 'academyId' })).toEqual({
      ok: false,
      issues: { name: 'control-characters', iri: 'invalid' },
    });
  });
});

describe('academyIriIssue', () => {
  it.each([
    'https://academy.example.org',
    'http://academy.example.org/records/',
    'HTTPS://Academy.Example.org:8443/a/b?c=d#e',
    'https://академия.рф/курсы',
    'https://academy.example.org/%D0%B0',
    'https://[2001:db8::1]/',
    'https://intranet/',
  ])('accepts %j', (iri) => {
    expect(academyIriIssue(iri)).toBeNull();
    expect(isAcademyIri(iri)).toBe(true);
  });

  it.each([
    'academy.example.org',
    '//academy.example.org',
    'https:academy.example.org',
    'https://',
    'https:///path',
    'https://exa mple.org',
    'https://example.org/a b',
    'https://user:secret@example.org/',
    'https://example.org:99999/',
    'https://-bad-.org/',
    'https://example.org/<x>',
    'https://example.org/%zz',
    'https://example..org/',
  ])('refuses %j as not an IRI', (iri) => {
    expect(academyIriIssue(iri)).toBe('invalid');
  });

  it.each(['urn:uuid:0d6f1e9c-4b0b-4d2c-9d5b-1f1f1f1f1f1f', 'mailto:office@academy.example.org', 'ftp://academy.example.org/'])(
    'refuses %j: not http(s)',
    (iri) => {
      expect(academyIriIssue(iri)).toBe('not-http');
    },
  );

  it('limits the length', () => {
    const base = 'https://academy.example.org/';
    expect(academyIriIssue(base + 'a'.repeat(ACADEMY_IRI_MAX_LENGTH - base.length))).toBeNull();
    expect(academyIriIssue(base + 'a'.repeat(ACADEMY_IRI_MAX_LENGTH - base.length + 1))).toBe('too-long');
  });
});

describe('stored values', () => {
  it('trust only what the form would save', () => {
    expect(isAcademyName('Diplomatic Academy')).toBe(true);
    expect(isAcademyName(' Diplomatic Academy')).toBe(false);
    expect(isAcademyName('')).toBe(false);
    expect(isAcademyName(42)).toBe(false);
    expect(isAcademyIri(' https://academy.example.org')).toBe(false);
    expect(isAcademyIri(null)).toBe(false);
    expect(isIdentityField('email')).toBe(true);
    expect(isIdentityField('username')).toBe(false);
  });
});

describe('new secrets', () => {
  it(`need a passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters, typed the same twice`, () => {
    const short = 'ж'.repeat(PASSPHRASE_MIN_LENGTH - 1);
    expect(newPassphraseIssue(short, short)).toBe('too-short');
    expect(newPassphraseIssue(`  ${short}  `, short)).toBe('too-short');
    const enough = 'ж'.repeat(PASSPHRASE_MIN_LENGTH);
    expect(newPassphraseIssue(enough, enough)).toBeNull();
    expect(newPassphraseIssue(enough, `${enough} `)).toBeNull();
    expect(newPassphraseIssue(enough, `${enough}x`)).toBe('mismatch');
  });

  it('need a PIN of 4 to 8 digits, typed the same twice', () => {
    expect(newPinIssue('123', '123')).toBe('format');
    expect(newPinIssue('123456789', '123456789')).toBe('format');
    expect(newPinIssue('12a4', '12a4')).toBe('format');
    expect(newPinIssue('١٢٣٤', '١٢٣٤')).toBe('format');
    expect(newPinIssue('1234', '1234')).toBeNull();
    expect(newPinIssue('12345678', '12345678')).toBeNull();
    expect(newPinIssue('1234', '4321')).toBe('mismatch');
  });
});
