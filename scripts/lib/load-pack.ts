// Runtime: Node (scripts). Loads and validates a pack for a CLI, or explains why it cannot.
import { ArchiveError } from '../../renderer/src/core/pack/archive';
import { firstProblems, formatDiagnostic } from '../../renderer/src/core/pack/diagnostics';
import type { Pack } from '../../renderer/src/core/pack/load';
import { loadPack } from '../../renderer/src/core/pack/load';
import { APP_VERSION } from './app-version';
import { PackInputError, readPackSource } from './pack-files';

export class CliInputError extends Error {}

/** The validated pack at `target` (folder or archive); throws CliInputError with the reasons otherwise. */
export function loadPackOrExplain(target: string): Pack {
  let source;
  try {
    source = readPackSource(target);
  } catch (error) {
    if (error instanceof PackInputError) throw new CliInputError(error.message);
    if (error instanceof ArchiveError) throw new CliInputError(`${target}: ${error.message} ${error.hint}`);
    throw error;
  }
  const { pack, diagnostics } = loadPack(source.files, { appVersion: APP_VERSION });
  if (!pack) {
    const { shown, more } = firstProblems(
      diagnostics.filter((d) => d.severity === 'error'),
      5,
    );
    throw new CliInputError(
      `${target} is not a valid pack (npm run pack:check -- ${target} shows every problem):\n  ${shown.map(formatDiagnostic).join('\n  ')}${more > 0 ? `\n  … and ${more.toLocaleString('en-US')} more` : ''}`,
    );
  }
  return pack;
}
