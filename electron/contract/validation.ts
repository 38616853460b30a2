// Runtime: Electron main process (imported by its IPC layer; pure, no Node or DOM APIs).
// Everything a renderer sends over IPC is untrusted until it passes these schemas: the main
// process validates the arguments of every `InvokeContract` channel before a handler sees them.
import { z } from '../../renderer/src/core/zod';
import { ARCHIVE_LIMITS } from '../../renderer/src/core/pack/archive';
import { PACK_LIMITS } from '../../renderer/src/core/pack/limits';
import { pathProblem } from '../../renderer/src/core/pack/paths';
import { PDF_PAGE_SIZES, SUPPORTED_LANGUAGES, THEME_PREFERENCES, type InvokeChannel, type InvokeContract } from './api';

/** Largest file the app opens or saves: scenario packs and exports are far smaller. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Most files opened at once (an academy importing a cohort's progress files), and their bytes together. */
export const MAX_OPEN_FILES = 1000;
export const MAX_OPEN_TOTAL_BYTES = 1024 * 1024 * 1024;

/** Largest message the device key signs: a progress file's manifest of 5,000 records is under 1 MiB. */
export const MAX_SIGNED_BYTES = 4 * 1024 * 1024;

/** Longest document printed to PDF: a batch of 500 transcripts is a few megabytes. */
export const MAX_PRINT_HTML_LENGTH = 64 * 1024 * 1024;

const MAX_TITLE_LENGTH = 200;
const MAX_FILE_NAME_LENGTH = 255;
const MAX_FILTERS = 16;
const MAX_EXTENSIONS_PER_FILTER = 16;

/** Characters that separate paths or are reserved in file names on Windows, macOS or Linux. */
const FORBIDDEN_FILE_NAME_CHARACTERS = new Set(['/', '\\', ':', '*', '?', '"', '<', '>', '|']);

function isPlainFileName(name: string): boolean {
  if (name === '.' || name === '..' || name.trim() !== name) return false;
  for (const character of name) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || FORBIDDEN_FILE_NAME_CHARACTERS.has(character)) return false;
  }
  return true;
}

const dialogTitle = z.string().min(1).max(MAX_TITLE_LENGTH);

const fileFilter = z.strictObject({
  name: z.string().min(1).max(MAX_TITLE_LENGTH),
  extensions: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/, 'an extension is 1–32 letters, digits or inner hyphens (attache-progress), without the dot'),
    )
    .min(1)
    .max(MAX_EXTENSIONS_PER_FILTER),
});

const fileFilters = z.array(fileFilter).max(MAX_FILTERS);

const fileBytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the file as a Uint8Array of bytes')
  .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, `a file may hold at most ${MAX_FILE_BYTES} bytes`);

const suggestedFileName = z
  .string()
  .min(1)
  .max(MAX_FILE_NAME_LENGTH)
  .refine(isPlainFileName, 'the suggested name must be a plain file name, without folders or reserved characters');

export const openFileRequestSchema = z.strictObject({
  title: dialogTitle.optional(),
  filters: fileFilters.optional(),
});

export const saveFileRequestSchema = z.strictObject({
  title: dialogTitle.optional(),
  suggestedName: suggestedFileName,
  bytes: fileBytes,
  filters: fileFilters.optional(),
});

export const deviceKeyRequestSchema = z.strictObject({ create: z.boolean() });

export const signRequestSchema = z.strictObject({
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the bytes to sign as a Uint8Array')
    .refine((bytes) => bytes.byteLength <= MAX_SIGNED_BYTES, `at most ${MAX_SIGNED_BYTES} bytes are signed at once`),
});

export const printToPdfRequestSchema = z.strictObject({
  html: z.string().min(1).max(MAX_PRINT_HTML_LENGTH, `a document to print may hold at most ${MAX_PRINT_HTML_LENGTH} characters`),
  pageSize: z.enum(PDF_PAGE_SIZES),
});

/** Longest passphrase taken: far beyond what anyone types; bounds the key derivation's input. */
export const MAX_PASSPHRASE_LENGTH = 1024;

/** Largest academy key file imported: the encrypted key is a few hundred bytes of JSON. */
export const MAX_ACADEMY_KEY_FILE_BYTES = 64 * 1024;

/** Largest credential signed: an OpenBadgeCredential is a few kilobytes. */
export const MAX_CREDENTIAL_LENGTH = 1024 * 1024;

const passphrase = z.string().min(1, 'the passphrase is empty').max(MAX_PASSPHRASE_LENGTH);

/**
 * Where did:web finds the academy: a DNS host name in ASCII (an internationalised one in its xn-- form),
 * lower case, maybe a port and a path (`academy.example`, `academy.example:8443/attache`).
 */
