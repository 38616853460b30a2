// Runtime: Node (CLI). `npm run fuzz -- [--count 16000] [--seed S] [--target packs,archives,...]
// [--only N] [--replay <file|folder>] [--workers 2] [--limit-ms 2000] [--memory-mb 500] [--out dir]`:
// throws seeded hostile inputs at the pack loader, the CLI's folder reader, the archive reader, the
// grader, the event-log validator and replay, the progress-file reader (with re-grading and the merge
// plan) and the backup reader (with the restore plan), each in a worker thread with a heap cap and a CPU
// limit. Prints a summary table, writes each failing input with its reproduction command to
// test-report/fuzz/, and exits 1 on any crash, hang, memory blow-up or unclear message.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { cliFailure, parseCommandLine } from './lib/cli';
import { getCorpus } from './fuzz/corpus';
import type { Job, JobResult } from './fuzz/pool';
import { runJobsConfirmingHangs } from './fuzz/pool';
import { addResult, createTally, progressLine, readSavedInputs, summaryTable, writeFailure } from './fuzz/report';
import type { Target } from './fuzz/targets';
import { TARGETS, generatePayload, recipeFor } from './fuzz/targets';

const USAGE = `usage: npm run fuzz -- [--count N] [--seed S] [--target ${TARGETS.join(',')}] [--only INDEX,…] [--replay FILE|FOLDER]
                     [--workers N] [--limit-ms MS] [--memory-mb MB] [--out DIR] [--save DIR] [--verbose]
  --count      inputs to run (default 16000), the targets taking turns
  --seed       the run's seed (default 1): the same seed gives the same inputs
  --target     only these targets, comma-separated
  --only       run only the inputs with these indices, comma-separated (to reproduce failures)
  --replay     run saved inputs (a failure written to test-report/fuzz/, or scripts/fuzz/regressions/)
  --limit-ms   CPU time an input may take before it counts as a hang (default 2000)
  --memory-mb  heap of each worker (default 500); running out is a memory blow-up
  --verbose    a line per input: its target, kind, outcome and CPU time
  --save DIR   also write every input run, failing or not, to DIR (to keep one as a regression)`;
const fail: (message: string) => never = cliFailure('fuzz', USAGE);

const options = parseCommandLine(
  {
    count: { type: 'string', default: '16000' },
    seed: { type: 'string', default: '1' },
    target: { type: 'string' },
    only: { type: 'string' },
    replay: { type: 'string' },
    workers: { type: 'string', default: '2' },
    'limit-ms': { type: 'string', default: '2000' },
    'memory-mb': { type: 'string', default: '500' },
    out: { type: 'string', default: 'test-report/fuzz' },
    verbose: { type: 'boolean', default: false },
    save: { type: 'string' },
  },
  USAGE,
  fail,
);

const whole = (name: string, value: string, min: number, max: number): number => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) fail(`--${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  return Number(value);
};
const count = whole('count', options.count, 1, 10_000_000);
const seed = whole('seed', options.seed, 0, 0xffffffff);
const workers = whole('workers', options.workers, 1, 64);
const limitMs = whole('limit-ms', options['limit-ms'], 1, 600_000);
const memoryMb = whole('memory-mb', options['memory-mb'], 16, 64_000);
const targets: Target[] = options.target ? (options.target.split(',').map((name) => name.trim()) as Target[]) : [...TARGETS];
for (const target of targets) if (!(TARGETS as readonly string[]).includes(target)) fail(`no target "${target}"; there are ${TARGETS.join(', ')}`);
const only = options.only === undefined ? null : options.only.split(',').map((index) => whole('only', index.trim(), 0, 10_000_000));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, options.out);

const targetFlag = options.target ? ` --target ${targets.join(',')}` : '';
const reproduceIndex = (index: number) => `npm run fuzz -- --seed ${seed}${targetFlag} --only ${index}`;

let jobs: Job[];
if (options.replay) {
  try {
    jobs = readSavedInputs(path.resolve(options.replay));
  } catch (error) {
    fail(`cannot read saved inputs from ${options.replay}: ${error instanceof Error ? error.message : String(error)}`);
  }
} else {
  const indices = only ?? Array.from({ length: count }, (_, i) => i);
  jobs = indices.map((index) => {
    const recipe = recipeFor(seed, index, targets);
    return { target: recipe.target, kind: recipe.kind, recipe, label: `#${index}` };
  });
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const tally = createTally();
const startedAt = Date.now();
let done = 0;
let lastProgress = 0;
const interactive = process.stderr.isTTY;
console.log(
  `fuzz: ${jobs.length} inputs${options.replay ? ` from ${options.replay}` : `, seed ${seed}, targets ${targets.join(', ')}`}; ${workers} workers, ${limitMs} ms CPU and ${memoryMb} MB heap per input`,
);

