// Runtime: Node (scripts). Open Badges 3.0 from the command line, with the same code as the app:
//   academy-key new --out FILE --passphrase-env VAR [--domain D]
//       makes the academy's Ed25519 key, sealed under the passphrase in the environment variable VAR;
//       with --domain also writes the did:web document to publish at https://D/.well-known/did.json.
//   badge issue --academy-key FILE --passphrase-env VAR --academy-name N --academy-iri IRI --out DIR FILE…
//       verifies each progress file as `records -- verify` does, and writes a signed credential for each
//       course the file shows completed (by the built-in library's and --pack's courses): JSON and PNG.
//   badge verify FILE… [--did-document FILE]…
//       verifies credentials (JSON or baked PNG) offline; exit 1 naming why for any that fails.
// Exit 0 done, 1 a file refused or a credential not verified, 2 bad usage.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { v4 as uuidv4 } from 'uuid';
import { isIdentityField, type IdentityField } from '../../renderer/src/core/academy';
import { academyIriIssue } from '../../renderer/src/core/academy';
import { GRADER_VERSION } from '../../renderer/src/core/grading/version';
import { isLanguage, type Language } from '../../renderer/src/core/locale';
import type { Pack } from '../../renderer/src/core/pack/load';
import type { BadgeSummary } from '../../renderer/src/core/records/badge';
import { BadgeInputError, buildOpenBadgeCredential } from '../../renderer/src/core/records/badge';
import type { VerifiedProgressFile } from '../../renderer/src/core/records/progress-file';
import { courseProgress } from '../../renderer/src/core/records/progress';
import { createRegrader, type Regrader } from '../../renderer/src/core/records/regrade';
import type { UnlockedAcademyKey } from '../../renderer/src/credentials/academy-key';
import {
  ACADEMY_KEY_EXTENSION,
  AcademyKeyError,
  createAcademyKey,
  didDocumentOf,
  didKeyOf,
  didWebDocumentUrl,
  didWebDomainIssue,
  didWebOf,
  parseAcademyKey,
  systemRandomBytes,
  unlockAcademyKey,
} from '../../renderer/src/credentials/academy-key';
import { BADGE_IMAGE_PNG, bakeCredential } from '../../renderer/src/credentials/png';
import { signCredential, verifyCredential } from '../../renderer/src/credentials/sign';
import { CliInputError, loadPackOrExplain } from './load-pack';
import { checkProgressFile } from './progress-file-check';
import type { RecordsCommand } from './records-command';
import { RecordsUsageError } from './records-command';

const BUILTIN_PACK = 'scenarios/core-library';

const usageError = (message: string): never => {
  throw new RecordsUsageError(message);
};

function parse<const T extends ParseArgsOptionsConfig>(argv: string[], options: T, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return null;
  }
  return parsed;
}

function passphraseFrom(variable: string | undefined): string {
  if (!variable) return usageError('--passphrase-env is required: the name of an environment variable holding the passphrase');
  const value = process.env[variable];
  if (value === undefined || value === '') return usageError(`the environment variable ${variable} is not set; set it to the academy key's passphrase`);
  return value;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return usageError(`${what} ${file} cannot be read: ${code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`);
  }
}

/** A file name part from a person's or course's name: letters and digits of any script, hyphens. */
const slug = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'trainee';

// ---------------------------------------------------------------------------------------------
// academy-key new

export const ACADEMY_KEY_USAGE = `usage: npm run records -- academy-key new --out FILE --passphrase-env VAR [--domain DOMAIN]
  Makes the academy's Ed25519 signing key and writes it to FILE (.${ACADEMY_KEY_EXTENSION}), sealed under the
  passphrase held in the environment variable VAR (scrypt, AES-256-GCM; at least 10 characters).
  Keep the file and the passphrase apart; whoever has both can issue credentials in the academy's name.
  Prints the key's did:key. With --domain (e.g. academy.example), the academy's DID is did:web:DOMAIN and
  its DID document is written beside FILE as did.json, to publish at https://DOMAIN/.well-known/did.json.`;

