// Runtime: any (pure core). What the rules share: the draft analysed once (words, entities,
// language), and the task's context prepared once per task (so each keystroke is cheap).
import type { Account, Scenario, Severity, Task } from '../pack/schema';
import type { RuleSpec } from './catalog';
import type { PlatformRules } from './platforms';
import type { DraftFacts } from './facts';
import type { MonitoringFacts } from './report';
import type { Token } from './text';
import type { Message, PlatformMetrics, Span } from './types';

export interface Entity extends Span {
  text: string;
}

export interface DraftAnalysis {
  text: string;
  /** The language rules read the draft in: what it is written in when that is known and graded, else the expected one. */
  language: string;
  /** What the draft is written in, when it can be told. */
  detectedLanguage: string | null;
  tokens: Token[];
  hashtags: Entity[];
  mentions: Entity[];
  urls: Entity[];
  /** Phones, dates, times, counts and links as the draft states them: one extraction every rule reads. */
  facts: DraftFacts;
  /** The draft as its platform counts it. */
  metrics: PlatformMetrics;
  /** A thread's parts with their lengths as the platform counts them; empty unless the task is a thread. */
  parts: MeasuredPart[];
}

export interface MeasuredPart extends Entity {
  length: number;
}

export interface GradingContext {
  scenario: Scenario;
  task: Task;
  account: Account;
  /** The language the scenario is played in. */
  playLanguage: string;
  /** The language the account's audience reads. */
  expectedLanguage: string;
  platform: PlatformRules;
  rules: ReadonlyMap<string, RuleSpec>;
  /** Per-language caches that rule families fill on first use (compiled matchers and the like). */
  cache: Map<string, unknown>;
  /** For a report to headquarters: what the simulation knew when it was written (core/engine/monitoring.ts). */
  monitoring?: MonitoringFacts;
}

/** What a rule family reports; the grader adds the axis, the severity and the points lost. */
export interface RawFinding {
  ruleId: string;
  span?: Span;
  message: Message;
  suggestion?: { replacement?: string; message?: Message };
  /** The pack's severity of the red line, fact or term the finding is about. */
  severity?: Severity;
}

export type RuleFamily = (draft: DraftAnalysis, context: GradingContext) => RawFinding[];

/** Whether two spans share at least one code unit. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Whether `span` overlaps any of `spans`. */
export const overlapsAny = (span: Span, spans: readonly Span[]): boolean => spans.some((other) => overlaps(span, other));

/**
 * Spans indexed once for many questions — whether a span overlaps one of them, or lies within one
 * — each answered by a binary search, where asking the list walks all of it: a draft with
 * thousands of links or quotations stays linear-logarithmic.
 */
export class SpanIndex {
  private readonly starts: number[];
  /** The furthest end among the spans up to each one, in the order of their starts. */
  private readonly furthestEnds: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((span) => span.start);
    this.furthestEnds = [];
    let furthest = -Infinity;
    for (const span of sorted) {
      furthest = Math.max(furthest, span.end);
      this.furthestEnds.push(furthest);
    }
  }

  /** How many spans start before `offset`, or at it too when `atToo`. */
  private startingBefore(offset: number, atToo: boolean): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const start = this.starts[mid]!;
      if (start < offset || (atToo && start === offset)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Whether `span` shares at least one code unit with one of the spans: overlapsAny without the walk. */
  overlaps(span: Span): boolean {
    const count = this.startingBefore(span.end, false);
    return count > 0 && this.furthestEnds[count - 1]! > span.start;
  }

  /** Whether `span` lies within one of the spans. */
  contains(span: Span): boolean {
    const count = this.startingBefore(span.start, true);
    return count > 0 && this.furthestEnds[count - 1]! >= span.end;
  }
}

/** Adds `value` to the list kept under `key`, starting the list on first use. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The value cached under `key`, computed by `make` on first use. */
export function cached<T>(context: GradingContext, key: string, make: () => T): T {
  if (context.cache.has(key)) return context.cache.get(key) as T;
  const value = make();
  context.cache.set(key, value);
  return value;
}
