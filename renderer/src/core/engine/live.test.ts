// Runtime: Node (tests only). Live streams in the engine: the viewer count, comments arriving
// within seconds, moderation through the machine (and what it refuses), a moderation task settled
// at its deadline or at Finish, the scripted player's moderation, the log and the outcome.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import { offsetMinutes } from '../pack/schema';
import { currentVersions, persistSnapshot, replay, restoreSnapshot, step } from './attempt';
import type { ScenarioSnapshot } from './attempt';
import { autoplay } from './autoplay';
import { validateEventLog } from './event-log';
import { isOnAir, liveCommentsOf, nextWatchedComment, viewersAt } from './live';
import type { EngineEvent } from './machine';
import { createScenarioMachine } from './machine';
import { modelAnswerFor, scenarioOutcome } from './outcome';
import type { EngineInput } from './timeline';
import { nextEventTime } from './timeline';

const pack = loadPack(readFolder(path.join(import.meta.dirname, '__fixtures__', 'live')), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack.manifest, seed: 3 };
const machine = createScenarioMachine(input);
const stream = scenario.timeline.find((inject) => inject.id === 'reception')!;
const STARTS = 10;

const play = (events: EngineEvent[]) => replay(machine, [{ type: 'START' }, ...events]);
const at = (minute: number, snapshot: ScenarioSnapshot) => step(machine, snapshot, { type: 'CLOCK.TICK', minutes: minute - snapshot.context.timeline.time });
const comments = (snapshot: ScenarioSnapshot) => snapshot.context.timeline.feed.filter((item) => item.source === 'live-comment').map((item) => item.id);

describe('the viewer count', () => {
  it('is the pack’s figure at each point, moves evenly between them, and holds outside them', () => {
    expect(viewersAt(stream, 0)).toBe(120);
    expect(viewersAt(stream, 2.5)).toBe(380);
    expect(viewersAt(stream, 5)).toBe(640);
    expect(viewersAt(stream, 7.5)).toBe(525);
    expect(viewersAt(stream, 10)).toBe(410);
    expect(viewersAt(stream, 30)).toBe(410);
    expect(viewersAt(stream, -1)).toBe(120);
    expect(viewersAt(scenario.timeline[0]!, 1)).toBe(0);
  });
});

describe('a live stream', () => {
  it('brings its comments, each at its own second, and generated viewers for those no persona writes', () => {
    const list = liveCommentsOf(input, stream, STARTS);
    expect(list.map((comment) => comment.at)).toEqual([10 + 1 / 3, 10.75, 10 + 7 / 6, 12, 13.5, 19]);
    expect(list[0]).toMatchObject({ id: 'c-praise', personaId: 'citizen-irena', author: null, nature: 'praise' });
    expect(list[1]!.author).toEqual({ name: expect.any(String), handle: expect.any(String) });
    // The same seed, the same viewer.
    expect(liveCommentsOf(input, stream, STARTS)[1]!.author).toEqual(list[1]!.author);
  });

  it('starts at its inject’s time and shows comments as the clock passes them, not before', () => {
    let snapshot = at(STARTS, play([]));
    expect(isOnAir(snapshot.context.timeline, 'reception', STARTS)).toBe(true);
    expect(comments(snapshot)).toEqual([]);
    snapshot = at(STARTS + 0.5, snapshot);
    expect(comments(snapshot)).toEqual(['c-praise']);
    snapshot = at(STARTS + 2, snapshot);
    expect(comments(snapshot)).toEqual(['c-praise', 'c-question', 'c-abuse', 'c-spam']);
    const feed = snapshot.context.timeline.feed.filter((item) => item.source === 'live-comment');
    expect(feed.map((item) => item.at)).toEqual([...feed.map((item) => item.at)].sort((a, b) => a - b));
  });

  it('makes its start and end stops of "Next event", and its comments none', () => {
    let snapshot = play([]);
    const stops: number[] = [];
    while (snapshot.status !== 'done') {
      const next = nextEventTime(input, snapshot.context.timeline);
      if (next === null) break;
      stops.push(next);
      snapshot = step(machine, snapshot, { type: 'CLOCK.NEXT' });
    }
    // 0:02 the announcement, 0:10 the stream and the moderation task, 0:10:45 the reply task,
    // 0:13 its deadline, 0:20 the stream's end and the moderation deadline.
    expect(stops).toEqual([2, 10, 10.75, 13, 20]);
  });
});

