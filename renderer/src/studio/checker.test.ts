// Runtime: Node (Vitest, happy-dom). The studio's validator client: the newest check wins, older ones
// resolve to null, at most one request waits behind the one in the worker, and a worker that fails
// leaves the page to check by itself. Plus the worker's handler on a real pack.
import { describe, expect, it } from 'vitest';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../test/packs';
import type { CheckReply, CheckRequest } from './check-protocol';
import { ModelAnswerCache } from '../core/pack/model-answer-diagnostics';
import { answerCheckRequest, checkPackFiles, CheckSession, withoutMediaBytes } from './check-protocol';
import type { CheckPort } from './checker';
import { createStudioChecker } from './checker';

const minimal = readFolder(MINIMAL_PACK_DIR);
const SCENARIO = 'scenarios/hotline.yaml';
const broken = withEdit(minimal, SCENARIO, (text) => text.replace('platform: x', 'platform: twitter'));

/** A worker that answers (with the real handler, as check.worker.ts does) only when the test says so. */
class FakeCheckWorker implements CheckPort {
  readonly sent: CheckRequest[] = [];
  private readonly session = new CheckSession();
  private queue: CheckReply[] = [];
  private onReply: ((reply: CheckReply) => void) | null = null;
  private onFailure: (() => void) | null = null;
  closed = false;

  post(request: CheckRequest): void {
    this.sent.push(request);
    this.queue.push(withoutMediaBytes(this.session.answer(request)));
  }
  listen(onReply: (reply: CheckReply) => void, onFailure: () => void): void {
    this.onReply = onReply;
    this.onFailure = onFailure;
  }
  close(): void {
    this.closed = true;
  }
  answerNext(): void {
    const reply = this.queue.shift();
    if (!reply) throw new Error('no request is waiting for a reply');
    this.onReply?.(reply);
  }
  fail(): void {
    this.onFailure?.();
  }
}

describe('createStudioChecker', () => {
  it('answers the newest check; one superseded while waiting resolves to null at once', async () => {
    const worker = new FakeCheckWorker();
    const checker = createStudioChecker({ appVersion: '0.1.0', port: worker, now: () => 42 });
    const first = checker.check(minimal);
    const second = checker.check(broken);
    const third = checker.check(minimal);
    // The second never reached the worker: the third replaced it while the first was being checked.
    await expect(second).resolves.toBeNull();
    expect(worker.sent.map((request) => request.seq)).toEqual([1]);
    worker.answerNext();
    await expect(first).resolves.toBeNull();
    expect(worker.sent.map((request) => request.seq)).toEqual([1, 3]);
    worker.answerNext();
    const result = await third;
    expect(result).toMatchObject({ diagnostics: [], checkedAt: 42 });
    expect(result?.pack?.manifest.id).toBe('minimal');
  });

  it('gives each problem its words to translate', async () => {
    const worker = new FakeCheckWorker();
    const checker = createStudioChecker({ appVersion: '0.1.0', port: worker });
    const result = checker.check(broken);
    worker.answerNext();
    const { diagnostics, pack } = (await result)!;
    expect(pack).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: SCENARIO, origin: 'pack', path: 'accounts[0].platform' });
    expect(diagnostics[0]!.words.message).toHaveProperty('key');
  });

  it('checks in the page when the worker fails, and when there is none', async () => {
    const worker = new FakeCheckWorker();
    const checker = createStudioChecker({ appVersion: '0.1.0', port: worker });
    const pending = checker.check(broken);
    worker.fail();
    expect(worker.closed).toBe(true);
    expect((await pending)?.diagnostics).toHaveLength(1);
    const inPage = createStudioChecker({ appVersion: '0.1.0', port: null });
    const stale = inPage.check(broken);
    const fresh = inPage.check(minimal);
    await expect(stale).resolves.toBeNull();
    expect((await fresh)?.diagnostics).toEqual([]);
  });

  it('sends a picture the author did not change to the worker once, and gives the pack its bytes back in the page', async () => {
    const worker = new FakeCheckWorker();
    const checker = createStudioChecker({ appVersion: '0.1.0', port: worker });
    const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const withPicture = new Map(minimal).set('media/photo.png', picture);
    const first = checker.check(withPicture);
    worker.answerNext();
    expect((await first)?.pack?.media.get('media/photo.png')).toBe(picture);
    // The author types in the scenario: its bytes are new, the picture's are the same.
    const typed = withEdit(withPicture, SCENARIO, (text) => `${text}# typed\n`);
    const second = checker.check(typed);
    expect(worker.sent[1]!.files.has('media/photo.png')).toBe(false);
    expect(worker.sent[1]!.kept).toContain('media/photo.png');
    expect(worker.sent[1]!.files.has(SCENARIO)).toBe(true);
    worker.answerNext();
    const result = await second;
    expect(result?.pack?.media.get('media/photo.png')).toBe(picture);
    expect(result?.diagnostics).toEqual(answerCheckRequest({ seq: 1, files: typed, appVersion: '0.1.0' }).diagnostics);
  });

  it('resolves what is pending to null when disposed, and checks nothing after', async () => {
    const worker = new FakeCheckWorker();
    const checker = createStudioChecker({ appVersion: '0.1.0', port: worker });
    const pending = checker.check(minimal);
    checker.dispose();
    expect(worker.closed).toBe(true);
    await expect(pending).resolves.toBeNull();
    await expect(checker.check(minimal)).resolves.toBeNull();
  });
});

