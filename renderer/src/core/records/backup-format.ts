// Runtime: any (pure core). The `.attache-backup` file: the whole local database in one ZIP, built like a
// pack archive (fflate, fixed timestamps and attributes, a description file with every file's SHA-256
// and the schema version). Local ids never leave the device: rows name each other by uid, so a backup
// restores into any install. Reading trusts nothing (a backup is carried on USB sticks and e-mailed to
// oneself): the ZIP is read through the pack archive's hardened reader, then every file is checked
// against the description, every row against its shape, and every reference between rows, before a
// single row reaches the database. Restoring merges by uid (`planRestore`): what is new is added, what
// is equal is left, and what differs is a conflict, kept as the install has it and listed.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate, ZipPassThrough, deflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from '../zod';
import { ARCHIVE_LIMITS, ARCHIVE_MANIFEST_PATH, ArchiveError, readArchive, readZipEntries } from '../pack/archive';
import type { ArchiveLimits } from '../pack/archive';
import { AXES, TASK_KINDS } from '../pack/schema';
import { sameProfileName } from '../profile';
import type { OutcomeDetail, OutcomeSummary, PlayedScenario } from './outcome';
import { playedScenarioKey } from './outcome';
import { issueMessage, outcomeDetailSchema, outcomeSummarySchema, playedScenarioSchema as playedScenarioShape, uidSchema } from './outcome-schema';
import { sameContent } from './canonical';
import { isSecretHash, type SecretHash } from './secret';
import { XAPI_VERBS, type StatementVerb } from './xapi';

export const BACKUP_FORMAT = 1;
/** The description file, first in the ZIP. */
export const BACKUP_MANIFEST_PATH = 'attache-backup.json';
export const BACKUP_EXTENSION = 'attache-backup';

const MiB = 1024 * 1024;

/**
 * A backup is saved and opened through the platform's file dialogs, which carry at most 256 MiB. Pack
 * archives inside it are up to 128 MiB each (the pack archive's own limit); table files are written
 * in chunks of about 4 MiB and refused over 32 MiB before they are parsed.
 */
export const BACKUP_LIMITS: ArchiveLimits = Object.freeze({
  ...ARCHIVE_LIMITS,
  maxArchiveBytes: 256 * MiB,
  maxEntries: 20_000,
  maxEntryBytes: ARCHIVE_LIMITS.maxArchiveBytes,
  maxTotalBytes: 1024 * MiB,
});
export const TABLE_CHUNK_BYTES = 4 * MiB;
export const MAX_TABLE_FILE_BYTES = 32 * MiB;
/** Rows of all tables together: far above any academy's database, far below what would exhaust memory. */
export const MAX_BACKUP_ROWS = 5_000_000;
/** Nesting of a stored value (a machine snapshot, an event, a setting): snapshots nest about a dozen deep. */
export const MAX_VALUE_DEPTH = 64;

/** Every table a backup holds, in the order they are written and restored. Not `checkedPacks`: a cache. */
export const BACKUP_TABLES = [
  'settings',
  'profiles',
  'attempts',
  'attemptSnapshots',
  'attemptEvents',
  'composerDrafts',
  'playedScenarios',
  'outcomes',
  'outcomeDetails',
  'trainees',
  'outbox',
  'packs',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
/** Tables added after the first backups were made: a backup without them holds none of their rows. */
const TABLES_ADDED_LATER: readonly BackupTable[] = ['outbox'];

// ---------------------------------------------------------------------------------------------
// Errors

export type BackupErrorCode =
  /** Not a ZIP, or a ZIP without a backup's description. */
  | 'not-backup'
  /** A scenario pack (`.attache`) was chosen instead. */
  | 'is-pack'
  | 'too-large'
  /** Links, encryption, odd or unsafe names: not written by Attaché. */
  | 'unsafe'
  /** Checksums, sizes or hashes do not agree: damaged or changed since it was saved. */
  | 'damaged'
  | 'newer-version'
  /** A file or row is not what a backup holds. */
  | 'bad-content';

export interface BackupErrorWhere {
  /** A file inside the backup. */
  entry?: string;
  table?: BackupTable;
  /** 1-based row within the table. */
  row?: number;
  /** Dotted path within the row. */
  path?: string;
  /** For `newer-version`: the backup's schema or format version. */
  version?: number;
}

export class BackupError extends Error {
  override name = 'BackupError';

  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly where: BackupErrorWhere = {},
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Rows as a backup holds them

const timestamp = z.number().int().min(0).max(8_640_000_000_000_000);
const uid = uidSchema;
/** C0 controls other than tab, line feed and carriage return, and DEL: never typed into a name or an id. */
function hasControlCharacters(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}
/** Text without control characters other than line breaks and tabs. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !hasControlCharacters(value), 'must not contain control characters');
const shortText = text(200).min(1);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits');
const score = z.number().min(0).max(100);
const scores = z.strictObject(Object.fromEntries(AXES.map((axis) => [axis, score])) as Record<(typeof AXES)[number], typeof score>);
const secretHash = z.custom<SecretHash>((value) => isSecretHash(value), 'must be a scrypt hash');
const jsonValue = z.unknown().superRefine((value, context) => {
  const problem = valueProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const settingSchema = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a setting name'),
  value: jsonValue,
});

const profileSchema = z.strictObject({
  uid,
  name: text(200).min(1),
  academyId: text(200).nullable(),
  email: text(320).nullable(),
  pin: secretHash.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastUsedAt: timestamp,
});

const attemptVersionsSchema = z.strictObject({
  machineVersion: z.number().int().min(0),
  packFormat: z.number().int().min(0),
  packId: shortText,
  packVersion: shortText,
  scenarioId: shortText,
  playLanguage: shortText,
  seed: z.number().int().min(0).max(0xffffffff),
});

const attemptSchema = z.strictObject({
  uid,
  /** The profile that played it (a profile's uid, not its local id). */
  profileUid: uid,
  packId: shortText,
  packVersion: shortText,
  scenarioId: shortText,
  playLanguage: shortText,
  seed: z.number().int().min(0).max(0xffffffff),
  status: z.enum(['active', 'finished']),
  startedAt: timestamp,
  updatedAt: timestamp,
  finishedAt: timestamp.nullable(),
  versions: attemptVersionsSchema,
  eventCount: z.number().int().min(0).max(1_000_000),
  result: z.strictObject({ passed: z.boolean(), average: score, scores }).nullable(),
});

