// Runtime: any (pure core). The `.attache-progress` file that carries a trainee's records from their
// device to the academy's: the trainee, their frozen outcomes and the scenarios those were played
// against, in a ZIP built like a pack archive (fixed timestamps, the same bytes for the same records),
// with a manifest listing every file's size and SHA-256 and an Ed25519 signature over the manifest's
// bytes by a key made on the trainee's device.
//
// Reading trusts nothing: the ZIP goes through the pack archive's bounded reader (counts, names and
// sizes checked before a byte is inflated, inflation metered), then the manifest, its signature and
// every file's hash are checked, then each file's content against its schema, then that the files
// agree with one another. Every refusal is a ProgressFileError with a code, the file and field at
// fault, and what to do. The core holds no key: signing is a function passed in.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { strToU8 } from 'fflate';
import { z } from '../zod';
import type { ArchiveLimits } from '../pack/archive';
import { ArchiveError, readZipEntries, writeZip } from '../pack/archive';
import { PATH_LIMITS, decodeName, hasInvisibleCharacters, quotePath, sortPaths } from '../pack/paths';
import type { FrozenOutcome, PlayedScenario } from './outcome';
import { playedScenarioKey } from './outcome';
import { frozenOutcomeSchema, issueMessage, playedScenarioSchema, uidSchema } from './outcome-schema';

export const PROGRESS_FILE_FORMAT = 1;
/** Without the dot, as file dialogs take it. */
export const PROGRESS_FILE_EXTENSION = 'attache-progress';
export const PROGRESS_MANIFEST_PATH = 'attache-progress.json';
export const PROGRESS_SIGNATURE_PATH = 'attache-progress.sig';
export const PROGRESS_TRAINEE_PATH = 'trainee.json';
const OUTCOMES_FOLDER = 'outcomes/';
const PLAYED_FOLDER = 'played/';

const MiB = 1024 * 1024;

export interface ProgressFileLimits extends ArchiveLimits {
  /** Frozen outcomes in one file: a trainee who finished four scenarios every working day for four years. */
  readonly maxOutcomes: number;
  /** Scenarios as played (one per pack content and scenario). */
  readonly maxPlayedScenarios: number;
}

/**
 * Far above a real trainee's file (the built-in library's seven scenarios played three times each make
 * about 0.3 MB), far below what would strain an academy's machine importing hundreds.
 */
export const PROGRESS_FILE_LIMITS: ProgressFileLimits = Object.freeze({
  maxArchiveBytes: 64 * MiB,
  maxEntries: 5_003,
  maxEntryBytes: 16 * MiB,
  maxTotalBytes: 256 * MiB,
  ...PATH_LIMITS,
  maxOutcomes: 4_000,
  maxPlayedScenarios: 1_000,
});

/** Deeper JSON than any record holds (a frozen outcome nests about 12 levels) is refused before it is parsed. */
const MAX_JSON_DEPTH = 64;
const MAX_SIGNATURE_FILE_BYTES = 4096;

export interface ProgressTrainee {
  uid: string;
  name: string;
  academyId: string | null;
  email: string | null;
}

/** What a progress file holds. */
export interface ProgressFileContent {
  trainee: ProgressTrainee;
  outcomes: FrozenOutcome[];
  /** The scenarios the outcomes were played against (each outcome names one by key). */
  played: PlayedScenario[];
  /** Milliseconds since the epoch, on the trainee's device. */
  exportedAt: number;
  /** The version of Attaché that wrote the file. */
  appVersion: string;
}

export interface ProgressManifestFile {
  path: string;
  size: number;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
}

export interface ProgressManifest {
  format: typeof PROGRESS_FILE_FORMAT;
  kind: 'attache-progress';
  app: string;
  exportedAt: number;
  /** The trainee's uid (trainee.json holds the rest). */
  trainee: string;
  /** The Ed25519 public key (hex) of the device that signed the file. */
  deviceKey: string;
  /** Every file but the manifest and the signature, sorted by path. */
  files: ProgressManifestFile[];
}

