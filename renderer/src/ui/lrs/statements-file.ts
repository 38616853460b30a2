// Runtime: renderer. The web build's stand-in for sync: every statement of the outbox in one JSON file,
// each statement's bytes exactly as stored (the ones an LRS may already hold), for the academy to send
// to its LRS from the desktop app or to hand to the LRS's administrator.
import type { StatementsBlocker } from '../../core/records/xapi';
import type { AttacheDatabase } from '../../db/database';
import { allStatements } from '../../db/repositories/outbox';
import type { Library } from '../../library/library';
import { buildPendingStatements } from '../../records/statements';

export interface StatementsFile {
  bytes: Uint8Array;
  /** Statements in the file. */
  count: number;
  /** Outcomes left out because the academy's settings do not yet say who the trainee is to the LRS. */
  waiting: Partial<Record<StatementsBlocker, number>>;
}

/** Builds what is still to be built, then writes every statement, in building order, as one JSON array. */
export async function buildStatementsFile(db: AttacheDatabase, library: Library, now: () => number): Promise<StatementsFile> {
  const report = await buildPendingStatements(db, library, { now });
  const rows = await allStatements(db);
  // One statement a line between the brackets: still one JSON array, and each statement's bytes untouched.
  const text = rows.length === 0 ? '[]\n' : `[\n${rows.map((row) => row.json).join(',\n')}\n]\n`;
  return { bytes: new TextEncoder().encode(text), count: rows.length, waiting: report.waiting };
}

/** e.g. attache-statements-2026-12-06.json (the local date). */
export function statementsFileName(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `attache-statements-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}
