// Runtime: Node (tests only). Clearance by headquarters, through the machine's own events: a draft
// sent, held for the pack's delay and a seeded extra, answered in the headquarters conversation;
// a publication cleared only by the same text cleared for the same target; an uncleared one a
// policy breach; the deadline unmoved; the log validated and replayed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { Scenario } from '../pack/schema';
import { currentVersions, persistSnapshot, replay, restoreSnapshot, snapshotShapeProblem, step } from './attempt';
import type { ScenarioSnapshot } from './attempt';
import { autoplay } from './autoplay';
import {
  MAX_COMMENTS,
  UNCLEARED_RULE,
  clearingRequest,
  nextClearanceAnswer,
  normaliseText,
  requiresClearance,
  reviewerComments,
  withUnclearedFinding,
} from './clearance';
import { validateEventLog } from './event-log';
import type { EngineEvent } from './machine';
import { createScenarioMachine } from './machine';
import { scenarioOutcome } from './outcome';
import type { Draft, EngineInput, FeedClearanceAnswer, FeedPublication } from './timeline';
import { nextEventTime, previewGrade } from './timeline';

const CLEARANCE_PACK_DIR = path.resolve(import.meta.dirname, '__fixtures__', 'clearance');
const pack = loadPack(readFolder(CLEARANCE_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const inputFor = (seed = 7, playLanguage = 'en', which: Scenario = scenario): EngineInput => ({ scenario: which, playLanguage, manifest: pack.manifest, seed });
const input = inputFor();
const machine = createScenarioMachine(input);

const model = (taskId: string) => scenario.tasks.find((task) => task.id === taskId)!.modelAnswer.en!;
const statement = (text = model('statement')): Draft => ({ accountId: 'embassy-fb', kind: 'post', text, taskId: 'statement', replyTo: null });
const answer = (text = model('answer')): Draft => ({ accountId: 'embassy-x', kind: 'reply', text, taskId: 'answer', replyTo: 'question' });
const update = (text = model('update')): Draft => ({ accountId: 'embassy-x', kind: 'post', text, taskId: 'update', replyTo: null });
const POOR = 'Flights resume tomorrow, do not bother us.';

function play(events: EngineEvent[]): ScenarioSnapshot {
  return replay(machine, [{ type: 'START' }, ...events]);
}
/** Steps "Next event" until the answer to the last request has come (or the scenario ends). */
function untilAnswered(snapshot: ScenarioSnapshot, events: EngineEvent[]): ScenarioSnapshot {
  let current = snapshot;
  for (let guard = 0; guard < 50 && current.context.timeline.clearances.some((request) => !request.answered) && current.status !== 'done'; guard += 1) {
    events.push({ type: 'CLOCK.NEXT' });
    current = step(machine, current, { type: 'CLOCK.NEXT' });
  }
  return current;
}
const publications = (snapshot: ScenarioSnapshot) => snapshot.context.timeline.feed.filter((item): item is FeedPublication => item.source === 'trainee');
const answers = (snapshot: ScenarioSnapshot) => snapshot.context.timeline.feed.filter((item): item is FeedClearanceAnswer => item.source === 'clearance');

describe('what needs clearance', () => {
  it('every publication on an account that requires it, and a task that requires it, and nothing else', () => {
    expect(requiresClearance(scenario, { accountId: 'embassy-fb', taskId: 'statement' })).toBe(true);
    expect(requiresClearance(scenario, { accountId: 'embassy-fb', taskId: null })).toBe(true);
    expect(requiresClearance(scenario, { accountId: 'embassy-x', taskId: 'answer' })).toBe(true);
    expect(requiresClearance(scenario, { accountId: 'embassy-x', taskId: 'update' })).toBe(false);
    expect(requiresClearance(scenario, { accountId: 'embassy-x', taskId: null })).toBe(false);
    // Without the scenario's clearance block no one could answer: nothing needs it.
    const { clearance: _clearance, ...without } = scenario;
    expect(requiresClearance(without, { accountId: 'embassy-fb', taskId: 'statement' })).toBe(false);
  });

  it('reads text as headquarters does: white space runs and the ends do not count', () => {
    expect(normaliseText('  Stay calm.\n\n Call   +99 123\t456 789. ')).toBe('Stay calm. Call +99 123 456 789.');
  });
});

describe('a draft sent for clearance', () => {
  const events: EngineEvent[] = [
    { type: 'CLOCK.TICK', minutes: 5 },
    { type: 'CLEARANCE.REQUEST', draft: statement() },
  ];
  const sent = play(events);
  const request = sent.context.timeline.clearances[0]!;

  it('is held: graded now, answered later, at the pack’s delay plus a seeded extra', () => {
    expect(sent.context.refused).toBeNull();
    expect(request).toMatchObject({ id: 'clr-1', sentAt: 5, answered: false, verdict: 'cleared', comments: [] });
    expect(request.answerAt).toBeGreaterThanOrEqual(5 + 5);
    expect(request.answerAt).toBeLessThanOrEqual(5 + 5 + 5);
    expect(Number.isInteger(request.answerAt)).toBe(true);
    // Nothing is published, and no answer is in the feed yet.
    expect(publications(sent)).toEqual([]);
    expect(answers(sent)).toEqual([]);
    // The clock stops at the answer: "Next event" never jumps past it.
    expect(nextClearanceAnswer(sent.context.timeline)).toBe(request.answerAt);
    expect(nextEventTime(input, sent.context.timeline)).toBeLessThanOrEqual(request.answerAt);
  });

  it('does not move the task’s deadline: waiting counts', () => {
    expect(sent.context.timeline.tasks.statement!.due).toBe(40);
  });

  it('comes back in the headquarters conversation from the reviewer, at its minute', () => {
    const log = [...events];
    const answered = untilAnswered(sent, log);
    expect(answered.context.timeline.time).toBe(request.answerAt);
    const [reply] = answers(answered);
    expect(reply).toMatchObject({
      source: 'clearance',
      id: 'clr-1-answer',
      at: request.answerAt,
      accountId: 'embassy-fb',
      personaId: 'hq-press',
      requestId: 'clr-1',
      taskId: 'statement',
      verdict: 'cleared',
      draft: statement(),
    });
    expect(['Keep it short.', 'Mind the tone.']).toContain(reply!.remark);
    expect(answered.context.timeline.clearances[0]!.answered).toBe(true);
  });

  it('clears the same text, white space aside, for the same target: published cleared, no finding', () => {
    const log = [...events];
    const answered = untilAnswered(sent, log);
    const reflowed = `\n${model('statement')}  `;
    expect(clearingRequest(answered.context.timeline, statement(reflowed))?.id).toBe('clr-1');
    const published = step(machine, answered, { type: 'PUBLISH', draft: statement(reflowed) });
    const [publication] = publications(published);
    expect(publication!.cleared).toBe(true);
    expect(publication!.grade.findings.map((finding) => finding.ruleId)).not.toContain(UNCLEARED_RULE);
    expect(published.context.timeline.tasks.statement!.outcome).toBe('passed');
  });

  it('clears nothing else: another text, or the same text for another target', () => {
    const log = [...events];
    const answered = untilAnswered(sent, log).context.timeline;
    expect(clearingRequest(answered, statement(`${model('statement')} Thank you.`))).toBeNull();
    expect(clearingRequest(answered, { ...statement(), taskId: null })).toBeNull();
    expect(clearingRequest(answered, { ...statement(), kind: 'thread' })).toBeNull();
    // Before the answer has come, the text is not cleared yet.
    expect(clearingRequest(sent.context.timeline, statement())).toBeNull();
  });

  it('publishing before the answer comes is publishing uncleared', () => {
    const published = step(machine, sent, { type: 'PUBLISH', draft: statement() });
    const [publication] = publications(published);
    expect(publication!.cleared).toBe(false);
    expect(publication!.grade.findings[0]).toMatchObject({ ruleId: UNCLEARED_RULE, axis: 'policy', severity: 'error', blocks: 'axis' });
    expect(publication!.grade.axes.policy.passed).toBe(false);
    expect(published.context.timeline.tasks.statement!.outcome).toBe('failed');
    // The answer still comes, and tells the round trip.
    const later = untilAnswered(published, []);
    expect(answers(later)).toHaveLength(1);
  });

  it('refuses a second request for a task whose draft is still with headquarters, saying why', () => {
    const again = step(machine, sent, { type: 'CLEARANCE.REQUEST', draft: statement(`${model('statement')} Thank you.`) });
    expect(again.context.refused).toBe('a draft of the task "statement" is already with headquarters (sent at 0:05): wait for its answer');
    expect(again.context.timeline).toBe(sent.context.timeline);
    // Another task's draft may go at the same time.
    const other = step(machine, sent, { type: 'CLEARANCE.REQUEST', draft: answer() });
    expect(other.context.refused).toBeNull();
    expect(other.context.timeline.clearances.map((each) => each.id)).toEqual(['clr-1', 'clr-2']);
  });

  it('refuses what needs no clearance, an empty draft and a task not open', () => {
    expect(step(machine, sent, { type: 'CLEARANCE.REQUEST', draft: { ...update(), taskId: null } }).context.refused).toBe(
      'this publication needs no clearance by headquarters',
    );
    expect(step(machine, sent, { type: 'CLEARANCE.REQUEST', draft: answer('   ') }).context.refused).toBe('an empty draft cannot be published');
    expect(play([{ type: 'CLEARANCE.REQUEST', draft: statement() }]).context.refused).toBe('the task "statement" is not open');
  });
});

describe('a draft that would fail its task', () => {
  const events: EngineEvent[] = [
    { type: 'CLOCK.TICK', minutes: 5 },
    { type: 'CLEARANCE.REQUEST', draft: statement(POOR) },
  ];
  const answered = untilAnswered(play(events), [...events]);
  const [reply] = answers(answered);

  it('is returned with up to three comments: its gravest findings, as the grader words them', () => {
    const grade = previewGrade(input, statement(POOR));
    expect(grade.passed).toBe(false);
    expect(reply!.verdict).toBe('returned');
    expect(reply!.comments.length).toBeGreaterThan(0);
    expect(reply!.comments.length).toBeLessThanOrEqual(MAX_COMMENTS);
    expect(reply!.comments).toEqual(reviewerComments(grade));
    expect(reply!.comments[0]).toEqual(grade.findings[0]!.message);
    // The pack's remarks are for signing off: a returned draft has its comments only.
    expect(reply!.remark).toBeNull();
  });

  it('published anyway, it is uncleared: the finding is added to its own', () => {
    const published = step(machine, answered, { type: 'PUBLISH', draft: statement(POOR) });
    const [publication] = publications(published);
    expect(publication!.cleared).toBe(false);
    expect(publication!.grade.findings.map((finding) => finding.ruleId)).toContain(UNCLEARED_RULE);
  });

  it('revised and sent again, it can be cleared', () => {
    const again = step(machine, answered, { type: 'CLEARANCE.REQUEST', draft: statement() });
    expect(again.context.refused).toBeNull();
    const cleared = untilAnswered(again, []);
    expect(answers(cleared).map((each) => each.verdict)).toEqual(['returned', 'cleared']);
  });
});

describe('a task that does not need clearance', () => {
  it('is published as before: no flag, no finding', () => {
    const published = play([
      { type: 'CLOCK.TICK', minutes: 10 },
      { type: 'PUBLISH', draft: update() },
    ]);
    const [publication] = publications(published);
    expect(publication).not.toHaveProperty('cleared');
    expect(publication!.grade.findings.map((finding) => finding.ruleId)).not.toContain(UNCLEARED_RULE);
  });
});

describe('the extra wait', () => {
  it('is drawn from the attempt’s seed and the request: the same seed, the same wait; seeds differ', () => {
    const answerAt = (seed: number) =>
      replay(createScenarioMachine(inputFor(seed)), [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 5 }, { type: 'CLEARANCE.REQUEST', draft: statement() }])
        .context.timeline.clearances[0]!.answerAt;
    const waits = Array.from({ length: 40 }, (_, seed) => answerAt(seed + 1) - 5);
    expect(answerAt(3)).toBe(answerAt(3));
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(5);
      expect(wait).toBeLessThanOrEqual(10);
    }
    expect(new Set(waits).size).toBeGreaterThan(2);
  });
});

