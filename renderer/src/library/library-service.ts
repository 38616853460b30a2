// Runtime: web worker, or the renderer where workers are missing. Answers the library's requests;
// the same code runs in the worker and in the fallback, so both give the same answers.
import type { AttacheDatabase } from '../db/database';
import { loadBuiltinLibrary } from './builtin';
import { checkArchiveWithHash, PackInstallError } from './installed';
import type { LibraryReply, LibraryRequest } from './library-protocol';
import { loadLibrary, rememberCheckBeforeInstall } from './load-library';

export async function answerLibraryRequest(request: LibraryRequest, database: (name: string) => AttacheDatabase): Promise<LibraryReply> {
  try {
    switch (request.kind) {
      case 'load':
        return { kind: 'loaded', load: await loadLibrary(database(request.databaseName), request.appVersion) };
      case 'check-archive': {
        const builtInIds = loadBuiltinLibrary(request.appVersion).packs.map((pack) => pack.manifest.id);
        const checked = checkArchiveWithHash(request.bytes, request.appVersion, builtInIds);
        rememberCheckBeforeInstall(request.bytes, request.appVersion, checked);
        return { kind: 'checked', pack: checked.pack };
      }
    }
  } catch (error) {
    if (error instanceof PackInstallError) return { kind: 'refused', problem: error.problem };
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