const snapshotSchema = z.strictObject({ attemptUid: uid, snapshot: jsonValue });

const eventSchema = z.strictObject({
  attemptUid: uid,
  seq: z.number().int().min(0).max(1_000_000),
  // The event itself is checked by validateEventLog when the attempt is opened, as every stored log is.
  event: jsonValue.refine((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be an object'),
  recordedAt: timestamp,
});

const draftSchema = z.strictObject({
  attemptUid: uid,
  accountId: shortText,
  kind: z.enum(TASK_KINDS),
  taskId: shortText.nullable(),
  replyTo: shortText.nullable(),
  text: z.string().max(1_000_000),
  updatedAt: timestamp,
});

const playedScenarioSchema = playedScenarioShape.refine((row) => row.key === playedScenarioKey(row.packId, row.packContentHash, row.scenario.id), {
  message: 'does not match the pack, content hash and scenario it names',
  path: ['key'],
});

const traineeSchema = z.strictObject({
  uid,
  name: text(200).min(1),
  academyId: text(200).nullable(),
  email: text(320).nullable(),
  deviceKey: z.string().regex(/^[0-9a-f]{1,256}$/, 'must be hexadecimal'),
  importedAt: timestamp,
  /** When the progress file the details came from was saved (absent on rows imported before it was kept). */
  detailsExportedAt: timestamp.optional(),
});

const PACK_FILE_PATTERN = /^packs\/\d{5}\.attache$/;
const packRowSchema = z.strictObject({
  packId: shortText,
  version: shortText,
  installedAt: timestamp,
  /** The archive, a file of its own in the backup. */
  file: z.string().regex(PACK_FILE_PATTERN, 'must name a file under packs/'),
});

/** The longest statement an outbox holds: a draft's text (up to 1,000,000 characters) with room for what surrounds it. */
export const MAX_STATEMENT_CHARACTERS = 2_000_000;
/** How much of an LRS's reply the outbox keeps beside a dead statement. */
const MAX_REPLY_CHARACTERS = 4_000;
const STATEMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A statement's JSON as the outbox keeps it: an object, nested no deeper than any stored value, naming the row's id. */
function statementJsonProblem(json: string, id: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const problem = valueProblem(value);
  if (problem) return problem;
  return (value as { id?: unknown }).id === id ? null : 'names another statement id than its row';
}

/** An xAPI statement of the outbox: its JSON byte for byte, and where it stands with the LRS. Not its local order number. */
const statementRowSchema = z
  .strictObject({
    id: z.string().regex(STATEMENT_ID, 'must be a lowercase UUID'),
    traineeUid: uid,
    outcomeUid: uid.nullable(),
    verb: z.enum(Object.keys(XAPI_VERBS) as [StatementVerb, ...StatementVerb[]]),
    json: z.string().min(2).max(MAX_STATEMENT_CHARACTERS),
    state: z.enum(['pending', 'sent', 'dead']),
    builtAt: timestamp,
    sentAt: timestamp.nullable(),
    problem: z
      .strictObject({
        kind: z.enum(['conflict', 'invalid']),
        status: z.number().int().min(100).max(599),
        reply: z.string().max(MAX_REPLY_CHARACTERS),
        at: timestamp,
      })
      .nullable(),
  })
  .superRefine((row, context) => {
    const problem = statementJsonProblem(row.json, row.id);
    if (problem) context.addIssue({ code: 'custom', path: ['json'], message: problem });
    if ((row.state === 'dead') !== (row.problem !== null))
      context.addIssue({ code: 'custom', path: ['problem'], message: 'must be given for a dead statement and only for one' });
    if (row.state === 'sent' && row.sentAt === null) context.addIssue({ code: 'custom', path: ['sentAt'], message: 'must be given for a sent statement' });
  });

const ROW_SCHEMAS = {
  settings: settingSchema,
  profiles: profileSchema,
  attempts: attemptSchema,
  attemptSnapshots: snapshotSchema,
  attemptEvents: eventSchema,
  composerDrafts: draftSchema,
  playedScenarios: playedScenarioSchema,
  outcomes: outcomeSummarySchema,
  outcomeDetails: outcomeDetailSchema,
  trainees: traineeSchema,
  outbox: statementRowSchema,
  packs: packRowSchema,
} satisfies Record<BackupTable, z.ZodType>;

export type BackupSetting = z.infer<typeof settingSchema>;
export type BackupProfile = z.infer<typeof profileSchema>;
export type BackupAttempt = z.infer<typeof attemptSchema>;
export type BackupSnapshot = z.infer<typeof snapshotSchema>;
export type BackupEvent = z.infer<typeof eventSchema>;
export type BackupDraft = z.infer<typeof draftSchema>;
export type BackupTrainee = z.infer<typeof traineeSchema>;
export type BackupStatement = z.infer<typeof statementRowSchema>;
export interface BackupPack {
  packId: string;
  version: string;
  installedAt: number;
  archive: Uint8Array;
}

/** The database as a backup holds it: local ids replaced by uids, every table's rows in key order. */
export interface BackupData {
  settings: BackupSetting[];
  profiles: BackupProfile[];
  attempts: BackupAttempt[];
  attemptSnapshots: BackupSnapshot[];
  attemptEvents: BackupEvent[];
  composerDrafts: BackupDraft[];
  playedScenarios: PlayedScenario[];
  outcomes: OutcomeSummary[];
  outcomeDetails: OutcomeDetail[];
  trainees: BackupTrainee[];
  /** The outbox's statements in the order they were built (the order they are sent in). */
  outbox: BackupStatement[];
  packs: BackupPack[];
}

export interface BackupMeta {
  /** The database schema version the rows were read under. */
  schemaVersion: number;
  appVersion: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface Backup {
  meta: BackupMeta;
  data: BackupData;
}

// ---------------------------------------------------------------------------------------------
// The description file

const manifestFileSchema = z.strictObject({ path: z.string().min(1).max(240), size: z.number().int().min(0), sha256: hex64 });
const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  kind: z.literal('attache-backup'),
  schemaVersion: z.number().int().min(1).max(10_000),
  appVersion: shortText,
  createdAt: timestamp,
  tables: z.strictObject(
    Object.fromEntries(
      BACKUP_TABLES.map((table) => {
        const description = z.strictObject({ rows: z.number().int().min(0), files: z.array(z.string()).max(20_000) });
        return [table, TABLES_ADDED_LATER.includes(table) ? description.optional() : description];
      }),
    ) as unknown as Record<BackupTable, z.ZodType<{ rows: number; files: string[] }>>,
  ),
  files: z.array(manifestFileSchema).max(20_000),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

// ---------------------------------------------------------------------------------------------
// Values

/**
 * Why a stored value cannot be kept as it is: deeper than MAX_VALUE_DEPTH, or holding what JSON cannot
 * (which no row Attaché writes does). Walked without recursion, so a hostile nesting cannot overflow the stack.
 */
export function valueProblem(value: unknown, maxDepth: number = MAX_VALUE_DEPTH): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    // Parsed JSON holds no undefined: only a field left out of the row does.
    if (current === undefined) return 'the field is missing';
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'holds a number that is not finite';
      continue;
    }
    if (typeof current !== 'object') return `holds a value of type ${typeof current}`;
    if (depth >= maxDepth) return `is nested more than ${maxDepth} levels deep`;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** What building a backup has done so far, in bytes of the files inside it. */
export interface BackupWriteProgress {
  done: number;
  total: number;
}

function byText<Row>(key: (row: Row) => string): (a: Row, b: Row) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Rows in the order a backup writes them: by uid or key, so one database always gives the same file. */
function sortedRows(table: BackupTable, data: BackupData): unknown[] {
  switch (table) {
    case 'settings':
      return [...data.settings].sort(byText((row: BackupSetting) => row.key));
    case 'profiles':
      return [...data.profiles].sort(byText((row: BackupProfile) => row.uid));
    case 'attempts':
      return [...data.attempts].sort(byText((row: BackupAttempt) => row.uid));
    case 'attemptSnapshots':
      return [...data.attemptSnapshots].sort(byText((row: BackupSnapshot) => row.attemptUid));
    case 'attemptEvents':
      return [...data.attemptEvents].sort((a, b) => (a.attemptUid < b.attemptUid ? -1 : a.attemptUid > b.attemptUid ? 1 : a.seq - b.seq));
    case 'composerDrafts':
      return [...data.composerDrafts].sort(byText((row: BackupDraft) => row.attemptUid));
    case 'playedScenarios':
      return [...data.playedScenarios].sort(byText((row: PlayedScenario) => row.key));
    case 'outcomes':
      return [...data.outcomes].sort(byText((row: OutcomeSummary) => row.uid));
    case 'outcomeDetails':
      return [...data.outcomeDetails].sort(byText((row: OutcomeDetail) => row.uid));
    case 'trainees':
      return [...data.trainees].sort(byText((row: BackupTrainee) => row.uid));
    case 'outbox':
      // In the order they were built: the order the sync sends them in, kept across a restore.
      return [...data.outbox];
    case 'packs':
      return [...data.packs]
        .sort(byText((row: BackupPack) => row.packId))
        .map((row, index) => ({ packId: row.packId, version: row.version, installedAt: row.installedAt, file: packFile(index) }));
  }
}

function packFile(index: number): string {
  return `packs/${String(index + 1).padStart(5, '0')}.attache`;
}

function tableFile(table: BackupTable, index: number): string {
  return `tables/${table}/${String(index + 1).padStart(5, '0')}.json`;
}

/** A table's rows as JSON files of about TABLE_CHUNK_BYTES each, one row per line. */
function tableFiles(table: BackupTable, rows: readonly unknown[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let lines: string[] = [];
  let size = 0;
  const flush = (): void => {
    files.set(tableFile(table, files.size), strToU8(`[\n${lines.join(',\n')}\n]\n`));
    lines = [];
    size = 0;
  };
  for (const row of rows) {
    const line = JSON.stringify(row);
    if (size > 0 && size + line.length > TABLE_CHUNK_BYTES) flush();
    lines.push(line);
    size += line.length;
  }
  if (lines.length > 0) flush();
  return files;
}

/** Every file of the backup and its description, in the order they are written. */
export function backupFiles(backup: Backup): { manifest: BackupManifest; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const tables = {} as BackupManifest['tables'];
  for (const table of BACKUP_TABLES) {
    const rows = sortedRows(table, backup.data);
    const chunks = tableFiles(table, rows);
    for (const [path, bytes] of chunks) files.set(path, bytes);
    tables[table] = { rows: rows.length, files: [...chunks.keys()] };
  }
  const packs = [...backup.data.packs].sort((a, b) => (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0));
  packs.forEach((pack, index) => files.set(packFile(index), pack.archive));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    kind: 'attache-backup',
    schemaVersion: backup.meta.schemaVersion,
    appVersion: backup.meta.appVersion,
    createdAt: backup.meta.createdAt,
    tables,
    files: [...files].map(([path, bytes]) => ({ path, size: bytes.length, sha256: bytesToHex(sha256(bytes)) })),
  };
  return { manifest, files };
}

const HOST_UNIX = 3;
/** A plain file, readable by everyone (as pack archives write it). */
const UNIX_REGULAR_FILE_ATTRIBUTES = ((0o100000 | 0o644) << 16) >>> 0;

/**
 * Builds the backup's ZIP one file at a time, yielding after each so that a caller can show progress
 * and let the page breathe; returns the file's bytes. Deterministic, like pack archives: the
 * description first, fixed timestamps and attributes, DEFLATE (level 6) unless it does not shrink a
 * file (pack archives are already compressed and are stored).
 */
export function* writeBackup(backup: Backup): Generator<BackupWriteProgress, Uint8Array, void> {
  const { manifest, files } = backupFiles(backup);
  const entries: [string, Uint8Array][] = [[BACKUP_MANIFEST_PATH, strToU8(`${JSON.stringify(manifest, null, 1)}\n`)], ...files];
  const total = entries.reduce((sum, [, bytes]) => sum + bytes.length, 0);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  // 1980-01-01 00:00 in local time: fflate reads the date in local time, so every time zone writes the same bytes.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  let done = 0;
  for (const [path, bytes] of entries) {
    const compress = path.endsWith('.json') || deflateSync(bytes.subarray(0, 65_536), { level: 1 }).length < Math.min(bytes.length, 65_536);
    const file = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    file.mtime = mtime;
    file.os = HOST_UNIX;
    file.attrs = UNIX_REGULAR_FILE_ATTRIBUTES;
    zip.add(file);
    file.push(bytes, true);
    if (failure) throw failure;
    done += bytes.length;
    yield { done, total };
  }
  zip.end();
  if (failure) throw failure;
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (size > BACKUP_LIMITS.maxArchiveBytes) {
    throw new BackupError(
      'too-large',
      `The backup would be ${Math.ceil(size / MiB)} MiB, more than the ${BACKUP_LIMITS.maxArchiveBytes / MiB} MiB a backup may hold. Remove packs or trainees' data no longer needed (export them first), then back up again.`,
    );
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The whole backup at once (tests, and callers with no progress to show). */
export function buildBackup(backup: Backup): Uint8Array {
  const steps = writeBackup(backup);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

function fromArchiveError(error: ArchiveError): BackupError {
  const where = error.entry === undefined ? {} : { entry: error.entry };
  switch (error.code) {
    case 'too-large':
    case 'too-many-entries':
    case 'entry-too-large':
    case 'expands-too-far':
      return new BackupError('too-large', error.message, where);
    case 'unsafe-path':
    case 'duplicate-entry':
    case 'unsupported-entry':
      return new BackupError('unsafe', error.message, where);
    case 'missing-manifest':
      return new BackupError('not-backup', 'The file is a ZIP archive but not an Attaché backup: it has no backup description.', where);
    case 'bad-manifest':
      return new BackupError('bad-content', error.message, where);
    case 'not-zip':
      // Checksums and sizes that disagree inside a real ZIP are damage; anything else is not a ZIP at all.
      return new BackupError(/declares|checksum|damaged|cut short|disagree|missing/.test(error.message) ? 'damaged' : 'not-backup', error.message, where);
    case 'manifest-mismatch':
    case 'hash-mismatch':
      return new BackupError('damaged', error.message, where);
  }
}

function issueWhere(issue: z.core.$ZodIssue | undefined): string {
  return issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '';
}

function parseManifest(bytes: Uint8Array): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(bytes));
  } catch {
    throw new BackupError('bad-content', `The backup's description (${BACKUP_MANIFEST_PATH}) is not valid JSON.`, { entry: BACKUP_MANIFEST_PATH });
  }
  if (typeof json === 'object' && json !== null && 'format' in json && typeof json.format === 'number' && json.format > BACKUP_FORMAT) {
    throw new BackupError('newer-version', `The backup was made in format ${json.format} by a newer version of Attaché. Update Attaché, then restore it.`, {
      version: json.format,
    });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issueWhere(issue);
    throw new BackupError(
      'bad-content',
      `The backup's description (${BACKUP_MANIFEST_PATH}) is not valid${path ? ` at ${path}` : ''}: ${issueMessage(issue)}.`,
      { entry: BACKUP_MANIFEST_PATH, ...(path ? { path } : {}) },
    );
  }
  return parsed.data;
}

function checkFiles(files: Map<string, Uint8Array>, manifest: BackupManifest): void {
  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) throw new BackupError('bad-content', `The backup's description lists “${file.path}” twice.`, { entry: file.path });
    listed.add(file.path);
    const data = files.get(file.path);
    if (data === undefined)
      throw new BackupError('damaged', `The backup's description lists “${file.path}”, but the backup does not contain it.`, { entry: file.path });
    if (data.length !== file.size || bytesToHex(sha256(data)) !== file.sha256) {
      throw new BackupError('damaged', `The file “${file.path}” inside the backup was changed or damaged after the backup was saved.`, { entry: file.path });
    }
  }
  for (const path of files.keys()) {
    if (path !== BACKUP_MANIFEST_PATH && !listed.has(path)) {
      throw new BackupError('damaged', `The backup contains “${path}”, which its description does not list.`, { entry: path });
    }
  }
  for (const table of BACKUP_TABLES) {
    (manifest.tables[table]?.files ?? []).forEach((path, index) => {
      if (path !== tableFile(table, index) || !listed.has(path)) {
        throw new BackupError('bad-content', `The backup's description names “${path}” for the table ${table}, which is not where its rows are kept.`, {
          entry: path,
          table,
        });
      }
    });
  }
}

