// Runtime: any (pure core). grade(draft, context) → Grade: runs every rule family, turns what they
// report into findings with points lost, and scores each axis as 100 minus those points.
// Deterministic: no clock, no randomness, no I/O.
import type { PackManifest, Scenario, Task } from '../pack/schema';
import { AXES } from '../pack/schema';
import type { DraftAnalysis, GradingContext, RawFinding, RuleFamily } from './analysis';
import { appendTo, cached } from './analysis';
import { extractFacts } from './facts';
import type { RuleSpec } from './catalog';
import { resolveRules } from './catalog';
import { detectLanguage } from './language';
import { extractEntities, isMessageKind, measure, platformRules } from './platform-fit';
import { platformRules as platformDefaults } from './platforms';
import { policyRules } from './policy';
import { REPORT_FAMILIES } from './report';
import { isGradedLanguage, tokenize } from './text';
import { toneRules } from './tone';
import type { Axis, AxisGrade, Finding, Grade, Message } from './types';

const FAMILIES: readonly RuleFamily[] = [toneRules, policyRules, platformRules];

/**
 * The longest draft, in UTF-16 code units, the grader reads: above what any platform accepts in one
 * post (Facebook's 63,206 is the highest; X 280, VK 15,895), so every draft a platform would take is
 * graded as that platform would see it. A longer draft — a careless paste — is not graded: the grade
 * says so in one finding, and the composer tells the trainee. Grading stays linear in the length,
 * so a hostile draft at the ceiling costs a few hundred milliseconds, in the composer's worker.
 */
export const DRAFT_CEILING = 100_000;

/** The rule id of the one finding of a draft over the ceiling: not in the catalogue, so no pack can tune or turn it off. */
export const OVER_CEILING = 'draft.over-ceiling';

/** The grade of a draft over the ceiling: nothing in it is read, every axis fails, one finding says why. */
function overCeilingGrade(text: string, context: GradingContext): Grade {
  const finding: Finding = {
    ruleId: OVER_CEILING,
    axis: 'platform',
    severity: 'error',
    message: { key: OVER_CEILING, params: { length: text.length, ceiling: DRAFT_CEILING } },
    loss: 100,
    blocks: 'axis',
  };
  const axes = {} as Record<Axis, AxisGrade>;
  for (const axis of AXES)
    axes[axis] = { axis, score: 0, passMark: context.task.passMark[axis], passed: false, findings: axis === finding.axis ? [finding] : [] };
  const { platform } = context;
  return {
    axes,
    findings: [finding],
    passed: false,
    critical: false,
    language: { expected: context.expectedLanguage, detected: null, supported: isGradedLanguage(context.expectedLanguage) },
    // Counted in code units: counting as the platform does would be reading the draft.
    metrics: {
      platform: context.account.platform,
      length: text.length,
      limit: isMessageKind(context.task.kind) ? platform.messageMaxLength : platform.maxLength,
      counting: 'utf16',
      hashtags: 0,
      links: 0,
      mentions: 0,
    },
    ungraded: { length: text.length, ceiling: DRAFT_CEILING },
  };
}

export class GradingContextError extends Error {}

export interface ContextOptions {
  scenario: Scenario;
  task: Task | string;
  /** The language the scenario is played in. */
  playLanguage: string;
  /** Pack-wide platform overrides (pack.yaml `platforms`). */
  pack?: Pick<PackManifest, 'platforms'>;
}

/** Everything about a task that does not change between keystrokes, prepared once. */
export function createGradingContext({ scenario, task: taskOrId, playLanguage, pack }: ContextOptions): GradingContext {
  const task = typeof taskOrId === 'string' ? scenario.tasks.find((t) => t.id === taskOrId) : taskOrId;
  if (!task) throw new GradingContextError(`the scenario "${scenario.id}" has no task "${String(taskOrId)}"`);
  const account = scenario.accounts.find((a) => a.id === task.account);
  if (!account) throw new GradingContextError(`the task "${task.id}" names an account "${task.account}" the scenario does not have`);
  return {
    scenario,
    task,
    account,
    playLanguage,
    expectedLanguage: account.audienceLanguage ?? playLanguage,
    platform: platformDefaults(account.platform, pack?.platforms, scenario.platforms),
    rules: resolveRules(scenario.rubric?.rules, task.rubric?.rules),
    cache: new Map(),
  };
}

/** The fact sheet's phone numbers: a draft's digits are read as one of them before as anything else. */
const knownPhones = (context: GradingContext) =>
  cached(context, 'known-phones', () => context.scenario.facts.flatMap((fact) => (fact.type === 'phone' ? [fact.value] : [])));

export function analyseDraft(text: string, context: GradingContext): DraftAnalysis {
  const detected = detectLanguage(text);
  const detectedLanguage = detected.reliable ? detected.language : null;
  // Tone and policy read the draft in the language it is written in, when it is one we grade.
  const language = isGradedLanguage(detectedLanguage) ? detectedLanguage : context.expectedLanguage;
  const entities = extractEntities(text);
  const facts = extractFacts(text, { exclude: [...entities.hashtags, ...entities.mentions], knownUrls: entities.urls, knownPhones: knownPhones(context) });
  return { text, language, detectedLanguage, tokens: tokenize(text, language), ...entities, facts, ...measure({ text, ...entities }, context) };
}

/** Points lost per finding of one rule: the first costs the weight, each further one the repeat weight, up to the rule's cap. */
function attributeLosses(spec: RuleSpec, count: number): number[] {
  const losses: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    const wanted = i === 0 ? spec.weight : spec.repeatWeight;
    const loss = Math.max(0, Math.min(wanted, spec.maxLoss - total));
    losses.push(loss);
    total += loss;
  }
  return losses;
}

