// Runtime: renderer. Work the studio asks for again at every change (checking the pack, grading its
// calibration drafts), done in a worker where the newest request wins: at most one request is in the
// worker and one waits (a newer one replaces it, and the replaced one resolves to null at once); an
// answer to a request that is no longer the newest resolves to null. Where no worker can run (unit
// tests in happy-dom, a worker that fails to load or crashes) the page answers instead, so a view is
// never left without an answer.

/** A channel to a worker; a fake one in tests. */
export interface WorkerPort<Request, Reply> {
  post(request: Request): void;
  /** Registers the receivers of the worker's replies and of its failure (it could not load, or threw). */
  listen(onReply: (reply: Reply) => void, onFailure: () => void): void;
  close(): void;
}

/**
 * A port to a worker that `start` makes, or null where none can be started. `start` stays at the
 * caller's, as `new Worker(new URL('./x.worker.ts', import.meta.url))`: that is the form the bundler
 * finds and builds the worker from.
 */
export function workerPort<Request, Reply>(start: () => Worker): WorkerPort<Request, Reply> | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = start();
  } catch {
    return null;
  }
  return {
    post: (request) => worker.postMessage(request),
    listen: (onReply, onFailure) => {
      worker.addEventListener('message', (event: MessageEvent<Reply>) => onReply(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        onFailure();
      });
      worker.addEventListener('messageerror', onFailure);
    },
    close: () => worker.terminate(),
  };
}

/** What one reply means for its request: more to come, its result, or a failure to report. */
export type ReplyMeaning<Result> = { kind: 'progress' } | { kind: 'done'; result: Result } | { kind: 'failed'; error: Error };

export interface NewestWinsOptions<Input, Request, Reply extends { seq: number }, Result> {
  /** The worker; null answers in the page. */
  port: WorkerPort<Request, Reply> | null;
  request(input: Input, seq: number): Request;
  read(reply: Reply): ReplyMeaning<Result>;
  /**
   * Answers in the page, sending replies as the worker would. `stillWanted` turns false once a newer
   * request came, so slow work can stop early. A throw or rejection leaves the request without an
   * answer (null): the next change asks again.
   */
  answerInPage(request: Request, send: (reply: Reply) => void, stillWanted: () => boolean): void | Promise<void>;
}

export interface NewestWins<Input, Reply, Result> {
  /** The result for `input`; null when a newer request came first. `onProgress` hears the replies that say 'progress'. */
  run(input: Input, onProgress?: (reply: Reply) => void): Promise<Result | null>;
  /** Stops the worker; requests still waiting resolve to null. */
  dispose(): void;
}

interface Job<Request, Reply, Result> {
  seq: number;
  request: Request;
  onProgress?: (reply: Reply) => void;
  resolve: (result: Result | null) => void;
  reject: (error: Error) => void;
}

export function createNewestWins<Input, Request, Reply extends { seq: number }, Result>(
  options: NewestWinsOptions<Input, Request, Reply, Result>,
): NewestWins<Input, Reply, Result> {
  type ThisJob = Job<Request, Reply, Result>;
  let channel = options.port;
  let lastSeq = 0;
  let inFlight: ThisJob | null = null;
  let waiting: ThisJob | null = null;
  let disposed = false;

  const isNewest = (job: ThisJob) => job.seq === lastSeq && !disposed;

  /** Hands `reply` to its job; true when the job is finished. */
  const settle = (job: ThisJob, reply: Reply): boolean => {
    const meaning = options.read(reply);
    if (meaning.kind === 'progress') {
      if (isNewest(job)) job.onProgress?.(reply);
      return false;
    }
    if (!isNewest(job)) job.resolve(null);
    else if (meaning.kind === 'done') job.resolve(meaning.result);
    else job.reject(meaning.error);
    return true;
  };

  const answerInPage = (job: ThisJob) => {
    // Answered after the caller has its promise, as a worker's answer would be.
    queueMicrotask(() => {
      if (!isNewest(job)) {
        job.resolve(null);
        return;
      }
      let finished = false;
      const send = (reply: Reply) => {
        if (!finished) finished = settle(job, reply);
      };
      const unanswered = () => {
        if (!finished) job.resolve(null);
      };
      try {
        Promise.resolve(options.answerInPage(job.request, send, () => isNewest(job))).then(unanswered, unanswered);
      } catch {
        unanswered();
      }
    });
  };

  const send = (job: ThisJob) => {
    inFlight = job;
    try {
      channel!.post(job.request);
    } catch {
      fallBackToPage();
    }
  };

  function fallBackToPage() {
    channel?.close();
    channel = null;
    const stranded = [inFlight, waiting].filter((job): job is ThisJob => job !== null);
    inFlight = null;
    waiting = null;
    for (const job of stranded) answerInPage(job);
  }

  channel?.listen((reply) => {
    const job = inFlight;
    if (!job || job.seq !== reply.seq) return;
    if (!settle(job, reply)) return;
    inFlight = null;
    const next = waiting;
    waiting = null;
    if (next) send(next);
  }, fallBackToPage);

  return {
    run(input, onProgress) {
      return new Promise<Result | null>((resolve, reject) => {
        if (disposed) {
          resolve(null);
          return;
        }
        lastSeq += 1;
        const job: ThisJob = { seq: lastSeq, request: options.request(input, lastSeq), onProgress, resolve, reject };
        if (!channel) answerInPage(job);
        else if (inFlight) {
          waiting?.resolve(null);
          waiting = job;
        } else send(job);
      });
    },
    dispose() {
      disposed = true;
      channel?.close();
      channel = null;
      inFlight?.resolve(null);
      waiting?.resolve(null);
      inFlight = null;
      waiting = null;
    },
  };
}