/** Signs with the device's key. The key itself stays where it is kept (the main process, the browser's storage). */
export interface DeviceSigner {
  /** Hex of the 32-byte Ed25519 public key. */
  publicKey: string;
  /** The 64-byte Ed25519 signature of `message`. */
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** A progress file whose signature, hashes, content and consistency have been checked. */
export interface VerifiedProgressFile extends ProgressFileContent {
  manifest: ProgressManifest;
  /** The public key (hex) that signed it. */
  deviceKey: string;
}

export type ProgressFileErrorCode =
  | 'not-a-progress-file'
  | 'damaged'
  | 'too-large'
  | 'unsafe-entry'
  | 'newer-format'
  | 'bad-manifest'
  | 'bad-signature'
  | 'tampered'
  | 'bad-content'
  | 'inconsistent';

/** What the academy (or the trainee, when exporting) can do about each refusal. */
const HINTS: Record<ProgressFileErrorCode, string> = {
  'not-a-progress-file': 'Choose a file the trainee saved with "Save my progress file" in Attaché (its name ends in .attache-progress).',
  damaged: 'The file was damaged on the way. Ask the trainee to save their progress file again and send the new one.',
  'too-large': 'Attaché never writes a progress file this large. Do not open it elsewhere; ask the trainee to save their progress file again.',
  'unsafe-entry': 'Attaché never writes such entries: the file was made or changed elsewhere. Do not use it; ask the trainee for a new one.',
  'newer-format': 'The file was saved by a newer version of Attaché. Update Attaché on this machine, then import it again.',
  'bad-manifest': 'Ask the trainee to save their progress file again and send the new one.',
  'bad-signature':
    "The file was changed after it was signed, or the signature is not the device's. Do not import it; ask the trainee to save their progress file again on their own device.",
  tampered: 'A record in the file was changed after the file was saved. Do not import it; ask the trainee to save their progress file again.',
  'bad-content':
    'The file holds a record Attaché cannot read. Ask the trainee to save their progress file again; if it persists, update Attaché on both machines.',
  inconsistent: "The file's records do not agree with one another, which Attaché never writes. Ask the trainee to save their progress file again.",
};

export class ProgressFileError extends Error {
  readonly code: ProgressFileErrorCode;
  /** The file inside the progress file at fault, when there is one. */
  readonly entry?: string;
  /** The field at fault inside that file (`summary.scores.tone`), when there is one. */
  readonly field?: string;
  /** What to do about it. */
  readonly hint: string;

  constructor(code: ProgressFileErrorCode, message: string, options: { entry?: string; field?: string } = {}) {
    super(message);
    this.name = 'ProgressFileError';
    this.code = code;
    if (options.entry !== undefined) this.entry = options.entry;
    if (options.field !== undefined) this.field = options.field;
    this.hint = HINTS[code];
  }
}

// ---------------------------------------------------------------------------------------------
// Names

const FILE_NAME_UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}/\\:*?"<>|]+/gu;

/** The file's suggested name: the trainee's name and the day it was saved (UTC), e.g. `Anna Petrova 2026-03-14.attache-progress`. */
export function progressFileName(traineeName: string, exportedAt: number): string {
  const name = traineeName.replace(FILE_NAME_UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 100).trim() || 'trainee';
  return `${name} ${new Date(exportedAt).toISOString().slice(0, 10)}.${PROGRESS_FILE_EXTENSION}`;
}

// ---------------------------------------------------------------------------------------------
// Schemas of the small files

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits');
const publicKeyHex = z.string().regex(/^[0-9a-f]{64}$/, 'must be an Ed25519 public key: 64 lowercase hexadecimal digits');
const plainText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !hasInvisibleCharacters(value), 'must not contain control characters');

const traineeSchema: z.ZodType<ProgressTrainee> = z.strictObject({
  uid: uidSchema,
  name: plainText(200),
  academyId: plainText(200).nullable(),
  email: plainText(320).nullable(),
});