export const DOMAIN_PATTERN =
  /^(?=[^:/]{1,253}(?::|\/|$))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?(?::(?:6553[0-5]|655[0-2]\d|65[0-4]\d{2}|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3}))?(?:\/[A-Za-z0-9._~-]+)*$/;

export const academyKeyCreateRequestSchema = z.strictObject({ passphrase });

export const academyKeyImportRequestSchema = z.strictObject({
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the key file as a Uint8Array of bytes')
    .refine((bytes) => bytes.byteLength <= MAX_ACADEMY_KEY_FILE_BYTES, `an academy key file holds at most ${MAX_ACADEMY_KEY_FILE_BYTES} bytes`),
  passphrase,
  newPassphrase: passphrase.nullable(),
  replace: z.boolean(),
});

export const academyKeyRewrapRequestSchema = z.strictObject({ passphrase, newPassphrase: passphrase });

export const academyKeyDomainRequestSchema = z.strictObject({
  domain: z
    .string()
    .max(512)
    .regex(DOMAIN_PATTERN, 'a domain is a host name such as academy.example in lower case (a port and a path may follow), without https://')
    .nullable(),
});

export const badgeSignRequestSchema = z.strictObject({
  credential: z.string().min(2).max(MAX_CREDENTIAL_LENGTH, `a credential to sign holds at most ${MAX_CREDENTIAL_LENGTH} characters`),
  passphrase,
  did: z
    .string()
    .regex(/^did:(?:key|web):[A-Za-z0-9._:%-]+$/, 'the issuer is a did:key or did:web')
    .max(2048),
});

/** Most statements sent to an LRS in one request: the sync sends batches of a few dozen. */
export const MAX_LRS_BATCH_STATEMENTS = 100;

/** Longest statement: one holding a long draft's text is tens of kilobytes. */
export const MAX_LRS_STATEMENT_LENGTH = 1024 * 1024;

/** Most characters of statements in one request, a few megabytes, well under what LRSs accept in one POST. */
export const MAX_LRS_BATCH_LENGTH = 4 * 1024 * 1024;

const MAX_LRS_ENDPOINT_LENGTH = 2048;
const MAX_LRS_CREDENTIAL_LENGTH = 1024;

/** Why an endpoint cannot be used, or null when it can: an absolute http(s) URL to a folder, nothing after the path. */
export function lrsEndpointProblem(endpoint: string): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'the endpoint must be an absolute address such as https://lrs.academy.example/xapi/';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the endpoint must start with https:// (or http://)';
  if (url.username || url.password) return 'the endpoint may not hold a user name or password: they go in the key and secret';
  if (url.search || url.hash || endpoint.includes('?') || endpoint.includes('#')) return 'the endpoint may not hold a query (?…) or fragment (#…)';
  if (!endpoint.endsWith('/')) return 'the endpoint must end with "/" (statements go to <endpoint>statements)';
  return null;
}

