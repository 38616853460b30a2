// Runtime: renderer (browser). The composer's live grading, off the UI thread: each keystroke asks
// for a grade, the newest request wins. At most one request is in the worker and one waits (the
// newest: a newer keystroke replaces it); a grade that comes back for a draft already typed over
// is dropped. Where no worker can run (unit tests in happy-dom, a worker that fails to load or
// crashes) the same requests are graded in the page, one call each — the grader is linear in the
// draft and refuses drafts over its ceiling, so that stays bounded too.
import type { MonitoringFacts } from '../../../core/engine/monitoring';
import type { Draft, EngineInput } from '../../../core/engine/timeline';
import type { Grade } from '../../../core/grading/types';
import type { GradingReply, GradingRequest } from './grading-protocol';
import { GradingSession } from './grading-protocol';

/** A channel to a grading worker; a fake one in tests. */
export interface GradingPort {
  post(request: GradingRequest): void;
  /** Registers the receivers of the worker's replies and of its failure (it could not load, or threw). */
  listen(onReply: (reply: GradingReply) => void, onFailure: () => void): void;
  close(): void;
}

export interface PreviewResult {
  seq: number;
  input: EngineInput;
  draft: Draft;
  grade: Grade | null;
}

interface Job {
  seq: number;
  input: EngineInput;
  draft: Draft;
  /** For a report: the facts it is graded against. */
  monitoring?: MonitoringFacts | undefined;
}

export class PreviewGrader {
  private port: GradingPort | null;
  private readonly local = new GradingSession();
  private lastSeq = 0;
  private inFlight: Job | null = null;
  private waiting: Job | null = null;
  /** Engine inputs are sent to the worker once, under a number. */
  private readonly inputIds = new WeakMap<EngineInput, number>();
  private nextInputId = 1;
  private inputInWorker: number | null = null;

  constructor(
    port: GradingPort | null,
    private readonly onResult: (result: PreviewResult) => void,
  ) {
    this.port = port;
    port?.listen(
      (reply) => this.received(reply),
      () => this.fallBackToPage(),
    );
  }

  /** Whether grades come from a worker (false: graded in the page, as each request is made). */
  get offThread(): boolean {
    return this.port !== null;
  }

  /** Asks for the grade of `draft`; returns the request's sequence number. */
  request(input: EngineInput, draft: Draft, monitoring?: MonitoringFacts): number {
    this.lastSeq += 1;
    const job: Job = { seq: this.lastSeq, input, draft, monitoring };
    if (!this.port) this.gradeInPage(job);
    else if (this.inFlight) this.waiting = job;
    else this.send(job);
    return job.seq;
  }

  close(): void {
    this.port?.close();
    this.port = null;
    this.inFlight = null;
    this.waiting = null;
  }

  private send(job: Job): void {
    const port = this.port!;
    this.inFlight = job;
    try {
      let inputId = this.inputIds.get(job.input);
      if (inputId === undefined) {
        inputId = this.nextInputId;
        this.nextInputId += 1;
        this.inputIds.set(job.input, inputId);
      }
      if (this.inputInWorker !== inputId) {
        port.post({ type: 'input', inputId, input: job.input });
        this.inputInWorker = inputId;
      }
      port.post({ type: 'grade', seq: job.seq, inputId, draft: job.draft, ...(job.monitoring ? { monitoring: job.monitoring } : {}) });
    } catch {
      // An input the worker cannot be sent (it cannot be cloned) is graded here instead.
      this.fallBackToPage();
    }
  }

  private received(reply: GradingReply): void {
    const job = this.inFlight;
    if (!job || job.seq !== reply.seq) return;
    this.inFlight = null;
    if (job.seq === this.lastSeq) this.onResult({ ...job, grade: reply.grade });
    const next = this.waiting;
    this.waiting = null;
    if (next) this.send(next);
  }

  private fallBackToPage(): void {
    this.port?.close();
    this.port = null;
    const newest = this.waiting ?? this.inFlight;
    this.inFlight = null;
    this.waiting = null;
    if (newest) this.gradeInPage(newest);
  }

  private gradeInPage(job: Job): void {
    this.local.answer({ type: 'input', inputId: 0, input: job.input });
    const reply = this.local.answer({ type: 'grade', seq: job.seq, inputId: 0, draft: job.draft, ...(job.monitoring ? { monitoring: job.monitoring } : {}) });
    if (reply) this.onResult({ seq: job.seq, input: job.input, draft: job.draft, grade: reply.grade });
  }
}

/** How the composer opens its grading worker by default; null where no worker can run (the unit tests' happy-dom): drafts are then graded in the page. */
export const defaultGradingPort: (() => GradingPort | null) | null = typeof Worker === 'function' ? () => gradingWorkerPort() : null;

/** A port to a new grading worker, or null where it cannot be started. */
export function gradingWorkerPort(): GradingPort | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./grading.worker.ts', import.meta.url), { type: 'module', name: 'grading' });
  } catch {
    return null;
  }
  return {
    post: (request) => worker.postMessage(request),
    listen: (onReply, onFailure) => {
      worker.addEventListener('message', (event: MessageEvent<GradingReply>) => onReply(event.data));
      worker.addEventListener('error', onFailure);
      worker.addEventListener('messageerror', onFailure);
    },
    close: () => worker.terminate(),
  };
}