const manifestSchema: z.ZodType<ProgressManifest> = z.strictObject({
  format: z.literal(PROGRESS_FILE_FORMAT),
  kind: z.literal('attache-progress'),
  app: plainText(100),
  exportedAt: z.number().int().min(0).max(10_000_000_000_000),
  trainee: uidSchema,
  deviceKey: publicKeyHex,
  files: z.array(z.strictObject({ path: z.string().max(1000), size: z.number().int().nonnegative(), sha256: sha256Hex })),
});

const signatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  signature: z.string().regex(/^[0-9a-f]{128}$/, 'must be an Ed25519 signature: 128 lowercase hexadecimal digits'),
});

// ---------------------------------------------------------------------------------------------
// Writing

const compactJson = (value: unknown) => strToU8(JSON.stringify(value));
const readableJson = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

function outcomePath(uid: string): string {
  return `${OUTCOMES_FOLDER}${uid}.json`;
}

function playedPath(index: number): string {
  return `${PLAYED_FOLDER}${String(index + 1).padStart(4, '0')}.json`;
}

/**
 * The trainee's records as a signed progress file. Deterministic for the same content and key (Ed25519
 * signatures are). The outcomes go in the order they finished; only the scenarios they name are kept.
 * The file is read back as the academy will read it before it is returned, so what cannot be imported
 * is refused here, on the trainee's device, with the same ProgressFileError.
 */
export async function buildProgressFile(content: ProgressFileContent, signer: DeviceSigner): Promise<Uint8Array> {
  const { trainee } = content;
  if (!uidSchema.safeParse(trainee.uid).success)
    throw new ProgressFileError('bad-content', `The trainee's uid "${trainee.uid}" cannot travel in a progress file.`);
  const playedByKey = new Map(content.played.map((played) => [played.key, played]));
  const outcomes = [...content.outcomes].sort((a, b) => a.summary.finishedAt - b.summary.finishedAt || (a.summary.uid < b.summary.uid ? -1 : 1));
  const named = new Set<string>();
  for (const { summary } of outcomes) {
    if (!uidSchema.safeParse(summary.uid).success)
      throw new ProgressFileError('bad-content', `The outcome uid "${summary.uid}" cannot travel in a progress file.`);
    if (!playedByKey.has(summary.playedScenario)) {
      throw new ProgressFileError(
        'inconsistent',
        `The outcome ${summary.uid} names the played scenario ${summary.playedScenario}, which is not among the records to save.`,
      );
    }
    named.add(summary.playedScenario);
  }

  const files = new Map<string, Uint8Array>();
  files.set(PROGRESS_TRAINEE_PATH, readableJson({ uid: trainee.uid, name: trainee.name, academyId: trainee.academyId, email: trainee.email }));
  [...named].sort().forEach((key, index) => files.set(playedPath(index), compactJson(playedByKey.get(key))));
  for (const outcome of outcomes) files.set(outcomePath(outcome.summary.uid), compactJson({ summary: outcome.summary, detail: outcome.detail }));

  const manifest: ProgressManifest = {
    format: PROGRESS_FILE_FORMAT,
    kind: 'attache-progress',
    app: content.appVersion,
    exportedAt: content.exportedAt,
    trainee: trainee.uid,
    deviceKey: signer.publicKey,
    files: sortPaths(files.keys()).map((path) => {
      const data = files.get(path)!;
      return { path, size: data.length, sha256: bytesToHex(sha256(data)) };
    }),
  };
  const manifestBytes = readableJson(manifest);
  const signature = await signer.sign(manifestBytes);
  if (!verifySignature(signature, manifestBytes, signer.publicKey)) {
    throw new ProgressFileError('bad-signature', "The device's key did not sign the progress file correctly (its signature does not match its public key).");
  }
  const bytes = writeZip([
    [PROGRESS_MANIFEST_PATH, manifestBytes],
    [PROGRESS_SIGNATURE_PATH, readableJson({ algorithm: 'Ed25519', signature: bytesToHex(signature) })],
    ...manifest.files.map(({ path }): [string, Uint8Array] => [path, files.get(path)!]),
  ]);
  readProgressFile(bytes);
  return bytes;
}

