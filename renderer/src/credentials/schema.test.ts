import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBadgeValidatorSource, schemaAjv, SCHEMA_FILE, VALIDATOR_FILE } from '../../../scripts/open-badge-validator';
import { courseCredentialInput, ISSUED_AT, testAcademyKey, unsignedCredential } from '../test/credentials';
import { didKeyOf, didWebOf } from './academy-key';
import { openBadgeSchemaProblems } from './schema';
import { signCredential } from './sign';

/** The schema compiled now, at run time, by Ajv 2019 with ajv-formats: what the generated validator must agree with. */
const runtimeValidate = schemaAjv({ source: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

async function everyKindIssued() {
  const { unlocked } = await testAcademyKey();
  const credentials = [];
  for (const did of [didKeyOf(unlocked.publicKeyMultibase), didWebOf('academy.example')])
    for (const language of ['en', 'ru'] as const)
      for (const recipient of [
        { identityField: 'academyId' as const, identity: 'ACD-0042', salt: 'salt-for-the-test' },
        { identityField: 'email' as const, identity: 'anna@example.org', salt: 'another-salt-here' },
      ])
        for (const completion of [{ rule: 'all-passed' as const }, { rule: 'average-score' as const, min: 75 }]) {
          const course = { ...courseCredentialInput(did).course, completion };
          credentials.push(await signCredential(unsignedCredential(did, { language, recipient, course }), unlocked, { did, created: ISSUED_AT }));
        }
  return credentials;
}

describe('Open Badges 3.0 JSON Schema', () => {
  it('the generated validator is the one scripts/open-badge-validator.ts writes from the schema now', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(openBadgeValidatorSource());
  });

  it('every credential Attaché issues is valid (did:key and did:web, each language, academy ID and e-mail), signed and unsigned', async () => {
    const credentials = await everyKindIssued();
    expect(credentials).toHaveLength(16);
    for (const credential of credentials) {
      expect(openBadgeSchemaProblems(credential)).toEqual([]);
      expect(runtimeValidate(credential), JSON.stringify(runtimeValidate.errors)).toBe(true);
      const { proof: _proof, ...unsigned } = credential;
      expect(openBadgeSchemaProblems(unsigned)).toEqual([]);
    }
  });

  it.each([
    [
      'the VC 1.1 context first',
      (c: Record<string, unknown>) => (c['@context'] = ['https://www.w3.org/2018/credentials/v1', c['@context'] as string]),
      /@context\.0/,
    ],
    ['no OpenBadgeCredential type', (c: Record<string, unknown>) => (c.type = ['VerifiableCredential']), /type/],
    ['no validFrom', (c: Record<string, unknown>) => delete c.validFrom, /lacks "validFrom"/],
    ['a date without its zone', (c: Record<string, unknown>) => (c.validFrom = '2026-12-05 10:00'), /validFrom must match format "date-time"/],
    [
      'an identity hash that is not one',
      (c: Record<string, unknown>) => (subject(c).identifier[0]!.identityHash = 'ACD-0042'),
      /identityHash must match pattern/,
    ],
    ['an identity type out of the list', (c: Record<string, unknown>) => (subject(c).identifier[0]!.identityType = 'cardNumber'), /identityType/],
    ['an unknown field in the identity', (c: Record<string, unknown>) => (subject(c).identifier[0]!.name = 'Anna'), /has "name", which is not allowed/],
    ['no criteria', (c: Record<string, unknown>) => delete subject(c).achievement.criteria, /lacks "criteria"/],
    ['a proof as an object', (c: Record<string, unknown>) => (c.proof = (c.proof as unknown[])[0]), /proof must be array/],
  ])('refuses %s, naming it, as Ajv at run time does', async (_name, change, message) => {
    const [credential] = await everyKindIssued();
    const changed = structuredClone(credential) as unknown as Record<string, unknown>;
    change(changed);
    const problems = openBadgeSchemaProblems(changed);
    expect(problems.join('\n')).toMatch(message);
    expect(runtimeValidate(changed)).toBe(false);
  });
});

type Subject = { identifier: Record<string, unknown>[]; achievement: Record<string, unknown> };
const subject = (credential: Record<string, unknown>) => credential.credentialSubject as Subject;
