// Runtime: web worker, or the renderer where workers are missing (unit tests). Builds the library:
// the built-in packs, validated once per app version, plus the installed packs, each checked once per
// installation and remembered in the database so that later starts neither inflate nor validate it.
import type { Diagnostic } from '../core/pack/diagnostics';
import { PACK_FORMAT } from '../core/pack/schema';
import type { AttacheDatabase, CheckedPackRecord, InstalledPackRecord } from '../db/database';
import { loadBuiltinLibrary } from './builtin';
import { checkArchiveWithHash, PackInstallError } from './installed';
import { createLibrary, type Library } from './library';

/**
 * Bump when what a check stores changes meaning (the loader's output, the checks it makes) without
 * a new app version, so that no row written by the older code is trusted.
 */
export const CHECK_FORMAT = 1;

/**
 * An installation is known by its pack id, the time installPack stamped on it and the archive's size:
 * installPack is the only writer of the packs table and stamps every installation anew, so the same
 * key means the same bytes; the size is a cheap guard against a row changed some other way.
 */
export function installationKey(record: Pick<InstalledPackRecord, 'packId' | 'installedAt' | 'archive'>): string {
  return `${record.packId}\u0000${record.installedAt}\u0000${record.archive.byteLength}`;
}

/** Whether a stored check may stand for checking the archive again under this app. */
export function isTrusted(row: CheckedPackRecord | undefined, appVersion: string): row is CheckedPackRecord {
  return row !== undefined && row.appVersion === appVersion && row.packFormat === PACK_FORMAT && row.checkFormat === CHECK_FORMAT;
}

export interface LibraryLoad {
  library: Library;
  /** Archives inflated and validated by this load; the others came from earlier checks. */
  checked: number;
  reused: number;
}

function check(record: InstalledPackRecord, appVersion: string, now: number): CheckedPackRecord {
  const base = { installation: installationKey(record), appVersion, packFormat: PACK_FORMAT, checkFormat: CHECK_FORMAT, checkedAt: now };
  try {
    const { pack, contentHash } = checkArchiveWithHash(record.archive, appVersion, []);
    return { ...base, contentHash, outcome: { kind: 'valid', pack } };
  } catch (error) {
    if (!(error instanceof PackInstallError)) throw error;
    const diagnostics: Diagnostic[] =
      error.problem.kind === 'invalid'
        ? error.problem.diagnostics
        : [{ severity: 'error', file: record.packId, line: 0, column: 0, path: '', message: error.message }];
    return { ...base, contentHash: null, outcome: { kind: 'invalid', diagnostics } };
  }
}

/**
 * The whole library. Checks that cannot be saved (a full disk) only cost the next start a check;
 * rows of installations that are gone are removed.
 */
export async function loadLibrary(db: AttacheDatabase, appVersion: string, now: () => number = Date.now): Promise<LibraryLoad> {
  const builtIn = loadBuiltinLibrary(appVersion);
  const installed = await db.packs.orderBy('packId').toArray();
  const keys = installed.map(installationKey);
  const stored = await db.checkedPacks.bulkGet(keys);
  const packs = [...builtIn.packs];
  const problems = [...builtIn.problems];
  const fresh: CheckedPackRecord[] = [];
  installed.forEach((record, index) => {
    let row = stored[index];
    if (!isTrusted(row, appVersion)) {
      row = check(record, appVersion, now());
      fresh.push(row);
    }
    if (row.outcome.kind === 'valid') packs.push(row.outcome.pack);
    else problems.push({ source: record.packId, diagnostics: row.outcome.diagnostics });
  });
  const wanted = new Set(keys);
  const stale = (await db.checkedPacks.toCollection().primaryKeys()).filter((key) => !wanted.has(key));
  try {
    await db.transaction('rw', db.checkedPacks, async () => {
      if (fresh.length > 0) await db.checkedPacks.bulkPut(fresh);
      if (stale.length > 0) await db.checkedPacks.bulkDelete(stale);
    });
  } catch (error) {
    console.warn('Attaché could not remember its pack checks; the next start checks the installed packs again.', error);
  }
  return { library: createLibrary(packs, problems), checked: fresh.length, reused: installed.length - fresh.length };
}