function parseTable(table: BackupTable, manifest: BackupManifest, files: Map<string, Uint8Array>, budget: { rows: number }): unknown[] {
  const rows: unknown[] = [];
  const schema: z.ZodType = ROW_SCHEMAS[table];
  // A backup made before the table existed holds none of its rows.
  const described = manifest.tables[table] ?? { rows: 0, files: [] };
  for (const path of described.files) {
    const bytes = files.get(path) ?? new Uint8Array(0);
    if (bytes.length > MAX_TABLE_FILE_BYTES) {
      throw new BackupError('too-large', `The file “${path}” is larger than the ${MAX_TABLE_FILE_BYTES / MiB} MiB a table file may hold.`, {
        entry: path,
        table,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(strFromU8(bytes));
    } catch {
      throw new BackupError('bad-content', `The file “${path}” is not valid JSON.`, { entry: path, table });
    }
    if (!Array.isArray(json)) throw new BackupError('bad-content', `The file “${path}” does not hold a list of rows.`, { entry: path, table });
    budget.rows += json.length;
    if (budget.rows > MAX_BACKUP_ROWS) throw new BackupError('too-large', `The backup holds more than ${MAX_BACKUP_ROWS} rows.`, { entry: path, table });
    for (const row of json) {
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issueWhere(issue);
        const position = rows.length + 1;
        throw new BackupError('bad-content', `Row ${position} of the table ${table}${where ? `, at ${where},` : ''} is not valid: ${issueMessage(issue)}.`, {
          entry: path,
          table,
          row: position,
          ...(where ? { path: where } : {}),
        });
      }
      rows.push(parsed.data);
    }
  }
  if (rows.length !== described.rows) {
    throw new BackupError('damaged', `The table ${table} holds ${rows.length} rows, but the backup's description says ${described.rows}.`, {
      table,
    });
  }
  return rows;
}

function refuseDuplicates<Row>(table: BackupTable, rows: readonly Row[], key: (row: Row) => string): Set<string> {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const value = key(row);
    if (seen.has(value)) throw new BackupError('bad-content', `Row ${index + 1} of the table ${table} repeats “${value}”.`, { table, row: index + 1 });
    seen.add(value);
  });
  return seen;
}

