// Runtime: any (pure). Packs installed from `.attache` archives: checked the way the CLI checks them
// (the archive's integrity, then the pack's validity).
import { ArchiveError, readArchive } from '../core/pack/archive';
import { hasErrors } from '../core/pack/diagnostics';
import type { Pack } from '../core/pack/load';
import { loadPack } from '../core/pack/load';
import { PackInstallError } from './install-problem';

export { PackInstallError, type InstallProblem } from './install-problem';

export interface CheckedArchive {
  pack: Pack;
  /** The content hash the archive's manifest states, verified against every file while reading. */
  contentHash: string;
}

/** Reads and validates an archive; throws PackInstallError with what is wrong. */
export function checkArchiveWithHash(bytes: Uint8Array, appVersion: string, builtInIds: readonly string[]): CheckedArchive {
  let read;
  try {
    read = readArchive(bytes);
  } catch (error) {
    if (error instanceof ArchiveError) throw new PackInstallError({ kind: 'archive', code: error.code, entry: error.entry ?? null, detail: error.message });
    throw error;
  }
  const result = loadPack(read.files, { appVersion });
  if (!result.pack || hasErrors(result.diagnostics))
    throw new PackInstallError({ kind: 'invalid', diagnostics: result.diagnostics.filter((d) => d.severity === 'error') });
  if (builtInIds.includes(result.pack.manifest.id)) throw new PackInstallError({ kind: 'built-in', packId: result.pack.manifest.id });
  return { pack: result.pack, contentHash: read.manifest.contentHash };
}

/** Reads and validates an archive; throws PackInstallError with what is wrong. */
export function checkArchive(bytes: Uint8Array, appVersion: string, builtInIds: readonly string[]): Pack {
  return checkArchiveWithHash(bytes, appVersion, builtInIds).pack;
}