describe('moderating', () => {
  const live = () => at(STARTS + 2, play([]));

  it('hides, shows, pins and unpins a comment that has arrived, recording when', () => {
    let snapshot = step(machine, live(), { type: 'MODERATE', commentId: 'c-abuse', action: 'hide' });
    expect(snapshot.context.refused).toBeNull();
    snapshot = step(machine, snapshot, { type: 'MODERATE', commentId: 'c-question', action: 'pin' });
    snapshot = step(machine, snapshot, { type: 'MODERATE', commentId: 'c-praise', action: 'pin' });
    const { moderation } = snapshot.context.timeline;
    expect(moderation['c-abuse']).toEqual({ streamId: 'reception', hidden: true, pinned: false, actions: [{ at: 12, action: 'hide' }] });
    // One pinned comment per stream: pinning another unpins the first.
    expect(moderation['c-question']).toMatchObject({ pinned: false, actions: [{ action: 'pin' }, { action: 'unpin' }] });
    expect(moderation['c-praise']).toMatchObject({ pinned: true });
    snapshot = step(machine, snapshot, { type: 'MODERATE', commentId: 'c-abuse', action: 'unhide' });
    expect(snapshot.context.timeline.moderation['c-abuse']).toMatchObject({ hidden: false });
  });

  it('refuses, with the reason, a comment not yet written, an unknown one, a pointless action, and an ended stream', () => {
    const cases: Array<[EngineEvent, RegExp]> = [
      [{ type: 'MODERATE', commentId: 'c-criticism', action: 'hide' }, /has not been written yet/],
      [{ type: 'MODERATE', commentId: 'c-nobody', action: 'hide' }, /no live comment "c-nobody"/],
      [{ type: 'MODERATE', commentId: 'c-abuse', action: 'unpin' }, /is not pinned/],
      [{ type: 'MODERATE', commentId: 'c-abuse', action: 'explode' } as unknown as EngineEvent, /malformed/],
    ];
    for (const [event, reason] of cases) {
      const snapshot = step(machine, live(), event);
      expect(snapshot.context.refused).toMatch(reason);
      expect(snapshot.context.timeline.moderation).toEqual({});
    }
    const hidden = step(machine, live(), { type: 'MODERATE', commentId: 'c-abuse', action: 'hide' });
    expect(step(machine, hidden, { type: 'MODERATE', commentId: 'c-abuse', action: 'pin' }).context.refused).toMatch(/is hidden: unhide it to pin it/);
    const ended = at(STARTS + 10.5, live());
    expect(step(machine, ended, { type: 'MODERATE', commentId: 'c-late', action: 'hide' }).context.refused).toMatch(/has ended/);
  });

  it('is no task’s publication: a draft for the moderation task is refused', () => {
    const snapshot = step(machine, live(), {
      type: 'PUBLISH',
      draft: { accountId: 'embassy-fb', kind: 'moderation', text: 'Hi', taskId: 'moderate', replyTo: null },
    });
    expect(snapshot.context.refused).toMatch(/done by moderating its stream's comments/);
  });
});

describe('a moderation task', () => {
  it('is settled at its deadline with a grade from what was done', () => {
    let snapshot = at(STARTS + 1.5, play([]));
    snapshot = step(machine, snapshot, { type: 'MODERATE', commentId: 'c-abuse', action: 'hide' });
    snapshot = at(STARTS + 2.5, snapshot);
    snapshot = step(machine, snapshot, { type: 'MODERATE', commentId: 'c-spam', action: 'hide' });
    snapshot = at(STARTS + 9.5, snapshot);
    expect(snapshot.context.timeline.tasks.moderate!.status).toBe('open');
    snapshot = at(STARTS + 10, snapshot);
    const { tasks, moderationResults } = snapshot.context.timeline;
    expect(tasks.moderate).toMatchObject({ status: 'done', outcome: 'passed', publicationId: null });
    expect(moderationResults.moderate).toMatchObject({ at: 20, streamId: 'reception', grade: { passed: true } });
  });

  it('fails when criticism is hidden, whatever else was right', () => {
    let snapshot = at(STARTS + 4, play([]));
    for (const commentId of ['c-abuse', 'c-spam', 'c-criticism']) snapshot = step(machine, snapshot, { type: 'MODERATE', commentId, action: 'hide' });
    snapshot = at(STARTS + 10, snapshot);
    const grade = snapshot.context.timeline.moderationResults.moderate!.grade;
    expect(grade.passed).toBe(false);
    expect(grade.findings.map((finding) => finding.ruleId)).toContain('policy.moderation-hid-criticism');
  });

  it('at Finish is settled with what was done; abuse still to come counts as left up', () => {
    let snapshot = at(STARTS + 0.5, play([]));
    snapshot = step(machine, snapshot, { type: 'FINISH' });
    const { tasks, moderationResults } = snapshot.context.timeline;
    expect(tasks.moderate).toMatchObject({ status: 'done', outcome: 'failed' });
    expect(moderationResults.moderate!.grade.findings.filter((finding) => finding.ruleId === 'policy.moderation-abuse-left')).toHaveLength(2);
    // Said as what it was: abuse that came after the trainee finished, not abuse they saw and left.
    expect(moderationResults.moderate!.grade.findings.map((finding) => finding.message.key)).toContain('moderation.abuseAfterFinish');
  });

  it('grades the tone of replies written to the stream while it runs', () => {
    let snapshot = at(STARTS + 2.5, play([]));
    for (const commentId of ['c-abuse', 'c-spam']) snapshot = step(machine, snapshot, { type: 'MODERATE', commentId, action: 'hide' });
    snapshot = step(machine, snapshot, {
      type: 'PUBLISH',
      draft: { accountId: 'embassy-fb', kind: 'reply', text: 'Stop whining, idiots. The library is open to everyone.', taskId: null, replyTo: 'c-criticism' },
    });
    expect(snapshot.context.refused).toBeNull();
    snapshot = at(STARTS + 10, snapshot);
    const grade = snapshot.context.timeline.moderationResults.moderate!.grade;
    expect(grade.axes.tone.score).toBeLessThan(70);
    expect(grade.passed).toBe(false);
  });
});

describe('the scripted player', () => {
  const answer = (task: Parameters<Parameters<typeof autoplay>[1]>[0]) => modelAnswerFor(scenario, task, 'en');

  it('moderates like a model: abuse and spam hidden as they arrive, nothing else; no refusal', () => {
    const played = autoplay(input, answer);
    expect(played.refusals).toEqual([]);
    const state = played.snapshot.context.timeline;
    expect(Object.entries(state.moderation).map(([id, entry]) => [id, entry.actions.map((done) => done.action)])).toEqual([
      ['c-abuse', ['hide']],
      ['c-spam', ['hide']],
    ]);
    expect(state.moderation['c-abuse']!.actions[0]!.at).toBeCloseTo(STARTS + 7 / 6, 10);
    const outcome = scenarioOutcome(input, state);
    expect(outcome.tasks.map((task) => [task.taskId, task.result])).toEqual([
      ['moderate', 'passed'],
      ['answer-question', 'passed'],
    ]);
    expect(outcome.passed).toBe(true);
  });

  it('moderates poorly on request: criticism and questions hidden, abuse left up', () => {
    const played = autoplay(input, answer, { moderate: 'poor' });
    expect(played.refusals).toEqual([]);
    const state = played.snapshot.context.timeline;
    expect(Object.keys(state.moderation).sort()).toEqual(['c-criticism', 'c-question']);
    expect(scenarioOutcome(input, state).tasks[0]).toMatchObject({ taskId: 'moderate', result: 'failed' });
  });

  it('watches the stream only while a moderation task is open', () => {
    const before = at(STARTS - 1, play([]));
    expect(nextWatchedComment(input, before.context.timeline)).toBeNull();
    expect(nextWatchedComment(input, at(STARTS, play([])).context.timeline)).toBeCloseTo(STARTS + 1 / 3, 10);
  });
});

describe('the log and the snapshot', () => {
  const played = autoplay(input, (task) => modelAnswerFor(scenario, task, 'en'));

  it('a log with moderation validates and replays to the same state; an unknown comment is named', () => {
    expect(played.events.some((event) => event.type === 'MODERATE')).toBe(true);
    const checked = validateEventLog(played.events, scenario);
    expect(checked.ok).toBe(true);
    expect(replay(machine, played.events).context.timeline).toEqual(played.snapshot.context.timeline);
    const bad = validateEventLog([{ type: 'START' }, { type: 'MODERATE', commentId: 'c-ghost', action: 'hide' }], scenario);
    expect(bad).toMatchObject({ ok: false, position: 2, reason: { key: 'eventLog.unknownComment', params: { comment: 'c-ghost' } } });
    const wrong = validateEventLog([{ type: 'START' }, { type: 'MODERATE', commentId: 'c-abuse', action: 'delete' }], scenario);
    expect(wrong).toMatchObject({ ok: false, reason: { key: 'eventLog.invalidField', params: { field: 'action' } } });
  });

  it('a snapshot mid-stream persists and restores with its comments and moderation', () => {
    let snapshot = at(STARTS + 2, play([]));
    snapshot = step(machine, snapshot, { type: 'MODERATE', commentId: 'c-abuse', action: 'hide' });
    const versions = currentVersions('live-fixture', '1.0.0', 'reception-stream', 'en', 3);
    const saved = { versions, snapshot: JSON.parse(JSON.stringify(persistSnapshot(machine, snapshot))) as unknown };
    const restored = restoreSnapshot(machine, saved, versions);
    expect(restored.refusal).toBeNull();
    expect(restored.snapshot?.context.timeline).toEqual(snapshot.context.timeline);
  });
});

describe('the outcome', () => {
  it('names the stream, the actions on the timeline, and each comment with what was expected', () => {
    const played = autoplay(input, (task) => modelAnswerFor(scenario, task, 'en'));
    const outcome = scenarioOutcome(input, played.snapshot.context.timeline);
    expect(outcome.timeline.filter((entry) => entry.type === 'moderation')).toEqual([
      { at: expect.closeTo(STARTS + 7 / 6, 10), type: 'moderation', streamId: 'reception', commentId: 'c-abuse', action: 'hide' },
      { at: 12, type: 'moderation', streamId: 'reception', commentId: 'c-spam', action: 'hide' },
    ]);
    expect(outcome.timeline.some((entry) => entry.type === 'inject' && entry.injectType === 'live')).toBe(true);
    const [reception] = outcome.moderation;
    expect(reception).toMatchObject({ streamId: 'reception', accountId: 'embassy-fb', startedAt: 10, endsAt: offsetMinutes('0:20'), taskId: 'moderate' });
    expect(reception!.comments.map((comment) => [comment.id, comment.expected, comment.hidden])).toEqual([
      ['c-praise', 'keep', false],
      ['c-question', 'keep', false],
      ['c-abuse', 'hide', true],
      ['c-spam', 'hide', true],
      ['c-criticism', 'keep', false],
      ['c-late', 'keep', false],
    ]);
    expect(outcome.tasks[0]!.grade).toMatchObject({ passed: true, axes: { tone: { score: expect.any(Number) } } });
  });
});
