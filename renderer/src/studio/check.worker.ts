// Runtime: web worker. Checks the pack being edited off the UI thread, so typing never waits for the
// validator; the page keeps only the newest request (see checker.ts).
import type { CheckReply, CheckRequest } from './check-protocol';
import { answerCheckRequest } from './check-protocol';

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  self.postMessage(answerCheckRequest(event.data) satisfies CheckReply);
});
