// Runtime: any (pure). Packs installed from `.attache` archives: checked the way the CLI checks them
// (the archive's integrity, then the pack's validity), and turned into the library with the built-in packs.
import type { ArchiveErrorCode } from '../core/pack/archive';
import { ArchiveError, readArchive } from '../core/pack/archive';
import type { Diagnostic } from '../core/pack/diagnostics';
import { hasErrors } from '../core/pack/diagnostics';
import type { Pack } from '../core/pack/load';
import { loadPack } from '../core/pack/load';
import type { InstalledPackRecord } from '../db/database';
import type { Library } from './library';
import { createLibrary } from './library';

export type InstallProblem =
  | { kind: 'archive'; code: ArchiveErrorCode; entry: string | null; detail: string }
  | { kind: 'invalid'; diagnostics: Diagnostic[] }
  | { kind: 'built-in'; packId: string };

export class PackInstallError extends Error {
  override name = 'PackInstallError';

  constructor(readonly problem: InstallProblem) {
    super(problem.kind === 'archive' ? problem.detail : problem.kind === 'invalid' ? `the pack has ${problem.diagnostics.length} problem(s)` : `"${problem.packId}" is built in`);
  }
}

/** Reads and validates an archive; throws PackInstallError with what is wrong. */
export function checkArchive(bytes: Uint8Array, appVersion: string, builtInIds: readonly string[]): Pack {
  let files;
  try {
    files = readArchive(bytes).files;
  } catch (error) {
    if (error instanceof ArchiveError) throw new PackInstallError({ kind: 'archive', code: error.code, entry: error.entry ?? null, detail: error.message });
    throw error;
  }
  const result = loadPack(files, { appVersion });
  if (!result.pack || hasErrors(result.diagnostics)) throw new PackInstallError({ kind: 'invalid', diagnostics: result.diagnostics.filter((d) => d.severity === 'error') });
  if (builtInIds.includes(result.pack.manifest.id)) throw new PackInstallError({ kind: 'built-in', packId: result.pack.manifest.id });
  return result.pack;
}

// Every read of the packs table gives new byte arrays: an installation is known by what it was,
// so a pack is checked once per installation, not each time a screen reads the library.
const cache = new Map<string, Pack | { diagnostics: Diagnostic[] }>();
const installationKey = (record: InstalledPackRecord) => `${record.packId}\u0000${record.version}\u0000${record.installedAt}`;

/** The built-in library plus the installed packs; an installed pack that no longer loads is listed as a problem. */
export function withInstalled(builtIn: Library, installed: readonly InstalledPackRecord[], appVersion: string): Library {
  const packs = [...builtIn.packs];
  const problems = [...builtIn.problems];
  for (const record of installed) {
    const key = installationKey(record);
    let loaded = cache.get(key);
    if (!loaded) {
      try {
        loaded = checkArchive(record.archive, appVersion, []);
      } catch (error) {
        loaded = { diagnostics: error instanceof PackInstallError && error.problem.kind === 'invalid' ? error.problem.diagnostics : [] };
      }
      cache.set(key, loaded);
    }
    if ('manifest' in loaded) packs.push(loaded);
    else problems.push({ source: record.packId, diagnostics: loaded.diagnostics });
  }
  return createLibrary(packs, problems);
}
