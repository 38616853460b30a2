// Runtime: any (pure core). Problems found in a pack, reported the way a compiler reports them:
// `file:line:col  path  message  hint`.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path of the file inside the pack, e.g. `scenarios/flights-suspended.yaml`. */
  file: string;
  /** 1-based line and column; 0 when the problem concerns the file as a whole. */
  line: number;
  column: number;
  /** Where in the document, e.g. `tasks[2].account`; empty for the whole file. */
  path: string;
  message: string;
  /** What to do about it. */
  hint?: string;
}

export type PathSegment = string | number;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file;
  const parts = [where];
  if (diagnostic.path) parts.push(diagnostic.path);
  parts.push(diagnostic.severity === 'warning' ? `warning: ${diagnostic.message}` : diagnostic.message);
  if (diagnostic.hint) parts.push(diagnostic.hint);
  return parts.join('  ');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
