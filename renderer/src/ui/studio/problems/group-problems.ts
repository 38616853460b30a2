// Runtime: renderer. The problems panel's list, worked out from a check: problems grouped by file in
// the order the loader sorts them, each with its words rendered in the reader's language, whether it
// can be shown in the YAML (a line of a file the pack has), and the problems not listed, counted.
import { countProblems } from '../../../core/pack/diagnostics';
import type { Translate } from '../../../i18n/grading-message';
import { renderDiagnostic } from '../../../i18n/pack-diagnostic-message';
import type { StudioDiagnostic } from '../../../studio/checker';

export interface ProblemRow {
  /** Stable within one check: the problem's place in the list. */
  index: number;
  diagnostic: StudioDiagnostic;
  message: string;
  hint?: string;
  /** The YAML place to jump to; null for a problem of the pack as a whole or a file that is not text. */
  place: { file: string; line: number; column: number } | null;
}

export interface ProblemGroup {
  file: string;
  rows: ProblemRow[];
  /** Problems of this file not listed (the loader lists a fixed number per file). */
  notListed: number;
}

export interface ProblemList {
  groups: ProblemGroup[];
  errors: number;
  warnings: number;
  /** Problems of files none of whose problems are listed. */
  notListedElsewhere: number;
}

export function groupProblems(
  diagnostics: readonly StudioDiagnostic[],
  texts: ReadonlyMap<string, string>,
  translate: Translate,
  language: string,
): ProblemList {
  const groups = new Map<string, ProblemGroup>();
  let errors = 0;
  let warnings = 0;
  let notListedElsewhere = 0;
  let index = 0;
  for (const diagnostic of diagnostics) {
    const count = countProblems([diagnostic]);
    if (diagnostic.severity === 'error') errors += count;
    else warnings += count;
    if (diagnostic.omitted !== undefined && !texts.has(diagnostic.file) && !groups.has(diagnostic.file)) {
      notListedElsewhere += diagnostic.omitted;
      continue;
    }
    let group = groups.get(diagnostic.file);
    if (!group) {
      group = { file: diagnostic.file, rows: [], notListed: 0 };
      groups.set(diagnostic.file, group);
    }
    if (diagnostic.omitted !== undefined) {
      group.notListed += diagnostic.omitted;
      continue;
    }
    const text = renderDiagnostic(translate, language, diagnostic);
    group.rows.push({
      index: index++,
      diagnostic,
      message: text.message,
      ...(text.hint ? { hint: text.hint } : {}),
      // A problem of a whole file opens the file at its start.
      place: texts.has(diagnostic.file) ? { file: diagnostic.file, line: Math.max(1, diagnostic.line), column: Math.max(1, diagnostic.column) } : null,
    });
  }
  return { groups: [...groups.values()], errors, warnings, notListedElsewhere };
}