function refuseDangling<Row>(table: BackupTable, rows: readonly Row[], key: (row: Row) => string, known: Set<string>, what: string): void {
  rows.forEach((row, index) => {
    const value = key(row);
    if (!known.has(value)) {
      throw new BackupError('bad-content', `Row ${index + 1} of the table ${table} names ${what} “${value}” that the backup does not hold.`, {
        table,
        row: index + 1,
      });
    }
  });
}

/** Every row names only rows the backup holds, and no key is held twice. */
function checkReferences(data: BackupData): void {
  refuseDuplicates('settings', data.settings, (row) => row.key);
  const profiles = refuseDuplicates('profiles', data.profiles, (row) => row.uid);
  const attempts = refuseDuplicates('attempts', data.attempts, (row) => row.uid);
  refuseDangling('attempts', data.attempts, (row) => row.profileUid, profiles, 'the profile');
  refuseDuplicates('attemptSnapshots', data.attemptSnapshots, (row) => row.attemptUid);
  refuseDangling('attemptSnapshots', data.attemptSnapshots, (row) => row.attemptUid, attempts, 'the attempt');
  refuseDuplicates('attemptEvents', data.attemptEvents, (row) => `${row.attemptUid}#${row.seq}`);
  refuseDangling('attemptEvents', data.attemptEvents, (row) => row.attemptUid, attempts, 'the attempt');
  refuseDuplicates('composerDrafts', data.composerDrafts, (row) => row.attemptUid);
  refuseDangling('composerDrafts', data.composerDrafts, (row) => row.attemptUid, attempts, 'the attempt');
  const played = refuseDuplicates('playedScenarios', data.playedScenarios, (row) => row.key);
  const outcomes = refuseDuplicates('outcomes', data.outcomes, (row) => row.uid);
  refuseDangling('outcomes', data.outcomes, (row) => row.playedScenario, played, 'the played scenario');
  const details = refuseDuplicates('outcomeDetails', data.outcomeDetails, (row) => row.uid);
  refuseDangling('outcomeDetails', data.outcomeDetails, (row) => row.uid, outcomes, 'the outcome');
  refuseDangling('outcomes', data.outcomes, (row) => row.uid, details, 'the outcome detail');
  const trainees = refuseDuplicates('trainees', data.trainees, (row) => row.uid);
  refuseDuplicates('outbox', data.outbox, (row) => row.id);
  refuseDangling('outbox', data.outbox, (row) => row.traineeUid, new Set([...profiles, ...trainees]), 'the trainee');
  const told = data.outbox.filter((row) => row.outcomeUid !== null);
  refuseDangling('outbox', told, (row) => row.outcomeUid!, outcomes, 'the outcome');
  refuseDuplicates('packs', data.packs, (row) => row.packId);
}

