// Runtime: renderer. Keeping the YAML editor in step with the studio's document, as pure helpers: the
// smallest change for text that changed elsewhere (so the cursor stays), and problems and places as
// positions in the editor's text.
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { Annotation, type ChangeSpec, type Text } from '@codemirror/state';

/** Marks a change that came from the document (a form, undo), so it is not sent back as an edit. */
export const fromDocument = Annotation.define<boolean>();

/**
 * The smallest replacement that turns `before` into `after`: the common start and end stay, so the
 * cursor and selection outside the changed part keep their place, and the undo of a form's edit
 * does not jump the editor to the top.
 */
export function minimalChange(before: string, after: string): ChangeSpec | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end += 1;
  // Never split a surrogate pair: a change that starts or ends inside one would leave half a character.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The offset of a 1-based line and column, kept inside the text (a check of an older text may point past its end). */
export function offsetOf(doc: Text, line: number, column = 1): number {
  const lineInfo = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(lineInfo.from + Math.max(0, column - 1), lineInfo.to);
}

export interface PlacedProblem {
  severity: 'error' | 'warning';
  /** 1-based; 0 for the file as a whole. */
  line: number;
  column: number;
  message: string;
}

/**
 * Lint marks for the studio's diagnostics of one file: from the column to the end of the word or
 * value there, so a mark is visible; a problem of the whole file marks its first line.
 */
export function lintDiagnostics(doc: Text, problems: readonly PlacedProblem[]): LintDiagnostic[] {
  return problems.map((problem) => {
    const from = problem.line > 0 ? offsetOf(doc, problem.line, problem.column) : 0;
    const line = doc.lineAt(from);
    const rest = line.text.slice(from - line.from);
    const token = /^\S+/.exec(rest)?.[0].length ?? 0;
    const to = token > 0 ? from + token : line.to > from ? line.to : from;
    return { from, to, severity: problem.severity, message: problem.message };
  });
}
