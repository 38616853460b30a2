// Runtime: web worker. Checks the pack being edited off the UI thread, so typing never waits for the
// validator; the page keeps only the newest request (see checker.ts).
import type { CheckReply, CheckRequest } from './check-protocol';
import { CheckSession } from './check-protocol';

// Lives as long as the studio: keeps the model answers' grades of the scenarios not being edited.
const session = new CheckSession();

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  self.postMessage(session.answer(event.data) satisfies CheckReply);
});
