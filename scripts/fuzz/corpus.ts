// Runtime: Node (scripts). What the generators mutate, made once per worker: the core library's
// files as the loader takes them, the loaded pack (its tasks give drafts their context), and one
// valid event log per scenario, played from its model answers like `npm run play` does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replay, step } from '../../renderer/src/core/engine/attempt';
import type { EngineEvent } from '../../renderer/src/core/engine/machine';
import { createScenarioMachine } from '../../renderer/src/core/engine/machine';
import { modelAnswerFor } from '../../renderer/src/core/engine/outcome';
import { nextEventTime } from '../../renderer/src/core/engine/timeline';
import type { PackFiles } from '../../renderer/src/core/pack/archive';
import type { Pack } from '../../renderer/src/core/pack/load';
import { loadPack } from '../../renderer/src/core/pack/load';
import { offsetMinutes } from '../../renderer/src/core/pack/schema';
import { scenarioLanguages } from '../../renderer/src/core/pack/summary';
import { APP_VERSION } from '../lib/app-version';
import type { DraftTask } from './gen-drafts';

export const LIBRARY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scenarios/core-library');

let libraryFiles: PackFiles | null = null;

/** The folder's files, read plainly (the folder reader under test is not trusted to make the corpus), once. */
export function readLibraryFiles(): PackFiles {
  if (libraryFiles) return libraryFiles;
  const files: PackFiles = new Map();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, new Uint8Array(readFileSync(path.join(dir, entry.name))));
    }
  };
  walk(LIBRARY_DIR, '');
  libraryFiles = files;
  return files;
}

export interface Corpus {
  files: PackFiles;
  pack: Pack;
  tasks: DraftTask[];
  /** One valid log per scenario, made when first asked for. */
  baseLog(scenarioId: string): { scenario: string; language: string; seed: number; events: EngineEvent[] };
}

let corpus: Corpus | null = null;

export function getCorpus(): Corpus {
  if (corpus) return corpus;
  const files = readLibraryFiles();
  const { pack, diagnostics } = loadPack(files, { appVersion: APP_VERSION });
  if (!pack)
    throw new Error(
      `the core library does not load, so drafts and logs cannot be fuzzed: ${diagnostics
        .slice(0, 3)
        .map((d) => `${d.file}: ${d.message}`)
        .join('; ')}`,
    );
  const tasks = pack.scenarios.flatMap((scenario) =>
    scenarioLanguages(pack, scenario).flatMap((language) => scenario.tasks.map((task) => ({ scenario: scenario.id, task: task.id, language }))),
  );
  const logs = new Map<string, ReturnType<Corpus['baseLog']>>();
  const baseLog = (scenarioId: string) => {
    const known = logs.get(scenarioId);
    if (known) return known;
    const scenario = pack.scenarios.find((s) => s.id === scenarioId)!;
    const language = scenarioLanguages(pack, scenario)[0]!;
    const seed = 1;
    const machine = createScenarioMachine({ scenario, playLanguage: language, manifest: pack.manifest, seed });
    const events: EngineEvent[] = [{ type: 'START' }];
    let snapshot = replay(machine, events);
    // `send` replaces the snapshot, which type narrowing cannot follow: ask afresh each time.
    const over = () => snapshot.status === 'done';
    const send = (event: EngineEvent) => {
      events.push(event);
      snapshot = step(machine, snapshot, event);
    };
    for (let guard = 0; guard < 1000 && !over(); guard += 1) {
      for (const task of scenario.tasks) {
        if (snapshot.context.timeline.tasks[task.id]!.status !== 'open' || over()) continue;
        const text = modelAnswerFor(scenario, task, language);
        if (text) send({ type: 'PUBLISH', draft: { accountId: task.account, kind: task.kind, text, taskId: task.id, replyTo: task.replyTo ?? null } });
      }
      if (over()) break;
      if (nextEventTime({ scenario }, snapshot.context.timeline) === null) send({ type: 'CLOCK.TICK', minutes: offsetMinutes(scenario.duration) });
      else send(rngFreeTickOrNext(events.length));
    }
    const log = { scenario: scenarioId, language, seed, events };
    logs.set(scenarioId, log);
    return log;
  };
  corpus = { files, pack, tasks, baseLog };
  return corpus;
}

/** Logs mix both ways the clock moves: jumps to the next event and ticks of a few minutes. */
function rngFreeTickOrNext(position: number): EngineEvent {
  return position % 3 === 0 ? { type: 'CLOCK.TICK', minutes: 1 + (position % 5) } : { type: 'CLOCK.NEXT' };
}
