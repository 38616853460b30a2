// Runtime: any (pure core). Checking a frozen outcome that came from another device: the grader is
// deterministic, so every draft in it is graded again exactly as it was when published (same
// scenario, task, account, kind and play language), and the scores and pass are computed again from
// the timeline. A stored grade that differs from the grader's, or scores that differ from what the
// timeline gives, were edited after the attempt. The check means something only under the same grader
// version: otherwise the report says so and compares nothing.
import { gradeUnderClearance } from '../engine/clearance';
import type { EngineInput } from '../engine/timeline';
import { previewGrade } from '../engine/timeline';
import { scenarioOutcome } from '../engine/outcome';
import type { Grade } from '../grading/types';
import type { Axis } from '../pack/schema';
import { AXES } from '../pack/schema';
import { canonicalJson } from './canonical';
import type { FrozenOutcome, PlayedScenario } from './outcome';

/** What a flag shows of a grade or an outcome: pass and scores. */
export interface ScoreGist {
  passed: boolean;
  scores: Record<Axis, number>;
  /** Mean of the axis scores, for outcomes. */
  average?: number;
}

export type RegradeFlag =
  /** A published draft's stored grade is not the grade the grader gives it. */
  | { kind: 'grade-edited'; publicationId: string; taskId: string | null; stored: ScoreGist; regraded: ScoreGist }
  /** The outcome's pass or scores (in its summary, its detail, or a task's result) are not what its timeline gives. */
  | { kind: 'outcome-edited'; where: 'summary' | 'detail' | 'tasks'; stored: ScoreGist; recomputed: ScoreGist; taskIds: string[] }
  /** The scenario in the file is not the one the academy's installed pack has under the same content hash. */
  | { kind: 'scenario-differs'; key: string; parts: string[] }
  /** The records could not be graded again (a draft names a task or account the scenario does not have). */
  | { kind: 'not-regradable'; reason: string };

export type NotComparedReason =
  /** Graded by another grader version: its grades may rightly differ from this app's. */
  | { kind: 'grader-version'; recorded: string; current: string }
  /** Frozen by the database migration after its pack had changed: the original result was kept, not recomputed. */
  | { kind: 'pack-changed' }
  /** More drafts than the caller grades again for one file: the work of an import stays bounded whatever a file holds. */
  | { kind: 'too-many-drafts'; drafts: number; limit: number };

export interface RegradeReport {
  uid: string;
  packId: string;
  scenarioId: string;
  verdict: 'consistent' | 'flagged' | 'not-compared';
  flags: RegradeFlag[];
  notCompared: NotComparedReason | null;
  /** Drafts graded again. */
  drafts: number;
}

const gist = (grade: Pick<Grade, 'passed' | 'axes'>): ScoreGist => ({
  passed: grade.passed,
  scores: Object.fromEntries(AXES.map((axis) => [axis, grade.axes[axis].score])) as Record<Axis, number>,
});

const outcomeGist = (outcome: { passed: boolean; average: number; scores: Record<Axis, number> }): ScoreGist => ({
  passed: outcome.passed,
  scores: { ...outcome.scores },
  average: outcome.average,
});

const sameGist = (a: ScoreGist, b: ScoreGist) => a.passed === b.passed && a.average === b.average && AXES.every((axis) => a.scores[axis] === b.scores[axis]);

/**
 * Grades the outcomes of many files again, reusing what the grader prepares per task (its matchers)
 * across outcomes played against the same scenario: an academy importing 500 trainees' files grades the
 * same few scenarios thousands of times.
 */
export interface Regrader {
  /**
   * Checks one outcome against the scenario it names. `installed`, when the academy has a pack with the
   * same content hash, is that pack's scenario: the file's must equal it, and the drafts are graded
   * against the installed one. An outcome with more than `maxDrafts` published drafts is not compared.
   */
  check(frozen: FrozenOutcome, played: PlayedScenario, installed?: PlayedScenario | null, options?: { maxDrafts?: number }): RegradeReport;
}

const PLAYED_PARTS = ['scenario', 'personas', 'platforms', 'packTitle', 'packVersion'] as const;