const BLOCK_RANK = { scenario: 0, axis: 1 } as const;
const LEVEL_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, suggestion: 2 };

/** How grave a finding is, before its cost: what fails the scenario, then the axis, then by level (0 gravest). */
const rankOf = (finding: Finding) => (finding.blocks ? BLOCK_RANK[finding.blocks] : 2) * 3 + LEVEL_RANK[finding.severity];

/** The gravest first: what fails the scenario, then what fails an axis, then by level and cost; ties in the order of the draft. */
export const byGravity = (a: Finding, b: Finding) =>
  rankOf(a) - rankOf(b) ||
  b.loss - a.loss ||
  (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
  (a.span?.end ?? -1) - (b.span?.end ?? -1) ||
  a.ruleId.localeCompare(b.ruleId);

const blocksFor = (severity: RawFinding['severity']): Finding['blocks'] => (severity === 'critical' ? 'scenario' : severity === 'major' ? 'axis' : undefined);

/**
 * An axis's grade from its findings, whose losses add up to 100 at most: 100 minus them. A breach the
 * pack calls major or critical fails the axis whatever else was done: it takes the score below the
 * pass mark, and the points it takes are its own. Sorts `own` the gravest first.
 */
export function settleAxis(axis: Axis, own: Finding[], passMark: number): AxisGrade {
  let score = Math.max(0, 100 - own.reduce((sum, finding) => sum + finding.loss, 0));
  const blocking = own.find((finding) => finding.blocks);
  if (blocking && score >= passMark) {
    const cap = Math.max(0, passMark - 1);
    blocking.loss += score - cap;
    score = cap;
  }
  own.sort(byGravity);
  return { axis, score, passMark, passed: score >= passMark && !blocking, findings: own };
}

/** Characters of draft text a finding quotes: enough to recognise the words, short enough to read. */
export const QUOTE_MAX = 120;

/**
 * A finding's message with every quoted text cut to QUOTE_MAX characters (whole code points, then
 * "…"): a pasted wall of links or emoji is named by its start, never repeated whole.
 */
function clipMessage(message: Message): Message {
  if (!message.params) return message;
  let params: Message['params'];
  for (const [key, value] of Object.entries(message.params)) {
    if (typeof value !== 'string' || value.length <= QUOTE_MAX) continue;
    const codePoints = Array.from(value);
    if (codePoints.length <= QUOTE_MAX) continue;
    params ??= { ...message.params };
    params[key] = `${codePoints.slice(0, QUOTE_MAX - 1).join('')}…`;
  }
  return params ? { ...message, params } : message;
}

export function grade(text: string, context: GradingContext): Grade {
  if (text.length > DRAFT_CEILING) return overCeilingGrade(text, context);
  const draft = analyseDraft(text, context);
  // A report to headquarters is an internal note, not a post: it has rule families of its own.
  const families = context.task.kind === 'report' ? REPORT_FAMILIES : FAMILIES;
  const raw: RawFinding[] = families.flatMap((family) => family(draft, context));

  const byRule = new Map<string, RawFinding[]>();
  for (const finding of raw) appendTo(byRule, finding.ruleId, finding);
  const findings: Finding[] = [];
  for (const [ruleId, list] of byRule) {
    const spec = context.rules.get(ruleId);
    if (!spec) throw new Error(`rule ${ruleId} is not in the catalogue`);
    if (spec.level === 'off') continue;
    const ordered = [...list].sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
    const losses = attributeLosses(spec, ordered.length);
    ordered.forEach(({ severity: itemSeverity, ...finding }, index) => {
      const blocks = blocksFor(itemSeverity);
      findings.push({
        ...finding,
        message: clipMessage(finding.message),
        axis: spec.axis,
        severity: spec.level as Finding['severity'],
        loss: losses[index]!,
        ...(blocks ? { blocks } : {}),
      });
    });
  }
  // Losses are settled in the order of the draft (the first occurrence costs the most); people read the gravest first.
  findings.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || (a.span?.end ?? -1) - (b.span?.end ?? -1) || a.ruleId.localeCompare(b.ruleId));

  const axes = {} as Record<Axis, AxisGrade>;
  for (const axis of AXES) {
    const own = findings.filter((finding) => finding.axis === axis);
    // An axis cannot lose more than 100: the least grave findings, the last of them first, give
    // back what is over, so a red line or a wrong fact keeps its real cost.
    let over = own.reduce((sum, finding) => sum + finding.loss, 0) - 100;
    const leastGraveLast = [...own].sort((a, b) => rankOf(a) - rankOf(b));
    for (let i = leastGraveLast.length - 1; i >= 0 && over > 0; i -= 1) {
      const giveBack = Math.min(leastGraveLast[i]!.loss, over);
      leastGraveLast[i]!.loss -= giveBack;
      over -= giveBack;
    }
    axes[axis] = settleAxis(axis, own, context.task.passMark[axis]);
  }
  findings.sort(byGravity);
  return {
    axes,
    findings,
    passed: AXES.every((axis) => axes[axis].passed),
    critical: findings.some((finding) => finding.blocks === 'scenario'),
    language: {
      expected: context.expectedLanguage,
      detected: draft.detectedLanguage,
      supported: isGradedLanguage(draft.detectedLanguage ?? context.expectedLanguage),
    },
    metrics: draft.metrics,
  };
}
