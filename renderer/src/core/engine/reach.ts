// Runtime: any (pure core). Reach and engagement per account over an attempt, and how they stood
// against the scenario's targets: the figures ministries judge their accounts by, shown beside the
// grade (they never change it).
//
// What counts, and why:
// - Only the trainee's public publications on the account: posts, threads and public replies
//   (a reply to a live comment included). A direct message, a mass notification and a report to
//   headquarters are delivered, not discovered: their "reach" is their list of recipients, and
//   counting it would let one SMS to every registered citizen meet any target.
// - Reach is the sum over those publications of the people each reached (audience.ts): the way a
//   page's insights add up the reach of its posts, so a follower who saw two posts counts twice.
// - Engagement is likes + shares + replies, summed the same way.
// - Others' posts on the account (injects, a live stream's viewers) are not the trainee's work and
//   do not count.
// - The figures are those of the reaction plans (summarizeAt), which are the figures the feed shows
//   under each publication at that minute, and they stop where the attempt stopped: an attempt
//   finished at 0:40 has the reach it had at 0:40, even if its target was due at 1:30.
import type { Scenario, TargetMetric, TaskKind } from '../pack/schema';
import { offsetMinutes } from '../pack/schema';
import type { ReactionPlan } from './audience';
import { summarizeAt } from './audience';
import type { EngineInput, FeedItem, TimelineState } from './timeline';

/** The kinds of publication the public finds in a feed, and so the only ones that count towards reach. */
const PUBLIC_KINDS: ReadonlySet<TaskKind | string> = new Set<string>(['post', 'thread', 'reply']);

export interface ReachTotals {
  reach: number;
  /** Likes + shares + replies. */
  engagement: number;
}

export interface ReachPoint extends ReachTotals {
  /** Simulated minute from the scenario's start. */
  at: number;
}

/** One target of the scenario and how the attempt stood against it. */
export interface TargetResult {
  accountId: string;
  metric: TargetMetric;
  /** The number to reach. */
  value: number;
  /** The minute it was due: the target's `by`, or the scenario's end. */
  by: number;
  /** The figure at `by`, or where the attempt stopped if that came first. */
  achieved: number;
  /** Whether the figure reached `value` at or before `by`. */
  met: boolean;
  /** The first minute the figure reached `value` (possibly after `by`: reached late), or null when it never did. */
  reachedAt: number | null;
  /** The figure over the attempt: 0 at the start, then each minute it changed, and where the attempt stopped. */
  series: Array<{ at: number; value: number }>;
}

/** Whether a publication of this kind counts towards its account's reach. */
export function countsTowardReach(kind: string): boolean {
  return PUBLIC_KINDS.has(kind);
}

/** The minute the attempt's figures run to: where it ended, or now while it is played. */
export function attemptEnd(state: Pick<TimelineState, 'time' | 'ended'>): number {
  return state.ended ? state.ended.at : state.time;
}

/** What the figures are read from: the publications (any other items are passed over) and their reaction plans. */
export interface ReachSource {
  feed: readonly FeedItem[];
  reactions: Readonly<Record<string, ReactionPlan>>;
}

/** The reaction plans of the account's public publications. */
function plansOf(state: ReachSource, accountId: string): ReactionPlan[] {
  const plans: ReactionPlan[] = [];
  for (const item of state.feed) {
    if (item.source !== 'trainee' || item.accountId !== accountId || !countsTowardReach(item.kind)) continue;
    const plan = state.reactions[item.id];
    if (plan) plans.push(plan);
  }
  return plans;
}

function totalsOf(plans: readonly ReactionPlan[], minute: number): ReachTotals {
  let reach = 0;
  let engagement = 0;
  for (const plan of plans) {
    const totals = summarizeAt(plan, minute);
    reach += totals.reach;
    engagement += totals.likes + totals.shares + totals.replies;
  }
  return { reach, engagement };
}

/** The account's reach and engagement at a minute (the desk's progress line reads it at the clock's minute). */
export function reachAt(state: ReachSource, accountId: string, minute: number): ReachTotals {
  return totalsOf(plansOf(state, accountId), minute);
}

/**
 * The account's reach and engagement over the attempt, compact: the start (0), every minute at
 * which either changed, and the minute the attempt stopped (or `until`, if earlier). Between two
 * points the figures hold (the feed's counters move only at these minutes).
 */
export function reachSeries(
  input: Pick<EngineInput, 'scenario'>,
  state: Pick<TimelineState, 'feed' | 'reactions' | 'time' | 'ended'>,
  accountId: string,
  until = attemptEnd(state),
): ReachPoint[] {
  if (!input.scenario.accounts.some((account) => account.id === accountId)) throw new RangeError(`scenario ${input.scenario.id} has no account ${accountId}`);
  const plans = plansOf(state, accountId);
  const minutes = new Set<number>();
  for (const plan of plans) for (const event of plan.events) if (event.at > 0 && event.at <= until) minutes.add(event.at);
  const points: ReachPoint[] = [{ at: 0, reach: 0, engagement: 0 }];
  for (const at of [...minutes].sort((a, b) => a - b)) {
    const totals = totalsOf(plans, at);
    const last = points[points.length - 1]!;
    if (totals.reach !== last.reach || totals.engagement !== last.engagement) points.push({ at, ...totals });
  }
  if (points[points.length - 1]!.at < until) points.push({ ...points[points.length - 1]!, at: until });
  return points;
}

/** The minute a target is due: its `by`, else the scenario's end. */
export function targetDue(scenario: Pick<Scenario, 'duration'>, target: { by?: string | undefined }): number {
  return offsetMinutes(target.by ?? scenario.duration);
}

/** How the attempt stood against each of the scenario's targets, in the scenario's order. */
export function targetResults(input: Pick<EngineInput, 'scenario'>, state: Pick<TimelineState, 'feed' | 'reactions' | 'time' | 'ended'>): TargetResult[] {
  const targets = input.scenario.targets ?? [];
  if (targets.length === 0) return [];
  const seriesByAccount = new Map<string, ReachPoint[]>();
  return targets.map((target) => {
    let points = seriesByAccount.get(target.account);
    if (!points) {
      points = reachSeries(input, state, target.account);
      seriesByAccount.set(target.account, points);
    }
    const by = targetDue(input.scenario, target);
    const series = compact(points.map((point) => ({ at: point.at, value: point[target.metric] })));
    let achieved = 0;
    for (const point of series) if (point.at <= by) achieved = point.value;
    const reachedAt = series.find((point) => point.value >= target.value)?.at ?? null;
    return {
      accountId: target.account,
      metric: target.metric,
      value: target.value,
      by,
      achieved,
      met: reachedAt !== null && reachedAt <= by,
      reachedAt,
      series,
    };
  });
}

/** Drops the points at which this one figure did not change (the other one did), keeping the first and last. */
function compact(points: ReadonlyArray<{ at: number; value: number }>): Array<{ at: number; value: number }> {
  const kept: Array<{ at: number; value: number }> = [];
  points.forEach((point, index) => {
    const last = kept[kept.length - 1];
    if (!last || point.value !== last.value || index === points.length - 1) kept.push(point);
  });
  return kept;
}
