// Runtime: web worker, or the renderer where workers are missing (unit tests). Builds the library:
// the built-in packs, validated once per app version, plus the installed packs, each checked once per
// installation and remembered in the database so that later starts neither inflate nor validate it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Diagnostic } from '../core/pack/diagnostics';
import { PACK_FORMAT } from '../core/pack/schema';
import type { AttacheDatabase, CheckedPackRecord, InstalledPackRecord } from '../db/database';
import { loadBuiltinLibrary } from './builtin';
import { checkArchiveWithHash, PackInstallError, type CheckedArchive } from './installed';
import { createLibrary, type Library } from './library';

/**
 * Bump when what a check stores changes meaning (the loader's output, the checks it makes) without
 * a new app version, so that no row written by the older code is trusted.
 */
export const CHECK_FORMAT = 2;

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
  /** Archives inflated and validated by this load; the others came from earlier checks (stored, or made when installing). */
  checked: number;
  reused: number;
}

/**
 * Archives this worker checked before they were installed, by the SHA-256 of their bytes and the app
 * version: the library read that follows an install finds the same bytes and does not check them
 * again. A handful suffice; the oldest go first.
 */
const checkedBeforeInstall = new Map<string, CheckedArchive>();
const REMEMBERED_BEFORE_INSTALL = 4;
const archiveKey = (bytes: Uint8Array, appVersion: string) => `${appVersion}\u0000${bytesToHex(sha256(bytes))}`;

/** Notes an archive found valid when it was offered for installation (see checkedBeforeInstall). */
export function rememberCheckBeforeInstall(bytes: Uint8Array, appVersion: string, checked: CheckedArchive): void {
  checkedBeforeInstall.set(archiveKey(bytes, appVersion), checked);
  for (const key of checkedBeforeInstall.keys()) {
    if (checkedBeforeInstall.size <= REMEMBERED_BEFORE_INSTALL) break;
    checkedBeforeInstall.delete(key);
  }
}

/** The check of an installation, and whether it took inflating and validating the archive now. */
function check(record: InstalledPackRecord, appVersion: string, now: number): { row: CheckedPackRecord; inflated: boolean } {
  const base = { installation: installationKey(record), appVersion, packFormat: PACK_FORMAT, checkFormat: CHECK_FORMAT, checkedAt: now };
  const key = checkedBeforeInstall.size > 0 ? archiveKey(record.archive, appVersion) : null;
  const before = key === null ? undefined : checkedBeforeInstall.get(key);
  if (key !== null && before) {
    checkedBeforeInstall.delete(key);
    return { row: { ...base, contentHash: before.contentHash, outcome: { kind: 'valid', pack: before.pack } }, inflated: false };
  }
  try {
    const { pack, contentHash } = checkArchiveWithHash(record.archive, appVersion, []);
    return { row: { ...base, contentHash, outcome: { kind: 'valid', pack } }, inflated: true };
  } catch (error) {
    if (!(error instanceof PackInstallError)) throw error;
    const diagnostics: Diagnostic[] =
      error.problem.kind === 'invalid'
        ? error.problem.diagnostics
        : [{ severity: 'error', file: record.packId, line: 0, column: 0, path: '', message: error.message }];
    return { row: { ...base, contentHash: null, outcome: { kind: 'invalid', diagnostics } }, inflated: true };
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
  let inflated = 0;
  installed.forEach((record, index) => {
    let row = stored[index];
    if (!isTrusted(row, appVersion)) {
      const checked = check(record, appVersion, now());
      row = checked.row;
      fresh.push(row);
      if (checked.inflated) inflated += 1;
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
  return { library: createLibrary(packs, problems), checked: inflated, reused: installed.length - inflated };
}
