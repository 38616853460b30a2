import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { minimalPack, playedOutcome } from '../../test/progress-files';
import { AXES } from '../pack/schema';
import type { AttemptStatementsInput } from './xapi';
import {
  attemptStatements,
  courseActivityId,
  courseSatisfiedStatement,
  isoDuration,
  registrationId,
  scenarioActivityId,
  statementActor,
  XAPI_EXTENSIONS,
  XAPI_VERBS,
} from './xapi';

const academyIri = 'https://academy.example/';
const settings = { academyIri, identityField: 'academyId' as const, includeDraftText: false };
const actor = { homePage: academyIri, name: 'ACD-ANNA' };
const model = playedOutcome({ uid: 'attempt-1', traineeUid: 'trainee-anna', drafts: 'model' });
const poor = playedOutcome({ uid: 'attempt-2', traineeUid: 'trainee-anna', drafts: 'poor' });

function input(played = model, overrides: Partial<AttemptStatementsInput> = {}): AttemptStatementsInput {
  return { frozen: played.frozen, played: played.played, actor, settings, ...overrides };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const parsed = (json: string): any => JSON.parse(json);

describe('attemptStatements', () => {
  const statements = attemptStatements(input());
  const drafts = model.frozen.detail.timeline.feed.filter((item) => item.source === 'trainee');

  it('says what happened in order: initialized, responded per draft, scored per axis, passed, completed, terminated', () => {
    expect(drafts.length).toBeGreaterThan(0);
    expect(statements.map((statement) => statement.verb)).toEqual([
      'initialized',
      ...drafts.map(() => 'responded'),
      ...AXES.map(() => 'scored'),
      'passed',
      'completed',
      'terminated',
    ]);
    expect(attemptStatements(input(poor)).map((statement) => statement.verb)).toContain('failed');
  });

  it('passes the xAPI validator, statement by statement', () => {
    for (const built of [...statements, ...attemptStatements(input(poor, { settings: { ...settings, includeDraftText: true } }))]) {
      const warnings = validateStatement(parsed(built.json));
      expect(
        warnings.map((warning) => `${warning.message} at ${JSON.stringify(warning.path)}`),
        built.json,
      ).toEqual([]);
      expect(parsed(built.json).id).toBe(built.id);
    }
  });

  it('gives the same bytes for the same outcome, and ids that differ by attempt, verb and draft', () => {
    expect(attemptStatements(input())).toEqual(statements);
    const ids = new Set([...statements, ...attemptStatements(input(poor))].map((statement) => statement.id));
    expect(ids.size).toBe(statements.length + attemptStatements(input(poor)).length);
    for (const statement of statements) expect(statement.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  });

  it('sends a draft’s length, and its text only where the academy opts in', () => {
    const responded = statements.filter((statement) => statement.verb === 'responded').map((statement) => parsed(statement.json));
    expect(responded[0].result.response).toBeUndefined();
    expect(responded[0].result.extensions[XAPI_EXTENSIONS.draftLength]).toBe(Array.from(drafts[0]!.text).length);
    const withText = attemptStatements(input(model, { settings: { ...settings, includeDraftText: true } }));
    expect(parsed(withText.find((statement) => statement.verb === 'responded')!.json).result.response).toBe(drafts[0]!.text);
    // Opting in changes what the statement says, so the academy decides before the first statement is built.
    expect(withText.map((statement) => statement.id)).toEqual(statements.map((statement) => statement.id));
  });

  it('reports scaled and raw scores, success, duration and the axis scores on passed', () => {
    const passed = parsed(statements.find((statement) => statement.verb === 'passed')!.json);
    const { summary } = model.frozen;
    expect(passed.result.score).toEqual({ scaled: summary.average / 100, raw: summary.average, min: 0, max: 100 });
    expect(passed.result.success).toBe(true);
    expect(passed.result.duration).toBe(isoDuration(summary.timeOnTaskMs));
    expect(passed.result.extensions[XAPI_EXTENSIONS.axisScores]).toEqual(summary.scores);
    const scored = statements.filter((statement) => statement.verb === 'scored').map((statement) => parsed(statement.json));
    expect(scored.map((statement) => statement.result.score.raw)).toEqual(AXES.map((axis) => summary.scores[axis]));
  });

  it('names the trainee by the academy’s account and keeps activity ids across pack versions', () => {
    const first = parsed(statements[0]!.json);
    expect(first.actor).toEqual({ objectType: 'Agent', account: { homePage: academyIri, name: 'ACD-ANNA' } });
    expect(first.object.id).toBe(scenarioActivityId(academyIri, minimalPack.manifest.id, model.frozen.summary.scenarioId));
    expect(first.context.revision).toBe(minimalPack.manifest.version);
    expect(first.context.registration).toBe(registrationId('trainee-anna', minimalPack.manifest.id));
    const newer = { ...model.frozen, summary: { ...model.frozen.summary, packVersion: '9.0.0' } };
    const again = parsed(attemptStatements(input({ ...model, frozen: newer }))[0]!.json);
    expect(again.object.id).toBe(first.object.id);
    expect(again.context.revision).toBe('9.0.0');
  });
});

describe('statementActor', () => {
  const anna = { uid: 'trainee-anna', academyId: 'ACD-1', email: 'anna@example.org' };

  it('uses the academy ID or the e-mail by the academy’s identity field', () => {
    expect(statementActor({ academyIri, identityField: 'academyId' }, anna)).toEqual({ ok: true, actor: { homePage: academyIri, name: 'ACD-1' } });
    expect(statementActor({ academyIri, identityField: 'email' }, anna)).toEqual({ ok: true, actor: { homePage: academyIri, name: 'anna@example.org' } });
  });

  it('says what is missing before statements can be built', () => {
    expect(statementActor({ academyIri: null, identityField: 'academyId' }, anna)).toEqual({ ok: false, blocker: 'no-academy-iri' });
    expect(statementActor({ academyIri, identityField: 'academyId' }, { ...anna, academyId: ' ' })).toEqual({ ok: false, blocker: 'no-academy-id' });
    expect(statementActor({ academyIri, identityField: 'email' }, { ...anna, email: null })).toEqual({ ok: false, blocker: 'no-email' });
  });
});

describe('courseSatisfiedStatement', () => {
  it('is one valid statement per trainee and course, dated when the rule was first met', () => {
    const course = minimalPack.courses[0]!;
    const base = {
      traineeUid: 'trainee-anna',
      packId: minimalPack.manifest.id,
      packVersion: '1.0.0',
      course,
      completedAt: Date.UTC(2026, 2, 3),
      actor,
      settings,
    };
    const built = courseSatisfiedStatement(base);
    const statement = parsed(built.json);
    expect(validateStatement(statement)).toEqual([]);
    expect(statement.verb.id).toBe(XAPI_VERBS.satisfied.id);
    expect(statement.object.id).toBe(courseActivityId(academyIri, minimalPack.manifest.id, course.id));
    expect(statement.timestamp).toBe('2026-03-03T00:00:00.000Z');
    expect(courseSatisfiedStatement({ ...base, packVersion: '2.0.0', completedAt: Date.UTC(2026, 4, 1) }).id).toBe(built.id);
  });
});

describe('isoDuration', () => {
  it('writes hours, minutes and seconds to the hundredth', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1_500)).toBe('PT1.5S');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(60 * 60_000)).toBe('PT1H');
  });
});