/** Each pack's archive is whole and is the pack and version its row names. */
function readPacks(rows: readonly z.infer<typeof packRowSchema>[], files: Map<string, Uint8Array>): BackupPack[] {
  const used = new Set<string>();
  return rows.map((row, index) => {
    const where = { table: 'packs' as const, row: index + 1, entry: row.file };
    const archive = files.get(row.file);
    if (archive === undefined || used.has(row.file)) {
      throw new BackupError(
        'bad-content',
        `Row ${index + 1} of the table packs names the archive “${row.file}”, which the backup does not hold for it.`,
        where,
      );
    }
    used.add(row.file);
    try {
      const { manifest } = readArchive(archive);
      if (manifest.packId !== row.packId || manifest.packVersion !== row.version) {
        throw new BackupError(
          'bad-content',
          `The archive “${row.file}” holds the pack ${manifest.packId} ${manifest.packVersion}, not ${row.packId} ${row.version} as its row says.`,
          where,
        );
      }
    } catch (error) {
      if (error instanceof ArchiveError)
        throw new BackupError('damaged', `The pack archive “${row.file}” inside the backup cannot be read: ${error.message}`, where);
      throw error;
    }
    return { packId: row.packId, version: row.version, installedAt: row.installedAt, archive };
  });
}

/**
 * Opens a backup, refusing with a {@link BackupError} anything that is not exactly what
 * {@link writeBackup} writes from a database of schema version `schemaVersion` or older. Whatever the
 * bytes, the outcome is the backup or a BackupError, and the work is bounded by BACKUP_LIMITS.
 */
