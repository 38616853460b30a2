// The studio's calibration summary: agreement per axis against the pack's required agreement.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../core/pack/load';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder, withEdit } from '../test/packs';
import type { CalibrationPort, CalibrationReply, CalibrationRequest } from './calibration';
import { calibrationSummary, createCalibrationGrader, newCalibrationDraft, summarizeCalibration } from './calibration';
import { answerCalibrationRequest } from './calibration-protocol';

const load = (files: ReturnType<typeof readFolder>) => {
  const { pack, diagnostics } = loadPack(files, { appVersion: '0.1.0' });
  if (!pack) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return pack;
};

// The minimal pack with two drafts: one the grader agrees with, one an author wrongly failed on tone.
const minimal = withEdit(readFolder(MINIMAL_PACK_DIR), 'scenarios/hotline.yaml', (text) =>
  text.replace(
    '      ru: Сохраняйте спокойствие. Горячая линия +99 123 456 789 работает круглосуточно.\n',
    `      ru: Сохраняйте спокойствие. Горячая линия +99 123 456 789 работает круглосуточно.
    calibration:
      - id: good
        language: en
        text: Stay calm. Our hotline +99 123 456 789 is open around the clock.
        expect: { tone: pass, policy: pass, platform: pass }
        why: The number and the reassurance.
      - id: strict
        language: en
        text: Stay calm. Our hotline +99 123 456 789 is open around the clock.
        expect: { tone: fail, policy: pass, platform: pass }
        why: A reviewer who wanted more warmth.
`,
  ),
);

describe('calibrationSummary', () => {
  it('passes the built-in library, which meets the agreement it declares on every axis', () => {
    const summary = calibrationSummary(load(readFolder(CORE_LIBRARY_DIR)));
    expect(summary.drafts).toBeGreaterThan(100);
    // Its reviewed disagreements are listed in core/grading/calibration.test.ts and the README.
    expect(summary).toMatchObject({ minAgreement: 98, below: [], meets: true });
    // Grading 378 drafts of twelve scenarios takes seconds on a busy machine.
  }, 60_000);

  it('names the axes below the pack’s required agreement', () => {
    const summary = calibrationSummary(load(minimal));
    expect(summary.drafts).toBe(2);
    expect(summary.perAxis.tone).toMatchObject({ agree: 1, total: 2, percent: 50 });
    expect(summary).toMatchObject({ minAgreement: 100, below: ['tone'], meets: false });
    const lenient = load(withEdit(minimal, 'pack.yaml', (text) => `${text}calibration:\n  minAgreement: 50\n`));
    expect(calibrationSummary(lenient)).toMatchObject({ minAgreement: 50, below: [], meets: true });
  });

  it('meets the threshold when there is nothing to compare', () => {
    expect(summarizeCalibration([], 90)).toMatchObject({ drafts: 0, below: [], meets: true });
  });
});

describe('newCalibrationDraft', () => {
  it('takes the next free id and trims what the author typed', () => {
    const draft = newCalibrationDraft(
      { text: '  Call +99 123 456 789.\n', language: 'ru', expect: { tone: 'pass', policy: 'fail', platform: 'pass' }, why: ' No key message. ' },
      ['draft-2', 'x'],
    );
    expect(draft).toEqual({
      id: 'draft-3',
      language: 'ru',
      text: 'Call +99 123 456 789.',
      expect: { tone: 'pass', policy: 'fail', platform: 'pass' },
      why: 'No key message.',
    });
    expect(
      newCalibrationDraft({ text: 'a', language: 'en', expect: { tone: 'pass', policy: 'pass', platform: 'pass' }, why: 'b' }, ['draft-2', 'draft-3']).id,
    ).toBe('draft-4');
  });
});

describe('createCalibrationGrader', () => {
  const pack = load(minimal);

  /** A worker the test answers for: it records what was posted and replies as the real one would when told. */
  function fakePort() {
    const posted: CalibrationRequest[] = [];
    let reply: (message: CalibrationReply) => void = () => {};
    let fail: () => void = () => {};
    let closed = false;
    const port: CalibrationPort = {
      post: (request) => posted.push(request),
      listen: (onReply, onFailure) => {
        reply = onReply;
        fail = onFailure;
      },
      close: () => {
        closed = true;
      },
    };
    /** Answers a posted request with the real grading. */
    const answer = (request: CalibrationRequest) => answerCalibrationRequest(request, (message) => reply(message));
    return { port, posted, answer, fail: () => fail(), isClosed: () => closed };
  }

  it('grades in the worker, reporting progress after each draft, without sending the media', async () => {
    const worker = fakePort();
    const grader = createCalibrationGrader({ port: worker.port });
    const progress: Array<{ done: number; total: number }> = [];
    const result = grader.grade({ ...pack, media: new Map([['a.png', new Uint8Array(3)]]) }, (step) => progress.push(step));
    expect(worker.posted).toHaveLength(1);
    expect(worker.posted[0]!.pack.media.size).toBe(0);
    worker.answer(worker.posted[0]!);
    const cases = await result;
    expect(cases?.map((item) => item.draftId)).toEqual(['good', 'strict']);
    expect(progress).toEqual([
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
    grader.dispose();
    expect(worker.isClosed()).toBe(true);
  });

  it('lets the newest pack win: one run in the worker, one waiting, the replaced ones resolve to null', async () => {
    const worker = fakePort();
    const grader = createCalibrationGrader({ port: worker.port });
    const first = grader.grade(pack);
    const second = grader.grade(pack);
    const third = grader.grade(pack);
    expect(await second).toBeNull();
    expect(worker.posted).toHaveLength(1);
    worker.answer(worker.posted[0]!);
    // The first was overtaken while in the worker: its answer is not shown; the newest is sent next.
    expect(await first).toBeNull();
    expect(worker.posted).toHaveLength(2);
    worker.answer(worker.posted[1]!);
    expect((await third)?.length).toBe(2);
  });

  it('grades in the page when the worker fails, so the view is never left without an answer', async () => {
    const worker = fakePort();
    const grader = createCalibrationGrader({ port: worker.port });
    const result = grader.grade(pack);
    worker.fail();
    expect((await result)?.map((item) => item.draftId)).toEqual(['good', 'strict']);
    const inPage = createCalibrationGrader({ port: null });
    expect((await inPage.grade(pack))?.length).toBe(2);
  });
});
