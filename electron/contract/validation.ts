// Runtime: Electron main process (imported by its IPC layer; pure, no Node or DOM APIs).
// Everything a renderer sends over IPC is untrusted until it passes these schemas: the main
// process validates the arguments of every `InvokeContract` channel before a handler sees them.
import { z } from 'zod';
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
  'menu:set-state': z.tuple([menuStateSchema]),
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
