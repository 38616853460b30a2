// Runtime: renderer. The UI's handle on the library: requests go to a web worker, so validating packs
// never blocks the UI thread; where workers are missing (unit tests) or the worker cannot start, the
// same code is loaded on demand and run in the page. Imports nothing heavy: it is part of the first script.
import type { Pack } from '../core/pack/load';
import type { AttacheDatabase } from '../db/database';
import { PackInstallError } from './install-problem';
import { createLibrary, type Library } from './library';
import type { LibraryEnvelope, LibraryReply, LibraryRequest } from './library-protocol';

export interface LibraryClient {
  /** The built-in packs plus the installed ones, as the database holds them now. */
  load(): Promise<Library>;
  /** Checks an archive before it is installed; rejects with PackInstallError saying what is wrong. */
  checkArchive(bytes: Uint8Array): Promise<Pack>;
}

interface Waiting {
  request: LibraryRequest;
  resolve: (reply: LibraryReply) => void;
  reject: (error: unknown) => void;
}

export function createLibraryClient(db: AttacheDatabase, appVersion: string, { useWorker = typeof Worker === 'function' } = {}): LibraryClient {
  let worker: Worker | null = null;
  let workerFailed = !useWorker;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  const inPage = async (request: LibraryRequest): Promise<LibraryReply> => {
    const { answerLibraryRequest } = await import('./library-service');
    return answerLibraryRequest(request, () => db);
  };

  const giveUpOnWorker = () => {
    workerFailed = true;
    worker?.terminate();
    worker = null;
    for (const [id, entry] of waiting) {
      waiting.delete(id);
      inPage(entry.request).then(entry.resolve, entry.reject);
    }
  };

  const startWorker = (): Worker => {
    const started = new Worker(new URL('./library.worker.ts', import.meta.url), { type: 'module', name: 'attache-library' });
    started.addEventListener('message', (event: MessageEvent<LibraryEnvelope<LibraryReply>>) => {
      const entry = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      entry?.resolve(event.data.body);
    });
    // A worker that cannot be loaded (or dies) must not leave the library empty: answer in the page.
    started.addEventListener('error', (event) => {
      console.warn('The library worker failed; validating packs on the UI thread instead.', event.message);
      event.preventDefault();
      giveUpOnWorker();
    });
    started.addEventListener('messageerror', giveUpOnWorker);
    return started;
  };

  const ask = (request: LibraryRequest): Promise<LibraryReply> => {
    if (workerFailed) return inPage(request);
    worker ??= startWorker();
    const target = worker;
    return new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      waiting.set(id, { request, resolve, reject });
      target.postMessage({ id, body: request } satisfies LibraryEnvelope<LibraryRequest>);
    });
  };

  return {
    async load() {
      const reply = await ask({ kind: 'load', databaseName: db.name, appVersion });
      if (reply.kind === 'loaded') return reply.load.library;
      throw new Error(`The scenario library could not be read: ${reply.kind === 'failed' ? reply.message : reply.kind}`);
    },
    async checkArchive(bytes) {
      const reply = await ask({ kind: 'check-archive', bytes, appVersion });
      if (reply.kind === 'checked') return reply.pack;
      if (reply.kind === 'refused') throw new PackInstallError(reply.problem);
      throw new Error(`The pack could not be checked: ${reply.kind === 'failed' ? reply.message : reply.kind}`);
    },
  };
}

/** A library that says it could not be read, so screens show the reason instead of nothing. */
export function unreadableLibrary(message: string): Library {
  return createLibrary([], [{ source: 'library', diagnostics: [{ severity: 'error', file: '', line: 0, column: 0, path: '', message }] }]);
}