export function createRegrader(options: { graderVersion: string }): Regrader {
  // One engine input per scenario content and play language: the grader caches its contexts per input.
  const inputs = new Map<string, { text: string; byLanguage: Map<string, EngineInput> }>();
  // Each file's scenarios are compared by content once, however many outcomes name them.
  const texts = new WeakMap<PlayedScenario, string>();
  const textOf = (played: PlayedScenario): string => {
    let text = texts.get(played);
    if (text === undefined) texts.set(played, (text = canonicalJson(played)));
    return text;
  };
  const comparisons = new WeakMap<PlayedScenario, WeakMap<PlayedScenario, string[]>>();
  const differingParts = (played: PlayedScenario, installed: PlayedScenario): string[] => {
    let against = comparisons.get(played);
    if (!against) comparisons.set(played, (against = new WeakMap()));
    let parts = against.get(installed);
    if (!parts) {
      parts = textOf(played) === textOf(installed) ? [] : PLAYED_PARTS.filter((part) => canonicalJson(played[part]) !== canonicalJson(installed[part]));
      against.set(installed, parts);
    }
    return parts;
  };
  const inputFor = (played: PlayedScenario, language: string): EngineInput => {
    const text = textOf(played);
    let entry = inputs.get(played.key);
    if (!entry || entry.text !== text) {
      entry = { text, byLanguage: new Map() };
      inputs.set(played.key, entry);
    }
    let input = entry.byLanguage.get(language);
    if (!input) {
      // The seed draws the audience only; grades and scores do not read it.
      input = { scenario: played.scenario, playLanguage: language, manifest: { platforms: played.platforms }, seed: 0 };
      entry.byLanguage.set(language, input);
    }
    return input;
  };

  return {
    check(frozen, played, installed = null, { maxDrafts = Number.POSITIVE_INFINITY } = {}) {
      const { summary, detail } = frozen;
      const report: RegradeReport = {
        uid: summary.uid,
        packId: summary.packId,
        scenarioId: summary.scenarioId,
        verdict: 'consistent',
        flags: [],
        notCompared: null,
        drafts: 0,
      };
      if (summary.versions.grader !== options.graderVersion) {
        return {
          ...report,
          verdict: 'not-compared',
          notCompared: { kind: 'grader-version', recorded: summary.versions.grader, current: options.graderVersion },
        };
      }
      if (summary.packContentHash === null) return { ...report, verdict: 'not-compared', notCompared: { kind: 'pack-changed' } };
      const drafts = detail.timeline.feed.reduce((count, item) => count + (item.source === 'trainee' ? 1 : 0), 0);
      if (drafts > maxDrafts) return { ...report, verdict: 'not-compared', notCompared: { kind: 'too-many-drafts', drafts, limit: maxDrafts } };

      let scenario = played;
      if (installed) {
        const parts = differingParts(played, installed);
        if (parts.length > 0) report.flags.push({ kind: 'scenario-differs', key: played.key, parts });
        scenario = installed;
      }

      try {
        const input = inputFor(scenario, summary.playLanguage);
        for (const item of detail.timeline.feed) {
          if (item.source !== 'trainee') continue;
          const draft = { accountId: item.accountId, kind: item.kind, text: item.text, taskId: item.taskId, replyTo: item.replyTo };
          // A publication that needed clearance and had none carries the finding: read from the attempt's own requests.
          // A report is graded against the facts frozen with it, as it was when sent.
          const regraded = gradeUnderClearance(input, detail.timeline, draft, item.at, previewGrade(input, draft, item.monitoring)).grade;
          report.drafts += 1;
          if (canonicalJson(regraded) !== canonicalJson(item.grade)) {
            report.flags.push({ kind: 'grade-edited', publicationId: item.id, taskId: item.taskId, stored: gist(item.grade), regraded: gist(regraded) });
          }
        }
        const recomputed = scenarioOutcome(input, detail.timeline);
        const expected = outcomeGist(recomputed);
        if (!sameGist(outcomeGist(summary), expected)) {
          report.flags.push({ kind: 'outcome-edited', where: 'summary', stored: outcomeGist(summary), recomputed: expected, taskIds: [] });
        }
        if (!sameGist(outcomeGist(detail.outcome), expected)) {
          report.flags.push({ kind: 'outcome-edited', where: 'detail', stored: outcomeGist(detail.outcome), recomputed: expected, taskIds: [] });
        }
        const storedTasks = new Map(detail.outcome.tasks.map((task) => [task.taskId, task]));
        const editedTasks = recomputed.tasks
          .filter((task) => {
            const stored = storedTasks.get(task.taskId);
            return !stored || stored.result !== task.result || canonicalJson(stored.grade) !== canonicalJson(task.grade);
          })
          .map((task) => task.taskId);
        if (editedTasks.length > 0 || storedTasks.size !== recomputed.tasks.length) {
          report.flags.push({ kind: 'outcome-edited', where: 'tasks', stored: outcomeGist(detail.outcome), recomputed: expected, taskIds: editedTasks });
        }
      } catch (error) {
        report.flags.push({ kind: 'not-regradable', reason: error instanceof Error ? error.message.slice(0, 200) : 'the grader stopped' });
      }
      return { ...report, verdict: report.flags.length > 0 ? 'flagged' : 'consistent' };
    },
  };
}

/** One outcome checked alone (see Regrader.check). */
export function regradeOutcome(
  frozen: FrozenOutcome,
  played: PlayedScenario,
  options: { graderVersion: string; installed?: PlayedScenario | null },
): RegradeReport {
  return createRegrader(options).check(frozen, played, options.installed ?? null);
}
