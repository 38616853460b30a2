// Runtime: Node (scripts). Progress files named on the command line, read from disk and checked as the
// academy's import checks them (signature, every record's hash and shape, every draft graded again):
// one reading for `records -- verify`, `records -- sync` and `records -- badge issue`, each of which then
// says in its own words what a refused or edited file means for it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PlayedScenario } from '../../renderer/src/core/records/outcome';
import {
  PROGRESS_FILE_EXTENSION,
  PROGRESS_FILE_LIMITS,
  ProgressFileError,
  readProgressFile,
  type VerifiedProgressFile,
} from '../../renderer/src/core/records/progress-file';
import type { RegradeReport, Regrader } from '../../renderer/src/core/records/regrade';
import { RecordsUsageError } from './records-command';

/** The files named: each file as given, and the progress files inside each folder (in name order). */
export function progressFilesOf(targets: readonly string[]): string[] {
  return targets.flatMap((target) => {
    if (existsSync(target) && statSync(target).isDirectory()) {
      const found = readdirSync(target)
        .filter((name) => name.endsWith(`.${PROGRESS_FILE_EXTENSION}`))
        .sort()
        .map((name) => path.join(target, name));
      if (found.length === 0) throw new RecordsUsageError(`${target} holds no .${PROGRESS_FILE_EXTENSION} files`);
      return found;
    }
    return [target];
  });
}

export type CheckedProgressFile =
  /** Read and verified; `flagged` are the attempts changed after they were graded (empty for a clean file). */
  | { ok: true; verified: VerifiedProgressFile; reports: RegradeReport[]; flagged: RegradeReport[] }
  /** Not read or refused: why, and what to do, in a sentence that follows the file's name. */
  | { ok: false; why: string };

/** Reads a file from disk, refusing one larger than any progress file before reading it. */
function readFromDisk(file: string): Uint8Array | { why: string } {
  try {
    const size = statSync(file).size;
    if (size > PROGRESS_FILE_LIMITS.maxArchiveBytes)
      return { why: `is larger than any progress file (${Math.round(size / 1024 / 1024)} MiB). Ask the trainee to save their progress file again.` };
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    return { why: `cannot be read: ${why}. Check the name and that the file was copied whole.` };
  }
}

/**
 * Reads and checks one progress file. `installed` (by played-scenario key) compares each scenario with an
 * installed pack of the same content; `read` replaces the disk (tests).
 */
export function checkProgressFile(
  file: string,
  regrader: Regrader,
  options: { installed?: ReadonlyMap<string, PlayedScenario>; read?: (file: string) => Uint8Array } = {},
): CheckedProgressFile {
  const bytes = options.read ? options.read(file) : readFromDisk(file);
  if (!(bytes instanceof Uint8Array)) return { ok: false, why: bytes.why };
  let verified: VerifiedProgressFile;
  try {
    verified = readProgressFile(bytes);
  } catch (error) {
    if (error instanceof ProgressFileError) return { ok: false, why: `${error.message} ${error.hint}` };
    throw error;
  }
  const played = new Map(verified.played.map((scenario) => [scenario.key, scenario]));
  const reports = verified.outcomes.map((outcome) => {
    const scenario = played.get(outcome.summary.playedScenario)!;
    return regrader.check(outcome, scenario, options.installed?.get(scenario.key) ?? null);
  });
  return { ok: true, verified, reports, flagged: reports.filter((report) => report.verdict === 'flagged') };
}
