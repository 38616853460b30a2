// Runtime: web worker. Grades the composer's drafts off the UI thread, so typing or pasting never
// waits for the grader; the page keeps only the newest request (see preview-grader.ts).
import type { GradingReply, GradingRequest } from './grading-protocol';
import { GradingSession } from './grading-protocol';

const session = new GradingSession();

self.addEventListener('message', (event: MessageEvent<GradingRequest>) => {
  const reply = session.answer(event.data);
  if (reply) self.postMessage(reply satisfies GradingReply);
});
