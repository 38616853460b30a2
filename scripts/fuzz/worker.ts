// Runtime: Node (worker thread). Runs fuzz inputs one at a time for the runner: makes each input
// from its recipe (or takes it as given), says when it starts, and reports the outcome or the
// crash with the thread's CPU time, so a hang is judged by work done, not by a busy machine.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { getCorpus } from './corpus';
import type { Corpus } from './corpus';
import type { InputRecipe, Payload, Target } from './targets';
import type { FolderSpec } from './gen-folders';
import type { PreparedFolder } from './targets';
import { generatePayload, prepareFolder, prepareTargets, runPayload } from './targets';

export type ToWorker = { id: number; target: Target; recipe?: InputRecipe; payload?: Payload };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'started'; id: number }
  | { type: 'materialised'; id: number; holder: string; fifos: string[] }
  | { type: 'generator-error'; id: number; message: string }
  | { type: 'done'; id: number; status: 'ok' | 'refusal'; summary: string; unclear: string[]; cpuMs: number; wallMs: number }
  | { type: 'crash'; id: number; name: string; message: string; stack: string; cpuMs: number; wallMs: number };

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
};

let corpus: Corpus;
try {
  corpus = getCorpus();
  await prepareTargets();
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  throw error;
}

port.on('message', ({ id, target, recipe, payload }: ToWorker) => {
  let input: Payload | PreparedFolder;
  let folder: PreparedFolder | null = null;
  try {
    input = payload ?? generatePayload(recipe!, corpus);
    if (target === 'folders') {
      folder = prepareFolder(input as FolderSpec);
      input = folder;
      // The runner releases a reader stuck on a named pipe, and removes the folder if it must end this thread.
      post({ type: 'materialised', id, holder: folder.holder, fifos: folder.fifos });
    }
  } catch (error) {
    folder?.cleanup();
    post({ type: 'generator-error', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return;
  }
  post({ type: 'started', id });
  const cpuStart = process.threadCpuUsage();
  const wallStart = performance.now();
  let result: FromWorker;
  try {
    const outcome = runPayload(target, input, corpus);
    result = { type: 'done', id, ...outcome, cpuMs: cpuMs(cpuStart), wallMs: performance.now() - wallStart };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    result = {
      type: 'crash',
      id,
      name: err.name,
      message: err.message.slice(0, 2_000),
      stack: (err.stack ?? '').split('\n').slice(0, 12).join('\n'),
      cpuMs: cpuMs(cpuStart),
      wallMs: performance.now() - wallStart,
    };
  }
  // Cleaned up before answering: the runner may end this thread as soon as it has the answer.
  folder?.cleanup();
  post(result);
});
