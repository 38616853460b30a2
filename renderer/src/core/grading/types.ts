// Runtime: any (pure core). What the grader says about a draft: per axis a score, a verdict against
// the task's pass mark, and findings — each point lost is attached to one of them.
import type { Axis } from '../pack/schema';
import type { Counting } from './platforms';

export type { Axis };

export type FindingSeverity = 'error' | 'warning' | 'suggestion';

/** A half-open range of UTF-16 code units in the draft: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A message for people: an i18n key in the `grading` namespace and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export interface Finding {
  ruleId: string;
  axis: Axis;
  severity: FindingSeverity;
  /** Where in the draft; absent when the finding is about something missing from it. */
  span?: Span;
  message: Message;
  /** What to write instead: a replacement for the span, and/or advice. */
  suggestion?: { replacement?: string; message?: Message };
  /** Points this finding costs on its axis. */
  loss: number;
  /**
   * What it does beyond its points, by the severity the pack gives the red line, fact or term it
   * is about: "axis" fails its axis whatever the score, "scenario" also fails the scenario.
   */
  blocks?: 'axis' | 'scenario';
}

export interface AxisGrade {
  axis: Axis;
  score: number;
  passMark: number;
  passed: boolean;
  findings: Finding[];
}

export interface PlatformMetrics {
  platform: string;
  /** The length as the platform counts it, and its limit. */
  length: number;
  limit: number;
  counting: Counting;
  hashtags: number;
  links: number;
  mentions: number;
  /** For threads: each part's length. */
  parts?: number[];
}

export interface LanguageVerdict {
  /** The language the account's audience reads. */
  expected: string;
  /** What the draft is written in, when it can be told. */
  detected: string | null;
  /** Whether the grader has lexicons for the language it grades the draft in. */
  supported: boolean;
}

export interface Grade {
  axes: Record<Axis, AxisGrade>;
  /** Every finding, the gravest first: those that fail the scenario, then the axis, then by level and cost. */
  findings: Finding[];
  passed: boolean;
  /** A finding that fails the scenario (a critical red line, fact or term): no attempt with it can pass. */
  critical: boolean;
  language: LanguageVerdict;
  metrics: PlatformMetrics;
  /**
   * Set when the draft was not graded because it is longer than the grader reads (DRAFT_CEILING):
   * its length and the ceiling. The grade then fails every axis with one finding that says so.
   */
  ungraded?: { length: number; ceiling: number };
}
