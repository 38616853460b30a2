// Runtime: web worker. Validates the library off the UI thread: the built-in packs (their YAML and
// media are bundled into this worker's chunk, not the app's first script) and the installed archives.
import { AttacheDatabase } from '../db/database';
import { answerLibraryRequest } from './library-service';
import type { LibraryEnvelope, LibraryReply, LibraryRequest } from './library-protocol';

const databases = new Map<string, AttacheDatabase>();
const database = (name: string) => {
  let db = databases.get(name);
  if (!db) {
    db = new AttacheDatabase(name);
    databases.set(name, db);
  }
  return db;
};

self.addEventListener('message', (event: MessageEvent<LibraryEnvelope<LibraryRequest>>) => {
  const { id, body } = event.data;
  void answerLibraryRequest(body, database).then((reply) => self.postMessage({ id, body: reply } satisfies LibraryEnvelope<LibraryReply>));
});
