// Runtime: Node (scripts). A small pool of worker threads that run fuzz inputs with a memory cap
// (the worker's heap) and a time limit: an input whose thread spends more CPU than the limit is a
// hang; one still running at the hard wall-clock limit is terminated and a hang too; a worker that
// runs out of heap is a memory blow-up. A dead worker is replaced and the run goes on.
import { closeSync, constants, openSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './worker';
import type { InputRecipe, Payload, Target } from './targets';

export type Status = 'ok' | 'refusal' | 'crash' | 'hang' | 'memory' | 'generator-error';

export interface Job {
  target: Target;
  kind: string;
  /** Where the input came from: its recipe (generated in the worker) or a saved payload. */
  recipe?: InputRecipe;
  payload?: Payload;
  /** A name for reports: `#123` or a regression file. */
  label: string;
}

export interface JobResult {
  job: Job;
  status: Status;
  summary: string;
  /** Unclear refusal or result messages (not a failure of their own status, but of the run). */
  unclear: string[];
  cpuMs: number;
  wallMs: number;
  /** Ended by the wall-clock limit, its CPU time unknown. */
  terminated?: boolean;
}

export interface PoolOptions {
  workers: number;
  /** CPU time an input may take. */
  limitMs: number;
  /**
   * Wall-clock time after which a running input is terminated (default: 6 × limit). Generous,
   * because on a busy machine a thread gets a fraction of a core; the CPU limit is what judges.
   */
  hardLimitMs?: number;
  memoryMb: number;
  /** Time for a worker to load the code under test and the corpus, and to make one input. */
  setupMs?: number;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);
// Under a test runner import.meta.resolve may be missing; the bare name resolves from the working directory then.
const TSX = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx') : 'tsx';

class Slot {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private listener: ((message: FromWorker) => void) | null = null;
  private failure: ((error: Error & { code?: string }) => void) | null = null;
  private exited: ((code: number) => void) | null = null;

  constructor(private readonly options: PoolOptions) {}

  private spawn(): Promise<void> {
    const worker = new Worker(WORKER_URL, {
      execArgv: ['--import', TSX],
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      stdout: false,
      stderr: false,
    });
    this.worker = worker;
    worker.on('message', (message: FromWorker) => this.listener?.(message));
    worker.on('error', (error: Error & { code?: string }) => this.failure?.(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        this.ready = null;
      }
      this.exited?.(code);
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`a fuzz worker did not start within ${this.options.setupMs ?? 120_000} ms`)),
        this.options.setupMs ?? 120_000,
      );
      this.listener = (message) => {
        if (message.type !== 'ready' && message.type !== 'fatal') return;
        clearTimeout(timer);
        if (message.type === 'ready') resolve();
        else reject(new Error(message.message));
      };
      this.failure = (error) => (clearTimeout(timer), reject(error));
      this.exited = (code) => (clearTimeout(timer), reject(new Error(`a fuzz worker exited with code ${code} while starting`)));
    });
  }

  private async kill(paths: { holder: string; fifos: string[] } | null): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    this.listener = this.failure = this.exited = null;
    // A reader blocked opening a named pipe cannot be interrupted; a writer that opens and closes it lets it go.
    for (const fifo of paths?.fifos ?? []) {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader is waiting on it.
      }
    }
    if (worker) await Promise.race([worker.terminate(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    if (paths) rmSync(paths.holder, { recursive: true, force: true });
  }

  async run(job: Job, id: number): Promise<JobResult> {
    this.ready ??= this.spawn();
    await this.ready;
    const worker = this.worker!;
    const { limitMs } = this.options;
    const hardLimitMs = this.options.hardLimitMs ?? limitMs * 6;
    const setupMs = this.options.setupMs ?? 120_000;
    const base = { job, unclear: [] as string[], cpuMs: 0, wallMs: 0 };
    let materialised: { holder: string; fifos: string[] } | null = null;
    /** Whether the worker answered for this input; if not, it is stuck or gone and is replaced. */
    let answered = false;
    const result = await new Promise<JobResult>((resolve) => {
      let started = Date.now();
      let timer = setTimeout(() => resolve({ ...base, status: 'generator-error', summary: `making the input took over ${setupMs} ms` }), setupMs);
      const restart = (ms: number, onTimeout: () => JobResult) => {
        clearTimeout(timer);
        timer = setTimeout(() => resolve(onTimeout()), ms);
      };
      this.listener = (message) => {
        if (!('id' in message) || message.id !== id) return;
        if (message.type === 'started') {
          started = Date.now();
          restart(hardLimitMs, () => ({
            ...base,
            status: 'hang',
            summary: `still running after ${hardLimitMs} ms; terminated`,
            wallMs: Date.now() - started,
            cpuMs: Number.NaN,
            terminated: true,
          }));
        } else if (message.type === 'materialised') materialised = { holder: message.holder, fifos: message.fifos };
        else if (message.type === 'generator-error') {
          answered = true;
          clearTimeout(timer);
          resolve({ ...base, status: 'generator-error', summary: message.message });
        } else if (message.type === 'done') {
          answered = true;
          clearTimeout(timer);
          const slow = message.cpuMs > limitMs;
          resolve({
            job,
            status: slow ? 'hang' : message.status,
            summary: slow ? `took ${Math.round(message.cpuMs)} ms of CPU (limit ${limitMs}); then ${message.summary}` : message.summary,
            unclear: message.unclear,
            cpuMs: message.cpuMs,
            wallMs: message.wallMs,
          });
        } else if (message.type === 'crash') {
          answered = true;
          clearTimeout(timer);
          resolve({
            job,
            status: 'crash',
            summary: `${message.name}: ${message.message.slice(0, 300)}\n${message.stack}`,
            unclear: [],
            cpuMs: message.cpuMs,
            wallMs: message.wallMs,
          });
        }
      };
      this.failure = (error) => {
        clearTimeout(timer);
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        resolve({
          ...base,
          status: memory ? 'memory' : 'crash',
          summary: memory ? `ran out of its ${this.options.memoryMb} MB heap` : `the worker failed: ${error.message}`,
          wallMs: Date.now() - started,
        });
      };
      this.exited = (code) => {
        clearTimeout(timer);
        resolve({ ...base, status: 'crash', summary: `the worker exited with code ${code}`, wallMs: Date.now() - started });
      };
      const message: ToWorker = {
        id,
        target: job.target,
        ...(job.recipe ? { recipe: job.recipe } : {}),
        ...(job.payload !== undefined ? { payload: job.payload } : {}),
      };
      worker.postMessage(message);
    });
    this.listener = this.failure = this.exited = null;
    if (!answered || !this.worker) await this.kill(materialised);
    return result;
  }

  async close(): Promise<void> {
    await this.kill(null);
  }
}

/**
 * As {@link runJobs}, but an input terminated by the wall-clock limit (whose CPU time is unknown:
 * on a busy machine a thread may get a fraction of a core) is run once more at the end, alone and
 * with twice the wall-clock time; its second result is the one reported.
 */
export async function runJobsConfirmingHangs(
  jobs: Iterable<Job>,
  options: PoolOptions,
  onResult: (result: JobResult) => void,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const suspects: Job[] = [];
  await runJobs(jobs, options, (result) => (result.terminated ? suspects.push(result.job) : onResult(result)), shouldStop);
  if (!suspects.length) return;
  const hardLimitMs = (options.hardLimitMs ?? options.limitMs * 6) * 2;
  await runJobs(suspects, { ...options, workers: 1, hardLimitMs }, onResult);
}

/** Runs every job, `options.workers` at a time; results arrive in completion order. `shouldStop` ends the run after the inputs under way. */
export async function runJobs(
  jobs: Iterable<Job>,
  options: PoolOptions,
  onResult: (result: JobResult) => void,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const iterator = jobs[Symbol.iterator]();
  let nextId = 0;
  const slots = Array.from({ length: Math.max(1, options.workers) }, () => new Slot(options));
  try {
    await Promise.all(
      slots.map(async (slot) => {
        for (let next = iterator.next(); !next.done && !shouldStop(); next = iterator.next()) onResult(await slot.run(next.value, (nextId += 1)));
      }),
    );
  } finally {
    await Promise.all(slots.map((slot) => slot.close()));
  }
}
