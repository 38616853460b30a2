// Runtime: Node (Vitest, happy-dom, fake-indexeddb). The UI's handle on the library: the same answers
// through a worker or in the page, refusals as PackInstallError, and the page taking over when the
// worker cannot start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildArchive } from '../core/pack/archive';
import type { AttacheDatabase } from '../db/database';
import { createTestDatabase } from '../test/database';
import { MINIMAL_PACK_DIR, readFolder, withEdit } from '../test/packs';
import { PackInstallError } from './install-problem';
import { createLibraryClient } from './library-client';
import type { LibraryEnvelope, LibraryRequest } from './library-protocol';
import { answerLibraryRequest } from './library-service';

const archive = buildArchive(readFolder(MINIMAL_PACK_DIR), { packId: 'minimal', packVersion: '1.0.0' });
const opened: AttacheDatabase[] = [];

function database(): AttacheDatabase {
  const db = createTestDatabase();
  opened.push(db);
  return db;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  for (const db of opened.splice(0)) await db.delete();
});

/** A stand-in for the library worker: answers with the worker's code, across structured cloning. */
class AnsweringWorker extends EventTarget {
  static started = 0;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    AnsweringWorker.started += 1;
  }
  postMessage(message: LibraryEnvelope<LibraryRequest>) {
    const { id, body } = structuredClone(message);
    void answerLibraryRequest(body, () => workerDatabase!).then((reply) =>
      this.dispatchEvent(new MessageEvent('message', { data: structuredClone({ id, body: reply }) })),
    );
  }
  terminate() {}
}
let workerDatabase: AttacheDatabase | null = null;

/** A worker whose script cannot be loaded (as under a wrong CSP or a missing file). */
class FailingWorker extends EventTarget {
  constructor() {
    super();
    queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'cannot load' })));
  }
  postMessage() {}
  terminate() {}
}

describe('the library client', () => {
  it('in the page: loads the library and refuses a bad archive with the reason', async () => {
    const client = createLibraryClient(database(), '0.1.0', { useWorker: false });
    expect((await client.load()).packs.map((pack) => pack.manifest.id)).toEqual(['core-library']);
    expect((await client.checkArchive(archive)).manifest.id).toBe('minimal');
    const refusal = await client.checkArchive(new TextEncoder().encode('not a zip')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PackInstallError);
    expect((refusal as PackInstallError).problem).toMatchObject({ kind: 'archive', code: 'not-zip' });
  });

  it('through a worker: one worker answers every request, each with its own reply', async () => {
    vi.stubGlobal('Worker', AnsweringWorker);
    const db = database();
    workerDatabase = db;
    AnsweringWorker.started = 0;
    const client = createLibraryClient(db, '0.1.0', { useWorker: true });
    const [library, pack, refusal] = await Promise.all([
      client.load(),
      client.checkArchive(archive),
      client.checkArchive(new Uint8Array([1])).catch((error: unknown) => error),
    ]);
    expect(library.packs.map((candidate) => candidate.manifest.id)).toEqual(['core-library']);
    expect(pack.manifest.id).toBe('minimal');
    expect(refusal).toBeInstanceOf(PackInstallError);
    expect(AnsweringWorker.started).toBe(1);
  });

  it('refuses to install a pack with the id of a built-in one', async () => {
    const files = withEdit(readFolder(MINIMAL_PACK_DIR), 'pack.yaml', (text) => text.replace(/^id: minimal$/m, 'id: core-library'));
    const client = createLibraryClient(database(), '0.1.0', { useWorker: false });
    const refusal = await client.checkArchive(buildArchive(files, { packId: 'core-library', packVersion: '1.0.0' })).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PackInstallError);
    expect((refusal as PackInstallError).problem).toEqual({ kind: 'built-in', packId: 'core-library' });
  });

  it('answers in the page when the worker cannot start', async () => {
    vi.stubGlobal('Worker', FailingWorker);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = createLibraryClient(database(), '0.1.0', { useWorker: true });
    expect((await client.load()).packs.map((pack) => pack.manifest.id)).toEqual(['core-library']);
    expect((await client.checkArchive(archive)).manifest.id).toBe('minimal');
    expect(warn).toHaveBeenCalledOnce();
  });
});