function verifySignature(signature: Uint8Array, message: Uint8Array, publicKeyHex: string): boolean {
  try {
    // Strict RFC 8032 verification: one valid signature per message and key.
    return ed25519.verify(signature, message, hexToBytes(publicKeyHex), { zip215: false });
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** What each refusal of the ZIP reader means for a progress file. */
function fromArchiveError(error: ArchiveError): ProgressFileError {
  const entry = error.entry === undefined ? {} : { entry: error.entry };
  switch (error.code) {
    case 'not-zip':
      return new ProgressFileError('damaged', `The file is not a readable progress file: ${error.detail ?? 'it is not a ZIP archive'}.`, entry);
    case 'too-large':
    case 'too-many-entries':
    case 'entry-too-large':
    case 'expands-too-far':
      return new ProgressFileError('too-large', error.message, entry);
    case 'missing-manifest':
      return new ProgressFileError('not-a-progress-file', `The file is not an Attaché progress file: it has no ${PROGRESS_MANIFEST_PATH}.`);
    case 'bad-manifest':
      return new ProgressFileError('bad-manifest', error.message, entry);
    default:
      return new ProgressFileError('unsafe-entry', error.message, entry);
  }
}

/** Whether JSON text nests deeper than `max` (counted outside strings), found in one pass before it is parsed. */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

/** A file of the progress file parsed as JSON and checked against its schema. */
function parseEntry<T>(bytes: Uint8Array, entry: string, schema: z.ZodType<T>, failure: ProgressFileErrorCode = 'bad-content'): T {
  // Strict UTF-8: a record's text is never guessed at.
  const text = decodeName(bytes);
  if (text === null) throw new ProgressFileError(failure, `The file ${quotePath(entry)} is not valid UTF-8 text.`, { entry });
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new ProgressFileError(failure, `The file ${quotePath(entry)} nests deeper than ${MAX_JSON_DEPTH} levels.`, { entry });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProgressFileError(failure, `The file ${quotePath(entry)} is not valid JSON.`, { entry });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? fieldPath(issue.path) : '';
  const message = issueMessage(issue).slice(0, 200);
  throw new ProgressFileError(
    failure,
    `The file ${quotePath(entry)} is not valid${field ? ` at ${field}` : ''}: ${message}.`,
    field ? { entry, field } : { entry },
  );
}

function resolveLimits(overrides: Partial<ProgressFileLimits>): ProgressFileLimits {
  return { ...PROGRESS_FILE_LIMITS, ...overrides };
}

/**
 * Opens a progress file, or refuses it with a {@link ProgressFileError}: whatever the bytes, the work is
 * bounded by the limits. A file passes only when its manifest is signed by the key it names, every file
 * matches the manifest, every record has its schema's shape, and the records agree (one trainee, each
 * outcome under its own uid and naming a scenario the file holds). Who the key belongs to is not this
 * function's business: the academy decides that when it merges (see merge.ts).
 */
export function readProgressFile(bytes: Uint8Array, options: { limits?: Partial<ProgressFileLimits> } = {}): VerifiedProgressFile {
  const limits = resolveLimits(options.limits ?? {});
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZipEntries(bytes, limits, PROGRESS_MANIFEST_PATH);
  } catch (error) {
    if (error instanceof ArchiveError) throw fromArchiveError(error);
    throw error;
  }

  const manifestBytes = entries.get(PROGRESS_MANIFEST_PATH)!;
  const manifest = parseManifest(manifestBytes);
  const signatureBytes = entries.get(PROGRESS_SIGNATURE_PATH);
  if (!signatureBytes) throw new ProgressFileError('bad-signature', `The progress file is not signed: it has no ${PROGRESS_SIGNATURE_PATH}.`);
  if (signatureBytes.length > MAX_SIGNATURE_FILE_BYTES) {
    throw new ProgressFileError('bad-signature', `The signature file ${PROGRESS_SIGNATURE_PATH} is larger than a signature.`, {
      entry: PROGRESS_SIGNATURE_PATH,
    });
  }
  const { signature } = parseEntry(signatureBytes, PROGRESS_SIGNATURE_PATH, signatureSchema, 'bad-signature');
  if (!verifySignature(hexToBytes(signature), manifestBytes, manifest.deviceKey)) {
    throw new ProgressFileError(
      'bad-signature',
      'The signature does not match the file: it was changed after it was signed, or signed with another key than the one it names.',
      {
        entry: PROGRESS_SIGNATURE_PATH,
      },
    );
  }

  entries.delete(PROGRESS_MANIFEST_PATH);
  entries.delete(PROGRESS_SIGNATURE_PATH);
  checkAgainstManifest(entries, manifest);

  const outcomePaths: string[] = [];
  const playedPaths: string[] = [];
  for (const path of entries.keys()) {
    if (path === PROGRESS_TRAINEE_PATH) continue;
    if (path.startsWith(OUTCOMES_FOLDER)) outcomePaths.push(path);
    else if (path.startsWith(PLAYED_FOLDER)) playedPaths.push(path);
    else throw new ProgressFileError('inconsistent', `The progress file holds ${quotePath(path)}, which progress files do not have.`, { entry: path });
  }
  if (outcomePaths.length > limits.maxOutcomes) {
    throw new ProgressFileError('too-large', `The progress file holds ${outcomePaths.length} outcomes; at most ${limits.maxOutcomes} are read.`);
  }
  if (playedPaths.length > limits.maxPlayedScenarios) {
    throw new ProgressFileError('too-large', `The progress file holds ${playedPaths.length} played scenarios; at most ${limits.maxPlayedScenarios} are read.`);
  }

  const traineeBytes = entries.get(PROGRESS_TRAINEE_PATH);
  if (!traineeBytes) throw new ProgressFileError('inconsistent', `The progress file has no ${PROGRESS_TRAINEE_PATH}.`);
  const trainee = parseEntry(traineeBytes, PROGRESS_TRAINEE_PATH, traineeSchema);
  if (trainee.uid !== manifest.trainee) {
    throw new ProgressFileError('inconsistent', `${PROGRESS_TRAINEE_PATH} names the trainee ${trainee.uid}, but the manifest names ${manifest.trainee}.`, {
      entry: PROGRESS_TRAINEE_PATH,
      field: 'uid',
    });
  }

  const played = new Map<string, PlayedScenario>();
  for (const path of sortPaths(playedPaths)) {
    const scenario = parseEntry(entries.get(path)!, path, playedScenarioSchema);
    const expectedKey = playedScenarioKey(scenario.packId, scenario.packContentHash, scenario.scenario.id);
    if (scenario.key !== expectedKey) {
      throw new ProgressFileError(
        'inconsistent',
        `The played scenario ${quotePath(path)} is keyed "${scenario.key}", but its pack and scenario make "${expectedKey}".`,
        {
          entry: path,
          field: 'key',
        },
      );
    }
    if (played.has(scenario.key))
      throw new ProgressFileError('inconsistent', `The played scenario "${scenario.key}" appears twice.`, { entry: path, field: 'key' });
    played.set(scenario.key, scenario);
  }

  const outcomes: FrozenOutcome[] = [];
  for (const path of sortPaths(outcomePaths)) {
    const outcome = parseEntry(entries.get(path)!, path, frozenOutcomeSchema);
    checkOutcome(outcome, path, trainee.uid, played);
    outcomes.push(outcome);
  }
  outcomes.sort((a, b) => a.summary.finishedAt - b.summary.finishedAt || (a.summary.uid < b.summary.uid ? -1 : 1));

  return {
    manifest,
    deviceKey: manifest.deviceKey,
    exportedAt: manifest.exportedAt,
    appVersion: manifest.app,
    trainee,
    outcomes,
    played: [...played.values()],
  };
}

function parseManifest(bytes: Uint8Array): ProgressManifest {
  const text = decodeName(bytes);
  if (text !== null && !nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    try {
      const json: unknown = JSON.parse(text);
      if (typeof json === 'object' && json !== null && 'format' in json && typeof json.format === 'number' && json.format > PROGRESS_FILE_FORMAT) {
        throw new ProgressFileError(
          'newer-format',
          `The progress file uses format ${json.format}, made by a newer version of Attaché; this one reads format ${PROGRESS_FILE_FORMAT}.`,
          {
            entry: PROGRESS_MANIFEST_PATH,
          },
        );
      }
    } catch (error) {
      if (error instanceof ProgressFileError) throw error;
      // Not JSON: parseEntry says so below.
    }
  }
  const manifest = parseEntry(bytes, PROGRESS_MANIFEST_PATH, manifestSchema, 'bad-manifest');
  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path))
      throw new ProgressFileError('bad-manifest', `The manifest lists ${quotePath(file.path)} twice.`, { entry: PROGRESS_MANIFEST_PATH });
    listed.add(file.path);
  }
  return manifest;
}

