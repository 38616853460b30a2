// Runtime: Node (scripts). The fuzz suite's share of `npm test`: a fixed-seed sample of hostile
// packs, pack folders, archives, drafts, event logs, progress files and backups, and every saved regression input in
// scripts/fuzz/regressions/, each run in a worker thread with a heap cap. None may crash, hang,
// run out of memory or refuse with an unclear message. The CPU limit per input is generous (10 s)
// so that a busy CI machine cannot fail the test by luck; `npm run fuzz` holds inputs to 2 s.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Job, JobResult, PoolOptions } from './fuzz/pool';
import { runJobsConfirmingHangs } from './fuzz/pool';
import { isFailure, readSavedInputs } from './fuzz/report';
import type { Target } from './fuzz/targets';
import { KINDS, recipeFor, TARGETS } from './fuzz/targets';

const SEED = 20_261_206;
/** Inputs per target in the sample: each target's kinds several times over. */
const PER_TARGET = 200;
const POOL: PoolOptions = { workers: 2, limitMs: 10_000, memoryMb: 500 };
const REGRESSIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fuzz', 'regressions');
const RUN_TIMEOUT = 20 * 60_000;

/** One line per failing input, with what reproduces it. */
function describeFailure(result: JobResult): string {
  const what =
    result.unclear.length && (result.status === 'ok' || result.status === 'refusal')
      ? `unclear message (${result.unclear[0]})`
      : `${result.status}: ${result.summary.split('\n')[0]!.slice(0, 200)}`;
  const reproduce = result.job.label.startsWith('#')
    ? `npm run fuzz -- --seed ${SEED} --only ${result.job.label.slice(1)}`
    : `npm run fuzz -- --replay scripts/fuzz/regressions/${result.job.label}`;
  return `${result.job.target}/${result.job.kind} ${result.job.label}: ${what} — ${reproduce}`;
}

async function run(jobs: Job[]): Promise<JobResult[]> {
  const results: JobResult[] = [];
  await runJobsConfirmingHangs(jobs, POOL, (result) => results.push(result));
  return results;
}

describe('fuzz: a seeded sample', () => {
  const count = PER_TARGET * TARGETS.length;
  const jobs: Job[] = Array.from({ length: count }, (_, index) => {
    const recipe = recipeFor(SEED, index, TARGETS);
    return { target: recipe.target, kind: recipe.kind, recipe, label: `#${index}` };
  });

  it('covers every kind of input of every target', () => {
    for (const target of TARGETS) {
      const kinds = new Set(jobs.filter((job) => job.target === target).map((job) => job.kind));
      expect([...kinds].sort(), target).toEqual([...KINDS[target as Target]].sort());
    }
  });

  it(
    'refuses every hostile input cleanly: no crash, hang, memory blow-up or unclear message',
    async () => {
      const results = await run(jobs);
      expect(results).toHaveLength(count);
      // Each target must be exercised for real: some inputs accepted and, but for drafts (which
      // are all graded), some refused.
      for (const target of TARGETS) {
        const statuses = new Set(results.filter((result) => result.job.target === target).map((result) => result.status));
        expect(statuses.has('ok'), `${target}: no input was accepted`).toBe(true);
        if (target !== 'drafts') expect(statuses.has('refusal'), `${target}: no input was refused`).toBe(true);
      }
      expect(results.filter(isFailure).map(describeFailure)).toEqual([]);
    },
    RUN_TIMEOUT,
  );
});

describe('fuzz: saved regression inputs', () => {
  const files = readdirSync(REGRESSIONS)
    .filter((name) => name.endsWith('.json'))
    .sort();
  let results = new Map<string, JobResult>();

  beforeAll(async () => {
    const all = await run(readSavedInputs(REGRESSIONS));
    results = new Map(all.map((result) => [result.job.label, result]));
  }, RUN_TIMEOUT);

  it('has regression inputs to run', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is refused or accepted cleanly', (file) => {
    const result = results.get(file);
    expect(result, `${file} did not run`).toBeDefined();
    expect(isFailure(result!) ? describeFailure(result!) : null).toBeNull();
  });
});