export const academyKeyCommand: RecordsCommand = {
  summary: "make the academy's Open Badges signing key",
  usage: ACADEMY_KEY_USAGE,
  async run(argv) {
    const [action, ...rest] = argv;
    if (action === '--help' || action === '-h') {
      console.log(ACADEMY_KEY_USAGE);
      return 0;
    }
    if (action !== 'new') return usageError(action === undefined ? 'name the action: new' : `no action "${action}" (only: new)`);
    const parsed = parse(rest, { out: { type: 'string' }, 'passphrase-env': { type: 'string' }, domain: { type: 'string' } }, ACADEMY_KEY_USAGE);
    if (!parsed) return 0;
    const { values, positionals } = parsed;
    if (positionals.length > 0) usageError(`unexpected argument "${positionals[0]}"`);
    const out = values.out ?? usageError('--out is required');
    if (existsSync(out)) usageError(`${out} already exists; an academy key is never overwritten — choose another name`);
    const passphrase = passphraseFrom(values['passphrase-env']);
    const domain = values.domain;
    if (domain !== undefined && didWebDomainIssue(domain))
      usageError(`--domain "${domain}" cannot make a did:web (${didWebDomainIssue(domain)}); give e.g. academy.example`);
    const didFile = path.join(path.dirname(out), 'did.json');
    if (domain !== undefined && existsSync(didFile)) usageError(`${didFile} already exists; write the key into another folder`);

    let file;
    try {
      file = await createAcademyKey(passphrase, { random: systemRandomBytes, now: Date.now() });
    } catch (error) {
      if (error instanceof AcademyKeyError) return usageError(`${error.message} ${error.hint}`);
      throw error;
    }
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    console.log(`Wrote the academy key to ${out}.`);
    console.log(`  did:key  ${didKeyOf(file.publicKeyMultibase)}`);
    if (domain !== undefined) {
      const did = didWebOf(domain);
      writeFileSync(didFile, `${JSON.stringify(didDocumentOf(did, file.publicKeyMultibase), null, 2)}\n`);
      console.log(`  did:web  ${did}`);
      console.log(`Wrote its DID document to ${didFile}: publish it at ${didWebDocumentUrl(did)}.`);
    }
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------
// badge issue

export const BADGE_USAGE = `usage: npm run records -- badge issue --academy-key FILE --passphrase-env VAR --academy-name NAME --academy-iri IRI --out DIR
                                   [--domain DOMAIN] [--identity academyId|email] [--language en|ru] [--pack DIR|ARCHIVE]… FILE…
       npm run records -- badge verify [--did-document FILE]… FILE…
  issue   verifies each progress file (.attache-progress) as \`records -- verify\` does and, for each course it
          shows completed (the built-in library's courses and those of each --pack), writes an Open Badges 3.0
          credential signed by the academy key to DIR, as JSON and baked into the badge picture (PNG).
            --identity   how the trainee is named, hashed with a salt: their academy ID (default) or e-mail
            --domain     sign as did:web:DOMAIN (publish did.json there); default: the key's did:key
            --language   the language of the course's name and criteria in the credential (default en)
  verify  verifies credentials (JSON, or a PNG with one baked in) offline: the Open Badges 3.0 schema, the
          dates, the issuer and the eddsa-rdfc-2022 signature. A did:web issuer needs its DID document
          (--did-document did.json, saved from the academy's site); nothing is fetched.
Exit 0 done; 1 a progress file refused, a trainee without the identity asked for, or a credential that fails; 2 bad usage.`;

interface IssueSettings {
  key: UnlockedAcademyKey;
  did: string;
  academyName: string;
  academyIri: string;
  identityField: IdentityField;
  language: Language;
  packs: Pack[];
  out: string;
  now: number;
}

/** The progress file read and graded again, as `records -- verify` does; a reason when it is refused. */
function checkedProgressFile(file: string, regrader: Regrader): { ok: true; verified: VerifiedProgressFile } | { ok: false; why: string } {
  const checked = checkProgressFile(file, regrader);
  if (!checked.ok) return checked;
  const { verified, flagged } = checked;
  if (flagged.length > 0)
    return {
      ok: false,
      why: `${verified.trainee.name}: ${flagged.length} of ${verified.outcomes.length} attempts were changed after they were graded (records -- verify names them). No credential is issued from it.`,
    };
  return { ok: true, verified };
}

async function issueFrom(verified: VerifiedProgressFile, settings: IssueSettings): Promise<{ lines: string[]; missingIdentity: boolean }> {
  const { trainee } = verified;
  const identity = (settings.identityField === 'academyId' ? trainee.academyId : trainee.email)?.trim();
  const summaries = verified.outcomes.map((outcome) => outcome.summary);
  const completed = settings.packs.flatMap((pack) =>
    pack.courses
      .map((course) => ({ pack, course, progress: courseProgress(course, pack.manifest.id, summaries) }))
      .filter(({ progress }) => progress.completed),
  );
  if (completed.length === 0) return { lines: [`${trainee.name}: no course completed yet; nothing to issue.`], missingIdentity: false };
  if (!identity)
    return {
      lines: [
        `${trainee.name} completed ${completed.length} course(s) but has no ${settings.identityField === 'email' ? 'e-mail' : 'academy ID'} in the file: nothing issued. Ask the trainee to enter it in Attaché and save the progress file again, or use --identity ${settings.identityField === 'email' ? 'academyId' : 'email'}.`,
      ],
      missingIdentity: true,
    };
  const lines: string[] = [];
  for (const { pack, course, progress } of completed) {
    const salt = Buffer.from(systemRandomBytes(16)).toString('base64url');
    const unsigned = buildOpenBadgeCredential({
      credentialId: `urn:uuid:${uuidv4()}`,
      academy: { did: settings.did, name: settings.academyName, iri: settings.academyIri },
      pack: { id: pack.manifest.id },
      course,
      scenarioTitles: new Map(pack.scenarios.map((scenario) => [scenario.id, scenario.title])),
      recipient: { identityField: settings.identityField, identity, salt },
      completedAt: progress.completedAt!,
      issuedAt: settings.now,
      language: settings.language,
    });
    const signed = await signCredential(unsigned, settings.key, { did: settings.did, created: settings.now });
    const json = `${JSON.stringify(signed, null, 2)}\n`;
    const base = path.join(settings.out, `${slug(trainee.name)}-${slug(identity)}-${course.id}`);
    writeFileSync(`${base}.json`, json);
    writeFileSync(`${base}.png`, bakeCredential(BADGE_IMAGE_PNG, json));
    lines.push(`${trainee.name} (${identity}): ${signed.name}, completed ${signed.awardedDate.slice(0, 10)} → ${base}.json, ${path.basename(base)}.png`);
  }
  return { lines, missingIdentity: false };
}

async function badgeIssue(argv: string[]): Promise<number> {
  const parsed = parse(
    argv,
    {
      'academy-key': { type: 'string' },
      'passphrase-env': { type: 'string' },
      'academy-name': { type: 'string' },
      'academy-iri': { type: 'string' },
      domain: { type: 'string' },
      identity: { type: 'string' },
      language: { type: 'string' },
      out: { type: 'string' },
      pack: { type: 'string', multiple: true },
    },
    BADGE_USAGE,
  );
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) usageError('name at least one progress file');
  const keyFile = values['academy-key'] ?? usageError('--academy-key is required');
  const out = values.out ?? usageError('--out is required');
  if (existsSync(out) && !statSync(out).isDirectory()) usageError(`${out} is a file, not a folder`);
  const academyName = values['academy-name']?.trim() || usageError('--academy-name is required: the credential names its issuer');
  const academyIri = values['academy-iri']?.trim() ?? usageError("--academy-iri is required: the academy's web address (https://…)");
  const iriIssue = academyIriIssue(academyIri);
  if (iriIssue) usageError(`--academy-iri "${academyIri}" is not an http(s) address the credential can carry (${iriIssue})`);
  const identityField = values.identity ?? 'academyId';
  if (!isIdentityField(identityField)) return usageError(`--identity takes academyId or email, not "${identityField}"`);
  const language = values.language ?? 'en';
  if (!isLanguage(language)) return usageError(`--language takes en or ru, not "${language}"`);
  if (values.domain !== undefined && didWebDomainIssue(values.domain))
    usageError(`--domain "${values.domain}" cannot make a did:web (${didWebDomainIssue(values.domain)}); give e.g. academy.example`);
  const passphrase = passphraseFrom(values['passphrase-env']);
  const packs = [BUILTIN_PACK, ...(values.pack ?? [])].map((target) => {
    try {
      return loadPackOrExplain(target);
    } catch (error) {
      if (error instanceof CliInputError) return usageError(error.message);
      throw error;
    }
  });

  let key: UnlockedAcademyKey;
  try {
    key = await unlockAcademyKey(parseAcademyKey(readText(keyFile, 'The academy key')), passphrase);
  } catch (error) {
    if (error instanceof AcademyKeyError) return usageError(`${keyFile}: ${error.message} ${error.hint}`);
    throw error;
  }
  const did = values.domain !== undefined ? didWebOf(values.domain) : didKeyOf(key.publicKeyMultibase);
  mkdirSync(out, { recursive: true });
  const settings: IssueSettings = { key, did, academyName, academyIri, identityField, language, packs, out, now: Date.now() };
  const regrader = createRegrader({ graderVersion: GRADER_VERSION });
  let bad = 0;
  let issued = 0;
  for (const file of positionals) {
    const checked = checkedProgressFile(file, regrader);
    if (!checked.ok) {
      bad += 1;
      console.error(`✗ ${file}: ${checked.why}`);
      continue;
    }
    try {
      const { lines, missingIdentity } = await issueFrom(checked.verified, settings);
      issued += lines.filter((line) => line.includes('→')).length;
      if (missingIdentity) {
        bad += 1;
        console.error(`✗ ${file}: ${lines.join('\n  ')}`);
      } else console.log(`✓ ${file}: ${lines.join('\n  ')}`);
    } catch (error) {
      if (error instanceof BadgeInputError) return usageError(error.message);
      throw error;
    }
  }
  console.log(
    `${issued} credential${issued === 1 ? '' : 's'} issued by ${did} into ${out}; ${bad} of ${positionals.length} file${positionals.length === 1 ? '' : 's'} refused.`,
  );
  return bad > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// badge verify

function describe(summary: BadgeSummary): string {
  const recipient = summary.recipient.identityHash ? `${summary.recipient.identityType} ${summary.recipient.identityHash.slice(0, 19)}…` : 'no recipient';
  return `"${summary.achievement.name}" issued by ${summary.issuer.name} (${summary.issuer.id}) to ${recipient}, valid from ${summary.validFrom ?? '?'}${summary.awardedDate ? `, awarded ${summary.awardedDate}` : ''}`;
}

async function badgeVerify(argv: string[]): Promise<number> {
  const parsed = parse(argv, { 'did-document': { type: 'string', multiple: true } }, BADGE_USAGE);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) usageError('name at least one credential (.json or .png)');
  const didDocuments = (values['did-document'] ?? []).map((file) => {
    const text = readText(file, 'The DID document');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return usageError(`the DID document ${file} is not JSON`);
    }
  });
  let bad = 0;
  for (const file of positionals) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      bad += 1;
      const code = (error as NodeJS.ErrnoException).code;
      console.error(`✗ ${file}: cannot be read: ${code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
      continue;
    }
    const result = await verifyCredential(bytes, { now: Date.now(), didDocuments });
    if (result.ok) {
      const proof = result.summary.proof;
      console.log(
        `✓ ${file}: Open Badges 3.0 credential ${describe(result.summary)}; signed ${proof?.cryptosuite ?? ''} by ${result.issuer.method === 'web' ? 'did:web' : 'did:key'}${proof?.created ? ` on ${proof.created}` : ''}.`,
      );
    } else {
      bad += 1;
      const what = result.summary ? `it claims to be ${describe(result.summary)}, but ` : '';
      console.error(`✗ ${file}: ${what}NOT VERIFIED:\n${result.problems.map((problem) => `  - ${problem.message} ${problem.hint}`).join('\n')}`);
    }
  }
  console.log(`${positionals.length} credential${positionals.length === 1 ? '' : 's'}: ${positionals.length - bad} verified, ${bad} not.`);
  return bad > 0 ? 1 : 0;
}

export const badgeCommand: RecordsCommand = {
  summary: 'issue Open Badges 3.0 credentials for completed courses, or verify credentials',
  usage: BADGE_USAGE,
  async run(argv) {
    const [action, ...rest] = argv;
    if (action === '--help' || action === '-h') {
      console.log(BADGE_USAGE);
      return 0;
    }
    if (action === 'issue') return badgeIssue(rest);
    if (action === 'verify') return badgeVerify(rest);
    return usageError(action === undefined ? 'name the action: issue or verify' : `no action "${action}" (issue or verify)`);
  },
};