describe('the uncleared finding', () => {
  const grade = previewGrade(input, statement());

  it('fails the policy axis at its default level', () => {
    const result = withUnclearedFinding(grade, scenario, scenario.tasks[0]!);
    expect(grade.passed).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.axes.policy.score).toBeLessThan(result.axes.policy.passMark);
    expect(result.axes.tone).toEqual(grade.axes.tone);
  });

  it('costs points only when a pack lowers it, and nothing when it turns it off', () => {
    const warning = withUnclearedFinding(grade, { rubric: { rules: { [UNCLEARED_RULE]: { level: 'warning', weight: 10 } } } }, scenario.tasks[0]!);
    expect(warning.axes.policy.score).toBe(grade.axes.policy.score - 10);
    expect(warning.findings.find((finding) => finding.ruleId === UNCLEARED_RULE)).not.toHaveProperty('blocks');
    expect(warning.passed).toBe(true);
    expect(withUnclearedFinding(grade, { rubric: { rules: { [UNCLEARED_RULE]: { level: 'off' } } } }, scenario.tasks[0]!)).toBe(grade);
  });
});

describe('an attempt with clearance, saved and read back', () => {
  const events: EngineEvent[] = [
    { type: 'CLOCK.TICK', minutes: 5 },
    { type: 'CLEARANCE.REQUEST', draft: statement() },
    { type: 'CLEARANCE.REQUEST', draft: answer(POOR) },
  ];
  const snapshot = untilAnswered(play(events), events);
  const log: EngineEvent[] = [{ type: 'START' }, ...events, { type: 'PUBLISH', draft: statement() }, { type: 'FINISH' }];

  it('has a log the validator takes, which replays to the same state', () => {
    const validation = validateEventLog(log, scenario);
    expect(validation.ok).toBe(true);
    const stepped = log.slice(1).reduce((current, event) => step(machine, current, event), replay(machine, [{ type: 'START' }]));
    expect(replay(machine, log).context).toEqual(stepped.context);
  });

  it('has a log whose requests are checked like publications', () => {
    const bad = validateEventLog([{ type: 'START' }, { type: 'CLEARANCE.REQUEST', draft: { ...statement(), taskId: 'no-such-task' } }], scenario);
    expect(bad).toMatchObject({ ok: false, position: 2, eventType: 'CLEARANCE.REQUEST', reason: { key: 'eventLog.unknownTask' } });
    const extra = validateEventLog([{ type: 'START' }, { type: 'CLEARANCE.REQUEST', draft: statement(), extra: 1 }], scenario);
    expect(extra).toMatchObject({ ok: false, reason: { key: 'eventLog.unknownField' } });
  });

  it('has a snapshot of the shape this machine saves, which restores as it was', () => {
    const persisted = JSON.parse(JSON.stringify(persistSnapshot(machine, snapshot))) as unknown;
    expect(snapshotShapeProblem(machine, persisted)).toBeNull();
    const versions = currentVersions(pack.manifest.id, pack.manifest.version, scenario.id, 'en', 7);
    const restored = restoreSnapshot(machine, { versions, snapshot: persisted }, versions);
    expect(restored.refusal).toBeNull();
    expect(restored.snapshot!.context.timeline).toEqual(snapshot.context.timeline);
  });

  it('names each round trip in its outcome', () => {
    const ended = replay(machine, log);
    const outcome = scenarioOutcome(input, ended.context.timeline);
    const first = ended.context.timeline.clearances[0]!;
    const second = ended.context.timeline.clearances[1]!;
    expect(outcome.clearances).toEqual([
      {
        requestId: 'clr-1',
        taskId: 'statement',
        accountId: 'embassy-fb',
        sentAt: 5,
        answeredAt: first.answerAt,
        verdict: 'cleared',
        comments: [],
        remark: first.remark,
        text: model('statement'),
        published: true,
      },
      expect.objectContaining({ requestId: 'clr-2', taskId: 'answer', verdict: 'returned', answeredAt: second.answerAt, published: false }),
    ]);
    const byTask = Object.fromEntries(outcome.tasks.map((task) => [task.taskId, task.clearance]));
    expect(byTask.statement).toEqual({ required: true, cleared: true, roundTrips: 1, waitedMinutes: first.answerAt - 5 });
    expect(byTask.answer).toEqual({ required: true, cleared: false, roundTrips: 1, waitedMinutes: second.answerAt - 5 });
    expect(byTask.update).toEqual({ required: false, cleared: false, roundTrips: 0, waitedMinutes: 0 });
    const named = outcome.timeline.filter((entry) => entry.type === 'clearance-request' || entry.type === 'clearance-answer');
    expect(named.map((entry) => [entry.type, entry.at])).toEqual(
      [
        ['clearance-request', 5],
        ['clearance-request', 5],
        ['clearance-answer', first.answerAt],
        ['clearance-answer', second.answerAt],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
  });

  it('counts a wait that never ended up to the end of the scenario', () => {
    const ended = replay(machine, [
      { type: 'START' },
      { type: 'CLOCK.TICK', minutes: 5 },
      { type: 'CLEARANCE.REQUEST', draft: statement() },
      { type: 'CLOCK.TICK', minutes: 2 },
      { type: 'FINISH' },
    ]);
    const outcome = scenarioOutcome(input, ended.context.timeline);
    expect(outcome.tasks.find((task) => task.taskId === 'statement')!.clearance).toEqual({ required: true, cleared: false, roundTrips: 1, waitedMinutes: 2 });
    expect(outcome.clearances[0]).toMatchObject({ answeredAt: null, verdict: null, published: false });
  });
});

describe('the scripted player', () => {
  it('sends for clearance where it is required, publishes the cleared text when the answer comes, and passes', () => {
    for (const language of ['en', 'ru']) {
      const played = autoplay(inputFor(1, language), (task) => task.modelAnswer[language] ?? null);
      expect(played.refusals).toEqual([]);
      const types = played.events.map((event) => event.type);
      expect(types.filter((type) => type === 'CLEARANCE.REQUEST')).toHaveLength(2);
      const outcome = scenarioOutcome(inputFor(1, language), played.snapshot.context.timeline);
      expect(outcome.passed).toBe(true);
      expect(outcome.tasks.map((task) => [task.taskId, task.result, task.clearance?.cleared])).toEqual([
        ['statement', 'passed', true],
        ['answer', 'passed', true],
        ['update', 'passed', false],
      ]);
      // Each cleared publication came after its answer.
      for (const trip of outcome.clearances) expect(trip).toMatchObject({ verdict: 'cleared', published: true });
    }
  });

  it('publishes a returned draft anyway, and the poor player fails on it', () => {
    const played = autoplay(inputFor(1), () => POOR);
    expect(played.refusals).toEqual([]);
    const outcome = scenarioOutcome(inputFor(1), played.snapshot.context.timeline);
    expect(outcome.passed).toBe(false);
    const statementResult = outcome.tasks.find((task) => task.taskId === 'statement')!;
    expect(statementResult.grade!.findings.map((finding) => finding.ruleId)).toContain(UNCLEARED_RULE);
    expect(outcome.clearances.map((trip) => trip.verdict)).toEqual(['returned', 'returned']);
  });
});