const lrsEndpoint = z
  .string()
  .max(MAX_LRS_ENDPOINT_LENGTH)
  .superRefine((endpoint, context) => {
    const problem = lrsEndpointProblem(endpoint);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** No control characters: a key or secret is sent in an HTTP header, and a colon would split the key from the secret. */
function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const lrsCredential = z
  .string()
  .max(MAX_LRS_CREDENTIAL_LENGTH)
  .refine((text) => !hasControlCharacter(text), 'may not hold control characters (line breaks, tabs)');

export const lrsConnectionInputSchema = z.strictObject({
  endpoint: lrsEndpoint,
  key: lrsCredential.min(1).refine((key) => !key.includes(':'), 'the key may not hold a colon (":")'),
  secret: lrsCredential.nullable(),
});

function isJsonObjectText(text: string): boolean {
  if (!text.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

export const lrsPostRequestSchema = z.strictObject({
  statements: z
    .array(
      z
        .string()
        .max(MAX_LRS_STATEMENT_LENGTH, `a statement may hold at most ${MAX_LRS_STATEMENT_LENGTH} characters`)
        // Each text goes into the body as it is, between commas: only a whole JSON object keeps the array whole.
        .refine(isJsonObjectText, 'each statement must be the JSON text of one object'),
    )
    .min(1, 'a batch holds at least one statement')
    .max(MAX_LRS_BATCH_STATEMENTS, `a batch holds at most ${MAX_LRS_BATCH_STATEMENTS} statements`)
    .refine(
      (statements) => statements.reduce((total, statement) => total + statement.length, 0) <= MAX_LRS_BATCH_LENGTH,
      `a batch's statements may hold at most ${MAX_LRS_BATCH_LENGTH} characters together`,
    ),
});

/** Longest folder path taken: far beyond what any file system gives. */
export const MAX_FOLDER_PATH_LENGTH = 4096;

const studioFolderPath = z
  .string()
  .min(1)
  .max(MAX_FOLDER_PATH_LENGTH)
  .refine((text) => !hasControlCharacter(text), 'a folder path may not hold control characters');

/** A path inside a pack, held to the rule every pack file name follows (core/pack/paths.ts). */
const packFilePath = z.string().superRefine((value, context) => {
  const problem = pathProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: `the path ${JSON.stringify(value.slice(0, 80))} ${problem}` });
});

const studioFolderFile = z.strictObject({
  path: packFilePath,
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the file as a Uint8Array of bytes')
    .refine((bytes) => bytes.byteLength <= ARCHIVE_LIMITS.maxEntryBytes, `a file of a pack may hold at most ${ARCHIVE_LIMITS.maxEntryBytes} bytes`),
});

export const studioFolderOpenRequestSchema = z.strictObject({ title: dialogTitle.optional() });

export const studioFolderSaveRequestSchema = z
  .strictObject({
    folder: studioFolderPath,
    files: z.array(studioFolderFile).max(PACK_LIMITS.maxFiles, `a pack holds at most ${PACK_LIMITS.maxFiles} files`),
    remove: z.array(packFilePath).max(PACK_LIMITS.maxFiles),
  })
  .refine(
    (request) => request.files.reduce((total, file) => total + file.bytes.byteLength, 0) <= ARCHIVE_LIMITS.maxTotalBytes,
    `a pack's files may hold at most ${ARCHIVE_LIMITS.maxTotalBytes} bytes together`,
  )
  .refine((request) => new Set(request.files.map((file) => file.path)).size === request.files.length, 'each file is given once')
  .refine((request) => {
    const written = new Set(request.files.map((file) => file.path));
    return request.remove.every((path) => !written.has(path));
  }, 'a file is either written or removed, not both');

export const menuStateSchema = z.strictObject({
  language: z.enum(SUPPORTED_LANGUAGES),
  theme: z.enum(THEME_PREFERENCES),
});

type ArgsSchemaMap = { [Channel in InvokeChannel]: z.ZodType<InvokeContract[Channel]['args']> };

/**
 * The schema of each channel's arguments tuple. `satisfies` ties it to the contract: a channel
 * added to `InvokeContract`, or an argument changed there, stops this file from compiling.
 */
export const INVOKE_ARGS_SCHEMAS = {
  'app:get-info': z.tuple([]),
  'app:get-system-locale': z.tuple([]),
  'file:open': z.tuple([openFileRequestSchema]),
  'file:save': z.tuple([saveFileRequestSchema]),
  'file:open-many': z.tuple([openFileRequestSchema]),
  'device-key:get': z.tuple([deviceKeyRequestSchema]),
  'device-key:sign': z.tuple([signRequestSchema]),
  'print:to-pdf': z.tuple([printToPdfRequestSchema]),
  'lrs:get-connection': z.tuple([]),
  'lrs:set-connection': z.tuple([lrsConnectionInputSchema.nullable()]),
  'lrs:test-connection': z.tuple([lrsConnectionInputSchema.nullable()]),
  'lrs:post-statements': z.tuple([lrsPostRequestSchema]),
  'academy-key:get': z.tuple([]),
  'academy-key:create': z.tuple([academyKeyCreateRequestSchema]),
  'academy-key:export': z.tuple([]),
  'academy-key:import': z.tuple([academyKeyImportRequestSchema]),
  'academy-key:rewrap': z.tuple([academyKeyRewrapRequestSchema]),
  'academy-key:set-domain': z.tuple([academyKeyDomainRequestSchema]),
  'badge:sign': z.tuple([badgeSignRequestSchema]),
  'menu:set-state': z.tuple([menuStateSchema]),
  'studio:open-folder': z.tuple([studioFolderOpenRequestSchema]),
  'studio:save-folder': z.tuple([studioFolderSaveRequestSchema]),
} as const satisfies ArgsSchemaMap;

export type InvokeArgsSchemas = typeof INVOKE_ARGS_SCHEMAS;

export type ArgsValidation<Channel extends InvokeChannel> = { ok: true; args: InvokeContract[Channel]['args'] } | { ok: false; message: string };

/** Checks the arguments a renderer sent on `channel`; the message says what was wrong. */
export function validateInvokeArgs<Channel extends InvokeChannel>(channel: Channel, args: unknown): ArgsValidation<Channel> {
  const schemas: ArgsSchemaMap = INVOKE_ARGS_SCHEMAS;
  const result = schemas[channel].safeParse(args);
  if (result.success) return { ok: true, args: result.data };
  return { ok: false, message: z.prettifyError(result.error) };
}
