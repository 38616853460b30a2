// Runtime: Node (scripts). The studio's live check as its worker runs it (studio/check-protocol.ts):
// the largest pack of the library (scenarios/core-library, every file) loaded and validated and each
// model answer graded against its own task — from cold (the first check of a pack), and as after a
// pause in typing in one scenario (the worker parses and grades again only the scenario that
// changed) — and with an error typed in (an unquoted ": " in a text), when the check stops at the
// broken file.
import { CheckSession } from '../renderer/src/studio/check-protocol';
import { APP_VERSION } from './lib/app-version';
import { readPackSource } from './lib/pack-files';
import { timed } from './lib/timing';

/**
 * Budgets, p95, in the worker (off the UI thread, so typing never waits on them): the first check
 * of the largest library pack, and each check after typing, which shows the author's problems.
 */
export const STUDIO_CHECK_TARGETS_MS = { first: 1_500, typing: 250 } as const;

export interface StudioCheckBench {
  pack: string;
  files: number;
  bytes: number;
  runs: Array<{ name: string; p50: number; p95: number; problems: number; targetMs: number }>;
}

export function runStudioCheckBench(target = 'scenarios/core-library', iterations = 12): StudioCheckBench {
  const { files } = readPackSource(target);
  const bytes = [...files.values()].reduce((sum, file) => sum + file.length, 0);
  const scenario = [...files.keys()].sort().find((file) => file.startsWith('scenarios/'))!;
  const text = new TextDecoder().decode(files.get(scenario));
  const edited = (edit: (text: string) => string) => {
    const after = edit(text);
    if (after === text) throw new Error(`the bench's edit did not change ${scenario}`);
    return new Map(files).set(scenario, new TextEncoder().encode(after));
  };
  // Two versions of one scenario, as typing makes them: each check after the first grades that scenario only.
  const typed = [edited((t) => `${t}\n# typing…\n`), edited((t) => `${t}\n# typing…!\n`)];
  const broken = [edited((t) => t.replace(/^(\s+)en: /m, '$1en: Note: ')), edited((t) => t.replace(/^(\s+)en: /m, '$1en: Notes: '))];
  const session = new CheckSession();
  const typingError = new CheckSession();
  let turn = 0;
  const problems = (pack: Map<string, Uint8Array>, checker = new CheckSession()) =>
    checker.answer({ seq: 1, files: pack, appVersion: APP_VERSION }).diagnostics.length;
  problems(files, typingError);
  const run = (name: string, targetMs: number, check: () => number) => {
    let found = 0;
    const timing = timed(() => (found = check()), iterations);
    return { name, targetMs, ...timing, problems: found };
  };
  return {
    pack: target,
    files: files.size,
    bytes,
    runs: [
      run('first check, every answer graded', STUDIO_CHECK_TARGETS_MS.first, () => problems(files)),
      run('after typing in one scenario', STUDIO_CHECK_TARGETS_MS.typing, () => problems(typed[turn++ % 2]!, session)),
      run('a ": " typed into a text', STUDIO_CHECK_TARGETS_MS.typing, () => problems(broken[turn++ % 2]!, typingError)),
    ],
  };
}