export function readBackup(bytes: Uint8Array, schemaVersion: number): Backup {
  let files: Map<string, Uint8Array>;
  try {
    files = readZipEntries(bytes, BACKUP_LIMITS, BACKUP_MANIFEST_PATH);
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    if (error.code === 'missing-manifest' && isPackArchive(bytes)) {
      throw new BackupError('is-pack', 'The file is a scenario pack, not a backup: install it from the catalogue with “Install a pack…”.');
    }
    throw fromArchiveError(error);
  }
  const manifest = parseManifest(files.get(BACKUP_MANIFEST_PATH) ?? new Uint8Array(0));
  if (manifest.schemaVersion > schemaVersion) {
    throw new BackupError(
      'newer-version',
      `The backup was made by a newer version of Attaché (database version ${manifest.schemaVersion}; this one has ${schemaVersion}). Update Attaché, then restore it.`,
      { version: manifest.schemaVersion },
    );
  }
  checkFiles(files, manifest);
  const budget = { rows: 0 };
  const table = <Table extends BackupTable>(name: Table) => parseTable(name, manifest, files, budget) as z.infer<(typeof ROW_SCHEMAS)[Table]>[];
  const data: BackupData = {
    settings: table('settings'),
    profiles: table('profiles'),
    attempts: table('attempts'),
    attemptSnapshots: table('attemptSnapshots'),
    attemptEvents: table('attemptEvents'),
    composerDrafts: table('composerDrafts'),
    playedScenarios: table('playedScenarios') as PlayedScenario[],
    outcomes: table('outcomes'),
    outcomeDetails: table('outcomeDetails') as unknown as OutcomeDetail[],
    trainees: table('trainees'),
    outbox: table('outbox'),
    packs: [],
  };
  checkReferences(data);
  data.packs = readPacks(table('packs'), files);
  refuseDuplicates('packs', data.packs, (row) => row.packId);
  return { meta: { schemaVersion: manifest.schemaVersion, appVersion: manifest.appVersion, createdAt: manifest.createdAt }, data };
}

