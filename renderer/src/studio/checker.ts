// Runtime: renderer. The studio's live validator: every change of the document asks for a check of
// its files, the newest request wins. At most one request is in the worker and one waits (the
// newest: a newer change replaces it and the one it replaces resolves to null at once); a result
// that comes back for files already changed again resolves to null. Where no worker can run (unit
// tests in happy-dom, a worker that fails to load or crashes) the newest request is checked in the
// page instead, so the panel is never left without an answer.
import type { Pack } from '../core/pack/load';
import type { CheckReply, CheckRequest, CheckSession, StudioDiagnostic } from './check-protocol';
import type { WorkerPort } from './newest-wins';
import { createNewestWins, workerPort } from './newest-wins';

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
export type CheckPort = WorkerPort<CheckRequest, CheckReply>;

export interface StudioCheckerOptions {
  /** The running app's version, checked against the pack's minAppVersion. */
  appVersion: string;
  /** The worker to check in; null checks in the page. Defaults to a new check.worker.ts where workers exist. */
  port?: CheckPort | null;
  now?: () => number;
}

export function createStudioChecker({ appVersion, port = checkWorkerPort(), now = Date.now }: StudioCheckerOptions): StudioChecker {
  // The page's own session, made when the page first has to check by itself.
  let inPage: CheckSession | null = null;
  // The newest request's files: only its reply is used, and its media bytes are put back from here.
  let newest: { seq: number; files: Map<string, Uint8Array> } | null = null;
  const checks = createNewestWins<Map<string, Uint8Array>, CheckRequest, CheckReply, StudioCheck>({
    port: port && sendingChangedFilesOnly(port),
    request: (files, seq) => {
      newest = { seq, files };
      return { seq, files, appVersion };
    },
    read: (reply) => ({ kind: 'done', result: { diagnostics: reply.diagnostics, pack: withMediaBytes(reply), checkedAt: now() } }),
    async answerInPage(request, send, stillWanted) {
      // The loader and the grader load only when the page must check by itself; by then a burst of
      // changes has left only the newest to check.
      const protocol = await import('./check-protocol');
      if (!stillWanted()) return;
      inPage ??= new protocol.CheckSession();
      send(inPage.answer(request));
    },
  });
  /** The reply's pack with the bytes of its media, which the worker left in the page. */
  function withMediaBytes(reply: CheckReply): Pack | null {
    const { pack } = reply;
    if (!pack || !reply.mediaLeftInPage || newest?.seq !== reply.seq) return pack;
    const files = newest.files;
    return { ...pack, media: new Map([...pack.media.keys()].map((path) => [path, files.get(path)!])) };
  }

  return { check: (files) => checks.run(files), dispose: () => checks.dispose() };
}

/**
 * The port, sending each file's bytes to the worker once: a file whose bytes are the very ones of
 * the previous request (the document keeps a picture's bytes from change to change) is only named,
 * and the worker takes it from that request. Typing in a pack with large pictures copies none of them.
 */
function sendingChangedFilesOnly(port: CheckPort): CheckPort {
  let previous: ReadonlyMap<string, Uint8Array> = new Map();
  return {
    post(request) {
      const files = new Map<string, Uint8Array>();
      const kept: string[] = [];
      for (const [path, bytes] of request.files) {
        if (previous.get(path) === bytes) kept.push(path);
        else files.set(path, bytes);
      }
      port.post({ ...request, files, kept });
      previous = request.files;
    },
    listen: (onReply, onFailure) => port.listen(onReply, onFailure),
    close: () => port.close(),
  };
}

/** A port to a new checking worker, or null where none can be started (the page checks instead). */
export function checkWorkerPort(): CheckPort | null {
  return workerPort(() => new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'attache-studio-check' }));
}
