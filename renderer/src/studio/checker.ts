// Runtime: renderer. The studio's live validator: every change of the document asks for a check of
// its files, the newest request wins. At most one request is in the worker and one waits (the
// newest: a newer change replaces it and the one it replaces resolves to null at once); a result
// that comes back for files already changed again resolves to null. Where no worker can run (unit
// tests in happy-dom, a worker that fails to load or crashes) the newest request is checked in the
// page instead, so the panel is never left without an answer.
import type { Pack } from '../core/pack/load';
import type { CheckReply, CheckRequest, CheckSession, StudioDiagnostic } from './check-protocol';

export type { StudioDiagnostic } from './check-protocol';

export interface StudioCheck {
  /** Every problem found, in file and line order. */
  diagnostics: StudioDiagnostic[];
  /** The pack as loaded; null when it has errors the loader cannot get past. */
  pack: Pack | null;
  /** When the result arrived (the `now` the checker was given). */
  checkedAt: number;
}

export interface StudioChecker {
  /** Checks `files`; null when a newer check was asked for before this one finished (superseded). */
  check(files: Map<string, Uint8Array>): Promise<StudioCheck | null>;
  /** Stops the worker; checks still waiting resolve to null. */
  dispose(): void;
}

/** A channel to a checking worker; a fake one in tests. */
export interface CheckPort {
  post(request: CheckRequest): void;
  /** Registers the receivers of the worker's replies and of its failure (it could not load, or threw). */
  listen(onReply: (reply: CheckReply) => void, onFailure: () => void): void;
  close(): void;
}

export interface StudioCheckerOptions {
  /** The running app's version, checked against the pack's minAppVersion. */
  appVersion: string;
  /** The worker to check in; null checks in the page. Defaults to a new check.worker.ts where workers exist. */
  port?: CheckPort | null;
  now?: () => number;
}

interface Job {
  seq: number;
  files: Map<string, Uint8Array>;
  resolve: (check: StudioCheck | null) => void;
}

export function createStudioChecker({ appVersion, port = checkWorkerPort(), now = Date.now }: StudioCheckerOptions): StudioChecker {
  let channel: CheckPort | null = port;
  let lastSeq = 0;
  let inFlight: Job | null = null;
  let waiting: Job | null = null;
  let disposed = false;
  // The page's own session, made when the page first has to check by itself.
  let inPage: CheckSession | null = null;

  const finish = (job: Job, reply: Pick<CheckReply, 'diagnostics' | 'pack'>) => {
    // Only the newest request's answer is worth showing.
    job.resolve(job.seq === lastSeq && !disposed ? { diagnostics: reply.diagnostics, pack: reply.pack, checkedAt: now() } : null);
  };

  const checkInPage = (job: Job) => {
    // The loader and the grader load only when the page must check by itself; by then a burst of
    // changes has left only the newest to check.
    import('./check-protocol').then(
      (protocol) => {
        if (job.seq !== lastSeq || disposed) {
          job.resolve(null);
          return;
        }
        try {
          inPage ??= new protocol.CheckSession();
          finish(job, inPage.answer({ seq: job.seq, files: job.files, appVersion }));
        } catch {
          // The loader never throws on a pack; should it, this check has no answer and the next change asks again.
          job.resolve(null);
        }
      },
      () => job.resolve(null),
    );
  };

  const send = (job: Job) => {
    inFlight = job;
    try {
      channel!.post({ seq: job.seq, files: job.files, appVersion });
    } catch {
      fallBackToPage();
    }
  };

  const received = (reply: CheckReply) => {
    const job = inFlight;
    if (!job || job.seq !== reply.seq) return;
    inFlight = null;
    finish(job, reply);
    const next = waiting;
    waiting = null;
    if (next) send(next);
  };

  function fallBackToPage() {
    channel?.close();
    channel = null;
    const stranded = [inFlight, waiting].filter((job): job is Job => job !== null);
    inFlight = null;
    waiting = null;
    for (const job of stranded) checkInPage(job);
  }

  channel?.listen(received, fallBackToPage);

  return {
    check(files) {
      return new Promise<StudioCheck | null>((resolve) => {
        if (disposed) {
          resolve(null);
          return;
        }
        lastSeq += 1;
        const job: Job = { seq: lastSeq, files, resolve };
        if (!channel) checkInPage(job);
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

/** A port to a new checking worker, or null where none can be started (the page checks instead). */
export function checkWorkerPort(): CheckPort | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'attache-studio-check' });
  } catch {
    return null;
  }
  return {
    post: (request) => worker.postMessage(request),
    listen: (onReply, onFailure) => {
      worker.addEventListener('message', (event: MessageEvent<CheckReply>) => onReply(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        onFailure();
      });
      worker.addEventListener('messageerror', onFailure);
    },
    close: () => worker.terminate(),
  };
}
