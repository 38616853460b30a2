// Runtime: Node (Vitest). The composer's rules for clearance by headquarters: where a draft stands
// (needs none, cleared as it is, waiting for an answer), why it cannot be sent again, and taking a
// draft back from headquarters' answer.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay, step } from '../../../core/engine/attempt';
import type { ScenarioSnapshot } from '../../../core/engine/attempt';
import { createScenarioMachine } from '../../../core/engine/machine';
import { loadPack } from '../../../core/pack/load';
import { readFolder } from '../../../test/packs';
import type { ComposerDraft } from './target';
import { clearanceRefusal, draftClearance, fromClearance, freshPost, publishRefusal, startDraft } from './target';

const pack = loadPack(readFolder(path.resolve(import.meta.dirname, '..', '..', '..', 'core', 'engine', '__fixtures__', 'clearance')), {
  appVersion: '0.1.0',
}).pack!;
const scenario = pack.scenarios[0]!;
const input = { scenario, playLanguage: 'en', manifest: pack.manifest, seed: 1 };
const machine = createScenarioMachine(input);
const TEXT = scenario.tasks[0]!.modelAnswer.en!;
const statement: ComposerDraft = { accountId: 'embassy-fb', kind: 'post', taskId: 'statement', replyTo: null, text: TEXT };
const update: ComposerDraft = { accountId: 'embassy-x', kind: 'post', taskId: 'update', replyTo: null, text: TEXT };

const opened = replay(machine, [{ type: 'START' }, { type: 'CLOCK.TICK', minutes: 10 }]);
const sent = step(machine, opened, { type: 'CLEARANCE.REQUEST', draft: statement });
let answered: ScenarioSnapshot = sent;
while (!answered.context.timeline.clearances[0]!.answered) answered = step(machine, answered, { type: 'CLOCK.NEXT' });

describe('where a draft stands with headquarters', () => {
  it('needs no clearance where neither its account nor its task asks for it', () => {
    expect(draftClearance(input, opened.context.timeline, update)).toEqual({ required: false });
    expect(draftClearance(input, opened.context.timeline, { ...update, taskId: null })).toEqual({ required: false });
  });

  it('needs it on an account or a task that asks for it, and is neither cleared nor waiting before it is sent', () => {
    expect(draftClearance(input, opened.context.timeline, statement)).toEqual({ required: true, cleared: false, pendingSince: null });
    expect(draftClearance(input, opened.context.timeline, { ...freshPost('embassy-fb'), text: 'Hello' })).toMatchObject({ required: true });
  });

  it('is waiting once sent — and so is another text for the same task', () => {
    expect(draftClearance(input, sent.context.timeline, statement)).toEqual({ required: true, cleared: false, pendingSince: 10 });
    expect(draftClearance(input, sent.context.timeline, { ...statement, text: 'Another text' })).toEqual({ required: true, cleared: false, pendingSince: 10 });
  });

  it('is cleared once the answer has come, while its words are unchanged (white space aside)', () => {
    expect(draftClearance(input, answered.context.timeline, statement)).toEqual({ required: true, cleared: true, pendingSince: null });
    expect(draftClearance(input, answered.context.timeline, { ...statement, text: `${TEXT}\n` })).toMatchObject({ cleared: true });
    expect(draftClearance(input, answered.context.timeline, { ...statement, text: `${TEXT} Thanks.` })).toMatchObject({ cleared: false });
  });
});

describe('sending for clearance', () => {
  const refusal = (timeline: ScenarioSnapshot, draft: ComposerDraft) =>
    clearanceRefusal(draftClearance(input, timeline.context.timeline, draft), publishRefusal(input, draft, ['statement', 'answer', 'update']));

  it('is offered where clearance is required, for a draft that could be published', () => {
    expect(refusal(opened, statement)).toBeNull();
    expect(refusal(opened, update)).toEqual({ key: 'not-required' });
    expect(refusal(opened, { ...statement, text: '  ' })).toEqual({ key: 'blank' });
  });

  it('is refused while a draft of the task waits, and for a text already cleared', () => {
    expect(refusal(sent, { ...statement, text: 'Another text' })).toEqual({ key: 'pending', since: 10 });
    expect(refusal(answered, statement)).toEqual({ key: 'cleared' });
    expect(refusal(answered, { ...statement, text: `${TEXT} Thanks.` })).toBeNull();
  });
});

describe('taking a draft back from the answer', () => {
  it('aims the composer at what was sent, with its words, whatever it held', () => {
    const state = startDraft('embassy-x', 'embassy-fb', []);
    const back = fromClearance({ ...state, draft: { ...freshPost('embassy-x'), text: 'half a thought' } }, statement);
    expect(back.draft).toEqual(statement);
    expect(back).toMatchObject({ touched: true, aimed: true });
  });
});
