// Runtime: Node (Vitest). What the checker's and the calibration's tests do not reach through their
// own replies: the page's answer that fails or comes too late, progress heard only by the newest
// request, a failure rejected, and nothing answered after dispose.
import { describe, expect, it } from 'vitest';
import type { ReplyMeaning, WorkerPort } from './newest-wins';
import { createNewestWins } from './newest-wins';

type Reply = { seq: number; kind: 'progress' | 'done' | 'failed'; value: string };

const read = (reply: Reply): ReplyMeaning<string> =>
  reply.kind === 'progress'
    ? { kind: 'progress' }
    : reply.kind === 'done'
      ? { kind: 'done', result: reply.value }
      : { kind: 'failed', error: new Error(reply.value) };

/** A worker whose every reply the test sends by hand. */
function manualWorker() {
  const posted: { seq: number; input: string }[] = [];
  let reply: (reply: Reply) => void = () => undefined;
  let fail: () => void = () => undefined;
  const port: WorkerPort<{ seq: number; input: string }, Reply> = {
    post: (request) => posted.push(request),
    listen: (onReply, onFailure) => {
      reply = onReply;
      fail = onFailure;
    },
    close: () => undefined,
  };
  return { port, posted, reply: (r: Reply) => reply(r), fail: () => fail() };
}

describe('createNewestWins', () => {
  it('tells only the newest request of its progress, and rejects a failure the worker reports', async () => {
    const worker = manualWorker();
    const runs = createNewestWins({ port: worker.port, request: (input: string, seq) => ({ seq, input }), read, answerInPage: () => undefined });
    const heard: string[] = [];
    const first = runs.run('a', (reply) => heard.push(`first ${reply.value}`));
    worker.reply({ seq: 1, kind: 'progress', value: '1/2' });
    const second = runs.run('b', (reply) => heard.push(`second ${reply.value}`));
    worker.reply({ seq: 1, kind: 'progress', value: '2/2' });
    worker.reply({ seq: 1, kind: 'done', value: 'A' });
    await expect(first).resolves.toBeNull();
    expect(worker.posted.map((request) => request.input)).toEqual(['a', 'b']);
    worker.reply({ seq: 2, kind: 'progress', value: '1/1' });
    worker.reply({ seq: 2, kind: 'failed', value: 'the grader stopped' });
    await expect(second).rejects.toThrow('the grader stopped');
    expect(heard).toEqual(['first 1/2', 'second 1/1']);
  });

  it('leaves a request the page cannot answer without an answer (null), and the next one is answered', async () => {
    let calls = 0;
    const runs = createNewestWins({
      port: null,
      request: (input: string, seq) => ({ seq, input }),
      read,
      answerInPage: (request, send) => {
        calls += 1;
        if (request.input === 'throws') throw new Error('the loader threw');
        if (request.input === 'rejects') return Promise.reject(new Error('the import failed'));
        send({ seq: request.seq, kind: 'done', value: request.input.toUpperCase() });
      },
    });
    await expect(runs.run('throws')).resolves.toBeNull();
    await expect(runs.run('rejects')).resolves.toBeNull();
    await expect(runs.run('fine')).resolves.toBe('FINE');
    expect(calls).toBe(3);
  });

  it('in the page, answers only the newest of a burst, and stops slow work a newer request makes unwanted', async () => {
    const answered: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runs = createNewestWins({
      port: null,
      request: (input: string, seq) => ({ seq, input }),
      read,
      answerInPage: async (request, send, stillWanted) => {
        if (request.input === 'slow') await gate;
        if (!stillWanted()) return;
        answered.push(request.input);
        send({ seq: request.seq, kind: 'done', value: request.input });
      },
    });
    const slow = runs.run('slow');
    await Promise.resolve();
    const burst = [runs.run('x'), runs.run('y')];
    release();
    expect(await Promise.all([slow, ...burst])).toEqual([null, null, 'y']);
    expect(answered).toEqual(['y']);
  });

  it('falls back to the page when the worker fails, and answers nothing once disposed', async () => {
    const worker = manualWorker();
    const runs = createNewestWins({
      port: worker.port,
      request: (input: string, seq) => ({ seq, input }),
      read,
      answerInPage: (request, send) => send({ seq: request.seq, kind: 'done', value: `page ${request.input}` }),
    });
    const stranded = runs.run('a');
    worker.fail();
    await expect(stranded).resolves.toBe('page a');
    runs.dispose();
    await expect(runs.run('b')).resolves.toBeNull();
  });
});