const failed: JobResult[] = [];
const all: JobResult[] = [];
// Ctrl-C (or a CI timeout's SIGTERM) ends the run after the inputs under way, and still reports.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: finishing the inputs under way, then reporting (again to quit at once)`);
  });
}
await runJobsConfirmingHangs(
  jobs,
  { workers, limitMs, memoryMb },
  (result) => {
    done += 1;
    addResult(tally, result);
    if (options.save) all.push(result);
    if (options.verbose)
      console.log(
        `${result.job.label.padEnd(8)} ${`${result.job.target}/${result.job.kind}`.padEnd(32)} ${result.status.padEnd(8)} ${String(Math.round(result.cpuMs)).padStart(6)} ms CPU ${String(Math.round(result.wallMs)).padStart(6)} ms  ${result.summary.split('\n')[0]!.slice(0, 100)}`,
      );
    if (tally.failures.at(-1) === result) {
      failed.push(result);
      console.log(
        `\n${result.status === 'refusal' || result.status === 'ok' ? 'unclear' : result.status} ${result.job.target}/${result.job.kind} ${result.job.label}: ${result.summary.split('\n')[0]!.slice(0, 200)}${result.unclear.length ? `\n  ${result.unclear.slice(0, 3).join('\n  ')}` : ''}`,
      );
    }
    const now = Date.now();
    if (now - lastProgress > (interactive ? 1_000 : 15_000) || done === jobs.length) {
      lastProgress = now;
      process.stderr.write(`${interactive ? '\r' : ''}${progressLine(tally, done, jobs.length, startedAt)}${interactive ? '' : '\n'}`);
      writeFileSync(path.join(outDir, 'summary.txt'), `${progressLine(tally, done, jobs.length, startedAt)}\n\n${summaryTable(tally)}\n`);
    }
  },
  () => stopping,
);
if (interactive) process.stderr.write('\n');

// Inputs made in the workers are made again here, from their recipes, to be written out.
const written: string[] = [];
const perSignature = new Map<string, number>();
for (const result of failed) {
  const job = result.job;
  const index = Number(job.label.slice(1));
  const signature = `${job.target} ${result.status} ${job.kind}`;
  const seen = perSignature.get(signature) ?? 0;
  perSignature.set(signature, seen + 1);
  if (seen >= 5) continue;
  const payload = job.payload ?? generatePayload(job.recipe!, getCorpus());
  const reproduce = job.label.startsWith('#')
    ? `${reproduceIndex(index)}   or   npm run fuzz -- --replay <this file>`
    : `npm run fuzz -- --replay ${options.replay}`;
  written.push(writeFailure(outDir, result, payload, reproduce));
}

if (options.save) {
  const saveDir = path.resolve(options.save);
  for (const result of all) {
    const payload = result.job.payload ?? generatePayload(result.job.recipe!, getCorpus());
    const reproduce = result.job.label.startsWith('#') ? reproduceIndex(Number(result.job.label.slice(1))) : `npm run fuzz -- --replay ${options.replay}`;
    writeFailure(
      saveDir,
      result,
      payload,
      reproduce,
      `${result.job.target}-${result.job.kind}-seed${seed}-${result.job.label.replace(/[^a-z0-9]+/gi, '')}.json`,
    );
  }
  console.log(`${all.length} inputs saved to ${path.relative(root, saveDir) || '.'}/`);
}

const table = summaryTable(tally);
console.log(`\n${table}`);
writeFileSync(path.join(outDir, 'summary.txt'), `${progressLine(tally, done, jobs.length, startedAt)}\n\n${table}\n`);
if (written.length)
  console.log(
    `\n${written.length} failing inputs written to ${path.relative(root, outDir)}/ (up to 5 per kind); each file says how to reproduce it. To keep one as a regression test, copy it to scripts/fuzz/regressions/.`,
  );
const ran = stopping ? `${done} of ${jobs.length} inputs (stopped early)` : `${jobs.length} inputs`;
console.log(
  tally.failures.length ? `\nFAILED: ${tally.failures.length} failing of ${ran}` : `\nPASSED: ${ran}, no crash, hang, memory blow-up or unclear message`,
);
process.exit(tally.failures.length ? 1 : 0);