describe('the checking worker’s handler', () => {
  it('grades the model answers: one with a wrong hotline digit fails policy, at its line, in words to translate', () => {
    const text = new TextDecoder().decode(minimal.get(SCENARIO));
    const files = withEdit(minimal, SCENARIO, (t) => t.replace('en: Stay calm. Our hotline +99 123 456 789', 'en: Stay calm. Our hotline +99 123 456 780'));
    const { diagnostics, pack } = answerCheckRequest({ seq: 7, files, appVersion: '0.1.0' });
    // The pack still loads (it can be play-tested), but the answer is an error to fix.
    expect(pack?.manifest.id).toBe('minimal');
    expect(diagnostics).toHaveLength(1);
    const [failing] = diagnostics;
    expect(failing).toMatchObject({
      severity: 'error',
      origin: 'model-answer',
      file: SCENARIO,
      line: text.split('\n').findIndex((line) => line.includes('en: Stay calm. Our hotline')) + 1,
      path: 'tasks[0].modelAnswer.en',
    });
    expect(failing!.words.message).toMatchObject({ key: 'the {{0}} model answer fails its own task on {{1}}: {{2}}' });
    expect(JSON.stringify(failing!.words.message)).toContain('"grading":{"key":"policy.fact-mismatch.phone"');
  });
});

describe('the checking session keeps the grades of the scenarios not being edited', () => {
  it('grades again only the scenario whose file changed, and every one when pack.yaml changes', () => {
    const second = new TextDecoder().decode(minimal.get(SCENARIO)).replace('id: hotline', 'id: hotline-two');
    const two = new Map(minimal).set('scenarios/hotline-two.yaml', new TextEncoder().encode(second));
    const cache = new ModelAnswerCache();
    const pack = (files: Map<string, Uint8Array>) => checkPackFiles(files, '0.1.0', cache).pack;
    expect(pack(two)).not.toBeNull();
    expect([...cache.regraded].sort()).toEqual(['scenarios/hotline-two.yaml', SCENARIO]);
    pack(new Map(two));
    expect(cache.regraded).toEqual([]);
    const typed = withEdit(two, 'scenarios/hotline-two.yaml', (text) =>
      text.replace('en: Stay calm. Our hotline +99 123 456 789', 'en: Stay calm! Our hotline +99 123 456 780'),
    );
    const { diagnostics } = checkPackFiles(typed, '0.1.0', cache);
    expect(cache.regraded).toEqual(['scenarios/hotline-two.yaml']);
    expect(diagnostics.map((d) => `${d.file} ${d.origin}`)).toEqual(['scenarios/hotline-two.yaml model-answer']);
    checkPackFiles(
      withEdit(typed, 'pack.yaml', (text) => `${text}# edited\n`),
      '0.1.0',
      cache,
    );
    expect([...cache.regraded].sort()).toEqual(['scenarios/hotline-two.yaml', SCENARIO]);
  });
});

describe('the checking session parses again only the files that changed', () => {
  it('reuses the parsed YAML of the files the author did not touch, and reports the same', () => {
    const session = new CheckSession();
    const first = session.answer({ seq: 1, files: minimal, appVersion: '0.1.0' });
    expect([...session.yamlCache.parsed].sort()).toEqual(['courses.yaml', 'pack.yaml', 'personas.yaml', SCENARIO]);
    const again = session.answer({ seq: 2, files: broken, appVersion: '0.1.0' });
    expect(session.yamlCache.parsed).toEqual([SCENARIO]);
    expect(again.diagnostics).toEqual(answerCheckRequest({ seq: 2, files: broken, appVersion: '0.1.0' }).diagnostics);
    expect(session.answer({ seq: 3, files: minimal, appVersion: '0.1.0' }).pack).toEqual(first.pack);
    expect(session.yamlCache.parsed).toEqual([SCENARIO]);
  });
});
