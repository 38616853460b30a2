import { describe, expect, it } from 'vitest';
import type { FeedPublication } from '../engine/timeline';
import { GRADER_VERSION } from '../grading/version';
import { loadPack } from '../pack/load';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { minimalPack, playedOutcome } from '../../test/progress-files';
import type { FrozenOutcome } from './outcome';
import { createRegrader, regradeOutcome } from './regrade';

const options = { graderVersion: GRADER_VERSION };
const good = playedOutcome({ uid: 'attempt-good', traineeUid: 'trainee-anna', drafts: 'model' });
const poor = playedOutcome({ uid: 'attempt-poor', traineeUid: 'trainee-anna', drafts: 'poor' });

/** A deep copy to edit, as someone with the file and a text editor would. */
const copy = (frozen: FrozenOutcome): FrozenOutcome => structuredClone(frozen);
const publicationsOf = (frozen: FrozenOutcome) => frozen.detail.timeline.feed.filter((item): item is FeedPublication => item.source === 'trainee');

describe('re-grading a frozen outcome', () => {
  it('finds nothing to flag in outcomes as they were played, good or poor', () => {
    for (const { frozen, played } of [good, poor]) {
      const report = regradeOutcome(frozen, played, options);
      expect(report).toMatchObject({ uid: frozen.summary.uid, verdict: 'consistent', flags: [], notCompared: null });
      expect(report.drafts).toBe(publicationsOf(frozen).length);
      expect(report.drafts).toBeGreaterThan(0);
    }
  });

  it('compares nothing, grading no draft, in an outcome with more drafts than the caller grades again', () => {
    const drafts = publicationsOf(good.frozen).length;
    const report = createRegrader(options).check(good.frozen, good.played, null, { maxDrafts: drafts - 1 });
    expect(report).toMatchObject({ verdict: 'not-compared', flags: [], drafts: 0, notCompared: { kind: 'too-many-drafts', drafts, limit: drafts - 1 } });
    expect(createRegrader(options).check(good.frozen, good.played, null, { maxDrafts: drafts })).toMatchObject({ verdict: 'consistent', drafts });
  });

  it('finds nothing to flag in the built-in library played in Russian, good or poor, against the installed pack', () => {
    // Every scenario: clearance (uncleared publications carry their finding), reports (graded against
    // the facts frozen with them) and live moderation (a task graded on actions) all grade again alike.
    const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
    const regrader = createRegrader(options);
    for (const scenario of pack.scenarios) {
      for (const drafts of ['model', 'poor'] as const) {
        const { frozen, played } = playedOutcome({ pack, scenarioId: scenario.id, uid: `a-${scenario.id}`, traineeUid: 't', language: 'ru', drafts });
        expect(regrader.check(frozen, played, played), `${scenario.id}, ${drafts}`).toMatchObject({ verdict: 'consistent', flags: [] });
      }
    }
  }, 120_000);

  it("flags a draft's grade edited to pass, with the stored and the grader's scores", () => {
    const edited = copy(poor.frozen);
    const publication = publicationsOf(edited)[0]!;
    publication.grade.passed = true;
    publication.grade.axes.tone.score = 100;
    const report = regradeOutcome(edited, poor.played, options);
    expect(report.verdict).toBe('flagged');
    const flag = report.flags.find((f) => f.kind === 'grade-edited');
    expect(flag).toMatchObject({
      kind: 'grade-edited',
      publicationId: publication.id,
      taskId: publication.taskId,
      stored: { passed: true, scores: { tone: 100 } },
      regraded: { passed: false },
    });
  });

  it('flags scores and a pass edited in the summary, the detail or a task, and an edit made consistent everywhere', () => {
    const summaryEdited = copy(poor.frozen);
    summaryEdited.summary.passed = true;
    summaryEdited.summary.average = 95;
    expect(regradeOutcome(summaryEdited, poor.played, options).flags).toEqual([
      expect.objectContaining({ kind: 'outcome-edited', where: 'summary', stored: expect.objectContaining({ passed: true, average: 95 }) }),
    ]);

    const detailEdited = copy(poor.frozen);
    detailEdited.detail.outcome.scores.policy = 100;
    expect(regradeOutcome(detailEdited, poor.played, options).flags.map((f) => f.kind === 'outcome-edited' && f.where)).toEqual(['detail']);

    const taskEdited = copy(poor.frozen);
    taskEdited.detail.outcome.tasks[0]!.result = 'passed';
    expect(regradeOutcome(taskEdited, poor.played, options).flags).toEqual([
      expect.objectContaining({ kind: 'outcome-edited', where: 'tasks', taskIds: [taskEdited.detail.outcome.tasks[0]!.taskId] }),
    ]);

    // Every copy of the grade and the scores changed to agree: only the grader can tell.
    const thorough = copy(poor.frozen);
    const publication = publicationsOf(thorough)[0]!;
    for (const axis of ['tone', 'policy', 'platform'] as const) {
      publication.grade.axes[axis].score = 90;
      publication.grade.axes[axis].passed = true;
    }
    publication.grade.passed = true;
    thorough.detail.timeline.tasks[publication.taskId!] = { ...thorough.detail.timeline.tasks[publication.taskId!]!, outcome: 'passed' };
    expect(regradeOutcome(thorough, poor.played, options).flags.map((f) => f.kind)).toContain('grade-edited');
  });

  it('compares nothing under another grader version, and says which', () => {
    const older = copy(good.frozen);
    older.summary.versions.grader = '0.9.0';
    older.summary.passed = false;
    expect(regradeOutcome(older, good.played, options)).toMatchObject({
      verdict: 'not-compared',
      flags: [],
      notCompared: { kind: 'grader-version', recorded: '0.9.0', current: GRADER_VERSION },
      drafts: 0,
    });
  });

  it('compares nothing for an outcome frozen after its pack had changed (its original result was kept)', () => {
    const migrated = copy(good.frozen);
    migrated.summary.packContentHash = null;
    migrated.summary.origin = 'migrated';
    expect(regradeOutcome(migrated, good.played, options)).toMatchObject({ verdict: 'not-compared', notCompared: { kind: 'pack-changed' } });
  });

  it("flags a file whose scenario was edited (a pass mark lowered) against the installed pack's, and grades against the installed one", () => {
    const lenient = structuredClone(minimalPack);
    for (const task of lenient.scenarios[0]!.tasks) task.passMark = { tone: 0, policy: 0, platform: 0 };
    const forged = playedOutcome({ pack: lenient, uid: 'attempt-forged', traineeUid: 'trainee-anna', drafts: 'poor' });
    expect(forged.frozen.summary.passed).toBe(true);
    expect(forged.played.key).toBe(poor.played.key);

    // Without the academy's pack the file agrees with itself: only the installed pack shows the edit.
    expect(regradeOutcome(forged.frozen, forged.played, options).verdict).toBe('consistent');
    const report = regradeOutcome(forged.frozen, forged.played, { ...options, installed: poor.played });
    expect(report.verdict).toBe('flagged');
    expect(report.flags[0]).toEqual({ kind: 'scenario-differs', key: poor.played.key, parts: ['scenario'] });
    // The pass the file's timeline records is what the edited pass mark gave; the grader's own grade says otherwise.
    expect(report.flags.slice(1)).toEqual([
      expect.objectContaining({
        kind: 'grade-edited',
        stored: expect.objectContaining({ passed: true }),
        regraded: expect.objectContaining({ passed: false }),
      }),
    ]);
  });

  it('flags a draft published on an account the scenario does not have as not re-gradable', () => {
    const edited = copy(good.frozen);
    publicationsOf(edited)[0]!.accountId = 'no-such-account';
    const report = regradeOutcome(edited, good.played, options);
    expect(report.verdict).toBe('flagged');
    expect(report.flags).toEqual([{ kind: 'not-regradable', reason: expect.stringContaining('no-such-account') }]);
  });
});
