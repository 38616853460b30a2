import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { scenarioOutcome } from '../engine/outcome';
import { loadPack } from '../pack/load';
import { CORE_LIBRARY_DIR, readFolder } from '../../test/packs';
import { modelAnswer, playScenario } from '../../test/engine';
import { frozenOutcomeSchema } from './outcome-schema';
import { attemptStatements } from './xapi';
import { freezeOutcome, IDLE_CAP_MS, OUTCOME_FORMAT, playedScenarioKey, playedScenarioOf, timeOnTask } from './outcome';

const pack = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;

describe('timeOnTask', () => {
  it('adds the gaps between recorded actions, each counted up to the idle cap', () => {
    expect(timeOnTask([])).toBe(0);
    expect(timeOnTask([1_000])).toBe(0);
    expect(timeOnTask([0, 30_000, 90_000])).toBe(90_000);
    // Lunch between the second and the third action counts as five minutes.
    expect(timeOnTask([0, 60_000, 60_000 + 3_600_000, 60_000 + 3_600_000 + 10_000])).toBe(60_000 + IDLE_CAP_MS + 10_000);
    // A clock set back (recorded times out of order) adds nothing.
    expect(timeOnTask([10_000, 5_000, 8_000])).toBe(3_000);
  });
});

describe('freezeOutcome', () => {
  const { input, state } = playScenario(scenario, 'en', pack.manifest, (taskId) => modelAnswer(scenario, taskId, 'en'));
  const played = playedScenarioOf(pack, scenario);
  const freeze = () =>
    freezeOutcome({
      uid: 'attempt-1',
      traineeUid: 'trainee-1',
      packId: pack.manifest.id,
      packVersion: pack.manifest.version,
      packContentHash: pack.contentHash,
      playedScenario: played.key,
      playLanguage: 'en',
      seed: 1,
      startedAt: 1_000,
      finishedAt: 100_000,
      eventTimes: [1_000, 20_000, 100_000],
      outcome: scenarioOutcome(input, state),
      timeline: state,
      versions: { app: '0.1.0', grader: '1.0.0', machine: 2, packFormat: 1 },
      origin: 'played',
    });

  it('records the scores, pass, times and versions, and keeps what a debrief needs', () => {
    const frozen = freeze();
    const outcome = scenarioOutcome(input, state);
    expect(frozen.summary).toMatchObject({
      uid: 'attempt-1',
      scenarioId: scenario.id,
      passed: outcome.passed,
      average: outcome.average,
      scores: outcome.scores,
      timeOnTaskMs: 99_000,
      simulatedMinutes: state.ended!.at,
      versions: { outcome: OUTCOME_FORMAT },
    });
    expect(frozen.detail.outcome).toEqual(outcome);
    expect(frozen.detail.timeline.feed).toEqual(state.feed);
    expect(frozen.detail.timeline.queue).toEqual([]);
  });

  it('gives the same record for the same inputs, and survives a JSON round trip unchanged', () => {
    expect(freeze()).toEqual(freeze());
    expect(JSON.parse(JSON.stringify(freeze()))).toEqual(freeze());
  });

  it('keeps the scenario as played once per pack content, with the personas the feed showed', () => {
    expect(played.key).toBe(playedScenarioKey(pack.manifest.id, pack.contentHash, scenario.id));
    expect(played.scenario).toBe(scenario);
    const ids = played.personas.map((persona) => persona.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const persona of scenario.personas) expect(played.personas).toContainEqual(persona);
  });
});

