// Runtime: Node (Vitest). The composer's grading client against a fake worker: the newest request
// wins, stale grades are dropped, one request is in the worker and one waits, the engine input is
// sent once, and grading falls back to the page when the worker fails.
import { describe, expect, it } from 'vitest';
import type { Draft, EngineInput } from '../../../core/engine/timeline';
import { previewGrade } from '../../../core/engine/timeline';
import { loadPack } from '../../../core/pack/load';
import { MINIMAL_PACK_DIR, readFolder } from '../../../test/packs';
import type { PreviewResult } from './preview-grader';
import { PreviewGrader } from './preview-grader';
import { FakeGradingWorker as FakeWorker } from './fake-grading-worker';

const pack = loadPack(readFolder(MINIMAL_PACK_DIR), { appVersion: '0.1.0' }).pack!;
const scenario = pack.scenarios[0]!;
const task = scenario.tasks.find((candidate) => candidate.id === 'publish-hotline')!;
const input: EngineInput = { scenario, playLanguage: 'en', manifest: pack.manifest, seed: 1 };
const draft = (text: string): Draft => ({ accountId: task.account, kind: task.kind, taskId: task.id, replyTo: null, text });

function setup() {
  const worker = new FakeWorker();
  const results: PreviewResult[] = [];
  const grader = new PreviewGrader(worker, (result) => results.push(result));
  return { worker, results, grader };
}

describe('PreviewGrader', () => {
  it('sends the first request at once and hands back its grade, the one the engine gives', () => {
    const { worker, results, grader } = setup();
    const seq = grader.request(input, draft('Stay calm.'));
    expect(worker.gradedTexts()).toEqual(['Stay calm.']);
    expect(results).toEqual([]);
    worker.answerNext();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ seq, draft: draft('Stay calm.'), input });
    expect(results[0]!.grade).toEqual(previewGrade(input, draft('Stay calm.')));
  });

  it('keeps one request in the worker and only the newest waiting; the stale grade is dropped', () => {
    const { worker, results, grader } = setup();
    grader.request(input, draft('S'));
    grader.request(input, draft('St'));
    grader.request(input, draft('Sta'));
    const newest = grader.request(input, draft('Stay'));
    // "St" and "Sta" were replaced while they waited: never sent.
    expect(worker.gradedTexts()).toEqual(['S']);

    worker.answerNext();
    // The grade of "S" is of a draft already typed over: dropped; the newest goes to the worker.
    expect(results).toEqual([]);
    expect(worker.gradedTexts()).toEqual(['S', 'Stay']);

    worker.answerNext();
    expect(results.map((result) => [result.seq, result.draft.text])).toEqual([[newest, 'Stay']]);
    expect(() => worker.answerNext()).toThrow('no request is waiting');
  });

  it('sends the engine input once, and again only when it changes', () => {
    const { worker, grader } = setup();
    grader.request(input, draft('a'));
    worker.answerNext();
    grader.request(input, draft('ab'));
    worker.answerNext();
    const next: EngineInput = { ...input, seed: 2 };
    grader.request(next, draft('ab'));
    worker.answerNext();
    expect(worker.sent.map((request) => request.type)).toEqual(['input', 'grade', 'grade', 'input', 'grade']);
  });

  it('answers null for a draft the scenario cannot grade', () => {
    const { worker, results, grader } = setup();
    grader.request(input, { ...draft('Hello'), accountId: 'nobody', taskId: null });
    worker.answerNext();
    expect(results[0]!.grade).toBeNull();
  });

  it('grades in the page when the worker fails: the newest request first, every later one at once', () => {
    const { worker, results, grader } = setup();
    grader.request(input, draft('S'));
    grader.request(input, draft('Stay'));
    worker.fail();
    expect(worker.closed).toBe(true);
    expect(grader.offThread).toBe(false);
    expect(results.map((result) => result.draft.text)).toEqual(['Stay']);
    grader.request(input, draft('Stay calm.'));
    expect(results.map((result) => result.draft.text)).toEqual(['Stay', 'Stay calm.']);
    expect(worker.gradedTexts()).toEqual(['S']);
  });

  it('grades in the page, as each request is made, where no worker can run', () => {
    const results: PreviewResult[] = [];
    const grader = new PreviewGrader(null, (result) => results.push(result));
    grader.request(input, draft('Stay calm.'));
    expect(grader.offThread).toBe(false);
    expect(results[0]!.grade).toEqual(previewGrade(input, draft('Stay calm.')));
  });
});
