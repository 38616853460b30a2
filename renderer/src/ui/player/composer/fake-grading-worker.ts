// Runtime: Node (Vitest). A grading worker for tests: it grades each request with a real
// GradingSession at once, but hands the reply back only when the test says so, so the order of
// keystrokes and grades can be played out exactly.
import type { GradingReply, GradingRequest } from './grading-protocol';
import { GradingSession } from './grading-protocol';
import type { GradingPort } from './preview-grader';

/** A worker that answers only when told to, through a real grading session. */
export class FakeGradingWorker implements GradingPort {
  readonly sent: GradingRequest[] = [];
  private readonly session = new GradingSession();
  private onReply: ((reply: GradingReply) => void) | null = null;
  private onFailure: (() => void) | null = null;
  private queue: GradingReply[] = [];
  closed = false;

  post(request: GradingRequest): void {
    this.sent.push(request);
    const reply = this.session.answer(request);
    if (reply) this.queue.push(reply);
  }

  listen(onReply: (reply: GradingReply) => void, onFailure: () => void): void {
    this.onReply = onReply;
    this.onFailure = onFailure;
  }

  close(): void {
    this.closed = true;
  }

  /** Delivers the oldest reply not yet delivered. */
  answerNext(): void {
    const reply = this.queue.shift();
    if (!reply) throw new Error('no request is waiting for a reply');
    this.onReply?.(reply);
  }

  fail(): void {
    this.onFailure?.();
  }

  gradedTexts(): string[] {
    return this.sent.flatMap((request) => (request.type === 'grade' ? [request.draft.text] : []));
  }
}
