// Runtime: any (pure core). Every rule the grader knows: its axis, default level and weights.
// Packs tune levels and weights per scenario and task by these ids (rubric.rules); an id not in
// this catalogue is a validation error.
import type { Axis, RULE_LEVELS, Scenario } from '../pack/schema';

export type RuleLevel = (typeof RULE_LEVELS)[number];

export interface RuleSpec {
  id: string;
  axis: Axis;
  level: RuleLevel;
  /** Points the first occurrence costs. */
  weight: number;
  /** Points each further occurrence costs. */
  repeatWeight: number;
  /** The most this rule can cost in one draft. */
  maxLoss: number;
}

const rule = (id: string, axis: Axis, level: RuleLevel, weight: number, repeatWeight = 0, maxLoss = weight): RuleSpec => ({
  id,
  axis,
  level,
  weight,
  repeatWeight,
  maxLoss: Math.max(weight, maxLoss),
});

export const RULES: readonly RuleSpec[] = [
  // Tone
  rule('tone.insult', 'tone', 'error', 40, 15, 70),
  rule('tone.sarcasm', 'tone', 'error', 35, 15, 60),
  rule('tone.blame', 'tone', 'error', 35, 15, 60),
  rule('tone.shouting', 'tone', 'warning', 25, 15, 50),
  rule('tone.register', 'tone', 'warning', 20, 15, 45),
  rule('tone.evaluative', 'tone', 'error', 35, 15, 60),
  rule('tone.panic', 'tone', 'error', 35, 15, 60),
  rule('tone.condescension', 'tone', 'error', 35, 15, 60),
  rule('tone.empathy-missing', 'tone', 'warning', 20),
  rule('tone.warmth-missing', 'tone', 'warning', 20),
  rule('tone.reply-unaddressed', 'tone', 'error', 35),
  // Policy
  rule('policy.key-message-missing', 'policy', 'error', 40, 40, 80),
  rule('policy.red-line', 'policy', 'error', 50, 20, 90),
  rule('policy.fact-mismatch', 'policy', 'error', 40, 20, 80),
  rule('policy.fact-missing', 'policy', 'error', 35, 25, 70),
  rule('policy.fact-unverified', 'policy', 'warning', 10, 5, 20),
  rule('policy.deprecated-term', 'policy', 'warning', 10, 5, 25),
  rule('policy.hashtag-unapproved', 'policy', 'warning', 10, 5, 20),
  rule('policy.hashtag-missing', 'policy', 'warning', 10, 5, 20),
  // Platform
  rule('platform.too-long', 'platform', 'error', 50),
  rule('platform.wrong-language', 'platform', 'error', 50),
  rule('platform.language-unsupported', 'platform', 'suggestion', 0),
  rule('platform.too-many-hashtags', 'platform', 'warning', 40),
  rule('platform.too-many-links', 'platform', 'warning', 20, 20, 60),
  rule('platform.hashtag-in-message', 'platform', 'error', 35, 10, 50),
  rule('platform.thread-part-too-long', 'platform', 'error', 40, 10, 60),
  rule('platform.below-fold', 'platform', 'suggestion', 5),
  rule('platform.essentials-below-fold', 'platform', 'error', 35),
  rule('platform.empty', 'platform', 'error', 100),
  rule('platform.title-missing', 'platform', 'error', 35),
  rule('platform.reply-too-long', 'platform', 'error', 35),
  // Moderation of a live stream: graded on what was done to its comments, not on a draft (moderation.ts)
  rule('policy.moderation-hid-criticism', 'policy', 'error', 50, 20, 90),
  rule('policy.moderation-hid-harmless', 'policy', 'warning', 15, 10, 40),
  rule('policy.moderation-abuse-left', 'policy', 'error', 30, 20, 70),
  rule('policy.moderation-pinned-abuse', 'policy', 'error', 40, 20, 60),
  rule('platform.moderation-late', 'platform', 'warning', 20, 15, 60),
  // Clearance by headquarters: a publication that needed their sign-off on its text and had none (engine/clearance.ts)
  rule('policy.uncleared', 'policy', 'error', 40),
  // A report to headquarters: an internal note graded against the facts of the attempt (report.ts)
  rule('tone.report-register', 'tone', 'warning', 15, 10, 40),
  rule('policy.report-fact-missing', 'policy', 'error', 35, 25, 80),
  rule('policy.report-fact-wrong', 'policy', 'error', 40, 20, 80),
  rule('platform.report-length', 'platform', 'error', 40),
  rule('platform.report-post-markup', 'platform', 'warning', 20, 10, 50),
];

export const RULES_BY_ID: ReadonlyMap<string, RuleSpec> = new Map(RULES.map((spec) => [spec.id, spec]));

/** A pack's change to one rule (rubric.rules in a scenario or a task). */
export type RuleOverride = NonNullable<NonNullable<Scenario['rubric']>['rules']>[string];

/** The catalogue with a scenario's and then a task's overrides applied (later ones win). */
export function resolveRules(...overrideSets: Array<Record<string, RuleOverride> | undefined>): Map<string, RuleSpec> {
  const resolved = new Map<string, RuleSpec>();
  for (const spec of RULES) {
    let current = spec;
    for (const overrides of overrideSets) {
      const override = overrides?.[spec.id];
      if (!override) continue;
      const weight = override.weight ?? current.weight;
      const scale = current.weight > 0 ? weight / current.weight : 1;
      current = {
        ...current,
        level: override.level ?? current.level,
        weight,
        repeatWeight: Math.round(current.repeatWeight * scale),
        maxLoss: Math.max(weight, Math.round(current.maxLoss * scale)),
      };
    }
    resolved.set(spec.id, current);
  }
  return resolved;
}
