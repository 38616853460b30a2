// Runtime: any (pure core). Grading a moderation task: not a draft but what the trainee did to a
// live stream's comments while the task ran. Moderation removes abuse and spam, quickly; it does
// not silence people. Policy: hiding criticism or a question fails the axis ("hiding criticism is
// not moderation"), hiding praise or an off-topic remark costs points, abuse or spam left up
// costs points, pinning it costs more. Platform: a comment that was to be hidden and stayed up
// longer than the window (a minute, as a live audience reads) before it was hidden costs points.
// Tone: the replies the trainee wrote to the stream during the task, graded as any reply is (the
// weakest counts); 100 when there were none. Deterministic, like the draft grader.
import type { LiveCommentNature, Scenario, Task } from '../pack/schema';
import { AXES } from '../pack/schema';
import type { RuleSpec } from './catalog';
import { resolveRules } from './catalog';
import { byGravity, settleAxis } from './grade';
import type { Axis, AxisGrade, Finding, Grade, Message } from './types';

/** How long, in simulated minutes, abuse or spam may stay up before hiding it counts as late. */
export const MODERATION_WINDOW = 1;

/** Comments that moderation removes; every other nature stays up. */
export const TO_HIDE: ReadonlySet<LiveCommentNature> = new Set(['abuse', 'spam']);
/** Comments whose hiding silences someone with a right to be heard: it fails the policy axis. */
const SILENCED: ReadonlySet<LiveCommentNature> = new Set(['criticism', 'question']);

export const MODERATION_RULES = {
  hidCriticism: 'policy.moderation-hid-criticism',
  hidHarmless: 'policy.moderation-hid-harmless',
  abuseLeft: 'policy.moderation-abuse-left',
  pinnedAbuse: 'policy.moderation-pinned-abuse',
  late: 'platform.moderation-late',
} as const;

export interface ModeratedComment {
  id: string;
  nature: LiveCommentNature;
  /** When it was written (absolute minutes). */
  at: number;
  /** Its words in the language played, for the findings to quote. */
  text: string;
}

export interface ModerationGradingInput {
  scenario: Pick<Scenario, 'rubric'>;
  task: Pick<Task, 'passMark' | 'rubric'>;
  /** The platform of the stream's account, and the language played: what a Grade carries. */
  platform: string;
  language: string;
  /** When the task opened and when it is settled (its deadline, or Finish). */
  from: number;
  until: number;
  /**
   * The stream's comments to be judged: those written by the task's deadline, even if it was settled
   * earlier (by Finish): abuse still to come when the trainee finished counts as left up.
   */
  comments: readonly ModeratedComment[];
  /** What was done to each comment, in order (absolute minutes). */
  actions: Readonly<Record<string, ReadonlyArray<{ at: number; action: 'hide' | 'unhide' | 'pin' | 'unpin' }>>>;
  /** The grades of the replies written to the stream during the task. */
  replies: readonly Grade[];
  /** Defaults to MODERATION_WINDOW. */
  window?: number;
}

/** What a comment's actions amount to by `until`: whether it ended hidden or pinned, and when it was first hidden and pinned. */
export function moderationSummary(actions: ReadonlyArray<{ at: number; action: string }>, until: number) {
  let hidden = false;
  let pinned = false;
  let firstHidden: number | null = null;
  let everPinned = false;
  for (const entry of actions) {
    if (entry.at > until) break;
    if (entry.action === 'hide') {
      hidden = true;
      pinned = false;
      firstHidden ??= entry.at;
    } else if (entry.action === 'unhide') hidden = false;
    else if (entry.action === 'pin') {
      pinned = true;
      everPinned = true;
    } else if (entry.action === 'unpin') pinned = false;
  }
  return { hidden, pinned, firstHidden, everPinned };
}

interface Raw {
  ruleId: string;
  message: Message;
  blocks?: 'axis';
}

const minutesSeconds = (minutes: number) => Math.round(minutes * 60);

