// Runtime: Node (tests only). The moderation grader against its fixtures (what a press officer would
// say of each way of moderating a stream), the tone of replies written to the stream, and the
// catalogue: every moderation rule is documented by actions and made to fire here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../test/packs';
import { loadPack } from '../pack/load';
import type { LiveCommentNature } from '../pack/schema';
import { RULES } from './catalog';
import { createGradingContext, grade } from './grade';
import type { ModeratedComment, ModerationGradingInput } from './moderation';
import { gradeModeration, MODERATION_RULES, moderationSummary } from './moderation';
import { hasDraftExample, RULE_DOCS } from './rule-docs';

interface Case {
  id: string;
  why: string;
  actions: Record<string, Array<[number, 'hide' | 'unhide' | 'pin' | 'unpin']>>;
  expect: { passed: boolean; tone?: number; policy?: number | 'fail'; platform?: number; rules: string[] };
}
const fixture = parse(readFileSync(path.join(import.meta.dirname, '__fixtures__', 'moderation', 'cases.yaml'), 'utf8')) as {
  passMark: ModerationGradingInput['task']['passMark'];
  until: number;
  comments: Array<ModeratedComment & { nature: LiveCommentNature }>;
  cases: Case[];
};

const inputFor = (actions: Case['actions'], extra: Partial<ModerationGradingInput> = {}): ModerationGradingInput => ({
  scenario: {},
  task: { passMark: fixture.passMark },
  platform: 'facebook',
  language: 'en',
  from: 0,
  until: fixture.until,
  comments: fixture.comments,
  actions: Object.fromEntries(Object.entries(actions).map(([id, list]) => [id, list.map(([at, action]) => ({ at, action }))])),
  replies: [],
  ...extra,
});

describe('grading a moderated stream', () => {
  it.each(fixture.cases.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    const result = gradeModeration(inputFor(entry.actions));
    expect(result.passed, entry.why).toBe(entry.expect.passed);
    expect(result.findings.map((finding) => finding.ruleId).sort()).toEqual([...entry.expect.rules].sort());
    if (entry.expect.tone !== undefined) expect(result.axes.tone.score).toBe(entry.expect.tone);
    if (entry.expect.policy === 'fail') expect(result.axes.policy.passed).toBe(false);
    else if (entry.expect.policy !== undefined) expect(result.axes.policy.score).toBe(entry.expect.policy);
    if (entry.expect.platform !== undefined) expect(result.axes.platform.score).toBe(entry.expect.platform);
  });

  it('says which comment, in its words, and how long abuse stayed up', () => {
    const late = gradeModeration(inputFor({ 'c-abuse': [[4 + 1 / 6, 'hide']], 'c-spam': [[2.25, 'hide']] }));
    expect(late.findings[0]!.message).toEqual({ key: 'moderation.late', params: { comment: 'You are all liars and idiots.', count: 180 } });
    const censor = gradeModeration(inputFor({ 'c-abuse': [[1.5, 'hide']], 'c-spam': [[2.25, 'hide']], 'c-criticism': [[4, 'hide']] }));
    expect(censor.findings[0]).toMatchObject({
      ruleId: 'policy.moderation-hid-criticism',
      blocks: 'axis',
      message: { params: { comment: 'Why is the reception by invitation only?' } },
    });
  });

  it('judges only what was done by the time it is settled, and counts lateness from when the task opened', () => {
    // Hidden after the task was settled: too late to count.
    expect(gradeModeration(inputFor({ 'c-abuse': [[11, 'hide']], 'c-spam': [[2.25, 'hide']] })).findings.map((f) => f.ruleId)).toEqual([
      'policy.moderation-abuse-left',
    ]);
    // Written before the task opened at 1.5: up for 0.5 minutes of the task when hidden at 2.
    expect(gradeModeration(inputFor({ 'c-abuse': [[2, 'hide']], 'c-spam': [[2.25, 'hide']] }, { from: 1.5 })).passed).toBe(true);
    expect(
      moderationSummary(
        [
          { at: 1, action: 'pin' },
          { at: 2, action: 'hide' },
        ],
        10,
      ),
    ).toEqual({ hidden: true, pinned: false, firstHidden: 2, everPinned: true });
  });

  it('a pack can tune a moderation rule like any other', () => {
    const input = inputFor({ 'c-abuse': [[1.5, 'hide']], 'c-spam': [[2.25, 'hide']], 'c-praise': [[0.5, 'hide']] });
    expect(gradeModeration({ ...input, task: { ...input.task, rubric: { rules: { 'policy.moderation-hid-harmless': { level: 'off' } } } } }).findings).toEqual(
      [],
    );
  });
});

describe('the tone of replies written to the stream', () => {
  const { pack } = loadPack(readFolder(path.resolve(import.meta.dirname, '..', 'engine', '__fixtures__', 'live')), { appVersion: '0.1.0' });
  const scenario = pack!.scenarios[0]!;
  const context = createGradingContext({ scenario, task: 'answer-question', playLanguage: 'en', pack: pack!.manifest });
  const model = { 'c-abuse': [[1.5, 'hide']], 'c-spam': [[2.25, 'hide']] } as Case['actions'];

  it('is 100 with no reply, and the weakest reply’s otherwise', () => {
    expect(gradeModeration(inputFor(model)).axes.tone.score).toBe(100);
    const kind = grade('Thank you for watching! Everyone is welcome at the Azurian Library.', context);
    const rude = grade('Stop whining, idiots. The library is open to everyone.', context);
    expect(rude.axes.tone.score).toBeLessThan(kind.axes.tone.score);
    const result = gradeModeration(inputFor(model, { replies: [kind, rude] }));
    expect(result.axes.tone.score).toBe(rude.axes.tone.score);
    expect(result.axes.tone.findings.map((finding) => finding.ruleId)).toContain('tone.insult');
    expect(result.axes.tone.findings.every((finding) => finding.span === undefined)).toBe(true);
    expect(result.passed).toBe(false);
  });
});

describe('the moderation rules in the catalogue', () => {
  it('are each in the catalogue, documented by the actions that make them fire, and fired by a fixture', () => {
    const ids: string[] = Object.values(MODERATION_RULES);
    const fired = new Set(fixture.cases.flatMap((entry) => entry.expect.rules));
    for (const id of ids) {
      expect(
        RULES.some((rule) => rule.id === id),
        id,
      ).toBe(true);
      expect(hasDraftExample(RULE_DOCS[id]!), id).toBe(false);
      expect(fired.has(id), `${id} fires in no fixture`).toBe(true);
    }
    // Every moderation rule of the catalogue is one the moderation grader fires.
    expect(
      RULES.filter((rule) => rule.id.includes('.moderation-'))
        .map((rule) => rule.id)
        .sort(),
    ).toEqual([...ids].sort());
  });
});
