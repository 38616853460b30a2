// Runtime: any (pure). Why an archive was refused: light enough for the first script, which reports
// refusals that the library worker found.
import type { ArchiveErrorCode } from '../core/pack/archive';
import type { Diagnostic } from '../core/pack/diagnostics';

export type InstallProblem =
  | { kind: 'archive'; code: ArchiveErrorCode; entry: string | null; detail: string }
  | { kind: 'invalid'; diagnostics: Diagnostic[] }
  | { kind: 'built-in'; packId: string };

export class PackInstallError extends Error {
  override name = 'PackInstallError';

  constructor(readonly problem: InstallProblem) {
    super(
      problem.kind === 'archive'
        ? problem.detail
        : problem.kind === 'invalid'
          ? `the pack has ${problem.diagnostics.length} problem(s)`
          : `"${problem.packId}" is built in`,
    );
  }
}