function checkAgainstManifest(files: Map<string, Uint8Array>, manifest: ProgressManifest): void {
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const data = files.get(file.path);
    if (data === undefined)
      throw new ProgressFileError('tampered', `The manifest lists ${quotePath(file.path)}, but the file does not contain it.`, { entry: file.path });
    if (data.length !== file.size || bytesToHex(sha256(data)) !== file.sha256) {
      throw new ProgressFileError(
        'tampered',
        `The record ${quotePath(file.path)} was changed after the file was signed (its SHA-256 does not match the manifest).`,
        {
          entry: file.path,
        },
      );
    }
  }
  for (const path of files.keys()) {
    if (!listed.has(path))
      throw new ProgressFileError('tampered', `The file holds ${quotePath(path)}, which its signed manifest does not list.`, { entry: path });
  }
}

function checkOutcome(outcome: FrozenOutcome, path: string, traineeUid: string, played: ReadonlyMap<string, PlayedScenario>): void {
  const { summary, detail } = outcome;
  const inconsistent = (message: string, field: string) =>
    new ProgressFileError('inconsistent', `The outcome ${quotePath(path)} ${message}.`, { entry: path, field });
  if (path !== outcomePath(summary.uid)) throw inconsistent(`is stored under another name than its uid "${summary.uid}"`, 'summary.uid');
  if (detail.uid !== summary.uid) throw inconsistent(`has a detail for "${detail.uid}", not for itself`, 'detail.uid');
  if (summary.traineeUid !== traineeUid)
    throw inconsistent(`belongs to the trainee ${summary.traineeUid}, not to ${traineeUid} whose file it is in`, 'summary.traineeUid');
  const scenario = played.get(summary.playedScenario);
  if (!scenario) throw inconsistent(`names the played scenario "${summary.playedScenario}", which the file does not hold`, 'summary.playedScenario');
  if (scenario.packId !== summary.packId || scenario.scenario.id !== summary.scenarioId || detail.outcome.scenarioId !== summary.scenarioId) {
    throw inconsistent(
      `is for ${summary.packId}/${summary.scenarioId}, but names a played scenario of ${scenario.packId}/${scenario.scenario.id}`,
      'summary.scenarioId',
    );
  }
  if (summary.packContentHash !== null && summary.packContentHash !== scenario.packContentHash) {
    throw inconsistent(
      `was played from pack content ${summary.packContentHash}, but names a played scenario of ${scenario.packContentHash}`,
      'summary.packContentHash',
    );
  }
  if (summary.finishedAt < summary.startedAt) throw inconsistent('finished before it started', 'summary.finishedAt');
}
