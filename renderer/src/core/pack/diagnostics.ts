// Runtime: any (pure core). Problems found in a pack, reported the way a compiler reports them:
// `file:line:col  path  message  hint`. Every diagnostic is made by `diagnostic()` from typed
// messages (message.ts) and bounded in length; a pack with more problems than are worth listing
// gets the first ones and one "and N more" line per file.
import type { DiagnosticLimits } from './limits';
import { DIAGNOSTIC_LIMITS } from './limits';
import type { Said, Words } from './message';
import { clip, clipMiddle, counted, say } from './message';

/** A diagnostic's message and hint in a form any language can word (see message.ts). */
export interface DiagnosticWords {
  message: Words;
  hint?: Words;
}

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
  /**
   * Set on the line that stands for problems not listed: how many there were. A screen that
   * words it in its own language uses this count.
   */
  omitted?: number;
  /**
   * The message and hint as words to translate; `message` and `hint` are their English, already
   * cut to their bounds. Set on every diagnostic made by `diagnostic()`.
   */
  words?: DiagnosticWords;
}

export type PathSegment = string | number;

/** The longest each part of a diagnostic may be, in characters. */
export const DIAGNOSTIC_TEXT_LIMITS = Object.freeze({ file: 60, path: 60, message: 140, hint: 110, formatted: 300 });

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    const part = typeof segment === 'number' ? `[${Number.isFinite(segment) ? segment : '?'}]` : clip(String(segment), 32);
    out += typeof segment === 'number' ? part : out ? `.${part}` : part;
  }
  return out;
}

const wholeNumber = (value: number) => (Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0);

/** A diagnostic whose every part is bounded; positions that are not numbers become 0 (the whole file). */
export function diagnostic(parts: {
  severity?: Severity;
  file: string;
  line?: number;
  column?: number;
  path?: string;
  message: Said;
  hint?: Said;
  omitted?: number;
}): Diagnostic {
  const limits = DIAGNOSTIC_TEXT_LIMITS;
  const line = wholeNumber(parts.line ?? 0);
  return {
    severity: parts.severity ?? 'error',
    file: clipMiddle(String(parts.file), limits.file),
    line,
    column: line ? wholeNumber(parts.column ?? 0) : 0,
    path: clipMiddle(parts.path ?? '', limits.path),
    message: clip(parts.message.en, limits.message),
    ...(parts.hint ? { hint: clip(parts.hint.en, limits.hint) } : {}),
    ...(parts.omitted !== undefined ? { omitted: wholeNumber(parts.omitted) } : {}),
    words: { message: parts.message.words, ...(parts.hint ? { hint: parts.hint.words } : {}) },
  };
}

/** One line for a terminal or a list, never longer than DIAGNOSTIC_TEXT_LIMITS.formatted. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return formatDiagnosticAs(diagnostic, diagnostic);
}

/** The same line with the message and hint as rendered from the diagnostic's words (the CLI's). */
export function formatDiagnosticAs(diagnostic: Diagnostic, text: { message: string; hint?: string }): string {
  const where = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file;
  const parts = [where];
  if (diagnostic.path) parts.push(diagnostic.path);
  parts.push(diagnostic.severity === 'warning' ? `warning: ${text.message}` : text.message);
  if (text.hint) parts.push(text.hint);
  return clip(parts.join('  '), DIAGNOSTIC_TEXT_LIMITS.formatted);
}

/** The line that counts the problems of files none of whose problems are listed. */
const UNLISTED_FILES = '.';
const isUnlistedFilesLine = (d: Diagnostic) => d.omitted !== undefined && d.file === UNLISTED_FILES;

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  // The line for files with no problem listed closes the list.
  const aLast = isUnlistedFilesLine(a) ? 1 : 0;
  const bLast = isUnlistedFilesLine(b) ? 1 : 0;
  if (aLast !== bLast) return aLast - bLast;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  // The "and N more" line of a file comes after the problems it continues.
  const aOmitted = a.omitted === undefined ? 0 : 1;
  const bOmitted = b.omitted === undefined ? 0 : 1;
  return aOmitted - bOmitted || a.line - b.line || a.column - b.column;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

/** How many problems a list stands for: each diagnostic, plus those its "and N more" lines count. */
export function countProblems(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.reduce((sum, d) => sum + (d.omitted ?? 1), 0);
}

/**
 * The first `limit` problems to show on a screen (not the "and N more" lines, which are worded in
 * the screen's own language from `more`), and how many problems are not shown.
 */