export function gradeModeration(input: ModerationGradingInput): Grade {
  const rules = resolveRules(input.scenario.rubric?.rules, input.task.rubric?.rules);
  const window = input.window ?? MODERATION_WINDOW;
  const raw: Raw[] = [];
  for (const comment of input.comments) {
    const done = moderationSummary(input.actions[comment.id] ?? [], input.until);
    const params = { comment: comment.text };
    if (TO_HIDE.has(comment.nature)) {
      if (done.everPinned) raw.push({ ruleId: MODERATION_RULES.pinnedAbuse, message: { key: 'moderation.pinnedAbuse', params } });
      // Abuse still to come when the trainee finished early counts as left up; the message says which it was.
      if (!done.hidden)
        raw.push({
          ruleId: MODERATION_RULES.abuseLeft,
          message: { key: comment.at > input.until ? 'moderation.abuseAfterFinish' : 'moderation.abuseLeft', params },
        });
      // Up from when it was written, or from when the task opened if it was written before.
      const upFrom = Math.max(comment.at, input.from);
      const upFor = (done.firstHidden ?? input.until) - upFrom;
      if (done.firstHidden !== null && upFor > window + 1e-9)
        raw.push({ ruleId: MODERATION_RULES.late, message: { key: 'moderation.late', params: { comment: comment.text, count: minutesSeconds(upFor) } } });
    } else if (done.firstHidden !== null) {
      // Hidden at any moment, even if shown again later: the author and the viewers saw it go.
      if (SILENCED.has(comment.nature))
        raw.push({ ruleId: MODERATION_RULES.hidCriticism, message: { key: 'moderation.hidCriticism', params }, blocks: 'axis' });
      else raw.push({ ruleId: MODERATION_RULES.hidHarmless, message: { key: 'moderation.hidHarmless', params } });
    }
  }
  return scoreModeration(input, rules, raw);
}

function scoreModeration(input: ModerationGradingInput, rules: ReadonlyMap<string, RuleSpec>, raw: readonly Raw[]): Grade {
  const findings: Finding[] = [];
  const spent = new Map<string, { count: number; total: number }>();
  for (const item of raw) {
    const spec = rules.get(item.ruleId);
    if (!spec) throw new Error(`rule ${item.ruleId} is not in the catalogue`);
    if (spec.level === 'off') continue;
    const so = spent.get(item.ruleId) ?? { count: 0, total: 0 };
    const wanted = so.count === 0 ? spec.weight : spec.repeatWeight;
    const loss = Math.max(0, Math.min(wanted, spec.maxLoss - so.total));
    spent.set(item.ruleId, { count: so.count + 1, total: so.total + loss });
    findings.push({
      ruleId: item.ruleId,
      axis: spec.axis,
      severity: spec.level as Finding['severity'],
      message: item.message,
      loss,
      ...(item.blocks ? { blocks: item.blocks } : {}),
    });
  }
  // Tone: the weakest reply written to the stream, its findings without their places in a draft.
  const weakest = [...input.replies].sort((a, b) => a.axes.tone.score - b.axes.tone.score)[0];
  const toneFindings = (weakest?.axes.tone.findings ?? []).map(({ span: _span, suggestion: _suggestion, ...finding }) => ({ ...finding }));

  const axes = {} as Record<Axis, AxisGrade>;
  for (const axis of AXES) {
    const passMark = input.task.passMark[axis];
    if (axis === 'tone') {
      const score = weakest ? weakest.axes.tone.score : 100;
      const blocking = toneFindings.some((finding) => finding.blocks);
      axes.tone = { axis, score, passMark, passed: score >= passMark && !blocking, findings: toneFindings };
      continue;
    }
    // Scored as a draft's axis is: losses, then a blocking finding's cap.
    axes[axis] = settleAxis(
      axis,
      findings.filter((finding) => finding.axis === axis),
      passMark,
    );
  }
  const all = [...axes.policy.findings, ...axes.platform.findings, ...axes.tone.findings].sort(byGravity);
  return {
    axes,
    findings: all,
    passed: AXES.every((axis) => axes[axis].passed),
    critical: all.some((finding) => finding.blocks === 'scenario'),
    language: { expected: input.language, detected: null, supported: true },
    // Nothing was written: there is no length to measure.
    metrics: { platform: input.platform, length: 0, limit: 0, counting: 'utf16', hashtags: 0, links: 0, mentions: 0 },
  };
}
