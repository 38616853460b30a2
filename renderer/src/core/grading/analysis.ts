// Runtime: any (pure core). What the rules share: the draft analysed once (words, entities,
// language), and the task's context prepared once per task (so each keystroke is cheap).
import type { Account, Scenario, Task } from '../pack/schema';
import type { RuleSpec } from './catalog';
import type { PlatformRules } from './platforms';
import type { Token } from './text';
import type { Message, Span } from './types';

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
}

/** What a rule family reports; the grader adds the axis, the severity and the points lost. */
export interface RawFinding {
  ruleId: string;
  span?: Span;
  message: Message;
  suggestion?: { replacement?: string; message?: Message };
}

export type RuleFamily = (draft: DraftAnalysis, context: GradingContext) => RawFinding[];

/** The value cached under `key`, computed by `make` on first use. */
export function cached<T>(context: GradingContext, key: string, make: () => T): T {
  if (context.cache.has(key)) return context.cache.get(key) as T;
  const value = make();
  context.cache.set(key, value);
  return value;
}
