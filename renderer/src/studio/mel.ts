// Runtime: renderer. Reading a master events list from a file (CSV, or the first sheet of an XLSX
// workbook) into rows of cells for core/studio/mel.ts, and remembering how its columns were mapped.
//
// XLSX is read with SheetJS (the `@e965/xlsx` republish of SheetJS 0.20.3, the version SheetJS itself
// serves from its own CDN: the `xlsx` package on npm stops at 0.18.5, with known advisories). It was
// chosen over exceljs because it runs in the page as a plain ES module with no Node polyfills
// (exceljs's browser build brings Buffer, streams and its own copy of JSZip), it tells a number from
// a date or time by the cell's format (SSF.is_date), and it has no eval or `new Function`, so it works
// under the app's `script-src 'self'`. About 1 MB of code: it is imported only when an XLSX file is
// opened, never with the studio itself.
import Papa from 'papaparse';
import { headerSignature, isMelMapping, isRememberedMappings, rememberMapping, type MelCell, type MelMapping } from '../core/studio/mel';
import type { AttacheDatabase } from '../db/database';
import { readSetting, saveSetting } from '../db/repositories/settings';

/** A sheet as the import reads it: the header row and the rows under it, as written. */
export interface MelSheet {
  /** The file's name, as shown in the dialog. */
  name: string;
  headers: string[];
  /** Every row, the header row first (so that row numbers are the spreadsheet's: index + 1). */
  rows: MelCell[][];
}

/** The largest file read: far above any events list, well below what would stall the page. */
export const MEL_MAX_BYTES = 8 * 1024 * 1024;
/** Rows read at most; a longer sheet is refused, saying so, rather than silently cut. */
export const MEL_MAX_ROWS = 5_000;
export const MEL_MAX_COLUMNS = 64;

export type MelReadProblem = 'too-large' | 'too-many-rows' | 'empty' | 'unreadable' | 'unsupported';

/** Why a file gave no sheet: the dialog words it from `problem`. */
export class MelReadError extends Error {
  constructor(
    readonly problem: MelReadProblem,
    detail = '',
  ) {
    super(`Cannot read the events list (${problem})${detail ? `: ${detail}` : ''}`);
    this.name = 'MelReadError';
  }
}

export const MEL_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xlsm', 'xls', 'ods'] as const;

const isSpreadsheetWorkbook = (name: string) => /\.(xlsx|xlsm|xls|ods)$/i.test(name);

/** UTF-8 (with or without a BOM); otherwise Windows-1251, which Excel in Russian saves CSV in. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

function sheetOf(name: string, table: MelCell[][]): MelSheet {
  // Trailing empty columns (a spreadsheet's stray formatting) are no columns.
  const width = Math.max(
    0,
    ...table.map((row) => row.findLastIndex((cell) => cell !== null && String(typeof cell === 'object' ? cell.serial : cell).trim() !== '') + 1),
  );
  if (table.length === 0 || width === 0) throw new MelReadError('empty');
  if (table.length > MEL_MAX_ROWS + 1) throw new MelReadError('too-many-rows', String(table.length - 1));
  const rows = table.map((row) => Array.from({ length: Math.min(width, MEL_MAX_COLUMNS) }, (_, index) => row[index] ?? null));
  const headers = rows[0]!.map((cell, index) => (cell === null ? '' : typeof cell === 'object' ? String(cell.serial) : String(cell).trim()) || `#${index + 1}`);
  return { name, headers, rows };
}

/** A CSV (comma, semicolon or tab separated: papaparse finds which). */
export function readCsv(name: string, bytes: Uint8Array): MelSheet {
  if (bytes.byteLength > MEL_MAX_BYTES) throw new MelReadError('too-large');
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const table = parsed.data.map((row) => row.map((cell): MelCell => (cell.trim() === '' ? null : cell)));
  if (parsed.errors.length > 0 && table.length === 0) throw new MelReadError('unreadable', parsed.errors[0]!.message);
  return sheetOf(name, table);
}

/** The first sheet of a workbook; dates and times come as serial numbers, told apart by their format. */
export async function readWorkbook(name: string, bytes: Uint8Array): Promise<MelSheet> {
  if (bytes.byteLength > MEL_MAX_BYTES) throw new MelReadError('too-large');
  // SheetJS reads any text as a one-column sheet: a workbook is a ZIP (xlsx, ods) or an OLE file (xls).
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (!zip && !ole) throw new MelReadError('unreadable', 'not a workbook');
  const XLSX = await import('@e965/xlsx');
  let workbook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      cellDates: false,
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      sheetRows: MEL_MAX_ROWS + 2,
      dense: true,
    });
  } catch (error) {
    throw new MelReadError('unreadable', error instanceof Error ? error.message : String(error));
  }
  const first = workbook.SheetNames[0];
  const sheet = first === undefined ? undefined : workbook.Sheets[first];
  if (!sheet?.['!ref']) throw new MelReadError('empty');
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const dense = (sheet['!data'] ?? []) as ({ t: string; v?: unknown; z?: string } | undefined)[][];
  const table: MelCell[][] = [];
  for (let row = range.s.r; row <= range.e.r; row += 1) {
    const cells: MelCell[] = [];
    for (let column = range.s.c; column <= Math.min(range.e.c, range.s.c + MEL_MAX_COLUMNS - 1); column += 1) {
      const cell = dense[row]?.[column];
      if (!cell || cell.v === undefined || cell.v === null || cell.t === 'z' || cell.t === 'e') cells.push(null);
      else if (cell.t === 'n' && typeof cell.v === 'number')
        cells.push(cell.z !== undefined && (XLSX.SSF as { is_date(format: string): boolean }).is_date(String(cell.z)) ? { serial: cell.v } : cell.v);
      else cells.push(String(cell.v as string | number | boolean));
    }
    table.push(cells);
  }
  return sheetOf(name, table);
}

/** Reads a file the user picked, by its extension. */
export async function readEventsFile(name: string, bytes: Uint8Array): Promise<MelSheet> {
  if (isSpreadsheetWorkbook(name)) return readWorkbook(name, bytes);
  if (/\.(csv|tsv|txt)$/i.test(name)) return readCsv(name, bytes);
  throw new MelReadError('unsupported', name);
}

/** The mapping remembered for sheets with these headers on this machine, or null. */
export async function readRememberedMapping(db: AttacheDatabase, headers: readonly string[]): Promise<MelMapping | null> {
  const remembered = await readSetting(db, 'studioImportMappings');
  const mapping = remembered && isRememberedMappings(remembered) ? remembered[headerSignature(headers)] : undefined;
  return mapping && isMelMapping(mapping, headers.length) ? mapping : null;
}

/** Remembers the mapping for sheets with these headers (the last ones used; the oldest forgotten past a bound). */
export async function rememberMelMapping(db: AttacheDatabase, headers: readonly string[], mapping: MelMapping): Promise<void> {
  const remembered = await readSetting(db, 'studioImportMappings');
  await saveSetting(
    db,
    'studioImportMappings',
    rememberMapping(remembered && isRememberedMappings(remembered) ? remembered : {}, headerSignature(headers), mapping),
  );
}