describe('a frozen outcome read back', () => {
  const flights = pack.scenarios.find((s) => s.id === 'flights-suspended')!;
  const { input, state } = playScenario(flights, 'en', pack.manifest, (taskId) => modelAnswer(flights, taskId, 'en'));
  const frozen = freezeOutcome({
    uid: 'attempt-2',
    traineeUid: 'trainee-1',
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    packContentHash: pack.contentHash,
    playedScenario: playedScenarioOf(pack, flights).key,
    playLanguage: 'en',
    seed: 1,
    startedAt: 1_000,
    finishedAt: 100_000,
    eventTimes: [1_000, 100_000],
    outcome: scenarioOutcome(input, state),
    timeline: state,
    versions: { app: '0.1.0', grader: '1.0.0', machine: 3, packFormat: 1 },
    origin: 'played',
  });

  it('keeps the urgent messages and why tasks were not reached', () => {
    const read = frozenOutcomeSchema.parse(JSON.parse(JSON.stringify(frozen)));
    expect(read.detail.outcome.dutyOfCare).toEqual([expect.objectContaining({ injectId: 'lina-insulin', answeredAt: null })]);
    expect(read.detail.outcome.tasks.find((task) => task.taskId === 'resend-notification')).toMatchObject({
      result: 'not-reached',
      notReachedBecause: 'not-opened',
    });
    expect(read).toEqual(frozen);
  });

  it('still reads one frozen before urgency and the reasons for not reaching a task existed', () => {
    const old = JSON.parse(JSON.stringify(frozen)) as { detail: { outcome: Record<string, unknown> & { tasks: Array<Record<string, unknown>> } } };
    delete old.detail.outcome.dutyOfCare;
    for (const task of old.detail.outcome.tasks) delete task.notReachedBecause;
    const read = frozenOutcomeSchema.parse(old);
    expect(read.detail.outcome.dutyOfCare).toEqual([]);
    expect(read.detail.outcome.tasks.find((task) => task.taskId === 'resend-notification')!.notReachedBecause).toBeUndefined();
  });

  it('exports as valid xAPI statements with its urgent messages and unreached tasks', () => {
    const statements = attemptStatements({
      frozen: frozenOutcomeSchema.parse(JSON.parse(JSON.stringify(frozen))),
      played: playedScenarioOf(pack, flights),
      actor: { homePage: 'https://academy.example/', name: 'ACD-ANNA' },
      settings: { academyIri: 'https://academy.example/', identityField: 'academyId', includeDraftText: false },
    });
    expect(statements.length).toBeGreaterThan(0);
    for (const built of statements) expect(validateStatement(JSON.parse(built.json))).toEqual([]);
  });
});

describe('a frozen outcome with reach targets', () => {
  const flights = pack.scenarios.find((s) => s.id === 'flights-suspended')!;
  const withTargets = { ...flights, targets: [{ account: flights.tasks[0]!.account, metric: 'engagement' as const, value: 10, by: '0:40' }] };
  const { input, state } = playScenario(withTargets, 'en', pack.manifest, (taskId) => modelAnswer(withTargets, taskId, 'en'));
  const frozen = freezeOutcome({
    uid: 'attempt-3',
    traineeUid: 'trainee-1',
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    packContentHash: pack.contentHash,
    playedScenario: playedScenarioOf(pack, flights).key,
    playLanguage: 'en',
    seed: 1,
    startedAt: 1_000,
    finishedAt: 100_000,
    eventTimes: [1_000, 100_000],
    outcome: scenarioOutcome(input, state),
    timeline: state,
    versions: { app: '0.1.0', grader: '1.0.0', machine: 3, packFormat: 1 },
    origin: 'played',
  });

  it('reads back with each target, its figure and its series', () => {
    const read = frozenOutcomeSchema.parse(JSON.parse(JSON.stringify(frozen)));
    expect(read.detail.outcome.targets).toEqual([expect.objectContaining({ accountId: flights.tasks[0]!.account, metric: 'engagement', value: 10, by: 40 })]);
    expect(read.detail.outcome.targets[0]!.series.length).toBeGreaterThan(1);
    expect(read).toEqual(frozen);
  });

  it('still reads one frozen before targets existed, as none', () => {
    const old = JSON.parse(JSON.stringify(frozen)) as { detail: { outcome: Record<string, unknown> } };
    delete old.detail.outcome.targets;
    expect(frozenOutcomeSchema.parse(old).detail.outcome.targets).toEqual([]);
  });

  it('refuses a target result that is not one', () => {
    const bad = JSON.parse(JSON.stringify(frozen)) as { detail: { outcome: { targets: Array<Record<string, unknown>> } } };
    bad.detail.outcome.targets[0]!.achieved = -5;
    expect(frozenOutcomeSchema.safeParse(bad).success).toBe(false);
  });
});