export function firstProblems(diagnostics: readonly Diagnostic[], limit: number): { shown: Diagnostic[]; more: number } {
  const shown = diagnostics.filter((d) => d.omitted === undefined).slice(0, Math.max(0, limit));
  return { shown, more: countProblems(diagnostics) - shown.length };
}

interface FileTally {
  listed: number;
  omittedErrors: number;
  omittedWarnings: number;
}

/**
 * Collects a pack's diagnostics with a fixed ceiling per file and in all. Callers ask `wants(file)`
 * before doing the work a diagnostic costs (finding its line, computing a hint); beyond the
 * ceiling a problem is only counted, and `list()` ends each file with one "and N more" line.
 */
export class DiagnosticList {
  private readonly items: Diagnostic[] = [];
  private readonly tallies = new Map<string, FileTally>();
  private readonly limits: DiagnosticLimits;

  constructor(limits: Partial<DiagnosticLimits> = {}) {
    this.limits = { ...DIAGNOSTIC_LIMITS, ...limits };
  }

  private tally(file: string): FileTally {
    let tally = this.tallies.get(file);
    if (!tally) {
      tally = { listed: 0, omittedErrors: 0, omittedWarnings: 0 };
      this.tallies.set(file, tally);
    }
    return tally;
  }

  /** Whether one more problem in `file` would be listed (rather than only counted). */
  wants(file: string): boolean {
    return this.items.length < this.limits.total && (this.tallies.get(file)?.listed ?? 0) < this.limits.perFile;
  }

  /** Counts a problem that is not listed. */
  skip(file: string, severity: Severity = 'error'): void {
    const tally = this.tally(file);
    if (severity === 'error') tally.omittedErrors += 1;
    else tally.omittedWarnings += 1;
  }

  add(item: Diagnostic): void {
    if (!this.wants(item.file)) {
      this.skip(item.file, item.severity);
      return;
    }
    this.tally(item.file).listed += 1;
    this.items.push(item);
  }

  /** Adds a line about the list itself (work left undone), listed whatever the ceilings. */
  addNotice(item: Diagnostic): void {
    this.tally(item.file).listed += 1;
    this.items.push(item);
  }

  /** Adds another list's diagnostics, its "and N more" lines counted as the problems they stand for. */
  addAll(items: readonly Diagnostic[]): void {
    for (const item of items) {
      if (item.omitted === undefined) {
        this.add(item);
        continue;
      }
      const tally = this.tally(item.file);
      if (item.severity === 'error') tally.omittedErrors += item.omitted;
      else tally.omittedWarnings += item.omitted;
    }
  }

  /** Errors found so far, listed or not (warnings never stop the work). */
  get errorsFound(): number {
    let found = this.items.filter((item) => item.severity === 'error').length;
    for (const tally of this.tallies.values()) found += tally.omittedErrors;
    return found;
  }

  /** Adds what `make` builds when the problem will be listed; otherwise only counts it. */
  report(file: string, make: () => Diagnostic, severity: Severity = 'error'): void {
    if (this.wants(file)) this.add(make());
    else this.skip(file, severity);
  }

  hasErrors(): boolean {
    if (this.items.some((item) => item.severity === 'error')) return true;
    for (const tally of this.tallies.values()) if (tally.omittedErrors) return true;
    return false;
  }

  /**
   * The listed diagnostics in file and line order; after each file's, one line for those of it not
   * listed, and one line for the files none of whose problems could be listed.
   */
  list(): Diagnostic[] {
    const out = [...this.items];
    const unlisted = { files: 0, errors: 0, warnings: 0 };
    for (const [file, tally] of this.tallies) {
      const omitted = tally.omittedErrors + tally.omittedWarnings;
      if (!omitted) continue;
      if (!tally.listed) {
        unlisted.files += 1;
        unlisted.errors += tally.omittedErrors;
        unlisted.warnings += tally.omittedWarnings;
        continue;
      }
      out.push(
        diagnostic({
          severity: tally.omittedErrors ? 'error' : 'warning',
          file,
          message: say`and ${moreProblems(omitted)} in this file, not listed`,
          hint: say`fix the ones listed and check again`,
          omitted,
        }),
      );
    }
    if (unlisted.files) {
      const omitted = unlisted.errors + unlisted.warnings;
      out.push(
        diagnostic({
          severity: unlisted.errors ? 'error' : 'warning',
          file: UNLISTED_FILES,
          message: say`and ${moreProblems(omitted)} in ${counted(unlisted.files, 'other file')}, not listed`,
          hint: say`fix the ones listed and check again`,
          omitted,
        }),
      );
    }
    return out.sort(compareDiagnostics);
  }
}

const moreProblems = (omitted: number) => counted(omitted, 'more problem');
