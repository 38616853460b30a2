import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAcademyKey } from '../renderer/src/credentials/academy-key';
import { readBakedCredential } from '../renderer/src/credentials/png';
import { openBadgeSchemaProblems } from '../renderer/src/credentials/schema';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const PASSPHRASE = 'the academy passphrase';
const records = (...args: string[]) => {
  const result = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'records.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ACADEMY_PASSPHRASE: PASSPHRASE, OTHER_PASSPHRASE: 'not the academy passphrase', SHORT_PASSPHRASE: 'short' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const folder = () => mkdtempSync(path.join(tmpdir(), 'attache-badges-'));

/** A key, a demo cohort of three (seed 1: the first completes both courses of the library, the others none) and its folders. */
function academy(options: { domain?: string } = {}) {
  const dir = folder();
  const key = path.join(dir, 'keys', 'academy.attache-key');
  const made = records('academy-key', 'new', '--out', key, '--passphrase-env', 'ACADEMY_PASSPHRASE', ...(options.domain ? ['--domain', options.domain] : []));
  expect(made.status, made.stderr).toBe(0);
  const cohort = path.join(dir, 'cohort');
  expect(records('demo', '--trainees', '3', '--seed', '1', '--out', cohort).status).toBe(0);
  const files = readdirSync(cohort)
    .sort()
    .map((name) => path.join(cohort, name));
  return { dir, key, files, made, out: path.join(dir, 'badges') };
}

const issueArgs = (key: string, out: string) => [
  'badge',
  'issue',
  '--academy-key',
  key,
  '--passphrase-env',
  'ACADEMY_PASSPHRASE',
  '--academy-name',
  'Diplomatic Academy',
  '--academy-iri',
  'https://academy.example/',
  '--out',
  out,
];

describe('npm run records -- academy-key new', { timeout: 120_000 }, () => {
  it('writes a sealed key and prints its did:key; with --domain also the did.json to publish; never overwrites', () => {
    const { key, made, dir } = academy({ domain: 'academy.example' });
    const file = parseAcademyKey(readFileSync(key, 'utf8'));
    expect(made.stdout).toContain(`did:key  did:key:${file.publicKeyMultibase}`);
    expect(made.stdout).toContain('did:web  did:web:academy.example');
    expect(made.stdout).toContain('publish it at https://academy.example/.well-known/did.json');
    expect(readFileSync(key, 'utf8')).not.toContain(PASSPHRASE);
    const didDocument = JSON.parse(readFileSync(path.join(dir, 'keys', 'did.json'), 'utf8')) as { id: string; assertionMethod: string[] };
    expect(didDocument.id).toBe('did:web:academy.example');
    expect(didDocument.assertionMethod).toEqual([`did:web:academy.example#${file.publicKeyMultibase}`]);

    const again = records('academy-key', 'new', '--out', key, '--passphrase-env', 'ACADEMY_PASSPHRASE');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; an academy key is never overwritten');
  });

  it('refuses a missing or short passphrase and a bad domain with exit 2 and the usage', () => {
    const out = path.join(folder(), 'k.attache-key');
    for (const [args, message] of [
      [['--out', out, '--passphrase-env', 'NO_SUCH_VARIABLE'], 'the environment variable NO_SUCH_VARIABLE is not set'],
      [['--out', out, '--passphrase-env', 'SHORT_PASSPHRASE'], 'shorter than 10 characters'],
      [['--out', out, '--passphrase-env', 'ACADEMY_PASSPHRASE', '--domain', 'localhost'], 'cannot make a did:web'],
      [['--passphrase-env', 'ACADEMY_PASSPHRASE'], '--out is required'],
    ] as const) {
      const result = records('academy-key', 'new', ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('usage: npm run records -- academy-key new');
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run records -- badge', { timeout: 180_000 }, () => {
  it('issues a signed credential (JSON and baked PNG) for each completed course, schema-valid, which verify accepts and an edit fails', () => {
    const { key, files, out, dir } = academy();
    const issued = records(...issueArgs(key, out), ...files);
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toMatch(/Press attaché foundations, completed \d{4}-\d{2}-\d{2} → /);
    expect(issued.stdout).toMatch(/Advanced press service, completed \d{4}-\d{2}-\d{2} → /);
    expect(issued.stdout).toContain('no course completed yet; nothing to issue.');
    expect(issued.stdout).toMatch(/2 credentials issued by did:key:z6Mk\w+ into .*; 0 of 3 files refused\./);
    const written = readdirSync(out).sort();
    // One credential per completed course, each as JSON and as a baked PNG.
    expect(written).toHaveLength(4);
    const jsonName = written.find((name) => name.endsWith('-press-attache-foundations.json'))!;
    const pngName = written.find((name) => name.endsWith('-press-attache-foundations.png'))!;
    expect(jsonName).toBeDefined();
    expect(pngName).toBeDefined();
    const json = readFileSync(path.join(out, jsonName), 'utf8');
    const credential = JSON.parse(json) as { credentialSubject: { identifier: { identityHash: string }[] } };
    expect(openBadgeSchemaProblems(credential)).toEqual([]);
    expect(readBakedCredential(new Uint8Array(readFileSync(path.join(out, pngName))))).toBe(json);

    const verified = records('badge', 'verify', path.join(out, jsonName), path.join(out, pngName));
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(
      /✓ .*\.json: Open Badges 3\.0 credential "Press attaché foundations" issued by Diplomatic Academy \(did:key:z6Mk\w+\) to identifier sha256\$/,
    );
    expect(verified.stdout).toContain('2 credentials: 2 verified, 0 not.');

    const edited = path.join(dir, 'edited.json');
    writeFileSync(edited, json.replace('"hashed": true', '"hashed": false'));
    const flipped = path.join(dir, 'flipped.png');
    const png = new Uint8Array(readFileSync(path.join(out, pngName)));
    png[png.length - 400]! ^= 0x04;
    writeFileSync(flipped, png);
    const refused = records('badge', 'verify', edited, flipped, path.join(out, jsonName));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`✗ ${edited}: it claims to be "Press attaché foundations"`);
    expect(refused.stderr).toContain('The signature does not match the credential: it was changed after it was signed.');
    expect(refused.stderr).toContain(`✗ ${flipped}: NOT VERIFIED:\n  - The picture is not a whole PNG: the iTXt chunk's checksum does not match.`);
    expect(refused.stdout).toContain('3 credentials: 1 verified, 2 not.');
  });

  it('as did:web, verifies only with the DID document given', () => {
    const { key, files, out, dir } = academy({ domain: 'academy.example' });
    const issued = records(...issueArgs(key, out), '--domain', 'academy.example', '--identity', 'email', '--language', 'ru', files[0]!);
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('Основы работы пресс-атташе');
    const jsonFile = path.join(
      out,
      readdirSync(out).find((name) => name.endsWith('.json'))!,
    );
    const without = records('badge', 'verify', jsonFile);
    expect(without.status).toBe(1);
    expect(without.stderr).toContain('its key is published at https://academy.example/.well-known/did.json, which is never fetched here');
    const withDocument = records('badge', 'verify', '--did-document', path.join(dir, 'keys', 'did.json'), jsonFile);
    expect(withDocument.status, withDocument.stderr).toBe(0);
    expect(withDocument.stdout).toContain('to emailAddress sha256$');
    expect(withDocument.stdout).toContain('by did:web');
  });

  it('refuses a wrong passphrase and bad input with exit 2; names a bad progress file with exit 1, issuing for the rest', () => {
    const { key, files, out, dir } = academy();
    const wrong = records(...issueArgs(key, out).map((arg) => (arg === 'ACADEMY_PASSPHRASE' ? 'OTHER_PASSPHRASE' : arg)), files[0]!);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('The passphrase does not open the academy key.');
    expect(records(...issueArgs(key, out).filter((arg) => arg !== '--academy-name' && arg !== 'Diplomatic Academy'), files[0]!).stderr).toContain(
      '--academy-name is required',
    );
    expect(records(...issueArgs(key, out), '--identity', 'passport', files[0]!).stderr).toContain('--identity takes academyId or email');
    expect(records(...issueArgs(key, out).map((arg) => (arg === 'https://academy.example/' ? 'urn:academy' : arg)), files[0]!).status).toBe(2);
    expect(records('badge', 'sign').status).toBe(2);
    expect(records('badge', 'verify').stderr).toContain('name at least one credential');

    const damaged = path.join(dir, 'damaged.attache-progress');
    const bytes = new Uint8Array(readFileSync(files[0]!));
    bytes[bytes.length - 300]! ^= 0xff;
    writeFileSync(damaged, bytes);
    const partly = records(...issueArgs(key, out), damaged, files[0]!);
    expect(partly.status).toBe(1);
    expect(partly.stderr).toContain(`✗ ${damaged}: `);
    expect(partly.stdout).toContain('2 credentials issued');
    expect(partly.stdout).toContain('1 of 2 files refused');
  });

  it('--help lists the commands and their usage', () => {
    const help = records('--help');
    expect(help.stdout).toMatch(/academy-key .*\n.*badge /);
    expect(records('badge', '--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('npm run records -- badge verify') });
    expect(records('academy-key', '--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('academy-key new --out FILE') });
  });
});
