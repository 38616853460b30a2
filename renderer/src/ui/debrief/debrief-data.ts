// Runtime: renderer. What the debrief shows, worked out from an attempt's final state: pure
// functions of the outcome, the scenario and the timeline, kept apart from the views so each
// section reads the same facts.
import type { Mood, ReactionTotals } from '../../core/engine/audience';
import { summarizeAt } from '../../core/engine/audience';
import type { FeedAudienceReply, FeedPublication, TimelineState } from '../../core/engine/timeline';
import type { Finding } from '../../core/grading/types';
import type { Branch, Scenario, Task } from '../../core/pack/schema';
import { offsetMinutes, REACTION_MOODS } from '../../core/pack/schema';

export function publicationsOf(timeline: TimelineState): FeedPublication[] {
  return timeline.feed.filter((item): item is FeedPublication => item.source === 'trainee');
}

/** The publication that answered a task, if one did. */
export function publicationOfTask(timeline: TimelineState, taskId: string): FeedPublication | null {
  const id = timeline.tasks[taskId]?.publicationId;
  if (!id) return null;
  return publicationsOf(timeline).find((item) => item.id === id) ?? null;
}

export interface Reception {
  publication: FeedPublication;
  totals: ReactionTotals;
  /** Replies that reached the feed before the end, by mood. */
  moods: Record<Mood, number>;
  /** Delivered to recipients rather than discovered in a feed: reach means recipients, and nobody likes or shares it. */
  delivered: boolean;
}

const emptyTotals: ReactionTotals = { likes: 0, shares: 0, reach: 0, replies: 0 };

export function receptionOf(timeline: TimelineState): Reception[] {
  const replies = timeline.feed.filter((item): item is FeedAudienceReply => item.source === 'audience');
  // A report goes to headquarters: the public never sees it, so it has no reception to show.
  return publicationsOf(timeline)
    .filter((publication) => publication.kind !== 'report')
    .map((publication) => {
      const plan = timeline.reactions[publication.id];
      const moods = Object.fromEntries(REACTION_MOODS.map((mood) => [mood, 0])) as Record<Mood, number>;
      for (const reply of replies) if (reply.replyTo === publication.id) moods[reply.mood] += 1;
      return {
        publication,
        totals: plan ? summarizeAt(plan, timeline.time) : emptyTotals,
        moods,
        delivered: publication.kind === 'direct-message' || publication.kind === 'mass-notification',
      };
    });
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** The draft cut into plain and marked runs: the passages findings point at, overlaps merged. */
export function markedSegments(text: string, findings: readonly Finding[]): Segment[] {
  const spans = findings
    .flatMap((finding) => (finding.span ? [finding.span] : []))
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const segments: Segment[] = [];
  let cursor = 0;
  for (const span of merged) {
    if (span.start > cursor) segments.push({ text: text.slice(cursor, span.start), marked: false });
    segments.push({ text: text.slice(span.start, span.end), marked: true });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}

export type BranchCause = { kind: 'task'; task: Task; outcome: 'passed' | 'failed' | 'missed' } | { kind: 'time'; minute: number };

/**
 * Why a branch fired: the conditions that held. Task outcomes never change once set and the clock
 * only moves on, so what holds in the final state and by the minute it fired is what triggered it.
 */
export function branchCauses(branch: Branch, scenario: Scenario, timeline: TimelineState, firedAt: number): BranchCause[] {
  const conditions = branch.when.all ?? branch.when.any ?? [];
  const causes: BranchCause[] = [];
  for (const condition of conditions) {
    if ('task' in condition) {
      const task = scenario.tasks.find((candidate) => candidate.id === condition.task);
      if (task && timeline.tasks[task.id]?.outcome === condition.outcome) causes.push({ kind: 'task', task, outcome: condition.outcome });
    } else {
      const minute = offsetMinutes(condition.time);
      if (minute <= firedAt) causes.push({ kind: 'time', minute });
    }
  }
  return causes;
}