/** Whether a ZIP without a backup description is a scenario pack: said so, the user knows what to do. */
function isPackArchive(bytes: Uint8Array): boolean {
  try {
    readZipEntries(bytes, BACKUP_LIMITS, ARCHIVE_MANIFEST_PATH);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Restoring: the merge plan

/** An attempt with everything that follows it: its snapshot, its log and its unsent draft. */
export interface AttemptWhole {
  attempt: BackupAttempt;
  /** Null when the attempt has no saved snapshot (the value itself may be null). */
  snapshot: { value: unknown } | null;
  events: Omit<BackupEvent, 'attemptUid'>[];
  draft: Omit<BackupDraft, 'attemptUid'> | null;
}

/** The rows of the install that share a key with the backup (and every profile name, for clashes). */
export interface ExistingRows {
  profiles: Map<string, BackupProfile>;
  /** Every profile's name on this install, whatever its uid. */
  profileNames: readonly string[];
  attempts: Map<string, AttemptWhole>;
  outcomes: Map<string, { summary: OutcomeSummary; detail: OutcomeDetail | null }>;
  playedScenarios: Map<string, PlayedScenario>;
  trainees: Map<string, BackupTrainee>;
  /** The install's statements with the backup's ids: their JSON. */
  outbox: Map<string, string>;
  packs: Map<string, { version: string; archive: Uint8Array }>;
  settings: Map<string, unknown>;
}

/** The tables a restore reports on; snapshots, logs, drafts and outcome details follow their rows. */
export const REPORT_TABLES = ['profiles', 'attempts', 'outcomes', 'playedScenarios', 'trainees', 'packs', 'settings'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export type RestoreConflict =
  /** Same uid, other content: the install's row is kept. */
  | { table: 'profiles'; key: string; name: string; kind: 'other-content' }
  /** A profile new to this install whose name another profile has: restored under `restoredAs`. */
  | { table: 'profiles'; key: string; name: string; kind: 'renamed'; restoredAs: string }
  | { table: 'attempts'; key: string; trainee: string; scenarioId: string; startedAt: number; kind: 'other-content' }
  | { table: 'outcomes'; key: string; trainee: string; scenarioId: string; finishedAt: number; kind: 'other-content' }
  | { table: 'playedScenarios'; key: string; kind: 'other-content' }
  | { table: 'trainees'; key: string; name: string; kind: 'other-content' }
  /** The install has another version of the pack (kept), or the same version with other bytes. */
  | { table: 'packs'; key: string; installedVersion: string; backupVersion: string; kind: 'other-version' | 'other-content' }
  /** The install has another value (kept); or the setting is one this version does not know (not restored). */
  | { table: 'settings'; key: string; kind: 'other-value' | 'unknown' };

export interface RestoreCounts {
  added: number;
  unchanged: number;
  conflicts: number;
}

export interface RestoreReport {
  tables: Record<ReportTable, RestoreCounts>;
  /** Every conflict, in table order. */
  conflicts: RestoreConflict[];
  /**
   * The outbox's statements: added, already there with the same bytes, or there with other bytes (the
   * install's kept: they are what it may have sent to its LRS).
   */
  statements: RestoreCounts;
}

export interface RestorePlan {
  /** New profiles, each with the name it is restored under. */
  profiles: BackupProfile[];
  attempts: AttemptWhole[];
  playedScenarios: PlayedScenario[];
  outcomes: { summary: OutcomeSummary; detail: OutcomeDetail }[];
  trainees: BackupTrainee[];
  /** New statements, in the backup's (building) order, each with its state, byte for byte. */
  outbox: BackupStatement[];
  packs: BackupPack[];
  settings: BackupSetting[];
  report: RestoreReport;
}

/** The settings a backup never restores: which profile is active is the install's own business. */
export const DEVICE_SETTINGS: readonly string[] = ['activeProfileId'];

/** The backup's attempts with their snapshots, logs and drafts gathered under each. */
export function attemptWholes(data: Pick<BackupData, 'attempts' | 'attemptSnapshots' | 'attemptEvents' | 'composerDrafts'>): AttemptWhole[] {
  const snapshots = new Map(data.attemptSnapshots.map((row) => [row.attemptUid, row.snapshot]));
  const drafts = new Map(data.composerDrafts.map(({ attemptUid, ...draft }) => [attemptUid, draft]));
  const events = new Map<string, Omit<BackupEvent, 'attemptUid'>[]>();
  for (const { attemptUid, ...event } of data.attemptEvents) {
    const list = events.get(attemptUid) ?? [];
    list.push(event);
    events.set(attemptUid, list);
  }
  return data.attempts.map((attempt) => ({
    attempt,
    snapshot: snapshots.has(attempt.uid) ? { value: snapshots.get(attempt.uid) } : null,
    events: (events.get(attempt.uid) ?? []).sort((a, b) => a.seq - b.seq),
    draft: drafts.get(attempt.uid) ?? null,
  }));
}

/** A profile's content: when it was last picked is use, not content. */
function profileContent(profile: BackupProfile): unknown {
  const { lastUsedAt: _lastUsedAt, ...content } = profile;
  return content;
}

/** An imported trainee's content: when the last import touched it is not content. */
function traineeContent(trainee: BackupTrainee): unknown {
  const { importedAt: _importedAt, ...content } = trainee;
  return content;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** `Anna Petrova (2)`, `(3)`…: the first name no profile of the install has. */
function freeName(name: string, taken: string[]): string {
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${name} (${suffix})`;
    if (!taken.some((other) => sameProfileName(other, candidate))) return candidate;
  }
}

/**
 * What restoring `backup` into an install holding `existing` does. Merged by uid (played scenarios by
 * key, statements by id, packs by id, settings by name): a row the install lacks is added, an equal one left as it is,
 * and one with other content is a conflict, kept as the install has it and listed. Outcomes are
 * records and are never replaced; a pack of another version stays as installed; a setting is
 * restored only where the install has none. Restoring the same backup again adds nothing.
 * `knownSettings` says which settings this version understands; others are listed and not restored.
 */
export function planRestore(data: BackupData, existing: ExistingRows, knownSettings: (key: string, value: unknown) => boolean): RestorePlan {
  const counts = Object.fromEntries(REPORT_TABLES.map((table) => [table, { added: 0, unchanged: 0, conflicts: 0 }])) as Record<ReportTable, RestoreCounts>;
  const conflicts: RestoreConflict[] = [];
  const conflict = (entry: RestoreConflict): void => {
    counts[entry.table].conflicts += 1;
    conflicts.push(entry);
  };
  const plan: RestorePlan = {
    profiles: [],
    attempts: [],
    playedScenarios: [],
    outcomes: [],
    trainees: [],
    outbox: [],
    packs: [],
    settings: [],
    report: { tables: counts, conflicts, statements: { added: 0, unchanged: 0, conflicts: 0 } },
  };

  const names = [...existing.profileNames];
  const profileNames = new Map<string, string>();
  for (const profile of data.profiles) {
    const local = existing.profiles.get(profile.uid);
    profileNames.set(profile.uid, local?.name ?? profile.name);
    if (local) {
      if (sameContent(profileContent(local), profileContent(profile))) counts.profiles.unchanged += 1;
      else conflict({ table: 'profiles', key: profile.uid, name: profile.name, kind: 'other-content' });
      continue;
    }
    counts.profiles.added += 1;
    if (names.some((name) => sameProfileName(name, profile.name))) {
      const restoredAs = freeName(profile.name, names);
      conflicts.push({ table: 'profiles', key: profile.uid, name: profile.name, kind: 'renamed', restoredAs });
      plan.profiles.push({ ...profile, name: restoredAs });
      names.push(restoredAs);
    } else {
      plan.profiles.push(profile);
      names.push(profile.name);
    }
  }
  const trainee = (traineeUid: string): string =>
    profileNames.get(traineeUid) ?? data.trainees.find((row) => row.uid === traineeUid)?.name ?? existing.trainees.get(traineeUid)?.name ?? traineeUid;

  for (const whole of attemptWholes(data)) {
    const local = existing.attempts.get(whole.attempt.uid);
    if (!local) {
      counts.attempts.added += 1;
      plan.attempts.push(whole);
    } else if (sameContent(local, whole)) {
      counts.attempts.unchanged += 1;
    } else {
      const { attempt } = whole;
      conflict({
        table: 'attempts',
        key: attempt.uid,
        trainee: trainee(attempt.profileUid),
        scenarioId: attempt.scenarioId,
        startedAt: attempt.startedAt,
        kind: 'other-content',
      });
    }
  }

  for (const played of data.playedScenarios) {
    const local = existing.playedScenarios.get(played.key);
    if (!local) {
      counts.playedScenarios.added += 1;
      plan.playedScenarios.push(played);
    } else if (sameContent(local, played)) counts.playedScenarios.unchanged += 1;
    else conflict({ table: 'playedScenarios', key: played.key, kind: 'other-content' });
  }

  const details = new Map(data.outcomeDetails.map((detail) => [detail.uid, detail]));
  for (const summary of data.outcomes) {
    const detail = details.get(summary.uid)!;
    const local = existing.outcomes.get(summary.uid);
    if (!local) {
      counts.outcomes.added += 1;
      plan.outcomes.push({ summary, detail });
    } else if (sameContent(local, { summary, detail })) counts.outcomes.unchanged += 1;
    else
      conflict({
        table: 'outcomes',
        key: summary.uid,
        trainee: trainee(summary.traineeUid),
        scenarioId: summary.scenarioId,
        finishedAt: summary.finishedAt,
        kind: 'other-content',
      });
  }

  for (const row of data.trainees) {
    const local = existing.trainees.get(row.uid);
    if (!local) {
      counts.trainees.added += 1;
      plan.trainees.push(row);
    } else if (sameContent(traineeContent(local), traineeContent(row))) counts.trainees.unchanged += 1;
    else conflict({ table: 'trainees', key: row.uid, name: row.name, kind: 'other-content' });
  }

  for (const statement of data.outbox) {
    const local = existing.outbox.get(statement.id);
    if (local === undefined) {
      plan.report.statements.added += 1;
      plan.outbox.push(statement);
    } else if (local === statement.json) plan.report.statements.unchanged += 1;
    else plan.report.statements.conflicts += 1;
  }

  for (const pack of data.packs) {
    const local = existing.packs.get(pack.packId);
    if (!local) {
      counts.packs.added += 1;
      plan.packs.push(pack);
    } else if (local.version !== pack.version) {
      conflict({ table: 'packs', key: pack.packId, installedVersion: local.version, backupVersion: pack.version, kind: 'other-version' });
    } else if (sameBytes(local.archive, pack.archive)) counts.packs.unchanged += 1;
    else conflict({ table: 'packs', key: pack.packId, installedVersion: local.version, backupVersion: pack.version, kind: 'other-content' });
  }

  for (const setting of data.settings) {
    if (DEVICE_SETTINGS.includes(setting.key)) continue;
    if (!knownSettings(setting.key, setting.value)) {
      conflict({ table: 'settings', key: setting.key, kind: 'unknown' });
      continue;
    }
    if (!existing.settings.has(setting.key)) {
      counts.settings.added += 1;
      plan.settings.push(setting);
    } else if (sameContent(existing.settings.get(setting.key), setting.value)) counts.settings.unchanged += 1;
    else conflict({ table: 'settings', key: setting.key, kind: 'other-value' });
  }
  return plan;
}
