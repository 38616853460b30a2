// Runtime: renderer. Pure text arithmetic for the composer's highlights: where each finding's span is
// in the text being typed (the grade lags a keystroke behind), the marked runs of text to draw
// behind the textarea, and applying a suggested replacement.
import type { Finding, FindingSeverity, Span } from '../../../core/grading/types';

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The findings whose span covers this run, in the grade's order; empty for unmarked text. */
  findings: Finding[];
  /** The most severe of them, or null for unmarked text. */
  severity: FindingSeverity | null;
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { error: 3, warning: 2, suggestion: 1 };

export function mostSevere(findings: readonly Finding[]): FindingSeverity | null {
  let worst: FindingSeverity | null = null;
  for (const finding of findings) {
    if (worst === null || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst]) worst = finding.severity;
  }
  return worst;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair: a lone half would draw as another glyph and shift the text. */
function snap(text: string, offset: number): number {
  const at = Math.max(0, Math.min(text.length, offset));
  return at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1)) ? at - 1 : at;
}

/**
 * Where spans measured in `before` are in `after`, assuming one contiguous edit between them (what
 * typing, pasting or deleting does). Spans before or after the edit keep their text; a span the
 * edit touches stretches over the edited run; a span that no longer covers anything is dropped.
 * Where the edit is ambiguous (typing "S" before "STAY"), the common prefix wins: a lag of one
 * grade, after which the marks are exact again.
 */
export function rebaseSpans<T>(before: string, after: string, spans: ReadonlyArray<{ span: Span; item: T }>): Array<{ span: Span; item: T }> {
  if (before === after) return spans.map(({ span, item }) => ({ span: { ...span }, item }));
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  const editEndBefore = before.length - suffix;
  const editEndAfter = after.length - suffix;
  const delta = after.length - before.length;
  // Text inserted just before a span is not its text; text inserted just after it is not either.
  const mapStart = (offset: number) => (offset < prefix ? offset : offset >= editEndBefore ? offset + delta : prefix);
  const mapEnd = (offset: number) => (offset <= prefix ? offset : offset >= editEndBefore ? offset + delta : editEndAfter);
  const rebased: Array<{ span: Span; item: T }> = [];
  for (const { span, item } of spans) {
    const start = mapStart(span.start);
    const end = mapEnd(span.end);
    if (end > start) rebased.push({ span: { start, end }, item });
  }
  return rebased;
}

/**
 * The text cut into runs at every span's edges, each run with the findings that cover it. One sweep
 * over the edges, adding each mark where it starts and dropping it where it ends: a draft with
 * hundreds of marks is cut in time proportional to its marks, not to marks times runs.
 */
export function segmentsOf(text: string, marks: ReadonlyArray<{ span: Span; item: Finding }>): Segment[] {
  const clamped = marks
    .map(({ span, item }) => ({ start: snap(text, span.start), end: snap(text, span.end), finding: item }))
    .filter((mark) => mark.end > mark.start);
  const edges = [...new Set([0, text.length, ...clamped.flatMap((mark) => [mark.start, mark.end])])].sort((a, b) => a - b);
  const startingAt = new Map<number, number[]>();
  const endingAt = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, offset: number, index: number) => {
    const list = map.get(offset);
    if (list) list.push(index);
    else map.set(offset, [index]);
  };
  clamped.forEach((mark, index) => {
    add(startingAt, mark.start, index);
    add(endingAt, mark.end, index);
  });
  // The marks covering the run that starts at the current edge, by their place in `marks`.
  const covering = new Set<number>();
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < edges.length; index += 1) {
    const start = edges[index]!;
    const end = edges[index + 1]!;
    for (const ended of endingAt.get(start) ?? []) covering.delete(ended);
    for (const started of startingAt.get(start) ?? []) covering.add(started);
    const findings = [...covering].sort((a, b) => a - b).map((at) => clamped[at]!.finding);
    segments.push({ start, end, text: text.slice(start, end), findings, severity: mostSevere(findings) });
  }
  return segments;
}

/** The text with `span` replaced, and where the caret goes: just after the replacement. */
export function applyReplacement(text: string, span: Span, replacement: string): { text: string; caret: number } {
  const start = Math.max(0, Math.min(text.length, span.start));
  const end = Math.max(start, Math.min(text.length, span.end));
  return { text: text.slice(0, start) + replacement + text.slice(end), caret: start + replacement.length };
}

export type CounterState = 'ok' | 'near' | 'over';

/** Limits this short are shown as one writes, as X, Bluesky and Threads show theirs. */
export const SHORT_LIMIT = 500;

/**
 * Whether the counter shows `length / limit`: always for a short limit (the platform shows one), for a
 * long one (Facebook's 63,206, VK's 15,895) only once four fifths of it are used, and always when over.
 */
export function counterShown(length: number, limit: number): boolean {
  return limit <= SHORT_LIMIT || length >= limit * 0.8;
}

/** Near the limit once nine tenths of it are used, so the warning comes while there is still room to act. */
export function counterState(length: number, limit: number): CounterState {
  if (length > limit) return 'over';
  return length >= Math.floor(limit * 0.9) && length > 0 ? 'near' : 'ok';
}
