// Runtime: web worker. Checks the pack being edited off the UI thread, so typing never waits for the
// validator; the page keeps only the newest request (see checker.ts).
import type { CheckReply, CheckRequest } from './check-protocol';
import { CheckSession, withoutMediaBytes } from './check-protocol';

// Lives as long as the studio: keeps the model answers' grades of the scenarios not being edited,
// and the files of the last request (the page sends a picture's bytes once, not at every change).
const session = new CheckSession();

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  self.postMessage(withoutMediaBytes(session.answer(event.data)) satisfies CheckReply);
});
